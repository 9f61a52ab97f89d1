"""A queue number for the counter (issue 8 point 5): pick a field, take a ticket, print it, show it large.

Why at the kiosk: a citizen who must see an officer anyway (papers to show, a "một phần" procedure) should
not stand in line; the ticket needs no identification and carries no personal data. Numbering, the people
ahead and the estimate come from kiosk.core.queue; printing from kiosk.devices.printing.ticket (never
raises: the ticket exists even when the printer is out of paper). Both run on the worker thread. The page
returns to Welcome by itself after ``RETURN_AFTER_MS`` so the next citizen finds the start screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QTimer, Signal, Slot

from kiosk.ui.base import NO_TEXT, SubViewModel, Text2, pair

RETURN_AFTER_MS = 30_000


class TicketViewModel(SubViewModel):
    changed = Signal()

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETURN_AFTER_MS)
        self._timer.timeout.connect(self.done)
        self.reset()

    def reset(self) -> None:
        self._timer.stop()
        self._fields: list[str] = []
        self._ticket: Any = None
        self._print: Any = None
        self._error: Text2 = NO_TEXT
        self._busy = False
        self.print_path: str | None = None
        self.changed.emit()

    # -- properties for QML ---------------------------------------------------------------------------
    @Property("QVariantList", notify=changed)
    def fields(self) -> list[str]:
        return list(self._fields)

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(bool, notify=changed)
    def taken(self) -> bool:
        return self._ticket is not None

    @Property(str, notify=changed)
    def number(self) -> str:
        return self._ticket.number if self._ticket is not None else ""

    @Property(str, notify=changed)
    def field(self) -> str:
        return self._ticket.field if self._ticket is not None else ""

    @Property(int, notify=changed)
    def ahead(self) -> int:
        return int(self._ticket.ahead) if self._ticket is not None else 0

    @Property(str, notify=changed)
    def aheadText(self) -> str:  # noqa: N802 - QML naming
        if self._ticket is None:
            return ""
        n = int(self._ticket.ahead)
        if n == 0:
            return self.t(("Không có ai chờ trước bạn.", "Nobody is waiting before you."))
        return self.t(("Số người chờ trước bạn: {n}", "People waiting before you: {n}")).format(n=n)

    @Property(str, notify=changed)
    def waitText(self) -> str:  # noqa: N802
        wait = self._ticket.estimated_wait if self._ticket is not None else None
        if wait is None:
            return ""
        minutes = round(wait.total_seconds() / 60)
        if minutes < 5:
            return self.t(("Thời gian chờ dự kiến: dưới 5 phút", "Expected wait: under 5 minutes"))
        return self.t(("Thời gian chờ dự kiến: khoảng {m} phút", "Expected wait: about {m} minutes")).format(m=minutes)

    @Property(str, notify=changed)
    def printText(self) -> str:  # noqa: N802
        if self._print is None or self._print.ok:
            return ""
        return self.t((f"Chưa in được phiếu ({self._print.message_vi}). Vui lòng ghi nhớ số của bạn.",
                       f"The ticket could not be printed ({self._print.message_en}). Please remember your number."))

    @Property(str, notify=changed)
    def printState(self) -> str:  # noqa: N802
        return self._print.state if self._print is not None else ""

    @Property(str, notify=changed)
    def errorText(self) -> str:  # noqa: N802
        return self.t(self._error)

    # -- actions --------------------------------------------------------------------------------------
    @Slot()
    def open(self) -> None:
        """Welcome's "take a queue number": show the fields (read on the worker)."""
        if not getattr(self.root, "ready", True):
            return
        self.reset()
        self._busy = True
        self.changed.emit()
        self.root.goTo("ticket")
        queue = self._queue()
        self.root.worker.submit(queue.fields, self._fields_loaded, self._failed)

    @Slot(str)
    def take(self, field: str) -> None:
        if self._busy or self._ticket is not None:
            return  # one ticket per touch: a double tap must not take two numbers
        self._busy, self._error = True, NO_TEXT
        self.changed.emit()
        queue, services = self._queue(), self.services
        kiosk_id = services.settings.kiosk_id
        printer = getattr(services, "_printer", None)

        def job() -> tuple[Any, Any]:
            from kiosk.devices.printing.ticket import print_ticket

            ticket = queue.take_ticket(field, kiosk_id)
            return ticket, print_ticket(services.settings, ticket, printer)

        self.root.worker.submit(job, self._taken, self._failed)

    @Slot()
    def done(self) -> None:
        """"Xong", or the page's own timeout: back to Welcome with nothing kept."""
        self._timer.stop()
        if self.root.page == "ticket":
            self.root.finish("completed")
        else:
            self.reset()

    # -- worker results (GUI thread) ------------------------------------------------------------------
    def _queue(self) -> Any:

        return self.services.app.queue

    def _fields_loaded(self, fields: list[str]) -> None:
        self._busy = False
        self._fields = list(fields)
        self.changed.emit()

    def _taken(self, value: tuple[Any, Any]) -> None:
        self._busy = False
        self._ticket, self._print = value
        path = getattr(self._print, "path", None)
        self.print_path = str(path) if path else None
        self._timer.start()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._error = pair(exc, ("Chưa lấy được số. Vui lòng thử lại hoặc đến quầy hướng dẫn.",
                                 "No number could be taken. Please try again or go to the information desk."))
        self.changed.emit()

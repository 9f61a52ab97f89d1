"""The counter's queue strip in the console: counter number, "Gọi số tiếp theo", the current ticket, recall,
served / no-show, and how many citizens wait per field.

Why a separate widget: the console window stays about dossiers; this strip only forwards clicks to
kiosk.core.queue.QueueService with the logged-in officer's id (so the audit trail names them) and shows what
the service returns. The hall screen (``kiosk hall``) picks the call up from the database. Every call to the
service runs on the console's worker (``window.run_busy`` for clicks, ``window.worker`` for the poll).
"""

from __future__ import annotations

import functools
import weakref
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from kiosk.core.queue import QueueService


class QueuePanel(QWidget):
    def __init__(self, window: Any) -> None:
        super().__init__()
        # a weak reference: no panel -> window -> panel cycle left for the garbage collector (which may run on
        # a worker thread and would destroy the Qt objects from there)
        self._window = weakref.ref(window)
        self.queue = window.app.queue
        self.setObjectName("queuePanel")
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 2, 0, 2)
        h.addWidget(QLabel("Quầy số"))
        self.counter = QSpinBox()
        self.counter.setObjectName("counterNo")
        self.counter.setRange(1, 999)
        self._counter_file = window.app.settings.data_dir / "console-counter-number"
        self.counter.setValue(_read_counter(self._counter_file))
        self.counter.valueChanged.connect(self._save_counter)  # this PC's counter is remembered
        h.addWidget(self.counter)
        self.call_button = QPushButton("Gọi số tiếp theo")
        self.call_button.setObjectName("callNextButton")
        self.call_button.setStyleSheet("font-weight:bold; padding:4px 14px;")
        self.call_button.clicked.connect(self.call_next)
        h.addWidget(self.call_button)
        self.current_label = QLabel("Chưa gọi số")
        self.current_label.setObjectName("currentTicket")
        f = QFont()
        f.setPointSize(14)
        f.setBold(True)
        self.current_label.setFont(f)
        h.addWidget(self.current_label)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("recall", "Gọi lại"), ("served", "Đã phục vụ"), ("no_show", "Vắng mặt")):
            b = QPushButton(text)
            b.setObjectName(f"queue_{key}")
            b.clicked.connect(functools.partial(self.act, key))
            self.buttons[key] = b
            h.addWidget(b)
        h.addStretch(1)
        self.waiting_label = QLabel("")
        self.waiting_label.setObjectName("waitingCounts")
        h.addWidget(self.waiting_label)
        self.current: Any = None

    @property
    def window(self) -> Any:  # type: ignore[override] - the console window, not QWidget.window()
        return self._window()

    def _staff(self) -> int | None:
        return self.window.staff_id()

    def _save_counter(self, value: int) -> None:
        try:
            self._counter_file.write_text(str(value))
        except OSError:
            pass  # not fatal: the officer picks the number again next time

    def call_next(self) -> None:
        sid = self._staff()
        if sid is None:
            return
        q, counter = self.queue, self.counter.value()
        self.window.run_busy(lambda: q.call_next(counter, sid), self._called, self._failed)

    def _called(self, t: Any) -> None:
        if t is None:
            self.window.statusBar().showMessage("Không còn ai đang chờ.", 8000)
        else:
            self.window.statusBar().showMessage(t.announcement("vi"), 10000)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.window.statusBar().showMessage(getattr(exc, "vi", None) or type(exc).__name__, 10000)
        self.refresh()

    def act(self, key: str, *_: Any) -> None:
        sid = self._staff()
        if sid is None:
            return
        q, counter = self.queue, self.counter.value()

        def work() -> Any:
            if key == "recall":
                return q.recall(counter, sid)
            cur = q.current(counter)
            if cur is None:
                return None
            return q.mark_served(cur.id, sid) if key == "served" else q.no_show(cur.id, sid)

        def done(t: Any) -> None:
            if t is not None and key == "recall":
                self.window.statusBar().showMessage(t.announcement("vi"), 10000)
            self.refresh()

        self.window.run_busy(work, done, self._failed)

    def refresh(self) -> None:
        q, counter = self.queue, self.counter.value()
        self.window.worker.submit(functools.partial(_poll, q, counter), self._show, self._poll_failed)

    def _poll_failed(self, exc: BaseException) -> None:
        pass  # a poll failure must not break the console; the next poll tries again

    def _show(self, value: tuple[Any, dict[str, int]]) -> None:
        self.current, counts = value
        if self.current:
            self.current_label.setText(f"Đang phục vụ: số {self.current.number} · {self.current.field}")
        else:
            self.current_label.setText("Chưa gọi số")
        for b in self.buttons.values():
            b.setEnabled(self.current is not None)
        total = sum(counts.values())
        detail = ", ".join(f"{f}: {n}" for f, n in counts.items())
        self.waiting_label.setText(f"Đang chờ: {total}" + (f" ({detail})" if detail else ""))


def _poll(q: QueueService, counter: int) -> tuple[Any, dict[str, int]]:
    return q.current(counter), q.waiting_counts()


def _read_counter(path: Any) -> int:
    try:
        value = int(path.read_text().strip())
    except (OSError, ValueError):
        return 1
    return value if 1 <= value <= 999 else 1

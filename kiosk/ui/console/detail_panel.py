"""The open dossier: its detail and history on the right of the console, and the action buttons under it.

Why a panel: which buttons are legal comes from core (kiosk.core.workflow through labels.button_legal) and
the action itself, with its form and SMS, from core through :func:`operations.run_action`; this panel only
reads the detail on the worker, shows it, enables the legal buttons and forwards a click (after the dialog
that collects what the action needs, action_dialogs.collect).
"""

from __future__ import annotations

import functools
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from kiosk.ui.console import operations
from kiosk.ui.console.detail_html import detail_html
from kiosk.ui.console.labels import BUTTON_TEXT, SHOWN_ONLY_WHEN_LEGAL, button_legal

if TYPE_CHECKING:
    from kiosk.ui.console.window import ConsoleWindow


class DetailPanel(QWidget):
    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__()
        self._window = weakref.ref(window)  # weak: no panel <-> window cycle for the garbage collector
        self.current_code: str | None = None
        self.det: Any = None  # the loaded detail of current_code
        self.last_result: Any = None
        self.last_outcome: operations.Outcome | None = None  # the last action or walk-in, with its effects
        rv = QVBoxLayout(self)
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")
        rv.addWidget(self.detail, 1)
        grid = QWidget()
        gl = QVBoxLayout(grid)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for i, key in enumerate(BUTTON_TEXT):
            if i % 3 == 0:
                row = QHBoxLayout()
                gl.addLayout(row)
            b = QPushButton(BUTTON_TEXT[key])
            b.setObjectName(f"action_{key}")
            b.setEnabled(False)
            b.clicked.connect(functools.partial(self.on_action, key))
            self.buttons[key] = b
            row.addWidget(b)
        rv.addWidget(grid)

    # -- showing -------------------------------------------------------------------------------------
    def show_dossier(self, code: str) -> None:
        """Open a dossier: current_code is set now, the detail is read on the worker."""
        window = self._window()
        if window is None:
            return
        if code != self.current_code:
            self.det = None
            self.update_buttons()
        self.current_code = code
        actions = window.app.actions
        window.worker.submit(functools.partial(actions.detail, code), functools.partial(self.loaded, code),
                             window.poll_failed)

    def loaded(self, code: str, det: Any) -> None:
        window = self._window()
        if window is None or code != self.current_code:
            return
        if det is None:
            self.det = None
            self.detail.setHtml(f"<p>Không tìm thấy hồ sơ {code}.</p>")
        else:
            self.det = det
            self.detail.setHtml(detail_html(det, window.app.settings.tz))
        self.update_buttons()

    def clear(self) -> None:
        self.current_code, self.det = None, None
        self.detail.clear()
        self.update_buttons()

    def update_buttons(self) -> None:
        window = self._window()
        busy = window is not None and window.busy
        det = self.det
        for key, b in self.buttons.items():
            legal = det is not None and button_legal(key, det.row.status, accepted=det.row.received_at is not None)
            ok = legal
            if key == "pay":
                ok = ok and det.row.payment_state == "unpaid"
            if key == "apologize" and det is not None and window is not None:
                ok = ok and det.row.due_at is not None and window.app.clock.now() < det.row.due_at and not any(
                    e["action"] == "apologize" for e in det.events
                )
            if key in SHOWN_ONLY_WHEN_LEGAL:
                b.setVisible(bool(legal))
            b.setEnabled(bool(ok) and not busy)

    # -- acting --------------------------------------------------------------------------------------
    def on_action(self, key: str, *_: Any) -> None:
        """Collect what the action needs (dialogs, from the loaded detail), then run it on the worker."""
        from kiosk.ui.console.action_dialogs import collect

        window = self._window()
        code, det = self.current_code, self.det
        if window is None or code is None or det is None or window.busy:
            return
        kwargs = collect(window, key, det)
        if kwargs is not None:
            self.perform(key, code, **kwargs)

    def perform(self, key: str, code: str, **kw: Any) -> None:
        """The action, its form and SMS on the worker; the outcome lands in the status bar."""
        window = self._window()
        staff_id = window.staff_id() if window is not None else None
        if window is None or staff_id is None:
            return
        window.statusBar().showMessage(f"{code}: đang xử lý…")
        window.run_busy(functools.partial(operations.run_action, window.app, key, code, staff_id, **kw),
                        functools.partial(self.performed, code))

    def performed(self, code: str, out: operations.Outcome) -> None:
        window = self._window()
        if window is None:
            return
        self.last_result, self.last_outcome = out.result, out
        window.statusBar().showMessage(out.message, 15000)
        self.current_code = code
        window.refresh()


__all__ = ["DetailPanel"]

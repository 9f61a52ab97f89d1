"""Help calls from the kiosks: the "Hỗ trợ ki-ốt" tab (take / done) and the banner above the work screen.

Why a panel: a new call must be noticed at once (banner, beep, ``helpRequested``), and only once: calls
already open when the officer logs in are marked seen by the first snapshot. Taking or closing a call is
kiosk.core's (DossierActions.take_help / close_help), run on the worker with the officer's id.
"""

from __future__ import annotations

import functools
import weakref
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QWidget

from kiosk.ui.console.dialogs import table_readonly
from kiosk.ui.console.tables import fill_table, selected_key, with_buttons

if TYPE_CHECKING:
    from kiosk.ui.console.window import ConsoleWindow


class HelpPanel(QWidget):
    helpRequested = Signal(str)  # kiosk name of a new help call  # noqa: N815

    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__()
        self._window = weakref.ref(window)  # weak: no panel <-> window cycle for the garbage collector
        self._seen: set[int] | None = set()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("helpTable")
        self.table.setHorizontalHeaderLabels(["Ki-ốt", "Lúc", "Trạng thái", "Cán bộ", "Đang ở trang · đã bao lâu"])
        table_readonly(self.table)
        with_buttons(self.table, [("Nhận hỗ trợ", self.take), ("Đã xong", self.close_call)], self)
        self.banner = QLabel("")  # placed above the work screen by the window
        self.banner.setObjectName("helpBanner")
        self.banner.setStyleSheet("background:#fff3cd; color:#7a4b00; padding:6px; font-weight:bold;")
        self.banner.hide()

    def forget_seen(self) -> None:
        """After a login: the next snapshot marks the calls already open as seen (no beep for old calls)."""
        self._seen = None

    def apply(self, rows: list[Any], now: datetime, tz: tzinfo) -> int:
        """Show the open and taken calls; beep and emit ``helpRequested`` for each new one. Returns how many
        wait."""
        from kiosk.ui.kiosk_records import where_and_how_long

        def where(h: Any) -> str:
            return where_and_how_long(getattr(h, "page", None), getattr(h, "page_since", None), now)

        fill_table(self.table, [
            (str(h.id), [h.kiosk_name + (" (ki-ốt mời hỗ trợ)" if getattr(h, "reason", None) == "offer" else ""),
                         h.created_at.astimezone(tz).strftime("%H:%M"),
                         "Đang chờ" if h.state == "open" else "Đang hỗ trợ", h.taken_by or "", where(h)],
             "#ffe3a8" if h.state == "open" else None)
            for h in rows
        ])
        waiting = [h for h in rows if h.state == "open"]
        self.banner.setVisible(bool(waiting))
        self.banner.setText("Công dân cần hỗ trợ tại: " + ", ".join(
            h.kiosk_name + (f" ({w})" if (w := where(h)) else "") for h in waiting))
        if self._seen is None:
            self._seen = {h.id for h in waiting}
        for h in waiting:
            if h.id not in self._seen:
                self._seen.add(h.id)
                QApplication.beep()
                self.helpRequested.emit(h.kiosk_name)
        return len(waiting)

    def take(self, *_: Any) -> None:
        self._act("take")

    def close_call(self, *_: Any) -> None:
        self._act("close")

    def _act(self, what: str) -> None:
        window = self._window()
        key = selected_key(self.table)
        staff_id = window.staff_id() if window is not None else None
        if window is None or key is None or staff_id is None:
            return
        fn = window.app.actions.take_help if what == "take" else window.app.actions.close_help
        window.run_busy(functools.partial(fn, int(key), staff_id), window.refresh_after)


__all__ = ["HelpPanel"]

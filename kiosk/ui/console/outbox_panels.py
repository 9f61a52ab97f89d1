"""What did not reach the citizen yet: failed print jobs (with "In lại") and the demo SMS outbox.

Why panels: a print failure never rolls a dossier back (kiosk.core.printing.PrintJobs records it), so the
officer needs one place to see and reprint it; on a site without an SMS gateway the demo outbox is where a
tester or an officer reads the code that was sent. Both are filled from the window's poll snapshot.
"""

from __future__ import annotations

import functools
import weakref
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QListWidget, QTableWidget, QWidget

from kiosk.ui.console.dialogs import table_readonly
from kiosk.ui.console.tables import fill_table, selected_key, with_buttons

if TYPE_CHECKING:
    from kiosk.ui.console.window import ConsoleWindow


class PrintJobsPanel(QWidget):
    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__()
        self._window = weakref.ref(window)  # weak: no panel <-> window cycle for the garbage collector
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("printTable")
        self.table.setHorizontalHeaderLabels(["Mã hồ sơ", "Mẫu", "Lỗi", "Lúc", "Số lần"])
        table_readonly(self.table)
        with_buttons(self.table, [("In lại", self.reprint_selected)], self)

    def apply(self, jobs: list[dict[str, Any]], tz: tzinfo) -> int:
        fill_table(self.table, [
            (str(j["id"]), [j["code"], j["form"], (j["error"] or "")[:80], j["at"].astimezone(tz).strftime("%H:%M %d/%m"),
                            str(j["attempts"])], "#f8d0d0")
            for j in jobs
        ])
        return len(jobs)

    def reprint_selected(self, *_: Any) -> None:
        window = self._window()
        key = selected_key(self.table)
        if window is None or key is None or window.staff_id() is None:
            return
        # core's PrintJobs prints the recorded job again and counts the attempt; it never raises
        window.run_busy(functools.partial(window.app.print_jobs.retry, int(key)), self._reprinted)

    def _reprinted(self, res: Any) -> None:  # a kiosk.core.ports.PrintOutcome
        window = self._window()
        if window is None:
            return
        window.statusBar().showMessage("Đã in lại." if res.ok else f"In lại không được: {res.state}", 10000)
        window.refresh()


class SmsPanel(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("smsList")

    def apply(self, messages: list[dict[str, Any]]) -> None:
        """The latest lines of the demo outbox, newest first."""
        self.clear()
        for m in reversed(messages):
            self.addItem(f"{m['at'][11:16]}  {m['to']}  {m['text']}")


__all__ = ["PrintJobsPanel", "SmsPanel"]

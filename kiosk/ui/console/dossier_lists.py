"""The console's two dossier lists: the acceptance queue (with its clock colours) and the search results.

Why apart from the window: the rows are plain text made from what kiosk.core.dossier_queries returns (the
remaining working time, the level colour, the status text); the window only fills them after a poll or a
search and opens the selected dossier.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtWidgets import QTableWidget

from kiosk.core.dossier_queries import format_remaining
from kiosk.ui.console.dialogs import table_readonly
from kiosk.ui.console.labels import CHANNEL_VI, LEVEL_COLOURS
from kiosk.ui.console.tables import Row

PENDING_HEADERS = ["Mã hồ sơ", "Còn lại (giờ làm việc)", "Hạn tiếp nhận", "Thủ tục", "Người nộp", "Kênh"]
RESULT_HEADERS = ["Mã hồ sơ", "Trạng thái", "Thủ tục", "Người nộp", "Hạn trả"]


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table_readonly(table)
    return table


def pending_table() -> QTableWidget:
    return _table("queueTable", PENDING_HEADERS)


def results_table() -> QTableWidget:
    return _table("resultsTable", RESULT_HEADERS)


def pending_rows(rows: list[Any], tz: tzinfo) -> list[Row]:
    """Dossiers waiting for acceptance: time left, deadline, coloured by how close the deadline is."""
    return [
        (r.code, [r.code, format_remaining(r.remaining),
                  r.accept_deadline.astimezone(tz).strftime("%H:%M %d/%m") if r.accept_deadline else "—",
                  r.procedure_name, r.applicant_name, CHANNEL_VI.get(r.channel, r.channel)], LEVEL_COLOURS[r.level])
        for r in rows
    ]


def result_rows(rows: list[Any], tz: tzinfo) -> list[Row]:
    return [
        (r.code, [r.code, f"{r.status} · {r.status_text}", r.procedure_name, r.applicant_name,
                  r.due_at.astimezone(tz).strftime("%H:%M %d/%m/%Y") if r.due_at else "—"], None)
        for r in rows
    ]


__all__ = ["pending_rows", "pending_table", "result_rows", "results_table"]

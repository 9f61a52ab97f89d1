"""Small helpers every console table shares: fill rows keeping the selection, read the selected key, put a
row of buttons under a table.

Why apart: the dossier lists, the help calls and the failed prints are separate panels
(dossier_lists, help_panel, outbox_panels) that fill their tables the same way after each poll.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

Row = tuple[str, list[str], str | None]  # (key, cell texts, background colour or None)


def table_item(text: str, bg: str | None = None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    if bg:
        it.setBackground(QColor(bg))
    return it


def selected_key(table: QTableWidget) -> str | None:
    """The key (dossier code, help call id, print job id) of the selected row."""
    items = table.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None


def fill_table(table: QTableWidget, rows: list[Row]) -> None:
    """Replace the rows, keeping the selected key selected, without firing selection signals."""
    keep = selected_key(table)
    table.blockSignals(True)
    table.setRowCount(len(rows))
    for r, (key, cells, bg) in enumerate(rows):
        for c, text in enumerate(cells):
            it = table_item(text, bg)
            it.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, it)
        if key == keep:
            table.selectRow(r)
    table.blockSignals(False)
    table.resizeColumnsToContents()


def with_buttons(table: QTableWidget, buttons: list[tuple[str, Callable[[], None]]], owner: QWidget) -> None:
    """Lay ``table`` out in ``owner`` with a row of buttons under it (slots are bound methods, no lambdas)."""
    v = QVBoxLayout(owner)
    v.setContentsMargins(0, 0, 0, 0)
    v.addWidget(table)
    row = QHBoxLayout()
    for text, slot in buttons:
        b = QPushButton(text)
        b.clicked.connect(slot)
        row.addWidget(b)
    row.addStretch(1)
    v.addLayout(row)


__all__ = ["Row", "fill_table", "selected_key", "table_item", "with_buttons"]

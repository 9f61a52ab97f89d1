"""The supervisor's audit-log tab in the console: filter by period, officer, action, dossier code or kiosk,
and export what is shown as CSV.

Why only for supervisors and admins: the log shows every officer's actions. The window adds this tab after
a supervisor/admin login and removes it at logout. Reading goes through kiosk.core.audit_log (read-only; the
database refuses updates and deletes).
"""

from __future__ import annotations

import functools
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.audit_log import AuditFilter, AuditLog
from kiosk.ui.console.dialogs import table_readonly

AUDIT_ROLES = ("supervisor", "admin")
COLUMNS = ["Lúc", "Hành động", "Cán bộ", "Mã hồ sơ", "Ki-ốt", "Chi tiết"]


class AuditPanel(QWidget):
    def __init__(self, app: Any, worker: Any = None) -> None:
        super().__init__()
        self.app = app
        self.worker = worker  # the console's Worker: reads run off the GUI thread (None: synchronous)
        self.log = AuditLog(app.session_factory)
        self.setObjectName("auditPanel")
        v = QVBoxLayout(self)
        row = QHBoxLayout()
        today = app.clock.now().astimezone(app.settings.tz).date()
        self.date_from = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd/MM/yyyy")
        self.staff = QLineEdit()
        self.staff.setPlaceholderText("Cán bộ (tên đăng nhập)")
        self.action = QLineEdit()
        self.action.setPlaceholderText("Hành động (vd. dossier.)")
        self.dossier = QLineEdit()
        self.dossier.setPlaceholderText("Mã hồ sơ")
        self.kiosk = QLineEdit()
        self.kiosk.setPlaceholderText("Ki-ốt")
        for label, w in (("Từ", self.date_from), ("đến", self.date_to)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        for w in (self.staff, self.action, self.dossier, self.kiosk):
            w.returnPressed.connect(self.refresh)
            row.addWidget(w)
        show = QPushButton("Xem")
        show.setObjectName("auditShow")
        show.clicked.connect(self.refresh)
        export = QPushButton("Xuất CSV…")
        export.setObjectName("auditExport")
        export.clicked.connect(self.on_export)
        row.addWidget(show)
        row.addWidget(export)
        v.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        table_readonly(self.table)
        v.addWidget(self.table, 1)

    def current_filter(self) -> AuditFilter:
        tz = self.app.settings.tz
        start = datetime.combine(self.date_from.date().toPython(), time(0), tz)
        end = datetime.combine(self.date_to.date().toPython(), time(0), tz) + timedelta(days=1)
        return AuditFilter(start=start, end=end, staff=self.staff.text().strip() or None,
                           action=self.action.text().strip() or None, dossier_code=self.dossier.text().strip() or None,
                           kiosk_id=self.kiosk.text().strip() or None)

    def refresh(self) -> None:
        flt, log = self.current_filter(), self.log
        if self.worker is None:
            self._show(log.query(flt, limit=1000))
        else:
            self.worker.submit(functools.partial(log.query, flt, limit=1000), self._show)

    def _show(self, rows: list[Any]) -> None:
        import json

        tz = self.app.settings.tz
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [row.at.astimezone(tz).strftime("%H:%M:%S %d/%m/%Y"), row.action, row.staff or row.actor_type,
                     row.dossier_code or "", row.kiosk_id or "", json.dumps(row.details, ensure_ascii=False, sort_keys=True)]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def export_to(self, path: Path) -> int:
        return self.log.export_file(self.current_filter(), "csv", path, self.app.settings.tz)

    def on_export(self) -> None:  # pragma: no cover - a file dialog
        name, _ = QFileDialog.getSaveFileName(self, "Xuất nhật ký", "nhat-ky.csv", "CSV (*.csv)")
        if name and self.worker is not None:  # the filter is read here, on the GUI thread; only the file on the worker
            log, flt, tz = self.log, self.current_filter(), self.app.settings.tz
            self.worker.submit(functools.partial(log.export_file, flt, "csv", Path(name), tz))
        elif name:
            self.export_to(Path(name))

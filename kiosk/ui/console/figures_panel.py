"""The "Số liệu" tab of the console for supervisors and admins: today's main figures and the queue figures
(waiting now, median wait, served) from the same summary as `kiosk report` and the supervisor screen.

Why read-only and small: the full supervisor screen (`kiosk supervisor`) has the chart, targets and drill-down;
at the counter a supervisor only needs to glance at the day. The summary is computed on the console's worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

FIGURES = (
    ("received_total", "Tiếp nhận"),
    ("accepted", "Đã tiếp nhận"),
    ("pending_online_past_8h", "Chờ tiếp nhận > 8 giờ"),
    ("due_today", "Đến hạn hôm nay"),
    ("overdue_in_progress", "Quá hạn đang xử lý"),
    ("finished_total", "Đã giải quyết"),
    ("queue.waiting", "Đang chờ tại quầy"),
    ("queue.median_wait_minutes", "Thời gian chờ (trung vị, phút)"),
    ("queue.served", "Đã phục vụ (số thứ tự)"),
)


def figure_value(data: dict[str, Any], key: str) -> str:
    value: Any = data
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


class FiguresPanel(QWidget):
    def __init__(self, app: Any, worker: Any) -> None:
        super().__init__()
        self.app, self.worker = app, worker
        self.setObjectName("figuresPanel")
        v = QVBoxLayout(self)
        grid = QGridLayout()
        self.values: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(FIGURES):
            value = QLabel("—")
            value.setObjectName("figure_" + key.replace(".", "_"))
            value.setStyleSheet("font-size: 20px; font-weight: bold;")
            grid.addWidget(value, (i // 3) * 2, i % 3)
            grid.addWidget(QLabel(label), (i // 3) * 2 + 1, i % 3)
            self.values[key] = value
        v.addLayout(grid)
        self.status = QLabel("")
        v.addWidget(self.status)
        again = QPushButton("Làm mới")
        again.clicked.connect(self.refresh)
        v.addWidget(again)
        v.addStretch(1)
        self.data: dict[str, Any] = {}

    def refresh(self) -> None:
        from kiosk.core.reports import Period

        reports = self.app.reports

        def work() -> dict[str, Any]:
            return reports.summary(Period.day(reports.today())).to_json()

        self.status.setText("Đang tải…")
        self.worker.submit(work, self._loaded, self._failed)

    def _loaded(self, data: dict[str, Any]) -> None:
        self.data = data
        for key, label in self.values.items():
            label.setText(figure_value(data, key))
        self.status.setText(f"Số liệu đến {data.get('as_of', '')[11:16]}")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"Không tải được số liệu ({type(exc).__name__}).")

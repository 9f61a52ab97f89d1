"""The counter's queue strip in the console: counter number, "Gọi số tiếp theo", the current ticket, recall,
served / no-show, and how many citizens wait per field.

Why a separate widget: the console window stays about dossiers; this strip only forwards clicks to
kiosk.core.queue.QueueService with the logged-in officer's id (so the audit trail names them) and shows what
the service returns. The hall screen (``kiosk hall``) picks the call up from the database.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from kiosk.core.queue import QueueError, QueueService


class QueuePanel(QWidget):
    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window = window
        self.queue = QueueService.from_app(window.app)
        self.setObjectName("queuePanel")
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 2, 0, 2)
        h.addWidget(QLabel("Quầy số"))
        self.counter = QSpinBox()
        self.counter.setObjectName("counterNo")
        self.counter.setRange(1, 999)
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
            b.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = b
            h.addWidget(b)
        h.addStretch(1)
        self.waiting_label = QLabel("")
        self.waiting_label.setObjectName("waitingCounts")
        h.addWidget(self.waiting_label)
        self.current: Any = None

    def _staff(self) -> int | None:
        return self.window._staff_id()

    def call_next(self) -> Any:
        sid = self._staff()
        if sid is None:
            return None
        try:
            t = self.queue.call_next(self.counter.value(), sid)
        except QueueError as exc:
            self.window.statusBar().showMessage(exc.vi, 10000)
            return None
        if t is None:
            self.window.statusBar().showMessage("Không còn ai đang chờ.", 8000)
        else:
            self.window.statusBar().showMessage(t.announcement("vi"), 10000)
        self.refresh()
        return t

    def act(self, key: str) -> Any:
        sid = self._staff()
        if sid is None:
            return None
        try:
            if key == "recall":
                t = self.queue.recall(self.counter.value(), sid)
            else:
                cur = self.queue.current(self.counter.value())
                if cur is None:
                    t = None
                elif key == "served":
                    t = self.queue.mark_served(cur.id, sid)
                else:
                    t = self.queue.no_show(cur.id, sid)
        except QueueError as exc:
            self.window.statusBar().showMessage(exc.vi, 10000)
            return None
        if t is not None and key == "recall":
            self.window.statusBar().showMessage(t.announcement("vi"), 10000)
        self.refresh()
        return t

    def refresh(self) -> None:
        try:
            self.current = self.queue.current(self.counter.value())
            counts = self.queue.waiting_counts()
        except Exception:  # noqa: BLE001 - a poll failure must not break the console
            return
        if self.current:
            self.current_label.setText(f"Đang phục vụ: số {self.current.number} · {self.current.field}")
        else:
            self.current_label.setText("Chưa gọi số")
        for b in self.buttons.values():
            b.setEnabled(self.current is not None)
        total = sum(counts.values())
        detail = ", ".join(f"{f}: {n}" for f, n in counts.items())
        self.waiting_label.setText(f"Đang chờ: {total}" + (f" ({detail})" if detail else ""))

"""The "mark processed" dialog: attach the signed result file (a PDF), or finish without one.

Why: a dossier finished with its signed result counts for QĐ 766 indicator 4.1 and lets a citizen who chose
online delivery print it at a kiosk. The officer picks the file here; kiosk.core.dossier_actions checks it
(exists, PDF, size) and keeps a private copy, so the dialog only does a quick early check for a clear message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.ui.console.dialogs import _Base


class ResultFileDialog(_Base):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Đã xử lý xong — tệp kết quả", parent)
        self.layout_.addWidget(QLabel(
            "Chọn tệp kết quả đã ký số (PDF) để trả kết quả điện tử; để trống nếu chỉ có bản giấy."))
        self.path = QLineEdit()
        self.path.setObjectName("resultPath")
        self.path.setPlaceholderText("/đường/dẫn/kết-quả.pdf")
        self.browse = QPushButton("Chọn tệp…")
        self.browse.setObjectName("chooseResult")
        self.browse.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("Tệp kết quả", row)
        self.layout_.addLayout(form)
        self.finish_layout()

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Chọn tệp kết quả (PDF)", "", "PDF (*.pdf)")
        if name:
            self.path.setText(name)

    def validate(self) -> str | None:
        text = self.path.text().strip()
        if text and not Path(text).expanduser().is_file():
            return "Không tìm thấy tệp kết quả đã chọn."
        return None

    def values(self) -> str | None:
        """The chosen file, or None to finish without a result file."""
        text = self.path.text().strip()
        return str(Path(text).expanduser()) if text else None


__all__ = ["ResultFileDialog"]

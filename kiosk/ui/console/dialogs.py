"""Dialogs of the counter console: the supplement list, a reason, a payment, a financial obligation, the
delivery, an apology, and the walk-in form (which can fill itself from the citizen's chip card).

Why one dialog per action: each collects exactly what the core action needs and nothing else, validates it
before the officer can press OK, and exposes ``values()`` so tests fill the widgets and read the result
without running a modal loop.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.workflow import DELIVERY_CHOICES, DELIVERY_LABELS_VI

COMMON_REASONS = [
    "Thiếu giấy tờ",
    "Giấy tờ không đúng mẫu",
    "Thiếu chữ ký / con dấu",
    "Bản sao không có chứng thực",
    "Thông tin không khớp với giấy tờ tùy thân",
    "Bản chụp không rõ",
]


class _Base(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Đồng ý")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def validate(self) -> str | None:  # a message, or None when valid
        return None

    def _try_accept(self) -> None:
        problem = self.validate()
        if problem:
            self.error.setText(problem)
            return
        self.accept()


class SupplementDialog(_Base):
    """Every missing or wrong paper with its reason, in one list (the citizen is told once, in full)."""

    def __init__(self, documents: list[str], parent: QWidget | None = None) -> None:
        super().__init__("Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)", parent)
        self.setMinimumWidth(640)
        self.layout_.addWidget(QLabel("Liệt kê <b>đầy đủ, một lần</b> các giấy tờ cần bổ sung và lý do:"))
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("supplementItems")
        self.table.setHorizontalHeaderLabels(["Giấy tờ", "Lý do"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layout_.addWidget(self.table)
        row = QHBoxLayout()
        self.doc_pick = QComboBox()
        self.doc_pick.setEditable(True)
        self.doc_pick.addItems(documents)
        self.doc_pick.setObjectName("docPick")
        self.reason_pick = QComboBox()
        self.reason_pick.setEditable(True)
        self.reason_pick.addItems(COMMON_REASONS)
        self.reason_pick.setObjectName("reasonPick")
        add = QPushButton("Thêm")
        add.setObjectName("addItem")
        add.clicked.connect(self._add_picked)
        remove = QPushButton("Xóa dòng")
        remove.clicked.connect(self._remove_current)
        row.addWidget(self.doc_pick, 2)
        row.addWidget(self.reason_pick, 2)
        row.addWidget(add)
        row.addWidget(remove)
        self.layout_.addLayout(row)
        self.layout_.addWidget(QLabel("Hướng dẫn cho công dân:"))
        self.guidance = QPlainTextEdit()
        self.guidance.setObjectName("guidance")
        self.guidance.setFixedHeight(70)
        self.layout_.addWidget(self.guidance)
        self.finish_layout()

    def _add_picked(self) -> None:
        self.add_item(self.doc_pick.currentText(), self.reason_pick.currentText())

    def _remove_current(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def add_item(self, name: str, reason: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(name.strip()))
        self.table.setItem(r, 1, QTableWidgetItem(reason.strip()))

    def values(self) -> tuple[list[dict[str, str]], str]:
        items = []
        for r in range(self.table.rowCount()):
            name = (self.table.item(r, 0).text() if self.table.item(r, 0) else "").strip()
            reason = (self.table.item(r, 1).text() if self.table.item(r, 1) else "").strip()
            if name or reason:
                items.append({"name": name, "reason": reason})
        return items, self.guidance.toPlainText().strip()

    def validate(self) -> str | None:
        items, _ = self.values()
        if not items:
            return "Chưa có giấy tờ nào trong danh sách."
        if any(not i["name"] or not i["reason"] for i in items):
            return "Mỗi dòng phải có tên giấy tờ và lý do."
        return None


class ReasonDialog(_Base):
    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.layout_.addWidget(QLabel(prompt))
        self.text = QPlainTextEdit()
        self.text.setObjectName("reasonText")
        self.text.setFixedHeight(90)
        self.layout_.addWidget(self.text)
        self.finish_layout()

    def values(self) -> str:
        return self.text.toPlainText().strip()

    def validate(self) -> str | None:
        return None if self.values() else "Vui lòng ghi rõ lý do."


class PaymentDialog(_Base):
    METHODS = [("Tiền mặt", "counter_cash"), ("Thẻ", "counter_card"), ("Chuyển khoản", "counter_transfer")]

    def __init__(self, fee: int, parent: QWidget | None = None) -> None:
        super().__init__("Thu phí, lệ phí tại quầy", parent)
        form = QFormLayout()
        self.amount = QSpinBox()
        self.amount.setObjectName("amount")
        self.amount.setRange(0, 100_000_000)
        self.amount.setSingleStep(1000)
        self.amount.setSuffix(" đ")
        self.amount.setValue(fee)
        self.method = QComboBox()
        self.method.setObjectName("method")
        for label, value in self.METHODS:
            self.method.addItem(label, value)
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.reference.setPlaceholderText("Số biên lai")
        form.addRow("Số tiền", self.amount)
        form.addRow("Hình thức", self.method)
        form.addRow("Biên lai", self.reference)
        self.layout_.addLayout(form)
        self.finish_layout()

    def values(self) -> tuple[str, int, str]:
        return str(self.method.currentData()), int(self.amount.value()), self.reference.text().strip()

    def validate(self) -> str | None:
        return None if self.amount.value() > 0 else "Số tiền phải lớn hơn 0."


class FinancialDialog(_Base):
    """Status 6: the citizen must pay a tax or fee before processing continues (amount and what it is for)."""

    def __init__(self, fee: int, parent: QWidget | None = None) -> None:
        super().__init__("Yêu cầu thực hiện nghĩa vụ tài chính", parent)
        form = QFormLayout()
        self.amount = QSpinBox()
        self.amount.setObjectName("amount")
        self.amount.setRange(0, 1_000_000_000)
        self.amount.setSingleStep(1000)
        self.amount.setSuffix(" đ")
        self.amount.setValue(fee)
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonText")
        self.reason.setPlaceholderText("Khoản phải nộp (vd. lệ phí trước bạ)")
        form.addRow("Số tiền", self.amount)
        form.addRow("Nội dung", self.reason)
        self.layout_.addLayout(form)
        self.finish_layout()

    def values(self) -> tuple[int, str]:
        return int(self.amount.value()), self.reason.text().strip()

    def validate(self) -> str | None:
        return None if self.amount.value() > 0 else "Số tiền phải lớn hơn 0."


class ReturnDialog(_Base):
    VIA = [(DELIVERY_LABELS_VI[v], v) for v in DELIVERY_CHOICES]  # the workflow's words and choices

    def __init__(self, default: str, parent: QWidget | None = None) -> None:
        super().__init__("Trả kết quả", parent)
        self.via = QComboBox()
        self.via.setObjectName("via")
        for label, value in self.VIA:
            self.via.addItem(label, value)
        values = [v for _, v in self.VIA]
        self.via.setCurrentIndex(values.index(default) if default in values else 0)
        form = QFormLayout()
        form.addRow("Hình thức trả", self.via)
        self.layout_.addLayout(form)
        self.finish_layout()

    def values(self) -> str:
        return str(self.via.currentData())


class ApologyDialog(_Base):
    def __init__(self, current_due: datetime, tz: Any, parent: QWidget | None = None) -> None:
        super().__init__("Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)", parent)
        local = current_due.astimezone(tz)
        self.layout_.addWidget(QLabel(f"Ngày hẹn hiện tại: {local:%H:%M %d/%m/%Y}. Chỉ được hẹn lại <b>một lần</b>."))
        self.tz = tz
        self.new_due = QDateTimeEdit()
        self.new_due.setObjectName("newDue")
        self.new_due.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.new_due.setCalendarPopup(True)
        start = local.replace(hour=17, minute=0)
        self.new_due.setDateTime(QDateTime(start.year, start.month, start.day, 17, 0).addDays(5))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reasonText")
        self.reason.setFixedHeight(80)
        form = QFormLayout()
        form.addRow("Ngày hẹn mới", self.new_due)
        form.addRow("Lý do chậm", self.reason)
        self.layout_.addLayout(form)
        self.finish_layout()

    def values(self) -> tuple[str, datetime]:
        qdt = self.new_due.dateTime()
        d, t = qdt.date(), qdt.time()
        return self.reason.toPlainText().strip(), datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.tz)

    def validate(self) -> str | None:
        return None if self.values()[0] else "Vui lòng ghi rõ lý do chậm trễ."


class WalkInDialog(_Base):
    """A citizen at the counter: the dossier is created on the counter channel and accepted at once."""

    # how a paper can be handed in at the counter (kiosk.core.dossiers.COUNTER_PROVISIONS); a required one
    # is never offered "not provided"
    PROVISION_CHOICES = ("paper", "scanned", "not_provided")

    def __init__(self, procedures: list[tuple[Any, ...]], parent: QWidget | None = None, *,
                 read_card: Any = None) -> None:
        super().__init__("Tiếp nhận hồ sơ tại quầy", parent)
        self.setMinimumWidth(560)
        self._read_card = read_card  # (key_source, on_done, on_error) -> None; runs on the console's worker
        self.card_data: dict[str, Any] = {}
        self.procedure = QComboBox()
        self.procedure.setObjectName("procedure")
        self._papers_of: dict[str, list[Any]] = {}  # procedure code -> operations.WalkInPaper list
        for code, name, *papers in procedures:
            self.procedure.addItem(f"{code} — {name}", code)
            self._papers_of[code] = list(papers[0]) if papers else []
        self.papers = QTableWidget(0, 3)
        self.papers.setObjectName("papers")
        self.papers.setHorizontalHeaderLabels(["Giấy tờ", "Số lượng", "Cách nộp"])
        table_readonly(self.papers)
        self.papers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.papers.setWordWrap(True)
        self.provision_boxes: list[QComboBox] = []  # one per paper, in catalogue order
        self.procedure.currentIndexChanged.connect(self._fill_papers)
        self._fill_papers()
        self.id_number = QLineEdit()
        self.id_number.setObjectName("idNumber")
        self.id_number.setMaxLength(12)
        self.id_number.setPlaceholderText("12 chữ số, từ thẻ căn cước")
        self.name = QLineEdit()
        self.name.setObjectName("fullName")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.delivery = QComboBox()
        self.delivery.setObjectName("delivery")
        for label, value in ReturnDialog.VIA:
            self.delivery.addItem(label, value)
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.address.setPlaceholderText("Chỉ khi nhận qua bưu chính")
        self.dob = QLineEdit()
        self.dob.setObjectName("dob")
        self.dob.setPlaceholderText("dd/mm/yyyy — để đọc chip")
        self.qr = QLineEdit()
        self.qr.setObjectName("cardQr")
        self.qr.setPlaceholderText("hoặc quét mã QR trên thẻ")
        self.read_button = QPushButton("Đọc thẻ căn cước")
        self.read_button.setObjectName("readCardButton")
        self.read_button.setEnabled(read_card is not None)
        self.read_button.clicked.connect(self.start_card_read)
        self.card_status = QLabel("")
        self.card_status.setObjectName("cardStatus")
        self.card_status.setWordWrap(True)
        self.card_info = QLabel("")
        self.card_info.setObjectName("cardInfo")
        self.card_info.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Thủ tục", self.procedure)
        form.addRow("Số định danh", self.id_number)
        form.addRow("Ngày sinh", self.dob)
        form.addRow("Mã QR thẻ", self.qr)
        form.addRow(self.read_button, self.card_status)
        form.addRow("Từ chip", self.card_info)
        form.addRow("Họ và tên", self.name)
        form.addRow("Điện thoại", self.phone)
        form.addRow("Nhận kết quả", self.delivery)
        form.addRow("Địa chỉ nhận", self.address)
        self.layout_.addLayout(form)
        self.layout_.addWidget(QLabel("Thành phần hồ sơ — cách công dân nộp từng giấy tờ "
                                      "(Mẫu 01 chỉ ghi các giấy tờ đã nộp):"))
        self.layout_.addWidget(self.papers, 1)
        self.finish_layout()

    def _fill_papers(self, *_: Any) -> None:
        """One row per paper of the chosen procedure: required ones on paper by default and never "not
        provided"; optional ones "not provided" until the officer says how they were handed in."""
        from kiosk.core.workflow import PROVISION_LABELS_VI

        papers = self._papers_of.get(str(self.procedure.currentData() or ""), [])
        self.papers.setRowCount(len(papers))
        self.provision_boxes = []
        for row, paper in enumerate(papers):
            self.papers.setItem(row, 0, QTableWidgetItem(paper.name + (" (bắt buộc)" if paper.required else "")))
            self.papers.setItem(row, 1, QTableWidgetItem(paper.copies))
            box = QComboBox()
            box.setObjectName(f"provision{row + 1}")
            for key in self.PROVISION_CHOICES:
                if not (paper.required and key == "not_provided"):
                    box.addItem(PROVISION_LABELS_VI[key], key)
            box.setCurrentIndex(box.findData("paper" if paper.required else "not_provided"))
            self.papers.setCellWidget(row, 2, box)
            self.provision_boxes.append(box)
        self.papers.resizeRowsToContents()

    def values(self) -> dict[str, Any]:
        return {
            "procedure": str(self.procedure.currentData() or ""),
            "id_number": self.id_number.text().strip(),
            "name": " ".join(self.name.text().split()),
            "phone": self.phone.text().strip(),
            "delivery": str(self.delivery.currentData()),
            "address": self.address.text().strip(),
            "provisions": {n: str(box.currentData()) for n, box in enumerate(self.provision_boxes, 1)},
            **{k: self.card_data[k] for k in ("dob", "sex", "place_of_origin", "place_of_residence") if k in self.card_data},
            "identity_source": self._identity_source(),
        }

    def _identity_source(self) -> str:
        """chip_* only while the ID number and name are still what the chip gave; an edit makes it typed."""
        card = self.card_data
        if not card or card.get("id_number") != self.id_number.text().strip() or \
                card.get("name") != " ".join(self.name.text().split()):
            return "typed"
        return "chip_verified" if card.get("passive_auth") == "verified" else "chip_unverified"

    def typed_dob(self) -> date | None:
        try:
            return datetime.strptime(self.dob.text().strip(), "%d/%m/%Y").date()
        except ValueError:
            return None

    def start_card_read(self) -> None:
        """Build the chip key (QR, or ID number + date of birth) and read the card on the worker."""
        from kiosk.ui.console.operations import card_key

        qr = self.qr.text().strip()
        if not qr and (len(self.id_number.text().strip()) != 12 or self.typed_dob() is None):
            self.card_status.setText("Nhập số định danh và ngày sinh (dd/mm/yyyy), hoặc quét mã QR trên thẻ.")
            return
        try:
            key = card_key(self.id_number.text(), self.typed_dob(), qr)
        except Exception:  # noqa: BLE001 - a malformed QR or ID: say so, keep what was typed
            self.card_status.setText("Mã QR hoặc số định danh không hợp lệ.")
            return
        self.read_button.setEnabled(False)
        self.card_status.setText("Đang đọc thẻ… Đặt thẻ lên đầu đọc và giữ yên.")
        self._read_card(key, self._card_read, self._card_failed)

    def _card_read(self, data: dict[str, Any]) -> None:
        self.read_button.setEnabled(True)
        self.card_data = dict(data)
        self.id_number.setText(data.get("id_number", ""))
        self.name.setText(data.get("name", ""))
        if data.get("dob"):
            self.dob.setText(f"{data['dob']:%d/%m/%Y}")
        self.card_info.setText(f"Giới tính: {data.get('sex') or '—'} · Quê quán: {data.get('place_of_origin') or '—'}"
                               f" · Thường trú: {data.get('place_of_residence') or '—'}")
        self.card_status.setText("Đã đọc thẻ, chữ ký số hợp lệ." if data.get("passive_auth") == "verified"
                                 else "Đã đọc thẻ.")

    def _card_failed(self, exc: BaseException) -> None:
        self.read_button.setEnabled(True)
        msg = getattr(exc, "message_vi", None) or getattr(exc, "vi", None) or "Không đọc được thẻ. Vui lòng thử lại."
        self.card_status.setText(str(msg))

    def validate(self) -> str | None:
        from kiosk.core.identity import is_valid_id_number

        v = self.values()
        if not v["procedure"]:
            return "Chưa chọn thủ tục."
        if not is_valid_id_number(v["id_number"]):
            return "Số định danh không hợp lệ (12 chữ số)."
        if not v["name"]:
            return "Vui lòng nhập họ tên."
        if v["delivery"] == "postal" and not v["address"]:
            return "Vui lòng nhập địa chỉ nhận kết quả qua bưu chính."
        papers = self._papers_of.get(v["procedure"], [])
        for n, how in v["provisions"].items():
            if papers[n - 1].required and how == "not_provided":
                return f"Giấy tờ bắt buộc phải nộp: {papers[n - 1].name}."
        return None


def table_readonly(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(False)
    table.setWordWrap(False)

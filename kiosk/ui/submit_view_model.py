"""Delivery, fee, review, submission, receipt and rating: the end of the journey.

Why together: these pages share one piece of state (the submission being built, then the dossier it
became). Submitting goes through kiosk.core.dossiers.DossierService on the worker (channel ``kiosk``, or
``kiosk_assisted`` with the staff member recorded). Printing the slip goes through the PrintService, which
never raises: a failed print shows a plain message, the code large on screen and a reprint button; the
dossier is saved either way. The VietQR for a fee is built by kiosk.core.vietqr once the code exists.
"""

from __future__ import annotations

import base64
import io
import logging
import uuid
from typing import Any

from PySide6.QtCore import Property, Signal, Slot

from kiosk.core.documents import format_money
from kiosk.core.dossiers import Submission
from kiosk.ui.base import NO_TEXT, SubViewModel, Text2, pair

log = logging.getLogger(__name__)


def _qr_data_url(payload: str) -> str:
    import qrcode

    img = qrcode.make(payload, box_size=8, border=2)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


class SubmitViewModel(SubViewModel):
    changed = Signal()

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self.reset()

    def reset(self) -> None:
        self._procedure: Any = None
        self._delivery = "counter"
        self._address = ""
        self._address_error: Text2 = NO_TEXT
        self._payment = "vietqr"
        self._result: Any = None
        self._submitting = False
        self._error: Text2 = NO_TEXT
        self._print_state = ""
        self._print_message: Text2 = NO_TEXT
        self._print_path = ""
        self._qr = ""
        self.rating_value: int | None = None
        self.changed.emit()

    def load(self, procedure: Any) -> None:
        self._procedure = procedure
        card = self.root.identify.card
        if not self._address and card is not None:
            self._address = card.place_of_residence or ""
        self.changed.emit()

    # -- delivery -------------------------------------------------------------------------------------
    @Property(str, notify=changed)
    def delivery(self) -> str:
        return self._delivery

    @Property(str, notify=changed)
    def address(self) -> str:
        return self._address

    @Property(str, notify=changed)
    def addressError(self) -> str:
        return self.t(self._address_error)

    @Slot(str)
    def setDelivery(self, how: str) -> None:
        if how in ("counter", "postal", "online"):
            self._delivery = how
            self._address_error = NO_TEXT
            self.changed.emit()

    @Slot(str)
    def setAddress(self, text: str) -> None:
        self._address = text

    @Slot()
    def deliveryNext(self) -> None:
        if self._delivery == "postal" and not self._address.strip():
            self._address_error = ("Vui lòng nhập địa chỉ nhận kết quả qua bưu điện.", "Please type the address for postal delivery.")
            self.changed.emit()
            return
        self.root.goTo("payment" if self.fee > 0 else "review")

    # -- fee ------------------------------------------------------------------------------------------
    @property
    def fee(self) -> int:
        return int(self._procedure.fee_online) if self._procedure is not None else 0

    @Property(str, notify=changed)
    def feeText(self) -> str:
        if not self.fee:
            return self.t(("Miễn phí", "Free"))
        return format_money(self.fee) + self.t((" đồng", " dong"))

    @Property(str, notify=changed)
    def payment(self) -> str:
        return self._payment

    @Slot(str)
    def setPayment(self, how: str) -> None:
        if how in ("vietqr", "counter"):
            self._payment = how
            self.changed.emit()

    # -- review ---------------------------------------------------------------------------------------
    @Property("QVariantList", notify=changed)
    def reviewSections(self) -> list[dict[str, Any]]:
        if self._procedure is None:
            return []
        ident, vi = self.root.identify, self.root.lang == "vi"
        delivery = {"counter": ("Nhận tại quầy", "At the counter"), "postal": ("Qua bưu điện", "By post"),
                    "online": ("Nhận bản điện tử", "Electronically")}[self._delivery]
        if self._delivery == "postal":
            delivery = (f"{delivery[0]}: {self._address}", f"{delivery[1]}: {self._address}")
        pay = ("Miễn phí", "Free") if not self.fee else (
            ("Quét mã VietQR trên màn hình", "Scan the VietQR code on screen") if self._payment == "vietqr"
            else ("Nộp tại quầy", "Pay at the counter"))
        return [
            {"title": self.t(("Người nộp", "Applicant")), "edit": "", "rows": [
                {"label": self.t(("Họ và tên", "Full name")), "value": ident.fullName},
                {"label": self.t(("Số định danh", "ID number")), "value": ident.maskedId}]},
            {"title": self.t(("Thủ tục", "Procedure")), "edit": "procedures", "rows": [
                {"label": self.t(("Tên thủ tục", "Procedure")), "value": self._procedure.name if vi else self._procedure.name_en}]},
            {"title": self.t(("Tờ khai", "Form")), "edit": "form", "rows": self.root.form.summary()},
            {"title": self.t(("Giấy tờ", "Papers")), "edit": "documents", "rows": self.root.documents.summary()},
            {"title": self.t(("Nhận kết quả và lệ phí", "Result and fee")), "edit": "delivery", "rows": [
                {"label": self.t(("Nhận kết quả", "Result")), "value": self.t(delivery)},
                {"label": self.t(("Lệ phí", "Fee")), "value": self.feeText + " — " + self.t(pay) if self.fee else self.feeText}]},
        ]

    # -- submit ---------------------------------------------------------------------------------------
    @Property(bool, notify=changed)
    def submitting(self) -> bool:
        return self._submitting

    @Property(str, notify=changed)
    def errorText(self) -> str:
        return self.t(self._error)

    @Slot()
    def submitDossier(self) -> None:
        if self._submitting or self._result is not None or self._procedure is None:
            return
        self._submitting, self._error = True, NO_TEXT
        self.changed.emit()
        root, services = self.root, self.services
        person = root.identify.person(phone=root.account.phone_for_dossier, email=root.account.email_for_dossier)
        staff_id = root.staff.staff_id
        keep_dir = services.settings.data_dir / "scans" / uuid.uuid4().hex
        docs_vm, form_values = root.documents, root.form.cleaned
        proc, delivery, address = self._procedure, self._delivery, self._address.strip() or None

        def job() -> Any:
            sub = Submission(
                procedure_code=proc.code, applicant=person,
                channel="kiosk_assisted" if staff_id else "kiosk",
                form_data=form_values, documents=docs_vm.document_inputs(keep_dir),
                kiosk_id=services.settings.kiosk_id, assisted_by_staff_id=staff_id,
                delivery=delivery, delivery_address=address if delivery == "postal" else None,
            )
            return services.dossiers.submit(sub)

        self.root.worker.submit(job, self._submitted, self._submit_failed)

    def _submitted(self, result: Any) -> None:
        self._submitting = False
        self._result = result
        if result.fee and self._payment == "vietqr":
            try:
                from kiosk.core.vietqr import dossier_payment_payload

                bank = self.services.settings.bank
                self._qr = _qr_data_url(dossier_payment_payload(bank.bin, bank.account, result.fee, result.code))
            except Exception:  # noqa: BLE001 - no QR is not a reason to hide the receipt
                log.exception("VietQR could not be built")
        self.changed.emit()
        self.root.goTo("receipt")
        self.printSlip()
        self._send_code_sms(result.code)

    def _submit_failed(self, exc: BaseException) -> None:
        self._submitting = False
        self._error = pair(exc, ("Chưa nộp được hồ sơ. Thông tin của bạn vẫn còn; vui lòng thử lại hoặc gọi cán bộ.",
                                 "The dossier could not be submitted. Your information is kept; please try again or call staff."))
        self.changed.emit()

    def _send_code_sms(self, code: str) -> None:
        phone = self.root.account.phone_for_dossier
        if not phone:
            return
        accounts = self.services.accounts
        text = f"Ho so {code} da duoc nop tai kiosk. Tra cuu: {self.services.settings.tracking_url(code)}"

        def job() -> None:
            from kiosk.core.identity import normalise_phone

            accounts.sms.send(normalise_phone(phone), text)

        self.root.worker.submit(job, on_error=lambda exc: log.warning("code SMS not sent: %s", type(exc).__name__))

    # -- receipt --------------------------------------------------------------------------------------
    @property
    def dossier_id(self) -> int | None:
        return self._result.id if self._result is not None else None

    @Property(str, notify=changed)
    def code(self) -> str:
        return self._result.code if self._result is not None else ""

    def _fmt(self, t: Any) -> str:
        if t is None:
            return ""
        return self.root.services.app.calendar.local(t).strftime("%H:%M %d/%m/%Y")

    @Property(str, notify=changed)
    def acceptDeadline(self) -> str:
        return self._fmt(self._result.accept_deadline) if self._result else ""

    @Property(str, notify=changed)
    def expectedDue(self) -> str:
        return self._fmt(self._result.expected_due_at) if self._result else ""

    @Property(str, notify=changed)
    def paymentQr(self) -> str:
        return self._qr

    @Property(str, notify=changed)
    def inPerson(self) -> str:
        p = self._procedure
        if p is None or p.level != "mot_phan":
            return ""
        return p.in_person_vi if self.root.lang == "vi" else p.in_person_en

    @Property(str, notify=changed)
    def printState(self) -> str:
        return self._print_state

    @Property(str, notify=changed)
    def printMessage(self) -> str:
        return self.t(self._print_message)

    @property
    def print_path(self) -> str:
        return self._print_path

    @Slot()
    def printSlip(self) -> None:
        if self._result is None or self._print_state == "printing":
            return
        self._print_state = "printing"
        self._print_message = ("Đang in phiếu…", "Printing the slip…")
        self.changed.emit()
        printing, code = self.services.printing, self._result.code

        def done(result: Any) -> None:
            self._print_state = "ok" if result.ok else "failed"
            self._print_message = (("Đã in phiếu. Vui lòng lấy phiếu ở khe máy in.", "The slip is printed. Please take it from the printer slot.")
                                   if result.ok else (result.message_vi, result.message_en))
            self._print_path = str(result.path or "")
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self._print_state = "failed"
            self._print_message = ("Không in được phiếu. Hồ sơ của bạn đã được lưu; hãy ghi lại mã hồ sơ trên màn hình.",
                                   "The slip could not be printed. Your dossier is saved; please note the code on screen.")
            self.changed.emit()

        self.root.worker.submit(lambda: printing.print_form(code, "slip"), done, failed)

    @Slot()
    def toRating(self) -> None:
        self.root.goTo("rating")

    @Slot(int)
    def rate(self, stars: int) -> None:
        stars = max(1, min(5, int(stars)))
        self.rating_value = stars
        from kiosk.ui import kiosk_records as records

        factory, did, sid = self.services.app.session_factory, self.dossier_id, self.root.session_id
        self.root.worker.submit(lambda: records.save_rating(factory, did, sid, stars))
        self.root.finish("completed")
        self.root.show_message(("Cảm ơn bạn! Chúc bạn một ngày tốt lành.", "Thank you! Have a good day."))

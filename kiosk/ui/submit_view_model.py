"""Delivery, fee, review, submission, receipt and rating: the end of the journey.

Why together: these pages share one piece of state (the submission being built, then the dossier it
became). Submitting is one core call on the worker, kiosk.core.submission.KioskSubmissions.submit (channel
``kiosk``, or ``kiosk_assisted`` with the staff member recorded): after the dossier commits, core prints the
slip, texts the code and asks the payment service for the VietQR, and returns what the receipt page shows.
This view model only shows it: a failed print shows a plain message, the code large on screen and a reprint
button; the dossier is saved either way. While the QR is on screen the payment's status is polled on the
worker, and "Đã nhận thanh toán" replaces the QR when the payment is confirmed. The citizen may switch to
paying at the counter at any time.
"""

from __future__ import annotations

import base64
import io
import logging
import uuid
from typing import Any

from PySide6.QtCore import Property, QTimer, Signal, Slot

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

    POLL_MS = 3000  # how often the payment status is asked while the QR is on screen
    PAID_LINGER_MS = 5000  # "payment received" stays this long before the rating page

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._poll_payment)
        self._linger = QTimer(self)
        self._linger.setSingleShot(True)
        self._linger.timeout.connect(self._after_paid)
        self.reset()

    def reset(self) -> None:
        self._poll.stop()
        self._linger.stop()
        self._pay_state = ""  # "" | requesting | waiting | paid | failed | counter
        self._pay_reference = ""
        self._pay_generation = getattr(self, "_pay_generation", 0) + 1  # late answers of a wiped session are dropped
        self._polling = False
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
        """The fee of the dossier's legal channel (kiosk.core.workflow): the online fee while kiosk dossiers
        count as filed online (settings.workflow.kiosk_counts_as_online), else the counter fee."""
        if self._procedure is None:
            return 0
        from kiosk.core.workflow import kiosk_fee

        return kiosk_fee(self._procedure, kiosk_counts_as_online=self.services.settings.workflow.kiosk_counts_as_online)

    def _due_range_text(self, earliest: Any, latest: Any) -> str:
        """Before acceptance the due time is a range: accepted at once … accepted at the 8-working-hour deadline."""
        if earliest is None:
            return self.t(("Không quy định thời hạn", "No fixed time limit"))
        a, b = self._fmt(earliest), self._fmt(latest)
        if a == b or latest is None:
            return a
        return self.t((f"từ {a} đến {b} (tính từ khi cán bộ tiếp nhận hồ sơ)",
                       f"between {a} and {b} (counted from when an officer accepts the dossier)"))

    def expected_due_now(self) -> str:
        """The range for a dossier submitted now (the review page)."""
        if self._procedure is None:
            return ""
        from kiosk.core.workflow import due_range

        app = self.services.app
        window = due_range(app.calendar, app.clock.now(), self._procedure.limit)
        return self._due_range_text(window.earliest, window.latest)

    @Property(str, notify=changed)
    def feeText(self) -> str:
        if not self.fee:
            return self.t(("Miễn phí", "Free"))
        from kiosk.form_content import format_money  # babel: not before the first frame

        text = format_money(self.fee)  # "10.000 đồng": the unit is already there
        return text if self.root.lang == "vi" else text.replace(" đồng", " dong")

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
                {"label": self.t(("Dự kiến trả kết quả", "Expected result")), "value": self.expected_due_now()},
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
        phone = root.account.phone_for_dossier
        person = root.identify.person(phone=phone, email=root.account.email_for_dossier)
        # the officer who assisted during this visit, also when they signed out before the citizen submits:
        # the dossier itself must keep the trace (channel kiosk_assisted, assisted_by_staff_id)
        staff_id = root.staff.session_staff_id
        # staging: moved to <data dir>/scans/<token> only after the dossier is committed (kiosk.core.scan_store)
        keep_dir = services.settings.data_dir / "scans" / ".staging" / uuid.uuid4().hex
        docs_vm, form_values = root.documents, root.form.cleaned
        proc, delivery, address = self._procedure, self._delivery, self._address.strip() or None
        pay_by_vietqr = self._payment == "vietqr"
        lang = root.lang  # later SMS and e-mails about this dossier use the language of this visit
        if self.fee and pay_by_vietqr:
            self._pay_state = "requesting"

        def job() -> tuple[Any, str]:
            from kiosk.core.dossiers import Submission  # SQLAlchemy: not before the first frame

            sub = Submission(
                procedure_code=proc.code, applicant=person,
                channel="kiosk_assisted" if staff_id else "kiosk",
                form_data=form_values, documents=docs_vm.document_inputs(keep_dir),
                kiosk_id=services.settings.kiosk_id, assisted_by_staff_id=staff_id,
                delivery=delivery, delivery_address=address if delivery == "postal" else None,
                language=lang,
            )
            # one core call: the dossier, then (after its commit) the slip, the SMS and the VietQR request
            receipt = services.submissions.submit(sub, pay_by_vietqr=pay_by_vietqr, notify_phone=phone or "")
            return receipt, _qr_data_url(receipt.payment.vietqr_payload) if receipt.payment else ""

        self.root.worker.submit(job, self._submitted, self._submit_failed)

    def _submitted(self, value: tuple[Any, str]) -> None:
        receipt, qr = value
        self._submitting = False
        self._result = receipt
        self._show_print(receipt.slip)
        if receipt.payment is not None and self._pay_state == "requesting":
            self._pay_reference, self._qr = receipt.payment.reference, qr
            self._pay_state = "waiting"
            self._poll.start(self.POLL_MS)
        elif self._pay_state == "requesting":  # no QR could be made: no reason to hide the receipt
            self._pay_state = "counter"
        self.changed.emit()
        self.root.goTo("receipt")

    def _submit_failed(self, exc: BaseException) -> None:
        self._submitting = False
        if self._pay_state == "requesting":
            self._pay_state = ""
        self._error = pair(exc, ("Chưa nộp được hồ sơ. Thông tin của bạn vẫn còn; vui lòng thử lại hoặc gọi cán bộ.",
                                 "The dossier could not be submitted. Your information is kept; please try again or call staff."))
        self.changed.emit()

    # -- payment (VietQR through the payment interface) --------------------------------------------------
    def _poll_payment(self) -> None:
        if self._polling or self._pay_state != "waiting":
            return
        self._polling = True
        payments, ref, gen = self.services.payments, self._pay_reference, self._pay_generation

        def done(status: str) -> None:
            if gen != self._pay_generation:
                return
            self._polling = False
            if self._pay_state != "waiting":
                return
            if status == "paid":
                self._poll.stop()
                self._pay_state = "paid"
                self.changed.emit()
                self._linger.start(self.PAID_LINGER_MS)
            elif status == "failed":
                self._poll.stop()
                self._pay_state = "failed"
                self.changed.emit()

        def failed(exc: BaseException) -> None:  # a database hiccup: keep asking
            if gen == self._pay_generation:
                self._polling = False

        self.root.worker.submit(lambda: payments.status(ref), done, failed)

    def _after_paid(self) -> None:
        if self.root.page == "receipt" and self._pay_state == "paid":
            self.toRating()

    @Property(str, notify=changed)
    def paymentState(self) -> str:
        return self._pay_state

    @Property(str, notify=changed)
    def paymentText(self) -> str:
        fee = self.feeText
        return self.t({
            "requesting": ("Đang tạo mã thanh toán…", "Preparing the payment code…"),
            "waiting": (f"Lệ phí {fee}. Mở ứng dụng ngân hàng và quét mã này. Màn hình sẽ báo khi đã nhận được tiền.",
                        f"Fee {fee}. Open your banking app and scan this code. The screen will tell you when the money arrives."),
            "paid": ("Đã nhận thanh toán. Cảm ơn bạn!", "Payment received. Thank you!"),
            "failed": ("Chưa nhận được thanh toán. Vui lòng nộp lệ phí tại quầy.", "The payment did not go through. Please pay at the counter."),
            "counter": (f"Bạn sẽ nộp lệ phí {fee} tại quầy khi đến nhận kết quả.", f"You will pay the fee of {fee} at the counter."),
        }.get(self._pay_state, NO_TEXT))

    @Slot()
    def payAtCounter(self) -> None:
        """The citizen would rather pay at the counter: stop showing the QR and stop polling."""
        if self._pay_state in ("paid", ""):
            return
        self._poll.stop()
        self._pay_state = "counter"
        self._payment = "counter"
        self._qr = ""
        self.changed.emit()

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
        if not self._result:
            return ""
        d = self._result.dossier
        if d.due_at is not None:  # accepted at once (assisted at the desk)
            return self._fmt(d.due_at)
        return self._due_range_text(d.due_earliest, d.due_latest)

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

    def _show_print(self, result: Any) -> None:
        """The slip's print outcome (kiosk.core.ports.PrintOutcome) as the receipt page shows it."""
        if result is None:
            return
        self._print_state = "ok" if result.ok else "failed"
        self._print_message = (("Đã in phiếu. Vui lòng lấy phiếu ở khe máy in.", "The slip is printed. Please take it from the printer slot.")
                               if result.ok else (result.message_vi, result.message_en))
        self._print_path = str(result.path or "")

    @Slot()
    def printSlip(self) -> None:
        """Print the slip again (the reprint button); the first print is part of the submission."""
        if self._result is None or self._print_state == "printing":
            return
        self._print_state = "printing"
        self._print_message = ("Đang in phiếu…", "Printing the slip…")
        self.changed.emit()
        print_jobs, code = self.services.print_jobs, self._result.code

        def done(result: Any) -> None:
            self._show_print(result)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self._print_state = "failed"
            self._print_message = ("Không in được phiếu. Hồ sơ của bạn đã được lưu; hãy ghi lại mã hồ sơ trên màn hình.",
                                   "The slip could not be printed. Your dossier is saved; please note the code on screen.")
            self.changed.emit()

        self.root.worker.submit(lambda: print_jobs.print_form(code, "slip"), done, failed)

    @Slot()
    def toRating(self) -> None:
        self._poll.stop()
        self._linger.stop()
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

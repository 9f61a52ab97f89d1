"""A kiosk submission is one core call: the dossier commits, then the slip, the SMS and the VietQR request
follow, and the call returns what the receipt page shows. A submission that fails prints, texts and charges
nothing; an effect that fails never undoes the dossier.

The success path runs on the App's real wiring (PDF printer, demo SMS outbox, demo payments); the failure
cases use small in-test fakes of the core Protocols (kiosk.core.ports)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from kiosk.core.contact import CitizenContact
from kiosk.core.dossiers import PersonData, Submission, SubmissionError
from kiosk.core.effects import DossierEffects
from kiosk.core.identity import InvalidIdNumber
from kiosk.core.ports import PaymentRequest, SmsError
from kiosk.core.printing import PrintFailure, PrintJobs
from kiosk.core.submission import KioskSubmissions
from kiosk.core.vietqr import parse_payload
from kiosk.integrations.sms import outbox_path
from kiosk.models.tables import Dossier, OutboxEvent, PrintJob
from tests.helpers import add_procedure

PHONE = "0912 345 678"


def _sub(procedure: str = "1.004222", id_number: str = "038186000001", phone: str | None = PHONE) -> Submission:
    person = PersonData(id_number=id_number, full_name="Nguyễn Thị Hương", phone=phone)
    return Submission(procedure_code=procedure, applicant=person, channel="kiosk", kiosk_id="KIOSK-01")


def _count(factory: Any, table: Any) -> int:
    with factory() as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


# -- the real wiring -----------------------------------------------------------------------------------------


def test_submission_returns_the_receipt_and_prints_texts_and_charges(app) -> None:  # type: ignore[no-untyped-def]
    add_procedure(app.session_factory, fee_counter=20000, fee_online=10000)

    receipt = app.submissions.submit(_sub())

    with app.session_factory() as s:
        d = s.scalars(select(Dossier).where(Dossier.code == receipt.code)).one()
        assert (receipt.id, receipt.fee) == (d.id, d.fee) and receipt.fee > 0
        assert receipt.accept_deadline == d.accept_deadline and receipt.dossier.status == d.status
        jobs = list(s.scalars(select(PrintJob)))
    # the slip: a real PDF written by the configured (pdf) printer, and a done print job
    assert receipt.slip is not None and receipt.slip.ok, receipt.slip
    pdf = Path(str(receipt.slip.path))
    assert pdf.read_bytes().startswith(b"%PDF") and receipt.code.replace("-", "") in pdf.name.replace("-", "")
    assert [(j.dossier_code, j.form, j.state) for j in jobs] == [(receipt.code, "slip", "done")]
    # the SMS: in the demo outbox, to the applicant, with the code and the tracking address
    assert receipt.sms == "sent"
    lines = [json.loads(x) for x in outbox_path(app.settings).read_text(encoding="utf-8").splitlines() if x.strip()]
    assert lines[-1]["to"] == "+84912345678"
    assert receipt.code in lines[-1]["text"] and app.settings.tracking_url(receipt.code) in lines[-1]["text"]
    # the payment: a VietQR for this dossier's fee, to the agency's account
    assert receipt.payment is not None and receipt.payment.reference == receipt.code and not receipt.payment_failed
    qr = parse_payload(receipt.payment.vietqr_payload)
    assert qr.amount == receipt.fee and receipt.code in qr.bill_number
    assert qr.account == app.settings.bank.account


def test_paying_at_the_counter_asks_for_no_qr_and_no_phone_sends_no_sms(app) -> None:  # type: ignore[no-untyped-def]
    add_procedure(app.session_factory, fee_counter=20000, fee_online=10000)
    receipt = app.submissions.submit(_sub(phone=None), pay_by_vietqr=False)
    assert receipt.payment is None and not receipt.payment_failed and receipt.fee > 0
    assert receipt.sms == "no_phone" and not outbox_path(app.settings).exists()
    assert receipt.slip is not None and receipt.slip.ok


# -- fakes of the ports --------------------------------------------------------------------------------------


@dataclass
class Seen:
    """Every effect the fakes were asked for, with whether the dossier was already committed then."""

    factory: Any
    calls: list[tuple[str, str, bool]] = field(default_factory=list)

    def committed(self, code: str) -> bool:
        """Seen from a new connection: the dossier and its outbox row exist only once committed."""
        with self.factory() as s:
            dossier = s.scalars(select(Dossier).where(Dossier.code == code)).one_or_none()
            outbox = s.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.dossier_code == code))
        return dossier is not None and bool(outbox)


@dataclass(frozen=True)
class Printed:
    state: str = "ok"
    message_vi: str = "Đã in xong."
    message_en: str = "Printed."
    detail: str = ""
    path: Path | None = None

    @property
    def ok(self) -> bool:
        return self.state == "ok"


class FakePrinter:
    name = "fake"

    def __init__(self, seen: Seen, *, broken: bool = False) -> None:
        self.seen, self.broken = seen, broken

    def render_pdf(self, form: str, content: object) -> bytes:
        return b"%PDF-fake"

    def print_form(self, form: str, content: object) -> Printed:
        code = content.dossier_code  # type: ignore[attr-defined]  # SlipData
        self.seen.calls.append(("print", form, self.seen.committed(code)))
        return Printed("out_of_paper", "Máy in hết giấy.", "Out of paper.", "simulated") if self.broken else Printed()


class FakeSms:
    def __init__(self, seen: Seen, *, broken: bool = False) -> None:
        self.seen, self.broken = seen, broken

    def send(self, phone_e164: str, text: str) -> None:
        code = text.split()[2]  # "Ho so CODE da duoc nop …"
        self.seen.calls.append(("sms", phone_e164, self.seen.committed(code)))
        if self.broken:
            raise SmsError("gateway down")


class FakePayments:
    def __init__(self, seen: Seen, *, broken: bool = False) -> None:
        self.seen, self.broken = seen, broken

    def request(self, dossier_code: str, amount: int) -> PaymentRequest:
        self.seen.calls.append(("pay", str(amount), self.seen.committed(dossier_code)))
        if self.broken:
            raise ConnectionError("bank unreachable")
        return PaymentRequest(vietqr_payload=f"QR-{dossier_code}-{amount}", reference=dossier_code)

    def status(self, reference: str) -> str:
        return "pending"


def _service(app: Any, seen: Seen, *, broken: bool = False) -> KioskSubmissions:
    jobs = PrintJobs(app.session_factory, app.settings, FakePrinter(seen, broken=broken))
    contact = CitizenContact(app.session_factory, sms=FakeSms(seen, broken=broken), email=None,
                             render_form=jobs.render_pdf, tracking_url=app.settings.tracking_url, tz=app.settings.tz)
    effects = DossierEffects(app.session_factory, jobs, contact)
    return KioskSubmissions(app.dossiers, effects, FakePayments(seen, broken=broken))


def test_effects_run_after_the_commit_in_order(app) -> None:  # type: ignore[no-untyped-def]
    add_procedure(app.session_factory, fee_counter=20000, fee_online=10000)
    seen = Seen(app.session_factory)
    receipt = _service(app, seen).submit(_sub())
    assert seen.calls == [("print", "slip", True), ("sms", "+84912345678", True), ("pay", str(receipt.fee), True)]
    assert receipt.slip is not None and receipt.slip.ok and receipt.sms == "sent"
    assert receipt.payment == PaymentRequest(f"QR-{receipt.code}-{receipt.fee}", receipt.code)


@pytest.mark.parametrize("bad", ["unknown procedure", "invalid id"])
def test_a_failed_submission_prints_texts_and_charges_nothing(app, bad: str) -> None:  # type: ignore[no-untyped-def]
    add_procedure(app.session_factory, fee_counter=20000, fee_online=10000)
    seen = Seen(app.session_factory)
    sub = _sub(procedure="9.999999") if bad == "unknown procedure" else _sub(id_number="12345")
    with pytest.raises((SubmissionError, InvalidIdNumber)):
        _service(app, seen).submit(sub)
    assert seen.calls == []
    assert _count(app.session_factory, Dossier) == 0 and _count(app.session_factory, PrintJob) == 0
    assert _count(app.session_factory, OutboxEvent) == 0


def test_failing_effects_are_reported_and_never_undo_the_dossier(app) -> None:  # type: ignore[no-untyped-def]
    add_procedure(app.session_factory, fee_counter=20000, fee_online=10000)
    seen = Seen(app.session_factory)
    receipt = _service(app, seen, broken=True).submit(_sub())
    assert [c[0] for c in seen.calls] == ["print", "sms", "pay"]
    assert receipt.slip is not None and not receipt.slip.ok and receipt.slip.state == "out_of_paper"
    assert receipt.sms == "failed" and receipt.payment is None and receipt.payment_failed
    assert seen.committed(receipt.code)
    with app.session_factory() as s:  # the failed slip waits in the console's "In lỗi" tab
        [job] = s.scalars(select(PrintJob)).all()
        assert (job.dossier_code, job.form, job.state) == (receipt.code, "slip", "failed")


def test_print_jobs_never_raise_and_say_why(app) -> None:  # type: ignore[no-untyped-def]
    seen = Seen(app.session_factory)
    jobs = PrintJobs(app.session_factory, app.settings, FakePrinter(seen))
    out = jobs.print_form("NO-SUCH-CODE", "slip")
    assert isinstance(out, PrintFailure) and not out.ok and "NO-SUCH-CODE" in out.detail
    assert jobs.retry(424242).state == "error" and seen.calls == []

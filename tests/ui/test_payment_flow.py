"""Fee by VietQR through the payment interface: the QR on the receipt, the status polled on the worker, the
officer's confirmation (payment_state paid_online) shown as "Đã nhận thanh toán"; or pay at the counter."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from kiosk.core.vietqr import parse_payload
from kiosk.integrations.payments import DemoPayments, Payments
from kiosk.models.tables import Dossier, Payment
from kiosk.ui import journey
from kiosk.ui.simulated import SimulatedCardReader

pytestmark = pytest.mark.ui

RESIDENCE = "1.004222"  # Đăng ký thường trú: 10.000 đồng online


def _submit_with_fee(ui_factory):  # type: ignore[no-untyped-def]
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))
    ui.vm.submit.POLL_MS = 100
    ui.vm.submit.PAID_LINGER_MS = 300
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    d.wait_page("procedures")
    ui.vm.procedures.select(RESIDENCE)
    d.wait_page("detail")
    d.tap("startProcedure")
    d.wait_page("form")
    proc = ui.vm.services.catalogue.get(RESIDENCE)
    values = journey.form_values_for(proc)
    values.pop("id_number", None)  # prefilled from the chip
    values.pop("date_of_birth", None)
    journey.fill_form(d, values)
    journey.documents_and_submit(d, scan_first=False)
    d.wait_until(lambda: ui.vm.submit.paymentState == "waiting", 10, "QR on screen")
    return ui, d


@pytest.mark.sqlite_only
def test_demo_payments_follows_the_officers_confirmation(app):
    from kiosk.core.dossiers import PersonData, Submission

    pay: Payments = DemoPayments.from_settings(app.settings, app.session_factory)
    res = app.dossiers.submit(Submission(procedure_code=RESIDENCE, channel="kiosk", kiosk_id="K",
                                         applicant=PersonData(id_number="038186001234", full_name="Nguyễn Thị Hương")))
    req = pay.request(res.code, res.fee)
    parsed = parse_payload(req.vietqr_payload)
    assert parsed.amount == res.fee and res.code in req.vietqr_payload
    assert pay.status(req.reference) == "pending"
    staff = app.staff.add("thungan", "officer", "Phạm Văn Thu", "731946")
    app.actions.record_payment(res.code, staff.id, "vietqr", res.fee, req.reference)
    assert pay.status(req.reference) == "paid"
    assert pay.status("NO-SUCH-CODE") == "failed"
    with app.session_factory() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == res.code))
        assert d.payment_state == "paid_online"  # counted by the "paid online" indicator
        assert [(p.method, p.state) for p in d.payments] == [("vietqr", "paid")]


def test_vietqr_paid_shows_received_and_moves_on(ui_factory, app):
    ui, d = _submit_with_fee(ui_factory)
    code = ui.vm.submit.code
    assert d.item("paymentQr").isVisible()
    assert ui.vm.submit.paymentQr.startswith("data:image/png;base64,")
    d.pump(400)
    assert ui.vm.submit.paymentState == "waiting"  # polled, still pending
    assert ui.vm.worker.last_thread_id != threading.get_ident()
    staff = app.staff.add("thungan", "officer", "Phạm Văn Thu", "731946")
    app.actions.record_payment(code, staff.id, "vietqr", 10000, code)  # the officer sees the transfer
    d.wait_until(lambda: ui.vm.submit.paymentState == "paid", 10, "payment seen")
    assert "Đã nhận thanh toán" in d.text_of("paymentText")
    assert not d.find("payAtCounter").isVisible()
    d.wait_page("rating", 10)  # moves on by itself
    with app.session_factory() as s:
        assert s.scalar(select(Dossier.payment_state).where(Dossier.code == code)) == "paid_online"


def test_citizen_may_choose_to_pay_at_the_counter(ui_factory, app):
    ui, d = _submit_with_fee(ui_factory)
    code = ui.vm.submit.code
    d.tap("payAtCounter")
    assert ui.vm.submit.paymentState == "counter"
    assert not d.find("paymentQr").isVisible()
    assert "tại quầy" in d.text_of("paymentText")
    d.pump(300)
    assert ui.vm.page == "receipt"  # no automatic move: the citizen reads and presses Finish
    with app.session_factory() as s:
        assert s.scalar(select(Dossier.payment_state).where(Dossier.code == code)) == "unpaid"
        assert s.scalars(select(Payment)).all() == []

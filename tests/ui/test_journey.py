"""The whole citizen journey through the real QML: identify → account → procedure → form → submit → receipt."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from kiosk.models.tables import Dossier, KioskSession, PrintJob
from kiosk.ui import journey
from tests.ui.conftest import last_otp

pytestmark = pytest.mark.ui


def test_new_citizen_submits_and_gets_receipt(ui_factory, app, outbox, settings):
    ui, d = ui_factory()
    shots: list[str] = []
    journey.identify_typed(d, "038186001234", "15/03/1986", shots.append)
    assert ui.vm.identify.read_thread_id is not None
    assert ui.vm.identify.read_thread_id != threading.get_ident(), "card read ran on the GUI thread"
    journey.create_account(d, "0912345678", lambda: last_otp(outbox), shots.append)
    journey.choose_procedure(d, "khai sinh", shots.append)
    assert ui.vm.form.values["requester_full_name"] == "Nguyễn Thị Hương"  # prefilled from the chip
    journey.fill_form(d, journey.BIRTH_FORM, shots.append)
    journey.documents_and_submit(d, shots.append)
    code = ui.vm.submit.code
    assert d.text_of("receiptCode") == code
    assert ui.vm.submit.printState == "ok", ui.vm.submit.printMessage
    with app.session_factory() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier.status == 1 and dossier.channel == "kiosk"
        assert dossier.documents[0].scanned_pages == 1
        assert s.scalar(select(PrintJob).where(PrintJob.dossier_code == code)).state == "done"
    pdfs = list((settings.data_dir / "receipts").rglob("*.pdf")) if (settings.data_dir / "receipts").exists() else []
    assert pdfs or ui.vm.submit.print_path, "no receipt PDF written"
    journey.finish_with_rating(d, 5, shots.append)
    ui.vm.worker.wait()
    d.pump(50)
    with app.session_factory() as s:
        sess = s.scalars(select(KioskSession)).all()
        assert any(x.outcome == "completed" and x.rating == 5 for x in sess)
        assert s.scalar(select(Dossier).where(Dossier.code == code)).rating == 5
    assert ui.vm.identify.card is None  # wiped


def test_returning_citizen_is_recognised_by_the_id_and_gets_no_second_account(ui_factory, app, outbox, settings):
    from kiosk.models.tables import Account, Citizen

    ui, d = ui_factory()
    journey.identify_typed(d, "038186001234", "15/03/1986")
    journey.create_account(d, "0912345678", lambda: last_otp(outbox))
    journey.choose_procedure(d, "khai sinh")
    journey.fill_form(d, journey.BIRTH_FORM)
    journey.documents_and_submit(d)
    first = ui.vm.submit.code
    journey.finish_with_rating(d, 4)
    ui.vm.worker.wait()
    d.wait_until(lambda: d.vm.page == "welcome", 10, "back to welcome")

    # the same person comes back later: the card identifies them, the account step is skipped
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_until(lambda: d.vm.page in ("account", "procedures"), 10, "account or procedures")
    assert d.vm.page == "procedures", "a returning citizen must not be asked to create an account again"
    journey.choose_procedure(d, "khai sinh")
    assert ui.vm.form.values["requester_full_name"] == "Nguyễn Thị Hương"
    journey.fill_form(d, journey.BIRTH_FORM)
    journey.documents_and_submit(d)
    second = ui.vm.submit.code
    assert second and second != first
    with app.session_factory() as s:
        assert len(s.scalars(select(Account)).all()) == 1
        citizens = s.scalars(select(Citizen)).all()
        assert len(citizens) == 1
        codes = {x.code for x in s.scalars(select(Dossier).where(Dossier.applicant_id == citizens[0].id))}
        assert codes == {first, second}

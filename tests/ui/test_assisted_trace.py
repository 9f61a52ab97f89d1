"""Issue 14 point 2: the officer who assisted is recorded on the dossier itself for the whole visit. The
officer signs in, helps the citizen through identification, signs out of assisted mode, and the citizen
finishes and submits alone: the dossier still says channel kiosk_assisted and names the officer; the next
visit is the citizen's own again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.models.tables import Dossier, KioskSession, StaffUser
from kiosk.ui import journey
from kiosk.ui.simulated import SimulatedCardReader

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]

CITIZEN_ID = "038186001234"
PIN = "482916"


def _sign_in(d, ui) -> None:  # type: ignore[no-untyped-def]
    d.long_press("staffEntry")
    d.wait_page("staff")
    d.type_into("staffUser", "canbo1")
    d.type_into("staffPin", PIN)
    d.tap("staffLogin")
    d.wait_until(lambda: ui.vm.staff.active, 10, "staff signed in")


def test_officer_signs_out_before_the_citizen_submits(ui_factory, app) -> None:  # type: ignore[no-untyped-def]
    app.staff.add("canbo1", "officer", "Lê Thị Thu", PIN)
    with app.session_factory() as s:
        officer_id = s.scalar(select(StaffUser.id).where(StaffUser.username == "canbo1"))
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))

    _sign_in(d, ui)
    d.wait_page("welcome")
    journey.identify_typed(d, CITIZEN_ID, "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    journey.choose_procedure(d, "khai sinh")
    # the officer ends the assistance here; the citizen goes on alone
    d.tap("staffLogout")
    d.wait_until(lambda: not ui.vm.staff.active, 5, "staff signed out")
    journey.fill_form(d, journey.BIRTH_FORM)
    journey.documents_and_submit(d, scan_first=False)
    code = ui.vm.submit.code
    with app.session_factory() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier.channel == "kiosk_assisted" and dossier.assisted_by_staff_id == officer_id
        assert dossier.applicant_snapshot["id_number"] == CITIZEN_ID

    # a new visit, no officer: the citizen's own dossier
    journey.finish_with_rating(d, 5)
    journey.identify_typed(d, CITIZEN_ID, "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    journey.choose_procedure(d, "khai sinh")
    journey.fill_form(d, journey.BIRTH_FORM)
    journey.documents_and_submit(d, scan_first=False)
    code2 = ui.vm.submit.code
    journey.finish_with_rating(d, 4)
    ui.vm.worker.wait()
    d.pump(50)
    with app.session_factory() as s:
        mine = s.scalar(select(Dossier).where(Dossier.code == code2))
        assert mine.channel == "kiosk" and mine.assisted_by_staff_id is None
        sessions = s.scalars(select(KioskSession).order_by(KioskSession.id)).all()
    assert [(k.assisted, k.staff_id) for k in sessions if k.dossier_id is not None] == [(True, officer_id), (False, None)]

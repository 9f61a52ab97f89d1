"""Issue 8, assisted mode at the kiosk, end to end through the real QML: the citizen calls staff, an officer
opens the hidden staff entry (long press on the emblem) and signs in with the PIN, fills the dossier for the
citizen and submits it, then ends the assistance. Both identities must be recorded correctly: the applicant is
the citizen identified by the chip, every action names the officer acting on the citizen's behalf, the audit
trail holds the citizen only as a salted hash, and after logout the kiosk acts for the citizen alone."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.core.audit import citizen_hash
from kiosk.models.tables import (
    AuditEvent,
    Citizen,
    Dossier,
    DossierEvent,
    HelpRequest,
    KioskSession,
    StaffUser,
)
from kiosk.ui import journey
from kiosk.ui.simulated import SimulatedCardReader

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]

CITIZEN_ID = "038186001234"  # the simulated reader's card: Nguyễn Thị Hương
PIN = "482916"


def _dossier_journey(d) -> None:  # type: ignore[no-untyped-def]
    journey.identify_typed(d, CITIZEN_ID, "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    journey.choose_procedure(d, "khai sinh")
    journey.fill_form(d, journey.BIRTH_FORM)
    journey.documents_and_submit(d, scan_first=False)


def test_staff_assists_after_a_help_call_and_hands_back(ui_factory, app) -> None:  # type: ignore[no-untyped-def]
    app.staff.add("canbo1", "officer", "Lê Thị Thu", PIN)
    with app.session_factory() as s:
        officer_id = s.scalar(select(StaffUser.id).where(StaffUser.username == "canbo1"))
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))

    # 1. the citizen asks for help: a HelpRequest row for this kiosk
    d.tap("welcomeCallStaff")
    d.wait_until(lambda: not ui.vm.worker.busy, 10, "help request written")
    with app.session_factory() as s:
        help_rows = s.scalars(select(HelpRequest)).all()
    assert [(h.kiosk_id, h.state) for h in help_rows] == [(app.settings.kiosk_id, "open")]

    # 2. the officer: long press on the emblem (hidden entry), user name and PIN
    d.long_press("staffEntry")
    d.wait_page("staff")
    d.type_into("staffUser", "canbo1")
    d.type_into("staffPin", PIN)
    d.tap("staffLogin")
    d.wait_until(lambda: ui.vm.staff.active, 10, "staff signed in")
    d.wait_page("welcome")
    assert d.item("staffBanner").isVisible() and "Lê Thị Thu" in ui.vm.staff.bannerText

    # 3. the officer fills and submits the dossier for the citizen identified by the chip
    _dossier_journey(d)
    code = ui.vm.submit.code
    assert d.item("staffBanner").isVisible()

    # 4. the officer ends the assistance: the banner goes, control returns to the citizen
    d.tap("staffLogout")
    d.wait_until(lambda: not ui.vm.staff.active, 5, "staff signed out")
    d.pump(60)
    assert not d.find("staffBanner").isVisible() and ui.vm.staff.bannerText == ""

    salt = app.settings.log_salt
    want_hash = citizen_hash(CITIZEN_ID, salt)
    with app.session_factory() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        citizen = s.scalar(select(Citizen).where(Citizen.id_number == CITIZEN_ID))
        assert dossier.channel == "kiosk_assisted" and dossier.assisted_by_staff_id == officer_id
        assert dossier.applicant_id == citizen.id and dossier.applicant.full_name == "Nguyễn Thị Hương"
        events = s.scalars(select(DossierEvent).where(DossierEvent.dossier_id == dossier.id)).all()
        assert events and all(e.staff_id == officer_id and e.on_behalf_of_citizen_id == citizen.id for e in events)
        audit = s.scalars(select(AuditEvent).where(AuditEvent.dossier_code == code)).all()
        assert audit and all(a.actor_type == "staff" and a.staff_id == officer_id for a in audit)
        assert all(a.citizen_hash == want_hash for a in audit)
        every = s.scalars(select(AuditEvent)).all()
    assert not any(CITIZEN_ID in repr((a.citizen_hash, a.details)) for a in every)  # never the raw ID

    # 5. the next action is the citizen's own: rate, then submit another dossier without the officer
    journey.finish_with_rating(d, 4)
    _dossier_journey(d)
    code2 = ui.vm.submit.code
    journey.finish_with_rating(d, 5)
    ui.vm.worker.wait()
    d.pump(50)
    with app.session_factory() as s:
        mine = s.scalar(select(Dossier).where(Dossier.code == code2))
        assert mine.channel == "kiosk" and mine.assisted_by_staff_id is None and mine.applicant_id == citizen.id
        assert all(e.staff_id is None and e.on_behalf_of_citizen_id is None for e in mine.events)
        audit2 = s.scalars(select(AuditEvent).where(AuditEvent.dossier_code == code2)).all()
        assert audit2 and all(a.actor_type == "citizen" and a.staff_id is None and a.citizen_hash == want_hash
                              for a in audit2)
        sessions = s.scalars(select(KioskSession).order_by(KioskSession.id)).all()
    # the visit the officer helped with stays marked as assisted, the citizen's own visit does not
    assert [(k.assisted, k.staff_id) for k in sessions if k.dossier_id is not None] == [(True, officer_id), (False, None)]

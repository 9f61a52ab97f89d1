"""Page behaviour through the real QML: language switch, large text, high contrast, form checks that keep
what was typed, idle timeout wiping the session, call staff, tracking, assisted mode."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.models.tables import AuditEvent, Dossier, HelpRequest, KioskSession
from kiosk.ui import journey
from kiosk.ui.simulated import SimulatedCardReader

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]


def _identified(ui_factory, **kw):
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005), **kw)
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_page("account")
    return ui, d


def test_language_switch_changes_visible_text(ui_factory):
    ui, d = ui_factory()
    assert d.text_of("startSubmit") == "Nộp hồ sơ"
    d.tap("langEn")
    d.wait_until(lambda: d.text_of("startSubmit") == "Submit a dossier", 5, "English text")
    assert d.text_of("headerTitle") == "Public service kiosk"
    d.tap("langVi")
    d.wait_until(lambda: d.text_of("startSubmit") == "Nộp hồ sơ", 5, "Vietnamese text")


def test_language_switch_mid_flow_keeps_messages_in_the_new_language(ui_factory):
    ui, d = _identified(ui_factory)
    d.type_into("phone", "12")
    d.tap("sendCode")
    d.wait_until(lambda: ui.vm.account.phoneError != "", 5, "phone error")
    vi = d.text_of("phone_error")
    d.tap("langEn")
    d.wait_until(lambda: d.text_of("phone_error") != vi, 5, "message switched")
    assert "phone" in d.text_of("phone_error").lower()
    assert d.text_of("phone_input") == "12"  # typed value kept


def test_large_text_mode_grows_fonts_and_high_contrast(ui_factory):
    ui, d = ui_factory()
    title = d.item("pageTitle")
    before = title.property("font").pixelSize()
    d.tap("largeText")
    d.pump(50)
    after = title.property("font").pixelSize()
    assert after >= round(before * 1.25)
    d.tap("highContrast")
    d.pump(50)
    assert ui.vm.highContrast
    assert d.item("header").property("color").name() == "#000000"


def test_form_messages_next_to_fields_and_values_kept(ui_factory):
    ui, d = _identified(ui_factory)
    d.tap("skipAccount")
    journey.choose_procedure(d, "khai sinh")
    d.type_into("f_child_full_name", "Nguyễn Minh An")
    d.type_into("f_child_date_of_birth", "31/02/2026")  # not a date
    d.tap("formNext")
    d.pump(50)
    assert ui.vm.page == "form"
    assert "dd/mm/yyyy" in d.text_of("f_child_date_of_birth_error") or "ngày" in d.text_of("f_child_date_of_birth_error")
    assert d.item("formErrorSummary").isVisible()
    assert d.text_of("f_child_full_name_input") == "Nguyễn Minh An"
    assert d.text_of("f_child_date_of_birth_input") == "31/02/2026"
    assert d.text_of("f_requester_full_name_input") == "Nguyễn Thị Hương"  # from the chip


def test_idle_timeout_wipes_the_session(ui_factory, app):
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005), idle_timeout_s=0.6, countdown_s=1)
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_page("account")
    d.type_into("phone", "0912345678")
    d.wait_until(lambda: ui.vm.idleWarning, 5, "are you still there?")
    assert d.item("idleOverlay").isVisible()
    d.wait_page("welcome", 5)
    assert ui.vm.identify.card is None and ui.vm.account.phone == ""
    assert ui.vm.timeouts == 1
    ui.vm.worker.wait()
    d.pump(50)
    with app.session_factory() as s:
        assert [x.outcome for x in s.scalars(select(KioskSession))] == ["timeout"]
    assert "xóa" in d.text_of("messageText")


def test_still_here_cancels_the_countdown(ui_factory):
    ui, d = ui_factory(idle_timeout_s=0.6, countdown_s=2)
    d.tap("startTrack")
    d.wait_until(lambda: ui.vm.idleWarning, 5, "countdown")
    d.tap("stillHere")
    assert not ui.vm.idleWarning and ui.vm.page == "track"


def test_call_staff_writes_a_help_request(ui_factory, app):
    ui, d = ui_factory()
    d.tap("welcomeCallStaff")
    ui.vm.worker.wait()
    d.pump(50)
    with app.session_factory() as s:
        rows = s.scalars(select(HelpRequest)).all()
    assert len(rows) == 1 and rows[0].state == "open" and rows[0].kiosk_id == app.settings.kiosk_id
    assert d.item("messageBanner").isVisible()


def test_track_a_dossier_by_scanned_receipt_url(ui_factory, app):
    from kiosk.core.dossiers import PersonData, Submission

    res = app.dossiers.submit(Submission(procedure_code="1.001193", channel="kiosk", kiosk_id="K",
                                         applicant=PersonData(id_number="038186001234", full_name="Nguyễn Thị Hương")))
    ui, d = ui_factory()
    d.scanner_types("welcomeScan", app.settings.tracking_url(res.code))
    d.wait_page("track")
    d.wait_until(lambda: ui.vm.track.found, 5, "found")
    assert d.text_of("trackStatus") == "Mới đăng ký (chờ tiếp nhận)"


def test_assisted_mode_records_staff_on_behalf_of_citizen(ui_factory, app, outbox):
    app.staff.add("canbo1", "officer", "Lê Thị Thu", "482916")
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))
    ui.vm.staff.open()  # the hidden entry is a long press on the emblem
    d.wait_page("staff")
    d.type_into("staffUser", "canbo1")
    d.type_into("staffPin", "482916")
    d.tap("staffLogin")
    d.wait_until(lambda: ui.vm.staff.active, 10, "staff signed in")
    assert "Lê Thị Thu" in ui.vm.staff.bannerText and d.item("staffBanner").isVisible()
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    journey.choose_procedure(d, "khai sinh")
    journey.fill_form(d, journey.BIRTH_FORM)
    journey.documents_and_submit(d, scan_first=False)
    code = ui.vm.submit.code
    with app.session_factory() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier.channel == "kiosk_assisted" and dossier.assisted_by_staff_id is not None
        assert dossier.applicant.id_number == "038186001234"
        audit = s.scalar(select(AuditEvent).where(AuditEvent.dossier_code == code))
        assert audit.actor_type == "staff" and audit.staff_id == dossier.assisted_by_staff_id
    d.tap("staffLogout")
    assert not ui.vm.staff.active

"""Through the real QML and the counter console: the signed result attached at finish (console dialog), the
citizen printing it at the kiosk by code + ID (wrong IDs refused like unknown codes, then a pause), the
dossier's history on the tracking page, and the reuse of a paper scanned in an earlier dossier (only with the
citizen's consent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.models.tables import AuditEvent, Dossier, DossierDocument, DossierEvent
from kiosk.ui import journey
from tests.staff_helpers import PIN, cheap_argon2
from tests.ui.conftest import last_otp
from tests.unit.test_result_file import pdf_bytes

pytestmark = pytest.mark.ui

CITIZEN = "038186001234"
OTHER = "038085001234"


def finished_with_result(app, tmp_path: Path, *, delivery: str = "online") -> str:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import PersonData, Submission

    res = app.dossiers.submit(Submission(procedure_code="1.001193", channel="kiosk", kiosk_id="K", delivery=delivery,
                                         applicant=PersonData(id_number=CITIZEN, full_name="Nguyễn Thị Hương")))
    staff = app.staff.get("lan").id
    app.actions.accept(res.code, staff)
    app.actions.request_supplement(res.code, staff, [{"name": "Giấy chứng sinh", "reason": "Bản chụp không rõ"}],
                                   guidance="Gặp chị Lan ở quầy 3")
    app.actions.supplied(res.code, staff)
    src = tmp_path / "ket-qua.pdf"
    src.write_bytes(pdf_bytes("Giay khai sinh"))
    app.actions.finish(res.code, staff, result_file=src)
    return res.code


@pytest.fixture
def officer(app, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
    return app


def track(d, ui, code: str) -> None:  # type: ignore[no-untyped-def]
    d.tap("startTrack")
    d.wait_page("track")
    d.type_into("trackCode", code)
    d.tap("trackLookup")
    d.wait_until(lambda: ui.vm.track.found, 10, "found")
    d.pump(50)


def fetch(d, ui, id_number: str) -> None:  # type: ignore[no-untyped-def]
    field = d.item("resultId_input")
    field.setProperty("text", "")
    d.type_into("resultId", id_number)
    d.tap("printResult")
    ui.vm.worker.wait()
    d.pump(50)


def test_citizen_prints_the_result_by_code_and_id(ui_factory, officer, tmp_path):  # type: ignore[no-untyped-def]
    app = officer
    code = finished_with_result(app, tmp_path)
    ui, d = ui_factory()
    track(d, ui, code)
    # the history: what happened, when; no officer, no guidance typed by the officer
    lines = [d.text_of(f"historyLine_{i}") for i in range(len(ui.vm.track.info["history"]))]
    assert len(lines) == 5 and "Tiếp nhận" in lines[1] and "Yêu cầu bổ sung" in lines[2] and "Đã xử lý xong" in lines[4]
    shown = " ".join(str(item.property("text")) for item, _, _, _ in d.visible_texts())
    assert "Lan" not in shown and "quầy 3" not in shown and CITIZEN not in shown
    assert d.item("trackResultFile").isVisible() and d.item("printResult").isVisible()

    fetch(d, ui, OTHER)  # somebody else's ID: the same "not found" as for an unknown code
    assert ui.vm.track.resultError == "Không tìm thấy kết quả cho mã hồ sơ và số định danh này."
    assert app.actions.fetch_result(code[:-4] + "9999", CITIZEN) is None
    fetch(d, ui, "0380850012")  # not 12 digits
    assert "12" in ui.vm.track.resultError
    fetch(d, ui, OTHER)
    fetch(d, ui, OTHER)  # the third wrong pair: a pause follows
    fetch(d, ui, CITIZEN)  # even the right pair waits now
    assert "thử lại sau" in ui.vm.track.resultError and ui.vm.track.resultState == ""
    ui.vm.track._paused_until = 0.0  # the pause is over
    fetch(d, ui, CITIZEN)
    assert ui.vm.track.resultState == "printed", ui.vm.track.resultMessage
    assert d.item("resultMessage").isVisible()
    assert d.layout_problems() == []  # the history and the result card read cleanly
    ui.vm.setLanguage("en")
    d.pump(80)
    assert d.text_of("historyLine_1").endswith("· Accepted") and "Processed" in d.text_of("historyLine_4")
    assert d.layout_problems() == []
    with app.session_factory() as s:
        d_ = s.scalar(select(Dossier).where(Dossier.code == code))
        assert [e.action for e in d_.events].count("result_fetched") == 1
        audit = s.scalars(select(AuditEvent).where(AuditEvent.dossier_code == code,
                                                   AuditEvent.action == "dossier.result_fetched")).all()
        assert len(audit) == 1 and audit[0].kiosk_id == app.settings.kiosk_id
        stored = Path(d_.result_path).read_bytes()
    pdfs = [p for p in (app.settings.data_dir / "receipts").rglob("*result*.pdf")]
    assert len(pdfs) == 1 and pdfs[0].read_bytes() == stored


def test_counter_delivery_says_where_to_collect(ui_factory, officer, tmp_path):  # type: ignore[no-untyped-def]
    code = finished_with_result(officer, tmp_path, delivery="counter")
    ui, d = ui_factory()
    track(d, ui, code)
    assert d.item("trackResultFile").isVisible() and d.find("printResult").isVisible() is False
    assert "tại quầy" in d.text_of("resultWhere")


# -- the counter console attaches the file --------------------------------------------------------------
def test_console_finish_with_a_result_file(qtbot, officer, tmp_path):  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import PersonData, Submission
    from kiosk.ui.console.result_dialog import ResultFileDialog
    from kiosk.ui.console.window import ConsoleWindow

    app = officer
    code = app.dossiers.submit(Submission(procedure_code="1.001193", channel="kiosk", kiosk_id="K", delivery="online",
                                          applicant=PersonData(id_number=CITIZEN, full_name="Nguyễn Thị Hương"))).code
    app.actions.accept(code, app.staff.get("lan").id)
    win = ConsoleWindow(app, poll_ms=60_000, timeout_s=600)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)

    def idle() -> None:
        qtbot.waitUntil(lambda: not win.worker.busy, timeout=15000)

    qtbot.keyClicks(win.username, "lan")
    qtbot.keyClicks(win.pin, PIN)
    qtbot.mouseClick(win.login_button, Qt.MouseButton.LeftButton)
    idle()
    win.show_detail(code)
    idle()
    bad, good = tmp_path / "anh.pdf", tmp_path / "ket-qua.pdf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    good.write_bytes(pdf_bytes())
    chosen = [bad, good]

    def fill(dlg):  # type: ignore[no-untyped-def]
        assert isinstance(dlg, ResultFileDialog)
        dlg.path.setText(str(chosen.pop(0)))
        dlg._try_accept()
        return dlg.result() == 1

    win.exec_dialog = fill
    qtbot.mouseClick(win.buttons["finish"], Qt.MouseButton.LeftButton)  # a PNG named .pdf: refused by core
    idle()
    assert "PDF" in win.statusBar().currentMessage()
    assert app.actions.detail(code).row.status == 2
    qtbot.mouseClick(win.buttons["finish"], Qt.MouseButton.LeftButton)
    idle()
    with app.session_factory() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d.status == 9 and d.e_result is True
        assert Path(d.result_path).read_bytes() == good.read_bytes()
        assert (Path(d.result_path).stat().st_mode & 0o777) == 0o600
    idle()
    qtbot.waitUntil(lambda: "Có tệp kết quả điện tử" in win.detail_panel.detail.toPlainText(), timeout=10000)


# -- reuse of an earlier scan --------------------------------------------------------------------------
def first_visit(d, ui, outbox, *, consent: bool) -> str:  # type: ignore[no-untyped-def]
    journey.identify_typed(d, CITIZEN, "15/03/1986")
    d.wait_until(lambda: d.vm.page == "account" and d.vm.account.step == "phone", 10, "phone step")
    d.type_into("phone", "0912345678")
    d.tap("sendCode")
    d.wait_until(lambda: d.vm.account.step == "otp", 10, "otp step")
    d.type_into("otpCode", last_otp(outbox))
    d.tap("verifyCode")
    d.wait_until(lambda: d.vm.account.step == "consents", 10, "consents step")
    if consent:
        d.tap("consent_keep_scans_for_reuse")
    d.tap("consentsNext")
    d.wait_until(lambda: d.vm.account.step == "summary", 10, "summary")
    d.tap("createAccount")
    d.wait_until(lambda: d.vm.account.step == "done", 10, "account created")
    d.tap("accountContinue")
    journey.choose_procedure(d, "khai sinh")
    journey.fill_form(d, journey.BIRTH_FORM)
    journey.documents_and_submit(d)
    code = ui.vm.submit.code
    journey.finish_with_rating(d, 5)
    ui.vm.worker.wait()
    return code


def second_visit_to_documents(d, ui) -> None:  # type: ignore[no-untyped-def]
    journey.identify_typed(d, CITIZEN, "15/03/1986")
    journey.choose_procedure(d, "khai sinh")
    journey.fill_form(d, journey.BIRTH_FORM)
    d.wait_page("documents")
    ui.vm.worker.wait()
    d.pump(50)


def test_returning_citizen_reuses_an_earlier_scan(ui_factory, app, outbox):  # type: ignore[no-untyped-def]
    ui, d = ui_factory()
    first = first_visit(d, ui, outbox, consent=True)
    with app.session_factory() as s:
        earlier = s.scalar(select(DossierDocument).join(Dossier).where(Dossier.code == first,
                                                                        DossierDocument.position == 0))
        earlier_id, earlier_name, earlier_path = earlier.id, earlier.name, earlier.scan_path
    assert earlier_path and Path(earlier_path).is_dir()

    second_visit_to_documents(d, ui)
    d.wait_until(lambda: ui.vm.documents.items[0]["reuseOffer"], 10, "reuse offer")
    assert not any(it["reuseOffer"] for it in ui.vm.documents.items[1:])  # only the paper scanned before
    assert d.layout_problems() == []
    thumb = d.item("reuseThumb_0")
    assert thumb.isVisible() and str(thumb.property("source").toLocalFile()).startswith(earlier_path)
    session_dir = ui.vm.services.scan_dir()
    d.tap("reuse_0")
    assert ui.vm.documents.items[0]["reused"] and "trước" in d.text_of("pages_0")
    for it in ui.vm.documents.items[1:]:
        if it["required"]:
            d.tap(f"paper_{it['index']}")
    assert not any(session_dir.iterdir())  # nothing of the earlier dossier copied into this session
    d.tap("documentsNext")
    d.wait_page("delivery")
    d.tap("deliveryNext")
    if ui.vm.submit.fee > 0:
        d.wait_page("payment")
        d.tap("paymentNext")
    d.wait_page("review")
    d.tap("submitDossier")
    d.wait_page("receipt", 20)
    second = ui.vm.submit.code
    with app.session_factory() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == second))
        doc = dossier.documents[0]
        assert dossier.reused is True and doc.name == earlier_name
        assert (doc.provision, doc.digitised_state, doc.reused_from_document_id) == ("reused", 2, earlier_id)
        ev = s.scalar(select(DossierEvent).where(DossierEvent.dossier_id == dossier.id))
        assert ev.action == "submit"


def test_no_reuse_offer_without_the_consent(ui_factory, app, outbox):  # type: ignore[no-untyped-def]
    ui, d = ui_factory()
    first_visit(d, ui, outbox, consent=False)
    second_visit_to_documents(d, ui)
    d.pump(100)
    assert not any(it["reuseOffer"] for it in ui.vm.documents.items)
    assert d.find("reuseThumb_0") is None or not d.find("reuseThumb_0").isVisible()


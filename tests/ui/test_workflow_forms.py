"""Issue 13 "done when": a walk through the kiosk UI with one optional paper not provided gives a slip and,
once accepted, a Mẫu 01 that list only the papers provided (with how) and charge the online fee; before
acceptance the kiosk shows the due time as a range."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.models.tables import Dossier
from kiosk.ui import journey
from kiosk.ui.simulated import SimulatedCardReader
from tests.conftest import vn

pytestmark = pytest.mark.ui

RESIDENCE = "1.004222"  # Đăng ký thường trú: 20.000 đ at the counter, 10.000 đ online
OPTIONAL_NOT_PROVIDED = "Văn bản đồng ý của chủ hộ"


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())


def test_optional_paper_not_provided_is_left_off_and_the_online_fee_charged(ui_factory, app, clock):  # type: ignore[no-untyped-def]
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    d.wait_page("procedures")
    ui.vm.procedures.select(RESIDENCE)
    d.wait_page("detail")
    d.tap("startProcedure")
    d.wait_page("form")
    values = journey.form_values_for(ui.vm.services.catalogue.get(RESIDENCE))
    values.pop("id_number", None)
    values.pop("date_of_birth", None)
    journey.fill_form(d, values)

    # papers: the form scanned, proof of residence on paper at the counter, the owner's consent not provided
    d.wait_page("documents")
    names = [it["name"] for it in ui.vm.documents.items]
    assert [it["required"] for it in ui.vm.documents.items] == [True, False, False]
    d.tap("scan_0")
    d.wait_until(lambda: ui.vm.documents.items[0]["pageCount"] >= 1, 15, "scan")
    d.tap("paper_1")
    assert [it["provision"] for it in ui.vm.documents.items] == ["scanned", "paper", "not_provided"]
    d.tap("documentsNext")
    d.wait_page("delivery")
    d.tap("deliveryNext")
    assert ui.vm.submit.fee == 10000  # a kiosk dossier counts as filed online: the online fee
    d.wait_page("payment")
    d.tap("paymentNext")
    d.wait_page("review")
    rows = {r["label"]: r["value"] for s in ui.vm.submit.reviewSections for r in s["rows"]}
    # submitted Wed 25/11 09:00, 7 working days: 04/12 if accepted at once, 07/12 if at the 8-hour deadline
    assert rows["Dự kiến trả kết quả"].startswith("từ 09:00 04/12/2026 đến 09:00 07/12/2026"), rows
    assert rows["Lệ phí"].startswith("10.000 đồng")
    d.tap("submitDossier")
    d.wait_page("receipt", 20)
    d.wait_until(lambda: ui.vm.submit.printState in ("ok", "failed"), 20, "slip printed")
    assert ui.vm.submit.printState == "ok"
    assert ui.vm.submit.expectedDue.startswith("từ 09:00 04/12/2026 đến 09:00 07/12/2026")
    code = ui.vm.submit.code

    with app.session_factory() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        assert (dossier.legal_channel, dossier.fee, dossier.status) == (2, 10000, 1)
        assert [(doc.name, doc.provision) for doc in sorted(dossier.documents, key=lambda x: x.position)] == [
            (names[0], "scanned"), (names[1], "paper"), (names[2], "not_provided")]

    slip = _text(Path(ui.vm.submit.print_path))
    assert "10.000 đồng (mức thu nộp hồ sơ trực tuyến)" in slip
    assert "Dự kiến trả kết quả: từ 09:00 04/12/2026 đến 09:00 07/12/2026" in slip
    assert names[1] in slip and OPTIONAL_NOT_PROVIDED not in slip

    # an officer accepts two hours later: Mẫu 01 says received 11:00 and the due time computed from it
    staff = app.staff.add("lan", "officer", "Nguyễn Thị Lan", "731946")
    clock.t = vn(2026, 11, 25, 11, 0)
    app.actions.accept(code, staff.id)
    outcome = app.print_jobs.print_form(code, "01")
    assert outcome.ok and outcome.path is not None
    receipt = _text(Path(outcome.path))
    assert "10.000 đồng, mức thu nộp hồ sơ trực tuyến" in receipt
    assert "Thời gian nhận hồ sơ: 11 giờ 00 phút, ngày 25/11/2026" in receipt
    assert "11 giờ 00 phút, ngày 04/12/2026" in receipt
    assert "Bản quét (đã số hóa)" in receipt and "Nộp bản giấy tại quầy" in receipt
    assert OPTIONAL_NOT_PROVIDED not in receipt

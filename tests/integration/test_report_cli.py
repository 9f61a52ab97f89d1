"""`kiosk report`: the JSON key contract, Vietnamese text in the PDF, the two XLSX sheets, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.unit.report_data import build_main

REQUIRED_KEYS = {
    "received_total", "received_by_channel", "accepted", "supplement_requested", "refused",
    "pending_online_past_8h", "finished_early", "finished_on_time", "finished_late", "on_time_rate",
    "online_rate", "online_payment_rate", "digitised_rate", "e_result_rate", "reuse_rate", "rating_avg",
    "due_today", "overdue_in_progress",
}
RATE_KEYS = {"on_time_rate", "online_rate", "online_payment_rate", "digitised_rate", "e_result_rate", "reuse_rate"}


@pytest.fixture
def seeded(settings, clock, monkeypatch: pytest.MonkeyPatch, database_url: str) -> str:  # type: ignore[no-untyped-def]
    from kiosk.app import build_app
    from kiosk.models.database import session_scope

    app = build_app(settings, clock=clock, sync_catalogue=False)
    try:
        with session_scope(app.session_factory) as s:
            build_main(s, app.calendar)
    finally:
        app.close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", database_url)
    return database_url


def test_json_has_the_contract_keys(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "daily", "--date", "2026-11-19"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert REQUIRED_KEYS <= set(j)
    assert set(j["received_by_channel"]) == {"counter", "kiosk", "kiosk_assisted", "online", "postal"}
    for key in RATE_KEYS:
        assert j[key] is None or 0.0 <= j[key] <= 1.0
    assert j["received_total"] == 7 and j["finished_late"] == 1
    assert j["online_rate"] == pytest.approx(3 / 7)


def test_json_range_file_and_empty_day(seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.json"
    assert main(["report", "daily", "--from", "2026-11-16", "--to", "2026-11-22", "--out", str(out)]) == 0
    j = json.loads(out.read_text(encoding="utf-8"))
    assert j["period"] == {"from": "2026-11-16", "to": "2026-11-22", "days": 7}
    assert j["received_total"] == 11
    assert main(["report", "daily", "--date", "2026-10-01"]) == 0
    empty = json.loads(capsys.readouterr().out)
    assert empty["received_total"] == 0
    assert all(empty[k] is None for k in RATE_KEYS | {"rating_avg"})


def test_filters_and_drill(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "daily", "--date", "2026-11-19", "--kiosk", "K1"]) == 0
    assert json.loads(capsys.readouterr().out)["received_total"] == 1
    assert main(["report", "drill", "overdue_in_progress", "--date", "2026-11-19"]) == 0
    assert capsys.readouterr().out.split() == ["E1", "E3"]


def test_pdf_has_vietnamese_labels_and_the_chart(seeded: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "r.pdf"
    assert main(["report", "daily", "--date", "2026-11-19", "--format", "pdf", "--out", str(out)]) == 0
    reader = PdfReader(str(out))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    for label in ("BÁO CÁO TỔNG HỢP CUỐI NGÀY", "Tỷ lệ hồ sơ nộp trực tuyến", "Trễ hạn", "Đang giải quyết quá hạn",
                  "Trực tuyến chờ tiếp nhận quá 8 giờ làm việc", "Biểu đồ 30 ngày", "19/11/2026"):
        assert label in text, label
    assert "42,9%" in text  # 3/7 online
    for label in ("2.1 Tỷ lệ giải quyết trước hạn, đúng hạn", "3.6 Tỷ lệ thanh toán trực tuyến", "4.2 Tỷ lệ số hóa hồ sơ",
                  "5.4 Mức độ hài lòng", "Chuyển khoản do cán bộ xác nhận"):
        assert label in text, label
    fonts = {str(f) for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()}
    assert fonts  # embedded TrueType subsets (Be Vietnam Pro)
    raw = out.read_bytes()
    assert b"BeVietnamPro" in raw


def test_xlsx_has_indicator_and_dossier_sheets(seeded: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    assert main(["report", "daily", "--date", "2026-11-19", "--format", "xlsx", "--out", str(out)]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["Chỉ tiêu", "Hồ sơ"]
    ind = wb["Chỉ tiêu"]
    values = {row[1]: row[3] for row in ind.iter_rows(min_row=6, values_only=True) if row[1]}
    assert values["received_total"] == 7
    assert values["3.3"] == pytest.approx(3 / 7)  # QĐ 766 indicators, keyed by id
    assert values["on_time_rate"] == pytest.approx(5 / 6)  # finished dossiers, calendar dates
    assert {"1.4", "2.1", "2.2", "3.3_toan_trinh", "3.6", "4.1", "4.2", "4.3", "5.4", "paid_online_officer"} <= set(values)
    verdicts = {row[1]: row[5] for row in ind.iter_rows(min_row=6, values_only=True) if row[1]}
    assert verdicts["3.3"] == "Chưa đạt" and verdicts["1.4"] is None  # no target, no verdict
    ds = wb["Hồ sơ"]
    header = [c.value for c in ds[1]]
    assert header[0] == "Mã hồ sơ" and "Tiến độ" in header
    codes = [row[0] for row in ds.iter_rows(min_row=2, values_only=True)]
    assert len(codes) == 14 and "B1" in codes
    b1 = next(row for row in ds.iter_rows(min_row=2, values_only=True) if row[0] == "B1")
    assert b1[header.index("Tiến độ")] == "Trễ hạn"


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "daily", "--date", "2026-13-01"],
        ["report", "daily", "--date", "yesterday"],
        ["report", "daily", "--from", "2026-11-20", "--to", "2026-11-01"],
        ["report", "daily", "--date", "2026-11-19", "--from", "2026-11-19"],
        ["report", "daily", "--to", "2026-11-19"],
        ["report", "drill", "no_such_metric", "--date", "2026-11-19"],
    ],
)
def test_bad_input_is_one_line_and_non_zero(seeded: str, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(argv)
    err = capsys.readouterr().err
    assert rc != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err

"""The DVCQG payload builders on plain data: strings only, local yyyyMMddHHmmss dates, codes from the mapping
file, what each status fills in, the legal channel and online payment, steps sent once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.portal_payload import (
    ApplicantView,
    DocumentView,
    DossierView,
    EventView,
    PaymentView,
    PortalContext,
    dossier_object,
    load_mapping,
    portal_time,
    progress_entries,
    progress_entry,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CTX = PortalContext(agency_name="UBND xã Quảng Phú", unit_name="Bộ phận một cửa", tz=VN,
                    file_url_template="https://files.example.gov.vn/{code}/{file}")
M = load_mapping()
T0 = datetime(2026, 11, 25, 2, 5, 9, tzinfo=UTC)  # 09:05:09 in Hà Nội


def view(**kw) -> DossierView:  # type: ignore[no-untyped-def]
    base = dict(
        code="000.00.06.H56-261125-0007", agency_code="000.00.06.H56", procedure_code="1.004222",
        procedure_name="Đăng ký thường trú", field="Cư trú", channel="counter", status=2, submitted_at=T0,
        received_at=T0, due_at=datetime(2026, 12, 4, 9, 5, 9, tzinfo=VN), legal_channel=1, fee=20000,
        applicant=ApplicantView("Nguyễn Thị Hương", "038186000123", "0912345678", "huong@example.vn"),
        documents=(
            DocumentView(11, "Tờ khai", provision="scanned", digitised_state=1, scanned_pages=2, has_file=True),
            DocumentView(12, "Giấy tờ chỗ ở", provision="paper"),
            DocumentView(13, "Sổ hộ khẩu cũ", provision="not_provided"),
            DocumentView(14, "Giấy khai sinh", provision="reused", digitised_state=3),
        ),
        events=(EventView(1, T0, "submit", None, 2),),
    )
    base.update(kw)
    return DossierView(**base)  # type: ignore[arg-type]


def strings_only(obj) -> bool:  # type: ignore[no-untyped-def]
    if isinstance(obj, dict):
        return all(isinstance(k, str) and strings_only(v) for k, v in obj.items())
    if isinstance(obj, list):
        return all(strings_only(v) for v in obj)
    return isinstance(obj, str)


def test_dates_are_local_24_hour_and_empty_when_missing() -> None:
    assert portal_time(datetime(2026, 11, 25, 8, 30, 0, tzinfo=UTC), VN) == "20261125153000"
    assert portal_time(None, VN) == ""
    with pytest.raises(ValueError):
        portal_time(datetime(2026, 11, 25, 8, 30), VN)


def test_received_dossier_object() -> None:
    obj = dossier_object(view(), M, CTX)
    assert strings_only(obj)
    assert obj["MaHoSo"].startswith("000.00.06.H56-") and obj["SoBienNhan"] == obj["MaHoSo"]
    assert obj["NgayTiepNhan"] == "20261125090509" and obj["NgayHenTra"] == "20261204090509"
    assert obj["TrangThaiHoSo"] == "2" and obj["KenhThucHien"] == "1" and obj["HinhThuc"] == "0"
    assert obj["DonViXuLy"] == "UBND xã Quảng Phú" and obj["LoaiDoiTuong"] == "1"
    assert obj["DinhDanhCHS"] == [{"LoaiDinhDanh": "1", "SoDinhDanh": "038186000123"}]
    papers = {p["TenTepDinhKem"]: p for p in obj["TaiLieuNop"]}
    assert set(papers) == {"Tờ khai", "Giấy tờ chỗ ở", "Giấy khai sinh"}  # a paper not provided is not sent
    assert papers["Tờ khai"]["DuocSoHoa"] == "1" and papers["Tờ khai"]["DuongDanTaiTepTin"].endswith("/11")
    assert papers["Giấy tờ chỗ ở"]["DuocSoHoa"] == "0" and papers["Giấy tờ chỗ ở"]["DuongDanTaiTepTin"] == ""
    assert papers["Giấy khai sinh"]["DuocTaiSuDung"] == "2"  # reused from a result
    assert obj["DanhSachLePhi"][0]["Gia"] == "20000"
    assert obj["NgayKetThucXuLy"] == "" and obj["NgayTra"] == "" and obj["DanhSachGiayToKetQua"] == []


def test_waiting_refused_and_returned() -> None:
    waiting = dossier_object(view(status=1, received_at=None, due_at=None, channel="kiosk", legal_channel=None), M, CTX)
    assert waiting["NgayTiepNhan"] == "" and waiting["NgayHenTra"] == "" and waiting["NgayNopHoSo"] == "20261125090509"
    assert waiting["KenhThucHien"] in ("1", "2")  # the workflow's rule for a kiosk row without a stored channel
    refused = dossier_object(view(status=3, received_at=None, finished_at=T0), M, CTX)
    assert refused["NgayTuChoi"] == "20261125090509" and refused["NgayKetThucXuLy"] == ""
    done = datetime(2026, 12, 1, 10, 0, tzinfo=VN)
    returned = dossier_object(
        view(status=10, finished_at=done, returned_at=done, delivery="postal", delivery_address="12 Lê Lợi",
             e_result=True, has_result_file=True), M, CTX,
    )
    assert returned["NgayKetThucXuLy"] == "20261201100000" and returned["NgayTra"] == "20261201100000"
    assert returned["HinhThuc"] == "1" and returned["ThongTinTra"] == "12 Lê Lợi"
    assert returned["DanhSachGiayToKetQua"][0]["DuongDanTepTinKetQua"].endswith("/ket-qua")


def test_online_payment_only_when_a_payment_service_confirmed_it_and_no_fee_line_at_zero() -> None:
    officer = view(payments=(PaymentView(20000, "paid", "vietqr", "officer"),))
    gateway = view(payments=(PaymentView(20000, "paid", "vietqr", "gateway"),))
    assert dossier_object(officer, M, CTX)["DuocThanhToanTrucTuyen"] == "0"
    assert dossier_object(gateway, M, CTX)["DuocThanhToanTrucTuyen"] == "2"
    assert dossier_object(view(fee=0), M, CTX)["DanhSachLePhi"] == []


def test_supplement_rounds_carry_who_what_and_the_dates() -> None:
    t1, t2 = datetime(2026, 11, 26, 9, 0, tzinfo=VN), datetime(2026, 11, 27, 14, 0, tzinfo=VN)
    events = (
        EventView(1, T0, "accept", 1, 2, "Lê Văn Bình", "officer", {"due": "2026-12-04T09:05:09+07:00"}),
        EventView(2, t1, "supplement", 2, 5, "Lê Văn Bình", "officer",
                  {"items": [{"name": "Tờ khai", "reason": "Thiếu chữ ký"}], "guidance": "Ký lại"}),
        EventView(3, t2, "supplied", 5, 2, "Trần Thu Hà", "officer", {"new_due": "2026-12-07T14:00:00+07:00"}),
    )
    rounds = dossier_object(view(events=events), M, CTX)["DanhSachHoSoBoSung"]
    assert len(rounds) == 1
    r = rounds[0]
    assert r["NguoiYeuCauBoSung"] == "Lê Văn Bình" and r["NoiDungBoSung"] == "Tờ khai: Thiếu chữ ký; Ký lại"
    assert r["NgayBoSung"] == "20261126090000" and r["NgayTiepNhanBoSung"] == "20261127140000"
    assert r["NgayHenTraTruoc"] == "20261204090509" and r["NgayHenTraMoi"] == "20261207140000"
    assert r["NguoiTiepNhanBoSung"] == "Trần Thu Hà" and r["TrangThaiBoSung"] == "1"


def test_progress_entries_report_statuses_as_they_are_and_skip_what_was_sent() -> None:
    events = (
        EventView(1, T0, "submit", None, 1),
        EventView(2, T0, "accept", 1, 2, "Lê Văn Bình" * 6, "officer"),
        EventView(3, T0, "stop", 2, 8, "Lê Văn Bình", "supervisor", {"reason": "Có tranh chấp"}),
        EventView(4, T0, "sync.remote_status", 8, 9),
    )
    v = view(events=events, channel="kiosk")
    entries = progress_entries(v, M, CTX)
    assert [eid for eid, _ in entries] == [1, 2, 3]
    assert [e["TrangThai"] for _, e in entries] == ["1", "2", "8"]
    assert entries[0][1]["NguoiXuLy"] == "Ki-ốt dịch vụ công"
    assert len(entries[1][1]["NguoiXuLy"]) == 50
    assert entries[2][1]["NoiDungXuLy"] == "Dừng xử lý hồ sơ: Có tranh chấp"
    assert entries[2][1]["ChucDanh"] == "Lãnh đạo bộ phận một cửa"
    assert all(strings_only(e) for _, e in entries)
    assert [eid for eid, _ in progress_entries(v, M, CTX, already_sent={1, 2})] == [3]
    with pytest.raises(ValueError):
        progress_entry(v, EventView(9, T0, "note", None, None), M, CTX)
    at_counter = progress_entry(view(channel="counter"), events[0], M, CTX)
    assert at_counter["NguoiXuLy"] == "Bộ phận tiếp nhận và trả kết quả"


def test_a_province_renames_or_drops_fields_in_the_mapping_file(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[2] / "kiosk/resources/dvcqg/mapping.toml").read_text(encoding="utf-8")
    custom = tmp_path / "mapping.toml"
    custom.write_text(text.replace("[rename]\n", '[rename]\nKenhThucHien = ""\nGia = "SoTien"\n'), encoding="utf-8")
    obj = dossier_object(view(), load_mapping(custom), CTX)
    assert "KenhThucHien" not in obj and obj["DanhSachLePhi"][0]["SoTien"] == "20000"
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="schema_version"):
        load_mapping(bad)

"""Each form renders to a PDF whose text holds the Vietnamese fields and whose codes decode back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.core import document_builder as builder
from kiosk.core import vietqr
from kiosk.core.printing import UnknownFormError, form_content
from kiosk.devices.printing import fonts
from kiosk.devices.printing.model import RenderedDocument
from kiosk.devices.printing.render import render_form
from kiosk.form_content import format_date_line, format_money, format_vn_time
from tests.unit.printing import printing_samples as ps

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def render_dossier_form(form: str, dossier, settings) -> RenderedDocument:  # type: ignore[no-untyped-def]
    """Core builds the content from the stored dossier, the device draws it (as PrintJobs does)."""
    return render_form(form, form_content(form, dossier, settings))


def test_vietnamese_formatting() -> None:
    dt = datetime(2026, 11, 25, 7, 5, tzinfo=ZoneInfo("UTC"))
    assert format_vn_time(dt, VN) == "14 giờ 05 phút, ngày 25/11/2026"
    assert format_vn_time(None) == ""
    assert format_money(1_500_000) == "1.500.000 đồng"
    assert format_date_line("Thanh Hóa", dt, VN) == "Thanh Hóa, ngày 25 tháng 11 năm 2026"


def test_receipt_text_barcode_and_qr(accepted, settings, tmp_path: Path) -> None:
    doc = render_dossier_form("01", accepted, settings)
    assert doc.pdf.startswith(b"%PDF") and doc.page == "a4"
    text = ps.pdf_text(doc.pdf, tmp_path)
    for needle in [
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Thanh Hóa, ngày 25 tháng 11 năm 2026",
        ps.ACCEPTED,
        ps.NAME,
        "038190000123",
        ps.PROCEDURE,
        "Bản chính",
        "Bản sao chứng thực",
        "Bản photo",
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "01 bộ",
        "7 ngày làm việc",
        "14 giờ 35 phút, ngày 25/11/2026",
        "14 giờ 35 phút, ngày 04/12/2026",  # due computed from the received time: 7 working days on
        "Tại Bộ phận Một cửa",
        "Quyển số",
        "0237 3900 900",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký, ghi rõ họ tên)",
        ps.STAFF,
        "Liên 1: Lưu hồ sơ",
        "Liên 2: Giao người nộp hồ sơ",
        "20.000 đồng",
    ]:
        assert needle in text, needle
    codes = ps.decode_pdf(doc.pdf, tmp_path, dpi=200)  # QR alone decodes at 150; Code 39 needs 200
    texts = {t for _, t in codes}
    assert settings.tracking_url(ps.ACCEPTED) in texts
    assert settings.tracking_url(ps.ACCEPTED).endswith(f"mahs={ps.ACCEPTED}")
    assert ps.ACCEPTED in texts  # the Code 39 barcode
    assert settings.tracking_url(ps.ACCEPTED) in {t for _, t in ps.decode_pdf(doc.pdf, tmp_path, dpi=150)}
    # the second copy ("liên 2") carries the same codes
    assert {t for _, t in ps.decode_pdf(doc.pdf, tmp_path, page=2, dpi=200)} == texts


def test_single_copy_has_no_copy_label(accepted, tmp_path: Path) -> None:
    settings = ps.make_settings(tmp_path / "one", printer={"receipt_copies": 1})
    doc = render_dossier_form("01", accepted, settings)
    assert "Liên 1" not in ps.pdf_text(doc.pdf, tmp_path)


def test_slip_pending_with_vietqr(pending, settings, tmp_path: Path) -> None:
    doc = render_dossier_form("slip", pending, settings)
    assert doc.page == "80mm" and round(doc.page_size_pt[0] * 25.4 / 72) == 80
    text = ps.pdf_text(doc.pdf, tmp_path)
    for needle in [ps.PENDING, ps.PROCEDURE, "Chờ tiếp nhận — phản hồi trong 8 giờ làm việc",
                   "10.000 đồng (mức thu nộp hồ sơ trực tuyến)", "Chưa nộp", "0237 3900 900",
                   "Nộp lúc: 14:35 25/11/2026",
                   # 7 working days from 14:35 Wed 25/11 if accepted at once; from 8 working hours later at the latest
                   "Dự kiến trả kết quả: từ 14:35 04/12/2026 đến 14:35 07/12/2026",
                   "Tờ khai thay đổi thông tin cư trú (Mẫu CT01) — Bản quét (đã số hóa)"]:
        assert needle in text, needle
    assert ps.OPTIONAL_PAPER not in text  # not provided: not listed
    expected_pay = vietqr.dossier_payment_payload(settings.bank.bin, settings.bank.account, 10000, ps.PENDING)
    decoded = {t for _, t in ps.decode_pdf(doc.pdf, tmp_path, dpi=150)}
    assert decoded == {settings.tracking_url(ps.PENDING), expected_pay}
    info = vietqr.parse_payload(expected_pay)
    assert info.amount == 10000 and info.bill_number == ps.PENDING


def test_slip_accepted_shows_due_and_no_payment_qr(accepted, settings, tmp_path: Path) -> None:
    doc = render_dossier_form("slip", accepted, settings)
    text = ps.pdf_text(doc.pdf, tmp_path)
    assert "Hẹn trả kết quả: 16:00 04/12/2026" in text
    assert "Chờ tiếp nhận" not in text and "Đã nộp tại quầy" in text
    assert doc.qr_payloads == (settings.tracking_url(ps.ACCEPTED),)


def test_form_02_lists_each_item_and_reason_once(accepted, settings, tmp_path: Path) -> None:
    text = ps.pdf_text(render_dossier_form("02", accepted, settings).pdf, tmp_path)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Hợp đồng thuê nhà" in text and "Thiếu chữ ký của chủ hộ" in text
    assert text.count("chưa được công chứng") == 1
    assert "NGƯỜI HƯỚNG DẪN" in text and ps.STAFF in text


def test_form_03_refusal_reason(accepted, settings, tmp_path: Path) -> None:
    text = ps.pdf_text(render_dossier_form("03", accepted, settings).pdf, tmp_path)
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Thủ tục thuộc thẩm quyền của Công an tỉnh" in text


def test_form_04_apology_old_and_new_due(accepted, settings, tmp_path: Path) -> None:
    text = ps.pdf_text(render_dossier_form("04", accepted, settings).pdf, tmp_path)
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text  # TT 03/2025 title
    assert "PHIẾU XIN LỖI" not in text
    assert "16 giờ 00 phút, ngày 04/12/2026" in text  # the old appointment
    assert "16 giờ 00 phút, ngày 08/12/2026" in text  # the new one
    assert "xác minh thêm thông tin" in text


def test_receipt_lists_only_papers_provided_with_how(accepted, settings, tmp_path: Path) -> None:
    text = ps.pdf_text(render_dossier_form("01", accepted, settings).pdf, tmp_path)
    assert "Hình thức nộp" in text and "Nộp bản giấy tại quầy" in text and "Bản quét (đã số hóa)" in text
    assert ps.OPTIONAL_PAPER not in text  # the optional paper the citizen did not provide
    assert "20.000 đồng, mức thu nộp hồ sơ trực tiếp" in text  # a counter dossier pays the counter fee
    # received 14:35; the due time is computed from that instant, not the stored (moved) 16:00
    assert "Thời gian nhận hồ sơ: 14 giờ 35 phút, ngày 25/11/2026" in text
    assert "16 giờ 00 phút" not in text


def test_receipt_before_acceptance_gives_the_due_range(pending, settings, tmp_path: Path) -> None:
    text = ps.pdf_text(render_dossier_form("01", pending, settings).pdf, tmp_path)
    assert "Thời gian nhận hồ sơ: Chưa tiếp nhận" in text
    assert ("dự kiến từ 14 giờ 35 phút, ngày 04/12/2026 đến 14 giờ 35 phút, ngày 07/12/2026" in text), text
    assert "10.000 đồng, mức thu nộp hồ sơ trực tuyến" in text


def test_form_05_stop_notice(accepted, settings, tmp_path: Path) -> None:
    doc = render_dossier_form("05", accepted, settings)
    assert doc.form == "05"
    text = ps.pdf_text(doc.pdf, tmp_path)
    for needle in ["Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", ps.ACCEPTED, ps.NAME, ps.PROCEDURE,
                   ps.STOP_REASON, "Thời gian nhận hồ sơ: 14 giờ 35 phút, ngày 25/11/2026",
                   "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", ps.STAFF]:
        assert needle in text, needle


@pytest.mark.parametrize("form", ["02", "03", "04", "05"])
def test_forms_need_their_event(pending, settings, form: str) -> None:
    with pytest.raises(builder.MissingEventError):
        render_dossier_form(form, pending, settings)


def test_unknown_form(accepted, settings) -> None:
    with pytest.raises(UnknownFormError):
        render_dossier_form("99", accepted, settings)


def test_long_document_list_breaks_pages(accepted, settings, tmp_path: Path) -> None:
    from dataclasses import replace

    from kiosk.devices.printing.forms_a4 import render_receipt
    from kiosk.form_content import DocumentLine

    data = builder.receipt_data(accepted, settings)
    many = tuple(DocumentLine(f"Giấy tờ số {i} — bản kê khai chi tiết ỹ ự ễ", 1, 0, 2) for i in range(40))
    doc = render_receipt(replace(data, documents=many, copies=1))
    text = ps.pdf_text(doc.pdf, tmp_path)
    assert "Giấy tờ số 39" in text and "NGƯỜI TIẾP NHẬN HỒ SƠ" in text
    assert doc.pdf.count(b"/Type /Page\n") + doc.pdf.count(b"/Type /Page ") >= 2 or b"/Count 2" in doc.pdf


def test_fonts_registered_once_per_process(accepted, settings) -> None:
    for form in ("01", "slip", "01"):
        render_dossier_form(form, accepted, settings)
    assert fonts.registration_count == 1

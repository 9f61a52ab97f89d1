"""The A4 forms (TT 03/2025/TT-VPCP Phụ lục I): Mẫu 01 receipt and appointment, Mẫu 02 supplement request,
03 refusal, 04 apology and request to extend, 05 notice that processing stopped.

Why: these are the papers a citizen takes home, so they follow the administrative layout people know:
the issuing unit top left and the national motto top right (underlined), the place-and-date line, a bold
centred title, numbered content and signature blocks.  Mẫu 01 adds the dossier code as a Code 39 barcode
and a QR of the public tracking URL.  Everything is real text in the embedded Be Vietnam Pro font, so it
can be extracted and searched.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4

from kiosk.devices.printing.fonts import BOLD, ITALIC, REGULAR
from kiosk.devices.printing.model import RenderedDocument
from kiosk.devices.printing.pdfdraw import (
    MM,
    Cursor,
    draw_code39,
    draw_qr,
    draw_table,
    finish,
    new_canvas,
    width,
    wrap,
)
from kiosk.form_content import (
    MOTTO_1,
    MOTTO_2,
    TITLE_APOLOGY,
    TITLE_RECEIPT,
    TITLE_REFUSAL,
    TITLE_STOP,
    TITLE_SUPPLEMENT,
    AgencyHeader,
    ApologyData,
    Applicant,
    ReceiptData,
    RefusalData,
    StopData,
    SupplementData,
    format_date_line,
    format_money,
    format_vn_time,
)

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 25 * MM, PAGE_W - 15 * MM, PAGE_H - 15 * MM, 15 * MM
BODY = 11.0
COPY_LABELS = {1: "Liên 1: Lưu hồ sơ", 2: "Liên 2: Giao người nộp hồ sơ", 3: "Liên 3: Giao đơn vị xử lý"}


def _centred_lines(c, lines: list[tuple[str, str, float]], cx: float, y: float, max_w: float) -> float:  # type: ignore[no-untyped-def]
    """Draw (text, font, size) lines centred on ``cx`` going down from ``y``; returns the new y."""
    for text, font, size in lines:
        for line in wrap(text, font, size, max_w):
            y -= size * 1.3
            c.setFont(font, size)
            c.drawCentredString(cx, y, line)
    return y


def draw_agency_header(c, header: AgencyHeader, form_no: str, date_line: str, code: str | None = None) -> float:  # type: ignore[no-untyped-def]
    """Unit top left, motto top right (both underlined), the date line; returns the y below them."""
    left_w, right_w = 84 * MM, 92 * MM
    lcx = LEFT + 38 * MM
    rcx = RIGHT - right_w / 2
    c.setFont(ITALIC, 8.5)
    c.drawRightString(RIGHT, PAGE_H - 9 * MM, form_no)
    top = TOP
    ly = _centred_lines(c, [(header.parent_body.upper(), REGULAR, 10.5)], lcx, top, left_w)
    ly = _centred_lines(c, [(header.unit_name.upper(), BOLD, 10.5)], lcx, ly, left_w)
    c.setLineWidth(0.7)
    c.line(lcx - 18 * MM, ly - 8, lcx + 18 * MM, ly - 8)
    if code:
        c.setFont(REGULAR, 10)
        c.drawCentredString(lcx, ly - 17, f"Số: {code}")
        ly -= 17
    ry = _centred_lines(c, [(MOTTO_1, BOLD, 11), (MOTTO_2, BOLD, 12)], rcx, top, right_w)
    mw = width(MOTTO_2, BOLD, 12)
    c.line(rcx - mw / 2, ry - 5.5, rcx + mw / 2, ry - 5.5)
    c.setFont(ITALIC, 11)
    ry -= 22
    c.drawCentredString(rcx, ry, date_line)
    return min(ly, ry) - 10


def _title(cur: Cursor, title: str, subtitle: str | None = None) -> None:
    cur.space(8)
    cur.paragraph(title, 14, bold=True, align="center", leading=19)
    if subtitle:
        cur.paragraph(subtitle, 10.5, italic=True, align="center", leading=14)
    cur.space(8)


def _applicant_lines(cur: Cursor, a: Applicant, *, with_id: bool = True) -> None:
    cur.label_value("Ông/Bà:", a.full_name, bold_value=True)
    if with_id and a.id_number:
        cur.label_value("Số định danh cá nhân/CCCD:", a.id_number)
    if a.address:
        cur.label_value("Địa chỉ:", a.address)
    contact = "; ".join(p for p in (a.phone and f"Điện thoại: {a.phone}", a.email and f"Email: {a.email}") if p)
    if contact:
        cur.paragraph(contact, BODY)


def _signatures(cur: Cursor, left: tuple[str, str | None] | None, right: tuple[str, str | None]) -> None:
    """Signature blocks: title, "(Ký, ghi rõ họ tên)", space to sign, the printed name."""
    cur.ensure(110)
    cur.space(14)
    c = cur.c
    cols = [(left, cur.left + cur.width * 0.25), (right, cur.left + cur.width * 0.75)]
    y = cur.y
    for block, cx in cols:
        if block is None:
            continue
        title, name = block
        c.setFont(BOLD, 11)
        c.drawCentredString(cx, y - 12, title)
        c.setFont(ITALIC, 10)
        c.drawCentredString(cx, y - 26, "(Ký, ghi rõ họ tên)")
        if name:
            c.setFont(BOLD, 11)
            c.drawCentredString(cx, y - 92, name)
    cur.y = y - 100


def _checkbox_line(cur: Cursor, label: str, options: list[tuple[str, bool]]) -> None:
    """``label`` then ☐/☒ options drawn as boxes (the font has no ballot-box glyphs)."""
    c = cur.c
    lead = BODY * 1.38
    cur.ensure(lead * 2)
    cur.y -= lead
    base = cur.y + (lead - BODY) * 0.45
    c.setFont(REGULAR, BODY)
    c.drawString(cur.left, base, label)
    x = cur.left + width(label + "  ", REGULAR, BODY)
    for text, checked in options:
        need = 14 + width(text, REGULAR, BODY) + 12
        if x + need > cur.right:
            cur.y -= lead
            base = cur.y + (lead - BODY) * 0.45
            x = cur.left + 20
        c.setLineWidth(0.7)
        c.rect(x, base - 1, 9, 9, stroke=1, fill=0)
        if checked:
            c.setFont(BOLD, 9)
            c.drawCentredString(x + 4.5, base + 0.6, "X")
        c.setFont(REGULAR, BODY)
        c.drawString(x + 14, base, text)
        x += need


def _render_receipt_copy(c, data: ReceiptData, copy_no: int) -> None:  # type: ignore[no-untyped-def]
    tz = data.tz
    date_line = format_date_line(data.header.place_name, data.received_at or data.issued_at, tz)
    y = draw_agency_header(c, data.header, "Mẫu số 01", date_line)
    # dossier code as text + Code 39 barcode (left), QR of the tracking URL (right)
    qr_size = 27 * MM
    qr_x = RIGHT - qr_size
    qr_y = y - qr_size - 2
    draw_qr(c, data.tracking_url, qr_x, qr_y, qr_size)
    c.setFont(ITALIC, 8)
    c.drawCentredString(qr_x + qr_size / 2, qr_y - 9, "Quét mã để tra cứu")
    c.setFont(REGULAR, 10.5)
    c.drawString(LEFT, y - 14, "Mã hồ sơ:")
    c.setFont(BOLD, 14)
    c.drawString(LEFT + width("Mã hồ sơ: ", REGULAR, 10.5), y - 15, data.dossier_code)
    draw_code39(c, data.dossier_code, LEFT, y - 52, 28, qr_x - LEFT - 12 * MM)
    cur = Cursor(c, qr_y - 10, BOTTOM, LEFT, RIGHT)
    copy_label = COPY_LABELS.get(copy_no) if data.copies > 1 else None
    _title(cur, TITLE_RECEIPT, copy_label)
    cur.paragraph(f"{data.header.unit_name} tiếp nhận hồ sơ của:", BODY)
    _applicant_lines(cur, data.applicant)
    if data.owner_name:
        cur.label_value("Chủ hồ sơ:", data.owner_name)
    cur.label_value("Nội dung yêu cầu giải quyết:", f"{data.procedure_name} (mã thủ tục {data.procedure_code})")
    cur.paragraph("1. Thành phần hồ sơ nộp gồm:", BODY, bold=True)
    cur.space(3)
    rows = [
        [str(i), d.name, _n(d.originals), _n(d.certified_copies), _n(d.photocopies), d.how]
        for i, d in enumerate(data.documents, 1)
    ] or [["", "(không có giấy tờ kèm theo)", "", "", "", ""]]
    w = cur.width
    draw_table(
        cur,
        ["STT", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản photo", "Hình thức nộp"],
        [10 * MM, w - 10 * MM - 3 * 17 * MM - 30 * MM, 17 * MM, 17 * MM, 17 * MM, 30 * MM],
        rows,
        align=["center", "left", "center", "center", "center", "left"],
    )
    cur.space(4)
    cur.label_value("2. Số lượng hồ sơ:", f"{data.sets_count:02d} bộ")
    cur.label_value("3. Thời gian giải quyết hồ sơ theo quy định là:", data.time_limit_text)
    # the limit runs from received_at (acceptance); the due time below is computed from that instant
    cur.label_value("4. Thời gian nhận hồ sơ:", format_vn_time(data.received_at, tz) or "Chưa tiếp nhận")
    if data.received_at is None and data.due_earliest is not None:
        due = (f"dự kiến từ {format_vn_time(data.due_earliest, tz)} đến {format_vn_time(data.due_latest, tz)}"
               " (tính từ khi cán bộ tiếp nhận hồ sơ)")
    else:
        due = format_vn_time(data.due_at, tz) or "Không quy định thời hạn"
    cur.label_value("5. Thời gian trả kết quả giải quyết hồ sơ:", due, bold_value=True)
    _checkbox_line(cur, "6. Đăng ký nhận kết quả tại:", list(data.delivery_options))
    if data.fee > 0 or data.payment_state not in ("none",):
        fee = format_money(data.fee) if data.fee > 0 else "0 đồng"
        basis = f", {data.fee_basis}" if data.fee_basis else ""
        cur.label_value("7. Phí, lệ phí:", f"{fee}{basis} ({data.payment_text or data.payment_state})")
    cur.paragraph(
        f"Vào Sổ theo dõi hồ sơ, Quyển số: {data.book_number}, Số thứ tự: {data.book_sequence}", BODY
    )
    note = (
        "Lưu ý: Mang theo giấy này khi đến nhận kết quả; người nhận thay phải có giấy ủy quyền. "
        "Kết quả có thể được trả sớm hơn và sẽ được thông báo qua tin nhắn hoặc thư điện tử."
    )
    if data.note:
        note += f" Ghi chú: {data.note}"
    cur.space(2)
    cur.paragraph(note, 10, italic=True)
    cur.paragraph(
        f"Tra cứu tình trạng hồ sơ tại {data.header.website} hoặc gọi đường dây nóng {data.header.hotline}.",
        10,
        italic=True,
    )
    _signatures(cur, ("NGƯỜI NỘP HỒ SƠ", data.applicant.full_name), ("NGƯỜI TIẾP NHẬN HỒ SƠ", data.staff_name))


def _n(v: int) -> str:
    return f"{v:02d}" if v else "-"


def render_receipt(data: ReceiptData) -> RenderedDocument:
    """Mẫu 01, one page per copy ("liên") when ``data.copies`` > 1."""
    c, buf = new_canvas(A4, f"{TITLE_RECEIPT} {data.dossier_code}")
    for copy_no in range(1, max(1, data.copies) + 1):
        if copy_no > 1:
            c.showPage()
        _render_receipt_copy(c, data, copy_no)
    return RenderedDocument(
        form="01",
        dossier_code=data.dossier_code,
        title=TITLE_RECEIPT,
        pdf=finish(c, buf),
        page="a4",
        page_size_pt=A4,
        qr_payloads=(data.tracking_url,),
    )


def _form_start(data, form_no: str, title: str):  # type: ignore[no-untyped-def]
    c, buf = new_canvas(A4, f"{title} {data.dossier_code}")
    y = draw_agency_header(c, data.header, form_no, format_date_line(data.header.place_name, data.issued_at, data.tz))
    cur = Cursor(c, y, BOTTOM, LEFT, RIGHT)
    _title(cur, title)
    return c, buf, cur


def _done(c, buf, data, form: str, title: str) -> RenderedDocument:  # type: ignore[no-untyped-def]
    return RenderedDocument(form, data.dossier_code, title, finish(c, buf), "a4", A4)


def render_supplement(data: SupplementData) -> RenderedDocument:
    """Mẫu 02: each paper to add or correct with its reason, the guidance stated once and in full."""
    c, buf, cur = _form_start(data, "Mẫu số 02", TITLE_SUPPLEMENT)
    cur.label_value("Mã hồ sơ:", data.dossier_code, bold_value=True)
    cur.paragraph(f"{data.header.unit_name} đã nhận hồ sơ của:", BODY)
    _applicant_lines(cur, data.applicant, with_id=False)
    cur.label_value("Nội dung yêu cầu giải quyết:", data.procedure_name)
    if data.submitted_at:
        cur.label_value("Ngày nộp hồ sơ:", format_vn_time(data.submitted_at, data.tz))
    cur.paragraph("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", BODY, bold=True)
    cur.space(3)
    w = cur.width
    counts = any(i.originals or i.certified_copies or i.photocopies for i in data.items)
    if counts:
        widths = [10 * MM, 52 * MM, w - 10 * MM - 52 * MM - 3 * 17 * MM, 17 * MM, 17 * MM, 17 * MM]
        heads = ["STT", "Giấy tờ cần bổ sung, hoàn thiện", "Lý do", "Bản chính", "Bản sao CT", "Bản photo"]
        rows = [
            [str(n), i.name, i.reason, _n(i.originals), _n(i.certified_copies), _n(i.photocopies)]
            for n, i in enumerate(data.items, 1)
        ]
        aligns = ["center", "left", "left", "center", "center", "center"]
    else:
        widths = [10 * MM, 62 * MM, w - 72 * MM]
        heads = ["STT", "Giấy tờ cần bổ sung, hoàn thiện", "Lý do"]
        rows = [[str(n), i.name, i.reason] for n, i in enumerate(data.items, 1)]
        aligns = ["center", "left", "left"]
    draw_table(cur, heads, widths, rows, align=aligns)
    cur.space(6)
    if data.guidance:
        cur.label_value("Hướng dẫn:", data.guidance)
    if data.legal_basis:
        cur.label_value("Căn cứ:", data.legal_basis)
    cur.paragraph(
        "Mọi nội dung cần bổ sung đã được nêu đầy đủ một lần trong phiếu này. Khi bổ sung, Ông/Bà vui lòng "
        "mang theo phiếu này hoặc cung cấp mã hồ sơ.",
        10,
        italic=True,
    )
    contact = f"Tra cứu tại {data.header.website}; đường dây nóng {data.header.hotline}."
    if data.staff_name:
        phone = f", điện thoại {data.staff_phone}" if data.staff_phone else ""
        contact = f"Cán bộ hướng dẫn: {data.staff_name}{phone}. " + contact
    cur.paragraph(contact, 10, italic=True)
    _signatures(cur, None, ("NGƯỜI HƯỚNG DẪN", data.staff_name))
    return _done(c, buf, data, "02", TITLE_SUPPLEMENT)


def _dossier_lines(cur: Any, data: Any, verb: str, when_label: str, when: Any, *, space: bool = True) -> None:
    """The opening every decision form shares (Mẫu 03, 04, 05): code, who, what, and when it came in."""
    cur.label_value("Mã hồ sơ:", data.dossier_code, bold_value=True)
    cur.paragraph(f"{data.header.unit_name} {verb} hồ sơ của:", BODY)
    _applicant_lines(cur, data.applicant, with_id=False)
    cur.label_value("Nội dung yêu cầu giải quyết:", data.procedure_name)
    if when:
        cur.label_value(when_label, format_vn_time(when, data.tz))
    if space:
        cur.space(4)


def render_refusal(data: RefusalData) -> RenderedDocument:
    """Mẫu 03: the dossier is not received, and why."""
    c, buf, cur = _form_start(data, "Mẫu số 03", TITLE_REFUSAL)
    _dossier_lines(cur, data, "đã nhận", "Thời gian nộp hồ sơ:", data.submitted_at)
    cur.paragraph(
        "Căn cứ quy định hiện hành, cơ quan, đơn vị từ chối tiếp nhận hồ sơ này với lý do như sau:", BODY
    )
    cur.paragraph(data.reason or "(chưa ghi lý do)", BODY, bold=True, indent=8 * MM)
    cur.space(4)
    cur.paragraph("Xin thông báo để Ông/Bà được biết và thực hiện.", BODY)
    cur.paragraph(
        f"Mọi thắc mắc xin liên hệ đường dây nóng {data.header.hotline} hoặc {data.header.website}.",
        10,
        italic=True,
    )
    _signatures(cur, None, ("NGƯỜI TIẾP NHẬN HỒ SƠ", data.staff_name))
    return _done(c, buf, data, "03", TITLE_REFUSAL)


def render_apology(data: ApologyData) -> RenderedDocument:
    """Mẫu 04: the result will be late; an apology and the new appointment."""
    c, buf, cur = _form_start(data, "Mẫu số 04", TITLE_APOLOGY)
    _dossier_lines(cur, data, "đã tiếp nhận", "Thời gian nhận hồ sơ:", data.received_at, space=False)
    if data.old_due:
        cur.label_value("Thời gian hẹn trả kết quả:", format_vn_time(data.old_due, data.tz))
    cur.space(4)
    cur.paragraph(
        "Hồ sơ của Ông/Bà không thể giải quyết xong trong thời hạn đã hẹn. Lý do:", BODY
    )
    cur.paragraph(data.reason or "(chưa ghi lý do)", BODY, bold=True, indent=8 * MM)
    cur.space(4)
    cur.paragraph(
        f"{data.header.unit_name} thành thật xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian "
        "giải quyết hồ sơ, hẹn trả kết quả vào:", BODY
    )
    cur.paragraph(format_vn_time(data.new_due, data.tz), 12, bold=True, align="center")
    cur.space(4)
    cur.paragraph(
        f"Tra cứu tình trạng hồ sơ tại {data.header.website} hoặc gọi đường dây nóng {data.header.hotline}.",
        10,
        italic=True,
    )
    _signatures(cur, None, ("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", data.staff_name))
    return _done(c, buf, data, "04", TITLE_APOLOGY)


def render_stop(data: StopData) -> RenderedDocument:
    """Mẫu 05: an accepted dossier will not be processed further, and why."""
    c, buf, cur = _form_start(data, "Mẫu số 05", TITLE_STOP)
    _dossier_lines(cur, data, "đã tiếp nhận", "Thời gian nhận hồ sơ:", data.received_at)
    cur.paragraph("Cơ quan, đơn vị thông báo dừng giải quyết hồ sơ nêu trên với lý do như sau:", BODY)
    cur.paragraph(data.reason or "(chưa ghi lý do)", BODY, bold=True, indent=8 * MM)
    cur.space(4)
    cur.paragraph(
        "Hồ sơ được trả lại theo quy định. Xin thông báo để Ông/Bà được biết và thực hiện.", BODY
    )
    cur.paragraph(
        f"Mọi thắc mắc xin liên hệ đường dây nóng {data.header.hotline} hoặc {data.header.website}.",
        10,
        italic=True,
    )
    _signatures(cur, None, ("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", data.staff_name))
    return _done(c, buf, data, "05", TITLE_STOP)

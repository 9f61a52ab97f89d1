"""The 80 mm kiosk slip: one line model drawn either as a PDF page (CUPS, file) or as an ESC/POS raster.

Why: a thermal slip is a column of centred or left-aligned lines, rules and QR codes.  Describing it once as
``Thermal*`` items and drawing those items two ways keeps the PDF and the raw ESC/POS print identical, and
the slip's page height follows its content (no wasted paper).
"""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.devices.printing.fonts import register_fonts
from kiosk.devices.printing.model import (
    RenderedDocument,
    ThermalItem,
    ThermalQR,
    ThermalRule,
    ThermalSpace,
    ThermalText,
)
from kiosk.devices.printing.pdfdraw import FAST_MASK, MM, draw_qr, face, finish, fit_size, new_canvas, wrap
from kiosk.form_content import (
    PENDING_TEXT,
    TITLE_SLIP,
    SlipData,
    format_money,
    format_vn_short,
)

SLIP_WIDTH = 80 * MM
MARGIN = 4 * MM
CONTENT_W = SLIP_WIDTH - 2 * MARGIN
TEST_TITLE = "TRANG IN THỬ"
TEST_TEXT = "Kiểm tra tiếng Việt: Nguyễn Thị Hường, Đắk Lắk — ễ ậ ự ở ỹ Đ đ ơ ư"


def slip_items(data: SlipData) -> tuple[ThermalItem, ...]:
    tz = data.tz
    items: list[ThermalItem] = [
        # who issues it: the body above (e.g. the commune's or province's People's Committee), then the unit
        *([ThermalText(data.header.parent_body.upper(), 8, align="center")] if data.header.parent_body else []),
        ThermalText(data.header.unit_name.upper(), 8.5, bold=True, align="center"),
        ThermalSpace(3),
        ThermalText(TITLE_SLIP, 12, bold=True, align="center"),
        ThermalRule(),
        ThermalText("Mã hồ sơ", 8.5, align="center"),
        ThermalText(data.dossier_code, 15, bold=True, align="center"),
        ThermalSpace(4),
        ThermalQR(data.tracking_url, 31 * MM, "Quét mã để tra cứu hồ sơ"),
        ThermalRule(),
        ThermalText("Thủ tục:", 8.5, bold=True),
        ThermalText(data.procedure_name, 9.5),
        ThermalSpace(2),
        ThermalText(f"Nộp lúc: {format_vn_short(data.submitted_at, tz)}", 9),
    ]
    if data.pending:
        items.append(ThermalText(PENDING_TEXT, 9.5, bold=True))
        if data.accept_deadline:
            items.append(ThermalText(f"Hạn phản hồi: {format_vn_short(data.accept_deadline, tz)}", 9))
        if data.due_earliest is not None:  # the limit runs from acceptance: a range until then
            items.append(ThermalText(
                f"Dự kiến trả kết quả: từ {format_vn_short(data.due_earliest, tz)} "
                f"đến {format_vn_short(data.due_latest, tz)} (tùy thời điểm tiếp nhận)", 9, bold=True))
    else:
        if data.received_at:
            items.append(ThermalText(f"Tiếp nhận: {format_vn_short(data.received_at, tz)}", 9))
        due = format_vn_short(data.due_at, tz) if data.due_at else "Không quy định thời hạn"
        items.append(ThermalText(f"Hẹn trả kết quả: {due}", 10, bold=True))
    if data.documents:
        items.append(ThermalText("Giấy tờ đã nộp:", 8.5, bold=True))
        items += [ThermalText(f"{n}. {d.name} — {d.how}", 8.5) for n, d in enumerate(data.documents, 1)]
    if data.fee > 0:
        basis = f" ({data.fee_basis})" if data.fee_basis else ""
        items.append(ThermalText(f"Phí, lệ phí: {format_money(data.fee)}{basis} — {data.payment_text}", 9))
    else:
        items.append(ThermalText(f"Phí, lệ phí: {data.payment_text or 'Không thu phí, lệ phí'}", 9))
    if data.payment_payload:
        items += [
            ThermalRule(),
            ThermalText("Nộp phí bằng ứng dụng ngân hàng", 9, bold=True, align="center"),
            ThermalQR(data.payment_payload, 33 * MM, f"VietQR · Nội dung: {data.dossier_code}"),
        ]
    items += [
        ThermalRule(),
        ThermalText(f"Tra cứu: {data.header.website}", 8),
        ThermalText(f"Đường dây nóng: {data.header.hotline}", 8),
    ]
    if data.kiosk_name:
        items.append(ThermalText(f"{data.kiosk_name} · In lúc {format_vn_short(datetime.now(UTC), tz)}", 7.5))
    return tuple(items)


def printer_test_items(printer_name: str, qr_data: str, when: datetime | None = None) -> tuple[ThermalItem, ...]:
    """The `kiosk printer test` page: Vietnamese text with stacked marks, a rule and a QR."""
    return (
        ThermalText(TEST_TITLE, 12, bold=True, align="center"),
        ThermalRule(),
        ThermalText(TEST_TEXT, 9.5),
        ThermalText(f"Máy in: {printer_name}", 9),
        ThermalText(f"Thời gian: {format_vn_short(when or datetime.now(UTC))}", 9),
        ThermalSpace(3),
        ThermalQR(qr_data, 30 * MM, "Mã QR thử"),
        ThermalRule(),
    )


# --- layout -------------------------------------------------------------------------------------------
def _text_lines(item: ThermalText) -> tuple[str, float, list[str]]:
    font = face(item.bold)
    size = item.size
    if item.align == "center" and item.size >= 14:  # the big code: shrink to fit one line
        size = fit_size(item.text, font, item.size, CONTENT_W)
    return font, size, no_lone_last_word(wrap(item.text, font, size, CONTENT_W))


def no_lone_last_word(lines: list[str]) -> list[str]:
    """Never leave one short word alone on the last line ("… trong 8 giờ làm / việc"): the previous line gives
    it its last word, so the two lines read as a phrase."""
    if len(lines) < 2:
        return lines
    prev, last = lines[-2].split(" "), lines[-1].split(" ")
    if len(last) == 1 and len(prev) >= 3:
        return [*lines[:-2], " ".join(prev[:-1]), f"{prev[-1]} {lines[-1]}"]
    return lines


def _item_height(item: ThermalItem) -> float:
    if isinstance(item, ThermalText):
        _, size, lines = _text_lines(item)
        return len(lines) * size * 1.3
    if isinstance(item, ThermalQR):
        return item.size + (12 if item.caption else 4)
    if isinstance(item, ThermalRule):
        return 8
    return item.height


def render_items(items: tuple[ThermalItem, ...], *, form: str, code: str, title: str) -> RenderedDocument:
    """Draw the items on an 80 mm wide page exactly as tall as they need."""
    register_fonts()
    height = sum(_item_height(i) for i in items) + 2 * MARGIN
    c, buf = new_canvas((SLIP_WIDTH, height), title)
    y = height - MARGIN
    cx = SLIP_WIDTH / 2
    qrs: list[str] = []
    for item in items:
        if isinstance(item, ThermalText):
            font, size, lines = _text_lines(item)
            c.setFont(font, size)
            for line in lines:
                y -= size * 1.3
                base = y + size * 0.3
                if item.align == "center":
                    c.drawCentredString(cx, base, line)
                else:
                    c.drawString(MARGIN, base, line)
        elif isinstance(item, ThermalQR):
            y -= item.size
            draw_qr(c, item.data, cx - item.size / 2, y, item.size, mask=FAST_MASK)
            qrs.append(item.data)
            if item.caption:
                y -= 10
                c.setFont(face(), 7.5)
                c.drawCentredString(cx, y + 1.5, item.caption)
                y -= 2
            else:
                y -= 4
        elif isinstance(item, ThermalRule):
            y -= 8
            c.setDash(2, 2)
            c.setLineWidth(0.6)
            c.line(MARGIN, y + 4, SLIP_WIDTH - MARGIN, y + 4)
            c.setDash()
        else:
            y -= item.height
    return RenderedDocument(
        form=form,
        dossier_code=code,
        title=title,
        pdf=finish(c, buf),
        page="80mm",
        page_size_pt=(SLIP_WIDTH, height),
        thermal=items,
        qr_payloads=tuple(qrs),
    )


def render_slip(data: SlipData) -> RenderedDocument:
    return render_items(slip_items(data), form="slip", code=data.dossier_code, title=f"{TITLE_SLIP} {data.dossier_code}")


def render_test_slip(printer_name: str, qr_data: str = "https://dichvucong.gov.vn/?kiosk-test=1") -> RenderedDocument:
    return render_items(printer_test_items(printer_name, qr_data), form="test", code="TEST", title=TEST_TITLE)

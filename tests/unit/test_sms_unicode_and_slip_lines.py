"""Status SMS without diacritics by default, with them when ``sms.unicode`` is on; the slip never leaves one
word alone on a line and names the body above the unit in its header (issue 15)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from kiosk.config import Settings
from kiosk.core.contact import CitizenContact
from kiosk.core.textfold import strip_marks
from kiosk.devices.printing.slip import no_lone_last_word


class _Outbox:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        self.sent.append((phone, text))


def _contact(unicode_sms: bool) -> tuple[CitizenContact, _Outbox]:
    box = _Outbox()

    def no_db():  # type: ignore[no-untyped-def]
        raise RuntimeError("no database in this test")

    c = CitizenContact(no_db, sms=box, email=None, render_form=lambda code, form: b"",  # type: ignore[arg-type]
                       tracking_url=lambda c: f"https://x.vn/?mahs={c}", tz=ZoneInfo("Asia/Ho_Chi_Minh"),
                       unicode_sms=unicode_sms)
    return c, box


def test_status_sms_are_plain_by_default_and_keep_marks_with_unicode() -> None:
    assert Settings().sms.unicode is False  # the documented default: cheapest, one GSM-7 part
    plain, box = _contact(False)
    assert plain.text_now("000.00.06.H56-261125-0001", "finish", "0912345678") == "sent"
    text = box.sent[-1][1]
    assert text == strip_marks(text) and text.isascii() and "da co ket qua" in text
    marked, box2 = _contact(True)
    assert marked.text_now("000.00.06.H56-261125-0001", "finish", "0912345678") == "sent"
    text2 = box2.sent[-1][1]
    assert "đã có kết quả" in text2 and strip_marks(text2) == text


def test_every_status_event_has_a_text_in_both_languages_that_folds_to_ascii() -> None:
    from datetime import datetime

    from kiosk.core.contact import SMS_EVENTS, Recipient, sms_text

    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    for lang in ("vi", "en"):
        r = Recipient(code="X-1", language=lang, phone=None, email=None, sms_consent=True, email_consent=False,
                      due=datetime(2026, 12, 3, 9, 0, tzinfo=tz), delivery="counter")
        for event in SMS_EVENTS:
            text = sms_text(event, r, "https://x.vn/?mahs=X-1", tz)
            assert "X-1" in text and strip_marks(text).isascii(), (lang, event)


def test_no_word_is_left_alone_on_the_last_line() -> None:
    lines = ["Chờ tiếp nhận — phản hồi trong 8 giờ làm", "việc"]
    assert no_lone_last_word(lines) == ["Chờ tiếp nhận — phản hồi trong 8 giờ", "làm việc"]
    assert no_lone_last_word(["một dòng"]) == ["một dòng"]
    assert no_lone_last_word(["hai từ", "đủ"]) == ["hai từ", "đủ"]  # too short a line to give a word
    assert no_lone_last_word(["a b c", "d e"]) == ["a b c", "d e"]


def test_slip_header_names_the_body_above_the_unit_and_keeps_phrases_together(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from kiosk.devices.printing.model import ThermalText
    from kiosk.devices.printing.slip import _text_lines, render_slip, slip_items
    from kiosk.form_content import AgencyHeader, SlipData

    header = AgencyHeader(parent_body="UBND xã Đông Sơn", unit_name="Bộ phận Một cửa", place_name="Thanh Hóa",
                          hotline="0237 3900 900", website="https://dichvucong.gov.vn")
    now = datetime(2026, 11, 25, 7, 35, tzinfo=UTC)
    data = SlipData(header=header, dossier_code="000.00.06.H56-261125-0008", tracking_url="https://x.vn/?mahs=1",
                    procedure_name="Đăng ký thường trú", submitted_at=now, received_at=None, due_at=None, pending=True,
                    accept_deadline=now)
    assert render_slip(data).pdf.startswith(b"%PDF")  # (registers the fonts the line breaks are measured in)
    items = slip_items(data)
    texts = [i for i in items if isinstance(i, ThermalText)]
    assert [t.text for t in texts[:2]] == ["UBND XÃ ĐÔNG SƠN", "BỘ PHẬN MỘT CỬA"]
    for t in texts:
        _font, _size, lines = _text_lines(t)
        assert len(lines) < 2 or len(lines[-1].split(" ")) > 1 or len(lines[-2].split(" ")) < 3, lines

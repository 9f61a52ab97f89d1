"""kiosk.core.contact.plan: which messages an event sends, to whom, in which language and alphabet."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.contact import Recipient, plan

VN = ZoneInfo("Asia/Ho_Chi_Minh")
URL = "https://dichvucong.example.vn/tra-cuu?mahs=X"


def _r(**kw):  # type: ignore[no-untyped-def]
    base = dict(code="000.00.06.H56-261125-0001", language="vi", phone="0912345678", email="a@example.vn",
                sms_consent=True, email_consent=True, due=datetime(2026, 11, 30, 14, 0, tzinfo=VN), delivery="counter")
    base.update(kw)
    return Recipient(**base)


@pytest.mark.parametrize("sms,email,expected", [(True, True, ["sms", "email"]), (True, False, ["sms"]),
                                                 (False, True, ["email"]), (False, False, [])])
def test_only_consented_channels(sms, email, expected):
    assert [m.channel for m in plan("accept", _r(sms_consent=sms, email_consent=email), URL, VN, unicode_sms=False)] == expected


def test_forms_attached_per_event_and_unknown_events_send_nothing():
    forms = {e: [m.form for m in plan(e, _r(), URL, VN, unicode_sms=False) if m.channel == "email"] for e in
             ("accept", "supplement", "finish")}
    assert forms == {"accept": ["01"], "supplement": ["02"], "finish": [None]}
    assert plan("start_processing", _r(), URL, VN, unicode_sms=False) == []


def test_sms_text_has_code_due_and_url_and_fits_gsm7_when_folded():
    (sms,) = [m for m in plan("accept", _r(), URL, VN, unicode_sms=False) if m.channel == "sms"]
    assert sms.to == "+84912345678"
    assert "000.00.06.H56-261125-0001" in sms.body and "14:00 ngay 30/11/2026" in sms.body and URL in sms.body
    assert sms.body.isascii() and sms.body.startswith("Ho so")
    (uni,) = [m for m in plan("accept", _r(), URL, VN, unicode_sms=True) if m.channel == "sms"]
    assert uni.body.startswith("Hồ sơ") and "Hẹn trả kết quả" in uni.body


def test_english_citizen_gets_english_and_delivery_specific_result_text():
    msgs = plan("finish", _r(language="en", delivery="online"), URL, VN, unicode_sms=False)
    email = next(m for m in msgs if m.channel == "email")
    assert email.subject.endswith("result ready") and "printed at the kiosk" in email.body
    postal = next(m for m in plan("finish", _r(delivery="postal"), URL, VN, unicode_sms=True) if m.channel == "sms")
    assert "bưu chính công ích" in postal.body


def test_unusable_addresses_are_skipped():
    msgs = plan("accept", _r(phone="12345", email="not-an-address"), URL, VN, unicode_sms=False)
    assert msgs == []

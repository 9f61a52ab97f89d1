"""Contact after the citizen leaves (issue 16 point 5): on acceptance an SMS with the code, the due time and
the tracking address, and an e-mail with Mẫu 01 attached; on a supplement request an e-mail with Mẫu 02; when
the result is ready a note. Each only with the matching consent, in the citizen's language; e-mail through a
real SMTP server on 127.0.0.1 that requires STARTTLS, read back with its PDF attachment."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from tests.integration.smtp_server import start_smtp
from tests.staff_helpers import PIN, cheap_argon2, make_app, submit


@pytest.fixture
def app(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    yield a
    a.close()


@pytest.fixture
def smtp(tmp_path):  # type: ignore[no-untyped-def]
    server = start_smtp(tmp_path / "smtp")
    yield server
    server.stop()


def _account(app, code: str, *, sms: bool, email: bool, address: str = "huong@example.vn", lang: str = "vi") -> None:
    from kiosk.models.tables import Account, Consent, Dossier

    now = datetime.now(UTC)
    with app.session_factory() as s, s.begin():
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        d.language = lang
        acc = Account(citizen_id=d.applicant_id, phone="+84912345678", email=address, status="active",
                      phone_verified_at=now, created_at=now)
        s.add(acc)
        s.flush()
        for purpose, granted in (("sms_notifications", sms), ("email_notifications", email)):
            s.add(Consent(account_id=acc.id, purpose=purpose, text_version="consents-2026.1", granted=granted, at=now))


def _contact(app, smtp, *, unicode_sms: bool = False):  # type: ignore[no-untyped-def]
    from kiosk.core.contact import CitizenContact
    from kiosk.integrations.email import SmtpEmail

    return CitizenContact(
        app.session_factory,
        sms=app.sms,
        email=SmtpEmail(host=smtp.host, port=smtp.port, sender="motcua@example.gov.vn", ca_file=smtp.ca_file),
        render_form=app.print_jobs.render_pdf,
        tracking_url=app.settings.tracking_url,
        tz=app.settings.tz,
        unicode_sms=unicode_sms,
        unit_name=app.settings.unit_name,
    )


def _sms_lines(app) -> list[dict]:  # type: ignore[no-untyped-def]
    from kiosk.integrations.sms import outbox_path

    p = outbox_path(app.settings)
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()] if p.exists() else []


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_acceptance_sends_sms_and_email_with_form_01(app, smtp):
    staff = app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN).id
    code = submit(app)
    _account(app, code, sms=True, email=True)
    app.actions.accept(code, staff)
    before = len(_sms_lines(app))
    report = _contact(app, smtp).after_event(code, "accept")
    assert sorted(report.sent) == ["email", "sms"] and not report.failed

    sms = _sms_lines(app)[before:]
    assert len(sms) == 1 and code in sms[0]["text"]
    assert "Hen tra ket qua" in sms[0]["text"] and app.settings.tracking_url(code) in sms[0]["text"]
    assert all(ord(c) < 128 for c in sms[0]["text"])  # folded: one GSM-7 part's alphabet

    assert smtp.tls_seen == [True]  # delivered only after STARTTLS
    (msg,) = smtp.received
    assert msg["To"] == "huong@example.vn"
    assert msg["Subject"] == f"Hồ sơ {code} đã được tiếp nhận"
    body = msg.get_body(("plain",)).get_content()
    assert "Mẫu 01" in body and app.settings.tracking_url(code) in body
    (att,) = list(msg.iter_attachments())
    assert att.get_filename() == f"Mau-01-{code}.pdf"
    pdf = att.get_content()
    assert pdf.startswith(b"%PDF")
    text = _pdf_text(pdf)
    assert "TIẾP NHẬN" in text.upper() and code in text


def test_supplement_mails_form_02_and_result_ready_has_no_attachment(app, smtp):
    staff = app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN).id
    code = submit(app)
    _account(app, code, sms=False, email=True, lang="en")
    app.actions.accept(code, staff)
    app.actions.request_supplement(code, staff, [{"name": "Giấy xác nhận cư trú", "reason": "bản chụp bị mờ"}])
    contact = _contact(app, smtp)
    assert contact.after_event(code, "supplement").sent == ["email"]
    (msg,) = smtp.received
    assert msg["Subject"] == f"Dossier {code}: papers needed"  # the citizen used the kiosk in English
    (att,) = list(msg.iter_attachments())
    assert att.get_filename() == f"Mau-02-{code}.pdf"
    assert "bản chụp bị mờ" in _pdf_text(att.get_content())
    app.actions.supplied(code, staff)
    app.actions.finish(code, staff)
    assert contact.after_event(code, "finish").sent == ["email"]
    last = smtp.received[-1]
    assert last["Subject"] == f"Dossier {code}: result ready" and list(last.iter_attachments()) == []
    assert _sms_lines(app) == [] or all(code not in x["text"] for x in _sms_lines(app))  # no SMS consent


def test_nothing_without_consent_and_unicode_sms_keeps_diacritics(app, smtp):
    staff = app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN).id
    code = submit(app)
    _account(app, code, sms=False, email=False)
    app.actions.accept(code, staff)
    report = _contact(app, smtp).after_event(code, "accept")
    assert report.sent == [] and report.skipped and smtp.received == []

    code2 = submit(app)
    _account_second = code2
    from kiosk.models.tables import Consent, Dossier

    with app.session_factory() as s, s.begin():  # the same citizen now agrees to SMS (latest answer wins)
        d = s.scalar(select(Dossier).where(Dossier.code == _account_second))
        acc_id = d.applicant.account.id
        s.add(Consent(account_id=acc_id, purpose="sms_notifications", text_version="consents-2026.1", granted=True,
                      at=datetime.now(UTC)))
    app.actions.accept(code2, staff)
    assert _contact(app, smtp, unicode_sms=True).after_event(code2, "accept").sent == ["sms"]
    assert "Hồ sơ" in _sms_lines(app)[-1]["text"] and "Hẹn trả kết quả" in _sms_lines(app)[-1]["text"]


def test_mail_server_without_starttls_is_refused(tmp_path):
    from kiosk.integrations.email import EmailError, SmtpEmail

    plain = start_smtp(tmp_path / "plain", starttls=False)
    try:
        with pytest.raises(EmailError, match="STARTTLS"):
            SmtpEmail(host=plain.host, port=plain.port).send("a@example.vn", "x", "y")
        assert plain.received == []
    finally:
        plain.stop()


def test_certificate_is_verified(tmp_path, smtp):
    from kiosk.integrations.email import EmailError, SmtpEmail

    with pytest.raises(EmailError):  # the test server's own certificate is not in the system trust store
        SmtpEmail(host=smtp.host, port=smtp.port).send("a@example.vn", "x", "y")
    assert smtp.received == []

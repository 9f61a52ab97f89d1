"""Keeping in touch with the citizen after they leave the kiosk: a text message and an e-mail when the
dossier is accepted, when papers are missing and when the result is ready.

Why in core: which message goes out, to whom and in which words is a rule of the service, not of a gateway.
Each message goes only where the citizen agreed (the "sms_notifications" / "email_notifications" consents of
their account, latest answer wins, withdrawn = no), in the language they used at the kiosk. The e-mail at
acceptance carries Mẫu 01 (the legal receipt, issued on acceptance), the one at a supplement request Mẫu 02
(the list of missing papers). Status texts keep their diacritics when the site's gateway sends Unicode
(``sms.unicode``); otherwise they are folded to plain letters so each fits one 160-character GSM-7 part.
The tracking address is the site's template (``tracking_url_template``) that the province's portal resolves.

Everything here runs after the dossier's transaction committed, so nothing raises: a gateway that is down
is reported in the result, never allowed to undo or hide the change. No address or text is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.identity import InvalidPhone, normalise_phone
from kiosk.core.ports import SmsSender
from kiosk.core.textfold import strip_marks
from kiosk.models.tables import Account, Consent, Dossier

log = logging.getLogger(__name__)

SMS_CONSENT = "sms_notifications"
EMAIL_CONSENT = "email_notifications"

# event (a workflow action) -> the form attached to the e-mail
EMAIL_FORM = {"accept": "01", "supplement": "02", "finish": None}
EVENTS = tuple(EMAIL_FORM)


class EmailPort(Protocol):
    """kiosk.integrations.email.SmtpEmail / DemoEmail have this shape."""

    def send(self, to: str, subject: str, body: str, attachments: list[Any] | None = None) -> None: ...


@dataclass(frozen=True)
class MailAttachment:
    """A file sent with an e-mail (the shape kiosk.integrations.email.Attachment has)."""

    filename: str
    data: bytes
    mime: str = "application/pdf"


@dataclass(frozen=True)
class Recipient:
    code: str
    language: str  # "vi" | "en"
    phone: str | None
    email: str | None
    sms_consent: bool
    email_consent: bool
    due: datetime | None
    delivery: str  # counter | postal | online
    unit_name: str = ""


@dataclass(frozen=True)
class Message:
    channel: str  # "sms" | "email"
    to: str
    subject: str
    body: str
    form: str | None = None  # Mẫu to attach (e-mail only)


def _due_text(due: datetime | None, tz: tzinfo, lang: str) -> str:
    if due is None:
        return "không ấn định" if lang == "vi" else "no fixed date"
    local = due.astimezone(tz)
    return local.strftime("%H:%M ngày %d/%m/%Y") if lang == "vi" else local.strftime("%H:%M on %d/%m/%Y")


def _result_how(delivery: str, lang: str) -> str:
    vi = {
        "counter": "Mời ông/bà mang Giấy tiếp nhận đến quầy để nhận kết quả.",
        "postal": "Kết quả sẽ được gửi qua bưu chính công ích đến địa chỉ đã đăng ký.",
        "online": "Kết quả điện tử đã có trong tài khoản của ông/bà và có thể in tại ki-ốt bằng mã hồ sơ.",
    }
    en = {
        "counter": "Please bring your receipt to the counter to collect the result.",
        "postal": "The result will be sent by public postal service to the registered address.",
        "online": "The electronic result is in your account and can be printed at the kiosk with the dossier code.",
    }
    return (vi if lang == "vi" else en).get(delivery, vi["counter"] if lang == "vi" else en["counter"])


def sms_text(event: str, r: Recipient, url: str, tz: tzinfo) -> str:
    due = _due_text(r.due, tz, r.language)
    if r.language == "en":
        texts = {
            "accept": f"Dossier {r.code} was accepted. Result due {due}. Track it: {url}",
            "supplement": f"Dossier {r.code} needs more papers; see the request we gave or sent you. Track it: {url}",
            "finish": f"Dossier {r.code}: the result is ready. {_result_how(r.delivery, 'en')} {url}",
        }
    else:
        texts = {
            "accept": f"Hồ sơ {r.code} đã được tiếp nhận. Hẹn trả kết quả {due}. Tra cứu: {url}",
            "supplement": f"Hồ sơ {r.code} cần bổ sung giấy tờ, xem Phiếu yêu cầu bổ sung. Tra cứu: {url}",
            "finish": f"Hồ sơ {r.code} đã có kết quả. {_result_how(r.delivery, 'vi')} {url}",
        }
    return texts[event]


def email_text(event: str, r: Recipient, url: str, tz: tzinfo) -> tuple[str, str]:
    """(subject, body) in the citizen's language, with diacritics."""
    due = _due_text(r.due, tz, r.language)
    unit = r.unit_name
    if r.language == "en":
        subject = {
            "accept": f"Dossier {r.code} accepted",
            "supplement": f"Dossier {r.code}: papers needed",
            "finish": f"Dossier {r.code}: result ready",
        }[event]
        first = {
            "accept": f"Your dossier {r.code} was accepted. The result is due at {due}. "
                      "The receipt (Form 01) is attached: keep it, it is needed to collect the result.",
            "supplement": f"Your dossier {r.code} needs more or corrected papers. The attached request (Form 02) lists "
                          "every paper and the reason. The time limit is paused until you bring them.",
            "finish": f"The result of your dossier {r.code} is ready. {_result_how(r.delivery, 'en')}",
        }[event]
        body = f"Dear citizen,\n\n{first}\n\nFollow your dossier at {url}\n\n{unit}\n" \
               "(This message was sent because you agreed to receive e-mails about your dossiers.)\n"
    else:
        subject = {
            "accept": f"Hồ sơ {r.code} đã được tiếp nhận",
            "supplement": f"Hồ sơ {r.code} cần bổ sung giấy tờ",
            "finish": f"Hồ sơ {r.code} đã có kết quả",
        }[event]
        first = {
            "accept": f"Hồ sơ {r.code} của ông/bà đã được tiếp nhận. Thời gian hẹn trả kết quả: {due}. "
                      "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) gửi kèm thư này; xin giữ lại để nhận kết quả.",
            "supplement": f"Hồ sơ {r.code} của ông/bà cần bổ sung, hoàn thiện giấy tờ. Phiếu yêu cầu bổ sung (Mẫu 02) "
                          "gửi kèm thư này ghi rõ từng giấy tờ và lý do. Thời hạn giải quyết tạm dừng cho đến khi "
                          "ông/bà nộp bổ sung.",
            "finish": f"Hồ sơ {r.code} của ông/bà đã có kết quả. {_result_how(r.delivery, 'vi')}",
        }[event]
        body = f"Kính gửi ông/bà,\n\n{first}\n\nTheo dõi hồ sơ tại: {url}\n\n{unit}\n" \
               "(Thư này được gửi vì ông/bà đã đồng ý nhận thư điện tử về hồ sơ.)\n"
    return subject, body


def plan(event: str, r: Recipient, url: str, tz: tzinfo, *, unicode_sms: bool) -> list[Message]:
    """The messages ``event`` sends to ``r``: only on consent, only to a usable address."""
    if event not in EMAIL_FORM:
        return []
    out: list[Message] = []
    if r.sms_consent and r.phone:
        try:
            number = normalise_phone(r.phone)
        except InvalidPhone:
            number = None
        if number:
            text = sms_text(event, r, url, tz)
            out.append(Message("sms", number, "", text if unicode_sms else strip_marks(text)))
    if r.email_consent and r.email and "@" in r.email:
        subject, body = email_text(event, r, url, tz)
        out.append(Message("email", r.email.strip(), subject, body, EMAIL_FORM[event]))
    return out


def _consented(s: Session, account_id: int, purpose: str) -> bool:
    row = s.scalar(
        select(Consent).where(Consent.account_id == account_id, Consent.purpose == purpose).order_by(Consent.id.desc()).limit(1)
    )
    return bool(row is not None and row.granted and row.withdrawn_at is None)


def recipient_of(s: Session, code: str, unit_name: str = "") -> Recipient | None:
    d = s.scalar(select(Dossier).where(Dossier.code == code))
    if d is None:
        return None
    account = s.scalar(select(Account).where(Account.citizen_id == d.applicant_id))
    sms_ok = email_ok = False
    phone = d.applicant.phone
    email = d.applicant.email
    if account is not None and account.status == "active":
        sms_ok = _consented(s, account.id, SMS_CONSENT)
        email_ok = _consented(s, account.id, EMAIL_CONSENT)
        phone = account.phone or phone
        email = account.email or email
    lang = getattr(d, "language", None) or "vi"
    return Recipient(code=d.code, language=lang if lang in ("vi", "en") else "vi", phone=phone, email=email,
                     sms_consent=sms_ok, email_consent=email_ok, due=d.due_at, delivery=d.delivery or "counter",
                     unit_name=unit_name)


@dataclass
class ContactReport:
    sent: list[str] = field(default_factory=list)  # "sms", "email"
    failed: list[str] = field(default_factory=list)
    skipped: str | None = None  # why nothing went out ("no consent", "not an event we write about", …)


class CitizenContact:
    """Sends the messages of an event after its transaction committed. Built once, in kiosk/app.py."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        *,
        sms: SmsSender | None,
        email: EmailPort | None,
        render_form: Callable[[str, str], bytes],
        tracking_url: Callable[[str], str],
        tz: tzinfo,
        unicode_sms: bool = False,
        unit_name: str = "",
    ) -> None:
        self.factory = session_factory
        self.sms = sms
        self.email = email
        self.render_form = render_form
        self.tracking_url = tracking_url
        self.tz = tz
        self.unicode_sms = unicode_sms
        self.unit_name = unit_name

    def after_event(self, code: str, event: str) -> ContactReport:
        report = ContactReport()
        if event not in EMAIL_FORM:
            report.skipped = "no message for this event"
            return report
        try:
            with self.factory() as s:
                r = recipient_of(s, code, self.unit_name)
        except Exception as exc:  # noqa: BLE001 - the change is committed; report only
            log.warning("contact after %s: lookup failed: %s", event, type(exc).__name__)
            report.failed.append("lookup")
            return report
        if r is None:
            report.skipped = "no such dossier"
            return report
        messages = plan(event, r, self.tracking_url(code), self.tz, unicode_sms=self.unicode_sms)
        if not messages:
            report.skipped = "no consent or no address"
        for m in messages:
            try:
                if m.channel == "sms":
                    if self.sms is None:
                        continue
                    self.sms.send(m.to, m.body)
                else:
                    if self.email is None:
                        continue
                    attachments: list[Any] = []
                    if m.form:
                        pdf = self.render_form(code, m.form)
                        attachments.append(MailAttachment(f"Mau-{m.form}-{code}.pdf", pdf))
                    self.email.send(m.to, m.subject, m.body, attachments)
                report.sent.append(m.channel)
            except Exception as exc:  # noqa: BLE001 - gateway or mail server down: reported, never raised
                log.warning("contact %s after %s failed: %s", m.channel, event, type(exc).__name__)
                report.failed.append(m.channel)
        return report


__all__ = ["CitizenContact", "ContactReport", "EVENTS", "MailAttachment", "Message", "Recipient", "plan", "recipient_of", "sms_text"]

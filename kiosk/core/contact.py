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

# event (a workflow action) -> the form attached to the e-mail about it (the form the workflow prints for it)
EMAIL_FORM = {"accept": "01", "supplement": "02", "refuse": "03", "apologize": "04", "stop": "05", "finish": None}
# events with a text message; "submitted" goes to the number typed at the kiosk while the citizen is there
SMS_EVENTS = ("submitted", "accept", "supplement", "refuse", "apologize", "financial", "stop", "finish")
EVENTS = tuple(dict.fromkeys((*EMAIL_FORM, *SMS_EVENTS)))


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
    """The status text of ``event`` in the citizen's language, with diacritics (folded by the caller when the
    gateway sends GSM-7 only). The one place these texts live."""
    due = _due_text(r.due, tz, r.language)
    if r.language == "en":
        texts = {
            "submitted": f"Dossier {r.code} was submitted at the kiosk. Track it: {url}",
            "accept": f"Dossier {r.code} was accepted. Result due {due}. Track it: {url}",
            "supplement": f"Dossier {r.code} needs more papers; see the request we gave or sent you. Track it: {url}",
            "refuse": f"Dossier {r.code} was not accepted; the reason is on the refusal notice. Track it: {url}",
            "apologize": f"We are sorry: dossier {r.code} will be ready by {due}. Track it: {url}",
            "financial": f"Dossier {r.code}: a fee or tax must be paid before it can go on. Track it: {url}",
            "stop": f"Processing of dossier {r.code} was stopped; the reason is on the notice. Track it: {url}",
            "finish": f"Dossier {r.code}: the result is ready. {_result_how(r.delivery, 'en')} {url}",
        }
    else:
        texts = {
            "submitted": f"Hồ sơ {r.code} đã được nộp tại ki-ốt. Tra cứu: {url}",
            "accept": f"Hồ sơ {r.code} đã được tiếp nhận. Hẹn trả kết quả {due}. Tra cứu: {url}",
            "supplement": f"Hồ sơ {r.code} cần bổ sung giấy tờ, xem Phiếu yêu cầu bổ sung. Tra cứu: {url}",
            "refuse": f"Hồ sơ {r.code} không được tiếp nhận. Lý do ghi trên Phiếu từ chối. Tra cứu: {url}",
            "apologize": f"Xin lỗi: hồ sơ {r.code} được hẹn trả lại {due}. Tra cứu: {url}",
            "financial": f"Hồ sơ {r.code} cần thực hiện nghĩa vụ tài chính (phí, lệ phí, thuế). Tra cứu: {url}",
            "stop": f"Hồ sơ {r.code} đã dừng giải quyết. Lý do ghi trên Thông báo dừng giải quyết. Tra cứu: {url}",
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
            "refuse": f"Dossier {r.code} not accepted",
            "apologize": f"Dossier {r.code}: new date for the result",
            "stop": f"Dossier {r.code}: processing stopped",
            "finish": f"Dossier {r.code}: result ready",
        }[event]
        first = {
            "accept": f"Your dossier {r.code} was accepted. The result is due at {due}. "
                      "The receipt (Form 01) is attached: keep it, it is needed to collect the result.",
            "supplement": f"Your dossier {r.code} needs more or corrected papers. The attached request (Form 02) lists "
                          "every paper and the reason. The time limit is paused until you bring them.",
            "refuse": f"Your dossier {r.code} could not be accepted. The attached notice (Form 03) gives the reason.",
            "apologize": f"We are sorry that your dossier {r.code} is taking longer. The result is now due at {due}; "
                         "the attached letter (Form 04) explains why.",
            "stop": f"Processing of your dossier {r.code} has stopped. The attached notice (Form 05) gives the "
                    "reason.",
            "finish": f"The result of your dossier {r.code} is ready. {_result_how(r.delivery, 'en')}",
        }[event]
        body = f"Dear citizen,\n\n{first}\n\nFollow your dossier at {url}\n\n{unit}\n" \
               "(This message was sent because you agreed to receive e-mails about your dossiers.)\n"
    else:
        subject = {
            "accept": f"Hồ sơ {r.code} đã được tiếp nhận",
            "supplement": f"Hồ sơ {r.code} cần bổ sung giấy tờ",
            "refuse": f"Hồ sơ {r.code} không được tiếp nhận",
            "apologize": f"Hồ sơ {r.code}: hẹn lại ngày trả kết quả",
            "stop": f"Hồ sơ {r.code} đã dừng giải quyết",
            "finish": f"Hồ sơ {r.code} đã có kết quả",
        }[event]
        first = {
            "accept": f"Hồ sơ {r.code} của ông/bà đã được tiếp nhận. Thời gian hẹn trả kết quả: {due}. "
                      "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) gửi kèm thư này; xin giữ lại để nhận kết quả.",
            "supplement": f"Hồ sơ {r.code} của ông/bà cần bổ sung, hoàn thiện giấy tờ. Phiếu yêu cầu bổ sung (Mẫu 02) "
                          "gửi kèm thư này ghi rõ từng giấy tờ và lý do. Thời hạn giải quyết tạm dừng cho đến khi "
                          "ông/bà nộp bổ sung.",
            "refuse": f"Hồ sơ {r.code} của ông/bà không được tiếp nhận. Lý do ghi trong Phiếu từ chối tiếp nhận "
                      "giải quyết hồ sơ (Mẫu 03) gửi kèm thư này.",
            "apologize": f"Chúng tôi xin lỗi vì hồ sơ {r.code} của ông/bà chậm so với hẹn. Thời gian hẹn trả mới: "
                         f"{due}; lý do ghi trong văn bản xin lỗi (Mẫu 04) gửi kèm thư này.",
            "stop": f"Hồ sơ {r.code} của ông/bà đã dừng giải quyết. Lý do ghi trong Thông báo dừng giải quyết hồ sơ "
                    "(Mẫu 05) gửi kèm thư này.",
            "finish": f"Hồ sơ {r.code} của ông/bà đã có kết quả. {_result_how(r.delivery, 'vi')}",
        }[event]
        body = f"Kính gửi ông/bà,\n\n{first}\n\nTheo dõi hồ sơ tại: {url}\n\n{unit}\n" \
               "(Thư này được gửi vì ông/bà đã đồng ý nhận thư điện tử về hồ sơ.)\n"
    return subject, body


def plan(event: str, r: Recipient, url: str, tz: tzinfo, *, unicode_sms: bool) -> list[Message]:
    """The messages ``event`` sends to ``r`` after they left: only on consent, only to a usable address."""
    out: list[Message] = []
    if event in SMS_EVENTS and event != "submitted" and r.sms_consent and r.phone:
        try:
            number = normalise_phone(r.phone)
        except InvalidPhone:
            number = None
        if number:
            text = sms_text(event, r, url, tz)
            out.append(Message("sms", number, "", text if unicode_sms else strip_marks(text)))
    if event in EMAIL_FORM and r.email_consent and r.email and "@" in r.email:
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
    sms_state: str = "not_needed"  # sent | failed | no_phone | no_consent | not_needed (kiosk.core.effects)


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

    def text_now(self, code: str, event: str, phone: str) -> str:
        """Text ``phone`` (typed at the kiosk a moment ago, the citizen still there) the message of ``event``,
        in the dossier's language. Returns sent | failed | no_phone | not_needed."""
        if event not in SMS_EVENTS or self.sms is None:
            return "not_needed"
        try:
            number = normalise_phone(phone) if phone else None
        except InvalidPhone:
            number = None
        if not number:
            return "no_phone"
        try:
            with self.factory() as s:
                d = s.scalar(select(Dossier).where(Dossier.code == code))
                lang = (d.language if d is not None else None) or "vi"
                due, delivery = (d.due_at, d.delivery or "counter") if d is not None else (None, "counter")
        except Exception as exc:  # noqa: BLE001 - the dossier is committed; a lookup hiccup only costs the language
            log.warning("contact lookup failed: %s", type(exc).__name__)
            lang, due, delivery = "vi", None, "counter"
        r = Recipient(code=code, language=lang if lang in ("vi", "en") else "vi", phone=number, email=None,
                      sms_consent=True, email_consent=False, due=due, delivery=delivery, unit_name=self.unit_name)
        text = sms_text(event, r, self.tracking_url(code), self.tz)
        try:
            self.sms.send(number, text if self.unicode_sms else strip_marks(text))
        except Exception as exc:  # noqa: BLE001 - SmsError or a gateway bug: reported, never raised
            log.warning("SMS after %s failed: %s", event, type(exc).__name__)
            return "failed"
        return "sent"

    def after_event(self, code: str, event: str) -> ContactReport:
        report = ContactReport()
        if event not in EVENTS:
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
        if event in SMS_EVENTS:
            report.sms_state = "no_consent" if not r.sms_consent else "no_phone"
        for m in messages:
            try:
                if m.channel == "sms":
                    if self.sms is None:
                        continue
                    self.sms.send(m.to, m.body)
                    report.sms_state = "sent"
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
                if m.channel == "sms":
                    report.sms_state = "failed"
        return report


__all__ = ["CitizenContact", "ContactReport", "EMAIL_FORM", "EVENTS", "SMS_EVENTS", "MailAttachment", "Message", "Recipient", "plan", "recipient_of", "sms_text"]

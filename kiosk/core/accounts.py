"""Citizen accounts created at the kiosk: phone verified by OTP, optional e-mail, per-purpose consents.

Identity is the 12-digit ID read from the chip; the phone only receives messages and need not be registered
in the citizen's name (many older people use a child's SIM). One account per citizen: an existing one is
recognised by the ID and offered instead of a second one.

Consents follow domain.md §10: each optional purpose is asked separately, nothing is pre-ticked, and every
answer — yes *and* no — is stored with the text version and time, so it can be proven and later withdrawn.
The audit trail gets a salted hash of the ID, never the ID, phone or e-mail.

The UI calls this service from a worker thread (it touches the database and the SMS gateway).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.audit import citizen_hash, record_audit
from kiosk.core.clock import Clock
from kiosk.core.consent_texts import ConsentTexts, load_consent_texts
from kiosk.core.dossiers import PersonData, upsert_citizen
from kiosk.core.identity import InvalidIdNumber, mask_phone, normalise_phone, parse_id_number
from kiosk.core.otp import OtpError, OtpManager, OtpProof, OtpTicket
from kiosk.core.ports import SmsSender
from kiosk.models.database import session_scope
from kiosk.models.tables import Account, Citizen, Consent

if TYPE_CHECKING:
    from kiosk.config import Settings

__all__ = [
    "AccountError", "AccountInfo", "AccountService", "ConsentState", "OtpError", "OtpProof", "OtpTicket",
    "build_account_service",
]

log = logging.getLogger(__name__)

_EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")


class AccountError(Exception):
    """A citizen-facing account problem. ``reason``: invalid_id, invalid_phone, invalid_email,
    account_exists (``existing`` holds the account), no_account, unknown_purpose, bad_consents,
    stale_consent_text, proof_mismatch, proof_invalid, proof_used, proof_expired."""

    def __init__(self, vi: str, en: str, reason: str, *, existing: AccountInfo | None = None) -> None:
        super().__init__(en)
        self.vi, self.en, self.reason = vi, en, reason
        self.existing = existing


@dataclass(frozen=True)
class ConsentState:
    """The current answer for one purpose (the latest recorded one)."""

    purpose: str
    granted: bool  # as answered
    text_version: str
    at: datetime
    withdrawn_at: datetime | None

    @property
    def active(self) -> bool:
        return self.granted and self.withdrawn_at is None


@dataclass(frozen=True)
class AccountInfo:
    account_id: int
    citizen_id: int  # database id of the Citizen row
    phone_masked: str  # "0912 *** 678": safe on a screen others can see
    email: str | None
    status: str
    created_at: datetime
    consents: tuple[ConsentState, ...]

    def consent(self, purpose: str) -> bool:
        """Whether the purpose may be used now (granted and not withdrawn)."""
        return any(c.purpose == purpose and c.active for c in self.consents)


def _info(account: Account) -> AccountInfo:
    latest: dict[str, Consent] = {}
    for c in account.consents:  # ordered by id: later answers replace earlier ones
        latest[c.purpose] = c
    return AccountInfo(
        account_id=account.id,
        citizen_id=account.citizen_id,
        phone_masked=mask_phone(account.phone),
        email=account.email,
        status=account.status,
        created_at=account.created_at,
        consents=tuple(
            ConsentState(c.purpose, c.granted, c.text_version, c.at, c.withdrawn_at) for c in latest.values()
        ),
    )


def _id_number(text: str) -> str:
    try:
        return parse_id_number(text).number
    except InvalidIdNumber as exc:
        raise AccountError(exc.vi, exc.en, "invalid_id") from None


def _exists_error(info: AccountInfo) -> AccountError:
    return AccountError(
        f"Bạn đã có tài khoản (số điện thoại {info.phone_masked}). Bạn có thể dùng ngay tài khoản này.",
        f"You already have an account (phone {info.phone_masked}). You can use that account right away.",
        "account_exists",
        existing=info,
    )


_PROOF_MESSAGES = {
    "proof_mismatch": (
        "Số điện thoại khác với số đã xác thực. Vui lòng xác thực lại.",
        "The phone number differs from the one verified. Please verify it again.",
    ),
    "proof_invalid": ("Chưa xác thực số điện thoại. Vui lòng nhập mã.", "The phone is not verified. Please enter the code."),
    "proof_used": (
        "Mã xác thực đã được dùng. Vui lòng gửi mã mới.",
        "This verification was already used. Please ask for a new code.",
    ),
    "proof_expired": (
        "Đã quá lâu kể từ khi xác thực. Vui lòng gửi mã mới.",
        "Too much time passed since verification. Please ask for a new code.",
    ),
}


class AccountService:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        sms: SmsSender,
        clock: Clock,
        *,
        otp_ttl_s: int = 300,
        max_sends_per_hour: int = 3,
        max_wrong_tries: int = 5,
        log_salt: str,
        min_resend_interval_s: int = 30,
        proof_ttl_s: int = 900,
        kiosk_id: str | None = None,
        texts: ConsentTexts | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.sms = sms
        self.clock = clock
        self.log_salt = log_salt
        self.kiosk_id = kiosk_id
        self.texts = texts or load_consent_texts()
        self.otp = OtpManager(
            session_factory,
            sms,
            clock,
            site_secret=log_salt,
            ttl_s=otp_ttl_s,
            max_sends_per_hour=max_sends_per_hour,
            max_wrong_tries=max_wrong_tries,
            min_interval_s=min_resend_interval_s,
            proof_ttl_s=proof_ttl_s,
        )

    # -- lookup -------------------------------------------------------------------------------------------
    def find_account(self, id_number: str) -> AccountInfo | None:
        number = _id_number(id_number)
        with session_scope(self.session_factory) as s:
            account = self._account_of(s, number)
            return _info(account) if account is not None else None

    # -- OTP ----------------------------------------------------------------------------------------------
    def send_otp(self, phone: str, purpose: str = "register") -> OtpTicket:
        """Raises InvalidPhone (vi/en) for a bad number, OtpError for limits or a gateway failure."""
        return self.otp.send(normalise_phone(phone), purpose)

    def verify_otp(self, phone: str, code: str, purpose: str = "register") -> OtpProof:
        return self.otp.verify(normalise_phone(phone), code, purpose)

    # -- account ------------------------------------------------------------------------------------------
    def create_account(
        self,
        person: PersonData,
        phone: str,
        email: str | None,
        consents: dict[str, bool],
        proof: OtpProof,
        consent_text_version: str,
        staff_id: int | None = None,
    ) -> AccountInfo:
        """Create the account of the chip's holder. ``consents`` maps purpose → ticked; a purpose left out
        counts as not ticked and is recorded as refused. ``staff_id`` is set in assisted mode."""
        number = _id_number(person.id_number)
        try:
            phone_e164 = normalise_phone(phone)
        except ValueError as exc:
            raise AccountError(getattr(exc, "vi", str(exc)), getattr(exc, "en", str(exc)), "invalid_phone") from None
        email = self._check_email(email)
        answers = self._check_consents(consents, consent_text_version)
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            existing = self._account_of(s, number)
            if existing is not None:
                raise _exists_error(_info(existing))
            problem = self.otp.proof_problem(s, proof, phone_e164, "register")
            if problem is not None:
                vi, en = _PROOF_MESSAGES[problem]
                raise AccountError(vi, en, problem)
            try:
                citizen = upsert_citizen(s, person, now)
            except InvalidIdNumber as exc:  # e.g. ID inconsistent with the date of birth
                raise AccountError(exc.vi, exc.en, "invalid_id") from None
            account = Account(
                citizen_id=citizen.id,
                phone=phone_e164,
                email=email,
                status="active",
                phone_verified_at=proof.verified_at,
                created_at=now,
                created_by_staff_id=staff_id,
            )
            s.add(account)
            s.flush()
            for purpose, granted in answers.items():
                s.add(
                    Consent(
                        account_id=account.id, purpose=purpose, text_version=consent_text_version,
                        granted=granted, at=now, withdrawn_at=None,
                    )
                )
            self.otp.spend_proof(s, proof)
            record_audit(
                s,
                at=now,
                action="account.created",
                actor_type="staff" if staff_id is not None else "citizen",
                staff_id=staff_id,
                citizen_hash_value=citizen_hash(number, self.log_salt),
                kiosk_id=self.kiosk_id,
                consent_version=consent_text_version,
                details={"consents": answers, "email_given": email is not None},
            )
            s.flush()
            s.refresh(account, ["consents"])
            info = _info(account)
        log.info("account %d created", info.account_id)
        return info

    # -- consents after the fact --------------------------------------------------------------------------
    def withdraw_consent(self, id_number: str, purpose: str, staff_id: int | None = None) -> AccountInfo:
        """Withdraw a granted consent (idempotent: nothing to do if it is not active)."""
        return self._change_consent(id_number, purpose, None, staff_id)

    def grant_consent(
        self, id_number: str, purpose: str, consent_text_version: str, staff_id: int | None = None
    ) -> AccountInfo:
        """Record a later "yes" (a new row; the earlier answers stay as history)."""
        self._check_consents({purpose: True}, consent_text_version)
        return self._change_consent(id_number, purpose, consent_text_version, staff_id)

    def record_notice_shown(self, *, kiosk_id: str | None = None) -> None:
        """Proof that the privacy notice was shown before a chip read (no personal data is stored)."""
        with session_scope(self.session_factory) as s:
            record_audit(
                s, at=self.clock.now(), action="privacy_notice.shown", actor_type="system",
                kiosk_id=kiosk_id or self.kiosk_id, consent_version=self.texts.notice.version,
            )

    # -- helpers ------------------------------------------------------------------------------------------
    def _change_consent(
        self, id_number: str, purpose: str, grant_version: str | None, staff_id: int | None
    ) -> AccountInfo:
        number = _id_number(id_number)
        if purpose not in self.texts.keys:
            raise AccountError("Mục đồng ý không tồn tại.", f"Unknown consent purpose {purpose!r}.", "unknown_purpose")
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            account = self._account_of(s, number)
            if account is None:
                raise AccountError("Bạn chưa có tài khoản.", "You do not have an account yet.", "no_account")
            current = next((c for c in reversed(account.consents) if c.purpose == purpose), None)
            active = current is not None and current.granted and current.withdrawn_at is None
            changed = False
            if grant_version is None and active:
                assert current is not None
                current.withdrawn_at = now
                changed = True
            elif grant_version is not None and not active:
                s.add(Consent(account_id=account.id, purpose=purpose, text_version=grant_version,
                              granted=True, at=now, withdrawn_at=None))
                changed = True
            if changed:
                record_audit(
                    s, at=now, action="consent.withdrawn" if grant_version is None else "consent.granted",
                    actor_type="staff" if staff_id is not None else "citizen", staff_id=staff_id,
                    citizen_hash_value=citizen_hash(number, self.log_salt), kiosk_id=self.kiosk_id,
                    consent_version=grant_version or (current.text_version if current else None),
                    details={"purpose": purpose},
                )
                s.flush()
                s.refresh(account, ["consents"])
            return _info(account)

    @staticmethod
    def _account_of(s: Session, id_number: str) -> Account | None:
        return s.scalar(select(Account).join(Citizen).where(Citizen.id_number == id_number))

    @staticmethod
    def _check_email(email: str | None) -> str | None:
        email = (email or "").strip()
        if not email:
            return None
        if len(email) > 200 or not _EMAIL_RE.fullmatch(email):
            raise AccountError(
                "Địa chỉ email không hợp lệ (ví dụ: ten@gmail.com). Bạn có thể bỏ trống.",
                "That e-mail address is not valid (e.g. name@gmail.com). You may leave it empty.",
                "invalid_email",
            )
        return email

    def _check_consents(self, consents: dict[str, bool], version: str) -> dict[str, bool]:
        if version != self.texts.version:
            raise AccountError(
                "Nội dung đồng ý đã được cập nhật. Vui lòng xem lại trước khi tiếp tục.",
                "The consent texts were updated. Please review them again before going on.",
                "stale_consent_text",
            )
        unknown = set(consents) - set(self.texts.keys)
        if unknown:
            raise AccountError(
                "Mục đồng ý không tồn tại.", f"Unknown consent purpose(s): {sorted(unknown)}", "unknown_purpose"
            )
        if any(type(v) is not bool for v in consents.values()):
            raise AccountError("Lựa chọn không hợp lệ.", "Each consent answer must be true or false.", "bad_consents")
        # every purpose gets an answer; one not ticked is a recorded "no", never a silent default "yes"
        return {key: consents.get(key, False) for key in self.texts.keys}


def build_account_service(
    settings: Settings, session_factory: sessionmaker[Session], clock: Clock, sender: SmsSender
) -> AccountService:
    """The service as configured (kiosk.app.App.accounts passes the SMS sender it wired)."""
    sms = settings.sms
    return AccountService(
        session_factory,
        sender,
        clock,
        otp_ttl_s=sms.otp_ttl_s,
        max_sends_per_hour=sms.otp_max_sends_per_hour,
        max_wrong_tries=sms.otp_max_wrong_tries,
        log_salt=settings.log_salt,
        kiosk_id=settings.kiosk_id,
    )

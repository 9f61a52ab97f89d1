"""One-time codes sent by SMS to prove a citizen holds the phone they give.

The phone only receives messages; identity comes from the chip, so nothing here ties a number to an ID
(a SIM in a relative's name is fine, domain.md §9.3).

Storage: a 6-digit code is only ~20 bits, so a slow hash (argon2) would cost the kiosk time without stopping
an offline guesser who has the database. What stops one is a key the database does not hold: the stored
value is ``HMAC-SHA256(pepper, salt ‖ phone ‖ purpose ‖ code)`` with a random 16-byte salt per row and a
pepper derived from the site secret (``log_salt`` in the configuration, not in the database). The MAC binds
the phone and purpose, so a row cannot be replayed for another number. Comparison is constant-time. Online
guessing is stopped by the limits below, and a code lives 5 minutes.

Once a code is verified its hash is replaced by the hash of a random *proof token* handed back in
:class:`OtpProof`; spending the proof (creating the account) overwrites it again. So the code itself is
gone after use, a proof cannot be forged by other code in the process, and it works once.

Limits (per phone, counted from the database so they survive a restart): at most ``max_sends_per_hour``
sends in any rolling hour, ``min_interval_s`` between two sends, ``max_wrong_tries`` wrong codes per
challenge (then it is burnt and a new code must be sent). A newer code replaces older open ones.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.clock import Clock
from kiosk.core.identity import mask_phone
from kiosk.core.ports import SmsError, SmsSender
from kiosk.models.database import session_scope
from kiosk.models.tables import OtpChallenge

log = logging.getLogger(__name__)

CODE_DIGITS = 6
HASH_SCHEME = "hmac-sha256"
PROOF_SCHEME = "proof"
SPENT_MARK = "spent"
# What the code is for, as said in the SMS ("Mã xác thực <label> của bạn là …").
OTP_PURPOSES: dict[str, str] = {
    "register": "đăng ký tài khoản",
    "login": "đăng nhập",
    "change_phone": "đổi số điện thoại",
}
OTP_REASONS = (
    "rate_limited", "too_soon", "expired", "wrong_code", "too_many_tries", "no_challenge", "sms_failed",
)


class OtpError(Exception):
    """A citizen-facing OTP problem: ``vi``/``en`` messages say what to do; ``reason`` is for the UI logic.

    ``retry_at`` (rate_limited, too_soon) says when a new code may be sent; ``tries_left`` (wrong_code)."""

    def __init__(
        self,
        vi: str,
        en: str,
        reason: str,
        *,
        retry_at: datetime | None = None,
        tries_left: int | None = None,
    ) -> None:
        super().__init__(en)
        self.vi, self.en, self.reason = vi, en, reason
        self.retry_at = retry_at
        self.tries_left = tries_left


@dataclass(frozen=True)
class OtpTicket:
    """What the screen shows after a send."""

    phone_masked: str
    expires_at: datetime
    sends_left: int  # further sends allowed in the current hour
    resend_after: datetime  # earliest time "send again" may be offered


@dataclass(frozen=True)
class OtpProof:
    """The phone was verified; present it (once) to create the account. Opaque to the UI."""

    challenge_id: int
    phone_e164: str
    purpose: str
    verified_at: datetime
    token: str

    def __repr__(self) -> str:  # keep the number and the token out of logs and tracebacks
        return f"OtpProof(challenge_id={self.challenge_id}, purpose={self.purpose!r})"


def generate_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


class OtpHasher:
    def __init__(self, site_secret: str) -> None:
        self._pepper = hmac.new(site_secret.encode(), b"kiosk/otp-pepper/v1", hashlib.sha256).digest()

    def _mac(self, salt: bytes, phone: str, purpose: str, secret: str) -> str:
        msg = b"\x00".join([salt, phone.encode(), purpose.encode(), secret.encode()])
        return hmac.new(self._pepper, msg, hashlib.sha256).hexdigest()

    def hash(self, phone: str, purpose: str, secret: str, scheme: str = HASH_SCHEME) -> str:
        salt = secrets.token_bytes(16)
        b64 = base64.urlsafe_b64encode(salt).decode().rstrip("=")
        return f"{scheme}${b64}${self._mac(salt, phone, purpose, secret)}"

    def verify(self, stored: str, phone: str, purpose: str, secret: str, scheme: str = HASH_SCHEME) -> bool:
        parts = stored.split("$")
        if len(parts) != 3 or parts[0] != scheme:
            return False
        try:
            salt = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4))
        except ValueError:
            return False
        return hmac.compare_digest(self._mac(salt, phone, purpose, secret), parts[2])


def sms_text(code: str, purpose: str, ttl_s: int) -> str:
    minutes = max(1, round(ttl_s / 60))
    return (
        f"Mã xác thực {OTP_PURPOSES[purpose]} của bạn là {code}, hiệu lực {minutes} phút. "
        "Không chia sẻ mã này."
    )


def _wait_text(seconds: float) -> tuple[str, str]:
    s = max(1, int(seconds + 0.999))
    if s < 120:
        return f"{s} giây", f"{s} seconds"
    m = (s + 59) // 60
    return f"{m} phút", f"{m} minutes"


class OtpManager:
    """Sends and checks codes; stateless apart from the database rows."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        sms: SmsSender,
        clock: Clock,
        *,
        site_secret: str,
        ttl_s: int = 300,
        max_sends_per_hour: int = 3,
        max_wrong_tries: int = 5,
        min_interval_s: int = 30,
        proof_ttl_s: int = 900,
    ) -> None:
        self.session_factory = session_factory
        self.sms = sms
        self.clock = clock
        self.hasher = OtpHasher(site_secret)
        self.ttl = timedelta(seconds=ttl_s)
        self.max_sends_per_hour = max_sends_per_hour
        self.max_wrong_tries = max_wrong_tries
        self.min_interval = timedelta(seconds=min_interval_s)
        self.proof_ttl = timedelta(seconds=proof_ttl_s)

    # -- sending ------------------------------------------------------------------------------------------
    def send(self, phone_e164: str, purpose: str) -> OtpTicket:
        if purpose not in OTP_PURPOSES:
            raise ValueError(f"unknown OTP purpose {purpose!r}")
        now = self.clock.now()
        code = generate_code()
        with session_scope(self.session_factory) as s:
            recent = s.scalars(
                select(OtpChallenge.created_at)
                .where(OtpChallenge.phone == phone_e164, OtpChallenge.created_at > now - timedelta(hours=1))
                .order_by(OtpChallenge.created_at)
            ).all()
            if len(recent) >= self.max_sends_per_hour:
                retry_at = recent[0] + timedelta(hours=1)
                wvi, wen = _wait_text((retry_at - now).total_seconds())
                raise OtpError(
                    f"Số điện thoại này đã nhận quá nhiều mã. Vui lòng thử lại sau {wvi} hoặc nhờ cán bộ hỗ trợ.",
                    f"Too many codes were sent to this number. Please try again in {wen} or ask staff for help.",
                    "rate_limited",
                    retry_at=retry_at,
                )
            if recent and now - recent[-1] < self.min_interval:
                retry_at = recent[-1] + self.min_interval
                wvi, wen = _wait_text((retry_at - now).total_seconds())
                raise OtpError(
                    f"Mã vừa được gửi. Vui lòng đợi {wvi} trước khi gửi lại.",
                    f"A code was just sent. Please wait {wen} before asking again.",
                    "too_soon",
                    retry_at=retry_at,
                )
            # a newer code replaces any open one for the same phone and purpose
            for old in s.scalars(
                select(OtpChallenge).where(
                    OtpChallenge.phone == phone_e164,
                    OtpChallenge.purpose == purpose,
                    OtpChallenge.used_at.is_(None),
                    OtpChallenge.expires_at > now,
                )
            ):
                old.expires_at = now
            ch = OtpChallenge(
                phone=phone_e164,
                code_hash=self.hasher.hash(phone_e164, purpose, code),
                purpose=purpose,
                created_at=now,
                expires_at=now + self.ttl,
                wrong_tries=0,
            )
            s.add(ch)
            s.flush()
            challenge_id = ch.id
            sends_left = self.max_sends_per_hour - len(recent) - 1
        # The gateway call happens outside the transaction: a slow gateway must not hold the database lock.
        try:
            self.sms.send(phone_e164, sms_text(code, purpose, int(self.ttl.total_seconds())))
        except SmsError as exc:
            log.warning("OTP %d not sent: %s", challenge_id, exc)
            with session_scope(self.session_factory) as s:  # an unsent code does not count against the limit
                row = s.get(OtpChallenge, challenge_id)
                if row is not None:
                    s.delete(row)
            raise OtpError(
                "Không gửi được tin nhắn lúc này. Vui lòng thử lại hoặc nhờ cán bộ hỗ trợ.",
                "The text message could not be sent right now. Please try again or ask staff for help.",
                "sms_failed",
            ) from exc
        log.info("OTP %d sent (purpose %s)", challenge_id, purpose)
        return OtpTicket(
            phone_masked=mask_phone(phone_e164),
            expires_at=now + self.ttl,
            sends_left=max(0, sends_left),
            resend_after=now + self.min_interval,
        )

    # -- verifying ----------------------------------------------------------------------------------------
    def verify(self, phone_e164: str, code: str, purpose: str) -> OtpProof:
        now = self.clock.now()
        code = re.sub(r"\s", "", code or "")
        error: OtpError | None = None
        proof: OtpProof | None = None
        with session_scope(self.session_factory) as s:
            ch = s.scalars(
                select(OtpChallenge)
                .where(OtpChallenge.phone == phone_e164, OtpChallenge.purpose == purpose)
                .order_by(OtpChallenge.created_at.desc(), OtpChallenge.id.desc())
                .limit(1)
            ).first()
            if ch is None or ch.used_at is not None:  # only the newest code counts, and only once
                error = OtpError(
                    "Chưa có mã nào đang chờ cho số này. Vui lòng bấm \"Gửi mã\".",
                    "There is no code waiting for this number. Please press \"Send code\".",
                    "no_challenge",
                )
            elif ch.wrong_tries >= self.max_wrong_tries:
                error = self._too_many()
            elif now >= ch.expires_at:
                error = OtpError(
                    "Mã đã hết hạn. Vui lòng bấm \"Gửi lại mã\".",
                    "The code has expired. Please press \"Send a new code\".",
                    "expired",
                )
            elif not re.fullmatch(rf"\d{{{CODE_DIGITS}}}", code):
                # a slip of the finger (too few digits) is not counted as a guess
                error = OtpError(
                    f"Mã gồm {CODE_DIGITS} chữ số. Vui lòng nhập lại.",
                    f"The code has {CODE_DIGITS} digits. Please type it again.",
                    "wrong_code",
                    tries_left=self.max_wrong_tries - ch.wrong_tries,
                )
            elif not self.hasher.verify(ch.code_hash, phone_e164, purpose, code):
                ch.wrong_tries += 1
                left = self.max_wrong_tries - ch.wrong_tries
                if left <= 0:
                    error = self._too_many()
                else:
                    error = OtpError(
                        f"Mã không đúng. Bạn còn {left} lần thử.",
                        f"That code is not right. You have {left} tries left.",
                        "wrong_code",
                        tries_left=left,
                    )
            else:
                token = secrets.token_urlsafe(24)
                ch.used_at = now
                ch.code_hash = self.hasher.hash(phone_e164, purpose, token, scheme=PROOF_SCHEME)
                proof = OtpProof(ch.id, phone_e164, purpose, now, token)
        # committed above: a wrong try counts even though we raise
        if error is not None:
            raise error
        assert proof is not None
        log.info("OTP %d verified", proof.challenge_id)
        return proof

    def _too_many(self) -> OtpError:
        return OtpError(
            "Nhập sai quá nhiều lần, mã này đã bị hủy. Vui lòng bấm \"Gửi lại mã\" để nhận mã mới.",
            "Too many wrong tries; this code is cancelled. Please press \"Send a new code\" to get a new one.",
            "too_many_tries",
        )

    # -- spending a proof (inside the caller's transaction) -----------------------------------------------
    def proof_problem(self, s: Session, proof: OtpProof, phone_e164: str, purpose: str) -> str | None:
        """Why the proof cannot be used (``None`` if it can). Does not change anything."""
        if proof.phone_e164 != phone_e164 or proof.purpose != purpose:
            return "proof_mismatch"
        ch = s.get(OtpChallenge, proof.challenge_id)
        if ch is None or ch.used_at is None or ch.phone != phone_e164 or ch.purpose != purpose:
            return "proof_invalid"
        if not self.hasher.verify(ch.code_hash, phone_e164, purpose, proof.token, scheme=PROOF_SCHEME):
            return "proof_used" if ch.code_hash.startswith(SPENT_MARK) else "proof_invalid"
        if self.clock.now() - ch.used_at > self.proof_ttl:
            return "proof_expired"
        return None

    def spend_proof(self, s: Session, proof: OtpProof) -> None:
        ch = s.get(OtpChallenge, proof.challenge_id)
        if ch is not None:
            ch.code_hash = SPENT_MARK

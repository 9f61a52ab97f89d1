"""Staff accounts: PIN/password login with lockout, optional badge login by the officer's own chip card, and
the console session that expires when the officer walks away.

Why here and not in the UI: the kiosk's assisted mode, the counter console and the command line must apply
the same rules (argon2id hashes, N failures → timed lock, disabled accounts, audit of every login), so there
is one service. Secrets never leave this module in clear: the PIN is hashed with argon2id, the badge's ID
number is stored only as a keyed hash (HMAC-SHA256), and audit rows carry the username, never the PIN.
Messages, timing and lock-out for a failed login do not tell an unknown username from a wrong PIN (no
account probing): see :meth:`StaffService.authenticate`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.audit import record_audit
from kiosk.core.clock import Clock
from kiosk.models.database import session_scope
from kiosk.models.tables import LoginThrottle, StaffUser

ROLES = ("officer", "supervisor", "admin")
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")
ID_NUMBER_RE = re.compile(r"^\d{12}$")
MIN_PIN_DIGITS = 6
MIN_PASSWORD_CHARS = 8

# Production argon2id parameters are argon2-cffi's defaults (t=3, m=64 MiB, p=4, ~120 ms per hash).
# Tests pass CHEAP_HASHER_PARAMS (or monkeypatch HASHER_PARAMS) to stay fast.
HASHER_PARAMS: dict[str, int] = {}
CHEAP_HASHER_PARAMS: dict[str, int] = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}


def make_hasher(params: dict[str, int] | None = None) -> PasswordHasher:
    """An argon2id hasher (argon2-cffi's default type is ID)."""
    return PasswordHasher(**(HASHER_PARAMS if params is None else params))


class StaffError(ValueError):
    """A bad staff-management request (bad PIN, unknown user, duplicate…)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


class StaffAuthError(StaffError):
    """Login refused. ``reason`` is one of unknown | wrong_pin | locked | disabled (for audit and tests);
    the messages for unknown and wrong_pin are identical on purpose."""

    def __init__(self, vi: str, en: str, reason: str, locked_until: datetime | None = None) -> None:
        super().__init__(vi, en)
        self.reason = reason
        self.locked_until = locked_until


@dataclass(frozen=True)
class StaffIdentity:
    id: int
    username: str
    full_name: str
    role: str


@dataclass(frozen=True)
class StaffInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: datetime | None
    has_badge: bool
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role,
            "active": self.active,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
            "has_badge": self.has_badge,
            "created_at": self.created_at.isoformat(),
        }


def check_pin_policy(pin: str) -> None:
    """A PIN is ≥ 6 digits (not all the same digit, not a straight run); anything else is a password of ≥ 8
    characters."""
    if pin != pin.strip() or not pin:
        raise StaffError("Mã PIN không được có khoảng trắng ở đầu hoặc cuối.", "The PIN must not start or end with spaces.")
    if pin.isdigit():
        if len(pin) < MIN_PIN_DIGITS:
            raise StaffError(
                f"Mã PIN phải có ít nhất {MIN_PIN_DIGITS} chữ số.", f"A PIN needs at least {MIN_PIN_DIGITS} digits."
            )
        steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
        if steps in ({0}, {1}, {-1}):
            raise StaffError("Mã PIN quá dễ đoán (lặp hoặc liên tiếp).", "The PIN is too easy to guess (repeated or sequential).")
        return
    if len(pin) < MIN_PASSWORD_CHARS:
        raise StaffError(
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_CHARS} ký tự (hoặc dùng mã PIN {MIN_PIN_DIGITS} chữ số).",
            f"A password needs at least {MIN_PASSWORD_CHARS} characters (or use a PIN of {MIN_PIN_DIGITS}+ digits).",
        )


_BAD_LOGIN = ("Tên đăng nhập hoặc mã PIN không đúng.", "Wrong username or PIN.")


class StaffService:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        clock: Clock,
        *,
        max_failures: int = 5,
        lockout_minutes: float = 15,
        badge_key: str = "",
        hasher_params: dict[str, int] | None = None,
        tz: Any = None,
    ) -> None:
        self.session_factory = session_factory
        self.clock = clock
        self.max_failures = max_failures
        self.lockout = timedelta(minutes=lockout_minutes)
        self.badge_key = badge_key
        self.hasher = make_hasher(hasher_params)
        self.tz = tz
        # verified against when the username is unknown, so both paths cost one argon2 verification
        self._dummy_hash = self.hasher.hash("not-a-real-pin-0")

    # -- management ------------------------------------------------------------------------------------
    def add(self, username: str, role: str, full_name: str, pin: str) -> StaffIdentity:
        username = username.strip().lower()
        if not USERNAME_RE.fullmatch(username):
            raise StaffError(
                "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (2–60 ký tự).",
                "Username: 2–60 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.",
            )
        if role not in ROLES:
            raise StaffError(f"Vai trò không hợp lệ: {role}.", f"Unknown role {role!r} (officer, supervisor, admin).")
        full_name = " ".join(full_name.split())
        if not full_name:
            raise StaffError("Vui lòng nhập họ tên cán bộ.", "The full name is required.")
        check_pin_policy(pin)
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            if s.scalar(select(StaffUser.id).where(StaffUser.username == username)) is not None:
                raise StaffError(f"Tài khoản {username} đã tồn tại.", f"Staff user {username} already exists.")
            user = StaffUser(
                username=username,
                full_name=full_name,
                role=role,
                pin_hash=self.hasher.hash(pin),
                active=True,
                failed_attempts=0,
                created_at=now,
            )
            s.add(user)
            s.flush()
            record_audit(s, at=now, action="staff.add", actor_type="system", staff_id=user.id, details={"role": role})
            return _identity(user)

    def list(self) -> list[StaffInfo]:
        with self.session_factory() as s:
            users = s.scalars(select(StaffUser).order_by(StaffUser.username)).all()
            return [
                StaffInfo(
                    u.id, u.username, u.full_name, u.role, u.active, u.locked_until, u.badge_id_hash is not None, u.created_at
                )
                for u in users
            ]

    def get(self, username: str) -> StaffIdentity:
        with self.session_factory() as s:
            return _identity(self._user(s, username))

    def get_by_id(self, staff_id: int) -> StaffIdentity | None:
        with self.session_factory() as s:
            u = s.get(StaffUser, staff_id)
            return _identity(u) if u else None

    def disable(self, username: str) -> None:
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            u = self._user(s, username)
            u.active = False
            record_audit(s, at=now, action="staff.disable", actor_type="system", staff_id=u.id)

    def enable(self, username: str) -> None:
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            u = self._user(s, username)
            u.active, u.failed_attempts, u.locked_until = True, 0, None
            self._clear_throttle(s, u.username)
            record_audit(s, at=now, action="staff.enable", actor_type="system", staff_id=u.id)

    def set_pin(self, username: str, pin: str) -> None:
        check_pin_policy(pin)
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            u = self._user(s, username)
            u.pin_hash = self.hasher.hash(pin)
            u.failed_attempts, u.locked_until = 0, None
            self._clear_throttle(s, u.username)
            record_audit(s, at=now, action="staff.set_pin", actor_type="system", staff_id=u.id)

    def badge_hash(self, id_number: str) -> str:
        return hmac.new(f"staff-badge:{self.badge_key}".encode(), id_number.encode(), hashlib.sha256).hexdigest()

    def set_badge(self, username: str, id_number: str | None) -> None:
        """Link (or with None, unlink) the officer's own chip card, identified by its 12-digit ID number."""
        now = self.clock.now()
        digest = None
        if id_number is not None:
            id_number = id_number.strip()
            if not ID_NUMBER_RE.fullmatch(id_number):
                raise StaffError("Số định danh phải gồm đúng 12 chữ số.", "The ID number must be exactly 12 digits.")
            digest = self.badge_hash(id_number)
        with session_scope(self.session_factory) as s:
            u = self._user(s, username)
            if digest is not None:
                other = s.scalar(select(StaffUser).where(StaffUser.badge_id_hash == digest, StaffUser.id != u.id))
                if other is not None:
                    raise StaffError("Thẻ này đã gắn với một cán bộ khác.", "This card is already linked to another staff user.")
            u.badge_id_hash = digest
            record_audit(
                s, at=now, action="staff.badge_set" if digest else "staff.badge_clear", actor_type="system", staff_id=u.id
            )

    # -- login -----------------------------------------------------------------------------------------
    def authenticate(self, username: str, pin: str, *, kiosk_id: str | None = None) -> StaffIdentity:
        """Username + PIN. An unknown username costs one argon2 verification (of a dummy hash) like a known
        one, and its failures are counted the same way (``login_throttle``, keyed by an HMAC of the name as
        typed): after ``max_failures`` wrong tries *any* name answers "locked until HH:MM", so neither the
        message, nor the timing, nor the lock-out tells whether the account exists. A disabled account says
        so only after the right PIN."""
        now = self.clock.now()
        username = username.strip().lower()
        with session_scope(self.session_factory) as s:
            u = s.scalar(select(StaffUser).where(StaffUser.username == username))
            throttle = self._throttle(s, username, now)
            staff_id = u.id if u is not None else None
            if throttle.locked_until is not None and now < throttle.locked_until:
                self._burn(pin)  # the same cost as a real check
                record_audit(
                    s, at=now, action="staff.login_failed", actor_type="staff", staff_id=staff_id, kiosk_id=kiosk_id,
                    details={"reason": "locked", "method": "pin"},
                )
                error: StaffAuthError | None = self._locked_error(throttle.locked_until)
            else:
                if throttle.locked_until is not None:  # timed unlock
                    throttle.locked_until, throttle.failed_attempts = None, 0
                    if u is not None:
                        u.locked_until, u.failed_attempts = None, 0
                pin_ok = self._check_pin(u, pin)
                if pin_ok and u is not None and not u.active:
                    record_audit(
                        s, at=now, action="staff.login_failed", actor_type="staff", staff_id=u.id, kiosk_id=kiosk_id,
                        details={"reason": "disabled", "method": "pin"},
                    )
                    error = StaffAuthError("Tài khoản cán bộ đã bị vô hiệu hóa.", "This staff account is disabled.",
                                           reason="disabled")
                elif pin_ok and u is not None:
                    throttle.failed_attempts, throttle.locked_until, throttle.updated_at = 0, None, now
                    if self.hasher.check_needs_rehash(u.pin_hash):
                        u.pin_hash = self.hasher.hash(pin)
                    return self._login_ok(s, u, now, kiosk_id, "pin")
                else:
                    error = self._count_failure(s, throttle, u, now, kiosk_id)
        # committed the counters and audit rows above; now refuse
        raise error

    def authenticate_badge(
        self, id_number: str, pin: str, *, chip_status: str, kiosk_id: str | None = None
    ) -> StaffIdentity:
        """Badge login = the officer's own chip AND their PIN. ``chip_status`` is the card package's verdict
        on the chip ("verified" only when passive authentication chained to a trusted CSCA and active
        authentication did not fail; the caller applies kiosk.devices.card.trust.check_badge). Anything
        else, a missing PIN or a wrong PIN is refused and audited; wrong PINs count towards the lockout."""
        now = self.clock.now()
        if chip_status != "verified" or not pin:
            reason = "chip_not_verified" if chip_status != "verified" else "missing_pin"
            with session_scope(self.session_factory) as s:
                record_audit(
                    s, at=now, action="staff.login_failed", actor_type="staff", kiosk_id=kiosk_id,
                    details={"reason": reason, "method": "badge", "chip": chip_status[:40]},
                )
            if reason == "missing_pin":
                raise StaffAuthError("Nhập mã PIN của bạn rồi đặt thẻ lên đầu đọc.",
                                     "Type your PIN, then place the card on the reader.", reason=reason)
            raise StaffAuthError(
                "Không xác thực được chip của thẻ này nên không thể đăng nhập bằng thẻ. "
                "Hãy đăng nhập bằng tên và mã PIN, hoặc báo quản trị viên.",
                "This card's chip cannot be verified, so it cannot be used to log in. Log in with your username "
                "and PIN, or tell the administrator.",
                reason=reason,
            )
        digest = self.badge_hash(id_number.strip())
        with session_scope(self.session_factory) as s:
            u = s.scalar(select(StaffUser).where(StaffUser.badge_id_hash == digest))
            if u is None:
                self._burn(pin)
                record_audit(
                    s, at=now, action="staff.login_failed", actor_type="staff", kiosk_id=kiosk_id,
                    details={"reason": "unknown", "method": "badge"},
                )
                error: StaffAuthError | None = StaffAuthError(
                    "Thẻ này chưa được gắn với tài khoản cán bộ nào.", "This card is not linked to a staff account.",
                    reason="unknown",
                )
            else:
                error = self._precheck(s, u, now, kiosk_id, "badge")
                if error is None and not self._check_pin(u, pin):  # counts with the PIN login's lock-out
                    error = self._count_failure(s, self._throttle(s, u.username, now), u, now, kiosk_id, method="badge")
            if error is None:
                assert u is not None
                self._clear_throttle(s, u.username)
                return self._login_ok(s, u, now, kiosk_id, "badge")
        raise error

    def logout(self, identity: StaffIdentity, *, reason: str = "logout", kiosk_id: str | None = None) -> None:
        with session_scope(self.session_factory) as s:
            record_audit(
                s, at=self.clock.now(), action="staff.logout", actor_type="staff", staff_id=identity.id,
                kiosk_id=kiosk_id, details={"reason": reason},
            )

    def start_session(self, identity: StaffIdentity, timeout_s: float, *, kiosk_id: str | None = None) -> StaffSession:
        return StaffSession(self, identity, timeout_s, kiosk_id=kiosk_id)

    # -- internals -------------------------------------------------------------------------------------
    def _user(self, s: Session, username: str) -> StaffUser:
        u = s.scalar(select(StaffUser).where(StaffUser.username == username.strip().lower()))
        if u is None:
            raise StaffError(f"Không có cán bộ {username}.", f"No staff user {username}.")
        return u

    def _throttle_key(self, username: str) -> str:
        return hmac.new(f"staff-login:{self.badge_key}".encode(), username.encode(), hashlib.sha256).hexdigest()

    def _throttle(self, s: Session, username: str, now: datetime) -> LoginThrottle:
        """The failure counter for this name as typed (created on first use; a concurrent creator wins)."""
        key = self._throttle_key(username)
        row = s.scalar(select(LoginThrottle).where(LoginThrottle.key_hash == key))
        if row is not None:
            return row
        try:
            with s.begin_nested():
                row = LoginThrottle(key_hash=key, failed_attempts=0, locked_until=None, updated_at=now)
                s.add(row)
                s.flush()
            return row
        except IntegrityError:
            found = s.scalar(select(LoginThrottle).where(LoginThrottle.key_hash == key))
            assert found is not None
            return found

    def _clear_throttle(self, s: Session, username: str) -> None:
        s.execute(delete(LoginThrottle).where(LoginThrottle.key_hash == self._throttle_key(username)))

    def _check_pin(self, u: StaffUser | None, pin: str) -> bool:
        """One argon2 verification whether or not the account exists."""
        if u is None:
            self._burn(pin)
            return False
        try:
            self.hasher.verify(u.pin_hash, pin)
            return True
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def _locked_error(self, until_utc: datetime) -> StaffAuthError:
        until = self._local(until_utc)
        return StaffAuthError(
            f"Tài khoản tạm khóa do nhập sai nhiều lần. Thử lại sau {until:%H:%M}.",
            f"Account locked after repeated failures. Try again after {until:%H:%M}.",
            reason="locked",
            locked_until=until_utc,
        )

    def _count_failure(
        self, s: Session, throttle: LoginThrottle, u: StaffUser | None, now: datetime, kiosk_id: str | None,
        method: str = "pin",
    ) -> StaffAuthError:
        throttle.failed_attempts = (throttle.failed_attempts or 0) + 1
        throttle.updated_at = now
        attempt = throttle.failed_attempts
        if u is not None:
            u.failed_attempts = attempt
        record_audit(
            s, at=now, action="staff.login_failed", actor_type="staff", staff_id=u.id if u else None,
            kiosk_id=kiosk_id,
            details={"reason": "wrong_pin" if u is not None else "unknown", "method": method, "attempt": attempt},
        )
        if attempt < self.max_failures:
            return StaffAuthError(*_BAD_LOGIN, reason="wrong_pin" if u is not None else "unknown")
        throttle.locked_until, throttle.failed_attempts = now + self.lockout, 0
        if u is not None:
            u.locked_until, u.failed_attempts = throttle.locked_until, 0
        record_audit(
            s, at=now, action="staff.lockout", actor_type="staff", staff_id=u.id if u else None, kiosk_id=kiosk_id,
            details={"until": throttle.locked_until.isoformat(), "minutes": self.lockout.total_seconds() / 60},
        )
        return self._locked_error(throttle.locked_until)

    def _burn(self, pin: str) -> None:
        try:
            self.hasher.verify(self._dummy_hash, pin)
        except VerificationError:
            pass

    def _local(self, t: datetime) -> datetime:
        return t.astimezone(self.tz) if self.tz else t

    def _precheck(self, s: Session, u: StaffUser, now: datetime, kiosk_id: str | None, method: str) -> StaffAuthError | None:
        if not u.active:
            record_audit(
                s, at=now, action="staff.login_failed", actor_type="staff", staff_id=u.id, kiosk_id=kiosk_id,
                details={"reason": "disabled", "method": method},
            )
            return StaffAuthError("Tài khoản cán bộ đã bị vô hiệu hóa.", "This staff account is disabled.", reason="disabled")
        if u.locked_until is not None:
            if now < u.locked_until:
                record_audit(
                    s, at=now, action="staff.login_failed", actor_type="staff", staff_id=u.id, kiosk_id=kiosk_id,
                    details={"reason": "locked", "method": method},
                )
                until = self._local(u.locked_until)
                return StaffAuthError(
                    f"Tài khoản tạm khóa do nhập sai nhiều lần. Thử lại sau {until:%H:%M}.",
                    f"Account locked after repeated failures. Try again after {until:%H:%M}.",
                    reason="locked",
                    locked_until=u.locked_until,
                )
            u.locked_until = None  # timed unlock
            u.failed_attempts = 0
        return None

    def _login_ok(self, s: Session, u: StaffUser, now: datetime, kiosk_id: str | None, method: str) -> StaffIdentity:
        u.failed_attempts = 0
        u.locked_until = None
        record_audit(
            s, at=now, action="staff.login", actor_type="staff", staff_id=u.id, kiosk_id=kiosk_id,
            details={"method": method},
        )
        return _identity(u)


def _identity(u: StaffUser) -> StaffIdentity:
    return StaffIdentity(u.id, u.username, u.full_name, u.role)


class StaffSession:
    """A logged-in officer at a console or kiosk. Any activity calls :meth:`touch`; once ``timeout_s`` passes
    without activity the session is expired for good (the UI must ask for the PIN again)."""

    def __init__(
        self, service: StaffService, identity: StaffIdentity, timeout_s: float, *, kiosk_id: str | None = None
    ) -> None:
        self.service = service
        self.identity = identity
        self.timeout = timedelta(seconds=timeout_s)
        self.kiosk_id = kiosk_id
        self.started_at = service.clock.now()
        self.last_activity = self.started_at
        self.ended: str | None = None  # None while live; "logout" | "timeout"

    @property
    def expired(self) -> bool:
        return self.ended is not None or self.service.clock.now() - self.last_activity >= self.timeout

    @property
    def remaining_s(self) -> float:
        if self.ended is not None:
            return 0.0
        return max(0.0, (self.timeout - (self.service.clock.now() - self.last_activity)).total_seconds())

    def touch(self) -> bool:
        """Record activity; returns False (and ends the session) if it had already timed out."""
        if self.check():
            return False
        self.last_activity = self.service.clock.now()
        return True

    def check(self) -> bool:
        """True if the session is over; ends it with reason "timeout" the first time it is found expired."""
        if self.ended is None and self.expired:
            self.end("timeout")
        return self.ended is not None

    def require(self) -> StaffIdentity:
        """The identity for an action, or StaffAuthError if the session is over."""
        if self.check():
            raise StaffAuthError(
                "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.", "The session has expired. Please log in again.",
                reason="expired",
            )
        self.last_activity = self.service.clock.now()
        return self.identity

    def end(self, reason: str = "logout") -> None:
        if self.ended is None:
            self.ended = reason
            self.service.logout(self.identity, reason=reason, kiosk_id=self.kiosk_id)

"""StaffService: accounts, PIN policy, argon2id hashes, lockout with timed unlock, badge login, sessions, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.staff_helpers import PIN, cheap_argon2, make_app

# dialect-neutral logic: SQLite only here; test_dossier_actions.py runs a lockout round trip on every back end
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def app(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    yield a
    a.close()


def _audit(app, action=None):  # type: ignore[no-untyped-def]
    from kiosk.models.tables import AuditEvent

    with app.session_factory() as s:
        q = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            q = q.where(AuditEvent.action == action)
        return s.scalars(q).all()


def test_add_hashes_with_argon2id_and_lists(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.tables import StaffUser

    ident = app.staff.add("lan.nt", "officer", "Nguyễn Thị Lan", PIN)
    assert ident.username == "lan.nt" and ident.role == "officer"
    with app.session_factory() as s:
        u = s.scalar(select(StaffUser))
        assert u.pin_hash.startswith("$argon2id$") and PIN not in u.pin_hash
    [info] = app.staff.list()
    assert info.active and not info.has_badge and info.full_name == "Nguyễn Thị Lan"


@pytest.mark.parametrize("bad", ["12345", "111111", "123456", "987654", "short", " 482915"])
def test_pin_policy_rejects_weak(app, bad) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffError

    with pytest.raises(StaffError):
        app.staff.add("a1", "officer", "A", bad)


def test_password_of_eight_chars_and_bad_role(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffError

    app.staff.add("sup", "supervisor", "Trần Văn B", "mật-khẩu-dài")
    assert app.staff.authenticate("SUP", "mật-khẩu-dài").role == "supervisor"
    with pytest.raises(StaffError):
        app.staff.add("x1", "boss", "X", PIN)
    with pytest.raises(StaffError):
        app.staff.add("sup", "officer", "dup", PIN)


def test_login_ok_and_wrong_pin_same_message_as_unknown(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffAuthError

    app.staff.add("lan", "officer", "Lan", PIN)
    assert app.staff.authenticate("lan", PIN).username == "lan"
    with pytest.raises(StaffAuthError) as wrong:
        app.staff.authenticate("lan", "000999")
    with pytest.raises(StaffAuthError) as unknown:
        app.staff.authenticate("nobody", PIN)
    assert wrong.value.reason == "wrong_pin" and unknown.value.reason == "unknown"
    assert wrong.value.vi == unknown.value.vi
    assert [e.details["reason"] for e in _audit(app, "staff.login_failed")] == ["wrong_pin", "unknown"]
    assert len(_audit(app, "staff.login")) == 1


def test_lockout_after_five_failures_and_timed_unlock(app, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffAuthError

    app.staff.add("lan", "officer", "Lan", PIN)
    for _ in range(4):
        with pytest.raises(StaffAuthError) as e:
            app.staff.authenticate("lan", "999000")
        assert e.value.reason == "wrong_pin"
    with pytest.raises(StaffAuthError) as e:
        app.staff.authenticate("lan", "999000")
    assert e.value.reason == "locked" and e.value.locked_until is not None
    assert len(_audit(app, "staff.lockout")) == 1
    # even the right PIN is refused while locked
    with pytest.raises(StaffAuthError) as e:
        app.staff.authenticate("lan", PIN)
    assert e.value.reason == "locked" and "09:15" in e.value.vi
    clock.advance(minutes=14)
    with pytest.raises(StaffAuthError):
        app.staff.authenticate("lan", PIN)
    clock.advance(minutes=1, seconds=1)
    assert app.staff.authenticate("lan", PIN).username == "lan"
    assert app.staff.list()[0].locked_until is None


def test_success_resets_failure_counter(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffAuthError

    app.staff.add("lan", "officer", "Lan", PIN)
    for _ in range(4):
        with pytest.raises(StaffAuthError):
            app.staff.authenticate("lan", "999000")
    app.staff.authenticate("lan", PIN)
    with pytest.raises(StaffAuthError) as e:
        app.staff.authenticate("lan", "999000")
    assert e.value.reason == "wrong_pin"


def test_disabled_cannot_log_in(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffAuthError

    app.staff.add("lan", "officer", "Lan", PIN)
    app.staff.disable("lan")
    with pytest.raises(StaffAuthError) as e:
        app.staff.authenticate("lan", PIN)
    assert e.value.reason == "disabled"
    assert not app.staff.list()[0].active


def test_badge_stores_only_a_keyed_hash(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffAuthError, StaffError
    from kiosk.models.tables import StaffUser

    app.staff.add("lan", "officer", "Lan", PIN)
    app.staff.add("hoa", "officer", "Hoa", "739164")
    app.staff.set_badge("lan", "038085001234")
    with app.session_factory() as s:
        u = s.scalar(select(StaffUser).where(StaffUser.username == "lan"))
        assert u.badge_id_hash and "038085001234" not in u.badge_id_hash
    assert app.staff.authenticate_badge("038085001234", PIN, chip_status="verified").username == "lan"
    with pytest.raises(StaffError):
        app.staff.set_badge("hoa", "038085001234")
    with pytest.raises(StaffError):
        app.staff.set_badge("hoa", "12345")
    with pytest.raises(StaffAuthError):
        app.staff.authenticate_badge("079301000111", PIN, chip_status="verified")
    app.staff.disable("lan")
    with pytest.raises(StaffAuthError) as e:
        app.staff.authenticate_badge("038085001234", PIN, chip_status="verified")
    assert e.value.reason == "disabled"


def test_badge_needs_a_verified_chip_and_the_pin(app) -> None:  # type: ignore[no-untyped-def]
    """A chip whose chain is not verified, a missing PIN and a wrong PIN are each refused and audited;
    wrong PINs by badge lock the account like wrong PINs by username."""
    from kiosk.core.staff import StaffAuthError
    from kiosk.models.tables import AuditEvent as AuditLog

    app.staff.add("lan", "officer", "Lan", PIN)
    app.staff.set_badge("lan", "038085001234")
    for chip, pin, reason in (("chain_unverified", PIN, "chip_not_verified"), ("failed", PIN, "chip_not_verified"),
                              ("verified", "", "missing_pin"), ("verified", "000000", "wrong_pin")):
        with pytest.raises(StaffAuthError) as e:
            app.staff.authenticate_badge("038085001234", pin, chip_status=chip)
        assert e.value.reason == reason
    with app.session_factory() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.action == "staff.login_failed").order_by(AuditLog.id)).all()
        got = [(r.details or {}).get("reason") for r in rows if (r.details or {}).get("method") == "badge"]
    assert got == ["chip_not_verified", "chip_not_verified", "missing_pin", "wrong_pin"]
    for _ in range(app.staff.max_failures - 1):
        with pytest.raises(StaffAuthError):
            app.staff.authenticate_badge("038085001234", "000000", chip_status="verified")
    with pytest.raises(StaffAuthError) as e:
        app.staff.authenticate_badge("038085001234", PIN, chip_status="verified")
    assert e.value.reason == "locked"


def test_session_idle_timeout(app, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffAuthError

    app.staff.add("lan", "officer", "Lan", PIN)
    ident = app.staff.authenticate("lan", PIN)
    sess = app.staff.start_session(ident, 600)
    clock.advance(seconds=599)
    assert sess.touch() and not sess.expired
    clock.advance(seconds=599)
    assert sess.require() == ident
    clock.advance(seconds=600)
    assert sess.expired
    with pytest.raises(StaffAuthError):
        sess.require()
    assert sess.ended == "timeout"
    assert [e.details["reason"] for e in _audit(app, "staff.logout")] == ["timeout"]


def test_no_pin_in_audit_or_db(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffAuthError

    app.staff.add("lan", "officer", "Lan", PIN)
    with pytest.raises(StaffAuthError):
        app.staff.authenticate("lan", "555111")
    app.staff.authenticate("lan", PIN)
    dump = "\n".join(str(e.details) for e in _audit(app))
    assert PIN not in dump and "555111" not in dump
    raw = (app.settings.data_dir / "kiosk.sqlite3").read_bytes() if (app.settings.data_dir / "kiosk.sqlite3").exists() else b""
    assert PIN.encode() not in raw


def _messages(app, username: str, pin: str, n: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffAuthError

    out = []
    for _ in range(n):
        with pytest.raises(StaffAuthError) as e:
            app.staff.authenticate(username, pin)
        out.append((e.value.vi, e.value.en))
    return out


def test_unknown_user_locks_like_a_known_one(app, clock) -> None:  # type: ignore[no-untyped-def]
    """No account probing through the lock-out: known and unknown names give the same sequence of answers."""
    app.staff.add("lan", "officer", "Lan", PIN)
    known = _messages(app, "lan", "999000", 7)
    unknown = _messages(app, "khong.co", "999000", 7)
    assert known == unknown
    assert all("khóa" not in vi for vi, _ in known[:4]) and all("khóa" in vi for vi, _ in known[4:])
    # the unknown name's lock ends like a real one
    clock.advance(minutes=15, seconds=1)
    assert _messages(app, "khong.co", "999000", 1) == _messages(app, "lan", "999000", 1)
    assert len(_audit(app, "staff.lockout")) == 2  # both audited (the unknown one without a staff id)


def test_disabled_says_so_only_after_the_right_pin(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.staff import StaffAuthError

    app.staff.add("lan", "officer", "Lan", PIN)
    app.staff.disable("lan")
    assert _messages(app, "lan", "999000", 1) == _messages(app, "khong.co", "999000", 1)
    with pytest.raises(StaffAuthError) as e:
        app.staff.authenticate("lan", PIN)
    assert e.value.reason == "disabled"


def test_enable_clears_the_lock(app) -> None:  # type: ignore[no-untyped-def]
    app.staff.add("lan", "officer", "Lan", PIN)
    _messages(app, "lan", "999000", 5)
    assert app.staff.list()[0].locked_until is not None
    app.staff.enable("lan")
    assert app.staff.authenticate("lan", PIN).username == "lan"


def test_unknown_and_known_take_comparable_time(settings, clock) -> None:  # type: ignore[no-untyped-def]
    """Production-like argon2 cost (t=2, 32 MiB): the median time of a wrong PIN for a real account and of
    any PIN for a name that does not exist differ by less than 50 % (measured: within 3 %)."""
    import statistics
    import time

    from kiosk.core.staff import StaffAuthError, StaffService
    from tests.staff_helpers import make_app

    app = make_app(settings, clock)
    try:
        service = StaffService(app.session_factory, clock, hasher_params={"time_cost": 2, "memory_cost": 32768,
                                                                           "parallelism": 1}, badge_key="k")
        service.add("lan", "officer", "Lan", PIN)

        def timed(name: str) -> float:
            t0 = time.perf_counter()
            with pytest.raises(StaffAuthError):
                service.authenticate(name, "999000")
            return time.perf_counter() - t0

        known, unknown = [], []
        for i in range(8):  # alternating to share any machine noise; the counter is reset below the threshold
            if i % 4 == 0:
                service.enable("lan")
            known.append(timed("lan"))
            unknown.append(timed(f"ghost{i}"))
        k, u = statistics.median(known), statistics.median(unknown)
        print(f"login timing: known wrong PIN {k * 1000:.1f} ms, unknown user {u * 1000:.1f} ms")
        assert max(k, u) / min(k, u) < 1.5, (k, u)
    finally:
        app.close()

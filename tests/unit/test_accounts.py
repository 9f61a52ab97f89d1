"""Accounts, OTP and consents against a real (temporary SQLite) database, a fixed clock and a recording SMS
sender: limits, expiry, single use, hashing, per-purpose consents, and that nothing personal is logged."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kiosk.core.accounts import AccountError, AccountService
from kiosk.core.audit import citizen_hash
from kiosk.core.consent_texts import load_consent_texts
from kiosk.core.dossiers import PersonData
from kiosk.core.identity import InvalidPhone
from kiosk.core.otp import OtpError, sms_text
from kiosk.integrations.sms import SmsError
from kiosk.models.database import open_database, session_scope
from kiosk.models.tables import Account, AuditEvent, Citizen, Consent, OtpChallenge

PHONE = "0912 345 678"
PHONE_E164 = "+84912345678"
OTHER_PHONE = "0987654321"
ID_A = "038095001234"
ID_B = "001301009876"
TEXTS = load_consent_texts()
VERSION = TEXTS.version


class RecordingSms:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.fail = False

    def send(self, phone_e164: str, text: str) -> None:
        if self.fail:
            raise SmsError("gateway down")
        self.sent.append((phone_e164, text))

    def last_code(self, phone_e164: str = PHONE_E164) -> str:
        text = [t for p, t in self.sent if p == phone_e164][-1]
        m = re.search(r"là (\d{6}),", text)
        assert m, text
        return m.group(1)


@pytest.fixture
def db(database_url):  # type: ignore[no-untyped-def]
    engine, factory = open_database(database_url)
    yield factory
    engine.dispose()


@pytest.fixture
def sms() -> RecordingSms:
    return RecordingSms()


@pytest.fixture
def svc(db, sms, clock) -> AccountService:  # type: ignore[no-untyped-def]
    return AccountService(db, sms, clock, otp_ttl_s=300, max_sends_per_hour=3, max_wrong_tries=5,
                          log_salt="test-salt", kiosk_id="KIOSK-T")


def person(id_number: str = ID_A, **kw) -> PersonData:  # type: ignore[no-untyped-def]
    dob = date(1995, 3, 2) if id_number == ID_A else date(2001, 7, 9)
    return PersonData(id_number=id_number, full_name="Nguyễn Văn An", date_of_birth=dob, sex="Nam", **kw)


def verified(svc: AccountService, sms: RecordingSms, phone: str = PHONE):  # type: ignore[no-untyped-def]
    svc.send_otp(phone)
    e164 = sms.sent[-1][0]
    return svc.verify_otp(phone, sms.last_code(e164))


def otp_error(fn, *args) -> OtpError:  # type: ignore[no-untyped-def]
    with pytest.raises(OtpError) as ei:
        fn(*args)
    return ei.value


# -- sending ---------------------------------------------------------------------------------------------


def test_send_otp_texts_the_code_and_returns_a_ticket(svc, sms, clock) -> None:  # type: ignore[no-untyped-def]
    ticket = svc.send_otp(PHONE)
    assert ticket.phone_masked == "0912 *** 678"
    assert ticket.expires_at == clock.now() + timedelta(minutes=5)
    assert ticket.sends_left == 2
    (to, text), = sms.sent
    assert to == PHONE_E164
    code = sms.last_code()
    assert text == f"Mã xác thực đăng ký tài khoản của bạn là {code}, hiệu lực 5 phút. Không chia sẻ mã này."


def test_stored_hash_is_never_the_code(svc, sms, db) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        svc.send_otp(PHONE)
        svc.otp.clock.advance(seconds=31)
    with session_scope(db) as s:
        rows = s.scalars(select(OtpChallenge)).all()
    codes = [t.split("là ")[1][:6] for _, t in sms.sent]
    assert len(rows) == 3
    for row, code in zip(rows, codes, strict=True):
        assert row.code_hash != code and code not in row.code_hash
        assert row.code_hash.startswith("hmac-sha256$")
    assert len({r.code_hash.split("$")[1] for r in rows}) == 3  # a fresh salt per row


def test_codes_are_six_random_digits(svc, sms, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.otp import generate_code

    codes = {generate_code() for _ in range(200)}
    assert all(re.fullmatch(r"\d{6}", c) for c in codes)
    assert len(codes) > 190


def test_invalid_phone_is_refused_before_any_send(svc, sms) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidPhone) as ei:
        svc.send_otp("12345")
    assert ei.value.vi and ei.value.en
    assert sms.sent == []


def test_too_soon_then_allowed_after_the_interval(svc, sms, clock) -> None:  # type: ignore[no-untyped-def]
    svc.send_otp(PHONE)
    clock.advance(seconds=10)
    err = otp_error(svc.send_otp, PHONE)
    assert err.reason == "too_soon"
    assert err.retry_at == clock.now() + timedelta(seconds=20)
    assert "20 giây" in err.vi and "20 seconds" in err.en
    clock.advance(seconds=20)
    assert svc.send_otp(PHONE).sends_left == 1
    assert len(sms.sent) == 2


def test_hourly_send_limit_per_phone(svc, sms, clock) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        svc.send_otp(PHONE)
        clock.advance(minutes=5)
    err = otp_error(svc.send_otp, PHONE)
    assert err.reason == "rate_limited"
    assert err.retry_at is not None
    # another number is not affected
    assert svc.send_otp(OTHER_PHONE).sends_left == 2
    clock.advance(minutes=45, seconds=1)  # the first send is now more than an hour old
    assert svc.send_otp(PHONE).sends_left == 0
    assert len(sms.sent) == 5


def test_gateway_failure_is_an_otp_error_and_does_not_use_up_the_limit(svc, sms, db) -> None:  # type: ignore[no-untyped-def]
    sms.fail = True
    err = otp_error(svc.send_otp, PHONE)
    assert err.reason == "sms_failed" and err.vi and err.en
    with session_scope(db) as s:
        assert s.scalars(select(OtpChallenge)).all() == []
    sms.fail = False
    assert svc.send_otp(PHONE).sends_left == 2  # no "too soon" either


# -- verifying -------------------------------------------------------------------------------------------


def test_verify_gives_a_single_use_proof(svc, sms) -> None:  # type: ignore[no-untyped-def]
    svc.send_otp(PHONE)
    code = sms.last_code()
    proof = svc.verify_otp(" 0912345678 ", f"{code[:3]} {code[3:]}")
    assert proof.phone_e164 == PHONE_E164 and proof.purpose == "register"
    assert PHONE_E164 not in repr(proof) and proof.token not in repr(proof)
    assert otp_error(svc.verify_otp, PHONE, code).reason == "no_challenge"


def test_code_expires_after_five_minutes(svc, sms, clock) -> None:  # type: ignore[no-untyped-def]
    svc.send_otp(PHONE)
    code = sms.last_code()
    clock.advance(minutes=5)
    assert otp_error(svc.verify_otp, PHONE, code).reason == "expired"


def test_code_still_valid_just_before_expiry(svc, sms, clock) -> None:  # type: ignore[no-untyped-def]
    svc.send_otp(PHONE)
    clock.advance(minutes=4, seconds=59)
    assert svc.verify_otp(PHONE, sms.last_code())


def test_wrong_tries_burn_the_challenge(svc, sms) -> None:  # type: ignore[no-untyped-def]
    svc.send_otp(PHONE)
    code = sms.last_code()
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    lefts = [otp_error(svc.verify_otp, PHONE, wrong).tries_left for _ in range(4)]
    assert lefts == [4, 3, 2, 1]
    assert otp_error(svc.verify_otp, PHONE, wrong).reason == "too_many_tries"
    # burnt: even the right code no longer works
    assert otp_error(svc.verify_otp, PHONE, code).reason == "too_many_tries"


def test_malformed_input_is_not_counted_as_a_guess(svc, sms) -> None:  # type: ignore[no-untyped-def]
    svc.send_otp(PHONE)
    for _ in range(6):
        err = otp_error(svc.verify_otp, PHONE, "123")
        assert err.reason == "wrong_code" and err.tries_left == 5
    assert svc.verify_otp(PHONE, sms.last_code())


def test_a_new_code_replaces_the_old_one(svc, sms, clock) -> None:  # type: ignore[no-untyped-def]
    svc.send_otp(PHONE)
    old = sms.last_code()
    clock.advance(seconds=30)
    svc.send_otp(PHONE)
    new = sms.last_code()
    if old != new:
        assert otp_error(svc.verify_otp, PHONE, old).reason == "wrong_code"
    assert svc.verify_otp(PHONE, new)


def test_verify_without_send(svc) -> None:  # type: ignore[no-untyped-def]
    assert otp_error(svc.verify_otp, PHONE, "123456").reason == "no_challenge"


def test_code_is_bound_to_its_purpose(svc, sms) -> None:  # type: ignore[no-untyped-def]
    svc.send_otp(PHONE, purpose="login")
    assert "đăng nhập" in sms.sent[-1][1]
    assert otp_error(svc.verify_otp, PHONE, sms.last_code(), "register").reason == "no_challenge"
    assert svc.verify_otp(PHONE, sms.last_code(), "login").purpose == "login"


def test_sms_text_follows_the_ttl() -> None:
    assert "hiệu lực 10 phút" in sms_text("000111", "register", 600)


# -- accounts --------------------------------------------------------------------------------------------


def test_create_account_records_every_consent_including_refusals(svc, sms, db, clock) -> None:  # type: ignore[no-untyped-def]
    proof = verified(svc, sms)
    info = svc.create_account(
        person(), PHONE, " an@example.vn ", {"sms_notifications": True, "satisfaction_survey": False}, proof, VERSION
    )
    assert info.phone_masked == "0912 *** 678" and info.email == "an@example.vn"
    answers = {c.purpose: c.granted for c in info.consents}
    assert answers == {
        "sms_notifications": True, "email_notifications": False,
        "keep_scans_for_reuse": False, "satisfaction_survey": False,
    }
    assert info.consent("sms_notifications") and not info.consent("keep_scans_for_reuse")
    with session_scope(db) as s:
        rows = s.scalars(select(Consent)).all()
        assert len(rows) == 4
        assert all(r.text_version == VERSION and r.at == clock.now() and r.withdrawn_at is None for r in rows)
        acc = s.scalars(select(Account)).one()
        assert acc.phone == PHONE_E164 and acc.phone_verified_at is not None and acc.created_by_staff_id is None
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "account.created")).one()
        assert ev.citizen_hash == citizen_hash(ID_A, "test-salt")
        assert ev.actor_type == "citizen" and ev.consent_version == VERSION and ev.kiosk_id == "KIOSK-T"
        blob = repr((ev.details, ev.citizen_hash, ev.dossier_code))
        assert ID_A not in blob and PHONE_E164 not in blob and "an@example.vn" not in blob


def test_existing_account_is_recognised(svc, sms) -> None:  # type: ignore[no-untyped-def]
    assert svc.find_account(ID_A) is None
    created = svc.create_account(person(), PHONE, None, {}, verified(svc, sms), VERSION)
    found = svc.find_account("038 095 001 234")
    assert found == created
    svc.otp.clock.advance(seconds=31)
    with pytest.raises(AccountError) as ei:
        svc.create_account(person(), OTHER_PHONE, None, {}, verified(svc, sms, OTHER_PHONE), VERSION)
    assert ei.value.reason == "account_exists"
    assert ei.value.existing == created
    assert "0912 *** 678" in ei.value.vi


def test_phone_need_not_be_in_the_citizens_name(svc, sms, db) -> None:  # type: ignore[no-untyped-def]
    # The chip holder uses a relative's SIM, the same SIM serves two citizens, and the number
    # on the citizen record (if any) plays no part.
    a = svc.create_account(person(ID_A, phone="+84987000111"), PHONE, None, {}, verified(svc, sms), VERSION)
    svc.otp.clock.advance(seconds=31)
    b = svc.create_account(person(ID_B), PHONE, None, {}, verified(svc, sms), VERSION)
    assert a.account_id != b.account_id and a.phone_masked == b.phone_masked
    with session_scope(db) as s:
        assert s.scalar(select(Citizen.phone).where(Citizen.id_number == ID_A)) == "+84987000111"


def test_assisted_creation_records_the_staff_member(svc, sms, db) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.tables import StaffUser

    with session_scope(db) as s:
        st = StaffUser(username="lan", full_name="Lan", role="officer", pin_hash="x", created_at=svc.clock.now())
        s.add(st)
        s.flush()
        staff_id = st.id
    svc.create_account(person(), PHONE, None, {}, verified(svc, sms), VERSION, staff_id=staff_id)
    with session_scope(db) as s:
        assert s.scalars(select(Account)).one().created_by_staff_id == staff_id
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "account.created")).one()
        assert ev.actor_type == "staff" and ev.staff_id == staff_id


def test_a_proof_works_once(svc, sms) -> None:  # type: ignore[no-untyped-def]
    proof = verified(svc, sms)
    svc.create_account(person(ID_A), PHONE, None, {}, proof, VERSION)
    with pytest.raises(AccountError) as ei:
        svc.create_account(person(ID_B), PHONE, None, {}, proof, VERSION)
    assert ei.value.reason == "proof_used"


def test_proof_must_match_the_phone_and_be_recent(svc, sms, clock) -> None:  # type: ignore[no-untyped-def]
    proof = verified(svc, sms)
    with pytest.raises(AccountError) as ei:
        svc.create_account(person(), OTHER_PHONE, None, {}, proof, VERSION)
    assert ei.value.reason == "proof_mismatch"
    clock.advance(minutes=16)
    with pytest.raises(AccountError) as ei:
        svc.create_account(person(), PHONE, None, {}, proof, VERSION)
    assert ei.value.reason == "proof_expired"


def test_forged_proof_is_refused(svc, sms) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    proof = verified(svc, sms)
    with pytest.raises(AccountError) as ei:
        svc.create_account(person(), PHONE, None, {}, replace(proof, token="guess"), VERSION)
    assert ei.value.reason == "proof_invalid"


@pytest.mark.parametrize(
    ("consents", "version", "email", "reason"),
    [
        ({"sms_notifications": "yes"}, VERSION, None, "bad_consents"),
        ({"marketing": True}, VERSION, None, "unknown_purpose"),
        ({}, "consents-1999.1", None, "stale_consent_text"),
        ({}, VERSION, "not-an-email", "invalid_email"),
    ],
)
def test_bad_input_is_refused_without_side_effects(svc, sms, db, consents, version, email, reason) -> None:  # type: ignore[no-untyped-def]
    proof = verified(svc, sms)
    with pytest.raises(AccountError) as ei:
        svc.create_account(person(), PHONE, email, consents, proof, version)
    assert ei.value.reason == reason and ei.value.vi and ei.value.en
    with session_scope(db) as s:
        assert s.scalars(select(Account)).all() == []
    assert svc.create_account(person(), PHONE, None, {}, proof, VERSION)  # the proof is still good


def test_id_inconsistent_with_birth_year_is_refused(svc, sms) -> None:  # type: ignore[no-untyped-def]
    bad = PersonData(id_number=ID_A, full_name="X", date_of_birth=date(1980, 1, 1))
    with pytest.raises(AccountError) as ei:
        svc.create_account(bad, PHONE, None, {}, verified(svc, sms), VERSION)
    assert ei.value.reason == "invalid_id"
    with pytest.raises(AccountError):
        svc.find_account("12345")


def test_withdraw_and_grant_again(svc, sms, db, clock) -> None:  # type: ignore[no-untyped-def]
    svc.create_account(person(), PHONE, None, {"sms_notifications": True}, verified(svc, sms), VERSION)
    clock.advance(days=3)
    info = svc.withdraw_consent(ID_A, "sms_notifications")
    assert not info.consent("sms_notifications")
    state = next(c for c in info.consents if c.purpose == "sms_notifications")
    assert state.granted and state.withdrawn_at == clock.now()
    assert svc.withdraw_consent(ID_A, "sms_notifications") == info  # idempotent
    assert svc.withdraw_consent(ID_A, "satisfaction_survey") == info  # never granted: nothing to do
    clock.advance(days=1)
    assert svc.grant_consent(ID_A, "sms_notifications", VERSION).consent("sms_notifications")
    with session_scope(db) as s:
        history = s.scalars(select(Consent).where(Consent.purpose == "sms_notifications").order_by(Consent.id)).all()
        assert [(c.granted, c.withdrawn_at is not None) for c in history] == [(True, True), (True, False)]
        actions = s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
        assert actions == ["account.created", "consent.withdrawn", "consent.granted"]
    with pytest.raises(AccountError) as ei:
        svc.withdraw_consent(ID_B, "sms_notifications")
    assert ei.value.reason == "no_account"
    with pytest.raises(AccountError) as ei:
        svc.withdraw_consent(ID_A, "marketing")
    assert ei.value.reason == "unknown_purpose"


def test_notice_shown_is_audited_without_personal_data(svc, db) -> None:  # type: ignore[no-untyped-def]
    svc.record_notice_shown()
    with session_scope(db) as s:
        ev = s.scalars(select(AuditEvent)).one()
    assert ev.action == "privacy_notice.shown" and ev.consent_version == TEXTS.notice.version
    assert ev.citizen_hash is None


def test_nothing_personal_is_logged(svc, sms, clock, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    svc.send_otp(PHONE)
    clock.advance(seconds=31)
    svc.send_otp(PHONE)
    code = sms.last_code()
    otp_error(svc.verify_otp, PHONE, "000000" if code != "000000" else "111111")
    proof = svc.verify_otp(PHONE, code)
    svc.create_account(person(), PHONE, "an@example.vn", {}, proof, VERSION)
    sms.fail = True
    clock.advance(seconds=31)
    otp_error(svc.send_otp, PHONE)
    text = caplog.text
    assert caplog.records  # something is logged ...
    for secret in (PHONE_E164, "912345678", ID_A, "an@example.vn", code, proof.token, "Nguyễn"):
        assert secret not in text  # ... but nothing personal


# -- texts and wiring ------------------------------------------------------------------------------------


def test_consent_texts_and_notice_are_complete() -> None:
    assert set(TEXTS.keys) >= {"sms_notifications", "email_notifications", "keep_scans_for_reuse", "satisfaction_survey"}
    for p in TEXTS.purposes:
        assert p.title("vi") and p.title("en") and p.text("vi") and p.text("en") and p.text("vi") != p.text("en")
    vi = TEXTS.notice.text("vi", controller="UBND phường X", hotline="1900 1234")
    en = TEXTS.notice.text("en", controller="UBND phường X", hotline="1900 1234")
    for t in (vi, en):
        assert "91/2025/QH15" in t and "356/2025" in t and "UBND phường X" in t and "1900 1234" in t
        assert "{" not in t
    for word in ("số định danh", "họ và tên", "ngày sinh", "giới tính", "thường trú", "ảnh chân dung", "phiên"):
        assert word in vi
    for word in ("ID number", "full name", "date of birth", "sex", "residence", "photo", "session"):
        assert word in en
    assert "\n\n" in vi and "\n" not in vi.replace("\n\n", "")  # paragraphs, no hard wraps


def test_app_exposes_the_configured_service(settings, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import build_app
    from kiosk.integrations.sms import DemoSmsSink, read_outbox

    app = build_app(settings, clock=clock, sync_catalogue=False)
    try:
        accounts = app.accounts
        assert accounts is app.accounts
        assert isinstance(accounts.sms, DemoSmsSink)
        accounts.send_otp(PHONE)
        (line,) = read_outbox(accounts.sms.outbox_file)
        assert line["to"] == PHONE_E164 and "Mã xác thực" in line["text"]
        assert accounts.kiosk_id == settings.kiosk_id
    finally:
        app.close()

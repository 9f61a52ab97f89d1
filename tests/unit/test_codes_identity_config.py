"""Dossier code format, the 12-digit ID checks, phone numbers and configuration errors."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import ConfigError, load_settings
from kiosk.core.codes import DossierCodeError, format_code, looks_like_code, parse_code
from kiosk.core.identity import (
    InvalidIdNumber,
    InvalidPhone,
    mask_phone,
    normalise_phone,
    parse_id_number,
)


def test_code_format_matches_production_example() -> None:
    assert format_code("000.00.06.H56", date(2023, 10, 27), 361) == "000.00.06.H56-231027-0361"
    c = parse_code("000.00.06.H56-231027-0361")
    assert (c.agency, c.day, c.seq) == ("000.00.06.H56", date(2023, 10, 27), 361)
    assert str(c) == "000.00.06.H56-231027-0361"


@pytest.mark.parametrize("bad", ["", "000.00.06.H56-231327-0001", "H56-231027-0001", "000.00.06.H56-231027-01"])
def test_bad_codes_are_rejected(bad: str) -> None:
    assert not looks_like_code(bad)
    with pytest.raises(DossierCodeError):
        parse_code(bad)


def test_sequence_limits() -> None:
    with pytest.raises(DossierCodeError):
        format_code("000.00.06.H56", date(2026, 1, 1), 0)
    with pytest.raises(DossierCodeError):
        format_code("000.00.06.H56", date(2026, 1, 1), 10000)


@given(st.text(max_size=40))
def test_parse_code_never_crashes_on_garbage(s: str) -> None:
    try:
        parse_code(s)
    except DossierCodeError:
        pass


def test_id_number_structure() -> None:
    info = parse_id_number("087084000999")
    assert (info.province, info.sex, info.birth_century, info.birth_year_2) == ("Đồng Tháp", "Nam", 1900, 84)
    assert parse_id_number("001 305 012 345", date(2005, 6, 1)).sex == "Nữ"  # 3 = female, 2000s


@pytest.mark.parametrize("bad", ["12345678901", "0870840009990", "08708400099a", ""])
def test_id_number_must_be_12_digits(bad: str) -> None:
    with pytest.raises(InvalidIdNumber) as e:
        parse_id_number(bad)
    assert "12" in e.value.vi


def test_id_number_must_agree_with_birth_year() -> None:
    with pytest.raises(InvalidIdNumber):
        parse_id_number("087084000999", date(1985, 1, 1))
    with pytest.raises(InvalidIdNumber):
        parse_id_number("087084000999", date(2084, 1, 1))  # century digit 0 = 1900s


def test_unknown_province_is_a_warning_not_a_rejection() -> None:
    assert parse_id_number("999084000999").warnings == ["unknown_province_code"]


def test_phone_numbers() -> None:
    assert normalise_phone("0912 345 678") == "+84912345678"
    assert normalise_phone("+84862345678") == "+84862345678"
    assert mask_phone("+84912345678") == "0912 *** 678"
    for bad in ("0123456789", "12", "abc"):
        with pytest.raises(InvalidPhone):
            normalise_phone(bad)
    with pytest.raises(InvalidPhone):
        normalise_phone("02838221234")  # a fixed line cannot receive the OTP


def test_bad_setting_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_AGENCY_CODE", "H56")
    with pytest.raises(ConfigError, match="agency_code"):
        load_settings()


def test_office_hours_from_env_and_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_OFFICE_HOURS__MORNING_START", "07:30")
    assert load_settings().office_hours.morning_start.strftime("%H:%M") == "07:30"
    monkeypatch.setenv("KIOSK_OFFICE_HOURS__MORNING_START", "12:00")
    with pytest.raises(ConfigError, match="office_hours"):
        load_settings()


def test_toml_file_and_bad_timezone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "kiosk.toml"
    f.write_text('agency_code = "000.00.12.H38"\nhotline = "0237 3 900 900"\n[printer]\nbackend = "pdf"\n')
    s = load_settings(f)
    assert s.agency_code == "000.00.12.H38" and s.hotline == "0237 3 900 900"
    f.write_text('timezone = "Mars/Olympus"\n')
    with pytest.raises(ConfigError, match="timezone"):
        load_settings(f)
    f.write_text("this is = not [ toml")
    with pytest.raises(ConfigError):
        load_settings(f)
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "missing.toml")


def test_virtual_card_refused_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_ENVIRONMENT", "production")
    monkeypatch.setenv("KIOSK_CARD__VIRTUAL_CARD", "true")
    with pytest.raises(ConfigError, match="production"):
        load_settings()


def test_default_database_is_sqlite_in_data_dir(tmp_path) -> None:  # type: ignore[no-untyped-def]
    s = load_settings(data_dir=tmp_path)
    assert s.effective_database_url == f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"


def test_production_needs_its_own_salt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_ENVIRONMENT", "production")
    with pytest.raises(ConfigError, match="log_salt"):
        load_settings()
    monkeypatch.setenv("KIOSK_LOG_SALT", "a-site-secret-of-enough-length")
    monkeypatch.setenv("KIOSK_SMS__BACKEND", "http")  # production refuses the demo SMS outbox
    monkeypatch.setenv("KIOSK_SMS__HTTP_URL", "https://sms.example.vn/send")
    monkeypatch.setenv("KIOSK_EMAIL__BACKEND", "none")  # and the demo e-mail folder
    from tests.unit.test_security import TRUST

    monkeypatch.setenv("KIOSK_CARD__TRUST_DIR", str(TRUST))  # and a trust store with no CSCA certificate
    assert load_settings().environment == "production"

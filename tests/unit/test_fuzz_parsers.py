"""Every parser of outside input fails closed with its own error type (issue 14 point 7), fuzzed with
hypothesis: the card parsers (BER, DG1/2/13/14/15, EF.SOD, MRZ, card QR: CardParseError; passive.verify:
never raises), VietQR (VietQRError), the personal ID (InvalidIdNumber) and phone (InvalidPhone), scanner
text and dossier codes (InputRejected, DossierCodeError), and `--received` times (ValueError, as documented).

Each property asserts only that: a value comes back or the module's own exception is raised; anything else
fails the test with hypothesis's smallest example. benchmarks/fuzz.py runs the same parsers on 100,000+
inputs and reports throughput.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.core.calendar import parse_local
from kiosk.core.codes import DossierCodeError, parse_code
from kiosk.core.identity import InvalidIdNumber, InvalidPhone, normalise_phone, parse_id_number
from kiosk.core.sanitize import InputRejected, clean_scan, scanned_dossier_code
from kiosk.core.vietqr import VietQRError, build_payload, parse_payload, with_crc
from kiosk.devices.card import ber, keys, passive
from kiosk.devices.card.datagroups import (
    card_data_from,
    parse_dg1,
    parse_dg2,
    parse_dg13_fields,
    parse_dg14,
    parse_dg15,
)
from kiosk.devices.card.errors import CardParseError
from kiosk.devices.card.mrz import parse_td1
from kiosk.devices.card.virtual.demo import demo_citizen
from kiosk.devices.card.virtual.profile import TestPki, build_profile

CITIZEN = demo_citizen()
PKI = TestPki.generate()
_PROFILE = build_profile(CITIZEN, b"\xff\xd8\xff\xe0" + bytes(300) + b"\xff\xd9", PKI, with_dg15=True, with_dg14=True)
DG = {1: _PROFILE.files[0x0101], 2: _PROFILE.files[0x0102], 13: _PROFILE.files[0x010D], 14: _PROFILE.files[0x010E],
      15: _PROFILE.files[0x010F]}
SOD = _PROFILE.files[0x011D]
TRUST = [PKI.csca_cert]
VIETQR = build_payload("970436", "0011001234567", 20000, bill_number="000.00.06.H56-261125-0001")
ODD_DIGITS = "²³¹٣۴੫०𝟗①⁹"
QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TEXT_FUZZ = settings(max_examples=250, deadline=None)


def fails_closed(fn: Callable[[], Any], *own: type[BaseException]) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cryptography's notes on odd certificates
            fn()
    except own:
        pass


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 5))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.integers(0, 3))
        if op == 0:
            data[i] = draw(st.sampled_from((0x00, 0x30, 0x7F, 0x80, 0x81, 0x84, 0xFF)))
        elif op == 1:
            data[i:i] = draw(st.binary(min_size=1, max_size=6))
        elif op == 2:
            del data[i : i + draw(st.integers(1, 6))]
        else:
            del data[i:]
    return bytes(data)


@st.composite
def deep_ber(draw: st.DrawFn) -> bytes:
    value = ber.tlv(0x0C, b"x")
    for _ in range(draw(st.integers(900, 2500))):
        value = ber.tlv(0x30, value)
    return ber.tlv(0x6D, ber.tlv(0x30, ber.tlv(0x02, b"\x01") + ber.tlv(0x31, ber.tlv(0x30, ber.tlv(0x02, b"\x02") + value))))


def card_bytes(base: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=400), mutated(base))


def swap_chars(base: str, alphabet: str) -> st.SearchStrategy[str]:
    """``base`` with one to four characters replaced from ``alphabet``."""
    edits = st.lists(st.tuples(st.integers(0, len(base) - 1), st.sampled_from(alphabet)), min_size=1, max_size=4)
    return edits.map(lambda es: _apply(base, es))


def _apply(base: str, edits: list[tuple[int, str]]) -> str:
    chars = list(base)
    for i, c in edits:
        chars[i] = c
    return "".join(chars)


# -- card parsers ---------------------------------------------------------------------------------------------
def test_samples_are_valid() -> None:
    """The mutations start from files and strings that parse (otherwise the fuzzing proves little)."""
    assert parse_dg1(DG[1]).id_number == CITIZEN.id_number
    assert parse_dg13_fields(DG[13])[2] == CITIZEN.full_name
    assert passive.verify(SOD, DG, TRUST).status == "verified"
    assert keys.from_qr(CITIZEN.qr_text()).id_number == CITIZEN.id_number
    assert parse_payload(VIETQR).amount == 20000


@QUICK
@given(st.one_of(card_bytes(DG[13]), deep_ber()))
def test_ber_and_dg13(data: bytes) -> None:
    fails_closed(lambda: list(ber.walk(data)), CardParseError)
    fails_closed(lambda: card_data_from(parse_dg13_fields(data), None), CardParseError)


@QUICK
@given(st.sampled_from(sorted(DG)).flatmap(lambda n: st.tuples(st.just(n), card_bytes(DG[n]))))
def test_data_groups(case: tuple[int, bytes]) -> None:
    _, data = case
    fails_closed(lambda: parse_dg1(data), CardParseError)
    fails_closed(lambda: parse_dg2(data), CardParseError)
    fails_closed(lambda: parse_dg14(data).aa_hash, CardParseError)
    fails_closed(lambda: parse_dg15(data), CardParseError)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(card_bytes(SOD))
def test_sod(data: bytes) -> None:
    fails_closed(lambda: passive.parse_sod(data).dg_hashes, CardParseError)
    fails_closed(lambda: passive.parse_sod(data).certificates, CardParseError)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert passive.verify(data, DG, TRUST).status in ("verified", "chain_unverified", "failed")


@TEXT_FUZZ
@given(st.one_of(swap_chars(CITIZEN.mrz(), "0123456789ABCXYZ<«aé " + ODD_DIGITS), st.text(max_size=100)))
@example("I" + "²" * 89)
def test_mrz(text: str) -> None:
    fails_closed(lambda: parse_td1(text), CardParseError)
    fails_closed(lambda: keys.from_mrz(text), CardParseError)


DATE_TEXT = st.one_of(
    st.builds(lambda d, m, y: f"{d:02d}{m:02d}{y:04d}", st.integers(0, 39), st.integers(0, 19), st.integers(0, 9999)),
    st.text(st.sampled_from("0123456789/-" + ODD_DIGITS), max_size=10),
)


@TEXT_FUZZ
@given(st.tuples(DATE_TEXT, DATE_TEXT, st.booleans()), st.text(max_size=60))
@example(("01019995", "01012020", False), "")
def test_card_qr(dates: tuple[str, str, bool], noise: str) -> None:
    fields = CITIZEN.qr_text().split("|")
    fields[3], fields[6] = dates[0], dates[1]
    text = "|".join(fields) if not dates[2] else noise
    fails_closed(lambda: keys.from_qr(text), CardParseError)
    fails_closed(lambda: keys.from_qr(text, today=date(2030, 1, 1)), CardParseError)


# -- core parsers -----------------------------------------------------------------------------------------------
AMOUNTS = st.one_of(
    st.sampled_from(["inf", "-inf", "nan", "NaN", "-5", "1e400", "9" * 14, "20000.5", "٣٠٠٠", "²", " 5", "+5", ""]),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**20), 10**20).map(str),
)


@TEXT_FUZZ
@given(AMOUNTS)
def test_vietqr_amounts_fail_closed(amount: str) -> None:
    body = VIETQR[:-8].replace("540520000", f"54{len(amount):02d}{amount}")
    try:
        parsed = parse_payload(with_crc(body))
    except VietQRError:
        return
    assert parsed.amount is not None and 0 <= parsed.amount < 10**13 and str(parsed.amount) in amount


@TEXT_FUZZ
@given(st.one_of(
    swap_chars(VIETQR[:-8], "0123456789ABCXYZ. -é\x00" + ODD_DIGITS).map(with_crc),
    swap_chars(VIETQR, "0123456789ABCDEF" + ODD_DIGITS),
    st.text(max_size=300),
    st.binary(max_size=50),
    st.none(),
))
def test_vietqr_payloads(payload: Any) -> None:
    fails_closed(lambda: parse_payload(payload), VietQRError)


@pytest.mark.parametrize("amount", [math.inf, math.nan, -1, 10**13, True, 1.5, "20000"])
def test_vietqr_refuses_bad_amounts_when_building(amount: Any) -> None:
    with pytest.raises(VietQRError):
        build_payload("970436", "0011001234567", amount)


@TEXT_FUZZ
@given(
    st.one_of(st.text(st.sampled_from("0123456789 .-" + ODD_DIGITS), max_size=20), st.text(max_size=80), st.none(),
              st.integers(), st.binary(max_size=12)),
    st.one_of(st.none(), st.dates(), st.text(max_size=5)),
)
@example("٠٠١٠٩٣٠٤٧٠٦٤", None)
def test_id_number(text: Any, dob: Any) -> None:
    try:
        info = parse_id_number(text, dob)
    except InvalidIdNumber:
        return
    assert info.number.isascii() and len(info.number) == 12


@TEXT_FUZZ
@given(st.one_of(
    st.text(st.sampled_from("0123456789+-() ext.;#*" + ODD_DIGITS), max_size=25), st.text(max_size=40), st.none(),
    st.integers(), st.binary(max_size=12),
))
def test_phone(text: Any) -> None:
    try:
        e164 = normalise_phone(text)
    except InvalidPhone:
        return
    assert e164.startswith("+") and e164[1:].isdigit()


@TEXT_FUZZ
@given(st.one_of(st.text(max_size=120), st.binary(max_size=120), st.none(), st.integers(),
                 swap_chars("000.00.06.H56-261125-0001", "0123456789.-HA " + ODD_DIGITS)))
def test_scanner_text_and_dossier_codes(value: Any) -> None:
    fails_closed(lambda: clean_scan(value), InputRejected)
    fails_closed(lambda: scanned_dossier_code(value), InputRejected)
    if isinstance(value, str):
        fails_closed(lambda: parse_code(value), DossierCodeError)


@TEXT_FUZZ
@given(st.one_of(st.text(max_size=40), st.datetimes().map(lambda d: d.isoformat()),
                 st.sampled_from(["9999-12-31T23:59:00-12:00", "0001-01-01T00:00+14:00", "\x00", "2026-13-01 09:00"])))
def test_received_time(text: str) -> None:
    fails_closed(lambda: parse_local(text), ValueError)


# -- the procedures' e-forms (citizen input at the kiosk) -------------------------------------------------------
def _form_procedures() -> list[Any]:
    from kiosk.core.catalogue import load_catalogue

    return list(load_catalogue().all_versions())


PROCEDURES = _form_procedures()
FIELD_VALUES = st.one_of(
    st.text(max_size=60), st.sampled_from(["nan", "inf", "-inf", "1e999", "٣٠", "29/02/2027", "9999-12-31", "0"]),
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
)


@TEXT_FUZZ
@given(st.integers(0, len(PROCEDURES) - 1), st.data())
def test_eforms_check_any_values_and_keep_only_finite_numbers(index: int, data: st.DataObject) -> None:
    import json

    from kiosk.core.catalogue_forms import check_form

    proc = PROCEDURES[index]
    values = {f.name: data.draw(FIELD_VALUES) for f in proc.form}
    result = check_form(proc, values, today=date(2026, 11, 25))
    for name, value in result.values.items():  # what is accepted must store as strict JSON
        if name not in result.errors:
            json.dumps(value, default=str, allow_nan=False)

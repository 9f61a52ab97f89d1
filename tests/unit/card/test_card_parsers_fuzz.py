"""Every card parser fails closed: on any input it returns or raises the card package's own
:class:`~kiosk.devices.card.errors.CardParseError` (BerError, DataGroupError, MrzError, SodError,
KeySourceError are its subclasses) — never RecursionError, a plain ValueError, IndexError… — and
``passive.verify`` never raises at all. Inputs: random bytes, valid files with random edits, deeply nested
BER, MRZ and card-QR text with non-ASCII digits and impossible dates. About 5,700 examples in all."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.devices.card import ber, keys, passive
from kiosk.devices.card.chipauth import chip_key
from kiosk.devices.card.datagroups import (
    build_dg1,
    build_dg13,
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
from kiosk.devices.card.virtual.profile import TestPki, build_profile, build_sod

CITIZEN = demo_citizen()
PKI = TestPki.generate()
PROFILE = build_profile(CITIZEN, b"\xff\xd8\xff\xe0" + bytes(300) + b"\xff\xd9", PKI, with_dg15=True, with_ca=True)
FILES = {"DG1": PROFILE.files[0x0101], "DG2": PROFILE.files[0x0102], "DG13": PROFILE.files[0x010D],
         "DG14": PROFILE.files[0x010E], "DG15": PROFILE.files[0x010F], "SOD": PROFILE.files[0x011D]}
DGS = {1: FILES["DG1"], 2: FILES["DG2"], 13: FILES["DG13"], 14: FILES["DG14"], 15: FILES["DG15"]}
TRUST = [PKI.csca_cert]
FAST = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _fails_closed(fn: Callable[[], Any]) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cryptography's deprecation notes on odd certificates
            fn()
    except CardParseError:
        pass


# -- strategies ------------------------------------------------------------------------------------------
@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """``base`` with a few random flips, insertions, deletions, truncation or a rewritten length byte."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(("flip", "set", "insert", "delete", "truncate")))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            data[i] = draw(st.sampled_from((0x00, 0x30, 0x31, 0x7F, 0x80, 0x81, 0x84, 0x85, 0xFF)))
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[i : i + draw(st.integers(1, 8))]
        else:
            del data[i:]
    return bytes(data)


@st.composite
def nested(draw: st.DrawFn) -> bytes:
    """BER nested up to 1,500 deep (constructed SEQUENCE/SET/context tags around a leaf), possibly wrapped
    as a DG13 field, to catch recursion."""
    depth = draw(st.integers(1, 1500))
    value = ber.tlv(0x0C, draw(st.binary(max_size=4)))
    tag = draw(st.sampled_from((0x30, 0x31, 0xA0)))
    for _ in range(depth):
        value = ber.tlv(tag, value)
    if draw(st.booleans()):
        field = ber.tlv(0x30, ber.tlv(0x02, b"\x02") + value)
        value = ber.tlv(0x6D, ber.tlv(0x30, ber.tlv(0x02, b"\x01") + ber.tlv(0x31, field)))
    return value


ANY_BYTES = st.one_of(st.binary(max_size=600), nested(), *(mutated(b) for b in FILES.values()))
ODD_DIGITS = "²³¹٣۴੫०𝟗①⁹"
MRZ_CHARS = st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<«" + ODD_DIGITS + "aé ")


@st.composite
def mrz_text(draw: st.DrawFn) -> str:
    good = CITIZEN.mrz()
    if draw(st.booleans()):
        return draw(st.text(MRZ_CHARS, max_size=100))
    chars = list(good)
    for _ in range(draw(st.integers(1, 4))):
        chars[draw(st.integers(0, len(chars) - 1))] = draw(MRZ_CHARS)
    return "".join(chars)


def _ddmmyyyy(draw: st.DrawFn) -> str:
    return draw(st.one_of(
        st.builds(lambda d, m, y: f"{d:02d}{m:02d}{y:04d}", st.integers(0, 39), st.integers(0, 19),
                  st.integers(0, 9999)),
        st.text(st.sampled_from("0123456789" + ODD_DIGITS + "/-"), min_size=0, max_size=10),
    ))


@st.composite
def qr_text(draw: st.DrawFn) -> str:
    fields = CITIZEN.qr_text().split("|")
    if draw(st.booleans()):
        fields[3] = _ddmmyyyy(draw)
    if draw(st.booleans()):
        fields[6] = _ddmmyyyy(draw)
    if draw(st.booleans()):
        fields[0] = draw(st.text(st.sampled_from("0123456789" + ODD_DIGITS), min_size=11, max_size=13))
    if draw(st.booleans()):
        fields.append(_ddmmyyyy(draw))
    if draw(st.integers(0, 9)) == 0:
        return draw(st.text(max_size=80))
    return "|".join(fields)


# -- the properties ----------------------------------------------------------------------------------------
def test_the_seed_files_are_valid() -> None:
    """The mutations start from files that parse and verify (otherwise the fuzzing proves little)."""
    assert parse_dg1(FILES["DG1"]).id_number == CITIZEN.id_number
    assert parse_dg13_fields(FILES["DG13"])[2] == CITIZEN.full_name
    assert parse_dg14(FILES["DG14"]).aa_hash == "sha256" and parse_dg15(FILES["DG15"])
    assert chip_key(parse_dg14(FILES["DG14"])) is not None
    assert parse_dg2(FILES["DG2"]).startswith(b"\xff\xd8")
    assert passive.verify(FILES["SOD"], DGS, TRUST).status == "verified"


@FAST
@given(ANY_BYTES)
def test_ber(data: bytes) -> None:
    _fails_closed(lambda: ber.read_tlv(data))
    _fails_closed(lambda: list(ber.iter_tlvs(data)))
    _fails_closed(lambda: list(ber.walk(data)))
    _fails_closed(lambda: ber.header_length(data))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ANY_BYTES)
def test_data_groups(data: bytes) -> None:
    _fails_closed(lambda: parse_dg1(data))
    _fails_closed(lambda: parse_dg2(data))
    _fails_closed(lambda: card_data_from(parse_dg13_fields(data), None))
    _fails_closed(lambda: parse_dg14(data).aa_hash)
    _fails_closed(lambda: chip_key(parse_dg14(data)))
    _fails_closed(lambda: parse_dg15(data))


@FAST
@given(st.one_of(nested(), mutated(FILES["DG13"]), mutated(build_dg13({2: "Tên", 13: ["A", None], 20: ("flat", ["x"])}))))
def test_dg13_deep_or_damaged(data: bytes) -> None:
    _fails_closed(lambda: card_data_from(parse_dg13_fields(data), None))


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(mutated(FILES["SOD"]), st.binary(max_size=400)))
def test_sod_parse_and_verify_never_raise(data: bytes) -> None:
    _fails_closed(lambda: passive.parse_sod(data).dg_hashes)
    _fails_closed(lambda: passive.parse_sod(data).certificates)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = passive.verify(data, DGS, TRUST)  # documented never to raise: no _fails_closed here
    assert out.status in ("verified", "chain_unverified", "failed")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.dictionaries(st.sampled_from(sorted(DGS)), ANY_BYTES, max_size=3))
def test_verify_with_damaged_data_groups(changed: dict[int, bytes]) -> None:
    dgs = {**DGS, **changed}
    out = passive.verify(FILES["SOD"], dgs, TRUST)
    assert out.status == ("verified" if dgs == DGS else "failed")


@settings(max_examples=1000, deadline=None)
@given(mrz_text())
def test_mrz(text: str) -> None:
    _fails_closed(lambda: parse_td1(text))
    _fails_closed(lambda: parse_td1(text, verify=False).id_number)
    _fails_closed(lambda: keys.from_mrz(text))
    _fails_closed(lambda: parse_dg1(build_dg1(text) if text.isascii() else text.encode()))


@settings(max_examples=600, deadline=None)
@given(qr_text())
def test_card_qr(text: str) -> None:
    _fails_closed(lambda: keys.from_qr(text))
    _fails_closed(lambda: keys.from_qr(text, today=date(2030, 1, 1)))


@FAST
@given(st.text(st.sampled_from("0123456789" + ODD_DIGITS + " -"), max_size=14),
       st.one_of(st.dates(), st.text(max_size=12)), st.one_of(st.none(), st.dates(), st.text(max_size=12)))
def test_typed_key(id_text: str, dob: Any, expiry: Any) -> None:
    _fails_closed(lambda: keys.from_typed(id_text, dob, expiry))


def test_known_crashes_are_own_errors() -> None:
    """The inputs of issue 14: DG13 nested 1,200 deep, a QR born in 9990+, an MRZ with '²'."""
    deep = ber.tlv(0x0C, b"x")
    for _ in range(1200):
        deep = ber.tlv(0x30, deep)
    dg13 = ber.tlv(0x6D, ber.tlv(0x31, ber.tlv(0x30, ber.tlv(0x02, b"\x02") + deep)))
    for fn in (
        lambda: parse_dg13_fields(dg13),
        lambda: keys.from_qr("001190012345||A|12039995|Nữ|Hà Nội|15042021"),
        lambda: keys.from_qr("001190012345||A|12031990|Nữ|Hà Nội|15049999"),
        lambda: keys.from_typed("001190012345", "9995-01-01"),
        lambda: parse_td1(CITIZEN.mrz()[:40] + "²" + CITIZEN.mrz()[41:]),
        lambda: list(ber.walk(deep)),
    ):
        try:
            fn()
        except CardParseError:
            continue
        raise AssertionError("expected the card package's own error")
    sod = build_sod({1: FILES["DG1"]}, PKI)
    assert passive.verify(sod.replace(b"Kiosk Test Document Signer", b"Kiosk Test Document Signe\xff"),
                          {1: FILES["DG1"]}, TRUST).status in ("failed", "chain_unverified")

"""Hypothesis fuzzing of the untrusted-input helpers and the dossier-code parser: any input gives a clean
result or a clean, typed error - never another exception."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.codes import DossierCodeError, format_code, parse_code
from kiosk.core.sanitize import InputRejected, clean_scan, clean_text, scanned_dossier_code

# codes are read back as 20yy: any day of this century round-trips
DAYS = st.dates(date(2000, 1, 1), date(2099, 12, 31))
AGENCY = st.from_regex(r"\A\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}\Z")
ANY_TEXT = st.text(alphabet=st.characters(codec=None), max_size=300)
FUZZ = settings(max_examples=300, deadline=None)


@FUZZ
@given(ANY_TEXT, st.integers(1, 250), st.booleans())
def test_clean_text_total(value: str, max_len: int, newlines: bool) -> None:
    try:
        out = clean_text(value, max_len=max_len, allow_newlines=newlines)
    except InputRejected as exc:
        assert exc.vi and exc.en
        return
    assert len(out) <= max_len
    assert out == out.strip() and unicodedata.is_normalized("NFC", out)
    for ch in out:
        cat = unicodedata.category(ch)
        assert cat not in ("Cc", "Cs", "Co") or (newlines and ch in "\n\t")


@FUZZ
@given(st.one_of(ANY_TEXT, st.binary(max_size=600), st.none(), st.integers()))
def test_clean_scan_total(value: object) -> None:
    try:
        out = clean_scan(value)
    except InputRejected:
        return
    assert 0 < len(out) <= 512 and "\r" not in out and "\n" not in out


@FUZZ
@given(ANY_TEXT)
def test_parse_code_total(text: str) -> None:
    try:
        code = parse_code(text)
    except DossierCodeError:
        return
    if code.seq <= 9999 and code.day.year >= 2000:
        assert parse_code(str(code)) == code


@FUZZ
@given(AGENCY, DAYS, st.integers(1, 9999))
def test_code_round_trip(agency: str, day: date, seq: int) -> None:
    code = format_code(agency, day, seq)
    assert parse_code(code) == parse_code(f"  {code}\n")
    parsed = parse_code(code)
    assert (parsed.agency, parsed.day, parsed.seq) == (agency, day, seq)
    assert scanned_dossier_code(code + "\r\n") == parsed


@FUZZ
@given(AGENCY, DAYS, st.integers(1, 9999), st.integers(0, 30),
       st.characters(codec=None))
def test_mutated_codes_never_crash(agency: str, day: date, seq: int, pos: int, ch: str) -> None:
    code = format_code(agency, day, seq)
    i = pos % (len(code) + 1)
    for mutated in (code[:i] + ch + code[i:], code[:i] + code[i + 1 :], code[:i] + ch + code[i + 1 :]):
        try:
            scanned_dossier_code(mutated)
        except InputRejected:
            pass


@pytest.mark.parametrize(
    "bad",
    ["abc\x00def", "a\x1b[31mred", "evil\u202egnp.exe", "zero\u200bwidth", "x" * 201, "\ud800", "tab\there"],
)
def test_rejected_examples(bad: str) -> None:
    with pytest.raises(InputRejected):
        clean_text(bad)


def test_vietnamese_is_normalised_and_kept() -> None:
    decomposed = unicodedata.normalize("NFD", "  Nguyễn Thị Hương ")
    assert clean_text(decomposed) == "Nguyễn Thị Hương"
    assert clean_text("Dòng 1\r\nDòng 2", allow_newlines=True, max_len=50) == "Dòng 1\nDòng 2"
    with pytest.raises(InputRejected):
        clean_text("", required=True)

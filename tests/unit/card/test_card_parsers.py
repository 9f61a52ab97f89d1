"""MRZ check digits, key derivation from QR/MRZ/typed data, DG1/DG2/DG13 parsing edge cases, and
hypothesis fuzzing: every parser either succeeds or raises its one clean error type."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.devices.card import bac, keys
from kiosk.devices.card.ber import BerError, iter_tlvs, read_tlv, tlv
from kiosk.devices.card.datagroups import (
    DataGroupError,
    build_dg1,
    build_dg2,
    build_dg13,
    card_data_from,
    parse_dg1,
    parse_dg2,
    parse_dg13_fields,
    parse_vn_date,
)
from kiosk.devices.card.mrz import MrzError, check_digit, parse_td1

MRZ1 = "IDVNM0930470641001093047064<<2" "9301054M3301052VNM<<<<<<<<<<<8" "UNG<<HOANG<HIEP<<<<<<<<<<<<<<<"
MRZ2 = "IDVNM0910055134051091005513<<0" "9101014M3101012VNM<<<<<<<<<<<8" "DINH<<DUY<TAN<<<<<<<<<<<<<<<<<"


# -- MRZ ----------------------------------------------------------------------------------------------
def test_check_digits_of_public_samples() -> None:
    assert check_digit("093047064") == "1"
    assert check_digit("930105") == "4"
    assert check_digit("330105") == "2"
    assert check_digit("001093047064") == "2"
    assert check_digit("L898902C<") == "3"
    assert check_digit("690806") == "1"
    assert check_digit("940623") == "6"


@pytest.mark.parametrize("text", [MRZ1, MRZ2])
def test_parse_td1_samples(text: str) -> None:
    td = parse_td1(text)
    assert td.document_number == td.id_number[-9:]
    assert td.nationality == "VNM"


def test_parse_td1_accepts_three_lines_and_rejects_bad_check_digit() -> None:
    td = parse_td1("\n".join([MRZ1[0:30], MRZ1[30:60], MRZ1[60:90]]).lower())
    assert td.id_number == "001093047064" and td.name == "UNG HOANG HIEP"
    bad = MRZ1[:14] + "2" + MRZ1[15:]
    with pytest.raises(MrzError) as err:
        parse_td1(bad)
    assert "093047064" not in str(err.value)


def test_bac_mrz_information_for_cccd() -> None:
    assert bac.mrz_information("093047064", "930105", "330105") == "093047064193010543301052"


# -- key sources --------------------------------------------------------------------------------------
QR = "001093047064|012345678|Ứng Hoàng Hiệp|05011993|Nam|Hà Nội|15042021"


def test_key_from_qr() -> None:
    k = keys.from_qr(QR + "\r\n")
    assert k.id_number == "001093047064" and k.can == "047064" and k.birth == "930105"
    assert k.expiry_candidates == ["330105", "530105", "991231"]
    cands = k.bac_candidates()
    assert cands[0] == keys.BacCandidate("093047064", "930105", "330105")
    assert len(cands) <= keys.MAX_ATTEMPTS
    assert "001093047064" not in repr(k)


def test_key_from_qr_with_eighth_field_and_empty_old_id() -> None:
    k = keys.from_qr("001093047064||A|05011993|Nam|x|15042021|05012033")
    assert k.expiry_candidates[0] == "330105"


@pytest.mark.parametrize(
    "bad",
    ["", "a|b", "00109304706|x|A|05011993|Nam|x|15042021", "001093047064|x|A|05011993|Nam|x|15042021",
     "001093047064||A|32011993|Nam|x|15042021", "001093047064||A|0501199|Nam|x|15042021"],
)
def test_key_from_bad_qr(bad: str) -> None:
    with pytest.raises(keys.KeySourceError):
        keys.from_qr(bad)


def test_key_from_mrz_uses_exact_expiry() -> None:
    k = keys.from_mrz(MRZ1)
    assert k.bac_candidates() == [keys.BacCandidate("093047064", "930105", "330105")]
    assert k.can == "047064"


def test_key_from_typed() -> None:
    k = keys.from_typed("001093047064", "1993-01-05", today=date(2026, 1, 1))
    assert k.expiry_candidates == ["330105", "530105", "991231"]
    assert keys.from_typed("001093047064", "1993-01-05", "2033-01-05").expiry_candidates == ["330105"]
    with pytest.raises(keys.KeySourceError):
        keys.from_typed("12345", "1993-01-05")
    with pytest.raises(keys.KeySourceError):
        keys.from_typed("001093047064", "05/01/1993")


@pytest.mark.parametrize(
    ("dob", "issued", "expected_first"),
    [
        (date(1993, 1, 5), date(2021, 4, 15), "330105"),  # issued at 28 → valid to 40
        (date(1997, 3, 5), date(2021, 4, 15), "370305"),  # issued at 24, within 2 years of 25 → to 40
        (date(2000, 6, 1), date(2021, 4, 15), "250601"),  # issued at 20 → to 25
        (date(1962, 3, 5), date(2021, 4, 15), "991231"),  # issued at 59 → no expiry
        (date(1970, 3, 5), date(2021, 4, 15), "300305"),  # issued at 51 → to 60
    ],
)
def test_expiry_candidates_rules(dob: date, issued: date, expected_first: str) -> None:
    cands = keys.expiry_candidates(dob, issued)
    assert cands[0] == expected_first
    assert cands[-1] == "991231" and len(cands) <= 3


def test_expiry_candidates_leap_day() -> None:
    assert keys.expiry_candidates(date(1992, 2, 29), date(2021, 1, 1))[0] == "320229"


# -- DG1 / DG2 ----------------------------------------------------------------------------------------
def test_dg1_round_trip() -> None:
    td = parse_dg1(build_dg1(MRZ1))
    assert td.text == MRZ1


def test_dg2_extracts_jpeg() -> None:
    jpeg = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 10 + b"\xff\xd9"
    assert parse_dg2(build_dg2(jpeg)) == jpeg
    with pytest.raises(DataGroupError):
        parse_dg2(tlv(0x75, tlv(0x7F61, tlv(0x02, b"\x01"))))


# -- DG13 ---------------------------------------------------------------------------------------------
def _dg13(**over: object) -> bytes:
    fields: dict[int, object] = {
        1: ("P", "001190012345"), 2: "Nguyễn Thị Hương", 3: ("P", "12/03/1990"), 4: "Nữ", 5: "Việt Nam",
        6: "Kinh", 7: "Không", 8: "Thanh Hóa", 9: "Hà Nội", 10: "Nốt ruồi", 11: ("P", "15/04/2021"),
        12: "12/03/2030", 13: ["Nguyễn Văn Hùng", "Trần Thị Lan"], 14: None, 15: ("P", "013456789"),
    }
    fields.update({int(k[1:]): v for k, v in over.items()})
    return build_dg13(fields)


def test_dg13_full_parse() -> None:
    card = card_data_from(parse_dg13_fields(_dg13()), None)
    assert card.id_number == "001190012345"
    assert card.full_name == "Nguyễn Thị Hương"
    assert card.date_of_birth == date(1990, 3, 12) and card.date_of_issue == date(2021, 4, 15)
    assert card.date_of_expiry == date(2030, 3, 12)
    assert (card.father_name, card.mother_name) == ("Nguyễn Văn Hùng", "Trần Thị Lan")
    assert card.spouse_name is None and card.old_id_number == "013456789"
    assert "Hương" not in repr(card)


def test_dg13_parents_flat_nesting() -> None:
    card = card_data_from(parse_dg13_fields(_dg13(f13=("flat", ["Bố", "Mẹ"]))), None)
    assert (card.father_name, card.mother_name) == ("Bố", "Mẹ")


def test_dg13_parents_nested_with_absent_father() -> None:
    raw = build_dg13({13: [None, "Trần Thị Lan"]})
    card = card_data_from(parse_dg13_fields(raw), None)
    assert card.father_name is None and card.mother_name == "Trần Thị Lan"


def test_dg13_no_expiry_text_and_unknown_fields_and_spouse() -> None:
    raw = _dg13(f12="Không thời hạn", f14=["Lê Văn Nam"], f16=("P", "ABCDEF0123456789"), f21="mới")
    fields = parse_dg13_fields(raw)
    card = card_data_from(fields, None)
    assert card.date_of_expiry == "Không thời hạn"
    assert card.spouse_name == "Lê Văn Nam"
    assert card.extra_fields == {16: "ABCDEF0123456789", 21: "mới"}


def test_dg13_absent_value_is_integer_only() -> None:
    entry = bytes.fromhex("3003 02010E".replace(" ", ""))
    raw = tlv(0x6D, tlv(0x30, tlv(0x02, b"\x01") + bytes.fromhex("060628D316010008") + tlv(0x31, entry)))
    assert parse_dg13_fields(raw) == {14: None}


def test_dg13_nfc_normalises_decomposed_text() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hương")
    card = card_data_from(parse_dg13_fields(build_dg13({2: decomposed})), None)
    assert card.full_name == "Nguyễn Thị Hương" and unicodedata.is_normalized("NFC", card.full_name)


def test_dg13_without_outer_sequence_and_partial_dates() -> None:
    entries = tlv(0x30, tlv(0x02, b"\x03") + tlv(0x13, b"xx/xx/1950")) + tlv(0x30, tlv(0x02, b"\x02") + tlv(0x0C, "Lê".encode()))
    raw = tlv(0x6D, tlv(0x31, entries))
    card = card_data_from(parse_dg13_fields(raw), None)
    assert card.full_name == "Lê" and card.date_of_birth == "xx/xx/1950"


def test_vn_date_parsing() -> None:
    assert parse_vn_date("01/02/2003") == date(2003, 2, 1)
    assert parse_vn_date("31/02/2003") == "31/02/2003"
    assert parse_vn_date(None) is None


def test_dg1_fills_gaps_when_dg13_absent() -> None:
    card = card_data_from(None, parse_td1(MRZ1))
    assert card.id_number == "001093047064" and card.date_of_birth == date(1993, 1, 5)
    assert card.sex == "Nam" and card.mrz and card.mrz.count("\n") == 2


# -- fuzzing ------------------------------------------------------------------------------------------
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_ber(data: bytes) -> None:
    try:
        for t in iter_tlvs(data):
            if t.constructed:
                t.children()
    except BerError:
        pass


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_dg13_bytes(data: bytes) -> None:
    for raw in (data, b"\x6d" + bytes([min(len(data), 127)]) + data[:127]):
        try:
            card_data_from(parse_dg13_fields(raw), None)
        except DataGroupError:
            pass


@FUZZ
@given(st.dictionaries(st.integers(1, 40), st.one_of(st.none(), st.text(max_size=30), st.lists(st.one_of(st.none(), st.text(min_size=1, max_size=10)), max_size=3)), max_size=12))
def test_fuzz_dg13_structures(fields: dict[int, object]) -> None:
    parsed = parse_dg13_fields(build_dg13(fields))
    assert set(parsed) == set(fields)


@FUZZ
@given(st.text(max_size=200))
def test_fuzz_qr(text: str) -> None:
    try:
        keys.from_qr(text)
    except keys.KeySourceError:
        pass


@FUZZ
@given(st.text(alphabet="0123456789|ABCXYZ< /", max_size=120))
def test_fuzz_qr_shaped(text: str) -> None:
    try:
        keys.from_qr(text)
    except keys.KeySourceError:
        pass


@FUZZ
@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<\n ", max_size=100))
def test_fuzz_mrz(text: str) -> None:
    try:
        keys.from_mrz(text)
    except keys.KeySourceError:
        pass


@FUZZ
@given(st.binary(max_size=200))
def test_fuzz_dg1_dg2(data: bytes) -> None:
    for parser, tag in ((parse_dg1, 0x61), (parse_dg2, 0x75)):
        try:
            parser(tlv(tag, data))
        except DataGroupError:
            pass
        try:
            read_tlv(data)
            parser(data)
        except (DataGroupError, BerError):
            pass

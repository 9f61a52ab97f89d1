"""VietQR payloads against independently published strings and CRC-16/CCITT-FALSE check values."""

from __future__ import annotations

import pytest

from kiosk.core import vietqr

# Published by payOS (a NAPAS payment intermediary) in a public order table: bank BIN 970422, virtual
# account VQRQADAIJ5512, 7 000 đồng, purpose "TL89 100" (the URL-encoded %20 is a space).
PAYOS_SAMPLE = (
    "00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIBFTTA"
    "5303704540470005802VN62120808TL89 1006304E346"
)
# From the README of the Go package thanhtinhpas1/vietqr-parser (a static QR, Vietcombank BIN 970436).
PARSER_README_SAMPLE = (
    "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60"
)
# A card-transfer (QRIBFTTC) string with its published CRC "A203" (a PHP project's unit test).
CARD_SAMPLE_BODY = (
    "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC"
    "530370454061800005802VN62340107NPS68690819thanh toan don hang6304"
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"123456789", 0x29B1), (b"", 0xFFFF), (b"A", 0xB915), (CARD_SAMPLE_BODY.encode(), 0xA203)],
)
def test_crc16_ccitt_false_check_values(data: bytes, expected: int) -> None:
    assert vietqr.crc16_ccitt(data) == expected


def test_builder_reproduces_published_payos_string() -> None:
    built = vietqr.build_payload("970422", "VQRQADAIJ5512", 7000, purpose="TL89 100")
    assert built == PAYOS_SAMPLE


def test_static_payload_has_no_amount_and_initiation_11() -> None:
    built = vietqr.build_payload("970415", "113366668888")
    assert built.startswith("000201010211")
    assert "0010A000000727" in built and "012600069704150112113366668888" in built
    assert "54" not in vietqr.split_tlv(built[:-8])
    assert vietqr.verify_crc(built)


def test_dossier_payload_round_trip() -> None:
    code = "000.00.06.H56-231027-0361"
    payload = vietqr.dossier_payment_payload("970415", "113366668888", 1_500_000, code)
    info = vietqr.parse_payload(payload)
    assert info.initiation == "12"
    assert (info.bank_bin, info.account, info.service) == ("970415", "113366668888", "QRIBFTTA")
    assert info.amount == 1_500_000 and info.currency == "704" and info.country == "VN"
    assert info.bill_number == code and info.purpose == code


@pytest.mark.parametrize("sample", [PAYOS_SAMPLE, PARSER_README_SAMPLE])
def test_parser_accepts_published_strings(sample: str) -> None:
    info = vietqr.parse_payload(sample)
    assert info.bank_bin in {"970422", "970436"}
    assert info.service == "QRIBFTTA"


def test_parser_rejects_bad_crc_and_non_napas() -> None:
    with pytest.raises(vietqr.VietQRError):
        vietqr.parse_payload(PAYOS_SAMPLE[:-1] + "0")
    other = vietqr.with_crc("000201010211" + vietqr.tlv("38", vietqr.tlv("00", "A000000999")) + "5802VN")
    with pytest.raises(vietqr.VietQRError, match="NAPAS"):
        vietqr.parse_payload(other)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"bank_bin": "97041", "account": "1"},
        {"bank_bin": "970415", "account": "12-34"},
        {"bank_bin": "970415", "account": "1", "amount": -5},
        {"bank_bin": "970415", "account": "1", "purpose": "Lệ phí"},
        {"bank_bin": "970415", "account": "1", "bill_number": "x" * 26},
    ],
)
def test_builder_rejects_bad_input(kwargs: dict) -> None:
    with pytest.raises(vietqr.VietQRError):
        vietqr.build_payload(**kwargs)

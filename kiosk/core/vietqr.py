"""VietQR payment payloads (EMVCo merchant-presented QR, NAPAS profile) for fee-bearing dossiers.

Why this module exists: the kiosk shows and prints a QR that any Vietnamese banking app can scan to pay a
dossier's fee straight into the agency's account, with the dossier code in the transfer so the payment can
be matched.  The payload is a plain TLV string (ID two digits, length two digits, value) ending with a
CRC16/CCITT-FALSE checksum, so it is built here in pure Python with no network and no vendor API.

Layout produced (IDs in order, as NAPAS and the EMVCo merchant-presented spec list them)::

    00 "01"                     payload format indicator
    01 "11" | "12"              point of initiation: static (no amount) / dynamic (amount set)
    38 { 00 A000000727          NAPAS GUID
         01 { 00 BIN, 01 account }   beneficiary organisation
         02 QRIBFTTA }          service: inter-bank fund transfer to an account
    53 "704"                    currency (VND)
    54 amount                   in đồng, integer, only when dynamic
    58 "VN"                     country
    62 { 01 bill number, 08 purpose }   additional data: the dossier code
    63 CRC                      CRC16 over everything before it, including "6304"

:func:`parse_payload` reads any such string back (also third-party ones) and checks the CRC, so tests and
the staff screen can round-trip what was printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
SERVICE_TO_CARD = "QRIBFTTC"
CURRENCY_VND = "704"
COUNTRY_VN = "VN"
POI_STATIC = "11"
POI_DYNAMIC = "12"
_MAX_ADDITIONAL = 25  # EMVCo: bill number / purpose are "ans", up to 25 characters
_ANS = re.compile(r"^[\x20-\x7e]*$")  # printable ASCII: bank apps choke on anything else
_TWO_DIGITS = re.compile(r"[0-9]{2}")  # ASCII only: str.isdigit() also accepts "²" and other scripts' digits
# EMVCo ID 54: up to 13 characters, digits with an optional decimal point; đồng have no minor unit
_AMOUNT = re.compile(r"[0-9]{1,13}(?:\.0{0,2})?")
MAX_PAYLOAD = 512  # a VietQR string is a few hundred characters at most


class VietQRError(ValueError):
    """The payload cannot be built, or a scanned string is not a valid VietQR payload."""


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _crc_table()


def crc16_ccitt(data: bytes | str, crc: int = 0xFFFF) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR (table-driven)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC_TABLE[(crc >> 8) ^ byte]
    return crc


def tlv(tag: str, value: str) -> str:
    """One data object: two-digit ID, two-digit length, value (length counted in characters)."""
    if not _TWO_DIGITS.fullmatch(tag):
        raise VietQRError(f"bad tag {tag!r}")
    if len(value) > 99:
        raise VietQRError(f"value of tag {tag} longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def with_crc(body: str) -> str:
    """Append ID 63 with the checksum computed over the body plus "6304"."""
    head = body + "6304"
    return head + f"{crc16_ccitt(head):04X}"


@dataclass(frozen=True, slots=True)
class VietQRPayment:
    """What a payload carries, as read back by :func:`parse_payload`."""

    bank_bin: str
    account: str
    service: str
    amount: int | None
    currency: str
    country: str
    initiation: str
    bill_number: str | None = None
    purpose: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  # other root IDs, e.g. 59 merchant name


def _check_ans(name: str, value: str, limit: int) -> str:
    if not value:
        raise VietQRError(f"{name} is empty")
    if len(value) > limit:
        raise VietQRError(f"{name} longer than {limit} characters")
    if not _ANS.fullmatch(value):
        raise VietQRError(f"{name} must be plain ASCII (no diacritics)")
    return value


def build_payload(
    bank_bin: str,
    account: str,
    amount: int | None = None,
    *,
    bill_number: str | None = None,
    purpose: str | None = None,
    service: str = SERVICE_TO_ACCOUNT,
) -> str:
    """The VietQR string for a transfer to ``account`` at the bank ``bank_bin`` (6-digit NAPAS BIN).

    ``amount`` in đồng makes the QR dynamic (ID 01 = "12"); None or 0 leaves the amount to the payer
    (static, "11").  ``bill_number`` and ``purpose`` go into ID 62 (sub-IDs 01 and 08).
    """
    if not re.fullmatch(r"\d{6}", bank_bin or ""):
        raise VietQRError("bank BIN must be 6 digits")
    if not re.fullmatch(r"[0-9A-Za-z]{1,19}", account or ""):
        raise VietQRError("account must be 1-19 letters or digits")
    if service not in (SERVICE_TO_ACCOUNT, SERVICE_TO_CARD):
        raise VietQRError(f"unknown service code {service!r}")
    if amount is not None and (
        not isinstance(amount, int) or isinstance(amount, bool) or amount < 0 or amount > 10**13 - 1
    ):
        raise VietQRError("amount must be a whole, non-negative number of đồng")
    dynamic = bool(amount)
    beneficiary = tlv("00", bank_bin) + tlv("01", account)
    merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", service)
    parts = [
        tlv("00", "01"),
        tlv("01", POI_DYNAMIC if dynamic else POI_STATIC),
        tlv("38", merchant),
        tlv("53", CURRENCY_VND),
    ]
    if dynamic:
        parts.append(tlv("54", str(amount)))
    parts.append(tlv("58", COUNTRY_VN))
    additional = ""
    if bill_number:
        additional += tlv("01", _check_ans("bill number", bill_number, _MAX_ADDITIONAL))
    if purpose:
        additional += tlv("08", _check_ans("purpose", purpose, _MAX_ADDITIONAL))
    if additional:
        parts.append(tlv("62", additional))
    return with_crc("".join(parts))


def dossier_payment_payload(bank_bin: str, account: str, amount: int, dossier_code: str) -> str:
    """The payload the kiosk prints for a dossier's fee: the code as bill number and as transfer purpose."""
    code = dossier_code[:_MAX_ADDITIONAL]
    return build_payload(bank_bin, account, amount, bill_number=code, purpose=code)


def split_tlv(data: str) -> dict[str, str]:
    """Split one TLV level into {ID: value}; raises VietQRError on a truncated or malformed string."""
    out: dict[str, str] = {}
    i = 0
    while i < len(data):
        if i + 4 > len(data):
            raise VietQRError(f"truncated data object at position {i}")
        tag, length = data[i : i + 2], data[i + 2 : i + 4]
        if not (_TWO_DIGITS.fullmatch(tag) and _TWO_DIGITS.fullmatch(length)):
            raise VietQRError(f"malformed data object at position {i}")
        n = int(length)
        value = data[i + 4 : i + 4 + n]
        if len(value) != n:
            raise VietQRError(f"data object {tag} shorter than its length {n}")
        out[tag] = value
        i += 4 + n
    return out


def verify_crc(payload: str) -> bool:
    """True when the string ends in "6304XXXX" and XXXX is the CRC of everything before it."""
    if not isinstance(payload, str) or len(payload) < 8 or payload[-8:-4] != "6304":
        return False
    try:
        return payload[-4:].upper() == f"{crc16_ccitt(payload[:-4]):04X}"
    except UnicodeEncodeError:  # a lone surrogate: not something a QR code carries
        return False


def parse_payload(payload: str) -> VietQRPayment:
    """Read a VietQR string back; raises VietQRError when it is not one (bad CRC, no NAPAS account, an amount
    that is not a whole non-negative number of đồng) - never any other exception, whatever the input."""
    if not isinstance(payload, str):
        raise VietQRError("not a text payload")
    if len(payload) > MAX_PAYLOAD:
        raise VietQRError(f"longer than {MAX_PAYLOAD} characters")
    if not verify_crc(payload):
        raise VietQRError("CRC check failed")
    root = split_tlv(payload[:-8])
    merchant_raw = root.get("38")
    if merchant_raw is None:
        raise VietQRError("no NAPAS merchant account information (ID 38)")
    merchant = split_tlv(merchant_raw)
    if merchant.get("00") != NAPAS_GUID:
        raise VietQRError("ID 38 is not a NAPAS (A000000727) account")
    beneficiary = split_tlv(merchant.get("01", ""))
    if "00" not in beneficiary or "01" not in beneficiary:
        raise VietQRError("beneficiary (BIN and account) missing")
    amount_raw = root.get("54")
    amount: int | None = None
    if amount_raw is not None:
        # float() would take "inf", "nan", "-5", "1e400" and "١٢": none is an amount of money
        if not _AMOUNT.fullmatch(amount_raw):
            raise VietQRError(f"bad amount {amount_raw[:20]!r}: a whole number of đồng, up to 13 digits")
        amount = int(amount_raw.split(".")[0])
    additional = split_tlv(root["62"]) if "62" in root else {}
    known = {"00", "01", "38", "53", "54", "58", "62"}
    return VietQRPayment(
        bank_bin=beneficiary["00"],
        account=beneficiary["01"],
        service=merchant.get("02", ""),
        amount=amount,
        currency=root.get("53", ""),
        country=root.get("58", ""),
        initiation=root.get("01", ""),
        bill_number=additional.get("01"),
        purpose=additional.get("08"),
        extra={k: v for k, v in root.items() if k not in known},
    )

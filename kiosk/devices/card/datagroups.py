"""Parsers for the data groups the kiosk uses: DG1 (MRZ), DG2 (face JPEG), DG13 (Vietnamese fields), DG15.

Why: the parsers walk the real BER structure keyed by tags and DG13 field numbers — never fixed offsets
or sample lengths, which break on other cards — and turn anything malformed into :class:`DataGroupError`.
Text is NFC-normalised; a DG13 date stays a date only when it is one (``dd/mm/yyyy``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .ber import MAX_DEPTH, BerError, Tlv, find, iter_tlvs, read_tlv, tlv
from .errors import CardParseError
from .model import CardData
from .mrz import MrzError, Td1, parse_td1

STRING_TAGS = {0x0C, 0x13, 0x16, 0x14, 0x1A, 0x04, 0x1E}


class DataGroupError(CardParseError):
    """A data group is malformed (the message never contains its content)."""


def _outer(data: bytes, tag: int, name: str) -> Tlv:
    try:
        t = read_tlv(data)
    except BerError as exc:
        raise DataGroupError(f"{name} is not valid BER") from exc
    if t.tag != tag:
        raise DataGroupError(f"{name} has an unexpected tag")
    return t


# -- DG1 -------------------------------------------------------------------------------------------
def parse_dg1(data: bytes) -> Td1:
    outer = _outer(data, 0x61, "DG1")
    try:
        mrz = find(outer.children(), 0x5F1F)
    except BerError as exc:
        raise DataGroupError("DG1 is not valid BER") from exc
    if mrz is None:
        raise DataGroupError("DG1 has no MRZ")
    try:
        return parse_td1(mrz.value.decode("ascii"), verify=False)
    except (MrzError, UnicodeDecodeError) as exc:
        raise DataGroupError("DG1 MRZ is not a TD1 MRZ") from exc


def build_dg1(mrz: str) -> bytes:
    return tlv(0x61, tlv(0x5F1F, mrz.encode("ascii")))


# -- DG2 -------------------------------------------------------------------------------------------
def _image_from_19794_5(block: bytes) -> bytes:
    if block[:4] == b"FAC\x00" and len(block) >= 46:
        feature_points = int.from_bytes(block[18 + 4 : 18 + 6], "big")
        start = 14 + 20 + 8 * feature_points + 12
        if block[start : start + 3] == b"\xff\xd8\xff" or block[start : start + 4] == b"\x00\x00\x00\x0c":
            return block[start:]
    for magic in (b"\xff\xd8\xff", b"\x00\x00\x00\x0cjP  ", b"\xff\x4f\xff\x51"):
        i = block.find(magic)
        if i >= 0:
            return block[i:]
    raise DataGroupError("DG2 holds no JPEG/JPEG 2000 image")


def parse_dg2(data: bytes) -> bytes:
    """The face image (JPEG or JPEG 2000 bytes) out of the ISO 19794-5 wrapper."""
    outer = _outer(data, 0x75, "DG2")
    try:
        group = find(outer.children(), 0x7F61)
        if group is None:
            raise DataGroupError("DG2 has no biometric group")
        for bit in group.children():
            if bit.tag == 0x7F60:
                body = find(bit.children(), 0x5F2E) or find(bit.children(), 0x7F2E)
                if body is not None:
                    return _image_from_19794_5(body.value)
    except BerError as exc:
        raise DataGroupError("DG2 is not valid BER") from exc
    raise DataGroupError("DG2 has no biometric data block")


def build_dg2(jpeg: bytes, width: int = 480, height: int = 640) -> bytes:
    """Wrap a JPEG as ICAO DG2 / ISO 19794-5 (virtual card profiles)."""
    image_info = bytes([1, 0]) + width.to_bytes(2, "big") + height.to_bytes(2, "big") + bytes([1, 2]) + bytes(4)
    face_len = 20 + len(image_info) + len(jpeg)
    face = face_len.to_bytes(4, "big") + bytes(2) + bytes([0, 0, 0]) + bytes(3) + bytes(2) + bytes(3) + bytes(3)
    record = b"FAC\x00" + b"010\x00" + (14 + face_len).to_bytes(4, "big") + (1).to_bytes(2, "big")
    record += face + image_info + jpeg
    header = tlv(0xA1, tlv(0x80, b"\x01\x01") + tlv(0x87, b"\x01\x01") + tlv(0x88, b"\x00\x08"))
    bit = tlv(0x7F60, header + tlv(0x5F2E, record))
    return tlv(0x75, tlv(0x7F61, tlv(0x02, b"\x01") + bit))


# -- DG13 ------------------------------------------------------------------------------------------
Dg13Value = str | list[str | None] | None


def _text(t: Tlv) -> str:
    if t.tag == 0x1E:
        raw = t.value.decode("utf-16-be", errors="replace")
    else:
        try:
            raw = t.value.decode("utf-8")
        except UnicodeDecodeError:
            raw = t.value.decode("latin-1")
    return unicodedata.normalize("NFC", raw)


def _strings(t: Tlv) -> list[str]:
    """Every text inside ``t`` in document order, walked iteratively with a depth limit (no recursion:
    a field nested 1,200 deep is refused with BerError, not a RecursionError)."""
    if not t.constructed:
        return [_text(t)] if t.tag in STRING_TAGS else []
    stack = [iter(t.children())]
    out: list[str] = []
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.constructed:
            if len(stack) >= MAX_DEPTH:
                raise BerError("DG13 value nested too deep")
            stack.append(iter(child.children()))
        elif child.tag in STRING_TAGS:
            out.append(_text(child))
    return out


def _field_value(values: list[Tlv]) -> Dg13Value:
    if not values:
        return None
    if len(values) == 1 and not values[0].constructed:
        return _text(values[0]) if values[0].tag in STRING_TAGS else None
    items: list[Tlv] = []
    for v in values:
        items.extend(v.children() if v.constructed and v.tag == 0x30 and len(values) == 1 else [v])
    result: list[str | None] = []
    for item in items:
        strings = _strings(item)
        result.append(strings[0] if strings else None)
    return result


def _field_set(dg: Tlv) -> list[Tlv]:
    """The SET of field SEQUENCEs, wherever the card put it (SEQUENCE{INT, OID, SET} or directly)."""
    for child in dg.children():
        if child.tag == 0x31:
            return child.children()
        if child.tag == 0x30 and child.constructed:
            inner = child.children()
            set_ = find(inner, 0x31)
            if set_ is not None:
                return set_.children()
    return [c for c in dg.children() if c.tag == 0x30]


def parse_dg13_fields(data: bytes) -> dict[int, Dg13Value]:
    """DG13 as {field number: text | list of texts | None}; unknown numbers are kept."""
    outer = _outer(data, 0x6D, "DG13")
    fields: dict[int, Dg13Value] = {}
    try:
        for entry in _field_set(outer):
            if entry.tag != 0x30 or not entry.constructed:
                continue
            parts = entry.children()
            if not parts or parts[0].tag != 0x02 or not 0 < len(parts[0].value) <= 2:
                continue
            number = int.from_bytes(parts[0].value, "big")
            fields[number] = _field_value(parts[1:])
    except BerError as exc:
        raise DataGroupError("DG13 is not valid BER") from exc
    return fields


def parse_vn_date(text: str | None) -> date | str | None:
    """``dd/mm/yyyy`` (also ``dd-mm-yyyy``/``ddmmyyyy``) → date; anything else stays text."""
    if text is None:
        return None
    t = text.strip()
    digits = t.replace("/", "").replace("-", "").replace(".", "")
    if len(digits) == 8 and digits.isdigit() and (len(t) == 8 or len(t) == 10):
        try:
            return date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
        except ValueError:
            return text
    return text


def _one(v: Dg13Value) -> str | None:
    if isinstance(v, list):
        return next((s for s in v if s), None)
    return v or None


def card_data_from(dg13: dict[int, Dg13Value] | None, td1: Td1 | None) -> CardData:
    """Combine DG13 (preferred, with diacritics) and the DG1 MRZ (fallback) into :class:`CardData`."""
    d = dg13 or {}
    card = CardData()
    card.id_number = _one(d.get(1)) or (td1.id_number if td1 else None)
    card.full_name = _one(d.get(2)) or (td1.name if td1 else None)
    card.date_of_birth = parse_vn_date(_one(d.get(3)))
    card.sex = _one(d.get(4))
    card.nationality = _one(d.get(5))
    card.ethnicity = _one(d.get(6))
    card.religion = _one(d.get(7))
    card.place_of_origin = _one(d.get(8))
    card.place_of_residence = _one(d.get(9))
    card.identifying_marks = _one(d.get(10))
    card.date_of_issue = parse_vn_date(_one(d.get(11)))
    card.date_of_expiry = parse_vn_date(_one(d.get(12)))
    parents = d.get(13)
    if isinstance(parents, list):
        card.father_name = parents[0] if len(parents) > 0 else None
        card.mother_name = parents[1] if len(parents) > 1 else None
    elif isinstance(parents, str):
        card.father_name = parents
    card.spouse_name = _one(d.get(14))
    card.old_id_number = _one(d.get(15))
    card.extra_fields = {k: v for k, v in d.items() if k not in range(1, 16)}
    if td1 is not None:
        card.mrz = "\n".join(td1.lines)
        if card.date_of_birth is None:
            card.date_of_birth = _mrz_date(td1.birth_date, past=True)
        if card.date_of_expiry is None and td1.expiry_date != "991231":
            card.date_of_expiry = _mrz_date(td1.expiry_date, past=False)
        if card.sex is None and td1.sex in "MF":
            card.sex = "Nam" if td1.sex == "M" else "Nữ"
    return card


def _mrz_date(yymmdd: str, past: bool) -> date | None:
    try:
        yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    except ValueError:
        return None
    this = date.today().year % 100
    century = 1900 if (past and yy > this) else 2000
    try:
        return date(century + yy, mm, dd)
    except ValueError:
        return None


def build_dg13(fields: dict[int, object]) -> bytes:
    """Encode DG13 as the CCCD does: 6D{30{02 01 01, 06 OID, 31{30{02 n, value}…}}} (virtual card).

    A value may be str (UTF8String), ("P", str) for PrintableString, a list (nested SEQUENCEs, field 13
    as SEQUENCE{SEQUENCE{UTF8}, SEQUENCE{UTF8}}), ("flat", [..]) for SEQUENCE{UTF8, UTF8}, or None (absent).
    """
    entries = b""
    for n in sorted(fields):
        v = fields[n]
        body = tlv(0x02, bytes([n]))
        if isinstance(v, str):
            body += tlv(0x0C, v.encode("utf-8"))
        elif isinstance(v, tuple) and v[0] == "P":
            body += tlv(0x13, v[1].encode("ascii"))
        elif isinstance(v, tuple) and v[0] == "flat":
            body += tlv(0x30, b"".join(tlv(0x0C, s.encode("utf-8")) for s in v[1]))
        elif isinstance(v, list):
            body += tlv(0x30, b"".join(tlv(0x30, tlv(0x0C, s.encode("utf-8")) if s else b"") for s in v))
        entries += tlv(0x30, body)
    oid = bytes.fromhex("0606 28D316010008".replace(" ", ""))
    return tlv(0x6D, tlv(0x30, tlv(0x02, b"\x01") + oid + tlv(0x31, entries)))


def parse_dg15(data: bytes) -> bytes:
    """The SubjectPublicKeyInfo DER of the Active Authentication key (checked to be a loadable RSA/EC key)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    outer = _outer(data, 0x6F, "DG15")
    try:
        key = serialization.load_der_public_key(outer.value)
    except Exception as exc:  # noqa: BLE001 - any failure of the key parser means a malformed DG15
        raise DataGroupError("DG15 does not hold a public key") from exc
    if not isinstance(key, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
        raise DataGroupError("DG15 holds an unsupported key type")
    return outer.value


# -- DG14 ------------------------------------------------------------------------------------------
OID_AA_INFO = "2.23.136.1.1.5"  # id-icao-mrtd-security-aaProtocolObject (ActiveAuthenticationInfo)
OID_CA_PREFIX = "0.4.0.127.0.7.2.2.3."  # id-CA-*
OID_PK_PREFIX = "0.4.0.127.0.7.2.2.1."  # id-PK-* (ChipAuthenticationPublicKeyInfo)
OID_PACE_PREFIX = "0.4.0.127.0.7.2.2.4."
# ecdsa-plain-signatures (BSI TR-03111): the hash AA must use with an EC key
ECDSA_PLAIN_HASH = {
    "0.4.0.127.0.7.1.1.4.1.1": "sha1",
    "0.4.0.127.0.7.1.1.4.1.2": "sha224",
    "0.4.0.127.0.7.1.1.4.1.3": "sha256",
    "0.4.0.127.0.7.1.1.4.1.4": "sha384",
    "0.4.0.127.0.7.1.1.4.1.5": "sha512",
}


def decode_oid(raw: bytes) -> str:
    """The dotted form of a DER OBJECT IDENTIFIER value (no tag/length)."""
    if not raw or len(raw) > 64 or raw[-1] & 0x80:
        raise DataGroupError("malformed object identifier")
    arcs: list[int] = []
    value = 0
    for b in raw:
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            arcs.append(value)
            value = 0
    first = arcs[0]
    head = [0, first] if first < 40 else [1, first - 40] if first < 80 else [2, first - 80]
    return ".".join(str(a) for a in head + arcs[1:])


@dataclass
class SecurityInfo:
    protocol: str  # dotted OID
    parts: list[Tlv] = field(default_factory=list)  # requiredData [, optionalData]


@dataclass
class Dg14:
    infos: list[SecurityInfo]

    @property
    def aa_hash(self) -> str | None:
        """The hash ActiveAuthenticationInfo names for ECDSA AA (None: not stated, or not a plain-ECDSA OID)."""
        for info in self.infos:
            if info.protocol == OID_AA_INFO and len(info.parts) >= 2 and info.parts[1].tag == 0x06:
                return ECDSA_PLAIN_HASH.get(decode_oid(info.parts[1].value))
        return None

    @property
    def chip_authentication(self) -> list[str]:
        """Chip Authentication protocols the chip announces (id-CA-* OIDs)."""
        return [i.protocol for i in self.infos if i.protocol.startswith(OID_CA_PREFIX)]


def parse_dg14(data: bytes) -> Dg14:
    """DG14 = 6E { SET OF SecurityInfo { protocol OID, requiredData, optionalData? } } (ICAO 9303-11 §9.2)."""
    outer = _outer(data, 0x6E, "DG14")
    try:
        set_ = find(outer.children(), 0x31)
        if set_ is None or not set_.constructed:
            raise DataGroupError("DG14 has no SecurityInfos")
        infos: list[SecurityInfo] = []
        for entry in set_.children():
            if entry.tag != 0x30 or not entry.constructed:
                raise DataGroupError("DG14 SecurityInfo is not a SEQUENCE")
            parts = entry.children()
            if not parts or parts[0].tag != 0x06:
                raise DataGroupError("DG14 SecurityInfo has no protocol")
            infos.append(SecurityInfo(decode_oid(parts[0].value), parts[1:]))
    except BerError as exc:
        raise DataGroupError("DG14 is not valid BER") from exc
    return Dg14(infos)


def oid_der_value(dotted: str) -> bytes:
    """The DER value bytes (no tag/length) of an OBJECT IDENTIFIER given in dotted form."""
    arcs = [int(a) for a in dotted.split(".")]
    body = bytes([arcs[0] * 40 + arcs[1]])
    for a in arcs[2:]:
        chunk = [a & 0x7F]
        a >>= 7
        while a:
            chunk.append(0x80 | (a & 0x7F))
            a >>= 7
        body += bytes(reversed(chunk))
    return body


def build_dg14(aa_hash: str | None = "sha256", ca_spki: bytes | None = None) -> bytes:
    """DG14 for the virtual card: an ActiveAuthenticationInfo naming ecdsa-plain-<aa_hash>, and with
    ``ca_spki`` (an EC SubjectPublicKeyInfo DER) Chip Authentication ECDH/AES-128 info + public key info."""
    def oid(dotted: str) -> bytes:
        return tlv(0x06, oid_der_value(dotted))

    infos = b""
    if aa_hash is not None:
        algo = next(k for k, v in ECDSA_PLAIN_HASH.items() if v == aa_hash)
        infos += tlv(0x30, oid(OID_AA_INFO) + tlv(0x02, b"\x01") + oid(algo))
    if ca_spki is not None:
        infos += tlv(0x30, oid(OID_CA_PREFIX + "2.2") + tlv(0x02, b"\x01"))  # id-CA-ECDH-AES-CBC-CMAC-128, v1
        infos += tlv(0x30, oid(OID_PK_PREFIX + "2") + ca_spki)  # id-PK-ECDH, SubjectPublicKeyInfo
    return tlv(0x6E, tlv(0x31, infos))


def build_dg14_aa(hash_name: str = "sha256") -> bytes:
    """A DG14 with one ActiveAuthenticationInfo naming ecdsa-plain-<hash> (virtual card profiles)."""
    return build_dg14(hash_name)


def list_tlvs(data: bytes) -> list[Tlv]:
    return list(iter_tlvs(data))

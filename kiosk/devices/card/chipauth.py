"""Chip Authentication (DG14, ICAO 9303-11 §6.2, ECDH with AES secure messaging): proves the chip holds the
private key whose public half is in DG14 — and DG14 is covered by EF.SOD — so a copy of a genuine card's
files on another chip fails.

Why alongside active authentication: many eMRTDs have DG14 and no DG15; CA also gives fresh session keys.
How: MSE:Set AT (P1P2 41A4) names the CA protocol, GENERAL AUTHENTICATE sends an ephemeral public key on the
chip's curve, both sides derive KS_enc/KS_mac from the ECDH shared x-coordinate (the PACE KDF) and restart
secure messaging with SSC 0. The next protected command only succeeds when the chip computed the same
secret, i.e. holds the key; the reader then reads DG14's first bytes again and compares them.
Supported: id-CA-ECDH-AES-CBC-CMAC-128/192/256 with a named curve. Other variants (3DES, DH) are reported
``unsupported`` and not counted as a failure.
"""

from __future__ import annotations

import logging
from typing import Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from .apdu import Command
from .ber import tlv
from .datagroups import DataGroupError, Dg14, oid_der_value
from .pace import session_keys
from .session import Channel, SessionLost
from .sm import SecureMessaging

log = logging.getLogger(__name__)

CA_ECDH_AES = {"0.4.0.127.0.7.2.2.3.2.2": 128, "0.4.0.127.0.7.2.2.3.2.3": 192, "0.4.0.127.0.7.2.2.3.2.4": 256}
PK_ECDH = "0.4.0.127.0.7.2.2.1.2"
ChipAuth = Literal["verified", "failed", "absent", "unsupported"]


def chip_key(dg14: Dg14) -> tuple[str, int, ec.EllipticCurvePublicKey] | None:
    """(CA protocol OID, key bits, the chip's public key) from DG14, or None when DG14 offers no ECDH-AES CA.
    Raises DataGroupError when the key info is there but malformed."""
    protocol = next((i.protocol for i in dg14.infos if i.protocol in CA_ECDH_AES), None)
    pk_info = next((i for i in dg14.infos if i.protocol == PK_ECDH), None)
    if protocol is None or pk_info is None or not pk_info.parts or pk_info.parts[0].tag != 0x30:
        return None
    spki = tlv(0x30, pk_info.parts[0].value)
    try:
        key = serialization.load_der_public_key(spki)
    except Exception as exc:  # noqa: BLE001 - any failure of the key parser means a malformed DG14
        raise DataGroupError("DG14 chip authentication key is malformed") from exc
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise DataGroupError("the chip authentication key is not an EC key")
    return protocol, CA_ECDH_AES[protocol], key


def authenticate(ch: Channel, dg14: Dg14, dg14_raw: bytes) -> ChipAuth:
    """Run CA on an open SM channel; on success the channel continues under the new keys."""
    if ch.sm is None:
        return "absent"
    try:
        found = chip_key(dg14)
    except DataGroupError:
        return "failed"  # DG14 (covered by EF.SOD) announces CA with a key that cannot be loaded
    if found is None:
        announced = dg14.chip_authentication
        return "unsupported" if announced else "absent"
    protocol, bits, chip_public = found
    eph = ec.generate_private_key(chip_public.curve)
    eph_public = eph.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    try:
        _, sw = ch.send(Command(0x00, 0x22, 0x41, 0xA4, tlv(0x80, oid_der_value(protocol))))
        if sw != 0x9000:
            return "failed"
        _, sw = ch.send(Command(0x00, 0x86, 0x00, 0x00, tlv(0x7C, tlv(0x80, eph_public)), le=256))
        if sw != 0x9000:
            return "failed"
        shared = eph.exchange(ec.ECDH(), chip_public)
        ks_enc, ks_mac = session_keys(shared, bits)
        ch.sm = SecureMessaging(ks_enc, ks_mac, 0, "aes")
        _, sw = ch.send(Command(0x00, 0xA4, 0x02, 0x0C, (0x010E).to_bytes(2, "big")))
        if sw != 0x9000:
            return "failed"
        data, sw = ch.send(Command(0x00, 0xB0, 0x00, 0x00, le=min(len(dg14_raw), 16)))
    except SessionLost:
        log.info("chip authentication failed: secure messaging broke under the new keys")
        return "failed"
    return "verified" if sw == 0x9000 and data == dg14_raw[: len(data)] and data else "failed"

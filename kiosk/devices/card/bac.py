"""Basic Access Control (Doc 9303-11 §4.3): key seed from the MRZ data, mutual authentication, SM keys.

Why: BAC is the access method every CCCD supports. The reader side lives in :func:`authenticate`; the
pure functions are shared with the virtual card and checked against the ICAO Appendix D vectors.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass

from . import crypto
from .apdu import Command
from .sm import SecureMessaging


class BacFailed(Exception):
    """The card refused the key (wrong MRZ data) or answered nonsense."""


@dataclass(frozen=True)
class BacKeys:
    k_enc: bytes
    k_mac: bytes


def mrz_information(doc_number: str, dob_yymmdd: str, doe_yymmdd: str) -> str:
    from .mrz import check_digit

    doc = doc_number.ljust(9, "<")
    return f"{doc}{check_digit(doc)}{dob_yymmdd}{check_digit(dob_yymmdd)}{doe_yymmdd}{check_digit(doe_yymmdd)}"


def derive_keys(mrz_info: str) -> BacKeys:
    seed = hashlib.sha1(mrz_info.encode("ascii")).digest()[:16]
    return BacKeys(crypto.kdf(seed, 1), crypto.kdf(seed, 2))


def session_from_keys(k_ifd: bytes, k_ic: bytes, rnd_ic: bytes, rnd_ifd: bytes) -> SecureMessaging:
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
    ssc = int.from_bytes(rnd_ic[4:8] + rnd_ifd[4:8], "big")
    return SecureMessaging(crypto.kdf(seed, 1), crypto.kdf(seed, 2), ssc, "3des")


def build_external_authenticate(keys: BacKeys, rnd_ic: bytes, rnd_ifd: bytes, k_ifd: bytes) -> bytes:
    """E.IFD ‖ M.IFD (40 bytes), the data of EXTERNAL AUTHENTICATE."""
    e_ifd = crypto.tdes_cbc_encrypt(keys.k_enc, rnd_ifd + rnd_ic + k_ifd)
    return e_ifd + crypto.mac_alg3(keys.k_mac, e_ifd)


Transmit = Callable[[Command], tuple[bytes, int]]


def authenticate(
    transmit: Transmit,
    keys: BacKeys,
    *,
    rnd_ifd: bytes | None = None,
    k_ifd: bytes | None = None,
) -> SecureMessaging:
    """Run GET CHALLENGE + EXTERNAL AUTHENTICATE; return the SM session or raise :class:`BacFailed`."""
    rnd_ic, sw = transmit(Command(0x00, 0x84, 0x00, 0x00, le=8))
    if sw != 0x9000 or len(rnd_ic) != 8:
        raise BacFailed(f"GET CHALLENGE {sw:04X}")
    rnd_ifd = rnd_ifd or os.urandom(8)
    k_ifd = k_ifd or os.urandom(16)
    data = build_external_authenticate(keys, rnd_ic, rnd_ifd, k_ifd)
    resp, sw = transmit(Command(0x00, 0x82, 0x00, 0x00, data, le=40))
    if sw != 0x9000 or len(resp) != 40:
        raise BacFailed(f"EXTERNAL AUTHENTICATE {sw:04X}")
    e_ic, m_ic = resp[:32], resp[32:]
    if crypto.mac_alg3(keys.k_mac, e_ic) != m_ic:
        raise BacFailed("card MAC mismatch")
    plain = crypto.tdes_cbc_decrypt(keys.k_enc, e_ic)
    if plain[:8] != rnd_ic or plain[8:16] != rnd_ifd:
        raise BacFailed("card nonce mismatch")
    return session_from_keys(k_ifd, plain[16:32], rnd_ic, rnd_ifd)

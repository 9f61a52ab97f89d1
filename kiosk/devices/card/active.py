"""Active authentication (DG15 + INTERNAL AUTHENTICATE): proves the chip holds DG15's private key.

Why: passive authentication cannot detect a cloned chip; AA can when the card has DG15. ECDSA signatures
(plain r‖s) are verified with ``cryptography``; RSA uses ISO/IEC 9796-2 scheme 1 with message recovery,
whose recovery step (protocol logic, not a primitive) is written here over the public RSA operation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from .apdu import Command

_TRAILER_HASH = {0x33: "sha1", 0x38: "sha224", 0x34: "sha256", 0x36: "sha384", 0x35: "sha512"}
_EC_HASHES = (hashes.SHA256, hashes.SHA1, hashes.SHA384, hashes.SHA512, hashes.SHA224)


def verify_signature(spki_der: bytes, challenge: bytes, signature: bytes, hash_name: str | None = None) -> bool:
    """True when ``signature`` is the chip's AA answer to ``challenge``; ``hash_name`` is the ECDSA hash DG14
    names (None: try the usual ones). Never raises: anything malformed is False."""
    try:
        return _verify(spki_der, challenge, signature, hash_name)
    except Exception:  # noqa: BLE001 - a malformed key or answer is a failed AA, never a crash
        return False


def _verify(spki_der: bytes, challenge: bytes, signature: bytes, hash_name: str | None) -> bool:
    try:
        key = serialization.load_der_public_key(spki_der)
    except ValueError:
        return False
    if isinstance(key, ec.EllipticCurvePublicKey):
        half = len(signature) // 2
        if half == 0 or len(signature) % 2:
            return False
        der = encode_dss_signature(int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big"))
        named = {"sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
                 "sha512": hashes.SHA512}
        for h in (named[hash_name],) if hash_name in named else _EC_HASHES:  # DG14 names it, else the usual
            try:
                key.verify(der, challenge, ec.ECDSA(h()))
                return True
            except InvalidSignature:
                continue
        return False
    if isinstance(key, rsa.RSAPublicKey):
        return _verify_9796_2(key, challenge, signature)
    return False


def _verify_9796_2(key: rsa.RSAPublicKey, challenge: bytes, signature: bytes) -> bool:
    nums = key.public_numbers()
    k = (nums.n.bit_length() + 7) // 8
    f = pow(int.from_bytes(signature, "big"), nums.e, nums.n)
    if f & 0xF != 0xC:  # ISO 9796-2 allows the complement representation
        f = nums.n - f
    m = f.to_bytes(k, "big")
    if m[0] & 0xC0 != 0x40:
        return False
    if m[-1] == 0xBC:
        name, trailer = "sha1", 1
    elif m[-1] == 0xCC and m[-2] in _TRAILER_HASH:
        name, trailer = _TRAILER_HASH[m[-2]], 2
    else:
        return False
    size = hashlib.new(name).digest_size
    digest = m[-trailer - size : -trailer]
    m1 = m[1 : -trailer - size]
    return hashlib.new(name, m1 + challenge).digest() == digest


def internal_authenticate(transmit: Callable[[Command], tuple[bytes, int]], challenge: bytes) -> bytes | None:
    data, sw = transmit(Command(0x00, 0x88, 0x00, 0x00, challenge, le=256))
    return data if sw == 0x9000 else None

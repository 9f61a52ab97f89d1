"""ICAO 9303 compositions of standard primitives (3DES/AES, MAC algorithm 3, CMAC, key derivation).

Why this module exists: BAC, PACE, secure messaging and the project's virtual card must all compose the
block ciphers in exactly the same ICAO way. The primitives themselves come from ``cryptography``; only
the Doc 9303 glue (padding method 2, parity, KDF counters, retail MAC chaining) is written here.
"""

from __future__ import annotations

import hashlib
import warnings

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES

ZERO8 = bytes(8)
ZERO16 = bytes(16)


def pad(data: bytes, block: int = 8) -> bytes:
    """ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to the block size."""
    data = data + b"\x80"
    return data + bytes((-len(data)) % block)


def unpad(data: bytes) -> bytes:
    """Remove padding method 2; raise ValueError when it is malformed."""
    stripped = data.rstrip(b"\x00")
    if not stripped or stripped[-1] != 0x80:
        raise ValueError("bad padding")
    return stripped[:-1]


def adjust_parity(key: bytes) -> bytes:
    """Set each DES key byte to odd parity (does not change DES output, matches ICAO published keys)."""
    out = bytearray()
    for b in key:
        b &= 0xFE
        out.append(b | (bin(b).count("1") % 2 == 0))
    return bytes(out)


def kdf(shared: bytes, counter: int, cipher: str = "3des", key_bits: int = 128) -> bytes:
    """Doc 9303-11 §9.7.1 key derivation: H(shared ‖ counter) truncated to the key length."""
    data = shared + counter.to_bytes(4, "big")
    if cipher == "3des":
        return adjust_parity(hashlib.sha1(data).digest()[:16])
    if key_bits == 128:
        return hashlib.sha1(data).digest()[:16]
    digest = hashlib.sha256(data).digest()
    return digest[: key_bits // 8]


def _tdes(key16: bytes) -> TripleDES:
    return TripleDES(key16 + key16[:8] if len(key16) == 16 else key16)


def tdes_cbc_encrypt(key: bytes, data: bytes, iv: bytes = ZERO8) -> bytes:
    enc = Cipher(_tdes(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def tdes_cbc_decrypt(key: bytes, data: bytes, iv: bytes = ZERO8) -> bytes:
    dec = Cipher(_tdes(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def mac_alg3(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 (retail MAC) with DES; ``data`` is padded here (method 2)."""
    ka, kb = key[:8], key[8:16]
    padded = pad(data, 8)
    enc = Cipher(TripleDES(ka * 3), modes.CBC(ZERO8)).encryptor()
    h = (enc.update(padded) + enc.finalize())[-8:]
    dec = Cipher(TripleDES(kb * 3), modes.ECB()).decryptor()
    h = dec.update(h) + dec.finalize()
    enc2 = Cipher(TripleDES(ka * 3), modes.ECB()).encryptor()
    return enc2.update(h) + enc2.finalize()


def aes_cbc_encrypt(key: bytes, data: bytes, iv: bytes = ZERO16) -> bytes:
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def aes_cbc_decrypt(key: bytes, data: bytes, iv: bytes = ZERO16) -> bytes:
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def aes_ecb_encrypt(key: bytes, block: bytes) -> bytes:
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(block) + enc.finalize()


def aes_cmac8(key: bytes, data: bytes) -> bytes:
    """AES-CMAC truncated to 8 bytes (ICAO SM and PACE tokens); ``data`` is padded by the caller."""
    c = CMAC(algorithms.AES(key))
    c.update(data)
    return c.finalize()[:8]

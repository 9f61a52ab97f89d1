"""PACE v2 (Doc 9303-11 §4.4) with ECDH generic mapping and AES, reader side, plus EF.CardAccess parsing.

Why: some CCCDs offer PACE with CAN = the last 6 digits of the ID; where EF.CardAccess lists a supported
ECDH-GM-AES protocol the reader tries it first and falls back to BAC. The helpers are shared with the
virtual card; the ICAO Appendix G.1 vector drives the unit tests.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from asn1crypto import core

from . import crypto
from .apdu import Command
from .ber import BerError, find, iter_tlvs, read_tlv, tlv
from .ec import CURVES, Curve
from .sm import SecureMessaging

PACE_ECDH_GM_PREFIX = "0.4.0.127.0.7.2.2.4.2."
AES_BITS = {"2": 128, "3": 192, "4": 256}
PASSWORD_MRZ = 1
PASSWORD_CAN = 2


class PaceFailed(Exception):
    """PACE did not complete (wrong CAN, unsupported parameters, card error)."""


class _SecurityInfo(core.Sequence):
    _fields = [
        ("protocol", core.ObjectIdentifier),
        ("required_data", core.Any),
        ("optional_data", core.Any, {"optional": True}),
    ]


class _SecurityInfos(core.SetOf):
    _child_spec = _SecurityInfo


@dataclass(frozen=True)
class PaceInfo:
    oid: str
    parameter_id: int

    @property
    def key_bits(self) -> int:
        return AES_BITS[self.oid.rsplit(".", 1)[1]]

    @property
    def curve(self) -> Curve:
        return CURVES[self.parameter_id]

    @property
    def oid_der(self) -> bytes:
        return core.ObjectIdentifier(self.oid).dump()


def parse_card_access(data: bytes) -> list[PaceInfo]:
    """The supported PACE-ECDH-GM-AES entries of EF.CardAccess (others are ignored)."""
    try:
        infos = _SecurityInfos.load(data)
        result = []
        for info in infos:
            oid = info["protocol"].dotted
            if not oid.startswith(PACE_ECDH_GM_PREFIX) or oid.rsplit(".", 1)[1] not in AES_BITS:
                continue
            version = info["required_data"].parsed
            param = info["optional_data"].parsed if info["optional_data"].native is not None else None
            if not isinstance(version, core.Integer) or version.native != 2:
                continue
            if isinstance(param, core.Integer) and param.native in CURVES:
                result.append(PaceInfo(oid, param.native))
        return result
    except (ValueError, TypeError, KeyError) as exc:
        raise PaceFailed("EF.CardAccess is malformed") from exc


def password_key(password: str, kind: int) -> bytes:
    """K = SHA-1(MRZ_information) for MRZ, the CAN's ASCII digits for CAN."""
    if kind == PASSWORD_MRZ:
        return hashlib.sha1(password.encode("ascii")).digest()
    return password.encode("ascii")


def k_pi(password: str, kind: int, key_bits: int = 128) -> bytes:
    return crypto.kdf(password_key(password, kind), 3, "aes", key_bits)


def encrypt_nonce(k: bytes, s: bytes) -> bytes:
    return crypto.aes_cbc_encrypt(k, s)


def decrypt_nonce(k: bytes, z: bytes) -> bytes:
    return crypto.aes_cbc_decrypt(k, z)


def map_generator(curve: Curve, s: bytes, sk_map: int, pk_map_other: bytes) -> tuple[int, int]:
    h = curve.mul(sk_map, curve.decode(pk_map_other))
    g_hat = curve.add(curve.mul(int.from_bytes(s, "big"), curve.g), h)
    if g_hat is None:
        raise PaceFailed("mapping gave the point at infinity")
    return g_hat


def auth_token(ks_mac: bytes, oid_der: bytes, pk_other: bytes) -> bytes:
    data = tlv(0x7F49, oid_der + tlv(0x86, pk_other))
    return crypto.aes_cmac8(ks_mac, data)


def session_keys(shared_x: bytes, key_bits: int) -> tuple[bytes, bytes]:
    return crypto.kdf(shared_x, 1, "aes", key_bits), crypto.kdf(shared_x, 2, "aes", key_bits)


def mse_set_at(info: PaceInfo, password_kind: int) -> Command:
    data = info.oid_der.replace(b"\x06", b"\x80", 1) + tlv(0x83, bytes([password_kind]))
    return Command(0x00, 0x22, 0xC1, 0xA4, data)


def _ga(data: bytes, last: bool = False) -> Command:
    return Command(0x00 if last else 0x10, 0x86, 0x00, 0x00, tlv(0x7C, data), le=256)


def _dyn(resp: bytes, tag: int) -> bytes:
    try:
        outer = read_tlv(resp)
        if outer.tag != 0x7C:
            raise PaceFailed("bad dynamic authentication data")
        obj = find(list(iter_tlvs(outer.value)), tag)
    except BerError as exc:
        raise PaceFailed("bad dynamic authentication data") from exc
    if obj is None:
        raise PaceFailed("missing dynamic authentication object")
    return obj.value


Transmit = Callable[[Command], tuple[bytes, int]]


def authenticate(
    transmit: Transmit,
    info: PaceInfo,
    password: str,
    password_kind: int = PASSWORD_CAN,
    *,
    sk_map: int | None = None,
    sk_dh: int | None = None,
) -> SecureMessaging:
    """Run MSE:Set AT and the four GENERAL AUTHENTICATE steps; return an AES SM session."""
    curve = info.curve
    _, sw = transmit(mse_set_at(info, password_kind))
    if sw != 0x9000:
        raise PaceFailed(f"MSE:Set AT {sw:04X}")
    resp, sw = transmit(_ga(b""))
    if sw != 0x9000:
        raise PaceFailed(f"GA1 {sw:04X}")
    s = decrypt_nonce(k_pi(password, password_kind, info.key_bits), _dyn(resp, 0x80))
    sk_map = sk_map or secrets.randbelow(curve.n - 1) + 1
    pk_map = curve.encode(curve.mul(sk_map, curve.g))
    resp, sw = transmit(_ga(tlv(0x81, pk_map)))
    if sw != 0x9000:
        raise PaceFailed(f"GA2 {sw:04X}")
    try:
        pk_map_ic = _dyn(resp, 0x82)
        g_hat = map_generator(curve, s, sk_map, pk_map_ic)
    except ValueError as exc:
        raise PaceFailed("bad mapping point") from exc
    sk_dh = sk_dh or secrets.randbelow(curve.n - 1) + 1
    pk_dh = curve.encode(curve.mul(sk_dh, g_hat))
    resp, sw = transmit(_ga(tlv(0x83, pk_dh)))
    if sw != 0x9000:
        raise PaceFailed(f"GA3 {sw:04X}")
    pk_dh_ic = _dyn(resp, 0x84)
    if pk_dh_ic == pk_dh or pk_map_ic == pk_map:
        raise PaceFailed("card echoed our key")
    try:
        shared = curve.mul(sk_dh, curve.decode(pk_dh_ic))
    except ValueError as exc:
        raise PaceFailed("bad ephemeral point") from exc
    if shared is None:
        raise PaceFailed("shared secret at infinity")
    ks_enc, ks_mac = session_keys(shared[0].to_bytes(curve.size, "big"), info.key_bits)
    t_ifd = auth_token(ks_mac, info.oid_der, pk_dh_ic)
    resp, sw = transmit(_ga(tlv(0x85, t_ifd), last=True))
    if sw != 0x9000:
        raise PaceFailed(f"GA4 {sw:04X}")
    if _dyn(resp, 0x86) != auth_token(ks_mac, info.oid_der, pk_dh):
        raise PaceFailed("card token mismatch")
    return SecureMessaging(ks_enc, ks_mac, 0, "aes")

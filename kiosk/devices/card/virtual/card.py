"""The project's own virtual CCCD: an ICAO 9303 chip answering APDUs (BAC, PACE-CAN, SM, files, AA).

Why: no third-party emulator can serve a CCCD with secure messaging, TD1 MRZ, DG13, PACE and a real
EF.SOD (chip.md §7.2), and CI has no physical card. The switches reproduce the quirks a reader must
survive: BAC-only or PACE, extended length on/off, a maximum block size, ``SELECT MF`` → 6D00, and the
card being pulled out after N commands (handled by the socket layer in :mod:`.vpcd`).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from .. import bac, crypto, pace
from ..apdu import ApduError, Command, parse_command
from ..ber import BerError, find, iter_tlvs, read_tlv, tlv
from ..sm import SecureMessaging, SMError

AID = bytes.fromhex("A0000002471001")
FID_CARD_ACCESS = 0x011C
CARD_ACCESS_BP256 = bytes.fromhex("31143012060A04007F0007020204020202010202010D")


@dataclass
class CardOptions:
    """Behaviour switches of the virtual card."""

    pace: bool = False  # EF.CardAccess + PACE-CAN (ECDH-GM, AES-128, brainpoolP256r1)
    bac: bool = True
    extended_length: bool = True
    advertise_capabilities: bool = True  # card capabilities (incl. extended length) in the ATR
    max_block: int | None = None  # most plaintext bytes one READ BINARY returns (None: as asked)
    mf_select_6d00: bool = True  # SELECT MF answers 6D00, like real CCCDs
    pull_after: int | None = None  # the card "leaves the field" after N commands (once)
    reinsert_delay: float = 0.4  # seconds before it comes back


@dataclass
class CardProfile:
    """What the chip holds: files by FID, the access data, the AA key."""

    doc_number: str
    birth: str  # yymmdd
    expiry: str  # yymmdd
    can: str
    files: dict[int, bytes]
    aa_key: ec.EllipticCurvePrivateKey | None = None
    ca_key: ec.EllipticCurvePrivateKey | None = None  # Chip Authentication (ECDH, AES-128), key in DG14
    meta: dict[str, object] = field(default_factory=dict)


def build_atr(extended: bool | None) -> bytes:
    """3B 8x 80 01 + historical bytes; ``extended`` None = no card-capabilities object (reader must probe)."""
    caps = b"\x80" if extended is None else bytes([0x80, 0x73, 0x00, 0x00, 0xC0 if extended else 0x80])
    hist = caps + b"KIOSK"
    body = bytes([0x80 | len(hist), 0x80, 0x01]) + hist
    tck = 0
    for b in body:
        tck ^= b
    return b"\x3B" + body + bytes([tck])


def _sw(sw: int, data: bytes = b"") -> tuple[bytes, int]:
    return data, sw


class VirtualCard:
    """Pure APDU-in/APDU-out chip logic (the socket lives in :mod:`.vpcd`)."""

    def __init__(self, profile: CardProfile, options: CardOptions | None = None) -> None:
        self.profile = profile
        self.options = options or CardOptions()
        opts = self.options
        self.atr = build_atr(opts.extended_length if opts.advertise_capabilities else None)
        self.commands = 0
        self.reset()

    def reset(self) -> None:
        self.sm: SecureMessaging | None = None
        self.app_selected = False
        self.ef: int | None = None
        self.rnd_ic: bytes | None = None
        self._pace: dict[str, object] = {}
        self._ca_selected = False
        self._next_sm: SecureMessaging | None = None  # CA: new keys, in force after this response

    # -- entry point --------------------------------------------------------------------------------
    def process(self, raw: bytes) -> bytes:
        self.commands += 1
        try:
            cmd = parse_command(raw)
        except ApduError:
            self.sm = None
            return b"\x67\x00"
        if cmd.extended and not self.options.extended_length:
            self.sm = None
            return b"\x67\x00"
        if cmd.cla & 0x0C == 0x0C:
            if self.sm is None:
                return b"\x69\x88"
            try:
                inner = self.sm.unprotect_command(cmd)
            except SMError:
                self.sm = None
                return b"\x69\x88"
            data, sw = self._dispatch(inner, protected=True, outer_extended=cmd.extended)
            if self.sm is None:  # the command itself ended the session
                return data + sw.to_bytes(2, "big")
            response = self.sm.protect_response(data, sw)
            if self._next_sm is not None:  # chip authentication: the answer goes under the old keys
                self.sm, self._next_sm = self._next_sm, None
            return response
        if self.sm is not None and cmd.ins not in (0x22, 0x86):
            self.sm = None  # a plain command aborts secure messaging, as on real chips
        data, sw = self._dispatch(cmd, protected=False, outer_extended=cmd.extended)
        return data + sw.to_bytes(2, "big")

    def _dispatch(self, cmd: Command, protected: bool, outer_extended: bool) -> tuple[bytes, int]:
        handler = {
            0xA4: self._select,
            0xB0: self._read_binary,
            0x84: self._get_challenge,
            0x82: self._external_authenticate,
            0x22: self._mse,
            0x86: self._general_authenticate,
            0x88: self._internal_authenticate,
        }.get(cmd.ins)
        if handler is None:
            return _sw(0x6D00)
        return handler(cmd, protected, outer_extended)

    # -- file system --------------------------------------------------------------------------------
    def _select(self, cmd: Command, protected: bool, _ext: bool) -> tuple[bytes, int]:
        if cmd.p1 == 0x04:
            if cmd.data != AID:
                return _sw(0x6A82)
            self.app_selected = True
            self.ef = None
            return _sw(0x9000)
        if cmd.p1 == 0x00 and cmd.data in (b"", b"\x3f\x00"):
            return _sw(0x6D00) if self.options.mf_select_6d00 else _sw(0x9000)
        if cmd.p1 in (0x00, 0x02) and len(cmd.data) == 2:
            fid = int.from_bytes(cmd.data, "big")
            if fid == FID_CARD_ACCESS:
                if not self.options.pace:
                    return _sw(0x6A82)
            elif fid not in self.profile.files or not self.app_selected:
                return _sw(0x6A82)
            self.ef = fid
            return _sw(0x9000)
        return _sw(0x6A86)

    def _file(self, fid: int) -> bytes:
        if fid == FID_CARD_ACCESS:
            return CARD_ACCESS_BP256
        return self.profile.files[fid]

    def _read_binary(self, cmd: Command, protected: bool, outer_extended: bool) -> tuple[bytes, int]:
        if self.ef is None:
            return _sw(0x6986)
        if self.ef != FID_CARD_ACCESS and not protected:
            return _sw(0x6982)
        if cmd.p1 & 0x80:
            return _sw(0x6A81)
        offset = (cmd.p1 << 8) | cmd.p2
        content = self._file(self.ef)
        if offset > len(content):
            return _sw(0x6B00)
        n = cmd.le or 256
        if self.options.max_block:
            n = min(n, self.options.max_block)
        if not outer_extended:
            n = min(n, SecureMessaging.max_short_read(self.sm.cipher) if protected and self.sm else 256)
        return _sw(0x9000, content[offset : offset + n])

    # -- BAC ----------------------------------------------------------------------------------------
    def _get_challenge(self, cmd: Command, protected: bool, _ext: bool) -> tuple[bytes, int]:
        if cmd.le not in (8, 256):
            return _sw(0x6700)
        self.rnd_ic = os.urandom(8)
        return _sw(0x9000, self.rnd_ic)

    def _external_authenticate(self, cmd: Command, protected: bool, _ext: bool) -> tuple[bytes, int]:
        if not self.options.bac or not self.app_selected:
            return _sw(0x6985)
        rnd_ic, self.rnd_ic = self.rnd_ic, None
        if rnd_ic is None or len(cmd.data) != 40:
            return _sw(0x6985)
        p = self.profile
        keys = bac.derive_keys(bac.mrz_information(p.doc_number, p.birth, p.expiry))
        e_ifd, m_ifd = cmd.data[:32], cmd.data[32:]
        if crypto.mac_alg3(keys.k_mac, e_ifd) != m_ifd:
            return _sw(0x6300)
        plain = crypto.tdes_cbc_decrypt(keys.k_enc, e_ifd)
        rnd_ifd, got_ic, k_ifd = plain[:8], plain[8:16], plain[16:32]
        if got_ic != rnd_ic:
            return _sw(0x6300)
        k_ic = os.urandom(16)
        e_ic = crypto.tdes_cbc_encrypt(keys.k_enc, rnd_ic + rnd_ifd + k_ic)
        response = e_ic + crypto.mac_alg3(keys.k_mac, e_ic)
        self.sm = bac.session_from_keys(k_ifd, k_ic, rnd_ic, rnd_ifd)
        return response, 0x9000

    # -- PACE ---------------------------------------------------------------------------------------
    def _mse(self, cmd: Command, protected: bool, _ext: bool) -> tuple[bytes, int]:
        if (cmd.p1, cmd.p2) == (0x41, 0xA4):  # MSE:Set AT for Chip Authentication
            ca_oid = bytes.fromhex("04007F00070202030202")  # id-CA-ECDH-AES-CBC-CMAC-128
            if not protected or self.profile.ca_key is None or cmd.data[:2] != b"\x80\x0a" or cmd.data[2:12] != ca_oid:
                return _sw(0x6A80)
            self._ca_selected = True
            return _sw(0x9000)
        if not self.options.pace or (cmd.p1, cmd.p2) != (0xC1, 0xA4):
            return _sw(0x6A80)
        try:
            objs = list(iter_tlvs(cmd.data))
        except BerError:
            return _sw(0x6A80)
        oid, ref = find(objs, 0x80), find(objs, 0x83)
        info = pace.PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 13)
        if oid is None or oid.value != info.oid_der[2:] or ref is None or ref.value != bytes([pace.PASSWORD_CAN]):
            return _sw(0x6A80)
        self.sm = None
        self._pace = {"info": info, "step": 1}
        return _sw(0x9000)

    def _chip_authenticate(self, cmd: Command) -> tuple[bytes, int]:
        self._ca_selected = False
        key = self.profile.ca_key
        assert key is not None
        try:
            dyn = read_tlv(cmd.data)
            pk = find(list(iter_tlvs(dyn.value)), 0x80) if dyn.tag == 0x7C else None
            if pk is None:
                return _sw(0x6A80)
            peer = ec.EllipticCurvePublicKey.from_encoded_point(key.curve, pk.value)
        except (BerError, ValueError):
            return _sw(0x6A80)
        shared = key.exchange(ec.ECDH(), peer)
        ks_enc, ks_mac = pace.session_keys(shared, 128)
        self._next_sm = SecureMessaging(ks_enc, ks_mac, 0, "aes")
        return tlv(0x7C, b""), 0x9000

    def _general_authenticate(self, cmd: Command, protected: bool, _ext: bool) -> tuple[bytes, int]:
        if self._ca_selected and protected:
            return self._chip_authenticate(cmd)
        st = self._pace
        info = st.get("info")
        if not isinstance(info, pace.PaceInfo):
            return _sw(0x6985)
        curve = info.curve
        try:
            dyn = read_tlv(cmd.data)
            objs = list(iter_tlvs(dyn.value)) if dyn.tag == 0x7C else None
        except BerError:
            objs = None
        if objs is None:
            return _sw(0x6A80)
        step = st["step"]
        try:
            if step == 1 and not objs:
                s = os.urandom(16)
                st.update(s=s, step=2)
                z = pace.encrypt_nonce(pace.k_pi(self.profile.can, pace.PASSWORD_CAN), s)
                return tlv(0x7C, tlv(0x80, z)), 0x9000
            if step == 2 and find(objs, 0x81):
                sk = secrets.randbelow(curve.n - 1) + 1
                pk = curve.encode(curve.mul(sk, curve.g))
                g_hat = pace.map_generator(curve, st["s"], sk, find(objs, 0x81).value)  # type: ignore[arg-type,union-attr]
                st.update(g_hat=g_hat, step=3)
                return tlv(0x7C, tlv(0x82, pk)), 0x9000
            if step == 3 and find(objs, 0x83):
                sk = secrets.randbelow(curve.n - 1) + 1
                pk = curve.encode(curve.mul(sk, st["g_hat"]))  # type: ignore[arg-type]
                pk_ifd = find(objs, 0x83).value  # type: ignore[union-attr]
                shared = curve.mul(sk, curve.decode(pk_ifd))
                if shared is None:
                    raise ValueError("infinity")
                ks_enc, ks_mac = pace.session_keys(shared[0].to_bytes(curve.size, "big"), 128)
                st.update(pk=pk, pk_ifd=pk_ifd, ks_enc=ks_enc, ks_mac=ks_mac, step=4)
                return tlv(0x7C, tlv(0x84, pk)), 0x9000
            if step == 4 and find(objs, 0x85) and cmd.cla & 0x10 == 0:
                ks_mac = st["ks_mac"]
                expected = pace.auth_token(ks_mac, info.oid_der, st["pk"])  # type: ignore[arg-type]
                if find(objs, 0x85).value != expected:  # type: ignore[union-attr]
                    self._pace = {}
                    return _sw(0x6300)
                t_ic = pace.auth_token(ks_mac, info.oid_der, st["pk_ifd"])  # type: ignore[arg-type]
                self.sm = SecureMessaging(st["ks_enc"], ks_mac, 0, "aes")  # type: ignore[arg-type]
                self._pace = {}
                return tlv(0x7C, tlv(0x86, t_ic)), 0x9000
        except ValueError:
            self._pace = {}
            return _sw(0x6A80)
        self._pace = {}
        return _sw(0x6985)

    # -- Active Authentication ------------------------------------------------------------------------
    def _internal_authenticate(self, cmd: Command, protected: bool, _ext: bool) -> tuple[bytes, int]:
        key = self.profile.aa_key
        if key is None or not protected:
            return _sw(0x6D00 if key is None else 0x6982)
        der = key.sign(cmd.data, ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        size = (key.curve.key_size + 7) // 8
        return r.to_bytes(size, "big") + s.to_bytes(size, "big"), 0x9000

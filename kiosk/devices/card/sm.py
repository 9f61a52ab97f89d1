"""ICAO 9303 secure messaging (3DES after BAC, AES after PACE) for both the reader and the virtual card.

Why: every APDU after access control is wrapped: DO87 (encrypted data), DO97 (Le), DO99 (status),
DO8E (MAC) with a send-sequence counter (SSC) incremented before each command and each response. The
response MAC is always verified; a response without one is an :class:`SMError` (the session is lost).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import crypto
from .apdu import Command
from .ber import BerError, iter_tlvs, tlv


class SMError(Exception):
    """Secure messaging broke down (missing/bad MAC, bad padding): the session must be re-established."""


@dataclass
class SecureMessaging:
    ks_enc: bytes
    ks_mac: bytes
    ssc: int
    cipher: str = "3des"  # "3des" (BAC) or "aes" (PACE)

    @property
    def block(self) -> int:
        return 8 if self.cipher == "3des" else 16

    def _ssc_bytes(self) -> bytes:
        return self.ssc.to_bytes(self.block, "big")

    def _mac(self, data: bytes) -> bytes:
        msg = self._ssc_bytes() + data
        if self.cipher == "3des":
            return crypto.mac_alg3(self.ks_mac, msg)
        return crypto.aes_cmac8(self.ks_mac, crypto.pad(msg, 16))

    def _encrypt(self, plain: bytes) -> bytes:
        padded = crypto.pad(plain, self.block)
        if self.cipher == "3des":
            return crypto.tdes_cbc_encrypt(self.ks_enc, padded)
        iv = crypto.aes_ecb_encrypt(self.ks_enc, self._ssc_bytes())
        return crypto.aes_cbc_encrypt(self.ks_enc, padded, iv)

    def _decrypt(self, cipher_text: bytes) -> bytes:
        if not cipher_text or len(cipher_text) % self.block:
            raise SMError("ciphertext length")
        if self.cipher == "3des":
            plain = crypto.tdes_cbc_decrypt(self.ks_enc, cipher_text)
        else:
            iv = crypto.aes_ecb_encrypt(self.ks_enc, self._ssc_bytes())
            plain = crypto.aes_cbc_decrypt(self.ks_enc, cipher_text, iv)
        try:
            return crypto.unpad(plain)
        except ValueError as exc:
            raise SMError("bad padding") from exc

    @staticmethod
    def max_short_read(cipher: str) -> int:
        """Largest plaintext a short READ BINARY response can carry under SM (≤256 bytes of R-data)."""
        block = 8 if cipher == "3des" else 16
        # 87 81 L 01 <ct> + 99 02 SW + 8E 08 MAC  → ct + 18 ≤ 256
        ct = (256 - 18) // block * block
        return ct - 1

    # -- reader side ----------------------------------------------------------------------------------
    def protect(self, cmd: Command) -> Command:
        self.ssc += 1
        cla = cmd.cla | 0x0C
        header = bytes([cla, cmd.ins, cmd.p1, cmd.p2])
        do87 = b""
        if cmd.data:
            do87 = tlv(0x87, b"\x01" + self._encrypt(cmd.data))
        do97 = b""
        if cmd.le is not None:
            if cmd.extended or cmd.le > 256:
                do97 = tlv(0x97, (cmd.le & 0xFFFF).to_bytes(2, "big"))
            else:
                do97 = tlv(0x97, bytes([cmd.le & 0xFF]))
        mac = self._mac(crypto.pad(header, self.block) + do87 + do97)
        body = do87 + do97 + tlv(0x8E, mac)
        extended = cmd.extended or len(body) > 255
        return Command(cla, cmd.ins, cmd.p1, cmd.p2, body, 65536 if extended else 256, extended)

    def unprotect(self, data: bytes, sw: int) -> tuple[bytes, int]:
        self.ssc += 1
        try:
            objs = list(iter_tlvs(data))
        except BerError as exc:
            raise SMError("malformed SM response") from exc
        mac_obj = next((o for o in objs if o.tag == 0x8E), None)
        if mac_obj is None:
            raise SMError(f"unprotected response {sw:04X}")
        signed = b"".join(tlv(o.tag, o.value) for o in objs if o.tag in (0x85, 0x87, 0x99))
        if self._mac(signed) != mac_obj.value:
            raise SMError("response MAC mismatch")
        do99 = next((o for o in objs if o.tag == 0x99), None)
        if do99 is not None and len(do99.value) == 2:
            sw = int.from_bytes(do99.value, "big")
        do87 = next((o for o in objs if o.tag == 0x87), None)
        plain = b""
        if do87 is not None:
            if not do87.value or do87.value[0] != 0x01:
                raise SMError("bad DO87")
            plain = self._decrypt(do87.value[1:])
        return plain, sw

    # -- card side ------------------------------------------------------------------------------------
    def unprotect_command(self, cmd: Command) -> Command:
        """Verify and decrypt a protected command (virtual card)."""
        self.ssc += 1
        try:
            objs = list(iter_tlvs(cmd.data))
        except BerError as exc:
            raise SMError("malformed SM command") from exc
        mac_obj = next((o for o in objs if o.tag == 0x8E), None)
        if mac_obj is None:
            raise SMError("no MAC")
        header = bytes([cmd.cla, cmd.ins, cmd.p1, cmd.p2])
        signed = b"".join(tlv(o.tag, o.value) for o in objs if o.tag in (0x85, 0x87, 0x97))
        if self._mac(crypto.pad(header, self.block) + signed) != mac_obj.value:
            raise SMError("command MAC mismatch")
        data = b""
        le: int | None = None
        extended = cmd.extended
        for o in objs:
            if o.tag == 0x87:
                if not o.value or o.value[0] != 0x01:
                    raise SMError("bad DO87")
                data = self._decrypt(o.value[1:])
            elif o.tag == 0x97:
                if len(o.value) == 1:
                    le = o.value[0] or 256
                elif len(o.value) == 2:
                    le = int.from_bytes(o.value, "big") or 65536
                    extended = True
                else:
                    raise SMError("bad DO97")
        return Command(cmd.cla & ~0x0C & 0xFF, cmd.ins, cmd.p1, cmd.p2, data, le, extended)

    def protect_response(self, data: bytes, sw: int) -> bytes:
        """Wrap a response (virtual card): DO87 + DO99 + DO8E, then the plain status word."""
        self.ssc += 1
        do87 = tlv(0x87, b"\x01" + self._encrypt(data)) if data else b""
        do99 = tlv(0x99, sw.to_bytes(2, "big"))
        mac = self._mac(do87 + do99)
        return do87 + do99 + tlv(0x8E, mac) + sw.to_bytes(2, "big")

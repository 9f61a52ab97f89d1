"""Command APDUs (short and extended) and their byte encodings, in both directions.

Why: the reader builds commands and the virtual card parses them; one encoder/decoder keeps the ISO 7816-4
cases 1–4 (short and extended length) consistent on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ApduError(ValueError):
    """A command APDU that cannot be decoded."""


@dataclass(slots=True)
class Command:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None  # None = no Le field; 256 (short) / 65536 (extended) = "as much as possible"
    extended: bool = field(default=False)

    def __post_init__(self) -> None:
        if len(self.data) > 255 or (self.le is not None and self.le > 256):
            self.extended = True

    def to_bytes(self) -> bytes:
        head = bytes([self.cla, self.ins, self.p1, self.p2])
        if not self.extended:
            body = b""
            if self.data:
                body += bytes([len(self.data)]) + self.data
            if self.le is not None:
                body += bytes([self.le & 0xFF])
            return head + body
        body = b""
        if self.data:
            body += b"\x00" + len(self.data).to_bytes(2, "big") + self.data
        if self.le is not None:
            le = (self.le & 0xFFFF).to_bytes(2, "big")
            body += le if self.data else b"\x00" + le
        return head + body

    @property
    def header(self) -> bytes:
        return bytes([self.cla, self.ins, self.p1, self.p2])


def parse_command(raw: bytes) -> Command:
    """Decode an APDU as ISO 7816-4 defines its four cases, short or extended."""
    if len(raw) < 4:
        raise ApduError("APDU shorter than its header")
    cla, ins, p1, p2 = raw[:4]
    body = raw[4:]
    if not body:
        return Command(cla, ins, p1, p2)
    if len(body) == 1:
        return Command(cla, ins, p1, p2, le=body[0] or 256)
    if body[0] == 0 and len(body) >= 3:
        if len(body) == 3:
            return Command(cla, ins, p1, p2, le=int.from_bytes(body[1:3], "big") or 65536, extended=True)
        lc = int.from_bytes(body[1:3], "big")
        rest = body[3:]
        if lc == 0 or len(rest) not in (lc, lc + 2):
            raise ApduError("bad extended length")
        data = rest[:lc]
        le = None
        if len(rest) == lc + 2:
            le = int.from_bytes(rest[lc:], "big") or 65536
        return Command(cla, ins, p1, p2, data, le, extended=True)
    lc = body[0]
    rest = body[1:]
    if lc == 0 or len(rest) not in (lc, lc + 1):
        raise ApduError("bad short length")
    le = None
    if len(rest) == lc + 1:
        le = rest[lc] or 256
    return Command(cla, ins, p1, p2, rest[:lc], le)

"""A small, strict BER-TLV reader/writer for ICAO data objects and the Vietnamese DG13.

Why: the chip speaks ISO 7816 BER-TLV with multi-byte tags (7F61, 5F2E) and card-specific layouts; the
parsers must walk the real structure (never fixed offsets) and fail with one clean error type on garbage.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .errors import CardParseError

MAX_DEPTH = 16  # no ICAO/CCCD structure nests deeper; a deeper one is refused, never recursed into


class BerError(CardParseError):
    """Malformed BER data (the message never contains the data itself)."""


@dataclass(frozen=True, slots=True)
class Tlv:
    tag: int  # the raw tag bytes as an integer, e.g. 0x5F1F
    value: bytes
    constructed: bool
    end: int  # offset just past this TLV in the buffer it came from

    def children(self) -> list[Tlv]:
        if not self.constructed:
            raise BerError("primitive value has no children")
        return list(iter_tlvs(self.value))


def walk(buf: bytes, max_depth: int = MAX_DEPTH) -> Iterator[tuple[int, Tlv]]:
    """Every TLV in ``buf`` depth first as (depth, tlv), iteratively (no recursion, whatever the input);
    nesting deeper than ``max_depth`` raises BerError."""
    stack: list[Iterator[Tlv]] = [iter_tlvs(buf)]
    while stack:
        t = next(stack[-1], None)
        if t is None:
            stack.pop()
            continue
        depth = len(stack) - 1
        yield depth, t
        if t.constructed:
            if depth + 1 > max_depth:
                raise BerError("BER data nested too deep")
            stack.append(iter_tlvs(t.value))


def read_tag(buf: bytes, pos: int) -> tuple[int, bool, int]:
    if pos >= len(buf):
        raise BerError("truncated tag")
    first = buf[pos]
    constructed = bool(first & 0x20)
    tag = first
    pos += 1
    if first & 0x1F == 0x1F:
        for _ in range(4):
            if pos >= len(buf):
                raise BerError("truncated tag")
            b = buf[pos]
            tag = (tag << 8) | b
            pos += 1
            if not b & 0x80:
                break
        else:
            raise BerError("tag too long")
    return tag, constructed, pos


def read_length(buf: bytes, pos: int) -> tuple[int, int]:
    if pos >= len(buf):
        raise BerError("truncated length")
    first = buf[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    n = first & 0x7F
    if n == 0 or n > 4:
        raise BerError("unsupported length form")
    if pos + n > len(buf):
        raise BerError("truncated length")
    return int.from_bytes(buf[pos : pos + n], "big"), pos + n


def read_tlv(buf: bytes, pos: int = 0) -> Tlv:
    tag, constructed, pos = read_tag(buf, pos)
    length, pos = read_length(buf, pos)
    end = pos + length
    if end > len(buf):
        raise BerError("value runs past the end of the data")
    return Tlv(tag, bytes(buf[pos:end]), constructed, end)


def iter_tlvs(buf: bytes) -> Iterator[Tlv]:
    pos = 0
    while pos < len(buf):
        if buf[pos] in (0x00, 0xFF):  # padding between objects is allowed by ISO 7816-4
            pos += 1
            continue
        tlv = read_tlv(buf, pos)
        yield tlv
        pos = tlv.end


def header_length(buf: bytes) -> tuple[int, int]:
    """(header size, total size) of the TLV at the start of ``buf`` — used to size a file read."""
    _, _, pos = read_tag(buf, 0)
    length, pos = read_length(buf, pos)
    return pos, pos + length


def encode_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    return tag_bytes + encode_length(len(value)) + value


def find(tlvs: list[Tlv], tag: int) -> Tlv | None:
    for t in tlvs:
        if t.tag == tag:
            return t
    return None

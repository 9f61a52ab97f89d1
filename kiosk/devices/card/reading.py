"""Adaptive file reading: the largest block the card accepts, shrinking on errors, resumable.

Why: DG2 (the photo, 15–20 KB) dominates reading time, and the APDU count is what costs time on real
readers. The reader probes extended length (from the ATR's card capabilities, else by trying once), falls
back to the largest block that fits a short response under SM (231 B for 3DES, 223 B for AES), shrinks on
errors, and keeps every byte already read so a pulled card resumes from its last offset.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .apdu import Command
from .ber import BerError, header_length
from .errors import CardRemoved, ReadFailed
from .session import Authenticator, Channel, SessionLost
from .sm import SecureMessaging
from .transport import Transport

log = logging.getLogger(__name__)

EXT_MAX_BLOCK = 0x7F00
MIN_BLOCK = 0x40
MAX_FAILURES = 8
Progress = Callable[[int, int], None]


def atr_extended_length(atr: bytes) -> bool | None:
    """Card capabilities in the ATR historical bytes (ISO 7816-4 §12.1.1.9): extended Lc/Le supported?"""
    if len(atr) < 2:
        return None
    t0 = atr[1]
    count_hist = t0 & 0x0F
    pos, y = 2, t0 >> 4
    while True:
        td = None
        for bit in (0x10, 0x20, 0x40, 0x80):
            if y & bit:
                if pos >= len(atr):
                    return None
                if bit == 0x80:
                    td = atr[pos]
                pos += 1
        if td is None:
            break
        y = td >> 4
    hist = atr[pos : pos + count_hist]
    if len(hist) != count_hist or not hist or hist[0] != 0x80:
        return None
    i = 1
    while i < len(hist):
        tag, length = hist[i] >> 4, hist[i] & 0x0F
        value = hist[i + 1 : i + 1 + length]
        if tag == 0x7 and length >= 3:
            return bool(value[2] & 0x40)
        i += 1 + length
    return None


@dataclass
class FileState:
    name: str
    fid: int
    data: bytearray = field(default_factory=bytearray)
    total: int | None = None
    absent: bool = False

    @property
    def complete(self) -> bool:
        return self.absent or (self.total is not None and len(self.data) >= self.total)


class _ChunkError(Exception):
    def __init__(self, sw: int, extended: bool) -> None:
        super().__init__(f"{sw:04X}")
        self.sw = sw
        self.extended = extended


class FileReader:
    """Reads EFs through an authenticated channel, re-authenticating and resuming as needed."""

    def __init__(
        self,
        channel: Channel,
        auth: Authenticator,
        transport: Transport,
        *,
        adaptive: bool = True,
        block_size: int = 0xE0,
        reinsert_timeout: float = 20.0,
        progress: Progress | None = None,
    ) -> None:
        self.ch = channel
        self.auth = auth
        self.transport = transport
        self.adaptive = adaptive
        self.fixed_block = block_size
        self.reinsert_timeout = reinsert_timeout
        self.progress = progress
        self.selected: int | None = None
        self.ext: bool | None = atr_extended_length(transport.atr) if adaptive else False
        self.short_block = 0
        self.ext_block = EXT_MAX_BLOCK
        self.files: list[FileState] = []
        self._reset_block()

    def _reset_block(self) -> None:
        cipher = self.ch.sm.cipher if self.ch.sm else "3des"
        limit = SecureMessaging.max_short_read(cipher)
        self.short_block = limit if self.adaptive else self.fixed_block
        self.ch.stats.block_size = self.short_block

    # -- public -------------------------------------------------------------------------------------
    def first_chunk(self, st: FileState) -> None:
        self._loop(st, lambda: st.complete or st.total is not None)

    def finish(self, st: FileState) -> None:
        self._loop(st, lambda: st.complete)

    def report(self) -> None:
        if self.progress is not None:
            done = sum(len(f.data) for f in self.files)
            total = sum(f.total if f.total is not None else len(f.data) for f in self.files)
            self.progress(done, max(total, done))

    # -- internals ----------------------------------------------------------------------------------
    def _loop(self, st: FileState, done: Callable[[], bool]) -> None:
        if st not in self.files:
            self.files.append(st)
        failures = 0
        while not done():
            try:
                self._select(st)
                if st.absent:
                    return
                self._chunk(st)
                self.report()
            except CardRemoved:
                log.info("card removed during reading; waiting for it to come back")
                self._resume()
            except SessionLost as exc:
                failures += 1
                if getattr(exc, "extended", None) is not None:
                    self._after_error(exc.extended)  # type: ignore[attr-defined]
                self._recover()
            except _ChunkError as exc:
                failures += 1
                self._after_error(exc.extended, exc.sw)
            if failures > MAX_FAILURES:
                raise ReadFailed("too many errors while reading")

    def _after_error(self, extended: bool, sw: int | None = None) -> None:
        if extended:
            if self.ext is None:
                log.info("card does not take extended-length READ BINARY; using short APDUs")
                self.ext = False
            else:
                self.ext_block = max(MIN_BLOCK, self.ext_block // 2)
                if self.ext_block <= self.short_block:
                    self.ext = False
        else:
            self.short_block = max(MIN_BLOCK, self.short_block * 3 // 4)
            self.ch.stats.block_size = self.short_block
            log.info("shrinking read block to %d after status %s", self.short_block, f"{sw:04X}" if sw else "SM loss")

    def _resume(self) -> None:
        """Reconnect and re-authenticate, retrying while the reader settles, until the timeout."""
        deadline = time.monotonic() + self.reinsert_timeout
        while True:
            try:
                self.transport.reconnect(max(0.0, deadline - time.monotonic()))
                self._recover()
                self.ch.stats.resumed += 1
                return
            except CardRemoved:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.1)

    def _recover(self) -> None:
        self.selected = None
        try:
            self.auth.again()
        except SessionLost as exc:
            raise ReadFailed("re-authentication failed") from exc

    def _select(self, st: FileState) -> None:
        if self.selected == st.fid:
            return
        _, sw = self.ch.send(Command(0x00, 0xA4, 0x02, 0x0C, st.fid.to_bytes(2, "big")))
        if sw == 0x6A82:
            st.absent = True
            return
        if sw != 0x9000:
            raise _ChunkError(sw, False)
        self.selected = st.fid

    def _choose(self, want: int) -> tuple[int, bool]:
        if self.ext is not False and self.adaptive and want > self.short_block:
            return min(want, self.ext_block), True
        return min(want, self.short_block), False

    def _chunk(self, st: FileState) -> None:
        offset = len(st.data)
        if offset > 0x7FFF:
            raise ReadFailed("file larger than 32 KB")
        want = self.short_block if st.total is None else st.total - offset
        le, extended = self._choose(want)
        cmd = Command(0x00, 0xB0, offset >> 8, offset & 0xFF, le=le, extended=extended)
        self.ch.stats.read_binary += 1
        try:
            data, sw = self.ch.send(cmd)
        except SessionLost as exc:
            exc.extended = extended  # type: ignore[attr-defined]
            raise
        if sw in (0x9000, 0x6282) and data:
            st.data += data
            self.ch.stats.bytes += len(data)
            if extended and self.ext is None:
                self.ext = True
            self.ch.stats.extended_length = self.ch.stats.extended_length or extended
            if st.total is None:
                try:
                    _, st.total = header_length(bytes(st.data))
                except BerError as exc:
                    if len(st.data) >= 6:
                        raise ReadFailed("file does not start with a TLV") from exc
            if st.total is not None and len(st.data) > st.total:
                del st.data[st.total :]
            return
        if sw == 0x6B00 and st.total is None:
            st.total = len(st.data)
            return
        raise _ChunkError(sw, extended)

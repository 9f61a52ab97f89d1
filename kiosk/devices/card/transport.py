"""PC/SC transport over pyscard (low-level ``smartcard.scard``): readers, connect, transmit, card events.

Why: the reading logic needs bytes in/bytes out plus clean, typed failures — service down (0x8010001D),
no reader, no card, card removed — and a way to wait for a card to come back. pyscard is imported lazily
so the rest of the app (and kiosk/core) never needs it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from .errors import CardRemoved, NoCard, NoReader, ReaderServiceDown

log = logging.getLogger(__name__)

SCARD_E_NO_SERVICE = 0x8010001D
SCARD_E_SERVICE_STOPPED = 0x8010001E
SCARD_E_NO_READERS_AVAILABLE = 0x8010002E
SCARD_E_UNKNOWN_READER = 0x80100009
SCARD_E_NO_SMARTCARD = 0x8010000C
SCARD_W_REMOVED_CARD = 0x80100069
SCARD_E_TIMEOUT = 0x8010000A
_NO_CARD = {SCARD_E_NO_SMARTCARD, SCARD_W_REMOVED_CARD, 0x80100066, 0x80100067}  # + unresponsive/unpowered
_SERVICE = {SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED}


def _u32(hr: int) -> int:
    return hr & 0xFFFFFFFF


class Transport(Protocol):
    """What the reader logic needs from a connection to a card."""

    atr: bytes

    def transmit(self, apdu: bytes) -> tuple[bytes, int]: ...

    def reconnect(self, timeout: float) -> None: ...

    def close(self) -> None: ...


def _scard() -> Any:
    try:
        from smartcard import scard  # lazy: pyscard is only needed when a real reader is used
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ReaderServiceDown("pyscard is not installed") from exc
    return scard


def _context() -> tuple[Any, int]:
    scard = _scard()
    hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if _u32(hr) != 0:
        raise ReaderServiceDown(f"0x{_u32(hr):08X}")
    return scard, ctx


def list_readers() -> list[str]:
    scard, ctx = _context()
    try:
        hr, names = scard.SCardListReaders(ctx, [])
        hr = _u32(hr)
        if hr in _SERVICE:
            raise ReaderServiceDown(f"0x{hr:08X}")
        if hr == SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hr != 0:
            raise NoReader(f"0x{hr:08X}")
        return list(names)
    finally:
        scard.SCardReleaseContext(ctx)


def pick_reader(names: list[str], wanted: str | None) -> str:
    if not names:
        raise NoReader()
    if wanted is None:
        return names[0]
    for n in names:
        if n == wanted:
            return n
    for n in names:
        if wanted.lower() in n.lower():
            return n
    raise NoReader("no reader matches the configured name")


class PcscTransport:
    """One card connection on one reader; reconnects after the card is pulled out and put back."""

    def __init__(self, reader: str | None = None, wait_for_card: float = 0.0, connect: bool = True) -> None:
        self._scard, self._ctx = _context()
        self._card: Any = None
        self._proto = 0
        self.atr = b""
        try:
            self.reader = pick_reader(self._list(), reader)
            if connect:
                self._connect(wait_for_card)
        except BaseException:
            self.close()
            raise

    def _list(self) -> list[str]:
        hr, names = self._scard.SCardListReaders(self._ctx, [])
        hr = _u32(hr)
        if hr in _SERVICE:
            raise ReaderServiceDown(f"0x{hr:08X}")
        if hr != 0:
            return []
        return list(names)

    def _wait_present(self, timeout: float) -> bool:
        s = self._scard
        deadline = time.monotonic() + timeout
        state = s.SCARD_STATE_UNAWARE
        while True:
            remaining = max(0, int((deadline - time.monotonic()) * 1000))
            hr, states = s.SCardGetStatusChange(self._ctx, min(remaining, 250), [(self.reader, state)])
            hr = _u32(hr)
            if hr in _SERVICE:
                raise ReaderServiceDown(f"0x{hr:08X}")
            if hr == 0 and states:
                _, state, _atr = states[0]
                if state & s.SCARD_STATE_PRESENT and not state & s.SCARD_STATE_MUTE:
                    return True
                state &= ~s.SCARD_STATE_CHANGED
            elif hr not in (0, SCARD_E_TIMEOUT):
                if hr == SCARD_E_UNKNOWN_READER:
                    raise NoReader("the reader disappeared")
                time.sleep(0.05)
            if time.monotonic() >= deadline:
                return False

    def wait_absent(self, timeout: float) -> bool:
        """Block until the reader reports no card (used after a virtual card is stopped)."""
        s = self._scard
        deadline = time.monotonic() + timeout
        state = s.SCARD_STATE_UNAWARE
        while time.monotonic() < deadline:
            hr, states = s.SCardGetStatusChange(self._ctx, 100, [(self.reader, state)])
            if _u32(hr) == 0 and states:
                _, state, _atr = states[0]
                if state & s.SCARD_STATE_EMPTY:
                    return True
                state &= ~s.SCARD_STATE_CHANGED
        return False

    def _connect(self, wait: float) -> None:
        s = self._scard
        deadline = time.monotonic() + wait
        while True:
            hr, card, proto = s.SCardConnect(
                self._ctx, self.reader, s.SCARD_SHARE_SHARED, s.SCARD_PROTOCOL_T0 | s.SCARD_PROTOCOL_T1
            )
            hr = _u32(hr)
            if hr == 0:
                self._card, self._proto = card, proto
                hr, _name, _state, _p, atr = s.SCardStatus(card)
                self.atr = bytes(atr) if _u32(hr) == 0 else b""
                return
            if hr in _SERVICE:
                raise ReaderServiceDown(f"0x{hr:08X}")
            if hr == SCARD_E_UNKNOWN_READER:
                raise NoReader("the reader disappeared")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise NoCard(f"0x{hr:08X}")
            self._wait_present(min(remaining, 1.0))
            time.sleep(0.02)

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        if self._card is None:
            raise CardRemoved("not connected")
        s = self._scard
        pci = s.SCARD_PCI_T0 if self._proto == s.SCARD_PROTOCOL_T0 else s.SCARD_PCI_T1
        hr, resp = s.SCardTransmit(self._card, pci, list(apdu))
        hr = _u32(hr)
        if hr != 0:
            if hr in _SERVICE:
                raise ReaderServiceDown(f"0x{hr:08X}")
            self._drop()
            raise CardRemoved(f"0x{hr:08X}")
        if len(resp) < 2:  # the card went away mid-exchange (seen with vpcd when the card leaves)
            self._drop()
            raise CardRemoved("empty response")
        data, sw = bytes(resp[:-2]), (resp[-2] << 8) | resp[-1]
        while sw >> 8 == 0x61:  # T=0: fetch the rest with GET RESPONSE
            more, sw = self.transmit(bytes([apdu[0] & 0x03, 0xC0, 0, 0, sw & 0xFF]))
            data += more
        if sw >> 8 == 0x6C and len(apdu) >= 5:  # T=0: wrong Le, repeat with the card's
            return self.transmit(apdu[:-1] + bytes([sw & 0xFF]))
        return data, sw

    def _drop(self) -> None:
        if self._card is not None:
            try:
                self._scard.SCardDisconnect(self._card, self._scard.SCARD_LEAVE_CARD)
            except Exception:  # noqa: BLE001 - the handle is already dead
                pass
            self._card = None

    def reconnect(self, timeout: float) -> None:
        """Wait (up to ``timeout`` s) for a card on the same reader and connect to it again."""
        self._drop()
        try:
            self._connect(timeout)
        except NoCard as exc:
            raise CardRemoved("the card did not come back") from exc

    def close(self) -> None:
        self._drop()
        if getattr(self, "_ctx", None) is not None:
            try:
                self._scard.SCardReleaseContext(self._ctx)
            except Exception:  # noqa: BLE001
                pass
            self._ctx = None


@dataclass(frozen=True)
class CardEvent:
    kind: str  # "inserted" | "removed" | "reader_lost" | "service_down"
    reader: str


class CardMonitor:
    """Background thread emitting :class:`CardEvent` on card insertion/removal (for the UI)."""

    def __init__(self, callback: Callable[[CardEvent], None], reader: str | None = None, poll_ms: int = 250) -> None:
        self._callback = callback
        self._wanted = reader
        self._poll = poll_ms
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="card-monitor", daemon=True)

    def start(self) -> CardMonitor:
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        present: dict[str, bool] = {}
        while not self._stop.is_set():
            try:
                scard, ctx = _context()
            except ReaderServiceDown:
                present.clear()  # whatever was there is reported afresh when the service is back
                self._callback(CardEvent("service_down", ""))
                self._stop.wait(2.0)
                continue
            try:
                self._watch(scard, ctx, present)
            finally:
                try:
                    scard.SCardReleaseContext(ctx)
                except Exception:  # noqa: BLE001 - the daemon that issued it is gone
                    pass
            present.clear()  # _watch returns only when the service went down

    def _watch(self, scard: Any, ctx: Any, present: dict[str, bool]) -> None:
        while not self._stop.is_set():
            hr, names = scard.SCardListReaders(ctx, [])
            if _u32(hr) in _SERVICE:
                self._callback(CardEvent("service_down", ""))
                return
            names = [n for n in (names or []) if self._wanted is None or self._wanted.lower() in n.lower()]
            for gone in set(present) - set(names):
                present.pop(gone)
                self._callback(CardEvent("reader_lost", gone))
            if not names:
                self._stop.wait(self._poll / 1000)
                continue
            states = [(n, scard.SCARD_STATE_UNAWARE) for n in names]
            hr, result = scard.SCardGetStatusChange(ctx, 0, states)
            if _u32(hr) == 0:
                for name, state, _atr in result:
                    now = bool(state & scard.SCARD_STATE_PRESENT)
                    if present.get(name) != now:
                        if name in present or now:
                            self._callback(CardEvent("inserted" if now else "removed", name))
                        present[name] = now
            elif _u32(hr) in _SERVICE:
                self._callback(CardEvent("service_down", ""))
                return
            self._stop.wait(self._poll / 1000)

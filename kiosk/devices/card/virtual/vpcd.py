"""The virtual card's connection to vsmartcard-vpcd (TCP, 2-byte length-prefixed messages).

Why: through vpcd the virtual card is a real reader slot for pcscd, so pyscard, the CLI and the UI read it
exactly as they read a physical card. TCP_QUICKACK is set after every receive, because vpcd writes the
length and the APDU separately and delayed ACK would otherwise cost ~44 ms per APDU (chip.md §7.1).
"""

from __future__ import annotations

import logging
import socket
import struct
import threading
import time

from .card import VirtualCard

log = logging.getLogger(__name__)

VPCD_PORT = 35963
CTRL_OFF, CTRL_ON, CTRL_RESET, CTRL_ATR = 0, 1, 2, 4


class _Closed(Exception):
    pass


class VpcdCardThread(threading.Thread):
    """Serves one :class:`VirtualCard` on a vpcd reader slot until :meth:`stop`."""

    def __init__(self, card: VirtualCard, host: str = "127.0.0.1", port: int = VPCD_PORT, connect_timeout: float = 10.0) -> None:
        super().__init__(name=f"virtual-cccd-{port}", daemon=True)
        self.card = card
        self.host = host
        self.port = port
        self.connect_timeout = connect_timeout
        self._stop_event = threading.Event()
        self._sock: socket.socket | None = None
        self.connected = threading.Event()
        self.pulled = 0
        self.error: BaseException | None = None

    def stop(self, timeout: float = 2.0) -> None:
        self._stop_event.set()
        sock = self._sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)

    def run(self) -> None:
        try:
            while not self._stop_event.is_set():
                if not self._connect():
                    return
                pulled = self._serve()
                self._close()
                if not pulled:
                    return
                self.pulled += 1
                if self._stop_event.wait(self.card.options.reinsert_delay):
                    return
                self.card.reset()
        except BaseException as exc:  # noqa: BLE001 - reported through .error
            self.error = exc
            log.warning("virtual card stopped: %s", type(exc).__name__)
        finally:
            self._close()

    def _connect(self) -> bool:
        deadline = time.monotonic() + self.connect_timeout
        while not self._stop_event.is_set():
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
                sock.settimeout(None)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self._sock = sock
                self.connected.set()
                return True
            except OSError:
                if time.monotonic() > deadline:
                    self.error = ConnectionError(f"vpcd is not listening on port {self.port}")
                    return False
                time.sleep(0.05)
        return False

    def _close(self) -> None:
        self.connected.clear()
        if self._sock is not None:
            try:
                self._sock.close()
            except OSError:
                pass
            self._sock = None

    def _recv(self, n: int) -> bytes:
        assert self._sock is not None
        buf = b""
        while len(buf) < n:
            chunk = self._sock.recv(n - len(buf))
            if not chunk:
                raise _Closed()
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            buf += chunk
        return buf

    def _send(self, payload: bytes) -> None:
        assert self._sock is not None
        self._sock.sendall(struct.pack(">H", len(payload)) + payload)

    def _serve(self) -> bool:
        """Answer vpcd until it closes (False) or the card is pulled out (True)."""
        pull_after = self.card.options.pull_after
        try:
            while not self._stop_event.is_set():
                (length,) = struct.unpack(">H", self._recv(2))
                payload = self._recv(length)
                if length == 1:
                    ctrl = payload[0]
                    if ctrl == CTRL_ATR:
                        self._send(self.card.atr)
                    elif ctrl in (CTRL_OFF, CTRL_RESET, CTRL_ON):
                        self.card.reset()
                    continue
                if pull_after is not None and self.pulled == 0 and self.card.commands >= pull_after:
                    log.info("virtual card: pulled out after %d commands", self.card.commands)
                    return True
                self._send(self.card.process(payload))
        except (_Closed, OSError):
            return False
        return False

"""An in-process transport to the virtual card (no pcscd): fast unit tests of the whole reading logic.

Why: the reading, resume and SM code paths can be exercised in milliseconds; the same card also runs
behind real pcscd + vpcd in the integration tests.
"""

from __future__ import annotations

from ..errors import CardRemoved
from .card import VirtualCard


class DirectTransport:
    def __init__(self, card: VirtualCard) -> None:
        self.card = card
        self.atr = card.atr
        self.pulled = False
        self.sent: list[bytes] = []

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        pull = self.card.options.pull_after
        if pull is not None and not self.pulled and self.card.commands >= pull:
            self.pulled = True
            self.card.reset()
            raise CardRemoved("virtual card pulled")
        self.sent.append(apdu)
        resp = self.card.process(apdu)
        return resp[:-2], int.from_bytes(resp[-2:], "big")

    def reconnect(self, timeout: float) -> None:
        self.card.reset()

    def close(self) -> None:
        pass

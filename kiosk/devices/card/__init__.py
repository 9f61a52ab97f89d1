"""Reading the Vietnamese chip ID card (CCCD, ICAO 9303 LDS1) over PC/SC — the public API.

Use from a worker thread (it blocks)::

    from kiosk.devices.card import read_card, keys
    result = read_card(keys.from_qr(qr_text), reader=None, trust_dir=None, progress=lambda done, total: ...)
    result.card.full_name, result.auth, result.passive_auth, result.active_auth, result.stats
    result.wipe()

Failures are typed (:class:`CardError` subclasses with ``message_vi`` / ``message_en``). pyscard is only
imported when a reader is actually opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import keys
from .errors import (
    AccessDenied,
    ActiveAuthFailed,
    CardError,
    CardNotVerified,
    CardParseError,
    CardRemoved,
    ChipAuthFailed,
    NoCard,
    NoReader,
    PassiveAuthFailed,
    ReaderServiceDown,
    ReadFailed,
    VirtualCardRefused,
)
from .keys import KeySource, KeySourceError, from_mrz, from_qr, from_typed
from .model import CardData, ReadResult, ReadStats

if TYPE_CHECKING:
    from .service import Progress, read_card
    from .transport import CardEvent, CardMonitor, list_readers

# the reading code (cryptography, asn1crypto, pyscard) is imported on first use, not with the package: the
# kiosk UI imports ``keys`` and ``errors`` before its first frame and reads a card only much later
_LAZY = {"Progress": ".service", "read_card": ".service", "CardEvent": ".transport", "CardMonitor": ".transport",
         "list_readers": ".transport"}


def __getattr__(name: str) -> Any:
    """PEP 562: ``read_card``, ``CardMonitor``… are imported from their modules when first asked for."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "AccessDenied",
    "ActiveAuthFailed",
    "CardData",
    "CardError",
    "CardNotVerified",
    "CardParseError",
    "ChipAuthFailed",
    "CardEvent",
    "CardMonitor",
    "CardReaderService",
    "CardRemoved",
    "KeySource",
    "KeySourceError",
    "NoCard",
    "NoReader",
    "PassiveAuthFailed",
    "ReadFailed",
    "ReadResult",
    "ReadStats",
    "ReaderServiceDown",
    "VirtualCardRefused",
    "from_mrz",
    "from_qr",
    "from_typed",
    "keys",
    "list_readers",
    "read_card",
]


class CardReaderService:
    """The card reader as the app's composition root configures it (``Settings.card``)."""

    def __init__(
        self, reader: str | None = None, trust_dir: Path | None = None, try_pace: bool = True,
        require_trusted_chain: bool = False,
    ) -> None:
        self.reader = reader
        self.trust_dir = trust_dir
        self.try_pace = try_pace
        self.require_trusted_chain = require_trusted_chain

    @classmethod
    def from_settings(cls, settings: Any) -> CardReaderService:
        """From the whole Settings (the trust policy needs ``environment``) or from ``Settings.card``."""
        from .trust import TrustPolicy

        card = getattr(settings, "card", settings)
        policy = TrustPolicy.from_settings(settings)
        return cls(card.reader, card.trust_dir, card.try_pace, policy.require_trusted_chain)

    def read(self, key_source: KeySource, progress: Progress | None = None, wait_for_card: float = 0.0) -> ReadResult:
        """Blocking read; run it on a worker thread (QThread/QRunnable), never on the GUI thread."""
        from .service import read_card

        return read_card(
            key_source, self.reader, self.trust_dir, progress, try_pace=self.try_pace, wait_for_card=wait_for_card,
            require_trusted_chain=self.require_trusted_chain,
        )

    def monitor(self, callback: Any) -> CardMonitor:
        """A started monitor calling ``callback(CardEvent)`` on insert/remove (from its own thread)."""
        from .transport import CardMonitor

        return CardMonitor(callback, self.reader).start()

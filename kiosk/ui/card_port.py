"""The card reader as the UI sees it: one blocking ``read(key, progress)`` call, run on a worker thread.

Why: the UI must not care whether the chip is read through pcscd (a real reader, or the project's virtual
card over vpcd in the demo) or through the simulated reader the early UI tests used. Both implement
:class:`CardReaderPort`; :func:`open_card_reader` picks the real one when the card package provides it.
Error messages shown to the citizen come from the card package's typed errors (``message_vi`` /
``message_en``) plus one plain next step each, so the screen always says what to do.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any, Protocol

from kiosk.devices.card import errors as card_errors
from kiosk.devices.card.keys import KeySource
from kiosk.devices.card.model import ReadResult

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class CardReaderPort(Protocol):
    def read(self, key: KeySource, progress: Progress | None = None) -> ReadResult: ...


# error class name -> (kind the UI acts on, extra hint vi, extra hint en)
ERROR_KINDS: dict[str, tuple[str, str, str]] = {
    "AccessDenied": ("wrong_key", "Bạn có thể nhập lại, hoặc quét mã QR trên thẻ.",
                     "You can type them again, or scan the QR code on the card."),
    "NoCard": ("no_card", "Sau đó bấm Thử lại.", "Then press Try again."),
    "CardRemoved": ("removed", "Sau đó bấm Thử lại.", "Then press Try again."),
    "ReadFailed": ("read_failed", "Sau đó bấm Thử lại.", "Then press Try again."),
    "NoReader": ("no_reader", "", ""),
    "ReaderServiceDown": ("no_reader", "", ""),
    "PassiveAuthFailed": ("untrusted", "", ""),
    "ActiveAuthFailed": ("untrusted", "", ""),
    "CardNotVerified": ("untrusted", "", ""),
}


def describe_card_error(exc: BaseException) -> tuple[str, str, str]:
    """(kind, message vi, message en) for any exception coming out of a card read."""
    for cls in type(exc).__mro__:
        if cls.__name__ in ERROR_KINDS:
            kind, hint_vi, hint_en = ERROR_KINDS[cls.__name__]
            vi = getattr(exc, "message_vi", "") or "Không đọc được thẻ."
            en = getattr(exc, "message_en", "") or "The card could not be read."
            return kind, f"{vi} {hint_vi}".strip(), f"{en} {hint_en}".strip()
    if isinstance(exc, card_errors.CardError):
        return "read_failed", f"{exc.message_vi} Đặt lại thẻ rồi bấm Thử lại.", f"{exc.message_en} Put the card back, then press Try again."
    log.warning("unexpected card error type %s", type(exc).__name__)
    return ("read_failed", "Không đọc được thẻ. Đặt lại thẻ rồi bấm Thử lại, hoặc gọi cán bộ.",
            "The card could not be read. Put it back and press Try again, or call staff.")


class PcscCardReader:
    """The card package's blocking reader (pyscard over pcscd): kiosk.devices.card.service.read_card."""

    def __init__(self, settings: Any, reader: str | None = None, trust_dir: Any = None,
                 wait_for_card: float | None = None, require_trusted_chain: bool | None = None) -> None:
        from kiosk.devices.card.trust import TrustPolicy

        self.settings = settings
        self.reader = reader if reader is not None else settings.card.reader
        self.trust_dir = trust_dir if trust_dir is not None else settings.card.trust_dir
        self.wait_for_card = float(settings.card.wait_for_card_s if wait_for_card is None else wait_for_card)
        policy = TrustPolicy.from_settings(settings)
        # the site's policy; a caller may make it stricter, never laxer
        self.require_trusted_chain = policy.require_trusted_chain or bool(require_trusted_chain)
        if self.require_trusted_chain and self.trust_dir is None:
            log.warning("card.require_trusted_chain is on but card.trust_dir is not set: every card will be refused")

    def read(self, key: KeySource, progress: Progress | None = None) -> ReadResult:
        from kiosk.devices.card.service import read_card

        return read_card(key, reader=self.reader, trust_dir=self.trust_dir, progress=progress,
                         try_pace=self.settings.card.try_pace, wait_for_card=self.wait_for_card,
                         require_trusted_chain=self.require_trusted_chain)


def real_reader_available() -> bool:
    try:
        mod = importlib.import_module("kiosk.devices.card.service")
    except ImportError:
        return False
    return hasattr(mod, "read_card")


def open_card_reader(settings: Any, simulated: bool = False) -> CardReaderPort:
    if not simulated and real_reader_available():
        return PcscCardReader(settings)
    from kiosk.ui.simulated import SimulatedCardReader

    return SimulatedCardReader()

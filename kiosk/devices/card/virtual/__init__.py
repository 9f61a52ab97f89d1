"""The project's own virtual CCCD over vsmartcard-vpcd, for tests, ``kiosk card emulate`` and ``kiosk demo``.

Why: the whole product must work with no hardware. :func:`start_demo_card` starts (or reuses) pcscd and
serves the demo citizen's card in a background thread; :func:`start_virtual_card` serves any profile.
Both refuse to run when the configuration's environment is ``production`` (vpcd listens on all
interfaces: never install it on a production kiosk).
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import VirtualCardRefused
from .card import CardOptions, CardProfile, VirtualCard
from .demo import demo_citizen, elderly_citizen, make_photo
from .pcscd import PcscdHandle, PcscdUnavailable, port_listening, start_pcscd
from .profile import Citizen, TestPki, build_profile
from .vpcd import VPCD_PORT, VpcdCardThread

PROFILES = {"demo": demo_citizen, "elderly": elderly_citizen}

__all__ = [
    "PROFILES",
    "CardOptions",
    "CardProfile",
    "Citizen",
    "PcscdHandle",
    "PcscdUnavailable",
    "TestPki",
    "VirtualCard",
    "VirtualCardHandle",
    "build_profile",
    "ensure_allowed",
    "make_photo",
    "port_listening",
    "reader_name",
    "start_demo_card",
    "start_pcscd",
    "start_virtual_card",
]


def reader_name(slot: int = 0) -> str:
    return f"Virtual PCD 00 {slot:02d}"


def ensure_allowed(settings: Any | None = None) -> None:
    """Raise VirtualCardRefused in a production configuration (settings loaded when not given)."""
    environment = getattr(settings, "environment", None)
    if settings is None:
        from kiosk.config import ConfigError, load_settings

        try:
            environment = load_settings().environment
        except ConfigError:
            import os

            environment = os.environ.get("KIOSK_ENVIRONMENT", "demo")
    if environment == "production":
        raise VirtualCardRefused()


@dataclass
class VirtualCardHandle:
    """A running virtual card (and the pcscd it started, if any). Call :meth:`stop` when done."""

    card: VirtualCard
    thread: VpcdCardThread
    slot: int
    citizen: Citizen | None = None
    pki: TestPki | None = None
    trust_dir: Path | None = None
    photo: bytes | None = None
    pcscd: PcscdHandle | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def reader(self) -> str:
        return reader_name(self.slot)

    def _wait_removed(self, timeout: float) -> None:
        from ..errors import CardError
        from ..transport import PcscTransport

        try:
            t = PcscTransport(self.reader, connect=False)
        except CardError:
            return
        try:
            t.wait_absent(timeout)
        finally:
            t.close()

    def wait_ready(self, timeout: float = 5.0) -> None:
        """Block until pcscd reports the card present in its reader slot."""
        from ..transport import PcscTransport

        if not self.thread.connected.wait(timeout):
            raise PcscdUnavailable(str(self.thread.error or "the virtual card did not connect to vpcd"))
        t = PcscTransport(self.reader, wait_for_card=timeout)
        t.close()

    def stop(self, wait_removed: float = 3.0) -> None:
        """Stop the card; wait until pcscd sees the slot empty so the next card starts clean."""
        self.thread.stop()
        pcscd_stays = self.pcscd is None or not self.pcscd.started
        if wait_removed and pcscd_stays:
            self._wait_removed(wait_removed)
        if self.pcscd is not None:
            self.pcscd.stop()
            self.pcscd = None
        lock = self.extra.pop("slot_lock", None)
        if isinstance(lock, int):
            os.close(lock)  # releases the slot for the next virtual card


SLOT_WAIT_S = 120.0


def _lock_slot(slot: int, wait: float = SLOT_WAIT_S) -> int:
    """An exclusive lock on vpcd slot ``slot`` for this machine: vpcd serves one card per slot, and a second
    card would wait unseen in its accept queue. Another virtual card (a test, ``kiosk demo``, ``kiosk card
    emulate``) holding the slot makes this wait, then fail with a plain message."""
    path = Path(tempfile.gettempdir()) / f"kiosk-vpcd-slot{slot}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise PcscdUnavailable(f"vpcd slot {slot} is in use by another virtual card") from None
            time.sleep(0.1)


def start_virtual_card(
    profile: CardProfile,
    options: CardOptions | None = None,
    *,
    slot: int = 0,
    settings: Any | None = None,
    host: str = "127.0.0.1",
) -> VirtualCardHandle:
    """Serve ``profile`` on vpcd slot ``slot`` (port 35963 + slot) in a daemon thread."""
    ensure_allowed(settings)
    lock = _lock_slot(slot)
    try:
        card = VirtualCard(profile, options)
        thread = VpcdCardThread(card, host=host, port=VPCD_PORT + slot)
        thread.start()
    except BaseException:
        os.close(lock)
        raise
    handle = VirtualCardHandle(card, thread, slot)
    handle.extra["slot_lock"] = lock
    return handle


def start_demo_card(
    profile: str = "demo",
    options: CardOptions | None = None,
    *,
    data_dir: Path | None = None,
    slot: int = 0,
    settings: Any | None = None,
    with_pcscd: bool = True,
    tampered_dg13: bool = False,
    with_dg15: bool = True,
    with_dg14: bool = False,
    forged: bool = False,
    cloned_aa: bool = False,
    with_ca: bool = False,
    cloned_ca: bool = False,
    wait: float = 5.0,
) -> VirtualCardHandle:
    """Start pcscd (or reuse it) and the demo citizen's card; the test CSCA goes to ``data_dir``.

    The returned handle's ``trust_dir`` holds the generated CSCA certificate (pass it as ``trust_dir`` to
    :func:`kiosk.devices.card.read_card` for ``verified``), ``citizen.qr_text()`` gives a key source.
    ``forged``: EF.SOD is signed under a forger's own CSCA with the same names (not in ``trust_dir``);
    ``cloned_aa``: the chip's AA key is not DG15's (active authentication fails); ``with_ca`` adds Chip
    Authentication (DG14), ``cloned_ca`` gives the chip another CA key than DG14's.
    """
    ensure_allowed(settings)
    if profile not in PROFILES:
        raise ValueError(f"unknown virtual card profile {profile!r} (known: {', '.join(PROFILES)})")
    pcscd = start_pcscd() if with_pcscd else None
    handle: VirtualCardHandle | None = None
    try:
        citizen = PROFILES[profile]()
        pki = TestPki.generate()
        trust_dir = pki.write_csca(Path(data_dir or tempfile.mkdtemp(prefix="kiosk-card-")) / "csca").parent
        photo = make_photo()
        signer = TestPki.forger_of(pki) if forged else pki
        card_profile = build_profile(citizen, photo, signer, tampered_dg13=tampered_dg13, with_dg15=with_dg15,
                                     with_dg14=with_dg14, cloned_aa=cloned_aa, with_ca=with_ca, cloned_ca=cloned_ca)
        handle = start_virtual_card(card_profile, options, slot=slot, settings=settings)
        handle.citizen, handle.pki, handle.trust_dir, handle.photo, handle.pcscd = citizen, pki, trust_dir, photo, pcscd
        if wait and with_pcscd:
            start = time.monotonic()
            handle.wait_ready(wait)
            handle.extra["ready_seconds"] = round(time.monotonic() - start, 3)
        return handle
    except BaseException:
        if handle is not None:
            handle.pcscd = None
            handle.stop(wait_removed=0)  # the card thread and its slot lock
        if pcscd is not None:
            pcscd.stop()
        raise

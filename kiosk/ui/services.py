"""Everything the kiosk screens need from the rest of the product, gathered in one object.

Why: view models receive a single :class:`UiServices` built from the composition root (kiosk.app.App), so
tests and the demo can swap a device (a simulated card reader, the SANE test scanner, a failing printer)
without touching view models. Services are created lazily: a kiosk whose printer package is broken still
lets a citizen submit (and says the slip could not be printed).

``kiosk run`` draws the Welcome page before the settings are read and the database is open: it builds
``UiServices(None)`` (``settings`` None, ``ready`` False, the Welcome buttons disabled), and after the first
frame loads the settings (:meth:`UiServices.set_settings`), opens the App on a worker and calls
:meth:`UiServices.attach`.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported on first use: the card package is not needed for the first frame
    from kiosk.ui.card_port import CardReaderPort

log = logging.getLogger(__name__)


class UiServices:
    def __init__(self, app: Any, *, card_reader: CardReaderPort | None = None, scanner: Any = None,
                 printer: Any = None, simulated_devices: bool = False, payments: Any = None,
                 settings: Any = None) -> None:
        self.app = app
        # None only while ``kiosk run`` draws its first frame (set_settings / attach follow); nothing reads them
        # before ``ready``
        self.settings = settings if app is None else app.settings
        if app is None:
            from kiosk.core.clock import SystemClock

            self.clock: Any = SystemClock()
        else:
            self.clock = app.clock
        self._card_reader = card_reader
        self._scanner = scanner
        self._printer = printer
        self._payments = payments
        self.simulated_devices = simulated_devices
        self._scan_dir: Path | None = None

    @property
    def ready(self) -> bool:
        """True once the App (database, catalogue) is there; the screens wait for it."""
        return self.app is not None

    def set_settings(self, settings: Any) -> None:
        """The settings loaded after the first frame (``kiosk run``), before the App is built."""
        self.settings = settings

    def attach(self, app: Any) -> None:
        """The App built after the first frame (``kiosk run``)."""
        self.app = app
        self.settings = app.settings
        self.clock = app.clock

    # -- devices -------------------------------------------------------------------------------------
    @property
    def card_reader(self) -> CardReaderPort:
        if self._card_reader is None:
            from kiosk.ui.card_port import open_card_reader

            self._card_reader = open_card_reader(self.settings, simulated=self.simulated_devices)
        return self._card_reader

    @property
    def scanner(self) -> Any:
        if self._scanner is None:
            from kiosk.devices.scanner import open_scanner

            self._scanner = open_scanner("simulated" if self.simulated_devices else "auto")
        return self._scanner

    @cached_property
    def printing(self) -> Any:
        from kiosk.devices.printing.service import PrintService

        return PrintService(self.settings, self.app.session_factory, printer=self._printer)

    @property
    def payments(self) -> Any:
        """The payment interface (kiosk.integrations.payments): DemoPayments unless one was given."""
        if self._payments is None:
            from kiosk.integrations.payments import DemoPayments

            self._payments = DemoPayments.from_settings(self.settings, self.app.session_factory)
        return self._payments

    # -- core services -------------------------------------------------------------------------------
    @property
    def catalogue(self) -> Any:
        return self.app.catalogue

    @property
    def dossiers(self) -> Any:
        return self.app.dossiers

    @cached_property
    def accounts(self) -> Any:
        return self.app.accounts

    @cached_property
    def staff(self) -> Any:
        return self.app.staff

    @cached_property
    def consent_texts(self) -> Any:
        from kiosk.core.consent_texts import load_consent_texts

        return load_consent_texts()

    @cached_property
    def drafts(self) -> Any:
        """Consented crash drafts (kiosk.core.drafts) in ``<data dir>/drafts``; expired ones purged on first use."""
        from kiosk.core.drafts import DraftStore

        store = DraftStore(self.settings.data_dir / "drafts", self.settings.log_salt, self.clock)
        store.purge_expired()
        return store

    # -- the session's scan folder (wiped with the session) -------------------------------------------
    def scan_dir(self) -> Path:
        if self._scan_dir is None:
            base = self.settings.data_dir / "session-scans"
            base.mkdir(parents=True, exist_ok=True)
            self._scan_dir = Path(tempfile.mkdtemp(prefix="s-", dir=base))
        return self._scan_dir

    def wipe_scans(self) -> None:
        if self._scan_dir is not None:
            shutil.rmtree(self._scan_dir, ignore_errors=True)
            self._scan_dir = None

"""Everything the kiosk screens need from the rest of the product, gathered in one object.

Why: view models receive a single :class:`UiServices` wrapping the composition root (kiosk.app.App), so
tests and the demo can swap a device (a simulated card reader, the SANE test scanner, the ticket printer)
without touching view models. It builds no service of its own: every core service, the form printing and
the payments come from the App (built once there, lazily).

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
    from kiosk.app import App
    from kiosk.config import Settings
    from kiosk.core.accounts import AccountService
    from kiosk.core.catalogue import Catalogue
    from kiosk.core.consent_texts import ConsentTexts
    from kiosk.core.dossiers import DossierService
    from kiosk.core.drafts import DraftStore
    from kiosk.core.ports import PaymentRequester
    from kiosk.core.printing import PrintJobs
    from kiosk.core.staff import StaffService
    from kiosk.core.submission import KioskSubmissions
    from kiosk.ui.card_port import CardReaderPort

log = logging.getLogger(__name__)


class UiServices:
    def __init__(self, app: App | None, *, card_reader: CardReaderPort | None = None, scanner: Any = None,
                 printer: Any = None, simulated_devices: bool = False, settings: Settings | None = None) -> None:
        """``printer``: a printer back end for the queue ticket (kiosk.devices.printing), default the
        configured one; forms and slips print through ``app.print_jobs``."""
        self.app: Any = app  # None only until ``attach`` (kiosk run); read only once ``ready``
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
        self.simulated_devices = simulated_devices
        self._scan_dir: Path | None = None

    @property
    def ready(self) -> bool:
        """True once the App (database, catalogue) is there; the screens wait for it."""
        return self.app is not None

    def set_settings(self, settings: Any) -> None:
        """The settings loaded after the first frame (``kiosk run``), before the App is built."""
        self.settings = settings

    def attach(self, app: App) -> None:
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

    @property
    def print_jobs(self) -> PrintJobs:
        """Forms and slips (kiosk.core.printing), on the App's printer."""
        return self.app.print_jobs

    @property
    def payments(self) -> PaymentRequester:
        """The payment interface the App wired (kiosk.core.ports.PaymentRequester)."""
        return self.app.payments

    # -- core services -------------------------------------------------------------------------------
    @property
    def catalogue(self) -> Catalogue:
        return self.app.catalogue

    @property
    def dossiers(self) -> DossierService:
        return self.app.dossiers

    @property
    def submissions(self) -> KioskSubmissions:
        return self.app.submissions

    @property
    def accounts(self) -> AccountService:
        return self.app.accounts

    @property
    def staff(self) -> StaffService:
        return self.app.staff

    @cached_property
    def consent_texts(self) -> ConsentTexts:
        from kiosk.core.consent_texts import load_consent_texts

        return load_consent_texts()

    @cached_property
    def drafts(self) -> DraftStore:
        """Consented crash drafts (kiosk.core.drafts) in ``<data dir>/drafts``; expired ones purged on first use."""
        from kiosk.core.drafts import DraftStore

        store = DraftStore(self.settings.data_dir / "drafts", self.settings.log_salt, self.clock)
        store.purge_expired()
        return store

    # -- the session's scan folder (wiped with the session) -------------------------------------------
    def scan_dir(self) -> Path:
        if self._scan_dir is None:
            from kiosk.security import ensure_private_dir

            base = ensure_private_dir(self.settings.data_dir / "session-scans")  # 0700; mkdtemp below is 0700
            self._scan_dir = Path(tempfile.mkdtemp(prefix="s-", dir=base))
        return self._scan_dir

    def wipe_scans(self) -> None:
        if self._scan_dir is not None:
            shutil.rmtree(self._scan_dir, ignore_errors=True)
            self._scan_dir = None

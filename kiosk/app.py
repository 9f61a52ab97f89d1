"""The composition root: the one place that reads configuration, opens the database, picks real or simulated
devices and builds the services. The CLI, the kiosk UI and the counter console all start here.

Every service is built once, here, lazily (``kiosk run`` draws its first frame before most of these modules
are imported), with its real type. Core defines the interfaces it acts through (kiosk.core.ports: the form
printer, the SMS sender, the payment service); this module alone picks their implementations from
kiosk/devices and kiosk/integrations. Nothing else builds a service: screens, the console and the commands
take them from the App.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kiosk.config import Settings, load_settings
from kiosk.core.calendar import OfficeHours, WorkCalendar
from kiosk.core.clock import Clock, SystemClock
from kiosk.core.dossiers import DossierService

if TYPE_CHECKING:
    from kiosk.core.accounts import AccountService
    from kiosk.core.catalogue import Catalogue
    from kiosk.core.contact import CitizenContact
    from kiosk.core.dossier_actions import DossierActions
    from kiosk.core.effects import DossierEffects
    from kiosk.core.ports import FormPrinter, PaymentRequester, SmsSender
    from kiosk.core.printing import PrintJobs
    from kiosk.core.queue import QueueService
    from kiosk.core.reports import ReportService
    from kiosk.core.staff import StaffService
    from kiosk.core.submission import KioskSubmissions
    from kiosk.integrations.email import EmailSender
    from kiosk.integrations.sync.sender import OutboxSender

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    clock: Clock = field(default_factory=SystemClock)

    # -- rules and records (kiosk.core) ------------------------------------------------------------------
    @cached_property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar(hours=OfficeHours.from_settings(self.settings.office_hours), tz=self.settings.tz)

    @cached_property
    def catalogue(self) -> Catalogue:
        from kiosk.core.catalogue import load_configured_catalogue

        return load_configured_catalogue(self.settings)

    @cached_property
    def dossiers(self) -> DossierService:
        return DossierService(
            self.session_factory,
            agency_code=self.settings.agency_code,
            calendar=self.calendar,
            clock=self.clock,
            log_salt=self.settings.log_salt,
            scans_dir=self.settings.data_dir / "scans",
            kiosk_counts_as_online=self.settings.workflow.kiosk_counts_as_online,
        )

    @cached_property
    def accounts(self) -> AccountService:
        from kiosk.core.accounts import build_account_service

        return build_account_service(self.settings, self.session_factory, self.clock, self.sms)

    @cached_property
    def staff(self) -> StaffService:
        from kiosk.core.staff import StaffService

        return StaffService(self.session_factory, self.clock, badge_key=self.settings.log_salt, tz=self.settings.tz)

    @cached_property
    def actions(self) -> DossierActions:
        from kiosk.core.dossier_actions import DossierActions

        return DossierActions(self.session_factory, self.calendar, self.clock, self.settings.log_salt,
                              results_dir=self.settings.data_dir / "results")

    @cached_property
    def reports(self) -> ReportService:
        from kiosk.core.reports import ReportService

        return ReportService(self.session_factory, self.calendar, self.clock)

    @cached_property
    def queue(self) -> QueueService:
        """The counter queue of this branch (the branch is the agency code)."""
        from kiosk.core.queue import QueueService

        return QueueService(self.session_factory, self.clock, self.calendar, branch=self.settings.agency_code)

    # -- what follows a committed change (core, acting through the ports below) --------------------------
    @cached_property
    def print_jobs(self) -> PrintJobs:
        from kiosk.core.printing import PrintJobs

        return PrintJobs(self.session_factory, self.settings, self.printer)

    @cached_property
    def effects(self) -> DossierEffects:
        from kiosk.core.effects import DossierEffects

        return DossierEffects(self.session_factory, self.print_jobs, self.contact)

    @cached_property
    def contact(self) -> CitizenContact:
        """Status SMS and e-mail to the citizen after they left, each only with their consent."""
        from kiosk.core.contact import CitizenContact

        return CitizenContact(self.session_factory, sms=self.sms, email=self.email,
                              render_form=self.print_jobs.render_pdf, tracking_url=self.settings.tracking_url,
                              tz=self.settings.tz, unicode_sms=self.settings.sms.unicode,
                              unit_name=self.settings.unit_name)

    @cached_property
    def submissions(self) -> KioskSubmissions:
        """A kiosk submission as one call: the dossier, then the slip, the SMS and the VietQR request."""
        from kiosk.core.submission import KioskSubmissions

        return KioskSubmissions(self.dossiers, self.effects, self.payments)

    # -- the ports' implementations (kiosk.devices, kiosk.integrations) -----------------------------------
    def form_printer(self, name: str | None = None) -> FormPrinter:
        """The form printer for the configured printer, or for ``name`` (pdf[:DIR] | cups:QUEUE | escpos[:CONN])."""
        from kiosk.devices.printing.backends import make_printer
        from kiosk.devices.printing.service import DeviceFormPrinter

        return DeviceFormPrinter(make_printer(self.settings, name))

    @cached_property
    def printer(self) -> FormPrinter:
        return self.form_printer()

    @cached_property
    def sms(self) -> SmsSender:
        from kiosk.integrations.sms import make_sms_sender

        return make_sms_sender(self.settings, self.clock)

    @cached_property
    def email(self) -> EmailSender | None:
        """SMTP with STARTTLS, the demo .eml folder, or None (``email.backend = "none"``)."""
        from kiosk.integrations.email import build_email_sender

        return build_email_sender(self.settings)

    @cached_property
    def payments(self) -> PaymentRequester:
        from kiosk.integrations.payments import DemoPayments

        return DemoPayments.from_settings(self.settings, self.session_factory)

    def sync_catalogue(self) -> None:
        from kiosk.core.catalogue_store import sync_catalogue
        from kiosk.models.database import session_scope

        with session_scope(self.session_factory) as s:
            sync_catalogue(s, self.catalogue)

    @cached_property
    def sync_sender(self) -> OutboxSender:
        """The outbox sender for the configured adapter; run it with
        ``kiosk.integrations.sync.sender.SyncWorker(app.sync_sender).start()`` or `kiosk sync run`."""
        from kiosk.integrations.sync.factory import build_sender

        return build_sender(self.settings.sync, self.session_factory, self.clock, site=self.settings)

    def close(self) -> None:
        self.engine.dispose()


def _recover_scans(app: App) -> None:
    """Scans a crash left behind: finish the move of committed ones, delete the rest (kiosk.core.scan_store)."""
    from kiosk.core.scan_store import recover_scans

    try:
        recover_scans(app.session_factory, app.settings.data_dir / "scans",
                      grace_s=app.settings.retention.session_scans_hours * 3600,
                      session_scans=app.settings.data_dir / "session-scans")
    except Exception as exc:  # noqa: BLE001 - never block the start; the next start or `kiosk db purge` retries
        log.warning("scan recovery at start failed: %s", type(exc).__name__)


def build_app(
    settings: Settings | None = None,
    *,
    config_file: str | None = None,
    clock: Clock | None = None,
    migrate: bool = True,
    sync_catalogue: bool = True,
) -> App:
    from kiosk.models.database import open_database

    settings = settings or load_settings(config_file)
    from kiosk.config import ConfigError, production_problem
    from kiosk.security import ensure_private_dir, secure_database_file, set_private_umask

    if settings.environment == "production" and (problem := production_problem(settings)):
        raise ConfigError(problem)  # also for settings built in code, not only through load_settings
    set_private_umask()  # everything this process writes holds personal data: 0600/0700
    ensure_private_dir(settings.data_dir)  # 0700: citizens' data, kiosk user only
    secure_database_file(settings.effective_database_url)  # SQLite file 0600 (its -wal/-shm follow)
    engine, factory = open_database(settings.effective_database_url, migrate=migrate)
    app = App(settings=settings, engine=engine, session_factory=factory, clock=clock or SystemClock())
    _recover_scans(app)
    if sync_catalogue:
        app.sync_catalogue()
    return app

"""The composition root: the one place that reads configuration, opens the database, picks real or simulated
devices and builds the services. The CLI, the kiosk UI and the counter console all start here."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kiosk.config import Settings, load_settings
from kiosk.core.calendar import OfficeHours, WorkCalendar
from kiosk.core.clock import Clock, SystemClock
from kiosk.core.dossiers import DossierService

if TYPE_CHECKING:
    from kiosk.core.accounts import AccountService

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    clock: Clock = field(default_factory=SystemClock)

    @cached_property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar(hours=OfficeHours.from_settings(self.settings.office_hours), tz=self.settings.tz)

    @cached_property
    def catalogue(self) -> Any:
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
        )

    @cached_property
    def accounts(self) -> AccountService:
        from kiosk.core.accounts import AccountService

        return AccountService.from_app(self)

    @cached_property
    def staff(self) -> Any:
        from kiosk.core.staff import StaffService

        return StaffService(self.session_factory, self.clock, badge_key=self.settings.log_salt, tz=self.settings.tz)

    @cached_property
    def actions(self) -> Any:
        from kiosk.core.dossier_actions import DossierActions

        return DossierActions(self.session_factory, self.calendar, self.clock, self.settings.log_salt)

    @cached_property
    def reports(self) -> Any:
        from kiosk.core.reports import ReportService

        return ReportService(self.session_factory, self.calendar, self.clock)

    def sync_catalogue(self) -> None:
        from kiosk.models.catalogue_store import sync_catalogue
        from kiosk.models.database import session_scope

        with session_scope(self.session_factory) as s:
            sync_catalogue(s, self.catalogue)

    @cached_property
    def sync_sender(self) -> Any:
        """The outbox sender for the configured adapter; run it with
        ``kiosk.integrations.sync.sender.SyncWorker(app.sync_sender).start()`` or `kiosk sync run`."""
        from kiosk.integrations.sync.factory import build_sender

        return build_sender(self.settings.sync, self.session_factory, self.clock)

    def close(self) -> None:
        self.engine.dispose()


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
    from kiosk.security import ensure_private_dir, secure_database_file

    ensure_private_dir(settings.data_dir)  # 0700: citizens' data, kiosk user only
    secure_database_file(settings.effective_database_url)  # SQLite file 0600 (its -wal/-shm follow)
    engine, factory = open_database(settings.effective_database_url, migrate=migrate)
    app = App(settings=settings, engine=engine, session_factory=factory, clock=clock or SystemClock())
    if sync_catalogue:
        app.sync_catalogue()
    return app

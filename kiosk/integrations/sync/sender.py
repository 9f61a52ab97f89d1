"""Delivering the outbox: due events in order per dossier, with back-off, surviving restarts.

All state lives in ``outbox_events`` (``attempts``, ``next_attempt_at``, ``sent_at``, ``last_error``), so a
sender that is killed and started again carries on where it was. Several senders may run against one branch
database: each event is *claimed* by an optimistic UPDATE (``attempts = attempts + 1`` where ``attempts`` is
still what we read) that also pushes ``next_attempt_at`` a lease ahead; a sender that dies mid-delivery
leaves the event to be retried after the lease. The remote side therefore may see an event twice (after a
lost answer or a crash) and must dedupe by ``event_id``; our side never sends again once ``sent_at`` is
recorded. Events of one dossier go out in creation order: an event waits while an older one of the same
dossier is unsent.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, select, update
from sqlalchemy.orm import Session, aliased, sessionmaker

from kiosk.core.clock import Clock, SystemClock
from kiosk.integrations.sync.adapters import (
    OutgoingEvent,
    PermanentSyncError,
    SyncAdapter,
    SyncError,
)
from kiosk.integrations.sync.backoff import Backoff
from kiosk.models.database import session_scope
from kiosk.models.tables import Dossier, DossierEvent, OutboxEvent

log = logging.getLogger(__name__)
FINAL_STATUSES = (3, 8, 10)  # refused, stopped, returned: nothing more will change remotely


@dataclass
class RunReport:
    delivered: int = 0
    failed: int = 0
    skipped: int = 0  # claimed by another sender first

    @property
    def attempted(self) -> int:
        return self.delivered + self.failed


class OutboxSender:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        adapter: SyncAdapter,
        *,
        clock: Clock | None = None,
        backoff: Backoff | None = None,
        lease_s: float = 120.0,
        fail_after: int = 8,
        batch: int = 50,
    ) -> None:
        self.session_factory = session_factory
        self.adapter = adapter
        self.clock = clock or SystemClock()
        self.backoff = backoff or Backoff()
        self.lease = timedelta(seconds=lease_s)
        self.fail_after = fail_after
        self.batch = batch

    # -- one pass -------------------------------------------------------------------------------------------
    def due_events(self, session: Session, now: datetime) -> list[OutboxEvent]:
        older = aliased(OutboxEvent)
        blocked = exists().where(
            and_(older.dossier_code == OutboxEvent.dossier_code, older.sent_at.is_(None), older.id < OutboxEvent.id)
        )
        q = (
            select(OutboxEvent)
            .where(OutboxEvent.sent_at.is_(None), OutboxEvent.next_attempt_at <= now, ~blocked)
            .order_by(OutboxEvent.next_attempt_at, OutboxEvent.id)
            .limit(self.batch)
        )
        return list(session.scalars(q))

    def _claim(self, ev: OutboxEvent, now: datetime) -> bool:
        with session_scope(self.session_factory) as s:
            r = s.execute(
                update(OutboxEvent)
                .where(
                    OutboxEvent.id == ev.id,
                    OutboxEvent.attempts == ev.attempts,
                    OutboxEvent.sent_at.is_(None),
                )
                .values(attempts=ev.attempts + 1, next_attempt_at=now + self.lease)
            )
            return r.rowcount == 1  # type: ignore[attr-defined]

    def run_once(self) -> RunReport:
        """Try every due event once. Returns what happened."""
        report = RunReport()
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            events = self.due_events(s, now)
        for ev in events:
            if not self._claim(ev, now):
                report.skipped += 1
                continue
            attempt = ev.attempts + 1
            outgoing = OutgoingEvent(ev.event_id, ev.dossier_code, ev.kind, dict(ev.payload), ev.created_at, attempt)
            try:
                self.adapter.deliver(outgoing)
            except SyncError as exc:
                self._record_failure(ev.id, ev.dossier_code, attempt, exc)
                report.failed += 1
                continue
            except Exception as exc:  # noqa: BLE001 - an adapter bug must not stop the queue
                log.exception("sync adapter %s crashed on event %s", self.adapter.name, ev.event_id)
                self._record_failure(ev.id, ev.dossier_code, attempt, exc)
                report.failed += 1
                continue
            self._record_success(ev.id, ev.dossier_code)
            report.delivered += 1
        return report

    def _record_success(self, event_id: int, code: str) -> None:
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            s.execute(update(OutboxEvent).where(OutboxEvent.id == event_id).values(sent_at=now, last_error=None))
            still = s.scalar(
                select(OutboxEvent.id).where(OutboxEvent.dossier_code == code, OutboxEvent.sent_at.is_(None)).limit(1)
            )
            if still is None:
                s.execute(update(Dossier).where(Dossier.code == code).values(sync_state="synced"))

    def _record_failure(self, event_id: int, code: str, attempt: int, exc: BaseException) -> None:
        now = self.clock.now()
        permanent = isinstance(exc, PermanentSyncError)
        delay = self.backoff.cap_s if permanent else self.backoff.delay(attempt)
        message = f"{exc.__class__.__name__}: {exc}"[:500]
        log.warning("sync: event for %s failed (attempt %d): %s", code, attempt, message)
        with session_scope(self.session_factory) as s:
            s.execute(
                update(OutboxEvent)
                .where(OutboxEvent.id == event_id, OutboxEvent.sent_at.is_(None))
                .values(next_attempt_at=now + timedelta(seconds=delay), last_error=message)
            )
            if permanent or attempt >= self.fail_after:
                s.execute(update(Dossier).where(Dossier.code == code).values(sync_state="failed"))

    # -- status pull ----------------------------------------------------------------------------------------
    def pull_statuses(self, limit: int = 200) -> int:
        """Mirror remote business statuses onto local dossiers; returns how many changed."""
        with session_scope(self.session_factory) as s:
            codes = list(
                s.scalars(
                    select(Dossier.code)
                    .where(Dossier.sync_state == "synced", Dossier.status.not_in(FINAL_STATUSES))
                    .order_by(Dossier.id)
                    .limit(limit)
                )
            )
        if not codes:
            return 0
        remote = self.adapter.fetch_statuses(codes)
        changed = 0
        now = self.clock.now()
        for code, status in remote.items():
            with session_scope(self.session_factory) as s:
                d = s.scalar(select(Dossier).where(Dossier.code == code))
                if d is None or d.status == status:
                    continue
                d.events.append(
                    DossierEvent(
                        at=now, action="sync.remote_status", status_from=d.status, status_to=status,
                        details={"source": self.adapter.name},
                    )
                )
                d.status = status
                d.updated_at = now
                changed += 1
        return changed

    # -- loop -------------------------------------------------------------------------------------------------
    def run_forever(
        self,
        stop: threading.Event,
        *,
        interval_s: float = 15.0,
        pull_every_s: float = 300.0,
        on_pass: Callable[[RunReport], None] | None = None,
    ) -> None:
        """Deliver until ``stop`` is set; errors (database down, remote down) are logged and retried."""
        last_pull = 0.0
        import time

        while not stop.is_set():
            report = RunReport()
            try:
                report = self.run_once()
                if time.monotonic() - last_pull >= pull_every_s:
                    last_pull = time.monotonic()
                    self.pull_statuses()
            except SyncError as exc:
                log.warning("sync: status pull failed: %s", exc)
            except Exception:  # noqa: BLE001 - e.g. the database is unreachable; try again later
                log.exception("sync pass failed")
            if on_pass:
                on_pass(report)
            if report.attempted < self.batch:  # a full batch means more may be waiting: go on at once
                stop.wait(interval_s)


class SyncWorker(threading.Thread):
    """The sender in a daemon thread for the kiosk/counter apps: ``start()``, then ``stop()`` at exit."""

    def __init__(self, sender: OutboxSender, *, interval_s: float = 15.0, pull_every_s: float = 300.0) -> None:
        super().__init__(name="kiosk-sync", daemon=True)
        self.sender = sender
        self.interval_s = interval_s
        self.pull_every_s = pull_every_s
        self._stop_event = threading.Event()

    def run(self) -> None:
        self.sender.run_forever(self._stop_event, interval_s=self.interval_s, pull_every_s=self.pull_every_s)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop_event.set()
        self.join(timeout)

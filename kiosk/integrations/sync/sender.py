"""Delivering the outbox: due events in order per dossier, with back-off, surviving restarts.

All state lives in ``outbox_events`` (``attempts``, ``next_attempt_at``, ``sent_at``, ``last_error``), so a
sender that is killed and started again carries on where it was. Several senders may run against one branch
database: each event is *claimed* by an optimistic UPDATE (``attempts = attempts + 1`` where ``attempts`` is
still what we read and the event is still due) that also pushes ``next_attempt_at`` a *lease* ahead.

Exactly-once rules (issue 14 point 5):

- the lease is taken per event, from the clock read at the moment of the claim (not the start of the pass),
  and it must outlive the slowest call the adapter can make: ``lease_s >= adapter.max_call_s +
  MIN_LEASE_MARGIN_S`` is checked when the sender is built (``sync.lease_s`` in the configuration);
- while the lease runs no other sender can claim the event; the outcome is recorded only by the sender
  whose claim is still current (``attempts`` unchanged), and ``sent_at`` is never cleared;
- a delivery whose answer is lost (timeout, crash before recording) is sent again after the back-off or the
  lease, with the same ``event_id`` as ``Idempotency-Key``: the remote side dedupes it, and answers such as
  409 count as delivered only when they name that same event (see the http adapter).

Events of one dossier go out in creation order: an event waits while an older one of the same dossier is
unsent.
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
from kiosk.core.workflow import Action
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
MIN_LEASE_MARGIN_S = 1.0  # database round trips between the claim and the call, and after it
DEFAULT_MAX_CALL_S = 30.0  # for an adapter that does not say how long one call may take
FINAL_STATUSES = (3, 8, 10)  # refused, stopped, returned: nothing more will change remotely


def adapter_max_call_s(adapter: SyncAdapter) -> float:
    """The longest one ``deliver`` call of this adapter can take (its own ``max_call_s`` when it has one)."""
    value = getattr(adapter, "max_call_s", None)
    return float(value) if isinstance(value, int | float) and value > 0 else DEFAULT_MAX_CALL_S


def minimum_lease_s(max_call_s: float) -> float:
    return max_call_s + MIN_LEASE_MARGIN_S


class LeaseTooShort(ValueError):
    """The configured lease would end before the slowest call could: two senders could both deliver."""


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
        max_call = adapter_max_call_s(adapter)
        if not lease_s >= minimum_lease_s(max_call):  # also refuses nan
            raise LeaseTooShort(
                f"sync lease {lease_s:g} s is shorter than the slowest call ({max_call:g} s) plus "
                f"{MIN_LEASE_MARGIN_S:g} s: set sync.lease_s to at least {minimum_lease_s(max_call):g}"
            )
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

    def _claim(self, ev: OutboxEvent, now: datetime | None = None) -> datetime | None:
        """Claim ``ev`` for one attempt; returns the end of the lease, or None when another sender has it.

        The lease starts when the claim is made (the clock is read here, per event): a pass that spent a
        while on earlier events does not hand out a lease that is already running out."""
        now = self.clock.now() if now is None else now
        until = now + self.lease
        with session_scope(self.session_factory) as s:
            r = s.execute(
                update(OutboxEvent)
                .where(
                    OutboxEvent.id == ev.id,
                    OutboxEvent.attempts == ev.attempts,
                    OutboxEvent.sent_at.is_(None),
                    OutboxEvent.next_attempt_at <= now,
                )
                .values(attempts=ev.attempts + 1, next_attempt_at=until)
            )
            return until if r.rowcount == 1 else None  # type: ignore[attr-defined]

    def run_once(self) -> RunReport:
        """Try every due event once. Returns what happened."""
        report = RunReport()
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            events = self.due_events(s, now)
        for ev in events:
            lease_until = self._claim(ev)
            if lease_until is None:
                report.skipped += 1
                continue
            attempt = ev.attempts + 1
            outgoing = OutgoingEvent(ev.event_id, ev.dossier_code, ev.kind, dict(ev.payload), ev.created_at, attempt)
            try:
                self.adapter.deliver(outgoing)
            except SyncError as exc:
                self._lease_check(ev.event_id, lease_until)
                self._record_failure(ev.id, ev.dossier_code, attempt, exc)
                report.failed += 1
                continue
            except Exception as exc:  # noqa: BLE001 - an adapter bug must not stop the queue
                log.exception("sync adapter %s crashed on event %s", self.adapter.name, ev.event_id)
                self._record_failure(ev.id, ev.dossier_code, attempt, exc)
                report.failed += 1
                continue
            self._lease_check(ev.event_id, lease_until)
            self._record_success(ev.id, ev.dossier_code)
            report.delivered += 1
        return report

    def _lease_check(self, event_id: str, lease_until: datetime) -> None:
        if self.clock.now() > lease_until:  # the configured bound was wrong: say so loudly
            log.error("sync: a call for event %s outlasted its lease; raise sync.lease_s", event_id)

    def _record_success(self, event_id: int, code: str) -> None:
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            s.execute(
                update(OutboxEvent)
                .where(OutboxEvent.id == event_id, OutboxEvent.sent_at.is_(None))
                .values(sent_at=now, last_error=None)
            )
            # QĐ 766 1.4: the first delivery written at or after the reception puts the received dossier on record
            created = s.scalar(select(OutboxEvent.created_at).where(OutboxEvent.id == event_id))
            if created is not None:
                s.execute(
                    update(Dossier)
                    .where(Dossier.code == code, Dossier.reception_synced_at.is_(None), Dossier.received_at.is_not(None),
                           Dossier.received_at <= created)
                    .values(reception_synced_at=now)
                )
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
            r = s.execute(
                update(OutboxEvent)
                .where(OutboxEvent.id == event_id, OutboxEvent.sent_at.is_(None), OutboxEvent.attempts == attempt)
                .values(next_attempt_at=now + timedelta(seconds=delay), last_error=message)
            )
            if r.rowcount != 1:  # type: ignore[attr-defined]  # delivered, or claimed again meanwhile
                return
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
                        at=now, action=Action.REMOTE_STATUS.value, status_from=d.status, status_to=status,
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

"""The ``dvcqg`` sync adapter: a dossier and its processing steps, sent to the national portal.

The portal has no idempotency key: ``MaHoSo`` is the business key (dvcqg.md §1). So an outbox event is not
forwarded as such; delivering any event of a dossier means "make the portal hold this dossier as it is now":

1. build the current ``DongBoHoSoMC`` object from the database (kiosk.core.portal_payload);
2. if the portal has never accepted the dossier, insert it (``isUpdating=False``), or look it up first with
   ``TraCuuHoSo`` when ``lookup_first`` is set; an insert answered "đã tồn tại" is resent as an update;
   after the first acceptance every change goes as a full snapshot with ``isUpdating=True``; an unchanged
   snapshot (``portal_version`` = ``updated_at``) is not sent again;
3. send the processing steps not yet sent as ``CapNhatTienDoHoSoMC`` entries, ``progress_batch`` at a time,
   each recorded in ``portal_progress`` as soon as its batch is accepted, so each entry goes once.

State on the dossier (migration 0007): ``portal_state`` sent | updated | failed, ``portal_error`` the last
refusal or failure, ``portal_synced_at`` when the portal last accepted it, ``portal_version`` the
``updated_at`` of the snapshot it holds. Staff actions change a dossier without writing an outbox event, so
:meth:`DvcqgAdapter.enqueue_changed` (run before every sender pass by :class:`DvcqgSender`) adds a
``portal.sync`` event for every dossier whose snapshot or steps the portal lacks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime, time
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.outbox import enqueue
from kiosk.core.portal_payload import (
    DOSSIER_SERVICE,
    PROGRESS_SERVICE,
    PortalContext,
    PortalMapping,
    dossier_object,
    dossier_view,
    load_mapping,
    progress_entries,
)
from kiosk.integrations.dvcqg.client import AlreadyExists, DvcqgClient
from kiosk.integrations.sync.adapters import OutgoingEvent, PermanentSyncError, SyncError, TransientSyncError
from kiosk.integrations.sync.sender import OutboxSender, RunReport
from kiosk.models.database import session_scope
from kiosk.models.tables import Dossier, DossierEvent, OutboxEvent, PortalProgress

if TYPE_CHECKING:
    from kiosk.config import DvcqgSettings, Settings, SyncSettings

log = logging.getLogger(__name__)
PORTAL_SYNC = "portal.sync"
LOOKUP_SERVICE = "TraCuuHoSo"
# HTTP calls per delivery (sync.lease_s is validated against 8 x timeout_s): the dossier push takes at most
# login + lookup + insert + update; steps go in batches while a batch with a session renewal (3 calls) still fits
MAX_CALLS = 8
BATCH_CALLS = 3


def portal_context(settings: Settings, d: DvcqgSettings | None = None) -> PortalContext:
    d = d or settings.sync.dvcqg
    return PortalContext(
        agency_name=d.agency_name or settings.unit_name,
        unit_name=settings.unit_name,
        tz=ZoneInfo(settings.timezone),
        file_url_template=d.file_url_template,
    )


def sent_event_ids(session: Session, dossier_id: int) -> set[int]:
    return set(session.scalars(select(PortalProgress.dossier_event_id).where(PortalProgress.dossier_id == dossier_id)))


def preview(
    session: Session, code: str, service: str, mapping: PortalMapping, ctx: PortalContext
) -> list[dict[str, Any]]:
    """The ``data`` list that would be sent for this dossier now (progress: only the entries not yet sent)."""
    d = session.scalar(select(Dossier).where(Dossier.code == code.strip()))
    if d is None:
        raise LookupError(code)
    view = dossier_view(session, d)
    if service == DOSSIER_SERVICE:
        return [dossier_object(view, mapping, ctx)]
    if service == PROGRESS_SERVICE:
        return [entry for _, entry in progress_entries(view, mapping, ctx, already_sent=sent_event_ids(session, d.id))]
    raise ValueError(f"unknown service {service!r}")


class DvcqgAdapter:
    name = "dvcqg"

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        client: DvcqgClient,
        mapping: PortalMapping,
        ctx: PortalContext,
        *,
        lookup_first: bool = False,
        progress_batch: int = 10,
        since: datetime | None = None,
        now: Any = None,
    ) -> None:
        self.session_factory = session_factory
        self.client = client
        self.mapping = mapping
        self.ctx = ctx
        self.lookup_first = lookup_first
        self.progress_batch = progress_batch
        self.since = since  # cut-over instant: older dossiers are left to whoever synced them before
        self._now = now or (lambda: datetime.now(UTC))

    # -- delivery ---------------------------------------------------------------------------------------------
    def deliver(self, event: OutgoingEvent) -> None:
        start_calls = self.client.calls
        with session_scope(self.session_factory) as s:
            d = s.scalar(select(Dossier).where(Dossier.code == event.dossier_code))
            if d is None:
                raise PermanentSyncError("no such dossier in the branch database")
            if self.since is not None and d.submitted_at < self.since:
                return  # before the cut-over (sync.dvcqg.since): not this kiosk's to send
            dossier_id, version, known = d.id, d.updated_at, d.portal_synced_at is not None
            current = d.portal_state in ("sent", "updated") and d.portal_version is not None and d.portal_version >= version
            view = dossier_view(s, d)
            sent = sent_event_ids(s, d.id)
        try:
            if not current:
                obj = dossier_object(view, self.mapping, self.ctx)
                state = self._push(view.code, obj, known)
                self._record(dossier_id, state=state, version=version)
            entries = progress_entries(view, self.mapping, self.ctx, already_sent=sent)
            for i in range(0, len(entries), self.progress_batch):
                if self.client.calls - start_calls + BATCH_CALLS > MAX_CALLS:
                    break  # the rest next pass (enqueue_changed sees unsent steps): stay inside the lease
                batch = entries[i : i + self.progress_batch]
                self.client.call(PROGRESS_SERVICE, [e for _, e in batch])
                self._record_progress(dossier_id, [eid for eid, _ in batch])
        except SyncError as exc:
            self._record_failure(dossier_id, exc)
            raise
        if current:  # nothing new was pushed: a failure noted earlier (e.g. of a step) is over now
            with session_scope(self.session_factory) as s:
                s.execute(
                    update(Dossier)
                    .where(Dossier.id == dossier_id, Dossier.portal_error.is_not(None))
                    .values(portal_error=None, portal_state="updated" if known else "sent")
                )

    def _push(self, code: str, obj: dict[str, Any], known: bool) -> str:
        if not known and self.lookup_first:
            known = self._exists(code)
        if known:
            self.client.call(DOSSIER_SERVICE, [obj], is_updating=True)
            return "updated"
        try:
            self.client.call(DOSSIER_SERVICE, [obj], is_updating=False)
            return "sent"
        except AlreadyExists:
            self.client.call(DOSSIER_SERVICE, [obj], is_updating=True)
            return "updated"

    def _exists(self, code: str) -> bool:
        reply = self.client.call(LOOKUP_SERVICE, None, mahoso=code)
        body = reply.body if isinstance(reply.body, dict) else {}
        found = body.get("result", body.get("data"))
        return bool(found)

    def _record(self, dossier_id: int, *, state: str, version: datetime) -> None:
        with session_scope(self.session_factory) as s:
            s.execute(
                update(Dossier)
                .where(Dossier.id == dossier_id)
                .values(portal_state=state, portal_error=None, portal_synced_at=self._now(), portal_version=version)
            )

    def _record_progress(self, dossier_id: int, event_ids: Iterable[int]) -> None:
        now = self._now()
        with session_scope(self.session_factory) as s:
            for eid in event_ids:
                s.add(PortalProgress(dossier_id=dossier_id, dossier_event_id=eid, sent_at=now))

    def _record_failure(self, dossier_id: int, exc: SyncError) -> None:
        message = str(exc)[:500]
        values: dict[str, Any] = {"portal_error": message}
        if not isinstance(exc, TransientSyncError):
            values["portal_state"] = "failed"
        with session_scope(self.session_factory) as s:
            s.execute(update(Dossier).where(Dossier.id == dossier_id).values(**values))

    # -- finding work the outbox does not know about -----------------------------------------------------------
    def enqueue_changed(self, limit: int = 200) -> int:
        """Add a ``portal.sync`` outbox event for each dossier whose current snapshot or processing steps the
        portal lacks and that has no unsent event already. Returns how many were added."""
        skip = list(self.mapping.table("tien_do").get("skip_actions", []) or [])
        unsent_event = exists().where(and_(OutboxEvent.dossier_code == Dossier.code, OutboxEvent.sent_at.is_(None)))
        step_conds = [DossierEvent.dossier_id == Dossier.id, DossierEvent.status_to.is_not(None)]
        if skip:
            step_conds.append(DossierEvent.action.not_in(skip))
        step_conds.append(~exists().where(PortalProgress.dossier_event_id == DossierEvent.id))
        unsent_step = exists().where(and_(*step_conds))
        stale = or_(Dossier.portal_version.is_(None), Dossier.updated_at > Dossier.portal_version)
        conds = [or_(stale, unsent_step), ~unsent_event]
        if self.since is not None:
            conds.append(Dossier.submitted_at >= self.since)
        now = self._now()
        added = 0
        with session_scope(self.session_factory) as s:
            rows = s.scalars(select(Dossier).where(*conds).order_by(Dossier.id).limit(limit)).all()
            for d in rows:
                enqueue(s, d, PORTAL_SYNC, {"code": d.code, "reason": "changed"}, now=now)
                added += 1
        return added

    # -- the rest of the interface --------------------------------------------------------------------------------
    def fetch_statuses(self, codes: Iterable[str]) -> dict[str, int]:
        """The portal does not decide statuses: the branch (or the province's system) does."""
        return {}

    def close(self) -> None:
        self.client.close()


class DvcqgSender(OutboxSender):
    """The outbox sender, plus a look for dossiers changed without an outbox event before each pass."""

    adapter: DvcqgAdapter

    def __init__(self, session_factory: sessionmaker[Session], adapter: DvcqgAdapter, **kwargs: Any) -> None:
        super().__init__(session_factory, adapter, **kwargs)
        adapter._now = self.clock.now  # outbox rows it adds and the sync times it records use the sender's clock

    def run_once(self) -> RunReport:
        try:
            added = self.adapter.enqueue_changed()
        except Exception:  # noqa: BLE001 - the deliveries below must still run
            log.exception("dvcqg: looking for changed dossiers failed")
            added = 0
        if added:
            log.info("dvcqg: %d dossier(s) queued for the portal", added)
        return super().run_once()


def build_dvcqg_adapter(
    cfg: SyncSettings, session_factory: sessionmaker[Session], site: Settings | None = None
) -> DvcqgAdapter:
    """``site`` gives the agency code, unit name and time zone; without it they are read with load_settings()
    (the same environment and config file the caller was built from)."""
    if site is None:
        from kiosk.config import load_settings

        site = load_settings()
    d = cfg.dvcqg
    assert d.adapter_url and d.username and d.password  # checked by SyncSettings
    verify: bool | str = str(cfg.ca_file) if cfg.ca_file else cfg.verify_tls
    client = DvcqgClient(
        d.adapter_url, d.username, d.password, d.madonvi or site.agency_code,
        auth_path=d.auth_path, service_path=d.service_path, timeout_s=cfg.timeout_s, verify=verify,
        session_ttl_s=d.session_ttl_s,
    )
    return DvcqgAdapter(
        session_factory, client, load_mapping(d.mapping_file), portal_context(site, d),
        lookup_first=d.lookup_first, progress_batch=d.progress_batch,
        since=datetime.combine(d.since, time.min, tzinfo=ZoneInfo(site.timezone)) if d.since else None,
    )


def portal_summary(session: Session) -> dict[str, Any]:
    """Counts for `kiosk sync status`: dossiers by portal state, how many the portal holds an old copy of,
    and the progress entries sent."""
    from sqlalchemy import func

    by_state = {
        (str(k) if k is not None else "never_sent"): int(v)
        for k, v in session.execute(select(Dossier.portal_state, func.count()).group_by(Dossier.portal_state)).all()
    }
    behind = int(
        session.scalar(
            select(func.count())
            .select_from(Dossier)
            .where(Dossier.portal_version.is_not(None), Dossier.updated_at > Dossier.portal_version)
        )
        or 0
    )
    entries = int(session.scalar(select(func.count()).select_from(PortalProgress)) or 0)
    last_error = session.scalar(
        select(Dossier.portal_error).where(Dossier.portal_state == "failed").order_by(Dossier.updated_at.desc()).limit(1)
    )
    return {
        "dossiers_by_portal_state": by_state,
        "portal_behind": behind,
        "progress_entries_sent": entries,
        "portal_last_refusal": last_error,
    }

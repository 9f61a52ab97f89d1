"""Copying the catalogue into the procedures table, so dossiers can point at the exact version they used.

The TOML file is the source of truth for what is offered today; the table is the durable record of every
version a dossier may reference, including versions later removed from the file. So syncing only inserts
or refreshes rows and never deletes.

Every kiosk and counter syncs on start, so several processes may sync the same catalogue into a new branch
database at the same moment. Each new version is inserted inside its own SAVEPOINT: when another process
inserted the same (code, version) first, the unique key refuses ours, only that savepoint is rolled back and
the version counts as already there (dialect-neutral; on SQLite the BEGIN IMMEDIATE transaction already
queues the syncs one after another).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.core.catalogue import Catalogue, Procedure, today_local
from kiosk.models.tables import Procedure as ProcedureRow


@dataclass(frozen=True)
class SyncResult:
    """Counts of versions inserted, rewritten (same code+version, changed content) and left alone.

    Unpacks as ``added, unchanged = sync_catalogue(...)``; ``updated`` is available as an attribute."""

    added: int
    updated: int
    unchanged: int

    def __iter__(self) -> Iterator[int]:
        yield self.added
        yield self.unchanged


def _columns(p: Procedure) -> dict[str, Any]:
    return {
        "name": p.name,
        "field": p.field,
        "level": p.level,
        "effective_from": p.effective_from,
        "effective_to": p.effective_to,
        "time_limit_kind": p.time_limit.kind,
        "time_limit_amount": float(p.time_limit.amount),
        "fee_counter": p.fee_counter,
        "fee_online": p.fee_online,
        "definition": p.model_dump(mode="json"),
    }


def _insert_if_absent(session: Session, row: ProcedureRow) -> bool:
    """Insert one version unless a concurrent sync already did; True when this call inserted it."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        there = session.scalar(
            select(exists().where(ProcedureRow.code == row.code, ProcedureRow.version == row.version))
        )
        if not there:
            raise  # some other constraint: a real error
        return False
    return True


def sync_catalogue(session: Session, catalogue: Catalogue, now: datetime | None = None) -> SyncResult:
    """Upsert every version of every procedure; the caller's session_scope commits. Safe to run from many
    processes at once on a new database (see the module doc)."""
    now = now or datetime.now(UTC)
    existing = {(r.code, r.version): r for r in session.scalars(select(ProcedureRow))}
    added = updated = unchanged = 0
    for p in catalogue.all_versions():
        values = _columns(p)
        row = existing.get((p.code, p.version))
        if row is None:
            if _insert_if_absent(session, ProcedureRow(code=p.code, version=p.version, imported_at=now, **values)):
                added += 1
            else:
                unchanged += 1  # another kiosk starting at the same moment put it there first
        elif all(getattr(row, k) == v for k, v in values.items()):
            unchanged += 1
        else:
            for k, v in values.items():
                setattr(row, k, v)
            row.imported_at = now
            updated += 1
    session.flush()
    return SyncResult(added=added, updated=updated, unchanged=unchanged)


def procedure_row(session: Session, code: str, on: date | None = None) -> ProcedureRow | None:
    """The stored version of ``code`` in effect on ``on`` (default: today in Vietnam), or None."""
    on = on or today_local()
    stmt = (
        select(ProcedureRow)
        .where(
            ProcedureRow.code == code,
            ProcedureRow.effective_from <= on,
            or_(ProcedureRow.effective_to.is_(None), ProcedureRow.effective_to >= on),
        )
        .order_by(ProcedureRow.effective_from.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def stored_procedure(row: ProcedureRow) -> Procedure:
    """Rebuild the catalogue model from a row's definition (the version a dossier was received under)."""
    return Procedure.model_validate(row.definition)

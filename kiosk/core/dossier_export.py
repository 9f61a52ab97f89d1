"""One JSON object per dossier (JSON Lines), so anyone can recompute the report figures independently.

Why this shape: the supervisor report is computed in SQL (reports.py); provincial auditors and our own tests
check it by re-deriving every figure from raw facts with a different tool. Each line carries the dossier's
timestamps (ISO 8601 in office time, with the offset, or null), its money, flags and rating, plus its
history (``events``: instant, action, status from / to) because acceptances, supplement requests, refusals
and the end of a dossier for QĐ 766 indicator 2.1 are read from the history, its papers (the citizen's
choice per paper and whether it is digitised, for 4.2 and 4.3) and its payments (who confirmed them, for
3.6), the procedure's service level and the legal channel (KenhThucHien, null when the dossier was written
before it was stored) for 3.3.

Which dossiers: every dossier that existed during the period and was open at some moment of it or changed
in it, i.e. ``submitted_at < end`` and (not finished, or finished/updated on or after ``start``). That
covers the flow figures (submitted / received / finished in the period) *and* the stock figures measured at
the period's end (in progress, overdue, pending online), which involve dossiers received long before.

Streaming: keyset pages of ids (``id > last`` … ``LIMIT``) with their events fetched per page, so memory
stays flat for a year of data on SQLite and PostgreSQL alike (plain SQL, no dialect-specific construct).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import IO, Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.models.tables import Dossier, DossierDocument, DossierEvent, Payment, Procedure

CHUNK = 1000
# The contract keys first (issue 9), then the extras needed to recompute every figure.
_COLUMNS = (
    Dossier.id, Dossier.code, Dossier.procedure_code, Dossier.procedure_version, Dossier.field,
    Dossier.agency_code, Dossier.channel, Dossier.kiosk_id, Dossier.status, Dossier.submitted_at,
    Dossier.accept_deadline, Dossier.received_at, Dossier.due_at, Dossier.original_due_at, Dossier.finished_at,
    Dossier.returned_at, Dossier.supplement_requested_at, Dossier.fee, Dossier.payment_state, Dossier.digitised,
    Dossier.e_result, Dossier.reused, Dossier.supplement_rounds, Dossier.rating,
    Dossier.legal_channel, Dossier.sync_state, Dossier.paused_seconds, Procedure.level, Dossier.portal_version,
    Dossier.reception_synced_at,
)


def _iso(t: datetime | None, tz: ZoneInfo) -> str | None:
    return t.astimezone(tz).isoformat() if t is not None else None


def export_condition(start: date, end: date, tz: ZoneInfo) -> Any:
    """Dossiers relevant to the office-local days ``start`` … ``end`` (see the module docstring)."""
    t0 = datetime.combine(start, time(0), tzinfo=tz)
    t1 = datetime.combine(end + timedelta(days=1), time(0), tzinfo=tz)
    return (
        Dossier.submitted_at < t1,
        or_(Dossier.finished_at.is_(None), Dossier.finished_at >= t0, Dossier.updated_at >= t0),
    )


def iter_dossiers(
    factory: sessionmaker[Session], start: date, end: date, tz: ZoneInfo, *, agency_code: str | None = None
) -> Iterator[dict[str, Any]]:
    """Yield one plain dict per dossier, with its events, in id order."""
    where = list(export_condition(start, end, tz))
    if agency_code:
        where.append(Dossier.agency_code == agency_code)
    last_id = 0
    while True:
        # keyset pages in short transactions: flat memory, and no lock held for the whole export (SQLite
        # transactions here start with BEGIN IMMEDIATE, so one long read would stall the kiosks)
        with factory() as s:
            chunk = s.execute(
                select(*_COLUMNS).outerjoin(Procedure, Procedure.id == Dossier.procedure_id)
                .where(*where, Dossier.id > last_id).order_by(Dossier.id).limit(CHUNK)
            ).all()
            if not chunk:
                return
            ids = [r.id for r in chunk]
            events: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for ev in s.execute(
                select(DossierEvent.dossier_id, DossierEvent.at, DossierEvent.action, DossierEvent.status_from,
                       DossierEvent.status_to)
                .where(DossierEvent.dossier_id.in_(ids))
                .order_by(DossierEvent.dossier_id, DossierEvent.at, DossierEvent.id)
            ):
                events[ev.dossier_id].append(
                    {"at": _iso(ev.at, tz), "action": ev.action, "from": ev.status_from, "to": ev.status_to}
                )
            papers: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for doc in s.execute(
                select(DossierDocument.dossier_id, DossierDocument.provision, DossierDocument.digitised_state)
                .where(DossierDocument.dossier_id.in_(ids))
                .order_by(DossierDocument.dossier_id, DossierDocument.position, DossierDocument.id)
            ):
                papers[doc.dossier_id].append({"provision": doc.provision, "digitised_state": doc.digitised_state})
            payments: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for pay in s.execute(
                select(Payment.dossier_id, Payment.amount, Payment.method, Payment.state, Payment.confirmed_by,
                       Payment.paid_at)
                .where(Payment.dossier_id.in_(ids))
                .order_by(Payment.dossier_id, Payment.id)
            ):
                payments[pay.dossier_id].append({
                    "amount": pay.amount, "method": pay.method, "state": pay.state,
                    "confirmed_by": pay.confirmed_by, "paid_at": _iso(pay.paid_at, tz),
                })
        for r in chunk:
            yield _line(r, events.get(r.id, []), tz, papers.get(r.id, []), payments.get(r.id, []))
        last_id = ids[-1]


def _line(
    r: Any, events: list[dict[str, Any]], tz: ZoneInfo, papers: list[dict[str, Any]], payments: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "code": r.code,
        "procedure": r.procedure_code,
        "channel": r.channel,
        "status": r.status,
        "received_at": _iso(r.received_at, tz),
        "due_at": _iso(r.due_at, tz),
        "finished_at": _iso(r.finished_at, tz),
        "returned_at": _iso(r.returned_at, tz),
        "fee": r.fee,
        "paid_online": r.payment_state == "paid_online",
        "digitised": bool(r.digitised),
        "e_result": bool(r.e_result),
        "reused": bool(r.reused),
        "supplement_rounds": r.supplement_rounds,
        "rating": r.rating,
        # extras
        "procedure_version": r.procedure_version,
        "field": r.field,
        "agency_code": r.agency_code,
        "kiosk_id": r.kiosk_id,
        "submitted_at": _iso(r.submitted_at, tz),
        "accept_deadline": _iso(r.accept_deadline, tz),
        "original_due_at": _iso(r.original_due_at, tz),
        "supplement_requested_at": _iso(r.supplement_requested_at, tz),
        "payment_state": r.payment_state,
        "level": r.level,  # toan_trinh | mot_phan
        "legal_channel": r.legal_channel,  # 1 trực tiếp, 2 trực tuyến, 3 BCCI; null: not stored
        "sync_state": r.sync_state,
        "portal_version": _iso(r.portal_version, tz),  # dvcqg: the copy the portal holds (QĐ 766 1.4)
        "reception_synced_at": _iso(r.reception_synced_at, tz),  # the back office has the reception (QĐ 766 1.4)
        "paused_seconds": r.paused_seconds,  # working seconds waiting for the citizen (supplement)
        "events": events,
        "papers": papers,
        "payments": payments,
    }


def write_jsonl(lines: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """Write JSON Lines (UTF-8 text, Vietnamese kept as is); returns the number of dossiers written."""
    n = 0
    for line in lines:
        out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
        n += 1
    return n

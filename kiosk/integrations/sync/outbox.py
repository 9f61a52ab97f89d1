"""Reading the outbox for `kiosk sync status` and the supervisor screen.

Writing events happens in kiosk.core.outbox, inside the dossier's own transaction; it is re-exported here
for the sender's callers and older imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.core.outbox import SUBMITTED, dossier_payload, enqueue
from kiosk.models.tables import Dossier, OutboxEvent

__all__ = ["SUBMITTED", "OutboxSummary", "dossier_payload", "enqueue", "summarise"]


@dataclass(frozen=True)
class OutboxSummary:
    pending: int
    sent: int
    retrying: int  # pending with at least one failed attempt
    oldest_pending_at: datetime | None
    last_error: str | None
    dossiers_by_state: dict[str, int]


def summarise(session: Session) -> OutboxSummary:
    """Counts for `kiosk sync status` and the supervisor screen."""
    pending_q = select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_(None))
    pending = int(session.scalar(pending_q) or 0)
    sent = int(session.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_not(None))) or 0)
    retrying = int(session.scalar(pending_q.where(OutboxEvent.attempts > 0)) or 0)
    oldest = session.scalar(
        select(OutboxEvent.created_at).where(OutboxEvent.sent_at.is_(None)).order_by(OutboxEvent.id).limit(1)
    )
    last_error = session.scalar(
        select(OutboxEvent.last_error)
        .where(OutboxEvent.sent_at.is_(None), OutboxEvent.last_error.is_not(None))
        .order_by(OutboxEvent.id.desc())
        .limit(1)
    )
    states = dict(session.execute(select(Dossier.sync_state, func.count()).group_by(Dossier.sync_state)).all())
    return OutboxSummary(pending, sent, retrying, oldest, last_error, {str(k): int(v) for k, v in states.items()})

"""Writing outbox events: always inside the transaction that changes the dossier, so both commit or neither.

``event_id`` (a UUID) is the idempotency key the remote side sees; the dossier code is the business key it
upserts by. Nothing here talks to the network: delivering the rows is kiosk.integrations.sync (the sender).
Why in core: the dossier services write these rows in their own transaction, and core may not import
kiosk.integrations (tests/unit/test_layering.py).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.models.tables import Dossier, OutboxEvent

SUBMITTED = "dossier.submitted"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _applicant(d: Dossier) -> dict[str, Any] | None:
    """The applicant as received with this dossier (its snapshot), else the citizen row (older dossiers)."""
    snap = d.applicant_snapshot if isinstance(d.applicant_snapshot, dict) else None
    source: Any = snap if snap else d.applicant
    if source is None:
        return None
    get = source.get if isinstance(source, dict) else (lambda k: getattr(source, k, None))
    return {k: get(k) for k in ("id_number", "full_name", "phone", "email")}


def dossier_payload(d: Dossier) -> dict[str, Any]:
    """The portal-facing snapshot of a dossier (JSON-safe). The http adapter renames keys per config."""
    return {
        "code": d.code,
        "agency_code": d.agency_code,
        "procedure_code": d.procedure_code,
        "procedure_version": d.procedure_version,
        "field": d.field,
        "channel": d.channel,
        "kiosk_id": d.kiosk_id,
        "status": int(d.status),
        "submitted_at": _iso(d.submitted_at),
        "accept_deadline": _iso(d.accept_deadline),
        "received_at": _iso(d.received_at),
        "due_at": _iso(d.due_at),
        "fee": d.fee,
        "payment_state": d.payment_state,
        "delivery": d.delivery,
        "digitised": bool(d.digitised),
        "applicant": _applicant(d),
        "documents": [
            {
                "name": doc.name,
                "originals": doc.originals,
                "certified_copies": doc.certified_copies,
                "photocopies": doc.photocopies,
                "scanned_pages": doc.scanned_pages,
                "digitised_state": doc.digitised_state,
            }
            for doc in d.documents
        ],
        "form_data": dict(d.form_data or {}),
    }


def enqueue(
    session: Session,
    dossier: Dossier,
    kind: str,
    payload: dict[str, Any] | None = None,
    *,
    now: datetime | None = None,
) -> OutboxEvent:
    """Add one event for ``dossier`` to the outbox in the caller's transaction (never commits).

    The dossier's ``sync_state`` becomes ``pending``; the sender sets ``synced`` once every event of the
    dossier is delivered."""
    now = now or datetime.now(UTC)
    event = OutboxEvent(
        event_id=str(uuid.uuid4()),
        dossier_code=dossier.code,
        kind=kind,
        payload=payload if payload is not None else dossier_payload(dossier),
        created_at=now,
        attempts=0,
        next_attempt_at=now,
        sent_at=None,
        last_error=None,
    )
    session.add(event)
    dossier.sync_state = "pending"
    return event

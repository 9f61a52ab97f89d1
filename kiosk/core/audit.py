"""Audit trail and privacy-safe correlation.

Every staff action on a dossier and every notable citizen action writes an AuditEvent. Raw ID numbers never
go into the audit table or logs: a keyed hash (HMAC-SHA256 with the site's salt) lets support correlate
events of one citizen without storing who they are.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.models.tables import AuditEvent


def citizen_hash(id_number: str, salt: str) -> str:
    return hmac.new(salt.encode(), id_number.encode(), hashlib.sha256).hexdigest()[:32]


def record_audit(
    session: Session,
    *,
    at: datetime,
    action: str,
    actor_type: str,
    staff_id: int | None = None,
    citizen_hash_value: str | None = None,
    dossier_code: str | None = None,
    kiosk_id: str | None = None,
    consent_version: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    ev = AuditEvent(
        at=at,
        action=action,
        actor_type=actor_type,
        staff_id=staff_id,
        citizen_hash=citizen_hash_value,
        dossier_code=dossier_code,
        kiosk_id=kiosk_id,
        consent_version=consent_version,
        details=details or {},
    )
    session.add(ev)
    return ev

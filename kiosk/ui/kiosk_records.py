"""The kiosk's own bookkeeping rows: a KioskSession per citizen visit, help requests, the rating.

Why here and not in a page: these are small database writes the screens trigger (call staff, finish,
time out); each runs on the worker thread and never stores personal data (the citizen is a salted hash).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

# SQLAlchemy and the tables are imported inside each function (on the worker thread, after the first frame):
# the root view model imports this module before the Welcome page is drawn


def start_session(factory: Any, kiosk_id: str, now: datetime) -> int:
    from kiosk.models.database import session_scope
    from kiosk.models.tables import KioskSession

    with session_scope(factory) as s:
        row = KioskSession(kiosk_id=kiosk_id, started_at=now)
        s.add(row)
        s.flush()
        return row.id


def end_session(factory: Any, session_id: int, now: datetime, outcome: str, *, id_number: str | None = None,
                salt: str = "", dossier_id: int | None = None, rating: int | None = None,
                staff_id: int | None = None, failure_cause: str | None = None) -> None:
    from kiosk.core.audit import citizen_hash
    from kiosk.models.database import session_scope
    from kiosk.models.tables import KioskSession

    with session_scope(factory) as s:
        row = s.get(KioskSession, session_id)
        if row is None or row.ended_at is not None:
            return
        row.ended_at = now
        row.outcome = outcome
        if id_number:
            row.citizen_hash = citizen_hash(id_number, salt)
        if dossier_id is not None:
            row.dossier_id = dossier_id
        if rating is not None:
            row.rating = rating
        if staff_id is not None:
            row.assisted, row.staff_id = True, staff_id
        if failure_cause:
            row.failure_cause = failure_cause


def save_rating(factory: Any, dossier_id: int | None, session_id: int | None, rating: int) -> None:
    from kiosk.models.database import session_scope
    from kiosk.models.tables import Dossier, KioskSession

    with session_scope(factory) as s:
        if dossier_id is not None:
            d = s.get(Dossier, dossier_id)
            if d is not None:
                d.rating = rating
        if session_id is not None:
            row = s.get(KioskSession, session_id)
            if row is not None:
                row.rating = rating


def request_help(factory: Any, kiosk_id: str, kiosk_name: str, now: datetime) -> int:
    from sqlalchemy import select

    from kiosk.models.database import session_scope
    from kiosk.models.tables import HelpRequest

    with session_scope(factory) as s:
        open_row = s.scalar(select(HelpRequest).where(HelpRequest.kiosk_id == kiosk_id, HelpRequest.state == "open"))
        if open_row is not None:  # pressing twice does not queue twice
            return open_row.id
        row = HelpRequest(kiosk_id=kiosk_id, kiosk_name=kiosk_name, created_at=now, state="open")
        s.add(row)
        s.flush()
        return row.id

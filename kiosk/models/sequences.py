"""The per-agency, per-day counter behind dossier codes.

One atomic UPSERT … RETURNING, run inside the caller's transaction: on PostgreSQL the row lock serialises
concurrent writers; on SQLite the transaction starts with BEGIN IMMEDIATE (see database.py). If the caller
rolls back, the increment rolls back too, so numbers are never skipped. The code's format is
kiosk.core.codes.format_code (core formats; models may not import core).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, bindparam, text
from sqlalchemy.orm import Session

_UPSERT = text(
    "INSERT INTO dossier_sequences (agency_code, day, last_value) VALUES (:agency, :day, 1) "
    "ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_sequences.last_value + 1 "
    "RETURNING last_value"
).bindparams(bindparam("day", type_=Date))


def next_sequence(session: Session, agency: str, day: date) -> int:
    return int(session.execute(_UPSERT, {"agency": agency, "day": day}).scalar_one())

"""Reading the audit log: filtered lists for the supervisor and CSV / JSON Lines exports.

Why a separate module from kiosk.core.audit (which writes): this one only reads. There is deliberately no
update or delete function anywhere, and the database refuses both (triggers from migration 0002), so an
export is evidence that matches what was recorded. Rows carry the acting staff member's username and the
salted citizen hash, never a citizen's ID number, name or phone; :func:`personal_data_findings` lets tests
and support check that this holds for any set of rows.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.models.tables import AuditEvent, StaffUser

EXPORT_FORMATS = ("csv", "jsonl")
CSV_COLUMNS = ("id", "at", "actor_type", "staff", "action", "dossier_code", "kiosk_id", "citizen_hash",
               "consent_version", "details")
APPEND_ONLY_MESSAGE = "audit log is append-only"

# 12-digit personal ID numbers and Vietnamese mobile numbers (0/+84 then 9 digits), not inside longer digit
# runs (a dossier code's digits are separated by dots/dashes, a hash is hex and is checked separately).
_ID_RE = re.compile(r"(?<![0-9a-fA-F])\d{12}(?![0-9a-fA-F])")
_PHONE_RE = re.compile(r"(?<![\d])(?:\+?84|0)(?:3|5|7|8|9)\d{8}(?!\d)")


@dataclass(frozen=True)
class AuditFilter:
    start: datetime | None = None  # inclusive
    end: datetime | None = None  # exclusive
    staff: str | None = None  # username
    action: str | None = None  # exact, or a prefix ending in "." ("dossier.")
    dossier_code: str | None = None
    kiosk_id: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor_type: str
    staff: str | None  # username
    action: str
    dossier_code: str | None
    kiosk_id: str | None
    citizen_hash: str | None
    consent_version: str | None
    details: dict[str, Any]

    def as_json(self, tz: Any = None) -> dict[str, Any]:
        at = self.at.astimezone(tz) if tz else self.at
        return {
            "id": self.id, "at": at.isoformat(), "actor_type": self.actor_type, "staff": self.staff,
            "action": self.action, "dossier_code": self.dossier_code, "kiosk_id": self.kiosk_id,
            "citizen_hash": self.citizen_hash, "consent_version": self.consent_version, "details": self.details,
        }


class AuditLog:
    """Read-only access to ``audit_events``."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self.session_factory = session_factory

    def _query(self, f: AuditFilter) -> Select[Any]:
        q = select(AuditEvent, StaffUser.username).outerjoin(StaffUser, StaffUser.id == AuditEvent.staff_id)
        if f.start is not None:
            q = q.where(AuditEvent.at >= f.start)
        if f.end is not None:
            q = q.where(AuditEvent.at < f.end)
        if f.staff:
            q = q.where(StaffUser.username == f.staff.strip())
        if f.action:
            a = f.action.strip()
            q = q.where(AuditEvent.action.startswith(a, autoescape=True) if a.endswith(".") else AuditEvent.action == a)
        if f.dossier_code:
            q = q.where(AuditEvent.dossier_code == f.dossier_code.strip())
        if f.kiosk_id:
            q = q.where(AuditEvent.kiosk_id == f.kiosk_id.strip())
        return q

    def query(self, f: AuditFilter | None = None, *, limit: int | None = 500, newest_first: bool = True) -> list[AuditRow]:
        q = self._query(f or AuditFilter())
        q = q.order_by(AuditEvent.id.desc() if newest_first else AuditEvent.id)
        if limit is not None:
            q = q.limit(limit)
        with self.session_factory() as s:
            return [_row(ev, user) for ev, user in s.execute(q)]

    def iter_rows(self, f: AuditFilter | None = None, *, batch: int = 1000) -> Iterator[AuditRow]:
        """Every matching row, oldest first, in batches (an export of a year stays in bounded memory)."""
        last = 0
        while True:
            q = self._query(f or AuditFilter()).where(AuditEvent.id > last).order_by(AuditEvent.id).limit(batch)
            with self.session_factory() as s:
                rows = [_row(ev, user) for ev, user in s.execute(q)]
            if not rows:
                return
            yield from rows
            last = rows[-1].id

    def actions(self) -> list[str]:
        """The action names present (for a filter drop-down)."""
        with self.session_factory() as s:
            return list(s.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))

    def export(self, f: AuditFilter, fmt: str, out: IO[str], tz: Any = None) -> int:
        """Write matching rows (oldest first) as CSV or JSON Lines; returns the row count."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r} ({', '.join(EXPORT_FORMATS)})")
        n = 0
        writer = csv.writer(out) if fmt == "csv" else None
        if writer:
            writer.writerow(CSV_COLUMNS)
        for row in self.iter_rows(f):
            d = row.as_json(tz)
            if writer:
                writer.writerow([
                    d[c] if c != "details" else json.dumps(d[c], ensure_ascii=False, sort_keys=True)
                    for c in CSV_COLUMNS
                ])
            else:
                out.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
        return n

    def export_file(self, f: AuditFilter, fmt: str, path: Path, tz: Any = None) -> int:
        from kiosk.security import open_private

        with open_private(path, "w", encoding="utf-8", newline="") as fh:  # 0600 (folder 0700 if new)
            return self.export(f, fmt, fh, tz)


def _row(ev: AuditEvent, username: str | None) -> AuditRow:
    return AuditRow(
        id=ev.id, at=ev.at, actor_type=ev.actor_type, staff=username, action=ev.action,
        dossier_code=ev.dossier_code, kiosk_id=ev.kiosk_id, citizen_hash=ev.citizen_hash,
        consent_version=ev.consent_version, details=dict(ev.details or {}),
    )


def personal_data_findings(rows: list[AuditRow], names: tuple[str, ...] = ()) -> list[str]:
    """Every place in ``rows`` that looks like a raw ID number, a phone number or one of ``names``.

    The citizen hash is hex and legitimately long; it is checked only for being a hash."""
    found: list[str] = []
    for r in rows:
        d = r.as_json()
        ch = d.pop("citizen_hash")
        if ch is not None and not re.fullmatch(r"[0-9a-f]{16,64}", ch):
            found.append(f"row {r.id}: citizen_hash is not a hash")
        blob = json.dumps(d, ensure_ascii=False)
        for m in _ID_RE.finditer(blob):
            found.append(f"row {r.id} ({r.action}): ID-like number {m.group()}")
        for m in _PHONE_RE.finditer(blob):
            found.append(f"row {r.id} ({r.action}): phone-like number {m.group()}")
        low = blob.casefold()
        for n in names:
            if n and n.casefold() in low:
                found.append(f"row {r.id} ({r.action}): name {n!r}")
    return found


def to_text(rows: list[AuditRow], tz: Any = None) -> str:
    """A plain table for the terminal."""
    buf = io.StringIO()
    for r in rows:
        at = (r.at.astimezone(tz) if tz else r.at).strftime("%Y-%m-%d %H:%M:%S")
        det = json.dumps(r.details, ensure_ascii=False, sort_keys=True) if r.details else ""
        buf.write(f"{at}  {r.action:<24} {r.staff or r.actor_type:<12} {r.dossier_code or '-':<28} "
                  f"{r.kiosk_id or '-':<10} {det}\n")
    return buf.getvalue()


__all__ = [
    "APPEND_ONLY_MESSAGE",
    "AuditFilter",
    "AuditLog",
    "AuditRow",
    "EXPORT_FORMATS",
    "personal_data_findings",
    "to_text",
]

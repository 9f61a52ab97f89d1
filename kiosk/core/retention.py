"""Retention: personal data is kept on the kiosk/branch only as long as its purpose needs it.

Why (domain.md §10): under the personal-data law (ND 13/2023, then Law 91/2025/QH15 with ND 356/2025 from
01/01/2026) data is kept only as long as the purpose needs it; the kiosk is a transient front end, and the
dossier itself is archived by the back office under Luật Lưu trữ 33/2024. So what the kiosk keeps beyond the
dossier row goes once it has served:

| what | when it goes (``[retention]`` setting, default) |
|---|---|
| a dossier's scans | delivered to the back office (``sync_state = synced``) and ``scans_days`` (30) after submission |
| receipt/form PDFs of the pdf printer | ``receipts_days`` (7) after they were written (forms can be re-rendered) |
| OTP challenges | ``otp_days`` (1) after they expired |
| delivered outbox events (their payload holds the applicant) | ``outbox_sent_days`` (30) after delivery |
| lines of the demo SMS outbox (phone + code in clear) | ``sms_outbox_days`` (1) after they were written |
| .eml files of the demo e-mail outbox | ``sms_outbox_days`` (1) after they were written |
| staff-login throttle rows (no lock running) | 1 day after the last failure |
| kiosk session scan folders a crash left behind | ``session_scans_hours`` (1) after their last change |

:func:`purge` does it (``kiosk db purge``; ``--dry-run`` only counts). Deletions are plain dialect-neutral
DELETE statements, idempotent and safe to run from several machines of a branch at once. Nothing is logged
but counts.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.models.database import session_scope
from kiosk.models.tables import Dossier, DossierDocument, LoginThrottle, OtpChallenge, OutboxEvent
from kiosk.security import write_private_file

if TYPE_CHECKING:
    from kiosk.config import Settings

log = logging.getLogger(__name__)

DEMO_SMS_OUTBOX_NAME = "sms-outbox.jsonl"  # kiosk.integrations.sms.DEFAULT_OUTBOX_NAME (core may not import it)
THROTTLE_KEEP = timedelta(days=1)

# the order of the report's rows
KINDS = ("scans", "receipts", "otp_challenges", "outbox_delivered", "sms_outbox_lines", "email_outbox_files",
         "login_throttle", "session_scans")


@dataclass
class PurgeReport:
    dry_run: bool
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    cutoffs: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, "counts": dict(self.counts), "cutoffs": dict(self.cutoffs)}

    def table(self) -> str:
        verb = "would delete" if self.dry_run else "deleted"
        width = max(len(k) for k in KINDS)
        rows = [f"{'what':<{width}}  {verb:>12}  older than"]
        rows += [f"{k:<{width}}  {self.counts[k]:>12}  {self.cutoffs.get(k, '')}" for k in KINDS]
        return "\n".join(rows)


def receipts_dir(settings: Settings) -> Path:
    return Path(settings.printer.output_dir or settings.data_dir / "receipts")


def demo_sms_outbox(settings: Settings) -> Path:
    return Path(settings.sms.outbox_file or settings.data_dir / DEMO_SMS_OUTBOX_NAME)


def purge(session_factory: sessionmaker[Session], settings: Settings, now: datetime, *,
          dry_run: bool = False) -> PurgeReport:
    """Delete (or with ``dry_run`` only count) what the retention settings say has served its purpose."""
    r = settings.retention
    report = PurgeReport(dry_run=dry_run)
    scans_cut = now - timedelta(days=r.scans_days)
    otp_cut = now - timedelta(days=r.otp_days)
    outbox_cut = now - timedelta(days=r.outbox_sent_days)
    throttle_cut = now - THROTTLE_KEEP
    report.cutoffs = {
        "scans": f"{scans_cut.isoformat()} (and synced)", "receipts": f"{r.receipts_days} days",
        "otp_challenges": otp_cut.isoformat(), "outbox_delivered": outbox_cut.isoformat(),
        "sms_outbox_lines": f"{r.sms_outbox_days} days", "email_outbox_files": f"{r.sms_outbox_days} days",
        "login_throttle": throttle_cut.isoformat(),
        "session_scans": f"{r.session_scans_hours} hours",
    }
    c = report.counts
    c["scans"] = _purge_scans(session_factory, scans_cut, now, dry_run)
    with session_scope(session_factory) as s:
        otp = OtpChallenge.expires_at < otp_cut
        sent = OutboxEvent.sent_at.is_not(None) & (OutboxEvent.sent_at < outbox_cut)
        idle = (LoginThrottle.updated_at < throttle_cut) & (
            LoginThrottle.locked_until.is_(None) | (LoginThrottle.locked_until < now))
        for kind, table, cond in (("otp_challenges", OtpChallenge, otp), ("outbox_delivered", OutboxEvent, sent),
                                  ("login_throttle", LoginThrottle, idle)):
            if dry_run:
                c[kind] = s.scalar(select(func.count()).select_from(table).where(cond)) or 0
            else:
                c[kind] = s.execute(delete(table).where(cond), execution_options={"synchronize_session": False}).rowcount or 0
    c["receipts"] = _purge_files(receipts_dir(settings), r.receipts_days * 86400, dry_run, suffixes=(".pdf", ".part"))
    c["sms_outbox_lines"] = _purge_sms_outbox(demo_sms_outbox(settings), now, timedelta(days=r.sms_outbox_days), dry_run)
    email_dir = Path(settings.email.outbox_dir or Path(settings.data_dir) / "email-outbox")
    c["email_outbox_files"] = _purge_files(email_dir, r.sms_outbox_days * 86400, dry_run, suffixes=(".eml",))
    c["session_scans"] = _purge_dirs(Path(settings.data_dir) / "session-scans", r.session_scans_hours * 3600, dry_run)
    if not dry_run and any(c.values()):
        log.info("retention purge: %s", c)
    return report


def _purge_scans(session_factory: sessionmaker[Session], cut: datetime, now: datetime, dry_run: bool) -> int:
    """Scan folders of dossiers delivered to the back office and older than ``cut``; the page count stays."""
    with session_scope(session_factory) as s:
        rows = s.execute(
            select(DossierDocument.id, DossierDocument.scan_path)
            .join(Dossier, Dossier.id == DossierDocument.dossier_id)
            .where(DossierDocument.scan_path.is_not(None), DossierDocument.scans_purged_at.is_(None),
                   Dossier.sync_state == "synced", Dossier.submitted_at < cut)
        ).all()
        if dry_run:
            return len(rows)
        for doc_id, path in rows:
            folder = Path(path)
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists():  # not ours to delete (permissions): keep the row pointing at it
                continue
            try:
                folder.parent.rmdir()  # the submission's token folder, once its last paper is gone
            except OSError:
                pass
            s.execute(update(DossierDocument).where(DossierDocument.id == doc_id)
                      .values(scan_path=None, scans_purged_at=now), execution_options={"synchronize_session": False})
        return len(rows)


def _older(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime >= seconds
    except OSError:
        return False


def _purge_files(folder: Path, max_age_s: float, dry_run: bool, *, suffixes: tuple[str, ...]) -> int:
    if not folder.is_dir():
        return 0
    n = 0
    for p in folder.iterdir():
        if p.is_file() and p.name.endswith(suffixes) and _older(p, max_age_s):
            n += 1
            if not dry_run:
                p.unlink(missing_ok=True)
    return n


def _purge_dirs(folder: Path, max_age_s: float, dry_run: bool) -> int:
    if not folder.is_dir():
        return 0
    n = 0
    for p in folder.iterdir():
        if p.is_dir() and _older(p, max_age_s):
            n += 1
            if not dry_run:
                shutil.rmtree(p, ignore_errors=True)
    return n


def _purge_sms_outbox(path: Path, now: datetime, keep: timedelta, dry_run: bool) -> int:
    """Drop the demo outbox's lines older than ``keep`` (and torn lines); the file is rewritten 0600."""
    if not path.is_file():
        return 0
    cut = now - keep
    kept: list[str] = []
    dropped = 0
    with path.open(encoding="utf-8", errors="replace") as f:
        for raw in f:
            try:
                at = datetime.fromisoformat(json.loads(raw)["at"])
                fresh = (at if at.tzinfo else at.replace(tzinfo=now.tzinfo)) >= cut
            except (ValueError, KeyError, TypeError):
                fresh = False
            if fresh:
                kept.append(raw if raw.endswith("\n") else raw + "\n")
            else:
                dropped += 1
    if dropped and not dry_run:
        if kept:
            write_private_file(path, "".join(kept))
        else:
            os.unlink(path)
    return dropped

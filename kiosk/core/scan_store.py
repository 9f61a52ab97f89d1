"""Where a dossier's scans live, and how they get there without leaving personal data behind.

Why: a scan is an image of a citizen's papers. It must never be readable by other users, never outlive a
submission that failed, and never be lost for a submission that succeeded. So:

1. the UI copies the session's pages into a private *staging* folder ``<scans>/.staging/<token>/docN``;
2. the submission stores the *final* path ``<scans>/<token>/docN`` in the same transaction as the dossier;
3. only after the commit is the staged folder moved there (:func:`finalise_scans`); a failed submission
   deletes it (:func:`discard_staged`);
4. at start (:func:`recover_scans`, from ``build_app``) a staged folder whose dossier was committed (a crash
   between commit and move) is moved, any other staged folder older than the grace period is deleted, and
   final folders that no dossier names are deleted.

Folders are 0700 and files 0600 (:mod:`kiosk.security`).
"""

from __future__ import annotations

import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.security import ensure_private_dir

log = logging.getLogger(__name__)

STAGING = ".staging"


def staging_root(scans_dir: Path) -> Path:
    return Path(scans_dir) / STAGING


def new_staging_dir(scans_dir: Path) -> Path:
    """A fresh private staging folder for one submission's scans."""
    return ensure_private_dir(staging_root(scans_dir) / uuid.uuid4().hex)


def _staged_parts(scans_dir: Path | None, scan_path: str | Path | None) -> tuple[str, str] | None:
    """(token, docN) when ``scan_path`` is ``<scans>/.staging/<token>/<docN>``, else None."""
    if scans_dir is None or not scan_path:
        return None
    p = Path(scan_path)
    try:
        rel = p.resolve().relative_to(staging_root(scans_dir).resolve())
    except ValueError:
        return None
    parts = rel.parts
    return (parts[0], parts[1]) if len(parts) == 2 else None


def final_scan_path(scans_dir: Path | None, scan_path: str | None, moves: list[tuple[Path, Path]]) -> str | None:
    """The path to store for a paper: the final place for a staged folder (the move is remembered in
    ``moves`` and done after the commit), any other path unchanged."""
    parts = _staged_parts(scans_dir, scan_path)
    if parts is None or scans_dir is None or scan_path is None:
        return scan_path
    final = Path(scans_dir) / parts[0] / parts[1]
    moves.append((Path(scan_path), final))
    return str(final)


def finalise_scans(moves: Iterable[tuple[Path, Path]]) -> None:
    """Move committed scans from staging to their final folder. A failure here is logged, not raised: the
    dossier is saved, and :func:`recover_scans` finishes the move at the next start."""
    tokens: set[Path] = set()
    for staged, final in moves:
        try:
            ensure_private_dir(final.parent)
            os.replace(staged, final)
            tokens.add(staged.parent)
        except OSError as exc:
            log.warning("scan folder not moved after commit (%s); it will be recovered at start", type(exc).__name__)
    for token in tokens:
        try:
            token.rmdir()
        except OSError:
            pass


def discard_staged(scans_dir: Path | None, documents: Iterable[Any]) -> None:
    """Delete the staged scans of a submission that failed."""
    tokens: set[Path] = set()
    for doc in documents:
        parts = _staged_parts(scans_dir, getattr(doc, "scan_path", None))
        if parts is not None and scans_dir is not None:
            tokens.add(staging_root(scans_dir) / parts[0])
    for token in tokens:
        shutil.rmtree(token, ignore_errors=True)


@dataclass
class ScanRecovery:
    moved: int = 0  # staged folders of committed dossiers, moved to their final place
    staged_deleted: int = 0  # staged folders of submissions that never committed
    orphans_deleted: int = 0  # final folders no dossier names
    sessions_deleted: int = 0  # kiosk session scan folders (pages scanned during a visit) a crash left

    def as_dict(self) -> dict[str, int]:
        return {"moved": self.moved, "staged_deleted": self.staged_deleted, "orphans_deleted": self.orphans_deleted,
                "sessions_deleted": self.sessions_deleted}


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime >= seconds
    except OSError:
        return False


def recover_scans(session_factory: Any, scans_dir: Path, *, grace_s: float = 3600.0,
                  session_scans: Path | None = None) -> ScanRecovery:
    """Finish or undo what a crash left in ``scans_dir`` (see the module docstring), and delete the kiosk
    session folders in ``session_scans`` a crash left. Folders younger than ``grace_s`` are left alone:
    another process on this machine may be submitting (or scanning) right now."""
    from sqlalchemy import select

    from kiosk.models.tables import DossierDocument

    out = ScanRecovery()
    if session_scans is not None and Path(session_scans).is_dir():
        for p in Path(session_scans).iterdir():
            if p.is_dir() and _older_than(p, grace_s):
                shutil.rmtree(p, ignore_errors=True)
                out.sessions_deleted += 1
    scans_dir = Path(scans_dir).resolve()
    if not scans_dir.is_dir():
        return out  # (session folders above are purged even before the first scan is kept)
    staging = staging_root(scans_dir)
    tokens = [p for p in staging.iterdir() if p.is_dir()] if staging.is_dir() else []
    finals = [p for p in scans_dir.iterdir() if p.is_dir() and p.name != STAGING]
    if not tokens and not finals:
        return out
    with session_factory() as s:
        known = {path for path in s.scalars(select(DossierDocument.scan_path).where(DossierDocument.scan_path.is_not(None)))}
    for token in tokens:
        if not _older_than(token, grace_s):
            continue
        for doc_dir in [p for p in token.iterdir() if p.is_dir()]:
            final = scans_dir / token.name / doc_dir.name
            if str(final) in known and not final.exists():
                ensure_private_dir(final.parent)
                os.replace(doc_dir, final)
                out.moved += 1
        if any(token.iterdir()):
            out.staged_deleted += 1
        shutil.rmtree(token, ignore_errors=True)
    known_tokens = {Path(p).parent.name for p in known} | {Path(p).name for p in known}
    for final in finals:
        if final.name not in known_tokens and _older_than(final, grace_s):
            shutil.rmtree(final, ignore_errors=True)
            out.orphans_deleted += 1
    if any(out.as_dict().values()):
        log.info("scans recovered at start: %s", out.as_dict())
    return out

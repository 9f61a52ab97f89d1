"""Reuse of a paper scanned in an earlier dossier of the same citizen (QĐ 766 indicator 4.3).

Why: a returning citizen should not have to scan the same birth certificate again. With the account's
``keep_scans_for_reuse`` consent (kiosk/resources/consents.toml) the kiosk offers, for each paper of the new
dossier, the paper of the same name scanned in one of the citizen's earlier dossiers whose scan files are
still kept. Choosing it marks the new paper ``provision = "reused"``, ``digitised_state = 2`` (DVCQG
TrangThaiSoHoa "reused from another dossier") with a reference to the earlier paper; nothing is copied.

Only the applicant's own earlier papers are offered or accepted: :func:`reusable_scans` looks them up by the
ID number read from the citizen's chip, and :func:`check_reuse` runs again inside the submission's
transaction, so a reference to someone else's paper, a withdrawn consent or a purged scan is refused there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.models.tables import Account, Citizen, Consent, Dossier, DossierDocument

REUSE_CONSENT = "keep_scans_for_reuse"
PAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf")


@dataclass(frozen=True)
class ReusableScan:
    """An earlier paper the citizen may reuse: its row id, the dossier it came with and its first page."""

    document_id: int
    name: str
    dossier_code: str
    pages: int
    thumbnail: Path  # the first page's image, read in place (never copied)
    scanned_at: str  # ISO time of the earlier submission


def has_reuse_consent(s: Session, citizen_id: int) -> bool:
    account = s.scalar(select(Account).where(Account.citizen_id == citizen_id))
    if account is None or account.status != "active":
        return False
    row = s.scalar(
        select(Consent).where(Consent.account_id == account.id, Consent.purpose == REUSE_CONSENT)
        .order_by(Consent.id.desc()).limit(1)
    )
    return bool(row is not None and row.granted and row.withdrawn_at is None)


def scan_pages(doc: DossierDocument) -> list[Path]:
    """The kept page files of an earlier paper (empty when purged or missing)."""
    if not doc.scan_path or doc.scans_purged_at is not None:
        return []
    p = Path(doc.scan_path)
    if p.is_file():
        return [p]
    if not p.is_dir():
        return []
    return sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in PAGE_SUFFIXES)


def reusable_scans(s: Session, id_number: str, names: list[str]) -> dict[str, ReusableScan]:
    """For each of ``names``: the latest earlier paper of that name the citizen may reuse; {} without consent."""
    citizen = s.scalar(select(Citizen).where(Citizen.id_number == id_number.strip()))
    if citizen is None or not has_reuse_consent(s, citizen.id):
        return {}
    wanted = set(names)
    rows = s.execute(
        select(DossierDocument, Dossier.code, Dossier.submitted_at)
        .join(Dossier, Dossier.id == DossierDocument.dossier_id)
        .where(Dossier.applicant_id == citizen.id, DossierDocument.name.in_(wanted),
               DossierDocument.digitised_state == 1, DossierDocument.scan_path.is_not(None),
               DossierDocument.scans_purged_at.is_(None))
        .order_by(Dossier.submitted_at.desc(), DossierDocument.id.desc())
    ).all()
    out: dict[str, ReusableScan] = {}
    for doc, code, at in rows:
        if doc.name in out:
            continue
        pages = scan_pages(doc)
        if pages:
            out[doc.name] = ReusableScan(doc.id, doc.name, code, len(pages), pages[0], at.isoformat())
    return out


def check_reuse(s: Session, applicant_id_number: str, document_id: int, name: str) -> DossierDocument | None:
    """The earlier paper ``document_id`` when the applicant may reuse it for a paper called ``name``: their
    own dossier, same name, consent in force, scan still kept. None otherwise."""
    doc = s.get(DossierDocument, document_id)
    if doc is None or doc.name != name:
        return None
    owner = s.scalar(select(Citizen).join(Dossier, Dossier.applicant_id == Citizen.id)
                     .where(Dossier.id == doc.dossier_id))
    if owner is None or owner.id_number != applicant_id_number.strip():
        return None
    if not has_reuse_consent(s, owner.id) or not scan_pages(doc):
        return None
    return doc


__all__ = ["REUSE_CONSENT", "ReusableScan", "check_reuse", "has_reuse_consent", "reusable_scans", "scan_pages"]

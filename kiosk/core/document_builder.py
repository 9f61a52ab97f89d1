"""Build the form records of ``kiosk.form_content`` from a stored dossier and the site settings.

Why: every caller (the kiosk flow, the staff console, ``kiosk receipt``) must print the same thing for
the same dossier, so the mapping from ORM rows + settings (agency header, tracking URL, number of copies,
bank account) to form fields lives in one place.  It reads SQLAlchemy objects but never queries SQL
directly and imports neither reportlab nor Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import object_session

from kiosk.config import Settings
from kiosk.core import vietqr
from kiosk.core.calendar import OfficeHours, WorkCalendar
from kiosk.core.timelimits import TimeLimit
from kiosk.core.workflow import (
    DELIVERY_LABELS_VI,
    PAYMENT_LABELS_VI,
    PROVIDED,
    PROVISION_LABELS_VI,
    Action,
    LegalChannel,
    Status,
    due_range,
    legal_channel,
)
from kiosk.form_content import (
    AgencyHeader,
    ApologyData,
    Applicant,
    DocumentLine,
    ReceiptData,
    RefusalData,
    SlipData,
    StopData,
    SupplementData,
    SupplementItem,
)
from kiosk.models.tables import Citizen, Dossier, DossierEvent, StaffUser

PENDING_CHANNELS = {"online", "kiosk", "kiosk_assisted"}
_SEQ_RE = re.compile(r"-(\d{4})$")


class MissingEventError(LookupError):
    """The dossier has no recorded event of the kind the form needs (e.g. no refusal for Mẫu 03)."""


def agency_header(settings: Settings) -> AgencyHeader:
    return AgencyHeader(
        parent_body=settings.parent_body,
        unit_name=settings.unit_name,
        place_name=settings.place_name,
        hotline=settings.hotline,
        website=settings.website,
    )


def applicant_of(citizen: Citizen | None) -> Applicant:
    if citizen is None:
        return Applicant(full_name="")
    return Applicant(
        full_name=citizen.full_name,
        id_number=citizen.id_number,
        address=citizen.current_address or citizen.place_of_residence,
        phone=citizen.phone,
        email=citizen.email,
    )


def _from_snapshot(snap: Mapping[str, Any]) -> Applicant:
    return Applicant(
        full_name=snap.get("full_name") or "",
        id_number=snap.get("id_number"),
        address=snap.get("current_address") or snap.get("place_of_residence"),
        phone=snap.get("phone"),
        email=snap.get("email"),
    )


def applicant_for(dossier: Dossier) -> tuple[Applicant, str | None]:
    """(the person on the form, the owner's name when someone else submitted), from the dossier's own
    snapshot of the applicant as received, so a later change to the citizen row never alters an earlier
    dossier's forms; dossiers from before the snapshot existed fall back to the citizen rows."""
    snap = dossier.applicant_snapshot
    if snap:
        sub = snap.get("submitter")
        if sub:
            return _from_snapshot(sub), snap.get("full_name") or None
        return _from_snapshot(snap), None
    submitter = dossier.submitter
    owner = dossier.applicant.full_name if submitter and submitter.id != dossier.applicant_id else None
    return applicant_of(submitter or dossier.applicant), owner


def time_limit_text(kind: str, amount: float) -> str:
    try:
        return TimeLimit(kind, amount).describe_vi()  # type: ignore[arg-type]
    except KeyError:
        return f"{amount:g} {kind}"


def _staff_name(dossier: Dossier, staff_id: int | None) -> str | None:
    if staff_id is None:
        return None
    session = object_session(dossier)
    if session is None:
        return None
    staff = session.get(StaffUser, staff_id)
    return staff.full_name if staff else None


def latest_event(dossier: Dossier, actions: Iterable[str]) -> DossierEvent | None:
    wanted = set(actions)
    for event in reversed(dossier.events):
        if event.action in wanted:
            return event
    return None


def _now(issued_at: datetime | None) -> datetime:
    return issued_at or datetime.now(UTC)


def provided_documents(dossier: Dossier) -> tuple[DocumentLine, ...]:
    """The papers the citizen handed in (scanned, paper at the counter or reused), each with how; papers of
    the catalogue the citizen did not provide are left out of Mẫu 01 and the slip."""
    return tuple(
        DocumentLine(d.name, d.originals, d.certified_copies, d.photocopies,
                     PROVISION_LABELS_VI.get(d.provision or "scanned", d.provision or ""))
        for d in sorted(dossier.documents, key=lambda d: d.position)
        if (d.provision or "scanned") in PROVIDED
    )


def dossier_legal_channel(dossier: Dossier, settings: Settings) -> int:
    """The stored legal channel, or the workflow's rule for rows saved before it was stored."""
    if dossier.legal_channel in (1, 2, 3):
        return int(dossier.legal_channel)
    return int(legal_channel(dossier.channel, kiosk_counts_as_online=settings.workflow.kiosk_counts_as_online))


def fee_basis(dossier: Dossier, settings: Settings) -> str:
    if dossier.fee <= 0:
        return ""
    online = dossier_legal_channel(dossier, settings) == LegalChannel.ONLINE
    return "mức thu nộp hồ sơ trực tuyến" if online else "mức thu nộp hồ sơ trực tiếp"


def _calendar(settings: Settings) -> WorkCalendar:
    return WorkCalendar(hours=OfficeHours.from_settings(settings.office_hours), tz=settings.tz)


def _limit(dossier: Dossier) -> TimeLimit:
    return TimeLimit(dossier.time_limit_kind, dossier.time_limit_amount)  # type: ignore[arg-type]


def pending_due_range(dossier: Dossier, settings: Settings) -> tuple[datetime | None, datetime | None]:
    """Not accepted yet: (due if accepted at submission, due if accepted at the 8-working-hour deadline)."""
    if dossier.status != Status.NEW or dossier.received_at is not None:
        return None, None
    window = due_range(_calendar(settings), dossier.submitted_at, _limit(dossier))
    return window.earliest, window.latest


def receipt_due(dossier: Dossier, settings: Settings) -> datetime | None:
    """The due time Mẫu 01 states: the one computed from received_at when the dossier was accepted (a later
    supplement pause or extension is told with Mẫu 02/04, not by rewriting the receipt)."""
    if dossier.received_at is None:
        return None
    return dossier.original_due_at or _calendar(settings).due_date(dossier.received_at, _limit(dossier)).due


def receipt_data(
    dossier: Dossier,
    settings: Settings,
    *,
    staff_name: str | None = None,
    issued_at: datetime | None = None,
) -> ReceiptData:
    """Mẫu 01 for an accepted dossier: "Thời gian nhận hồ sơ" is received_at, the instant the time limit runs
    from, and the due time is the one computed from it. A dossier not accepted yet prints no received time and
    the range its due time will fall in. Only the papers provided are listed, each with how."""
    accepted = latest_event(dossier, (Action.ACCEPT.value,))
    earliest, latest = pending_due_range(dossier, settings)
    if staff_name is None:
        staff_id = accepted.staff_id if accepted else dossier.assisted_by_staff_id
        staff_name = _staff_name(dossier, staff_id)
    applicant, owner = applicant_for(dossier)
    seq = _SEQ_RE.search(dossier.code)
    form = dossier.form_data or {}
    return ReceiptData(
        header=agency_header(settings),
        dossier_code=dossier.code,
        tracking_url=settings.tracking_url(dossier.code),
        issued_at=_now(issued_at if issued_at else dossier.received_at),
        applicant=applicant,
        owner_name=owner,
        procedure_code=dossier.procedure_code,
        procedure_name=dossier.procedure.name,
        documents=provided_documents(dossier),
        sets_count=dossier.sets_count,
        time_limit_text=time_limit_text(dossier.time_limit_kind, dossier.time_limit_amount),
        received_at=dossier.received_at,
        due_at=receipt_due(dossier, settings),
        delivery=dossier.delivery,
        fee=dossier.fee,
        payment_state=dossier.payment_state,
        delivery_options=tuple((label, dossier.delivery == key) for key, label in DELIVERY_LABELS_VI.items()),
        payment_text=PAYMENT_LABELS_VI.get(dossier.payment_state, dossier.payment_state),
        fee_basis=fee_basis(dossier, settings),
        due_earliest=earliest,
        due_latest=latest,
        book_number=str(form.get("book_number") or "......"),
        book_sequence=str(form.get("book_sequence") or (seq.group(1) if seq else "......")),
        note=dossier.note,
        staff_name=staff_name,
        copies=settings.printer.receipt_copies,
        tz=settings.tz,
    )


def payment_payload(dossier: Dossier, settings: Settings) -> str | None:
    """The VietQR string for a dossier whose fee is still unpaid, else None."""
    if dossier.fee <= 0 or dossier.payment_state != "unpaid":
        return None
    bank = settings.bank
    return vietqr.dossier_payment_payload(bank.bin, bank.account, dossier.fee, dossier.code)


def slip_data(dossier: Dossier, settings: Settings) -> SlipData:
    """The kiosk slip: pending wording while an online/kiosk dossier waits for an official."""
    pending = dossier.status == 1 and dossier.channel in PENDING_CHANNELS
    earliest, latest = pending_due_range(dossier, settings) if pending else (None, None)
    return SlipData(
        header=agency_header(settings),
        dossier_code=dossier.code,
        tracking_url=settings.tracking_url(dossier.code),
        procedure_name=dossier.procedure.name,
        submitted_at=dossier.submitted_at,
        received_at=None if pending else dossier.received_at,
        due_at=None if pending else dossier.due_at,
        pending=pending,
        accept_deadline=dossier.accept_deadline if pending else None,
        fee=dossier.fee,
        payment_state=dossier.payment_state,
        payment_payload=payment_payload(dossier, settings),
        kiosk_name=settings.kiosk_name,
        tz=settings.tz,
        payment_text=PAYMENT_LABELS_VI.get(dossier.payment_state, dossier.payment_state),
        fee_basis=fee_basis(dossier, settings),
        due_earliest=earliest,
        due_latest=latest,
        documents=provided_documents(dossier),
    )


def _int(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def supplement_items(raw: Iterable[Mapping[str, Any]]) -> tuple[SupplementItem, ...]:
    return tuple(
        SupplementItem(
            name=str(item.get("name", "")).strip(),
            reason=str(item.get("reason", "")).strip(),
            originals=_int(item.get("originals")),
            certified_copies=_int(item.get("certified_copies")),
            photocopies=_int(item.get("photocopies")),
        )
        for item in raw
    )


def supplement_data(
    dossier: Dossier,
    settings: Settings,
    items: Iterable[Mapping[str, Any]] | Iterable[SupplementItem] | None = None,
    staff_name: str | None = None,
    *,
    guidance: str | None = None,
    issued_at: datetime | None = None,
) -> SupplementData:
    """Mẫu 02. Without ``items`` the latest "supplement" event supplies items and guidance."""
    event = latest_event(dossier, (Action.SUPPLEMENT.value,))
    details: Mapping[str, Any] = event.details if event else {}
    if items is None:
        if event is None:
            raise MissingEventError("no supplement request recorded for this dossier")
        items = details.get("items") or []
    parsed = tuple(i if isinstance(i, SupplementItem) else supplement_items([i])[0] for i in items)
    if staff_name is None and event is not None:
        staff_name = _staff_name(dossier, event.staff_id)
    return SupplementData(
        header=agency_header(settings),
        dossier_code=dossier.code,
        issued_at=_now(issued_at or (event.at if event else None)),
        applicant=applicant_for(dossier)[0],
        procedure_name=dossier.procedure.name,
        submitted_at=dossier.submitted_at,
        items=parsed,
        guidance=guidance if guidance is not None else str(details.get("guidance") or ""),
        legal_basis=details.get("legal_basis"),
        staff_name=staff_name,
        staff_phone=details.get("staff_phone"),
        tz=settings.tz,
    )


def _decision(
    dossier: Dossier, action: Action, reason: str | None, staff_name: str | None
) -> tuple[Any, str, str | None]:
    """The latest ``action`` event of a decision form (Mẫu 03, 05): its reason and the officer, unless given."""
    event = latest_event(dossier, (action.value,))
    if reason is None:
        if event is None:
            raise MissingEventError(f"no {action.value} recorded for this dossier")
        reason = str(event.details.get("reason") or "")
    if staff_name is None and event is not None:
        staff_name = _staff_name(dossier, event.staff_id)
    return event, reason, staff_name


def refusal_data(
    dossier: Dossier,
    settings: Settings,
    reason: str | None = None,
    staff_name: str | None = None,
    *,
    issued_at: datetime | None = None,
) -> RefusalData:
    """Mẫu 03. Without ``reason`` the latest "refuse" event supplies it."""
    event, reason, staff_name = _decision(dossier, Action.REFUSE, reason, staff_name)
    return RefusalData(
        header=agency_header(settings),
        dossier_code=dossier.code,
        issued_at=_now(issued_at or (event.at if event else None)),
        applicant=applicant_for(dossier)[0],
        procedure_name=dossier.procedure.name,
        submitted_at=dossier.submitted_at,
        reason=reason,
        staff_name=staff_name,
        tz=settings.tz,
    )


def stop_data(
    dossier: Dossier,
    settings: Settings,
    reason: str | None = None,
    staff_name: str | None = None,
    *,
    issued_at: datetime | None = None,
) -> StopData:
    """Mẫu 05 (TT 03/2025). Without ``reason`` the latest "stop" event supplies it."""
    event, reason, staff_name = _decision(dossier, Action.STOP, reason, staff_name)
    return StopData(
        header=agency_header(settings),
        dossier_code=dossier.code,
        issued_at=_now(issued_at or (event.at if event else None)),
        applicant=applicant_for(dossier)[0],
        procedure_name=dossier.procedure.name,
        received_at=dossier.received_at,
        reason=reason,
        staff_name=staff_name,
        tz=settings.tz,
    )


def apology_data(
    dossier: Dossier,
    settings: Settings,
    reason: str | None = None,
    new_due: datetime | None = None,
    staff_name: str | None = None,
    *,
    issued_at: datetime | None = None,
) -> ApologyData:
    """Mẫu 04. Without ``reason``/``new_due`` the latest "apologize" event supplies them."""
    event = latest_event(dossier, (Action.APOLOGIZE.value,))
    details: Mapping[str, Any] = event.details if event else {}
    if reason is None or new_due is None:
        if event is None:
            raise MissingEventError("no apology recorded for this dossier")
        reason = reason if reason is not None else str(details.get("reason") or "")
        if new_due is None:
            raw = details.get("new_due")
            if not raw:
                raise MissingEventError("the recorded apology has no new due date")
            new_due = datetime.fromisoformat(str(raw))
            if new_due.tzinfo is None:
                new_due = new_due.replace(tzinfo=settings.tz)
    old_due = dossier.original_due_at or dossier.due_at
    if "old_due" in details and details["old_due"]:
        old_due = datetime.fromisoformat(str(details["old_due"]))
        if old_due.tzinfo is None:
            old_due = old_due.replace(tzinfo=settings.tz)
    if staff_name is None and event is not None:
        staff_name = _staff_name(dossier, event.staff_id)
    return ApologyData(
        header=agency_header(settings),
        dossier_code=dossier.code,
        issued_at=_now(issued_at or (event.at if event else None)),
        applicant=applicant_for(dossier)[0],
        procedure_name=dossier.procedure.name,
        received_at=dossier.received_at,
        old_due=old_due,
        new_due=new_due,
        reason=reason,
        staff_name=staff_name,
        tz=settings.tz,
    )

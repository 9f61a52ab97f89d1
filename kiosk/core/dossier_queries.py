"""Read side of the counter console: the acceptance queue with its 8-working-hour clock, search, a dossier's
full detail, the citizen-facing tracking answer, open help requests from kiosks and failed print jobs.

Why separate from the actions: these are plain reads the console polls every few seconds; keeping them apart
keeps both modules small. Search is diacritic-insensitive ("nguyen thi huong" finds "Nguyễn Thị Hương")
because officers type fast and citizens spell names without tones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from kiosk.core.audit import record_audit
from kiosk.core.calendar import WorkCalendar
from kiosk.core.clock import Clock
from kiosk.core.dossiers import NEXT_STEP_VI, STATUS_LABELS_EN, STATUS_LABELS_VI, Status
from kiosk.core.textfold import fold
from kiosk.core.workflow import ACTION_LABELS_EN, ACTION_LABELS_VI, NEXT_STEP_EN, Action
from kiosk.models.database import session_scope
from kiosk.models.tables import Citizen, Dossier, HelpRequest, KioskSession, PrintJob, Procedure, StaffUser

AMBER_WITHIN = timedelta(hours=1)
ID_RE = re.compile(r"^\d{12}$")
CODE_HINT_RE = re.compile(r"^[0-9A-Za-z.]*[-.][0-9A-Za-z.-]*$")



@dataclass(frozen=True)
class QueueRow:
    code: str
    status: int
    procedure_code: str
    procedure_name: str
    applicant_name: str
    channel: str
    kiosk_id: str | None
    submitted_at: datetime
    accept_deadline: datetime | None
    remaining: timedelta | None  # working time left in the acceptance window; negative when past
    level: str  # ok | amber | red | none


@dataclass(frozen=True)
class DossierRow:
    code: str
    status: int
    status_text: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    channel: str
    submitted_at: datetime
    received_at: datetime | None
    due_at: datetime | None
    payment_state: str

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "status": self.status,
            "status_text": self.status_text,
            "procedure": self.procedure_code,
            "procedure_name": self.procedure_name,
            "applicant": self.applicant_name,
            "channel": self.channel,
            "submitted": _iso(self.submitted_at),
            "received": _iso(self.received_at),
            "due": _iso(self.due_at),
            "payment_state": self.payment_state,
        }


@dataclass(frozen=True)
class DossierDetail:
    row: DossierRow
    applicant_id_number: str
    applicant_phone: str | None
    accept_deadline: datetime | None
    original_due_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    fee: int
    delivery: str
    delivered_via: str | None
    kiosk_id: str | None
    supplement_rounds: int
    paused_seconds: int
    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    print_jobs: list[dict[str, Any]] = field(default_factory=list)
    e_result: bool = False  # finished with a signed result file (QĐ 766 4.1)
    reused: bool = False  # at least one paper reused from an earlier dossier (4.3)

    def as_json(self) -> dict[str, Any]:
        out = self.row.as_json()
        out.update(
            {
                "accept_deadline": _iso(self.accept_deadline),
                "original_due": _iso(self.original_due_at),
                "finished": _iso(self.finished_at),
                "returned": _iso(self.returned_at),
                "fee": self.fee,
                "delivery": self.delivery,
                "delivered_via": self.delivered_via,
                "kiosk_id": self.kiosk_id,
                "supplement_rounds": self.supplement_rounds,
                "paused_seconds": self.paused_seconds,
                "documents": self.documents,
                "events": self.events,
                "payments": self.payments,
                "print_jobs": self.print_jobs,
                "e_result": self.e_result,
                "reused": self.reused,
            }
        )
        return out


@dataclass(frozen=True)
class HelpRow:
    id: int
    kiosk_id: str
    kiosk_name: str
    created_at: datetime
    state: str
    taken_by: str | None
    page: str | None = None  # where the citizen is now (the visit's page, else the page at the call)
    page_since: datetime | None = None  # since when: the console shows how long they have been stuck there
    reason: str | None = None  # button | offer (accepted the kiosk's offer of help)


def _iso(t: datetime | None) -> str | None:
    return t.isoformat() if t else None


def acceptance_level(cal: WorkCalendar, now: datetime, deadline: datetime | None) -> tuple[timedelta | None, str]:
    """Remaining working time in the acceptance window and its colour: red when past, amber in the last
    working hour."""
    if deadline is None:
        return None, "none"
    if now >= deadline:
        return -cal.working_time_between(deadline, now), "red"
    left = cal.working_time_between(now, deadline)
    if left <= timedelta(0):  # outside office hours right before the deadline
        return left, "red"
    return left, "amber" if left <= AMBER_WITHIN else "ok"


def format_remaining(td: timedelta | None) -> str:
    if td is None:
        return "—"
    minutes = int(abs(td).total_seconds() // 60)
    text = f"{minutes // 60} giờ {minutes % 60:02d} phút"
    return f"quá {text}" if td < timedelta(0) else f"còn {text}"


def _applicant(d: Dossier, key: str) -> str | None:
    """The applicant as received with this dossier (its snapshot), else the citizen row (older dossiers)."""
    snap = d.applicant_snapshot if isinstance(d.applicant_snapshot, dict) else None
    if snap and key in snap:
        return snap.get(key)
    return getattr(d.applicant, key, None) if d.applicant is not None else None


def _row(d: Dossier) -> DossierRow:
    return DossierRow(
        code=d.code,
        status=d.status,
        status_text=STATUS_LABELS_VI.get(d.status, str(d.status)),
        procedure_code=d.procedure_code,
        procedure_name=d.procedure.name if d.procedure else d.procedure_code,
        applicant_name=_applicant(d, "full_name") or "",
        channel=d.channel,
        submitted_at=d.submitted_at,
        received_at=d.received_at,
        due_at=d.due_at,
        payment_state=d.payment_state,
    )


def citizen_history(d: Dossier) -> list[dict[str, Any]]:
    """The dossier's events as lines a citizen may read: when, what happened (vi, en) and the status it led to.
    No officer, no reason typed by an officer; only the supplement request the citizen must still answer
    carries its list of papers (name and what is wrong)."""
    events = list(d.events)
    pending_supplement = None
    if d.status == Status.SUPPLEMENT:
        asks = [e for e in events if e.action == Action.SUPPLEMENT.value]
        pending_supplement = asks[-1].id if asks else None
    out: list[dict[str, Any]] = []
    for e in events:
        vi, en = ACTION_LABELS_VI.get(e.action), ACTION_LABELS_EN.get(e.action)
        if vi is None or en is None:
            continue
        moved = e.status_to is not None and e.status_to != e.status_from
        line: dict[str, Any] = {
            "at": _iso(e.at), "action": e.action, "text_vi": vi, "text_en": en,
            "status_vi": STATUS_LABELS_VI.get(e.status_to, "") if moved else "",
            "status_en": STATUS_LABELS_EN.get(e.status_to, "") if moved else "",
            "items": [],
        }
        if e.id == pending_supplement and isinstance(e.details, dict):
            line["items"] = [
                {"name": str(i.get("name", "")), "reason": str(i.get("reason", ""))}
                for i in e.details.get("items", []) if isinstance(i, dict)
            ]
        out.append(line)
    return out


class DossierQueries:
    def __init__(self, session_factory: sessionmaker[Session], calendar: WorkCalendar, clock: Clock) -> None:
        self.session_factory = session_factory
        self.calendar = calendar
        self.clock = clock

    def _base(self):  # type: ignore[no-untyped-def]
        return select(Dossier).options(selectinload(Dossier.procedure), selectinload(Dossier.applicant))

    def pending_acceptance(self, limit: int = 500) -> list[QueueRow]:
        """Status 1 dossiers, oldest deadline first."""
        now = self.clock.now()
        with self.session_factory() as s:
            rows = s.scalars(
                self._base().where(Dossier.status == Status.NEW).order_by(Dossier.accept_deadline, Dossier.id).limit(limit)
            ).all()
            out = []
            for d in rows:
                remaining, level = acceptance_level(self.calendar, now, d.accept_deadline)
                out.append(
                    QueueRow(
                        d.code, d.status, d.procedure_code, d.procedure.name if d.procedure else d.procedure_code,
                        _applicant(d, "full_name") or "", d.channel, d.kiosk_id, d.submitted_at,
                        d.accept_deadline, remaining, level,
                    )
                )
            return out

    def list_dossiers(self, status: int | None = None, limit: int = 200) -> list[DossierRow]:
        with self.session_factory() as s:
            q = self._base().order_by(Dossier.id.desc()).limit(limit)
            if status is not None:
                q = q.where(Dossier.status == status)
            return [_row(d) for d in s.scalars(q).all()]

    def search(self, text: str, limit: int = 100) -> list[DossierRow]:
        """By dossier code (whole or part), 12-digit ID number, or name without diacritics."""
        q = text.strip()
        if not q:
            return []
        with self.session_factory() as s:
            conds = []
            if ID_RE.fullmatch(q):
                cid = s.scalar(select(Citizen.id).where(Citizen.id_number == q))
                if cid is not None:
                    conds.append(or_(Dossier.applicant_id == cid, Dossier.submitter_id == cid))
            else:
                if CODE_HINT_RE.fullmatch(q) or any(ch.isdigit() for ch in q):
                    conds.append(Dossier.code.ilike(f"%{q}%"))
                needle = " ".join(fold(q).split())
                if needle and not q.isdigit():
                    ids = [
                        cid for cid, name in s.execute(select(Citizen.id, Citizen.full_name)).all()
                        if needle in " ".join(fold(name).split())
                    ]
                    if ids:
                        conds.append(Dossier.applicant_id.in_(ids))
            if not conds:
                return []
            rows = s.scalars(self._base().where(or_(*conds)).order_by(Dossier.id.desc()).limit(limit)).all()
            return [_row(d) for d in rows]

    def detail(self, code: str) -> DossierDetail | None:
        with self.session_factory() as s:
            d = s.scalar(
                self._base()
                .options(selectinload(Dossier.documents), selectinload(Dossier.events), selectinload(Dossier.payments))
                .where(Dossier.code == code.strip())
            )
            if d is None:
                return None
            staff_names = dict(s.execute(select(StaffUser.id, StaffUser.username)).all())
            jobs = s.scalars(select(PrintJob).where(PrintJob.dossier_code == d.code).order_by(PrintJob.id)).all()
            return DossierDetail(
                row=_row(d),
                applicant_id_number=_applicant(d, "id_number") or d.applicant.id_number,
                applicant_phone=_applicant(d, "phone"),
                accept_deadline=d.accept_deadline,
                original_due_at=d.original_due_at,
                finished_at=d.finished_at,
                returned_at=d.returned_at,
                fee=d.fee,
                delivery=d.delivery,
                delivered_via=d.delivered_via,
                kiosk_id=d.kiosk_id,
                supplement_rounds=d.supplement_rounds,
                paused_seconds=d.paused_seconds,
                documents=[
                    {
                        "name": doc.name, "originals": doc.originals, "certified_copies": doc.certified_copies,
                        "photocopies": doc.photocopies, "scanned_pages": doc.scanned_pages,
                        "scan_path": doc.scan_path, "digitised_state": doc.digitised_state,
                        "provision": doc.provision,
                        "reused_from_document_id": doc.reused_from_document_id,
                    }
                    for doc in d.documents
                ],
                events=[
                    {
                        "at": _iso(e.at), "action": e.action, "from": e.status_from, "to": e.status_to,
                        "staff": staff_names.get(e.staff_id) if e.staff_id else None,
                        "on_behalf_of_applicant": e.on_behalf_of_citizen_id is not None, "details": e.details,
                    }
                    for e in d.events
                ],
                payments=[
                    {"amount": p.amount, "method": p.method, "state": p.state, "reference": p.reference, "paid_at": _iso(p.paid_at)}
                    for p in d.payments
                ],
                print_jobs=[
                    {"id": j.id, "form": j.form, "state": j.state, "error": j.error, "at": _iso(j.created_at), "attempts": j.attempts}
                    for j in jobs
                ],
                e_result=bool(d.e_result),
                reused=bool(d.reused),
            )

    def tracking(self, code: str) -> dict[str, Any] | None:
        """What a citizen may see about a dossier: status, dates, its history and what to do next (no personal
        data: no staff names and no free-text reasons, except the list of papers the citizen must bring)."""
        with self.session_factory() as s:
            d = s.scalar(
                select(Dossier).options(selectinload(Dossier.events)).where(Dossier.code == code.strip())
            )
            if d is None:
                return None
            step = NEXT_STEP_VI.get(d.status, "")
            step_en = NEXT_STEP_EN.get(d.status, "")
            if d.status == Status.PROCESSED and d.payment_state == "unpaid":
                step = "Đã có kết quả: nộp phí tại quầy rồi nhận kết quả, mang theo Giấy tiếp nhận hồ sơ."
                step_en = "The result is ready: pay the fee at the counter, then collect it with your receipt."
            ready = d.status in (Status.PROCESSED, Status.RETURNED)
            return {
                "history": citizen_history(d),
                "next_step_en": step_en,
                "delivery": d.delivery,
                "result_ready": ready,
                "e_result": bool(ready and d.e_result),
                "unpaid": d.payment_state == "unpaid",
                "code": d.code,
                "status": d.status,
                "status_text": STATUS_LABELS_VI.get(d.status, ""),
                "status_text_en": STATUS_LABELS_EN.get(d.status, ""),
                "received": _iso(d.received_at),
                "due": _iso(d.due_at),
                "next_step": step,
            }

    def procedures_in_effect(self) -> list[tuple[str, str]]:
        """(code, name) of every procedure version in effect today, for the counter walk-in picker."""
        today = self.calendar.local(self.clock.now()).date()
        with self.session_factory() as s:
            rows = s.scalars(select(Procedure).order_by(Procedure.code, Procedure.effective_from)).all()
            live = {
                p.code: p.name for p in rows
                if p.effective_from <= today and (p.effective_to is None or today < p.effective_to)
            }
            return sorted(live.items())

    # -- help requests and print jobs ------------------------------------------------------------------
    def open_help_requests(self) -> list[HelpRow]:
        with self.session_factory() as s:
            names = dict(s.execute(select(StaffUser.id, StaffUser.full_name)).all())
            rows = s.scalars(
                select(HelpRequest).where(HelpRequest.state != "closed").order_by(HelpRequest.created_at, HelpRequest.id)
            ).all()
            visits = {
                v.id: v for v in s.scalars(select(KioskSession).where(
                    KioskSession.id.in_([h.kiosk_session_id for h in rows if h.kiosk_session_id is not None])))
            }
            out = []
            for h in rows:
                v = visits.get(h.kiosk_session_id)  # type: ignore[arg-type]
                live = v is not None and v.ended_at is None and v.current_page is not None
                out.append(HelpRow(h.id, h.kiosk_id, h.kiosk_name, h.created_at, h.state, names.get(h.taken_by_staff_id),
                                   page=v.current_page if live else h.page,  # type: ignore[union-attr]
                                   page_since=v.page_since if live else h.page_since,  # type: ignore[union-attr]
                                   reason=h.reason))
            return out

    def take_help(self, help_id: int, staff_id: int) -> None:
        self._help(help_id, staff_id, "take")

    def close_help(self, help_id: int, staff_id: int) -> None:
        self._help(help_id, staff_id, "close")

    def _help(self, help_id: int, staff_id: int, what: str) -> None:
        from kiosk.core.dossier_actions import ActionError

        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            h = s.get(HelpRequest, help_id)
            if h is None or h.state == "closed":
                raise ActionError("Yêu cầu hỗ trợ không còn mở.", "That help request is no longer open.")
            if what == "take":
                if h.state == "taken" and h.taken_by_staff_id not in (None, staff_id):
                    raise ActionError("Cán bộ khác đã nhận yêu cầu này.", "Another officer already took this request.")
                h.state, h.taken_by_staff_id, h.taken_at = "taken", staff_id, now
            else:
                h.state, h.closed_at = "closed", now
                h.taken_by_staff_id = h.taken_by_staff_id or staff_id
            record_audit(
                s, at=now, action=f"help.{what}", actor_type="staff", staff_id=staff_id, kiosk_id=h.kiosk_id,
                details={"help_id": h.id},
            )

    def failed_print_jobs(self, limit: int = 50) -> list[dict[str, Any]]:
        with self.session_factory() as s:
            jobs = s.scalars(
                select(PrintJob).where(PrintJob.state == "failed").order_by(PrintJob.id.desc()).limit(limit)
            ).all()
            return [
                {"id": j.id, "code": j.dossier_code, "form": j.form, "error": j.error, "at": j.created_at, "attempts": j.attempts}
                for j in jobs
            ]

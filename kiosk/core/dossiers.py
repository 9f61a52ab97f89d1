"""Submitting dossiers: the one path every channel (kiosk, assisted kiosk, counter, online, post) goes through.

A submission upserts the applicant (identity = the 12-digit ID from the chip), allocates the dossier code in
the same transaction as the insert, records history and audit, and computes the clocks: an electronic
dossier waits for acceptance within 8 working hours (status 1); a counter dossier is accepted at once
(status 2) and its due date runs from now.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from kiosk.core.audit import citizen_hash
from kiosk.core.calendar import WorkCalendar
from kiosk.core.clock import Clock, SystemClock
from kiosk.core.codes import format_code
from kiosk.core.identity import parse_id_number
from kiosk.core.outbox import SUBMITTED, enqueue
from kiosk.core.reuse import ReusableScan, check_reuse, reusable_scans
from kiosk.core.scan_store import discard_staged, final_scan_path, finalise_scans
from kiosk.core.timelimits import TimeLimit
from kiosk.core.workflow import (  # the one authority; statuses and labels re-exported for old importers
    ACCEPT_WINDOW_HOURS,
    CHANNELS,
    DELIVERY_CHOICES,
    ELECTRONIC_CHANNELS,
    NEXT_STEP_EN,  # noqa: F401
    NEXT_STEP_VI,  # noqa: F401
    PROVISIONS,
    STATUS_LABELS_EN,  # noqa: F401
    STATUS_LABELS_VI,  # noqa: F401
    Action,
    Status,
    due_range,
    fee_for,
    initial_status,
    legal_channel,
)
from kiosk.models.database import session_scope
from kiosk.models.sequences import next_sequence
from kiosk.models.tables import (
    AuditEvent,
    Citizen,
    Dossier,
    DossierDocument,
    DossierEvent,
    OutboxEvent,
    Procedure,
)


class SubmissionError(ValueError):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


class DatabaseUnavailable(SubmissionError):
    """The database could not be reached or written; nothing was saved. Keep what the citizen entered and
    offer to try again (the code counter rolled back with the transaction, so no number is lost)."""

    def __init__(self, vi: str | None = None, en: str | None = None) -> None:
        super().__init__(
            vi or "Hệ thống tạm thời không lưu được hồ sơ. Thông tin bạn đã nhập vẫn được giữ; vui lòng thử lại "
            "sau ít phút hoặc liên hệ cán bộ tại quầy.",
            en or "The dossier could not be saved (database unavailable). What you entered is kept; please try "
            "again in a few minutes or ask the staff at the counter.",
        )


def _database_errors_as_unavailable(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn outages (server down or restarted, file unreadable/read-only/locked, disk full) into
    DatabaseUnavailable; integrity and programming errors stay what they are."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (OperationalError, InterfaceError) as exc:
            raise DatabaseUnavailable() from exc
        except DBAPIError as exc:
            if exc.connection_invalidated:
                raise DatabaseUnavailable() from exc
            raise

    return wrapper


@dataclass
class PersonData:
    id_number: str
    full_name: str
    date_of_birth: date | None = None
    sex: str | None = None
    place_of_origin: str | None = None
    place_of_residence: str | None = None
    current_address: str | None = None
    phone: str | None = None
    email: str | None = None
    # where the data came from: chip_verified (signature chained to the trust store) | chip_unverified | typed
    source: str = "typed"


IDENTITY_SOURCES = ("typed", "chip_unverified", "chip_verified")  # ascending trust
_IDENTITY_FIELDS = ("full_name", "date_of_birth", "sex", "place_of_origin", "place_of_residence")
_CONTACT_FIELDS = ("current_address", "phone", "email")
_SNAPSHOT_FIELDS = ("id_number", *_IDENTITY_FIELDS, *_CONTACT_FIELDS)


@dataclass
class DocumentInput:
    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0
    scanned_pages: int = 0
    scan_path: str | None = None
    digitised_state: int = 0  # 0 none, 1 digitised, 2 reused from a dossier, 3 reused from a result
    # how the citizen hands it in (workflow.PROVISIONS); "" = from the above: scanned, reused or paper
    provision: str = ""
    reused_from_document_id: int | None = None  # an earlier paper of the applicant (kiosk.core.reuse)

    def effective_provision(self) -> str:
        if self.provision:
            return self.provision
        if self.digitised_state in (2, 3):
            return "reused"
        return "scanned" if self.scanned_pages > 0 or self.digitised_state == 1 else "paper"


COUNTER_PROVISIONS = ("scanned", "paper", "not_provided")  # what an officer can set per paper at the counter


def counter_papers(procedure: Any, handed_in: Iterable[int] = (), *,
                   choices: dict[int, str] | None = None) -> list[DocumentInput]:
    """The catalogue's papers of ``procedure`` for a dossier received at the counter: every required paper on
    paper, the optional ones at positions ``handed_in`` (1-based) on paper too, the other optional ones "not
    provided" (kept on the dossier, left off Mẫu 01). ``choices`` (1-based position → "scanned" | "paper" |
    "not_provided", the officer's choice per paper in the console) overrides that default; a required paper
    can never be "not provided"."""
    docs = list(getattr(procedure, "documents", ()) or ())
    chosen = set(handed_in)
    picks = dict(choices or {})
    bad = sorted(n for n in chosen | set(picks) if not 1 <= n <= len(docs))
    if bad:
        raise SubmissionError(
            f"Thủ tục không có giấy tờ số {bad[0]}.", f"the procedure has no paper number {bad[0]} (1..{len(docs)})"
        )
    out: list[DocumentInput] = []
    for n, d in enumerate(docs, 1):
        how = picks.get(n) or ("paper" if d.required or n in chosen else "not_provided")
        if how not in COUNTER_PROVISIONS:
            raise SubmissionError("Cách nộp giấy tờ không hợp lệ.", f"unknown provision {how!r} for paper {n}")
        if d.required and how == "not_provided":
            raise SubmissionError(f"Giấy tờ bắt buộc phải nộp: {d.name_vi}.",
                                  f"A required paper must be provided: {d.name_en}.")
        out.append(DocumentInput(
            name=d.name_vi, originals=d.originals, certified_copies=d.certified_copies, photocopies=d.photocopies,
            provision=how, digitised_state=1 if how == "scanned" else 0,
        ))
    return out


@dataclass
class Submission:
    procedure_code: str
    applicant: PersonData
    channel: str = "kiosk"
    form_data: dict[str, Any] = field(default_factory=dict)
    documents: list[DocumentInput] = field(default_factory=list)
    submitter: PersonData | None = None
    kiosk_id: str | None = None
    assisted_by_staff_id: int | None = None
    delivery: str = "counter"
    delivery_address: str | None = None
    sets_count: int = 1
    reused: bool = False
    language: str = "vi"  # the language the citizen used: later messages about the dossier speak it


@dataclass(frozen=True)
class SubmittedDossier:
    id: int
    code: str
    status: int
    submitted_at: datetime
    accept_deadline: datetime | None
    due_at: datetime | None
    expected_due_at: datetime | None  # if accepted at submission time (informational)
    fee: int
    legal_channel: int = 1  # KenhThucHien the fee was charged for (workflow.legal_channel)
    # before acceptance: the due time if accepted at once … if accepted at the 8-working-hour deadline
    due_earliest: datetime | None = None
    due_latest: datetime | None = None


def procedure_limit(proc: Procedure | Dossier) -> TimeLimit:
    return TimeLimit(proc.time_limit_kind, proc.time_limit_amount)  # type: ignore[arg-type]


def find_procedure(session: Session, code: str, on: date) -> Procedure:
    rows = session.scalars(select(Procedure).where(Procedure.code == code)).all()
    live = [
        p for p in rows if p.effective_from <= on and (p.effective_to is None or on < p.effective_to)
    ]
    if not live:
        raise SubmissionError(
            f"Không tìm thấy thủ tục {code} đang có hiệu lực.", f"No procedure {code} in effect on {on:%d/%m/%Y}."
        )
    return max(live, key=lambda p: p.effective_from)


def _trust(source: str | None) -> int:
    return IDENTITY_SOURCES.index(source) if source in IDENTITY_SOURCES else 0


def upsert_citizen(session: Session, person: PersonData, now: datetime) -> Citizen:
    """The citizen row for this ID number, created or updated by trust: data never replaces data from a
    more trusted source (a typed name or phone does not overwrite what a verified chip gave; it fills only
    what is empty). What was received stays in each dossier's own snapshot (:func:`person_snapshot`)."""
    if person.source not in IDENTITY_SOURCES:
        raise SubmissionError("Nguồn dữ liệu nhân thân không hợp lệ.", f"unknown identity source {person.source!r}")
    info = parse_id_number(person.id_number, person.date_of_birth)
    citizen = session.scalar(select(Citizen).where(Citizen.id_number == info.number))
    if citizen is None:
        citizen = Citizen(id_number=info.number, full_name=person.full_name, identity_source=person.source,
                          created_at=now, updated_at=now)
        session.add(citizen)
    incoming, stored = _trust(person.source), _trust(citizen.identity_source)
    for attr in (*_IDENTITY_FIELDS, *_CONTACT_FIELDS):
        value = getattr(person, attr)
        if value in (None, ""):
            continue
        if incoming >= stored or getattr(citizen, attr) in (None, ""):
            setattr(citizen, attr, value)
    if incoming > stored:
        citizen.identity_source = person.source
    if person.source == "chip_verified":
        citizen.verified_at = now
    citizen.updated_at = now
    session.flush()
    return citizen


def person_snapshot(person: PersonData, citizen: Citizen) -> dict[str, Any]:
    """The person as received with one dossier (JSON-safe): what was given now, and for what was not given,
    the citizen row as it stands at this moment. Forms and exports read this, so a later change to the
    citizen never alters an earlier dossier."""
    snap: dict[str, Any] = {}
    for attr in _SNAPSHOT_FIELDS:
        value = getattr(person, attr, None)
        if value in (None, ""):
            value = getattr(citizen, attr, None)
        snap[attr] = value.isoformat() if isinstance(value, date) else value
    snap["id_number"] = citizen.id_number
    snap["source"] = person.source
    return snap


class DossierService:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        *,
        agency_code: str,
        calendar: WorkCalendar,
        clock: Clock | None = None,
        log_salt: str = "",
        scans_dir: Path | str | None = None,
        kiosk_counts_as_online: bool = True,
    ) -> None:
        self.session_factory = session_factory
        self.kiosk_counts_as_online = kiosk_counts_as_online  # settings.workflow (workflow.legal_channel)
        self.agency_code = agency_code
        self.calendar = calendar
        self.clock = clock or SystemClock()
        self.log_salt = log_salt
        # final home of scans (<data dir>/scans); papers staged under <scans_dir>/.staging are moved here
        # only after the dossier is committed (kiosk.core.scan_store)
        self.scans_dir = Path(scans_dir).resolve() if scans_dir is not None else None

    @_database_errors_as_unavailable
    def submit(self, sub: Submission) -> SubmittedDossier:
        """Save the dossier in one transaction; staged scans reach their final folder only after the
        commit, and are deleted when the submission fails (nothing of a failed submission stays on disk)."""
        moves: list[tuple[Path, Path]] = []
        try:
            result = self._submit(sub, moves)
        except BaseException:
            discard_staged(self.scans_dir, sub.documents)
            raise
        finalise_scans(moves)
        return result

    def _submit(self, sub: Submission, moves: list[tuple[Path, Path]]) -> SubmittedDossier:
        if sub.channel not in CHANNELS:
            raise SubmissionError("Kênh nộp không hợp lệ.", f"unknown channel {sub.channel!r}")
        if sub.delivery not in DELIVERY_CHOICES:
            raise SubmissionError("Cách nhận kết quả không hợp lệ.", f"unknown delivery {sub.delivery!r}")
        if sub.delivery == "postal" and not (sub.delivery_address or "").strip():
            raise SubmissionError(
                "Vui lòng nhập địa chỉ nhận kết quả qua bưu điện.", "Please give the address for postal delivery."
            )
        for doc in sub.documents:
            if doc.effective_provision() not in PROVISIONS:
                raise SubmissionError("Cách nộp giấy tờ không hợp lệ.", f"unknown provision {doc.provision!r}")
        now = self.clock.now()
        local_day = self.calendar.local(now).date()
        with session_scope(self.session_factory) as s:
            proc = find_procedure(s, sub.procedure_code, local_day)
            applicant = upsert_citizen(s, sub.applicant, now)
            submitter = None
            if sub.submitter and sub.submitter.id_number != sub.applicant.id_number:
                submitter = upsert_citizen(s, sub.submitter, now)
            limit = procedure_limit(proc)
            electronic = sub.channel in ELECTRONIC_CHANNELS
            legal = legal_channel(sub.channel, kiosk_counts_as_online=self.kiosk_counts_as_online)
            fee = fee_for(proc, legal)
            expected = self.calendar.due_date(now, limit).due
            pending = initial_status(sub.channel) == Status.NEW
            window = due_range(self.calendar, now, limit) if electronic else None
            provided = [doc for doc in sub.documents if doc.effective_provision() != "not_provided"]
            d = Dossier(
                agency_code=self.agency_code,
                procedure_id=proc.id,
                procedure_code=proc.code,
                procedure_version=proc.version,
                field=proc.field,
                applicant_id=applicant.id,
                submitter_id=submitter.id if submitter else None,
                channel=sub.channel,
                kiosk_id=sub.kiosk_id,
                assisted_by_staff_id=sub.assisted_by_staff_id,
                status=initial_status(sub.channel),
                legal_channel=int(legal),
                submitted_at=now,
                accept_deadline=self.calendar.accept_deadline(now, ACCEPT_WINDOW_HOURS) if electronic else None,
                # the clock runs from acceptance: only a counter dossier is received at submission
                received_at=None if pending else now,
                due_at=None if pending else expected,
                original_due_at=None if pending else expected,
                time_limit_kind=limit.kind,
                time_limit_amount=limit.amount,
                fee=fee,
                payment_state="unpaid" if fee > 0 else "none",
                delivery=sub.delivery,
                delivery_address=sub.delivery_address,
                sync_state="pending",
                digitised=bool(provided) and all(doc.effective_provision() in ("scanned", "reused") for doc in provided),
                reused=sub.reused or any(doc.digitised_state in (2, 3) for doc in sub.documents),
                sets_count=sub.sets_count,
                language=sub.language if sub.language in ("vi", "en") else "vi",
                form_data=dict(sub.form_data),
                applicant_snapshot={
                    **person_snapshot(sub.applicant, applicant),
                    **({"submitter": person_snapshot(sub.submitter, submitter)} if submitter and sub.submitter else {}),
                },
                created_at=now,
                updated_at=now,
            )
            for doc in sub.documents:  # reuse of an earlier scan: checked again here (kiosk.core.reuse)
                if doc.reused_from_document_id is not None:
                    earlier = check_reuse(s, sub.applicant.id_number, doc.reused_from_document_id, doc.name)
                    if earlier is None:
                        raise SubmissionError("Không dùng lại được giấy tờ đã nộp trước đây; vui lòng quét lại.",
                                              "The paper from an earlier dossier cannot be reused; please scan it.")
                    doc.provision, doc.digitised_state = "reused", 2
                    doc.scanned_pages = doc.scanned_pages or earlier.scanned_pages
                    d.reused = True
            for i, doc in enumerate(sub.documents):
                d.documents.append(
                    DossierDocument(
                        position=i,
                        name=doc.name,
                        originals=doc.originals,
                        certified_copies=doc.certified_copies,
                        photocopies=doc.photocopies,
                        scanned_pages=doc.scanned_pages,
                        scan_path=final_scan_path(self.scans_dir, doc.scan_path, moves),
                        digitised_state=doc.digitised_state or (1 if doc.scanned_pages else 0),
                        provision=doc.effective_provision(),
                        reused_from_document_id=doc.reused_from_document_id,
                    )
                )
            d.events.append(
                DossierEvent(
                    at=now,
                    action=Action.SUBMIT.value,
                    status_from=None,
                    status_to=int(d.status),
                    staff_id=sub.assisted_by_staff_id,
                    on_behalf_of_citizen_id=applicant.id if sub.assisted_by_staff_id else None,
                    details={"channel": sub.channel, "kiosk_id": sub.kiosk_id},
                )
            )
            # The day's counter row stays locked from the allocation to the commit (that is what keeps codes
            # gap-free). So the dossier, its papers, history and outbox event go in first under a provisional
            # unique code; under the lock run only the allocation, two one-row UPDATEs, the audit row (the
            # audit log is append-only, so it is written once with the final code) and the commit.
            provisional = f"~{uuid.uuid4().hex}"
            d.code = provisional
            s.add(d)
            s.flush()
            event = enqueue(s, d, SUBMITTED, now=now)  # transactional outbox: saved with the dossier or not at all
            s.flush()
            audit_row = {
                "at": now,
                "action": "dossier.submit",
                "actor_type": "staff" if sub.assisted_by_staff_id else "citizen",
                "staff_id": sub.assisted_by_staff_id,
                "citizen_hash": citizen_hash(applicant.id_number, self.log_salt),
                "kiosk_id": sub.kiosk_id,
                "details": {"channel": sub.channel, "procedure": proc.code},
            }
            code = format_code(self.agency_code, local_day, next_sequence(s, self.agency_code, local_day))
            _assign_code(s, d, event, code)
            s.execute(insert(AuditEvent).values(**audit_row, dossier_code=code))  # a plain INSERT, not a flush
            return SubmittedDossier(
                id=d.id,
                code=code,
                status=int(d.status),
                submitted_at=now,
                accept_deadline=d.accept_deadline,
                due_at=d.due_at,
                expected_due_at=expected,
                fee=fee,
                legal_channel=int(legal),
                due_earliest=window.earliest if window else d.due_at,
                due_latest=window.latest if window else d.due_at,
            )

    def reusable_scans(self, id_number: str, names: list[str]) -> dict[str, ReusableScan]:
        """Earlier papers of this citizen (by the ID from the chip) to reuse, by paper name; {} without the
        ``keep_scans_for_reuse`` consent (kiosk.core.reuse)."""
        with self.session_factory() as s:
            return reusable_scans(s, id_number, names)

    def get(self, session: Session, code: str) -> Dossier | None:
        return session.scalar(select(Dossier).where(Dossier.code == code.strip()))


def _assign_code(session: Session, d: Dossier, event: OutboxEvent, code: str) -> None:
    """Replace the provisional code with the allocated one: plain one-row UPDATEs (no unit-of-work flush),
    and the ORM objects told the new value so the commit does not write them again."""
    provisional = d.code
    payload = dict(event.payload)
    if payload.get("code") == provisional:
        payload["code"] = code
    plain = {"synchronize_session": False}
    session.execute(update(Dossier).where(Dossier.id == d.id).values(code=code), execution_options=plain)
    session.execute(
        update(OutboxEvent).where(OutboxEvent.id == event.id).values(dossier_code=code, payload=payload),
        execution_options=plain,
    )
    set_committed_value(d, "code", code)
    set_committed_value(event, "dossier_code", code)
    set_committed_value(event, "payload", payload)

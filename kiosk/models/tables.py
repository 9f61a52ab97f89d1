"""ORM tables (SQLAlchemy 2.0 typed). One schema for the embedded SQLite kiosk and the PostgreSQL branch.

Money is integer đồng. Timestamps are aware (UTC in storage). Business status, payment, delivery and sync
state are separate columns, as the one-stop systems recommend.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.models.types import UtcDateTime


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UtcDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Citizen(Base):
    __tablename__ = "citizens"

    id: Mapped[int] = mapped_column(primary_key=True)
    id_number: Mapped[str] = mapped_column(String(12), unique=True)  # the 12-digit personal ID
    full_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(10))
    place_of_origin: Mapped[str | None] = mapped_column(Text)
    place_of_residence: Mapped[str | None] = mapped_column(Text)
    current_address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    # where the identity data came from: chip_verified | chip_unverified | typed (typed never overwrites chip)
    identity_source: Mapped[str] = mapped_column(String(20), default="typed", server_default="typed")
    verified_at: Mapped[datetime | None]  # last read from a chip whose signature chained to the trust store
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    account: Mapped[Account | None] = relationship(back_populates="citizen", uselist=False)


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), unique=True)
    phone: Mapped[str] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="active")
    phone_verified_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    created_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    citizen: Mapped[Citizen] = relationship(back_populates="account")
    consents: Mapped[list[Consent]] = relationship(back_populates="account", order_by="Consent.id")


class Consent(Base):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(60))  # e.g. "sms_notifications", "store_scans"
    text_version: Mapped[str] = mapped_column(String(40))
    granted: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]

    account: Mapped[Account] = relationship(back_populates="consents")


class OtpChallenge(Base):
    __tablename__ = "otp_challenges"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    code_hash: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    wrong_tries: Mapped[int] = mapped_column(Integer, default=0)
    used_at: Mapped[datetime | None]


class Procedure(Base):
    """One version of a procedure (TTHC); a dossier points at the version it was received under."""

    __tablename__ = "procedures"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(20))  # "toan_trinh" | "mot_phan"
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    time_limit_kind: Mapped[str] = mapped_column(String(20))
    time_limit_amount: Mapped[float] = mapped_column(default=0)
    fee_counter: Mapped[int] = mapped_column(Integer, default=0)
    fee_online: Mapped[int] = mapped_column(Integer, default=0)
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)  # the whole catalogue entry
    imported_at: Mapped[datetime]


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # officer | supervisor | admin
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    badge_id_hash: Mapped[str | None] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime]


class LoginThrottle(Base):
    """Failed staff logins per keyed hash of the username as typed (known or not): the lock-out answer is
    the same for an account that exists and one that does not."""

    __tablename__ = "login_throttle"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class Dossier(Base):
    __tablename__ = "dossiers"
    __table_args__ = (
        Index("ix_dossiers_status_received", "status", "received_at"),
        Index("ix_dossiers_received", "received_at"),
        Index("ix_dossiers_submitted_at", "submitted_at"),
        Index("ix_dossiers_finished_at", "finished_at"),
        Index("ix_dossiers_supplement_requested_at", "supplement_requested_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    agency_code: Mapped[str] = mapped_column(String(20))
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    procedure_code: Mapped[str] = mapped_column(String(40), index=True)
    procedure_version: Mapped[str] = mapped_column(String(40))
    field: Mapped[str] = mapped_column(String(100))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    submitter_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"))
    # counter | kiosk | kiosk_assisted | online | postal
    channel: Mapped[str] = mapped_column(String(20))
    kiosk_id: Mapped[str | None] = mapped_column(String(40))
    assisted_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    status: Mapped[int] = mapped_column(Integer)  # 1..10, domain.md §5
    submitted_at: Mapped[datetime]
    accept_deadline: Mapped[datetime | None]  # online/kiosk: submission + 8 working hours
    received_at: Mapped[datetime | None]  # accepted (tiếp nhận) time; the clock starts here
    due_at: Mapped[datetime | None]
    original_due_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]  # first of processed / refused / stopped
    returned_at: Mapped[datetime | None]
    time_limit_kind: Mapped[str] = mapped_column(String(20))
    time_limit_amount: Mapped[float] = mapped_column(default=0)
    fee: Mapped[int] = mapped_column(Integer, default=0)  # đồng
    # none | unpaid | paid_online | paid_counter | waived
    payment_state: Mapped[str] = mapped_column(String(20), default="none")
    delivery: Mapped[str] = mapped_column(String(20), default="counter")  # counter | postal | online
    delivery_address: Mapped[str | None] = mapped_column(Text)
    delivered_via: Mapped[str | None] = mapped_column(String(20))
    sync_state: Mapped[str] = mapped_column(String(20), default="local")  # local | pending | synced | failed
    digitised: Mapped[bool] = mapped_column(Boolean, default=False)
    e_result: Mapped[bool] = mapped_column(Boolean, default=False)
    reused: Mapped[bool] = mapped_column(Boolean, default=False)
    supplement_rounds: Mapped[int] = mapped_column(Integer, default=0)
    supplement_requested_at: Mapped[datetime | None]
    paused_seconds: Mapped[int] = mapped_column(Integer, default=0)
    sets_count: Mapped[int] = mapped_column(Integer, default=1)
    form_data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(Integer)  # 1..5 from the kiosk
    legal_channel: Mapped[int | None] = mapped_column(Integer)  # KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 BCCI
    result_path: Mapped[str | None] = mapped_column(Text)  # the signed result file (e_result)
    financial_requested_at: Mapped[datetime | None]  # status 6 pauses the clock from here
    language: Mapped[str] = mapped_column(String(5), default="vi", server_default="vi")  # the citizen's, for messages
    # QĐ 766 1.4: the back office first confirmed a delivery carrying the reception (kiosk sync sender)
    reception_synced_at: Mapped[datetime | None]
    # the applicant as received (name, ID, birth date, addresses, phone, source): forms show this, never the
    # citizen row as it is today
    applicant_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # national portal (DVCQG) sync, kiosk.integrations.dvcqg: NULL never sent | sent | updated | failed
    portal_state: Mapped[str | None] = mapped_column(String(20), index=True)
    portal_error: Mapped[str | None] = mapped_column(Text)  # the portal's last refusal (code: message)
    portal_synced_at: Mapped[datetime | None]  # when the portal last accepted this dossier
    portal_version: Mapped[datetime | None]  # updated_at of the snapshot the portal holds
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    procedure: Mapped[Procedure] = relationship()
    applicant: Mapped[Citizen] = relationship(foreign_keys=[applicant_id])
    submitter: Mapped[Citizen | None] = relationship(foreign_keys=[submitter_id])
    documents: Mapped[list[DossierDocument]] = relationship(
        back_populates="dossier", order_by="DossierDocument.position", cascade="all, delete-orphan"
    )
    events: Mapped[list[DossierEvent]] = relationship(
        back_populates="dossier", order_by="DossierEvent.id", cascade="all, delete-orphan"
    )
    payments: Mapped[list[Payment]] = relationship(back_populates="dossier", order_by="Payment.id")


class DossierDocument(Base):
    __tablename__ = "dossier_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(Integer, default=0)
    certified_copies: Mapped[int] = mapped_column(Integer, default=0)
    photocopies: Mapped[int] = mapped_column(Integer, default=0)
    scanned_pages: Mapped[int] = mapped_column(Integer, default=0)
    scan_path: Mapped[str | None] = mapped_column(Text)
    # 0 none, 1 digitised, 2 reused from another dossier, 3 reused from a result (DVCQG TrangThaiSoHoa)
    digitised_state: Mapped[int] = mapped_column(Integer, default=0)
    # the citizen's choice for this paper: scanned | paper (brought to the counter) | not_provided | reused
    provision: Mapped[str] = mapped_column(String(20), default="scanned", server_default="scanned")
    reused_from_document_id: Mapped[int | None] = mapped_column(Integer)
    scans_purged_at: Mapped[datetime | None]  # retention deleted the scan files (scanned_pages stays)

    dossier: Mapped[Dossier] = relationship(back_populates="documents")


class DossierEvent(Base):
    """History of a dossier: every status change and notable action, with who did it."""

    __tablename__ = "dossier_events"
    __table_args__ = (Index("ix_dossier_events_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(40))
    status_from: Mapped[int | None] = mapped_column(Integer)
    status_to: Mapped[int | None] = mapped_column(Integer)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    on_behalf_of_citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    dossier: Mapped[Dossier] = relationship(back_populates="events")


class Payment(Base):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20))  # vietqr | counter_cash | counter_card
    state: Mapped[str] = mapped_column(String(20))  # pending | paid | failed
    reference: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]
    paid_at: Mapped[datetime | None]
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    confirmed_by: Mapped[str | None] = mapped_column(String(20))  # "gateway" (payment service) | "officer"

    dossier: Mapped[Dossier] = relationship(back_populates="payments")


class DossierSequence(Base):
    """Per agency, per day counter behind the NNNN of a dossier code; bumped in the dossier's transaction."""

    __tablename__ = "dossier_sequences"

    agency_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


class KioskSession(Base):
    __tablename__ = "kiosk_sessions"
    __table_args__ = (Index("ix_kiosk_sessions_started_at", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(String(40), index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    # completed | abandoned | timeout | error
    outcome: Mapped[str | None] = mapped_column(String(20))
    assisted: Mapped[bool] = mapped_column(Boolean, default=False)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    failure_cause: Mapped[str | None] = mapped_column(String(40))  # card_read | otp | printer | scanner | ...
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossiers.id"))
    citizen_hash: Mapped[str | None] = mapped_column(String(64))
    rating: Mapped[int | None] = mapped_column(Integer)
    # where the visit is now and since when (migration 0008): the console shows how long a citizen is stuck
    current_page: Mapped[str | None] = mapped_column(String(20))
    page_since: Mapped[datetime | None]


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor_type: Mapped[str] = mapped_column(String(20))  # citizen | staff | system
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    citizen_hash: Mapped[str | None] = mapped_column(String(64))  # salted hash, never the raw ID
    action: Mapped[str] = mapped_column(String(60))
    dossier_code: Mapped[str | None] = mapped_column(String(40), index=True)
    kiosk_id: Mapped[str | None] = mapped_column(String(40))
    consent_version: Mapped[str | None] = mapped_column(String(40))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class PrintJob(Base):
    """A document that was (or should be) printed; failed jobs can be retried from the staff screen."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(40), index=True)
    form: Mapped[str] = mapped_column(String(10))  # 01 | 02 | 03 | 04 | slip
    state: Mapped[str] = mapped_column(String(20))  # done | failed
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=1)


class HelpRequest(Base):
    """A citizen pressed "call staff" at a kiosk; the counter console shows it until someone takes it."""

    __tablename__ = "help_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(String(40))
    kiosk_name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(index=True)
    state: Mapped[str] = mapped_column(String(20), default="open")  # open | taken | closed
    taken_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    taken_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # migration 0008: the visit, the page and since when the citizen was on it, and why help was asked
    kiosk_session_id: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[str | None] = mapped_column(String(20))
    page_since: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(String(20))  # button | offer


class OutboxEvent(Base):
    """Transactional outbox towards the provincial one-stop system / national portal.

    Written in the same transaction as the dossier change; a sender delivers it with back-off. ``event_id`` is
    the idempotency key the remote side sees."""

    __tablename__ = "outbox_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    dossier_code: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(index=True)
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class PortalProgress(Base):
    """A dossier event already sent to the national portal as a ``CapNhatTienDoHoSoMC`` entry (sent once)."""

    __tablename__ = "portal_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    dossier_event_id: Mapped[int] = mapped_column(ForeignKey("dossier_events.id"), unique=True)
    sent_at: Mapped[datetime]


class QueueSequence(Base):
    """Per branch, per day counter behind queue ticket numbers (001, 002, …); bumped by an atomic UPSERT."""

    __tablename__ = "queue_sequences"

    branch: Mapped[str] = mapped_column(String(20), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


class QueueTicket(Base):
    """A numbered counter ticket taken at a kiosk (kiosk.core.queue). Numbers restart every day per branch.

    state: waiting | called | served | no_show | cancelled. ``called_at`` is the first call (waiting time =
    called_at - issued_at); ``last_called_at`` moves on a recall so the hall screen shows it again."""

    __tablename__ = "queue_tickets"
    __table_args__ = (
        UniqueConstraint("branch", "day", "number", name="uq_queue_tickets_branch_day_number"),
        Index("ix_queue_tickets_state_day", "state", "day"),
        Index("ix_queue_tickets_issued_at", "issued_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch: Mapped[str] = mapped_column(String(20))
    day: Mapped[date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(100))
    kiosk_id: Mapped[str | None] = mapped_column(String(40))
    issued_at: Mapped[datetime]
    called_at: Mapped[datetime | None]
    last_called_at: Mapped[datetime | None]
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    counter_no: Mapped[int | None] = mapped_column(Integer)
    called_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    served_at: Mapped[datetime | None]
    state: Mapped[str] = mapped_column(String(20), default="waiting")

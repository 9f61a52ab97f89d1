"""SQL building blocks for the supervisor report: each metric is one boolean condition, written once.

Why a separate module: every figure on the report must be explainable by the list of dossiers behind it
(the drill-down). Writing each metric as a single SQLAlchemy condition lets the same expression feed both
``SUM(CASE WHEN cond THEN 1 ELSE 0 END)`` in an aggregate query and ``SELECT code … WHERE cond`` in the
drill-down, so the two can never disagree.

Dialect neutrality: period boundaries are computed in Python as aware instants and compared with ranges
(indexes work, no per-row conversion). The only place SQL needs a *local calendar date* is the DVCQG
early / on time / late comparison and the per-day chart; :class:`local_date` hides the per-dialect form
(PostgreSQL ``timezone()``, SQLite ``date(…, '+N seconds')``) behind one construct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    func,
    literal_column,
    not_,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.exc import CompileError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Date, Float

from kiosk.core.dossiers import ELECTRONIC_CHANNELS, Status
from kiosk.core.timeliness import END_STATUSES, MAX_SUPPLEMENTS_ON_TIME, SUPPLEMENT_STATUS
from kiosk.core.workflow import Action, LegalChannel
from kiosk.core.workflow import legal_channel as workflow_legal_channel
from kiosk.models.tables import (
    Dossier,
    DossierDocument,
    DossierEvent,
    KioskSession,
    Payment,
    Procedure,
)

_TZ_NAME_RE = re.compile(r"^[A-Za-z0-9_+\-/]+$")

# Dossiers waiting for the citizen (supplement, fee) do not run the processing clock ("tạm dừng", S1).
PAUSED_STATUSES = (int(Status.SUPPLEMENT), int(Status.FINANCIAL))
RESULT_STATUSES = (int(Status.PROCESSED), int(Status.RETURNED))
# Event names of the staff actions (kiosk.core.workflow.Action; no aliases) plus status fallbacks.
ACCEPT_ACTIONS = (Action.ACCEPT.value,)
SUPPLEMENT_ACTIONS = (Action.SUPPLEMENT.value,)
REFUSE_ACTIONS = (Action.REFUSE.value,)
APOLOGY_ACTIONS = (Action.APOLOGIZE.value,)
# KenhThucHien (1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích) of dossiers written before the workflow stored
# one (Dossier.legal_channel NULL): the workflow's rule with the default site setting (kiosk counts as online).
LEGAL_ONLINE = int(LegalChannel.ONLINE)
LEGACY_LEGAL_CHANNEL = {ch: int(workflow_legal_channel(ch)) for ch in ("counter", "kiosk", "kiosk_assisted", "online", "postal")}
SERVICE_LEVELS = ("toan_trinh", "mot_phan")


# -- dialect helpers ---------------------------------------------------------------------------------------
class local_date(FunctionElement[object]):  # noqa: N801 - reads like an SQL function
    """The office-local calendar date of a UTC timestamp column.

    ``local_date(col, tz, ref)``: on PostgreSQL ``CAST(timezone('Asia/Ho_Chi_Minh', col) AS DATE)``; on SQLite
    ``date(col, '+25200 seconds')`` with the zone's offset at ``ref`` (Vietnam has had no daylight saving
    since 1975, so one offset is exact). Both arguments are rendered as literals, not bound parameters, so
    the same expression may appear in SELECT and GROUP BY on PostgreSQL."""

    type = Date()
    inherit_cache = True
    name = "local_date"

    def __init__(self, col: ColumnElement[datetime] | object, tz: ZoneInfo, ref: datetime) -> None:
        key = tz.key
        if not _TZ_NAME_RE.fullmatch(key):
            raise ValueError(f"unexpected time-zone name {key!r}")
        offset = ref.astimezone(tz).utcoffset()
        seconds = int(offset.total_seconds()) if offset is not None else 0
        super().__init__(col, literal_column(f"'{key}'"), literal_column(f"'{seconds:+d} seconds'"))


@compiles(local_date, "postgresql")
def _local_date_pg(element: local_date, compiler: object, **kw: object) -> str:
    col, tz, _ = list(element.clauses)
    return f"CAST(timezone({compiler.process(tz, **kw)}, {compiler.process(col, **kw)}) AS DATE)"  # type: ignore[attr-defined]


@compiles(local_date, "sqlite")
def _local_date_sqlite(element: local_date, compiler: object, **kw: object) -> str:
    col, _, shift = list(element.clauses)
    return f"date({compiler.process(col, **kw)}, {compiler.process(shift, **kw)})"  # type: ignore[attr-defined]


@compiles(local_date)
def _local_date_other(element: local_date, compiler: object, **kw: object) -> str:
    raise CompileError("local_date() is implemented for SQLite and PostgreSQL only")


class epoch_seconds(FunctionElement[float]):  # noqa: N801
    """Seconds since 1970 of a UTC timestamp column (for durations and medians in SQL)."""

    type = Float()
    inherit_cache = True
    name = "epoch_seconds"


@compiles(epoch_seconds, "postgresql")
def _epoch_pg(element: epoch_seconds, compiler: object, **kw: object) -> str:
    return f"EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})"  # type: ignore[attr-defined]


@compiles(epoch_seconds, "sqlite")
def _epoch_sqlite(element: epoch_seconds, compiler: object, **kw: object) -> str:
    return f"((julianday({compiler.process(element.clauses, **kw)}) - 2440587.5) * 86400.0)"  # type: ignore[attr-defined]


@compiles(epoch_seconds)
def _epoch_other(element: epoch_seconds, compiler: object, **kw: object) -> str:
    raise CompileError("epoch_seconds() is implemented for SQLite and PostgreSQL only")


# -- the instants a report is computed against ------------------------------------------------------------
@dataclass(frozen=True)
class Bounds:
    """Aware instants for one report.

    ``start``/``end``: the period [start, end) from local midnight to local midnight.
    ``as_of``: the period end, or now if earlier. Flow figures count [start, as_of); stock figures (in
    progress, overdue, pending) are measured at as_of.
    ``ref_day_start``/``ref_day_end``: the local day that "today" means for due_today / overdue.
    ``soon_limit``: as_of + one working day (8 working hours), for "sắp trễ"."""

    start: datetime
    end: datetime
    as_of: datetime
    ref_day_start: datetime
    ref_day_end: datetime
    soon_limit: datetime
    tz: ZoneInfo


@dataclass(frozen=True)
class ReportFilters:
    """Optional narrowing: branch (agency code), kiosk, field (lĩnh vực) and procedure code."""

    agency_code: str | None = None
    kiosk_id: str | None = None
    field: str | None = None
    procedure_code: str | None = None

    def dossier_condition(self) -> ColumnElement[bool]:
        parts: list[ColumnElement[bool]] = []
        if self.agency_code:
            parts.append(Dossier.agency_code == self.agency_code)
        if self.kiosk_id:
            parts.append(Dossier.kiosk_id == self.kiosk_id)
        if self.field:
            parts.append(Dossier.field == self.field)
        if self.procedure_code:
            parts.append(Dossier.procedure_code == self.procedure_code)
        return and_(true(), *parts)

    def session_condition(self) -> ColumnElement[bool]:
        # Kiosk sessions belong to a kiosk, not to a branch/field/procedure (an abandoned session has no dossier).
        return KioskSession.kiosk_id == self.kiosk_id if self.kiosk_id else true()

    def as_json(self) -> dict[str, str | None]:
        return {
            "agency_code": self.agency_code,
            "kiosk_id": self.kiosk_id,
            "field": self.field,
            "procedure_code": self.procedure_code,
        }


def _in(col: ColumnElement[datetime] | object, start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(col >= start, col < end)  # type: ignore[operator]


def _at_or_before(col: object, t: datetime) -> ColumnElement[bool]:
    """NULL-safe ``col <= t`` (false when the column is NULL), so it can be negated."""
    return and_(col.isnot(None), col <= t)  # type: ignore[attr-defined,operator]


def _ids_where(*conditions_of: object) -> ColumnElement[bool]:
    """``Dossier.id IN (… UNION ALL …)`` over an alias: each branch is a single indexed predicate, so the
    database reads only the matching rows instead of every earlier dossier (history keeps growing)."""
    a = aliased(Dossier)
    branches = [select(a.id).where(make(a)) for make in conditions_of]  # type: ignore[operator]
    return Dossier.id.in_(union_all(*branches))


# -- base row sets -----------------------------------------------------------------------------------------
def base_sets(b: Bounds) -> dict[str, ColumnElement[bool]]:
    """The row sets the metrics are drawn from (each gets one aggregate query)."""
    electronic = Dossier.channel.in_(ELECTRONIC_CHANNELS)
    answered = or_(
        _at_or_before(Dossier.received_at, b.as_of),
        _at_or_before(Dossier.finished_at, b.as_of),
        _at_or_before(Dossier.supplement_requested_at, b.as_of),
    )
    has_answer_time = or_(
        Dossier.received_at.isnot(None), Dossier.finished_at.isnot(None), Dossier.supplement_requested_at.isnot(None)
    )
    return {
        # QĐ 766 indicator 2.1: received before the period's end and not ended before its start
        "dvcqg": and_(
            Dossier.received_at < b.as_of,
            # implied by not_(ended before start) when finished_at is set by an end event; keeps it indexed
            _ids_where(lambda a: a.finished_at.is_(None), lambda a: a.finished_at >= b.start),
            not_(_dvcqg_ended_before(b.start)),
        ),
        # accepted (tiếp nhận, the receipt) in the period: the DVCQG "received" figure
        "received": _in(Dossier.received_at, b.start, b.as_of),
        # arrived in the period by any channel, accepted or not yet
        "submitted": _in(Dossier.submitted_at, b.start, b.as_of),
        # handled dossiers whose processing ended in the period
        "finished": and_(Dossier.received_at.isnot(None), _in(Dossier.finished_at, b.start, b.as_of)),
        # received by as_of and not finished by then; the clock is paused while waiting for the citizen
        "in_progress": and_(
            _at_or_before(Dossier.received_at, b.as_of),
            _ids_where(lambda a: a.finished_at.is_(None), lambda a: a.finished_at > b.as_of),
            Dossier.status.not_in(PAUSED_STATUSES),
        ),
        # electronic dossiers whose 8-working-hour acceptance window had run out at as_of with no answer
        "pending": and_(
            electronic,
            Dossier.submitted_at <= b.as_of,
            _at_or_before(Dossier.accept_deadline, b.as_of),
            not_(answered),
            or_(Dossier.status == int(Status.NEW), has_answer_time),
            # implied by the two lines above; lets the database use indexes instead of scanning history
            _ids_where(
                lambda a: a.status == int(Status.NEW),
                lambda a: a.received_at > b.as_of,
                lambda a: a.finished_at > b.as_of,
                lambda a: a.supplement_requested_at > b.as_of,
            ),
        ),
    }


# -- QĐ 766 building blocks --------------------------------------------------------------------------------
def _ends(e: type[DossierEvent] | object) -> ColumnElement[bool]:
    """An event that ends a dossier for 2.1 (kiosk.core.timeliness.dvcqg_end): to 3, 7, 8, 9 or 10, or a
    supplement request (to 5) made at or after acceptance."""
    return or_(
        e.status_to.in_(END_STATUSES),  # type: ignore[attr-defined]
        and_(e.status_to == SUPPLEMENT_STATUS, e.at >= Dossier.received_at),  # type: ignore[attr-defined]
    )


def _dvcqg_ended_before(t: datetime) -> ColumnElement[bool]:
    e = aliased(DossierEvent)
    return exists(select(e.id).where(e.dossier_id == Dossier.id, _ends(e), e.at < t))


def dvcqg_on_time(b: Bounds) -> ColumnElement[bool]:
    """2.1 on time within the "dvcqg" base (timeliness.dvcqg_verdict, as SQL): at most one supplement request
    after acceptance by the period's end, and either no due instant, or ended in the period not after it, or
    still running at the period's end with the due instant not before that end."""
    e1, e2 = aliased(DossierEvent), aliased(DossierEvent)
    ended_at = (
        select(func.min(e1.at)).where(e1.dossier_id == Dossier.id, _ends(e1), e1.at < b.as_of).scalar_subquery()
    )
    supplements = (
        select(func.count(e2.id))
        .where(e2.dossier_id == Dossier.id, e2.status_to == SUPPLEMENT_STATUS, e2.at >= Dossier.received_at,
               e2.at < b.as_of)
        .scalar_subquery()
    )
    return and_(
        supplements <= MAX_SUPPLEMENTS_ON_TIME,
        or_(
            Dossier.due_at.is_(None),
            and_(ended_at.isnot(None), ended_at <= Dossier.due_at),
            and_(ended_at.is_(None), Dossier.due_at >= b.as_of),
        ),
    )


def legal_channel() -> ColumnElement[int]:
    """The dossier's KenhThucHien: the stored one, else the legacy mapping of its reception channel."""
    fallback = case(
        *[(Dossier.channel == ch, n) for ch, n in LEGACY_LEGAL_CHANNEL.items()], else_=1
    )
    return func.coalesce(Dossier.legal_channel, fallback)


def of_level(level: str) -> ColumnElement[bool]:
    """The dossier's procedure is of service level ``level`` (toan_trinh | mot_phan)."""
    return Dossier.procedure_id.in_(select(Procedure.id).where(Procedure.level == level))


def synced_with_reception() -> ColumnElement[bool]:
    """QĐ 766 1.4: the back office / portal holds the dossier with its reception: the sender recorded a
    delivery written at or after the reception (``reception_synced_at``), or the dvcqg adapter's copy is at
    least that recent. Not ``sync_state`` now: it turns "pending" again after every later action."""
    return or_(Dossier.reception_synced_at.is_not(None),
               and_(Dossier.portal_version.is_not(None), Dossier.portal_version >= Dossier.received_at))


def gateway_paid() -> ColumnElement[bool]:
    """A payment service (the national / provincial platform, a bank notice) confirmed a payment."""
    return exists(
        select(Payment.id).where(Payment.dossier_id == Dossier.id, Payment.state == "paid",
                                 Payment.confirmed_by == "gateway")
    )


def papers_digitised() -> ColumnElement[bool]:
    """Every paper the dossier was received with is digitised (DVCQG TrangThaiSoHoa ≠ 0); papers never
    provided do not count. A dossier with no paper rows (written before papers were recorded one by one)
    falls back to its own ``digitised`` flag."""
    undigitised = exists(
        select(DossierDocument.id).where(
            DossierDocument.dossier_id == Dossier.id, DossierDocument.provision != "not_provided",
            DossierDocument.digitised_state == 0,
        )
    )
    has_papers = exists(select(DossierDocument.id).where(DossierDocument.dossier_id == Dossier.id))
    return and_(not_(undigitised), or_(has_papers, Dossier.digitised.is_(True)))


def any_reused() -> ColumnElement[bool]:
    """At least one component reused (from an earlier dossier or result), or the dossier marked so."""
    return or_(
        Dossier.reused.is_(True),
        exists(
            select(DossierDocument.id).where(
                DossierDocument.dossier_id == Dossier.id,
                or_(DossierDocument.provision == "reused", DossierDocument.digitised_state.in_((2, 3))),
            )
        ),
    )


def dossier_metrics(b: Bounds) -> dict[str, tuple[str, ColumnElement[bool]]]:
    """metric key → (base set, condition within that set)."""
    electronic = Dossier.channel.in_(ELECTRONIC_CHANNELS)
    fin_day, due_day = local_date(Dossier.finished_at, b.tz, b.start), local_date(Dossier.due_at, b.tz, b.start)
    has_due = Dossier.due_at.isnot(None)
    fee_bearing = and_(Dossier.fee > 0, Dossier.payment_state != "waived")
    rated = Dossier.rating.isnot(None)
    m: dict[str, tuple[str, ColumnElement[bool]]] = {
        "received_total": ("received", true()),
        "online_received": ("received", electronic),
        "fee_bearing": ("received", fee_bearing),
        "paid_online": ("received", and_(fee_bearing, Dossier.payment_state == "paid_online")),
        "digitised": ("received", Dossier.digitised.is_(True)),
        "reused": ("received", Dossier.reused.is_(True)),
        "rated": ("received", rated),
        "disliked": ("received", and_(rated, Dossier.rating <= 2)),
        "submitted_total": ("submitted", true()),
        "finished_total": ("finished", true()),
        # the calendar-date rule (kiosk.core.timeliness.calendar_timing) as SQL
        "finished_early": ("finished", and_(has_due, fin_day < due_day)),
        "finished_on_time": ("finished", or_(Dossier.due_at.is_(None), fin_day == due_day)),
        "finished_late": ("finished", and_(has_due, fin_day > due_day)),
        "with_result": ("finished", Dossier.status.in_(RESULT_STATUSES)),
        "e_result": ("finished", and_(Dossier.status.in_(RESULT_STATUSES), Dossier.e_result.is_(True))),
        "in_progress": ("in_progress", true()),
        "due_today": ("in_progress", _in(Dossier.due_at, b.ref_day_start, b.ref_day_end)),
        "due_soon": ("in_progress", and_(Dossier.due_at >= b.ref_day_start, Dossier.due_at <= b.soon_limit)),
        "overdue_in_progress": ("in_progress", Dossier.due_at < b.ref_day_start),
        "pending_online_past_8h": ("pending", true()),
        # QĐ 766 (the "indicators" object; docs/METRICS.md)
        "synced": ("received", synced_with_reception()),
        "dvcqg_base": ("dvcqg", true()),
        "dvcqg_on_time": ("dvcqg", dvcqg_on_time(b)),
        "dvcqg_late": ("dvcqg", not_(dvcqg_on_time(b))),
        "legal_online": ("received", legal_channel() == LEGAL_ONLINE),
        "paid_online_gateway": ("received", and_(fee_bearing, gateway_paid())),
        "paid_online_officer": ("received", and_(fee_bearing, Dossier.payment_state == "paid_online", not_(gateway_paid()))),
        "digitised_full": (
            "received",
            and_(
                papers_digitised(),
                or_(not_(and_(_at_or_before(Dossier.finished_at, b.as_of), Dossier.status.in_(RESULT_STATUSES))),
                    Dossier.e_result.is_(True)),
            ),
        ),
        "reused_any": ("received", any_reused()),
    }
    for level in SERVICE_LEVELS:
        m[f"received_level.{level}"] = ("received", of_level(level))
        m[f"legal_online_level.{level}"] = ("received", and_(of_level(level), legal_channel() == LEGAL_ONLINE))
    m["on_time_or_early"] = ("finished", or_(m["finished_early"][1], m["finished_on_time"][1]))
    for ch in ("counter", "kiosk", "kiosk_assisted", "online", "postal"):
        m[f"received_by_channel.{ch}"] = ("received", Dossier.channel == ch)
        m[f"submitted_by_channel.{ch}"] = ("submitted", Dossier.channel == ch)
    for st in range(1, 11):
        m[f"received_by_status.{st}"] = ("received", Dossier.status == st)
    return m


def event_metrics() -> dict[str, ColumnElement[bool]]:
    """Metrics counted from the dossier history: distinct dossiers with such an event in the period.

    Names follow the staff actions; the status an event moved to is a fallback so a counter submission
    (accepted at once, status → 2) counts as an acceptance too."""
    return {
        "accepted": or_(DossierEvent.action.in_(ACCEPT_ACTIONS), DossierEvent.status_to == int(Status.ACCEPTED)),
        "supplement_requested": or_(
            DossierEvent.action.in_(SUPPLEMENT_ACTIONS), DossierEvent.status_to == int(Status.SUPPLEMENT)
        ),
        "refused": or_(DossierEvent.action.in_(REFUSE_ACTIONS), DossierEvent.status_to == int(Status.REFUSED)),
        "apologies": DossierEvent.action.in_(APOLOGY_ACTIONS),
    }


def event_window(b: Bounds) -> ColumnElement[bool]:
    return _in(DossierEvent.at, b.start, b.as_of)


# Metrics with a dossier list but no aggregate of their own (the summary derives them: late = base − on time).
DRILL_ONLY = frozenset({"dvcqg_late"})

# Rates and derived figures drill down to the dossiers in their numerator.
RATE_NUMERATORS = {
    "on_time_rate": "on_time_or_early",
    "online_rate": "online_received",
    "online_payment_rate": "paid_online",
    "digitised_rate": "digitised",
    "e_result_rate": "e_result",
    "reuse_rate": "reused",
    "rating_avg": "rated",
    # the QĐ 766 indicators object
    "1.4": "synced",
    "2.1": "dvcqg_on_time",
    "2.2": "with_result",
    "3.3": "legal_online",
    "3.3_toan_trinh": "legal_online_level.toan_trinh",
    "3.3_mot_phan": "legal_online_level.mot_phan",
    "3.6": "paid_online_gateway",
    "4.1": "e_result",
    "4.2": "digitised_full",
    "4.3": "reused_any",
}

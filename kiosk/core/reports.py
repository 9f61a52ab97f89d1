"""The supervisor's summary: reception, timeliness and QĐ 766 indicators for a day, week, month or range.

Why it is built this way: a branch database holds years of dossiers, so every figure is an aggregate
computed by the database over an index-friendly time range (see report_queries.py); Python only turns
counts into rates. Every number can be explained: :meth:`ReportService.dossiers_behind` lists the dossier
codes behind a metric using the very same condition. Definitions are in docs/METRICS.md.

Time: a period is a run of office-local calendar days [start, end]. Flow figures (received, finished,
accepted…) count what happened inside the period; stock figures (in progress, due today, overdue, pending
online past 8 working hours) are measured at ``as_of`` = the end of the period, or now if the period is
still running.

QĐ 766: :meth:`Report.indicators` gives the ``indicators`` object of the JSON (1.4, 2.1 by the DVCQG rule of
kiosk.core.timeliness, 2.2, 3.3 by legal channel and per service level, 3.6, 4.1–4.3, 5.4), each with
numerator, denominator, rate, target (:data:`INDICATOR_TARGETS`, the one place) and met.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, distinct, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.calendar import WorkCalendar
from kiosk.core.clock import Clock, SystemClock
from kiosk.core.dossiers import ELECTRONIC_CHANNELS
from kiosk.core.report_queries import (
    DRILL_ONLY,
    RATE_NUMERATORS,
    Bounds,
    ReportFilters,
    base_sets,
    dossier_metrics,
    epoch_seconds,
    event_metrics,
    event_window,
    local_date,
)
from kiosk.core.timeliness import calendar_timing
from kiosk.models.tables import Dossier, DossierEvent, KioskSession

__all__ = [
    "DayPoint", "DossierRow", "INDICATOR_IDS", "INDICATOR_TARGETS", "Period", "Report", "ReportFilters",
    "ReportService", "TARGETS", "UnknownMetric",
]

# QĐ 766 indicators (domain.md §7) in the order they are shown, and their thresholds (full points at or above
# these; None = no threshold to judge against). The one place targets are written.
INDICATOR_TARGETS: dict[str, float | None] = {
    "1.4": None,  # % synced to the national portal
    "2.1": 1.0,  # % solved early or on time (DVCQG rule)
    "2.2": None,  # average processing time, working days (the limit is per procedure)
    "3.3": 0.5,  # % filed online (legal channel 2)
    "3.3_toan_trinh": 0.5,
    "3.3_mot_phan": 0.5,
    "3.6": 0.5,  # % paid online, confirmed by a payment service
    "4.1": None,  # % results issued electronically
    "4.2": 0.8,  # % digitised (papers and result)
    "4.3": 0.8,  # % reusing data
    "5.4": 0.9,  # satisfaction
}
INDICATOR_IDS = tuple(INDICATOR_TARGETS)
# The older flat rates (kept in the JSON for existing readers) and the indicator whose target they share.
TARGETS: dict[str, float] = {
    key: float(INDICATOR_TARGETS[ind])  # type: ignore[arg-type]
    for key, ind in (
        ("online_rate", "3.3"), ("online_payment_rate", "3.6"), ("on_time_rate", "2.1"), ("digitised_rate", "4.2"),
        ("reuse_rate", "4.3"), ("satisfaction_rate", "5.4"),
    )
}
FAILURE_CAUSES = ("card_read", "otp", "printer", "scanner")


class UnknownMetric(KeyError):
    """dossiers_behind() was asked for a key that has no dossier list."""


@dataclass(frozen=True)
class Period:
    """Office-local calendar days ``start`` … ``end`` (both included)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def day(cls, d: date) -> Period:
        return cls(d, d)

    @classmethod
    def week(cls, d: date) -> Period:
        monday = d - timedelta(days=d.weekday())
        return cls(monday, monday + timedelta(days=6))

    @classmethod
    def month(cls, d: date) -> Period:
        last = _cal.monthrange(d.year, d.month)[1]
        return cls(d.replace(day=1), d.replace(day=last))

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        return cls(start, end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self) -> str:
        if self.start == self.end:
            return f"{self.start:%d/%m/%Y}"
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


def _rate(num: float, den: int) -> float | None:
    return num / den if den else None


def _met(rate: float | None, target: float | None) -> bool | None:
    return None if rate is None or target is None else rate >= target - 1e-12


def indicator(num: float | None, den: int | None, key: str, rate: float | None = None) -> dict[str, Any]:
    """One entry of the ``indicators`` object: {numerator, denominator, rate, target, met}."""
    if rate is None and num is not None and den is not None:
        rate = _rate(num, den)
    target = INDICATOR_TARGETS.get(key)
    return {"numerator": num, "denominator": den, "rate": rate, "target": target, "met": _met(rate, target)}


@dataclass
class KioskOps:
    sessions: int = 0
    completed: int = 0
    ended: int = 0
    completion_rate: float | None = None
    median_session_seconds: float | None = None
    assisted: int = 0
    assisted_share: float | None = None
    rating_avg: float | None = None
    top_failure_causes: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Report:
    period: Period
    filters: ReportFilters
    as_of: datetime
    received_total: int = 0
    received_by_channel: dict[str, int] = field(default_factory=dict)
    received_by_status: dict[str, int] = field(default_factory=dict)
    submitted_total: int = 0
    submitted_by_channel: dict[str, int] = field(default_factory=dict)
    accepted: int = 0
    supplement_requested: int = 0
    refused: int = 0
    apologies: int = 0
    pending_online_past_8h: int = 0
    in_progress: int = 0
    due_today: int = 0
    due_soon: int = 0
    overdue_in_progress: int = 0
    finished_total: int = 0
    finished_early: int = 0
    finished_on_time: int = 0
    finished_late: int = 0
    online_received: int = 0
    fee_bearing: int = 0
    paid_online: int = 0
    with_result: int = 0
    e_result: int = 0
    digitised: int = 0
    reused: int = 0
    rated: int = 0
    disliked: int = 0
    rating_avg: float | None = None
    # QĐ 766 indicator counts (docs/METRICS.md, "indicators")
    synced: int = 0
    dvcqg_base: int = 0
    dvcqg_on_time: int = 0
    dvcqg_late: int = 0
    legal_online: int = 0
    received_level: dict[str, int] = field(default_factory=dict)
    legal_online_level: dict[str, int] = field(default_factory=dict)
    paid_online_gateway: int = 0
    paid_online_officer: int = 0
    digitised_full: int = 0
    reused_any: int = 0
    processing_days_total: float = 0.0  # 2.2: working days, supplement pauses excluded, over with_result
    kiosk: KioskOps = field(default_factory=KioskOps)
    # queue tickets of the period (kiosk.core.queue.queue_stats): waiting, median wait, served, …
    queue: dict[str, Any] = field(default_factory=dict)

    # -- derived rates (fractions 0–1, None when the denominator is 0) ----------------------------------
    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.finished_early + self.finished_on_time, self.finished_total)

    @property
    def online_rate(self) -> float | None:
        return _rate(self.online_received, self.received_total)

    @property
    def online_payment_rate(self) -> float | None:
        return _rate(self.paid_online, self.fee_bearing)

    @property
    def digitised_rate(self) -> float | None:
        return _rate(self.digitised, self.received_total)

    @property
    def e_result_rate(self) -> float | None:
        return _rate(self.e_result, self.with_result)

    @property
    def reuse_rate(self) -> float | None:
        return _rate(self.reused, self.received_total)

    @property
    def late_share(self) -> float | None:
        return _rate(self.finished_late, self.finished_total)

    @property
    def dislike_share(self) -> float | None:
        return _rate(self.disliked, self.rated)

    @property
    def satisfaction_rate(self) -> float | None:
        """5.4: 100% − % late − % "dislike" (rating ≤ 2); None when neither share has a denominator."""
        late, dislike = self.late_share, self.dislike_share
        if late is None and dislike is None:
            return None
        return max(0.0, 1.0 - (late or 0.0) - (dislike or 0.0))

    def indicators(self) -> dict[str, dict[str, Any]]:
        """The QĐ 766 indicators, keyed by id (docs/METRICS.md)."""
        late = _rate(self.dvcqg_late, self.dvcqg_base)
        dislike = self.dislike_share
        satisfaction = None if late is None and dislike is None else max(0.0, 1.0 - (late or 0.0) - (dislike or 0.0))
        out = {
            "1.4": indicator(self.synced, self.received_total, "1.4"),
            "2.1": indicator(self.dvcqg_on_time, self.dvcqg_base, "2.1"),
            "2.2": indicator(self.processing_days_total, self.with_result, "2.2",
                             _rate(self.processing_days_total, self.with_result)),
            "3.3": indicator(self.legal_online, self.received_total, "3.3"),
            "3.6": indicator(self.paid_online_gateway, self.fee_bearing, "3.6"),
            "4.1": indicator(self.e_result, self.with_result, "4.1"),
            "4.2": indicator(self.digitised_full, self.received_total, "4.2"),
            "4.3": indicator(self.reused_any, self.received_total, "4.3"),
            "5.4": {
                **indicator(None, None, "5.4", satisfaction),
                # 100% − late share (2.1 base) − dislike share (ratings ≤ 2)
                "parts": {"late": self.dvcqg_late, "judged": self.dvcqg_base, "disliked": self.disliked,
                          "rated": self.rated},
            },
        }
        for level in ("toan_trinh", "mot_phan"):
            key = f"3.3_{level}"
            out[key] = indicator(self.legal_online_level.get(level, 0), self.received_level.get(level, 0), key)
        return {k: out[k] for k in INDICATOR_IDS}

    def rates(self) -> dict[str, float | None]:
        return {
            "on_time_rate": self.on_time_rate,
            "online_rate": self.online_rate,
            "online_payment_rate": self.online_payment_rate,
            "digitised_rate": self.digitised_rate,
            "e_result_rate": self.e_result_rate,
            "reuse_rate": self.reuse_rate,
            "satisfaction_rate": self.satisfaction_rate,
        }

    def to_json(self) -> dict[str, Any]:
        counts = {
            k: getattr(self, k)
            for k in (
                "received_total", "received_by_channel", "received_by_status", "submitted_total",
                "submitted_by_channel", "accepted", "supplement_requested", "refused", "apologies",
                "pending_online_past_8h", "in_progress", "due_today", "due_soon", "overdue_in_progress",
                "finished_total", "finished_early", "finished_on_time", "finished_late", "online_received",
                "fee_bearing", "paid_online", "with_result", "e_result", "digitised", "reused", "rated",
                "disliked", "rating_avg", "paid_online_gateway", "paid_online_officer",
            )
        }
        return {
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat(), "days": self.period.days},
            "as_of": self.as_of.isoformat(),
            "filters": self.filters.as_json(),
            **counts,
            **self.rates(),
            "late_share": self.late_share,
            "dislike_share": self.dislike_share,
            "kiosk_operations": asdict(self.kiosk),
            "queue": dict(self.queue),
            "targets": dict(TARGETS),
            "indicators": self.indicators(),
        }


@dataclass(frozen=True)
class DayPoint:
    day: date
    received: int
    online: int
    finished: int
    on_time: int
    late: int

    @property
    def online_rate(self) -> float | None:
        return _rate(self.online, self.received)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.on_time, self.finished)


@dataclass(frozen=True)
class DossierRow:
    code: str
    procedure_code: str
    field: str
    channel: str
    status: int
    kiosk_id: str | None
    submitted_at: datetime | None
    received_at: datetime | None
    due_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    fee: int
    payment_state: str
    digitised: bool
    e_result: bool
    reused: bool
    supplement_rounds: int
    rating: int | None
    timing: str | None  # early | on_time | late for a finished dossier (calendar dates), else None


def _as_date(v: object) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


class WorkingClock:
    """Working seconds elapsed since local midnight of ``first``'s date, for instants up to ``last``'s date:
    whole working days before the instant's date (a running total) plus the working time of its own day so
    far. The difference of two readings is the working time between them."""

    def __init__(self, calendar: WorkCalendar, first: datetime, last: datetime) -> None:
        self.calendar = calendar
        self.windows = calendar.hours.windows()
        self.day_seconds = sum(self._span(a, b) for a, b in self.windows)
        self.start = calendar.local(first).date()
        end = calendar.local(last).date()
        self.before: list[float] = [0.0]  # working seconds of the days start … start + i − 1
        d = self.start
        while d <= end:
            self.before.append(self.before[-1] + (self.day_seconds if calendar.is_working_day(d) else 0.0))
            d += timedelta(days=1)

    @staticmethod
    def _span(a: time, b: time) -> float:
        return (datetime.combine(date.min, b) - datetime.combine(date.min, a)).total_seconds()

    def seconds(self, t: datetime) -> float:
        local = self.calendar.local(t)
        d, now = local.date(), local.time()
        out = self.before[(d - self.start).days]
        if self.calendar.is_working_day(d):
            out += sum(self._span(a, min(b, now)) for a, b in self.windows if now > a)
        return out


class ReportService:
    def __init__(
        self, session_factory: sessionmaker[Session], calendar: WorkCalendar, clock: Clock | None = None
    ) -> None:
        self.session_factory = session_factory
        self.calendar = calendar
        self.clock = clock or SystemClock()

    # -- periods -----------------------------------------------------------------------------------------
    def today(self) -> date:
        return self.calendar.local(self.clock.now()).date()

    def _midnight(self, d: date) -> datetime:
        return datetime.combine(d, time(0), tzinfo=self.calendar.tz)

    def bounds(self, period: Period, now: datetime | None = None) -> Bounds:
        start, end = self._midnight(period.start), self._midnight(period.end + timedelta(days=1))
        now = now or self.clock.now()
        as_of = min(end, max(now, start))
        ref_day = period.end if as_of == end else self.calendar.local(as_of).date()
        return Bounds(
            start=start,
            end=end,
            as_of=as_of,
            ref_day_start=self._midnight(ref_day),
            ref_day_end=self._midnight(ref_day + timedelta(days=1)),
            soon_limit=self.calendar.add_working_hours(as_of, 8),
            tz=self.calendar.tz,
        )

    # -- the summary -------------------------------------------------------------------------------------
    def summary(self, period: Period, filters: ReportFilters | None = None, *, now: datetime | None = None) -> Report:
        filters = filters or ReportFilters()
        b = self.bounds(period, now)
        report = Report(period=period, filters=filters, as_of=b.as_of)
        values: dict[str, int] = {}
        metrics = dossier_metrics(b)
        sets = base_sets(b)
        fcond = filters.dossier_condition()
        with self.session_factory() as s:
            for set_name, set_cond in sets.items():
                keys = [k for k, (base, _) in metrics.items() if base == set_name and k not in DRILL_ONLY]
                cols = [func.coalesce(func.sum(case((metrics[k][1], 1), else_=0)), 0).label(k) for k in keys]
                if set_name == "received":
                    cols.append(func.avg(Dossier.rating).label("rating_avg"))
                row = s.execute(select(*cols).select_from(Dossier).where(set_cond, fcond)).one()._mapping
                values.update({k: int(row[k]) for k in keys})
                if set_name == "received":
                    report.rating_avg = float(row["rating_avg"]) if row["rating_avg"] is not None else None
            ev = event_metrics()
            ev_cols = [func.count(distinct(case((cond, Dossier.id)))).label(k) for k, cond in ev.items()]
            row = s.execute(
                select(*ev_cols).select_from(DossierEvent).join(Dossier, Dossier.id == DossierEvent.dossier_id)
                .where(event_window(b), fcond)
            ).one()._mapping
            values.update({k: int(row[k]) for k in ev})
            report.kiosk = self._kiosk_ops(s, b, filters)
            report.processing_days_total = self._processing_days(s, sets["finished"], metrics["with_result"][1], fcond)
        report.queue = self.queue_figures(b, filters)
        values["dvcqg_late"] = values["dvcqg_base"] - values["dvcqg_on_time"]
        for k, v in values.items():
            if "." in k:
                group, sub = k.split(".", 1)
                getattr(report, group)[sub] = v
            elif hasattr(report, k) and not isinstance(getattr(type(report), k, None), property):
                setattr(report, k, v)
        return report

    def _processing_days(self, s: Session, *where: ColumnElement[bool]) -> float:
        """2.2: Σ working time from acceptance to the result, supplement pauses excluded, in working days.
        Working time needs the office calendar, so this one figure is summed in Python over the rows: each
        instant is turned into "working seconds since the first day involved" (a running total per day), so a
        month of results costs one pass, not one walk over the calendar per dossier. Equal to
        ``WorkCalendar.working_time_between`` (tests/unit/test_reports.py checks it)."""
        rows = s.execute(select(Dossier.received_at, Dossier.finished_at, Dossier.paused_seconds).where(*where)).all()
        if not rows:
            return 0.0
        clock = WorkingClock(self.calendar, min(r[0] for r in rows), max(r[1] for r in rows))
        total = 0.0
        for received, finished, paused in rows:
            worked = clock.seconds(finished) - clock.seconds(received) - (paused or 0)
            total += max(0.0, worked) / clock.day_seconds
        return total

    def queue_figures(self, b: Bounds, filters: ReportFilters) -> dict[str, Any]:
        """Queue tickets issued in ``[start, as_of)``: ``waiting`` (still waiting now), ``served``, ``issued``,
        ``no_show``, ``median_wait_minutes`` / ``mean_wait_minutes`` / ``max_wait_minutes`` (issue → first call).
        Follows only the branch filter (a ticket has a branch and a field, no dossier)."""
        from kiosk.core.queue import queue_stats

        stats = queue_stats(self.session_factory, b.start, b.as_of, branch=filters.agency_code).as_json()
        stats.pop("by_field", None)
        return stats

    def _kiosk_ops(self, s: Session, b: Bounds, filters: ReportFilters) -> KioskOps:
        where = and_(KioskSession.started_at >= b.start, KioskSession.started_at < b.as_of, filters.session_condition())
        row = s.execute(
            select(
                func.count(KioskSession.id),
                func.coalesce(func.sum(case((KioskSession.outcome == "completed", 1), else_=0)), 0),
                func.coalesce(func.sum(case((KioskSession.outcome.isnot(None), 1), else_=0)), 0),
                func.coalesce(func.sum(case((KioskSession.assisted.is_(True), 1), else_=0)), 0),
                func.avg(KioskSession.rating),
            ).where(where)
        ).one()
        total, completed, ended, assisted, rating = int(row[0]), int(row[1]), int(row[2]), int(row[3]), row[4]
        ops = KioskOps(
            sessions=total,
            completed=completed,
            ended=ended,
            completion_rate=_rate(completed, ended),
            assisted=assisted,
            assisted_share=_rate(assisted, total),
            rating_avg=float(rating) if rating is not None else None,
        )
        # median duration of finished sessions: order by duration in SQL, fetch the middle one or two
        duration = epoch_seconds(KioskSession.ended_at) - epoch_seconds(KioskSession.started_at)
        timed = and_(where, KioskSession.ended_at.isnot(None))
        n = int(s.scalar(select(func.count(KioskSession.id)).where(timed)) or 0)
        if n:
            offset, limit = ((n - 1) // 2, 1) if n % 2 else (n // 2 - 1, 2)
            middle = s.scalars(select(duration).where(timed).order_by(duration).offset(offset).limit(limit)).all()
            ops.median_session_seconds = round(sum(float(x) for x in middle) / len(middle), 3)
        causes = s.execute(
            select(KioskSession.failure_cause, func.count(KioskSession.id).label("n"))
            .where(where, KioskSession.failure_cause.isnot(None))
            .group_by(KioskSession.failure_cause)
            .order_by(func.count(KioskSession.id).desc(), KioskSession.failure_cause)
            .limit(5)
        ).all()
        ops.top_failure_causes = [{"cause": c, "count": int(k)} for c, k in causes]
        return ops

    # -- the 30-day chart --------------------------------------------------------------------------------
    def daily_series(
        self, days: int = 30, end: date | None = None, filters: ReportFilters | None = None
    ) -> list[DayPoint]:
        """One point per local day for the ``days`` days ending on ``end`` (default today), grouped in SQL."""
        if days < 1:
            raise ValueError("days must be ≥ 1")
        end = end or self.today()
        first = end - timedelta(days=days - 1)
        t0, t1 = self._midnight(first), self._midnight(end + timedelta(days=1))
        t1 = max(t0, min(t1, self.clock.now()))  # like the summary: nothing after "now"
        fcond = (filters or ReportFilters()).dossier_condition()
        tz = self.calendar.tz
        rday = local_date(Dossier.received_at, tz, t0).label("day")
        fday = local_date(Dossier.finished_at, tz, t0)
        dday = local_date(Dossier.due_at, tz, t0)
        on_time = or_(Dossier.due_at.is_(None), fday <= dday)
        received: dict[date, tuple[int, int]] = {}
        finished: dict[date, tuple[int, int, int]] = {}
        with self.session_factory() as s:
            for d, n, online in s.execute(
                select(rday, func.count(Dossier.id), func.sum(case((Dossier.channel.in_(ELECTRONIC_CHANNELS), 1), else_=0)))
                .where(Dossier.received_at >= t0, Dossier.received_at < t1, fcond)
                .group_by(rday)
            ):
                received[_as_date(d)] = (int(n), int(online or 0))
            fday_l = fday.label("day")
            for d, n, ok, late in s.execute(
                select(
                    fday_l,
                    func.count(Dossier.id),
                    func.sum(case((on_time, 1), else_=0)),
                    func.sum(case((on_time, 0), else_=1)),
                )
                .where(Dossier.received_at.isnot(None), Dossier.finished_at >= t0, Dossier.finished_at < t1, fcond)
                .group_by(fday_l)
            ):
                finished[_as_date(d)] = (int(n), int(ok or 0), int(late or 0))
        out = []
        for i in range(days):
            d = first + timedelta(days=i)
            r, o = received.get(d, (0, 0))
            f, ok, late = finished.get(d, (0, 0, 0))
            out.append(DayPoint(d, r, o, f, ok, late))
        return out

    # -- drill-down --------------------------------------------------------------------------------------
    def metric_keys(self) -> list[str]:
        b = self.bounds(Period.day(self.today()))
        return sorted([*dossier_metrics(b), *event_metrics(), *RATE_NUMERATORS, "satisfaction_rate", "5.4"])

    def dossiers_behind(
        self, metric_key: str, period: Period, filters: ReportFilters | None = None, *, now: datetime | None = None
    ) -> list[str]:
        """The dossier codes counted by ``metric_key`` (a JSON key, or ``group.sub`` such as
        ``received_by_channel.online``); for a rate, the dossiers in its numerator."""
        b = self.bounds(period, now)
        fcond = (filters or ReportFilters()).dossier_condition()
        key = RATE_NUMERATORS.get(metric_key, metric_key)
        if key == "5.4":
            codes = set(self.dossiers_behind("dvcqg_late", period, filters, now=now))
            codes |= set(self.dossiers_behind("disliked", period, filters, now=now))
            return sorted(codes)
        if key == "satisfaction_rate":
            codes = set(self.dossiers_behind("finished_late", period, filters, now=now))
            codes |= set(self.dossiers_behind("disliked", period, filters, now=now))
            return sorted(codes)
        metrics, events = dossier_metrics(b), event_metrics()
        if key in metrics:
            set_name, cond = metrics[key]
            stmt = select(Dossier.code).where(base_sets(b)[set_name], cond, fcond).order_by(Dossier.code)
        elif key in events:
            stmt = (
                select(Dossier.code).distinct()
                .join(DossierEvent, DossierEvent.dossier_id == Dossier.id)
                .where(event_window(b), events[key], fcond)
                .order_by(Dossier.code)
            )
        else:
            raise UnknownMetric(metric_key)
        with self.session_factory() as s:
            return list(s.scalars(stmt).all())

    # -- rows for the spreadsheet ------------------------------------------------------------------------
    def dossier_rows(self, period: Period, filters: ReportFilters | None = None) -> list[DossierRow]:
        """Every dossier submitted, received or finished in the period (for the XLSX sheet)."""
        b = self.bounds(period)
        sets = base_sets(b)
        fcond = (filters or ReportFilters()).dossier_condition()
        ended = and_(Dossier.finished_at >= b.start, Dossier.finished_at < b.as_of)  # refused unreceived ones too
        touched: ColumnElement[bool] = or_(sets["received"], sets["submitted"], ended)
        return self._rows(and_(touched, fcond))

    def rows_for_codes(self, codes: list[str]) -> list[DossierRow]:
        """Details of the dossiers behind a drill-down (codes in chunks, to stay under parameter limits)."""
        out: list[DossierRow] = []
        for i in range(0, len(codes), 500):
            out += self._rows(Dossier.code.in_(codes[i : i + 500]))
        return sorted(out, key=lambda r: r.code)

    def _rows(self, where: ColumnElement[bool]) -> list[DossierRow]:
        cols = [
            Dossier.code, Dossier.procedure_code, Dossier.field, Dossier.channel, Dossier.status, Dossier.kiosk_id,
            Dossier.submitted_at, Dossier.received_at, Dossier.due_at, Dossier.finished_at, Dossier.returned_at,
            Dossier.fee, Dossier.payment_state, Dossier.digitised, Dossier.e_result, Dossier.reused,
            Dossier.supplement_rounds, Dossier.rating,
        ]
        with self.session_factory() as s:
            rows = s.execute(select(*cols).where(where).order_by(Dossier.code)).all()
        out = []
        for r in rows:
            timing = None
            if r.finished_at is not None and r.received_at is not None:
                timing = self.timing(r.finished_at, r.due_at)
            out.append(DossierRow(*r, timing=timing))  # type: ignore[misc]
        return out

    def timing(self, finished_at: datetime, due_at: datetime | None) -> str:
        """Calendar-date rule (kiosk.core.timeliness) for one finished dossier: early | on_time | late."""
        return str(calendar_timing(finished_at, due_at, self.calendar.tz))


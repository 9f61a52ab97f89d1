"""Counter queue tickets: a citizen takes a numbered ticket at the kiosk, a counter calls the next number.

Why in core: the kiosk's Welcome page, the counter console, the hall screen, the command line and the
supervisor's reports must agree on one numbering and one set of states. Numbers restart every day per branch
(3 digits, "015"), allocated by an atomic UPSERT on ``queue_sequences`` in the ticket's own transaction.

Calling is race-free on SQLite and PostgreSQL alike: ``call_next`` picks the oldest waiting ticket, then claims
it with ``UPDATE … SET state='called' WHERE id=:id AND state='waiting'`` and checks the row count. If another
counter won the row in between, the count is 0 and it tries the next candidate. (PostgreSQL re-checks the
WHERE clause after waiting for the other writer's row lock; SQLite serialises writers with BEGIN IMMEDIATE.)

A ticket carries no personal data: only its field, the kiosk it was taken at and the times.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, bindparam, func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.audit import record_audit
from kiosk.core.calendar import WorkCalendar
from kiosk.core.clock import Clock
from kiosk.models.database import session_scope
from kiosk.models.tables import Procedure, QueueTicket, StaffUser

STATES = ("waiting", "called", "served", "no_show", "cancelled")
DEFAULT_SERVICE_MINUTES = 6.0  # estimate before any ticket has been served today
CLAIM_TRIES = 20

_NEXT_NUMBER = text(
    "INSERT INTO queue_sequences (branch, day, last_value) VALUES (:branch, :day, 1) "
    "ON CONFLICT (branch, day) DO UPDATE SET last_value = queue_sequences.last_value + 1 "
    "RETURNING last_value"
).bindparams(bindparam("day", type_=Date))


class QueueError(ValueError):
    """A refused queue request, with a Vietnamese and an English message (like ActionError)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


def format_number(n: int) -> str:
    """015 — three digits; a very busy day simply grows a fourth."""
    return f"{n:03d}"


def announcement(number: str, counter_no: int, lang: str = "vi") -> str:
    """The sentence the hall screen speaks (and emits) for a call."""
    if lang == "en":
        return f"Number {number}, please go to counter {counter_no}"
    return f"Mời công dân số {number} đến quầy số {counter_no}"


def call_line(number: str, counter_no: int, lang: str = "vi") -> str:
    """The same call written short for the hall board: "Số 015 → Quầy 3"."""
    if lang == "en":
        return f"No. {number} → Counter {counter_no}"
    return f"Số {number} → Quầy {counter_no}"


@dataclass(frozen=True)
class Ticket:
    id: int
    number: str  # "015"
    field: str
    state: str
    issued_at: datetime
    kiosk_id: str | None = None
    ahead: int = 0  # people waiting before this ticket (same field) when it was read
    estimated_wait: timedelta | None = None
    counter_no: int | None = None
    called_at: datetime | None = None

    def announcement(self, lang: str = "vi") -> str:
        return announcement(self.number, self.counter_no or 0, lang)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "field": self.field,
            "state": self.state,
            "issued_at": self.issued_at.isoformat(),
            "kiosk_id": self.kiosk_id,
            "ahead": self.ahead,
            "estimated_wait_minutes": round(self.estimated_wait.total_seconds() / 60) if self.estimated_wait is not None else None,
            "counter": self.counter_no,
            "called_at": self.called_at.isoformat() if self.called_at else None,
        }


@dataclass(frozen=True)
class CalledNumber:
    """One line of the hall screen: "Số 015 → Quầy 3"."""

    number: str
    counter_no: int
    field: str
    at: datetime


@dataclass(frozen=True)
class QueueStats:
    """Figures for the supervisor and the reports over [start, end)."""

    issued: int
    waiting: int  # still waiting now (tickets of the period)
    served: int
    no_show: int
    cancelled: int
    median_wait: timedelta | None  # issued → first call, over called tickets
    mean_wait: timedelta | None
    max_wait: timedelta | None
    by_field: dict[str, dict[str, Any]]

    def as_json(self) -> dict[str, Any]:
        def mins(t: timedelta | None) -> float | None:
            return None if t is None else round(t.total_seconds() / 60, 1)

        return {
            "issued": self.issued, "waiting": self.waiting, "served": self.served, "no_show": self.no_show,
            "cancelled": self.cancelled, "median_wait_minutes": mins(self.median_wait),
            "mean_wait_minutes": mins(self.mean_wait), "max_wait_minutes": mins(self.max_wait),
            "by_field": self.by_field,
        }


def _ticket(t: QueueTicket, ahead: int = 0, wait: timedelta | None = None) -> Ticket:
    return Ticket(
        id=t.id, number=format_number(t.number), field=t.field, state=t.state, issued_at=t.issued_at,
        kiosk_id=t.kiosk_id, ahead=ahead, estimated_wait=wait, counter_no=t.counter_no, called_at=t.called_at,
    )


class QueueService:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        clock: Clock,
        calendar: WorkCalendar,
        *,
        branch: str = "default",
    ) -> None:
        self.session_factory = session_factory
        self.clock = clock
        self.calendar = calendar
        self.branch = branch

    def today(self) -> date:
        return self.clock.now().astimezone(self.calendar.tz).date()

    # -- the kiosk ------------------------------------------------------------------------------------
    def fields(self) -> list[str]:
        """The fields (lĩnh vực) a citizen can pick: those of the procedures in the catalogue."""
        with self.session_factory() as s:
            return [f for f in s.scalars(select(Procedure.field).distinct().order_by(Procedure.field)) if f]

    def take_ticket(self, field: str, kiosk_id: str | None = None) -> Ticket:
        """Issue the next number of the day for this branch; returns it with the people ahead and an estimate."""
        field = (field or "").strip()
        if not field:
            raise QueueError("Vui lòng chọn lĩnh vực.", "Pick a field.")
        if len(field) > 100:
            raise QueueError("Tên lĩnh vực quá dài.", "The field name is too long.")
        known = self.fields()
        if known and field not in known:
            raise QueueError(
                f"Không có lĩnh vực “{field}”. Vui lòng chọn một lĩnh vực trong danh sách.",
                f"There is no field “{field}”. Please pick one from the list.",
            )
        now = self.clock.now()
        day = self.today()
        with session_scope(self.session_factory) as s:
            n = int(s.execute(_NEXT_NUMBER, {"branch": self.branch, "day": day}).scalar_one())
            t = QueueTicket(
                branch=self.branch, day=day, number=n, field=field, kiosk_id=kiosk_id, issued_at=now,
                recalls=0, state="waiting",
            )
            s.add(t)
            s.flush()
            ahead = self._ahead(s, t)
            wait = self._estimate(s, day, ahead)
            record_audit(
                s, at=now, action="queue.take", actor_type="citizen", kiosk_id=kiosk_id,
                details={"number": format_number(n), "field": field},
            )
            return _ticket(t, ahead, wait)

    def get(self, ticket_id: int) -> Ticket | None:
        with self.session_factory() as s:
            t = s.get(QueueTicket, ticket_id)
            if t is None:
                return None
            ahead = self._ahead(s, t) if t.state == "waiting" else 0
            return _ticket(t, ahead, self._estimate(s, t.day, ahead) if t.state == "waiting" else None)

    # -- the counter ----------------------------------------------------------------------------------
    def call_next(self, counter_no: int, staff_id: int, fields: Iterable[str] | None = None) -> Ticket | None:
        """Call the oldest waiting ticket of today (optionally only of ``fields``) to this counter.

        The ticket this counter was still serving is closed as served first: an officer who calls the next
        citizen has finished with the previous one. Returns None when nobody waits."""
        counter_no = _counter(counter_no)
        wanted = [f for f in (fields or []) if f]
        now = self.clock.now()
        day = self.today()
        with session_scope(self.session_factory) as s:
            _check_staff(s, staff_id)
            s.execute(
                update(QueueTicket)
                .where(QueueTicket.branch == self.branch, QueueTicket.counter_no == counter_no,
                       QueueTicket.state == "called")
                .values(state="served", served_at=now)
            )
            q = select(QueueTicket.id).where(
                QueueTicket.branch == self.branch, QueueTicket.day == day, QueueTicket.state == "waiting"
            )
            if wanted:
                q = q.where(QueueTicket.field.in_(wanted))
            for _ in range(CLAIM_TRIES):
                candidate = s.scalar(q.order_by(QueueTicket.number).limit(1))
                if candidate is None:
                    return None
                claimed = s.execute(
                    update(QueueTicket)
                    .where(QueueTicket.id == candidate, QueueTicket.state == "waiting")
                    .values(state="called", called_at=now, last_called_at=now, counter_no=counter_no,
                            called_by_staff_id=staff_id)
                    .execution_options(synchronize_session=False)
                )
                if claimed.rowcount == 1:
                    t = s.get(QueueTicket, candidate, populate_existing=True)
                    assert t is not None
                    record_audit(
                        s, at=now, action="queue.call", actor_type="staff", staff_id=staff_id,
                        details={"number": format_number(t.number), "counter": counter_no, "field": t.field,
                                 "waited_seconds": int((now - t.issued_at).total_seconds())},
                    )
                    return _ticket(t)
            raise QueueError("Hàng chờ đang bận, vui lòng thử lại.", "The queue is busy; try again.")

    def current(self, counter_no: int) -> Ticket | None:
        """The ticket this counter called and has not closed yet."""
        with self.session_factory() as s:
            t = s.scalar(
                select(QueueTicket)
                .where(QueueTicket.branch == self.branch, QueueTicket.counter_no == _counter(counter_no),
                       QueueTicket.state == "called")
                .order_by(QueueTicket.called_at.desc())
                .limit(1)
            )
            return _ticket(t) if t else None

    def recall(self, counter_no: int, staff_id: int) -> Ticket | None:
        """Announce the counter's current ticket again (the citizen did not come up yet)."""
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            _check_staff(s, staff_id)
            t = s.scalar(
                select(QueueTicket)
                .where(QueueTicket.branch == self.branch, QueueTicket.counter_no == _counter(counter_no),
                       QueueTicket.state == "called")
                .order_by(QueueTicket.called_at.desc())
                .limit(1)
            )
            if t is None:
                return None
            t.recalls = (t.recalls or 0) + 1
            t.last_called_at = now
            record_audit(s, at=now, action="queue.recall", actor_type="staff", staff_id=staff_id,
                         details={"number": format_number(t.number), "counter": t.counter_no})
            s.flush()
            return _ticket(t)

    def mark_served(self, ticket_id: int, staff_id: int) -> Ticket:
        return self._close(ticket_id, staff_id, "served", ("called",))

    def no_show(self, ticket_id: int, staff_id: int) -> Ticket:
        return self._close(ticket_id, staff_id, "no_show", ("called",))

    def cancel(self, ticket_id: int, staff_id: int) -> Ticket:
        return self._close(ticket_id, staff_id, "cancelled", ("waiting", "called"))

    def _close(self, ticket_id: int, staff_id: int, to: str, allowed: tuple[str, ...]) -> Ticket:
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            _check_staff(s, staff_id)
            res = s.execute(
                update(QueueTicket)
                .where(QueueTicket.id == ticket_id, QueueTicket.state.in_(allowed))
                .values(state=to, served_at=now if to == "served" else None)
                .execution_options(synchronize_session=False)
            )
            t = s.get(QueueTicket, ticket_id, populate_existing=True)
            if t is None:
                raise QueueError(f"Không có phiếu {ticket_id}.", f"No ticket {ticket_id}.")
            if res.rowcount != 1:
                raise QueueError(
                    f"Phiếu số {format_number(t.number)} đang ở trạng thái {t.state}.",
                    f"Ticket {format_number(t.number)} is {t.state}.",
                )
            record_audit(s, at=now, action=f"queue.{to}", actor_type="staff", staff_id=staff_id,
                         details={"number": format_number(t.number), "counter": t.counter_no})
            return _ticket(t)

    # -- the hall screen and the console --------------------------------------------------------------
    def waiting_counts(self) -> dict[str, int]:
        """Today's waiting tickets per field."""
        with self.session_factory() as s:
            rows = s.execute(
                select(QueueTicket.field, func.count())
                .where(QueueTicket.branch == self.branch, QueueTicket.day == self.today(),
                       QueueTicket.state == "waiting")
                .group_by(QueueTicket.field)
                .order_by(QueueTicket.field)
            ).all()
            return {f: int(n) for f, n in rows}

    def waiting(self, field: str | None = None) -> list[Ticket]:
        with self.session_factory() as s:
            q = select(QueueTicket).where(
                QueueTicket.branch == self.branch, QueueTicket.day == self.today(), QueueTicket.state == "waiting"
            )
            if field:
                q = q.where(QueueTicket.field == field)
            return [_ticket(t, i) for i, t in enumerate(s.scalars(q.order_by(QueueTicket.number)))]

    def recently_called(self, limit: int = 6) -> list[CalledNumber]:
        """Today's calls, newest (or most recently recalled) first."""
        with self.session_factory() as s:
            rows = s.scalars(
                select(QueueTicket)
                .where(QueueTicket.branch == self.branch, QueueTicket.day == self.today(),
                       QueueTicket.last_called_at.is_not(None), QueueTicket.state.in_(("called", "served")))
                .order_by(QueueTicket.last_called_at.desc(), QueueTicket.id.desc())
                .limit(limit)
            )
            return [CalledNumber(format_number(t.number), int(t.counter_no or 0), t.field, t.last_called_at)
                    for t in rows if t.last_called_at]

    def stats(self, start: datetime, end: datetime) -> QueueStats:
        return queue_stats(self.session_factory, start, end, branch=self.branch)

    # -- helpers --------------------------------------------------------------------------------------
    def _ahead(self, s: Session, t: QueueTicket) -> int:
        return int(s.scalar(
            select(func.count()).select_from(QueueTicket).where(
                QueueTicket.branch == t.branch, QueueTicket.day == t.day, QueueTicket.field == t.field,
                QueueTicket.state == "waiting", QueueTicket.number < t.number,
            )
        ) or 0)

    def _estimate(self, s: Session, day: date, ahead: int) -> timedelta:
        """ahead × today's mean service time ÷ counters at work today; a rough figure for the slip."""
        rows = s.execute(
            select(QueueTicket.called_at, QueueTicket.served_at, QueueTicket.counter_no).where(
                QueueTicket.branch == self.branch, QueueTicket.day == day, QueueTicket.called_at.is_not(None)
            )
        ).all()
        spans = [(b - a).total_seconds() for a, b, _ in rows if a and b and b > a]
        per = statistics.fmean(spans) if spans else DEFAULT_SERVICE_MINUTES * 60
        counters = max(1, len({c for _, _, c in rows if c is not None}))
        return timedelta(seconds=round(ahead * per / counters))


def queue_stats(
    session_factory: sessionmaker[Session], start: datetime, end: datetime, *, branch: str | None = None
) -> QueueStats:
    """Waiting count, waiting times (issue → first call) and served count for tickets issued in [start, end).

    Reports and the supervisor screen call this; ``branch`` None means every branch in the database."""
    with session_factory() as s:
        q = select(QueueTicket).where(QueueTicket.issued_at >= start, QueueTicket.issued_at < end)
        if branch:
            q = q.where(QueueTicket.branch == branch)
        tickets = list(s.scalars(q))
    waits = [(t.called_at - t.issued_at).total_seconds() for t in tickets if t.called_at is not None]
    by_field: dict[str, dict[str, Any]] = {}
    for t in tickets:
        f = by_field.setdefault(t.field, {"issued": 0, "waiting": 0, "served": 0, "no_show": 0, "_waits": []})
        f["issued"] += 1
        if t.state in ("waiting", "served", "no_show"):
            f[t.state] += 1
        if t.called_at is not None:
            f["_waits"].append((t.called_at - t.issued_at).total_seconds())
    for f in by_field.values():
        w = f.pop("_waits")
        f["median_wait_minutes"] = round(statistics.median(w) / 60, 1) if w else None

    def td(x: float | None) -> timedelta | None:
        return None if x is None else timedelta(seconds=round(x))

    return QueueStats(
        issued=len(tickets),
        waiting=sum(t.state == "waiting" for t in tickets),
        served=sum(t.state == "served" for t in tickets),
        no_show=sum(t.state == "no_show" for t in tickets),
        cancelled=sum(t.state == "cancelled" for t in tickets),
        median_wait=td(statistics.median(waits) if waits else None),
        mean_wait=td(statistics.fmean(waits) if waits else None),
        max_wait=td(max(waits) if waits else None),
        by_field=dict(sorted(by_field.items())),
    )


def _counter(counter_no: int) -> int:
    n = int(counter_no)
    if not 1 <= n <= 999:
        raise QueueError("Số quầy không hợp lệ.", "The counter number must be 1–999.")
    return n


def _check_staff(s: Session, staff_id: int) -> None:
    staff = s.get(StaffUser, staff_id)
    if staff is None or not staff.active:
        raise QueueError("Cán bộ không hợp lệ hoặc đã bị vô hiệu hóa.", "Unknown or disabled staff user.")


__all__ = [
    "CalledNumber",
    "QueueError",
    "QueueService",
    "QueueStats",
    "Ticket",
    "announcement",
    "call_line",
    "format_number",
    "queue_stats",
]

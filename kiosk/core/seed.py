"""Synthetic dossiers for demos, report tests and benchmarks (`kiosk demo seed`).

Why it exists: the supervisor report must be checked and timed against months of believable history, and a
fresh kiosk has none. Each synthetic dossier is *simulated*, not drawn field by field: it is submitted in
office hours on a working day, then walks the same life the staff actions give a real one (accept within or
after the 8-working-hour window, supplement pauses that move the due date, refusals, processing finished
early / on time / late by the calendar-date rule, payment, return), and every step is written as a
``dossier_events`` row. Every step is checked against the workflow table (kiosk.core.workflow), so the seed
cannot write a move the staff actions would refuse; the legal channel and the fee come from the workflow too.
Steps that would fall after *now* are not taken, so the data never claims a future.

Safety and concurrency: seeding only inserts (it never deletes or updates existing rows). Codes come from
the shared per-agency, per-day counter (``dossier_sequences``, the table behind
:func:`kiosk.models.sequences.next_sequence`), bumped inside the same transaction as the day's inserts, one
block per day: two seed processes, or a seed and a live kiosk, interleave without duplicates or gaps, and a
rolled-back day releases its numbers. Inserts are per-day ``executemany`` batches for speed.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Date, bindparam, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.calendar import WorkCalendar
from kiosk.core.codes import format_code
from kiosk.core.timelimits import TimeLimit
from kiosk.core.timeliness import dvcqg_ended_on_time
from kiosk.core.workflow import (
    ACCEPT_WINDOW_HOURS,
    ELECTRONIC_CHANNELS,
    Action,
    Status,
    check,
    fee_for,
    initial_status,
    legal_channel,
)
from kiosk.models.database import session_scope
from kiosk.models.tables import Citizen, Dossier, DossierEvent, KioskSession, OutboxEvent, Payment, Procedure

# Shares of the five reception channels (a district office around 2026: online growing, counter still big).
CHANNEL_WEIGHTS = {"counter": 34, "kiosk": 20, "kiosk_assisted": 10, "online": 31, "postal": 5}
FAILURE_CAUSES = {"card_read": 40, "otp": 25, "scanner": 15, "printer": 10, None: 10}
CITIZEN_POOL = 3000  # synthetic applicants, shared by every seed run (ID numbers are fixed)
KIOSK_IDS = ("KIOSK-01", "KIOSK-02", "KIOSK-03")

# Block allocation on the same counter as allocate_code(): +n in one UPSERT, inside the day's transaction.
_RESERVE = text(
    "INSERT INTO dossier_sequences (agency_code, day, last_value) VALUES (:agency, :day, :n) "
    "ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_sequences.last_value + :n "
    "RETURNING last_value"
).bindparams(bindparam("day", type_=Date))

_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
_MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Thu", "Ngọc", "Quốc", "Thanh", "Đức", "Hoài")
_GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khoa", "Lan", "Linh", "Long", "Mai",
          "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến")


@dataclass(frozen=True)
class SeedResult:
    days: list[date]
    dossiers: int
    events: int
    sessions: int
    first_code: str | None
    last_code: str | None


@dataclass
class _Proc:
    id: int
    code: str
    version: str
    field: str
    limit: TimeLimit
    fee_counter: int
    fee_online: int
    weight: float
    effective_from: date
    effective_to: date | None

    def in_effect(self, d: date) -> bool:
        return self.effective_from <= d and (self.effective_to is None or d < self.effective_to)


@dataclass
class _Sim:
    """One dossier's simulated life: the row values and its events, already cut at *now*."""

    row: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    payment: dict[str, Any] | None = None
    session: dict[str, Any] | None = None


class Seeder:
    """Adds synthetic days of reception to a database (see the module docstring)."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        calendar: WorkCalendar,
        *,
        agency_code: str,
        now: datetime | None = None,
        rng: random.Random | None = None,
        kiosk_counts_as_online: bool = True,
    ) -> None:
        self.factory = session_factory
        self.kiosk_counts_as_online = kiosk_counts_as_online  # settings.workflow
        self.cal = calendar
        self.agency = agency_code
        self.now = now or datetime.now(UTC)
        self.rng = rng or random.Random()
        self._procs: list[_Proc] | None = None
        self._citizens: list[int] | None = None

    # -- public ----------------------------------------------------------------------------------------
    def working_days(self, start: date, count: int) -> list[date]:
        """``count`` working days from ``start`` on (closed days skipped), none after today."""
        out, d = [], start
        today = self.cal.local(self.now).date()
        while len(out) < count and d <= today:
            if self.cal.is_working_day(d):
                out.append(d)
            d += timedelta(days=1)
        return out

    def default_start(self, count: int) -> date:
        """The start that makes ``count`` working days end yesterday (office time)."""
        d = self.cal.local(self.now).date() - timedelta(days=1)
        n = 0
        while True:
            if self.cal.is_working_day(d):
                n += 1
                if n >= count:
                    return d
            d -= timedelta(days=1)

    def seed(
        self, start: date, days: int, per_day: int, progress: Callable[[date, int], None] | None = None
    ) -> SeedResult:
        if days < 1 or per_day < 1:
            raise ValueError("days and per_day must be at least 1")
        total_d = total_e = total_s = 0
        first = last = None
        seeded_days = self.working_days(start, days)
        for day in seeded_days:
            n_d, n_e, n_s, codes = self.seed_day(day, per_day)
            total_d, total_e, total_s = total_d + n_d, total_e + n_e, total_s + n_s
            if codes:
                first = first or codes[0]
                last = codes[-1]
            if progress:
                progress(day, n_d)
        return SeedResult(seeded_days, total_d, total_e, total_s, first, last)

    def seed_day(self, day: date, per_day: int) -> tuple[int, int, int, list[str]]:
        """One transaction: simulate ``per_day`` dossiers submitted on ``day``, reserve their codes, insert."""
        procs = [p for p in self._load_procs() if p.in_effect(day)]
        if not procs:
            raise ValueError(f"no procedure in effect on {day} in the catalogue table (run `kiosk db upgrade`)")
        citizens = self._load_citizens()
        sims = [self._simulate(day, procs, citizens) for _ in range(per_day)]
        sims = sorted((s for s in sims if s.row["submitted_at"] <= self.now), key=lambda s: s.row["submitted_at"])
        failed = self._failed_sessions(day, sum(1 for s in sims if s.session is not None))
        if not sims and not failed:
            return 0, 0, 0, []
        with session_scope(self.factory) as s:
            codes: list[str] = []
            if sims:
                last = int(s.execute(_RESERVE, {"agency": self.agency, "day": day, "n": len(sims)}).scalar_one())
                codes = [format_code(self.agency, day, seq) for seq in range(last - len(sims) + 1, last + 1)]
                for sim, code in zip(sims, codes, strict=True):
                    sim.row["code"] = code
                    received = sim.row.get("received_at")
                    sim.row["reception_synced_at"] = None
                    if received is not None and _never_delivered(code):
                        sim.row["sync_state"] = "failed"
                    elif received is not None:
                        sim.row["reception_synced_at"] = received + timedelta(minutes=2)
                # Core (not ORM) executemany: one multi-row INSERT … RETURNING batch instead of the ORM's
                # per-row split when rows have NULLs in different columns
                conn = s.connection()
                table = Dossier.__table__
                ids = conn.execute(
                    insert(table).returning(table.c.id, sort_by_parameter_order=True), [x.row for x in sims]
                ).scalars().all()
                events, payments, sessions = [], [], []
                for sim, dossier_id in zip(sims, ids, strict=True):
                    for ev in sim.events:
                        ev["dossier_id"] = dossier_id
                        events.append(ev)
                    if sim.payment:
                        payments.append({**sim.payment, "dossier_id": dossier_id})
                    if sim.session:
                        sessions.append({**sim.session, "dossier_id": dossier_id})
                conn.execute(insert(DossierEvent.__table__), events)
                if payments:
                    conn.execute(insert(Payment.__table__), payments)
                outbox = [row for sim in sims if (row := _reception_delivery(sim.row)) is not None]
                if outbox:
                    conn.execute(insert(OutboxEvent.__table__), outbox)
            else:
                events, sessions = [], []
            sessions += failed
            if sessions:
                s.connection().execute(insert(KioskSession.__table__), sessions)
        return len(sims), len(events), len(sessions), codes

    # -- reference data ----------------------------------------------------------------------------------
    def _load_procs(self) -> list[_Proc]:
        if self._procs is None:
            with self.factory() as s:
                rows = s.scalars(select(Procedure)).all()
            procs = []
            for r in rows:
                rank = (r.definition or {}).get("popular")
                weight = float(16 - int(rank)) if isinstance(rank, int) and rank < 16 else 1.0
                procs.append(
                    _Proc(
                        r.id, r.code, r.version, r.field, TimeLimit(r.time_limit_kind, r.time_limit_amount),  # type: ignore[arg-type]
                        r.fee_counter, r.fee_online, weight, r.effective_from, r.effective_to,
                    )
                )
            self._procs = procs
        return self._procs

    def _load_citizens(self) -> list[int]:
        """A fixed pool of synthetic applicants, inserted once (ON CONFLICT DO NOTHING: safe for parallel runs)."""
        if self._citizens is None:
            pick = random.Random(1975)
            rows = []
            for i in range(CITIZEN_POOL):
                yob = 1950 + pick.randrange(55)
                century_sex = (0 if yob < 2000 else 2) + pick.randrange(2)
                number = f"0{pick.choice((1, 26, 30, 38, 40, 79)):02d}{century_sex}{yob % 100:02d}9{i:05d}"
                name = f"{pick.choice(_FAMILY)} {pick.choice(_MIDDLE)} {pick.choice(_GIVEN)}"
                rows.append({"n": number, "name": name, "dob": date(yob, 1 + pick.randrange(12), 1 + pick.randrange(28))})
            stamp = datetime(2025, 1, 1, tzinfo=UTC)
            stmt = text(
                "INSERT INTO citizens (id_number, full_name, date_of_birth, created_at, updated_at) "
                "VALUES (:n, :name, :dob, :at, :at) ON CONFLICT (id_number) DO NOTHING"
            ).bindparams(bindparam("dob", type_=Date), bindparam("at", type_=Citizen.__table__.c.created_at.type))
            with session_scope(self.factory) as s:
                s.execute(stmt, [{**r, "at": stamp} for r in rows])
                numbers = [r["n"] for r in rows]
                found: list[int] = []
                for i in range(0, len(numbers), 500):
                    found += s.scalars(select(Citizen.id).where(Citizen.id_number.in_(numbers[i : i + 500]))).all()
            self._citizens = sorted(found)
        return self._citizens

    # -- the simulation ---------------------------------------------------------------------------------
    def _office_instant(self, day: date) -> datetime:
        h = self.cal.hours
        mins = [(h.morning_start, h.morning_end), (h.afternoon_start, h.afternoon_end)]
        spans = [(_minutes(b) - _minutes(a), a) for a, b in mins]
        x = self.rng.uniform(0, sum(n for n, _ in spans))
        for n, a in spans:
            if x < n:
                t = datetime.combine(day, a, tzinfo=self.cal.tz) + timedelta(minutes=x)
                return t.replace(microsecond=0)
            x -= n
        return datetime.combine(day, mins[-1][1], tzinfo=self.cal.tz)

    def _wh(self, t: datetime, hours: float) -> datetime:
        return self.cal.add_working_hours(t, hours).replace(microsecond=0)

    def _simulate(self, day: date, procs: list[_Proc], citizens: list[int]) -> _Sim:
        rng, cal = self.rng, self.cal
        proc = rng.choices(procs, weights=[p.weight for p in procs])[0]
        channel = rng.choices(list(CHANNEL_WEIGHTS), weights=list(CHANNEL_WEIGHTS.values()))[0]
        electronic = channel in ELECTRONIC_CHANNELS
        submitted = self._office_instant(day)
        legal = legal_channel(channel, kiosk_counts_as_online=self.kiosk_counts_as_online)
        fee = fee_for(proc, legal)
        kiosk_id = rng.choice(KIOSK_IDS) if channel in ("kiosk", "kiosk_assisted") else None
        rated = rng.random() < (0.6 if kiosk_id else 0.1)
        rating = rng.choices((1, 2, 3, 4, 5), weights=(3, 4, 10, 35, 48))[0] if rated else None
        row: dict[str, Any] = {
            "agency_code": self.agency, "procedure_id": proc.id, "procedure_code": proc.code,
            "procedure_version": proc.version, "field": proc.field, "applicant_id": rng.choice(citizens),
            "submitter_id": None, "channel": channel, "kiosk_id": kiosk_id, "assisted_by_staff_id": None,
            "status": int(initial_status(channel)), "legal_channel": int(legal),
            "submitted_at": submitted,
            "accept_deadline": cal.accept_deadline(submitted, ACCEPT_WINDOW_HOURS) if electronic else None,
            "received_at": None, "due_at": None, "original_due_at": None, "finished_at": None, "returned_at": None,
            "time_limit_kind": proc.limit.kind, "time_limit_amount": float(proc.limit.amount), "fee": fee,
            "payment_state": "none", "delivery": "online" if electronic and rng.random() < 0.4 else "counter",
            "delivery_address": None, "delivered_via": None, "sync_state": "synced",
            "digitised": electronic or rng.random() < 0.75, "e_result": False,
            "reused": rng.random() < (0.7 if electronic else 0.5), "supplement_rounds": 0,
            "supplement_requested_at": None, "paused_seconds": 0, "sets_count": 1,
            "form_data": {"synthetic": True}, "note": None, "rating": rating,
            "created_at": submitted, "updated_at": submitted,
        }
        sim = _Sim(row)
        if fee > 0:
            if rng.random() < 0.03:
                row["payment_state"] = "waived"
            elif electronic and rng.random() < 0.7:
                row["payment_state"] = "paid_online"
                sim.payment = {"amount": fee, "method": "vietqr", "state": "paid", "reference": None,
                               "created_at": submitted, "paid_at": submitted, "staff_id": None, "confirmed_by": "gateway"}
            else:
                row["payment_state"] = "unpaid"
        steps = _Timeline(self, sim)
        steps.add(submitted, "submit", None, row["status"], {})
        if kiosk_id:
            start = submitted - timedelta(seconds=rng.randint(150, 900))
            sim.session = {
                "kiosk_id": kiosk_id, "started_at": start, "ended_at": submitted + timedelta(seconds=rng.randint(20, 90)),
                "outcome": "completed", "assisted": channel == "kiosk_assisted", "staff_id": None,
                "failure_cause": "printer" if rng.random() < 0.02 else None, "citizen_hash": None, "rating": rating,
            }
        if row["status"] == Status.ACCEPTED:
            received = submitted
            steps.set(received, received_at=received)
        else:
            received = self._reception(steps, submitted, electronic)
            if received is None:
                return steps.done()
        self._processing(steps, proc, received)
        return steps.done()

    def _reception(self, steps: _Timeline, submitted: datetime, electronic: bool) -> datetime | None:
        """Waiting for acceptance (status 1): accepted in or after the window, a supplement first, refused,
        or still waiting. Returns the acceptance instant or None when the dossier never gets there."""
        rng = self.rng
        t = submitted
        r = rng.random()
        if r < 0.07:  # supplement requested before acceptance
            t = self._wh(t, rng.uniform(0.5, 7.5))
            steps.supplement(t, Status.NEW)
            if rng.random() < 0.35:
                if rng.random() < 0.5:
                    steps.add(self._wh(t, rng.uniform(8, 40)), "refuse", Status.SUPPLEMENT, Status.REFUSED, {}, finish=True)
                return None  # never supplied (or refused): stays paused
            t = self._wh(t, rng.uniform(2, 24))
            steps.supplied(t, Status.NEW)
            if electronic:
                steps.set(t, accept_deadline=self.cal.accept_deadline(t, ACCEPT_WINDOW_HOURS))
        elif r < 0.11:
            steps.add(self._wh(t, rng.uniform(0.5, 10)), "refuse", Status.NEW, Status.REFUSED, {}, finish=True)
            return None
        elif r < 0.125:
            return None  # nobody answered (yet): pending online past 8 working hours
        late = rng.random() < 0.15
        t = self._wh(t, rng.uniform(8.1, 20) if late else rng.uniform(0.1, 7.8))
        steps.add(t, "accept", Status.NEW, Status.ACCEPTED, {"late_acceptance": late})
        steps.set(t, received_at=t)
        return t

    def _processing(self, steps: _Timeline, proc: _Proc, received: datetime) -> None:
        rng, cal = self.rng, self.cal
        due = cal.due_date(received, proc.limit).due
        steps.set(received, due_at=due, original_due_at=due)
        row = steps.sim.row
        status = Status.ACCEPTED
        if row["payment_state"] == "unpaid" and row["channel"] == "counter":
            steps.add(received + timedelta(minutes=2), "payment", status, status, {"method": "counter_cash"})
            steps.set(received + timedelta(minutes=2), payment_state="paid_counter")
            steps.pay(received + timedelta(minutes=2))
        t = received
        if proc.limit.kind != "same_day":
            t = self._wh(t, rng.uniform(0.1, 2))
            steps.add(t, "start_processing", status, Status.IN_PROGRESS, {})
            status = Status.IN_PROGRESS
            if rng.random() < 0.08:  # supplement after acceptance: the clock pauses, the due date moves
                t = self._wh(t, rng.uniform(1, 8))
                steps.supplement(t, status)
                if rng.random() < 0.12:
                    return  # waiting for the citizen
                back = self._wh(t, rng.uniform(4, 24))
                if due is not None:
                    due = cal.resume_after_pause(due, t, back)
                    steps.set(back, due_at=due)
                steps.supplied(back, status)
                t = back
        outcome = rng.choices(("early", "on_time", "late", "stopped"), weights=(52, 36, 11, 1))[0]
        fin = self._finish_time(t, due, outcome)
        if outcome == "stopped":
            steps.add(fin, "stop", status, Status.STOPPED, {}, finish=True)
            return
        steps.add(fin, "finish", status, Status.PROCESSED, {"on_time": dvcqg_ended_on_time(fin, due)}, finish=True)
        e_result = rng.random() < (0.75 if row["delivery"] == "online" or row["channel"] in ELECTRONIC_CHANNELS else 0.25)
        steps.set(fin, e_result=e_result)
        if rng.random() < 0.9:
            ret = self._wh(fin, rng.uniform(0.2, 16))
            if row["payment_state"] == "unpaid":
                steps.add(ret, "payment", Status.PROCESSED, Status.PROCESSED, {"method": "counter_cash"})
                steps.set(ret, payment_state="paid_counter")
                steps.pay(ret)
            via = "online" if row["delivery"] == "online" else "counter"
            steps.add(ret, "return", Status.PROCESSED, Status.RETURNED, {"via": via})
            steps.set(ret, returned_at=ret, delivered_via=via)

    def _finish_time(self, t: datetime, due: datetime | None, outcome: str) -> datetime:
        """An instant after ``t`` that lands before / on / after the due *date* as asked (when possible)."""
        rng, cal = self.rng, self.cal
        if due is None:
            return self._wh(t, rng.uniform(0.5, 16))
        due_day = cal.local(due).date()
        due_midnight = datetime.combine(due_day, time(0), tzinfo=cal.tz)
        close = datetime.combine(due_day, cal.hours.afternoon_end, tzinfo=cal.tz)
        if outcome == "early":
            room = cal.working_time_between(t, due_midnight).total_seconds() / 3600
            if room > 0.2:
                return self._wh(t, rng.uniform(0.1, room - 0.05))
            outcome = "on_time"
        if outcome in ("on_time", "stopped"):
            t0 = max(t, datetime.combine(due_day, cal.hours.morning_start, tzinfo=cal.tz))
            room = cal.working_time_between(t0, close).total_seconds() / 3600
            if cal.local(t0).date() == due_day and room > 0:
                return self._wh(t0, rng.uniform(0, room))
            return self._wh(t, rng.uniform(0.1, 1))
        d = due_day
        for _ in range(rng.randint(1, 5)):
            d = cal.next_working_day(d)
        return max(self._office_instant(d), self._wh(t, 0.1))

    def _failed_sessions(self, day: date, kiosk_dossiers: int) -> list[dict[str, Any]]:
        """Kiosk sessions that did not end in a dossier: abandoned, timed out or broken by a device."""
        rng, out = self.rng, []
        for _ in range(max(0, round(kiosk_dossiers * rng.uniform(0.2, 0.35)))):
            start = self._office_instant(day)
            if start > self.now:
                continue
            cause = rng.choices(list(FAILURE_CAUSES), weights=list(FAILURE_CAUSES.values()))[0]
            outcome = "error" if cause in ("printer", "scanner") else rng.choice(("abandoned", "timeout"))
            out.append({
                "kiosk_id": rng.choice(KIOSK_IDS), "started_at": start,
                "ended_at": start + timedelta(seconds=rng.randint(30, 600)), "outcome": outcome,
                "assisted": rng.random() < 0.15, "staff_id": None, "failure_cause": cause, "citizen_hash": None,
                "rating": None, "dossier_id": None,
            })
        return out


class _Timeline:
    """Applies a dossier's steps in time order and stops at the first one after *now*."""

    def __init__(self, seeder: Seeder, sim: _Sim) -> None:
        self.seeder, self.sim, self.stopped = seeder, sim, False

    def _open(self, at: datetime) -> bool:
        if self.stopped or at > self.seeder.now:
            self.stopped = True
            return False
        return True

    def add(
        self, at: datetime, action: str, frm: int | None, to: int, details: dict[str, Any], *, finish: bool = False
    ) -> None:
        if not self._open(at):
            return
        if frm is not None:  # the workflow table decides whether the move is legal (ActionError if not)
            moved = check(frm, action, accepted=self.sim.row["received_at"] is not None, back_to=to)
            assert int(moved) == int(to), f"seed step {action} {frm}->{to} disagrees with the workflow ({moved})"
        self.sim.events.append(
            {"at": at, "action": Action(action).value, "status_from": None if frm is None else int(frm), "status_to": int(to),
             "staff_id": None, "on_behalf_of_citizen_id": None, "details": details}
        )
        row = self.sim.row
        row["status"], row["updated_at"] = int(to), at
        if finish:
            row["finished_at"] = at

    def set(self, at: datetime, **values: Any) -> None:
        if self._open(at):
            self.sim.row.update(values)

    def supplement(self, at: datetime, frm: int) -> None:
        rounds = self.sim.row["supplement_rounds"] + 1
        self.add(at, "supplement", frm, Status.SUPPLEMENT, {"round": rounds})
        self.set(at, supplement_rounds=rounds, supplement_requested_at=at)

    def supplied(self, at: datetime, to: int) -> None:
        paused = self.seeder.cal.working_time_between(self.sim.row["supplement_requested_at"] or at, at)
        self.add(at, "supplied", Status.SUPPLEMENT, to, {"paused_working_seconds": int(paused.total_seconds())})
        self.set(at, paused_seconds=self.sim.row["paused_seconds"] + int(paused.total_seconds()))

    def pay(self, at: datetime) -> None:
        if self._open(at):
            fee = self.sim.row["fee"]
            self.sim.payment = {"amount": fee, "method": "counter_cash", "state": "paid", "reference": None,
                                "created_at": at, "paid_at": at, "staff_id": None, "confirmed_by": "officer"}

    def done(self) -> _Sim:
        return self.sim


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _never_delivered(code: str) -> bool:
    return int(hashlib.sha256(code.encode()).hexdigest()[:8], 16) % 100 < 3


def _reception_delivery(row: dict[str, Any]) -> dict[str, Any] | None:
    """The outbox event that told the back office a seeded dossier was received (QĐ 766 1.4 counts a dossier
    as synced when such an event was delivered). About 3 in 100 were never delivered (their sync failed);
    which ones follows from the code, so the seed's random sequence is not disturbed."""
    received = row.get("received_at")
    if received is None:
        return None
    undelivered = row["sync_state"] == "failed"
    return {
        "event_id": hashlib.sha256(("seed-reception:" + row["code"]).encode()).hexdigest()[:32],
        "dossier_code": row["code"], "kind": "dossier.accepted", "payload": {"synthetic": True},
        "created_at": received, "attempts": 8 if undelivered else 1, "next_attempt_at": received,
        "sent_at": None if undelivered else received + timedelta(minutes=2),
        "last_error": "synthetic: portal unreachable" if undelivered else None,
    }

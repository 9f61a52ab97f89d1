"""Working-day calendar and statutory due dates (domain.md §4).

Everything a one-stop office counts in - working days, calendar days, working hours, same-day requests under
the 15:00 rule, the 8-working-hour acceptance window of an online dossier, supplement pauses - is computed
here, in local office time, with no Qt and no database.

The algorithm follows the production one-stop systems: normalise the start into office hours, add the
fractional part of the limit as working hours (skipping lunch and closed days), then whole working days.

Days off come from the project's own data file ``resources/calendar/vn_holidays.toml`` (every holiday,
compensatory day and swapped day per year, with its status and source): no library decides a legal due
date, so an upgrade of a package never moves one. A date in a year the file does not cover is refused with
:class:`CalendarCoverageError` instead of being guessed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from kiosk.core.timelimits import TimeLimit

HOURS_PER_WORKING_DAY = 8
DEFAULT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
HOLIDAYS_FILE = Path(__file__).resolve().parent.parent / "resources" / "calendar" / "vn_holidays.toml"
DAY_OFF_KINDS = ("holiday", "compensatory", "swap")


class CalendarDataError(ValueError):
    """The holiday data file is malformed."""


class CalendarCoverageError(ValueError):
    """A date falls in a year the holiday data does not cover: the answer would be a guess."""


class HoursLike(Protocol):
    morning_start: time
    morning_end: time
    afternoon_start: time
    afternoon_end: time
    same_day_cutoff: time


@dataclass(frozen=True)
class OfficeHours:
    morning_start: time = time(7, 0)
    morning_end: time = time(11, 30)
    afternoon_start: time = time(13, 30)
    afternoon_end: time = time(17, 0)
    same_day_cutoff: time = time(15, 0)

    @classmethod
    def from_settings(cls, hours: HoursLike) -> OfficeHours:
        return cls(
            hours.morning_start, hours.morning_end, hours.afternoon_start, hours.afternoon_end, hours.same_day_cutoff
        )

    def windows(self) -> tuple[tuple[time, time], tuple[time, time]]:
        return ((self.morning_start, self.morning_end), (self.afternoon_start, self.afternoon_end))


@dataclass(frozen=True)
class CalendarAdjustments:
    """The days off and worked weekend days of every covered year (from vn_holidays.toml)."""

    working_days: frozenset[date] = frozenset()
    days_off: frozenset[date] = frozenset()
    years: frozenset[int] = frozenset()
    names: dict[date, str] = field(default_factory=dict, compare=False, repr=False)
    status: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path = HOLIDAYS_FILE) -> CalendarAdjustments:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise CalendarDataError(f"{path.name}: {exc}") from exc
        work: set[date] = set()
        off: set[date] = set()
        names: dict[date, str] = {}
        status: dict[int, str] = {}
        for key, table in data.items():
            if key == "rule":
                continue
            if not (key.isdigit() and len(key) == 4 and isinstance(table, dict)):
                raise CalendarDataError(f"{path.name}: [{key}] is not a year table")
            year = int(key)
            status[year] = str(table.get("status", "official"))
            for field_name, target in (("working_days", work), ("days_off", off)):
                for entry in table.get(field_name, []):
                    d, name = (entry.get("date"), entry.get("name", "")) if isinstance(entry, dict) else (entry, "")
                    if not isinstance(d, date) or d.year != year:
                        raise CalendarDataError(f"{path.name}: [{year}] {field_name}: {d!r} is not a date of that year")
                    if isinstance(entry, dict) and field_name == "days_off" and entry.get("kind") not in DAY_OFF_KINDS:
                        raise CalendarDataError(f"{path.name}: [{year}] {d}: kind must be one of {DAY_OFF_KINDS}")
                    if field_name == "working_days" and d.weekday() < 5:
                        raise CalendarDataError(f"{path.name}: [{year}] working_days: {d} is not a Saturday or Sunday")
                    target.add(d)
                    names[d] = str(name)
        both = work & off
        if both:
            raise CalendarDataError(f"{path.name}: {min(both)} is both a day off and a working day")
        return cls(frozenset(work), frozenset(off), frozenset(status), names, status)


@lru_cache(maxsize=1)
def default_adjustments() -> CalendarAdjustments:
    return CalendarAdjustments.load()


@dataclass(frozen=True)
class DueDate:
    start: datetime  # normalised start, aware, local time
    due: datetime | None  # None when the procedure has no time limit


@dataclass
class WorkCalendar:
    hours: OfficeHours = field(default_factory=OfficeHours)
    tz: ZoneInfo = DEFAULT_TZ
    adjustments: CalendarAdjustments = field(default_factory=default_adjustments)

    # -- days ------------------------------------------------------------------------------------------
    def covers(self, d: date) -> bool:
        return d.year in self.adjustments.years

    def is_working_day(self, d: date) -> bool:
        if d.year not in self.adjustments.years:
            years = sorted(self.adjustments.years)
            span = f"{years[0]}–{years[-1]}" if years else "no year"
            raise CalendarCoverageError(
                f"no holiday data for {d.year}: the calendar covers {span} "
                f"(add the year's notice to resources/calendar/{HOLIDAYS_FILE.name})"
            )
        if d in self.adjustments.working_days:
            return True
        if d.weekday() >= 5:
            return False
        return d not in self.adjustments.days_off

    def next_working_day(self, d: date) -> date:
        d += timedelta(days=1)
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]."""
        n, d = 0, a
        while d < b:
            d += timedelta(days=1)
            n += self.is_working_day(d)
        return n

    # -- instants ----------------------------------------------------------------------------------------
    def local(self, t: datetime) -> datetime:
        if t.tzinfo is None:
            raise ValueError("naive datetime: give the time zone")
        return t.astimezone(self.tz)

    def _at(self, d: date, t: time) -> datetime:
        return datetime.combine(d, t, tzinfo=self.tz)

    def normalise(self, t: datetime) -> datetime:
        """Move t into office hours: before opening → opening; lunch → afternoon opening;
        after closing or on a closed day → the next working day's opening."""
        t = self.local(t)
        h = self.hours
        d, clock = t.date(), t.timetz().replace(tzinfo=None)
        if not self.is_working_day(d):
            return self._first_open_on_or_after(d)
        if clock >= h.afternoon_end:
            return self._at(self.next_working_day(d), h.morning_start)
        if clock < h.morning_start:
            return self._at(d, h.morning_start)
        if h.morning_end <= clock < h.afternoon_start:
            return self._at(d, h.afternoon_start)
        return t.replace(microsecond=0) if t.microsecond else t

    def _first_open_on_or_after(self, d: date) -> datetime:
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return self._at(d, self.hours.morning_start)

    def add_working_hours(self, t: datetime, hours: float) -> datetime:
        """Add working time to a normalised instant, skipping lunch, nights and closed days.
        A result exactly at a closing time stays there (it does not roll to the next opening)."""
        t = self.normalise(t)
        remaining = timedelta(hours=hours)
        while True:
            d = t.date()
            for w_start, w_end in self.hours.windows():
                start, end = self._at(d, w_start), self._at(d, w_end)
                if t >= end:
                    continue
                t = max(t, start)
                available = end - t
                if remaining <= available:
                    return t + remaining
                remaining -= available
                t = end
            t = self._at(self.next_working_day(d), self.hours.morning_start)

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time elapsed from a to b (zero if b <= a)."""
        a, b = self.local(a), self.local(b)
        if b <= a:
            return timedelta(0)
        total = timedelta(0)
        d = a.date()
        while d <= b.date():
            if self.is_working_day(d):
                for w_start, w_end in self.hours.windows():
                    lo = max(a, self._at(d, w_start))
                    hi = min(b, self._at(d, w_end))
                    if hi > lo:
                        total += hi - lo
            d += timedelta(days=1)
        return total

    # -- statutory limits ------------------------------------------------------------------------------
    def due_date(self, received: datetime, limit: TimeLimit) -> DueDate:
        h = self.hours
        if limit.kind == "same_day":
            local = self.local(received)
            start = self.normalise(received)
            # 15:00 rule: received after the cut-off on a working day → handled the next working day
            if start.date() == local.date() and local.timetz().replace(tzinfo=None) > h.same_day_cutoff:
                start = self._at(self.next_working_day(start.date()), h.morning_start)
            return DueDate(start, self._at(start.date(), h.afternoon_end))
        start = self.normalise(received)
        if limit.kind == "none":
            return DueDate(start, None)
        if limit.kind == "working_hours":
            return DueDate(start, self.add_working_hours(start, float(limit.amount)))
        if limit.kind == "working_days":
            total_hours = float(limit.amount) * HOURS_PER_WORKING_DAY
            whole_days, rest = divmod(total_hours, HOURS_PER_WORKING_DAY)
            t = self.add_working_hours(start, rest) if rest else start
            d = t.date()
            for _ in range(int(whole_days)):
                d = self.next_working_day(d)
            return DueDate(start, self._at(d, t.timetz().replace(tzinfo=None)))
        if limit.kind == "calendar_days":
            t = start + timedelta(days=float(limit.amount))
            if not self.is_working_day(t.date()):
                t = self._at(self.next_working_day(t.date()), t.timetz().replace(tzinfo=None))
            return DueDate(start, t)
        raise ValueError(f"unknown time-limit kind {limit.kind!r}")

    def accept_deadline(self, submitted: datetime, hours: float = 8) -> datetime:
        """An online (or kiosk) dossier must be accepted, returned or refused within 8 working hours."""
        return self.add_working_hours(submitted, hours)

    def resume_after_pause(self, due: datetime, paused_at: datetime, resumed_at: datetime) -> datetime:
        """Supplement pause: the time already used counts, the rest starts again when the citizen resubmits."""
        remaining = self.working_time_between(paused_at, due)
        return self.add_working_hours(resumed_at, remaining.total_seconds() / 3600)

    def is_working_instant(self, t: datetime) -> bool:
        t = self.local(t)
        if not self.is_working_day(t.date()):
            return False
        clock = t.timetz().replace(tzinfo=None)
        return any(s <= clock <= e for s, e in self.hours.windows())


def parse_local(text: str, tz: ZoneInfo = DEFAULT_TZ) -> datetime:
    """Parse "YYYY-MM-DD HH:MM" (or ISO 8601 with an offset) as office-local time."""
    shown = repr(text[:40] if isinstance(text, str) else text)
    try:
        t = datetime.fromisoformat(text.strip())
        return t.replace(tzinfo=tz) if t.tzinfo is None else t.astimezone(tz)
    except (ValueError, OverflowError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a date-time: {shown} (expected YYYY-MM-DD HH:MM)") from exc


def holidays_in(cal: WorkCalendar, years: Iterable[int]) -> list[date]:
    out: list[date] = []
    for y in years:
        d = date(y, 1, 1)
        while d.year == y:
            if d.weekday() < 5 and not cal.is_working_day(d):
                out.append(d)
            d += timedelta(days=1)
    return out

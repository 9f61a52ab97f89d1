"""Early / on time / late: the one definition, under the two rules an official meets (domain.md §4.4).

Why one module: "on time" was written four times (staff actions, the seed, the report, its SQL) and the
copies disagreed. Every caller now asks here. Two rules, each named, because both are in use:

* :data:`DVCQG` – the national portal / QĐ 766 indicator 2.1. Exact instants: a dossier *ends* at the first
  event that moves it to 9 or 10 (result), 3, 7 or 8 (refused, withdrawn, stopped) or at its first request
  for more papers (to 5) after acceptance; it is on time when that end is not after the due instant. In
  progress at the end of a period it is on time while its due instant is not before that end. More than one
  supplement request after acceptance makes it late whatever the dates. No due instant: on time.
* :data:`CALENDAR` – the S1 production system and the counter's daily view. Calendar dates in office time:
  **trước hạn** (finished on a date before the due date), **đúng hạn** (on the due date), **quá hạn** (after);
  in progress **trong hạn** while the due date is not before the report day, else **quá hạn**.

Pure functions (no database, no clock). The report's SQL (kiosk/core/report_queries.py) states the same
conditions as SQL expressions; tests/unit/test_timeliness.py runs the edge cases through both and requires
the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum

__all__ = [
    "CALENDAR", "DVCQG", "END_STATUSES", "MAX_SUPPLEMENTS_ON_TIME", "SUPPLEMENT_STATUS", "DvcqgVerdict", "Standing",
    "Timing", "calendar_standing", "calendar_timing", "dvcqg_end", "dvcqg_ended_on_time", "dvcqg_in_progress_on_time",
    "dvcqg_verdict", "supplements_after_acceptance",
]

DVCQG = "dvcqg"  # QĐ 766 / national portal rule: exact instants, supplement rule
CALENDAR = "calendar"  # S1 rule: office-local calendar dates

# DVCQG TrangThaiHoSo codes (domain.md §5) that end a dossier's processing clock for 2.1.
END_STATUSES = (3, 7, 8, 9, 10)  # refused, withdrawal requested, stopped, processed, returned
SUPPLEMENT_STATUS = 5
MAX_SUPPLEMENTS_ON_TIME = 1  # a second request for more papers after acceptance makes the dossier late


class Timing(StrEnum):
    """Calendar rule, for a finished dossier."""

    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn / trễ hạn


class Standing(StrEnum):
    """Calendar rule, for a dossier still in progress on the report day."""

    IN_TIME = "in_time"  # trong hạn
    OVERDUE = "overdue"  # quá hạn


# -- the calendar-date rule (S1) ----------------------------------------------------------------------------
def _day(t: datetime, tz: tzinfo) -> date:
    return t.astimezone(tz).date()


def calendar_timing(finished_at: datetime, due_at: datetime | None, tz: tzinfo) -> Timing:
    """Finished dossier: compare office-local dates. No due date cannot be missed: on time."""
    if due_at is None:
        return Timing.ON_TIME
    f, d = _day(finished_at, tz), _day(due_at, tz)
    return Timing.EARLY if f < d else Timing.LATE if f > d else Timing.ON_TIME


def calendar_standing(due_at: datetime | None, report_day: date, tz: tzinfo) -> Standing:
    """In-progress dossier on ``report_day``: due today is still in time."""
    if due_at is None or _day(due_at, tz) >= report_day:
        return Standing.IN_TIME
    return Standing.OVERDUE


# -- the DVCQG / QĐ 766 rule --------------------------------------------------------------------------------
def dvcqg_ended_on_time(ended_at: datetime, due_at: datetime | None) -> bool:
    """An ended dossier is on time when its end is not after the due instant (no due instant: on time)."""
    return due_at is None or ended_at <= due_at


def dvcqg_in_progress_on_time(cut: datetime, due_at: datetime | None) -> bool:
    """A dossier still running at ``cut`` (the period's end) is on time while due at or after ``cut``."""
    return due_at is None or due_at >= cut


Event = tuple[datetime, "int | None"]  # (at, status_to)


def dvcqg_end(received_at: datetime, events: Iterable[Event]) -> datetime | None:
    """The earliest event moving the dossier to 3, 7, 8, 9 or 10, or its first supplement request (to 5) made
    at or after acceptance; None if there is none (still running)."""
    ends = [
        at for at, to in events
        if to in END_STATUSES or (to == SUPPLEMENT_STATUS and at >= received_at)
    ]
    return min(ends) if ends else None


def supplements_after_acceptance(received_at: datetime, events: Iterable[Event], before: datetime) -> int:
    """Requests for more papers (to 5) made at or after acceptance and before ``before``."""
    return sum(1 for at, to in events if to == SUPPLEMENT_STATUS and received_at <= at < before)


@dataclass(frozen=True)
class DvcqgVerdict:
    """A dossier in the 2.1 base of one period."""

    ended_at: datetime | None  # its end if inside the period, else None (in progress at the period's end)
    supplements: int  # supplement requests after acceptance by the period's end
    on_time: bool


def dvcqg_verdict(
    received_at: datetime | None,
    due_at: datetime | None,
    events: Iterable[Event],
    start: datetime,
    end: datetime,
) -> DvcqgVerdict | None:
    """Indicator 2.1 for one dossier and the period ``[start, end)``; None when it is not in the base (not
    received before ``end``, or ended before ``start``)."""
    if received_at is None or received_at >= end:
        return None
    evs = list(events)
    ended = dvcqg_end(received_at, [(at, to) for at, to in evs if at < end])
    if ended is not None and ended < start:
        return None
    n = supplements_after_acceptance(received_at, evs, end)
    if ended is not None:
        ok = dvcqg_ended_on_time(ended, due_at)
    else:
        ok = dvcqg_in_progress_on_time(end, due_at)
    return DvcqgVerdict(ended, n, n <= MAX_SUPPLEMENTS_ON_TIME and ok)

"""kiosk.core.timeliness: the two named rules of early / on time / late (domain.md §4.4) on their edge cases."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.timeliness import (
    MAX_SUPPLEMENTS_ON_TIME,
    Standing,
    Timing,
    calendar_standing,
    calendar_timing,
    dvcqg_end,
    dvcqg_ended_on_time,
    dvcqg_in_progress_on_time,
    dvcqg_verdict,
    supplements_after_acceptance,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def t(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=VN)


START, END = t(19), t(20)  # the period Thu 19/11/2026


# -- the calendar-date rule ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("finished", "due", "expected"),
    [
        (t(18, 16), t(19, 10), Timing.EARLY),
        (t(19, 16, 30), t(19, 10), Timing.ON_TIME),  # same local date, later hour
        (t(19, 10), t(19, 10), Timing.ON_TIME),  # exactly at due
        (t(20, 6, 30), t(19, 17), Timing.LATE),  # 23:30 UTC on the 19th, but the 20th in office time
        (t(20, 0, 30), t(21, 5), Timing.EARLY),  # office-local dates 20 < 21 (UTC: 19th 17:30, 20th 22:00)
        (t(25, 9), None, Timing.ON_TIME),  # no due date cannot be missed
    ],
)
def test_calendar_timing(finished: datetime, due: datetime | None, expected: Timing) -> None:
    assert calendar_timing(finished, due, VN) is expected


def test_calendar_standing_in_progress() -> None:
    assert calendar_standing(t(19, 17), date(2026, 11, 19), VN) is Standing.IN_TIME  # due today: not late yet
    assert calendar_standing(t(18, 17), date(2026, 11, 19), VN) is Standing.OVERDUE
    assert calendar_standing(None, date(2026, 11, 19), VN) is Standing.IN_TIME


# -- the DVCQG rule -----------------------------------------------------------------------------------------
def test_dvcqg_instants() -> None:
    assert dvcqg_ended_on_time(t(19, 15), t(19, 15))  # ended exactly at due
    assert not dvcqg_ended_on_time(t(19, 15, 1), t(19, 15))
    assert dvcqg_ended_on_time(t(30), None)
    assert dvcqg_in_progress_on_time(END, END)  # due at the period's end: not before it
    assert not dvcqg_in_progress_on_time(END, t(19, 17))
    assert dvcqg_in_progress_on_time(END, None)


def test_dvcqg_end_is_the_first_ending_event() -> None:
    received = t(17, 9)
    events = [(t(16, 9), 5), (t(17, 9), 2), (t(18, 9), 4), (t(19, 9), 5), (t(19, 10), 4), (t(19, 15), 9)]
    assert dvcqg_end(received, events) == t(19, 9)  # the supplement after acceptance; the one before is not
    assert dvcqg_end(received, [(t(17, 9), 2), (t(19, 15), 9), (t(19, 16), 10)]) == t(19, 15)
    for to in (3, 7, 8):
        assert dvcqg_end(received, [(t(18, 9), to)]) == t(18, 9)
    assert dvcqg_end(received, [(t(18, 9), 4), (t(18, 10), 6)]) is None  # a fee pause is not an end
    assert supplements_after_acceptance(received, events, END) == 1
    assert supplements_after_acceptance(received, [*events, (t(20, 9), 5)], END) == 1  # after the period


def test_dvcqg_verdict_edge_cases() -> None:
    v = dvcqg_verdict(t(17, 9), t(19, 15), [(t(19, 15), 9)], START, END)
    assert v is not None and v.on_time and v.ended_at == t(19, 15)  # ended exactly at due
    v = dvcqg_verdict(t(18, 9), END, [], START, END)
    assert v is not None and v.on_time and v.ended_at is None  # in progress, due at the period's end
    v = dvcqg_verdict(t(18, 9), t(19, 17), [], START, END)
    assert v is not None and not v.on_time  # in progress at the period's end, due inside it
    v = dvcqg_verdict(t(18, 9), t(19, 17), [(t(20, 9), 9)], START, END)
    assert v is not None and not v.on_time and v.ended_at is None  # ends only after the period
    # two supplement requests after acceptance → late, though each end is before due
    two = [(t(19, 9), 5), (t(19, 10), 4), (t(19, 15), 5)]
    v = dvcqg_verdict(t(18, 9), t(25, 17), two, START, END)
    assert v is not None and v.supplements == 2 > MAX_SUPPLEMENTS_ON_TIME and not v.on_time
    # one request only by the period's end: on time (the second comes later)
    v = dvcqg_verdict(t(18, 9), t(25, 17), [(t(19, 9), 5), (t(19, 10), 4), (t(21, 9), 5)], START, END)
    assert v is not None and v.supplements == 1 and v.on_time
    # no due instant: on time, in progress or ended
    assert dvcqg_verdict(t(18, 9), None, [], START, END).on_time  # type: ignore[union-attr]
    assert dvcqg_verdict(t(18, 9), None, [(t(19, 9), 9)], START, END).on_time  # type: ignore[union-attr]
    # … but not with two supplement requests
    assert not dvcqg_verdict(t(18, 9), None, two, START, END).on_time  # type: ignore[union-attr]
    # out of the base: ended before the period, received after it, never received
    assert dvcqg_verdict(t(10, 9), t(17, 17), [(t(16, 9), 9), (t(19, 9), 10)], START, END) is None
    assert dvcqg_verdict(t(10, 9), t(25, 17), [(t(12, 9), 5), (t(13, 9), 4)], START, END) is None
    assert dvcqg_verdict(t(20, 9), t(25, 17), [], START, END) is None
    assert dvcqg_verdict(None, t(25, 17), [], START, END) is None

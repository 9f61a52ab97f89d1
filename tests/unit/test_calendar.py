"""Working days, due dates, the 15:00 rule, the acceptance window and supplement pauses (domain.md §4)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.calendar import DEFAULT_TZ as VN
from kiosk.core.calendar import (
    CalendarAdjustments,
    CalendarDataError,
    OfficeHours,
    WorkCalendar,
    holidays_in,
    parse_local,
)
from kiosk.core.timelimits import TimeLimit

CAL = WorkCalendar()


def t(text: str) -> datetime:
    return parse_local(text)


def due(received: str, kind: str, amount: float = 0) -> str:
    r = CAL.due_date(t(received), TimeLimit(kind, amount))  # type: ignore[arg-type]
    assert r.due is not None
    return r.due.strftime("%Y-%m-%d %H:%M")


# -- days off ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "day",
    ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27",
     "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02",
     "2027-01-01", "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-04-16",
     "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03"],
)
def test_public_holidays_are_not_working_days(day: str) -> None:
    assert not CAL.is_working_day(date.fromisoformat(day))


def test_compensatory_days_2026_and_2027() -> None:
    # Giỗ Tổ 2026 falls on Sunday 26/4 → Monday 27/4 off; 1/5/2027 is a Saturday → Monday 3/5 off
    assert date(2026, 4, 26).weekday() == 6 and not CAL.is_working_day(date(2026, 4, 27))
    assert date(2027, 5, 1).weekday() == 5 and not CAL.is_working_day(date(2027, 5, 3))
    assert CAL.is_working_day(date(2026, 4, 28)) and CAL.is_working_day(date(2027, 5, 4))


def test_swapped_saturday_from_data_file_is_a_working_day() -> None:
    assert CAL.is_working_day(date(2026, 8, 22))  # worked for Monday 31/8/2026
    assert not CAL.is_working_day(date(2026, 8, 29))  # an ordinary Saturday


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[2026]\nworking_days = [{ date = 2027-01-02, name = 'x' }]\n", "not a date of that year"),
        ("[2026]\nworking_days = [2026-01-05]\n", "not a Saturday or Sunday"),
        ("[2026]\ndays_off = [{ date = 2026-01-05, kind = 'party', name = 'x' }]\n", "kind must be"),
        ("[2026]\ndays_off = [2026-01-03]\nworking_days = [2026-01-03]\n", "both"),
        ("[twenty]\ndays_off = []\n", "not a year table"),
        ("[2026\n", "vn_holidays.toml|data.toml"),
    ],
)
def test_holiday_file_is_checked_when_loaded(tmp_path, text: str, match: str) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "data.toml"
    f.write_text(text)
    with pytest.raises(CalendarDataError, match=match):
        CalendarAdjustments.load(f)


def test_weekdays_in_tet_2027_off_count() -> None:
    off = [d for d in holidays_in(CAL, [2027]) if date(2027, 2, 1) <= d <= date(2027, 2, 28)]
    assert off == [date(2027, 2, d) for d in (4, 5, 8, 9, 10)]


# -- start-time normalisation ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("received", "start"),
    [
        ("2026-11-25 06:15", "2026-11-25 07:00"),  # before opening
        ("2026-11-25 12:00", "2026-11-25 13:30"),  # lunch break
        ("2026-11-25 11:30", "2026-11-25 13:30"),  # exactly at the start of lunch
        ("2026-11-25 17:00", "2026-11-26 07:00"),  # at closing
        ("2026-11-25 21:40", "2026-11-26 07:00"),  # evening
        ("2026-11-27 18:00", "2026-11-30 07:00"),  # Friday evening → Monday
        ("2026-11-28 10:00", "2026-11-30 07:00"),  # Saturday
        ("2026-02-14 09:00", "2026-02-23 07:00"),  # Saturday before Tết 2026 → after Tết
        ("2026-11-25 09:10", "2026-11-25 09:10"),  # already in office hours
    ],
)
def test_normalise(received: str, start: str) -> None:
    assert CAL.normalise(t(received)).strftime("%Y-%m-%d %H:%M") == start


# -- limits ---------------------------------------------------------------------------------------------------
def test_working_days_skip_weekend_and_tet_2026() -> None:
    assert due("2026-11-25 09:00", "working_days", 3) == "2026-11-30 09:00"
    assert due("2026-02-12 10:00", "working_days", 3) == "2026-02-24 10:00"  # Thu → Fri 13, Mon 23, Tue 24
    assert due("2027-02-03 16:00", "working_days", 1) == "2027-02-11 16:00"  # Tết 2027 (4–10/2) skipped


def test_working_days_start_in_lunch_and_after_close() -> None:
    assert due("2026-11-25 12:10", "working_days", 1) == "2026-11-26 13:30"
    assert due("2026-11-25 17:30", "working_days", 1) == "2026-11-27 07:00"


def test_half_working_day_crosses_lunch() -> None:
    # 4 working hours from 10:00: 1.5 h to 11:30, 2.5 h from 13:30 → 16:00
    assert due("2026-11-25 10:00", "working_days", 0.5) == "2026-11-25 16:00"


def test_working_hours_cross_night_and_weekend() -> None:
    assert due("2026-11-25 12:00", "working_hours", 8) == "2026-11-26 11:30"
    assert due("2026-11-27 15:00", "working_hours", 8) == "2026-11-30 15:00"  # Fri 2h, Mon 4.5h + 1.5h


def test_calendar_days_landing_on_a_holiday_move_to_next_working_day() -> None:
    assert due("2026-04-24 10:00", "calendar_days", 2) == "2026-04-28 10:00"  # Sun 26 → Mon 27 off → Tue 28
    assert due("2026-11-25 10:00", "calendar_days", 15) == "2026-12-10 10:00"


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2026-11-25 14:59", "2026-11-25 17:00"),
        ("2026-11-25 15:00", "2026-11-25 17:00"),  # at 15:00 still same day
        ("2026-11-25 15:01", "2026-11-26 17:00"),  # after 15:00 → next working day
        ("2026-11-27 16:00", "2026-11-30 17:00"),  # Friday afternoon → Monday
        ("2026-11-25 12:00", "2026-11-25 17:00"),  # lunch, before the cut-off
        ("2026-02-13 15:30", "2026-02-23 17:00"),  # Friday before Tết → after Tết
    ],
)
def test_same_day_15h_rule(received: str, expected: str) -> None:
    assert due(received, "same_day") == expected


def test_no_time_limit_has_no_due() -> None:
    r = CAL.due_date(t("2026-11-25 10:00"), TimeLimit("none"))
    assert r.due is None and r.start == t("2026-11-25 10:00")


def test_accept_deadline_is_eight_working_hours() -> None:
    assert CAL.accept_deadline(t("2026-11-25 16:00")).strftime("%Y-%m-%d %H:%M") == "2026-11-26 16:00"
    assert CAL.accept_deadline(t("2026-11-28 09:00")).strftime("%Y-%m-%d %H:%M") == "2026-11-30 17:00"


def test_supplement_pause_keeps_time_used_and_shifts_due() -> None:
    start = t("2026-11-25 09:00")
    d = CAL.due_date(start, TimeLimit("working_days", 3)).due  # 30/11 09:00
    assert d is not None
    paused, resumed = t("2026-11-26 09:00"), t("2026-12-02 09:00")  # 1 working day used; 2 remain
    new_due = CAL.resume_after_pause(d, paused, resumed)
    assert new_due.strftime("%Y-%m-%d %H:%M") == "2026-12-04 09:00"
    assert CAL.working_time_between(paused, d) == CAL.working_time_between(resumed, new_due) == timedelta(hours=16)


def test_office_hours_are_configurable() -> None:
    cal = WorkCalendar(hours=OfficeHours(time(8), time(12), time(13), time(17)))
    assert cal.normalise(t("2026-11-25 07:30")).strftime("%H:%M") == "08:00"
    assert cal.accept_deadline(t("2026-11-25 08:00")).strftime("%Y-%m-%d %H:%M") == "2026-11-25 17:00"


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError):
        CAL.normalise(datetime(2026, 11, 25, 9))


# -- properties -----------------------------------------------------------------------------------------------
instants = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 1)).map(
    lambda d: d.replace(tzinfo=VN, second=0, microsecond=0)
)
limits = st.one_of(
    st.builds(TimeLimit, st.just("working_days"), st.integers(0, 30)),
    st.builds(TimeLimit, st.just("working_days"), st.sampled_from([0.5, 1.5, 2.25])),
    st.builds(TimeLimit, st.just("calendar_days"), st.integers(0, 45)),
    st.builds(TimeLimit, st.just("working_hours"), st.integers(1, 120)),
    st.just(TimeLimit("same_day")),
)


@settings(max_examples=300, deadline=None)
@given(received=instants, limit=limits)
def test_due_is_a_working_instant_and_never_before_start(received: datetime, limit: TimeLimit) -> None:
    r = CAL.due_date(received, limit)
    assert r.due is not None
    assert CAL.is_working_day(r.due.date())
    assert CAL.is_working_instant(r.start)
    assert r.due >= r.start >= received


@settings(max_examples=200, deadline=None)
@given(received=instants, hours=st.floats(0.25, 200))
def test_adding_working_hours_adds_exactly_that_working_time(received: datetime, hours: float) -> None:
    start = CAL.normalise(received)
    end = CAL.add_working_hours(start, hours)
    elapsed = CAL.working_time_between(start, end).total_seconds() / 3600
    assert abs(elapsed - hours) < 1e-6


# -- the project's own holiday data (issue 13 point 8) ---------------------------------------------------------
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tomllib  # noqa: E402

from kiosk.core.calendar import HOLIDAYS_FILE, CalendarCoverageError  # noqa: E402

DATA = tomllib.loads(HOLIDAYS_FILE.read_text(encoding="utf-8"))
YEARS = sorted(int(k) for k in DATA if k.isdigit())


def days_off(year: int, kind: str | None = None, name: str = "") -> list[date]:
    return sorted(e["date"] for e in DATA[str(year)]["days_off"] if (kind is None or e["kind"] == kind) and name in e["name"])


def test_data_covers_every_year_the_project_serves() -> None:
    assert set(range(2024, 2031)) <= set(YEARS) and YEARS == list(range(YEARS[0], YEARS[-1] + 1))
    assert all(DATA[str(y)]["status"] in ("official", "pattern") and DATA[str(y)]["source"] for y in YEARS)
    with pytest.raises(CalendarCoverageError, match="no holiday data for 9999"):
        CAL.is_working_day(date(9999, 1, 4))
    with pytest.raises(CalendarCoverageError):
        CAL.due_date(t("2031-12-30 09:00"), TimeLimit("working_days", 5))


def _next_weekdays(d: date, n: int) -> list[date]:
    out = []
    while len(out) < n:
        d += timedelta(days=1)
        if d.weekday() < 5:
            out.append(d)
    return out


@pytest.mark.parametrize("year", YEARS)
def test_every_year_follows_labour_code_art_112(year: int) -> None:
    """Fixed-date holidays in force that year are days off, and one on a weekend has a compensatory day on a
    following weekday (Art. 111(3)); Tết has at least 5 days, Giỗ Tổ one, Quốc khánh 2/9 plus 1/9 or 3/9."""
    off = set(days_off(year))
    for rule in DATA["rule"]:
        if rule["effective_from"] > date(year, 12, 31):
            assert date(year, rule["month"], rule["day"]) not in off or rule["name"] == "", rule
            continue
        d = date(year, rule["month"], rule["day"])
        assert d in off, (year, rule["name"])
        if d.weekday() >= 5:
            compensatory = set(days_off(year, "compensatory"))
            assert compensatory & set(_next_weekdays(d, 3)), (year, rule["name"], "no compensatory day")
    assert len(days_off(year, "holiday", "Tết Nguyên đán")) >= 5
    tet = days_off(year, "holiday", "Tết Nguyên đán")
    assert (tet[-1] - tet[0]).days == len(tet) - 1, "Tết days are consecutive"
    assert len(days_off(year, "holiday", "Hùng Vương")) == 1
    assert {date(year, 9, 1), date(year, 9, 3)} & off
    for w in DATA[str(year)]["working_days"]:  # a worked Saturday always pays for a swapped weekday off
        assert w["date"].weekday() >= 5 and days_off(year, "swap")


# domain.md §4.3: the weekdays off of 2025-2027, as the table states them
DOMAIN_TABLE = {
    2025: ["01-01", "01-27", "01-28", "01-29", "01-30", "01-31", "04-07", "04-30", "05-01", "05-02", "09-01", "09-02"],
    2026: ["01-01", "02-16", "02-17", "02-18", "02-19", "02-20", "04-27", "04-30", "05-01", "08-31", "09-01", "09-02",
           "11-24"],
    2027: ["01-01", "02-04", "02-05", "02-08", "02-09", "02-10", "04-16", "04-30", "05-03", "09-02", "09-03", "11-24"],
}


@pytest.mark.parametrize("year", sorted(DOMAIN_TABLE))
def test_weekdays_off_match_the_domain_table(year: int) -> None:
    assert [d.strftime("%m-%d") for d in holidays_in(CAL, [year])] == DOMAIN_TABLE[year]


# Days on which the `holidays` package (some version of it) and our data may disagree, and why our data is right.
# Any difference not listed here fails the test; a listed one is printed, never hidden.
KNOWN_DIFFERENCES = {
    date(2025, 5, 2): "swap (Sat 26/4 worked) announced in 2025; holidays < 0.7x does not list it",
    date(2026, 8, 31): "swap for Quốc khánh 2026 (Sat 22/8 worked); listed by holidays 0.109, not by older versions",
    date(2026, 11, 24): "Ngày Văn hóa Việt Nam from 2026 (Nghị quyết 80-NQ/TW); only recent holidays versions have it",
    date(2027, 11, 24): "Ngày Văn hóa Việt Nam (as 2026)",
    date(2028, 11, 24): "Ngày Văn hóa Việt Nam (as 2026)",
    date(2029, 11, 26): "Ngày Văn hóa Việt Nam 24/11 on a Saturday: compensatory Monday",
    date(2030, 11, 25): "Ngày Văn hóa Việt Nam 24/11 on a Sunday: compensatory Monday",
    date(2031, 11, 24): "Ngày Văn hóa Việt Nam (as 2026)",
}


def test_cross_check_with_the_holidays_package(capsys) -> None:  # type: ignore[no-untyped-def]
    import holidays

    ours = set(holidays_in(CAL, YEARS))
    lib = {d for d in holidays.country_holidays("VN", years=YEARS) if d.weekday() < 5}
    differences = sorted(ours ^ lib)
    with capsys.disabled():
        print(f"\nholidays {holidays.__version__}: {len(differences)} weekday(s) differ from vn_holidays.toml")
        for d in differences:
            print(f"  {d} ours={'off' if d in ours else 'working'}: {KNOWN_DIFFERENCES.get(d, 'UNEXPLAINED')}")
    unexplained = [d for d in differences if d not in KNOWN_DIFFERENCES]
    assert not unexplained, f"differences with holidays {holidays.__version__} not explained: {unexplained}"
    for d in KNOWN_DIFFERENCES:  # each explanation says our data has the day off: keep that true
        assert d in ours, d


DUE_CASES = [
    ("2025-04-29 09:00", "3"),  # 30/4, 1/5 and the 2/5 swap off → due Wed 7/5/2025
    ("2026-08-28 09:00", "1"),  # Mon 31/8 (swap), 1/9 and 2/9 off → due Thu 3/9/2026
    ("2026-11-23 14:00", "0.5"),  # 3 h on Mon 23/11, 24/11/2026 (Ngày Văn hóa Việt Nam) off, 1 h on 25/11
    ("2027-02-03 10:00", "2"),  # Tết 2027 (4/2-10/2) skipped → Fri 12/2/2027
]


def _due_dates_in_subprocess(block_holidays: bool) -> list[str]:
    prelude = "import sys\n" + ("sys.modules['holidays'] = None  # any import of it now fails\n" if block_holidays else "")
    code = prelude + (
        "import contextlib, io, json\n"
        "from kiosk.cli import main\n"
        f"out = []\nfor received, days in {DUE_CASES!r}:\n"
        "    buf = io.StringIO()\n"
        "    with contextlib.redirect_stdout(buf):\n"
        "        rc = main(['due-date', '--received', received, '--working-days', days, '--json'])\n"
        "    assert rc == 0, rc\n"
        "    out.append(json.loads(buf.getvalue())['due'])\n"
        "print(json.dumps(out))\n"
        "assert 'holidays' not in sys.modules or sys.modules['holidays'] is None\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")} | {"KIOSK_ENVIRONMENT": "test"}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr
    import json

    return list(json.loads(p.stdout))


def test_due_date_does_not_depend_on_the_holidays_package() -> None:
    blocked = _due_dates_in_subprocess(block_holidays=True)
    assert blocked == _due_dates_in_subprocess(block_holidays=False)
    assert [d[:16] for d in blocked] == ["2025-05-07T09:00", "2026-09-03T09:00", "2026-11-25T08:00", "2027-02-12T10:00"]

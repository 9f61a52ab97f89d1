"""Report figures on hand-built data (tests/unit/report_data.py); every expected number is derived in comments.

The report day is Thursday 19/11/2026; the clock says Wednesday 25/11 09:00, so the day is over and the
stock figures are measured at Fri 20/11 00:00 (as_of). "Sắp trễ" limit = as_of + 8 working hours = Fri 17:00.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.core.reports import Period, ReportFilters, ReportService, UnknownMetric
from tests.unit.report_data import (
    AGENCY,
    OTHER_AGENCY,
    P1,
    build_dates,
    build_indicators,
    build_main,
    build_pending,
    n,
)

THU = date(2026, 11, 19)


@pytest.fixture
def rapp(settings, clock) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from kiosk.app import build_app

    a = build_app(settings, clock=clock, sync_catalogue=False)
    yield a
    a.close()


def _service(rapp, builder) -> ReportService:  # type: ignore[no-untyped-def]
    from kiosk.models.database import session_scope

    with session_scope(rapp.session_factory) as s:
        builder(s, rapp.calendar)
    return ReportService(rapp.session_factory, rapp.calendar, rapp.clock)


@pytest.fixture
def main_svc(rapp, database_url: str) -> ReportService:  # type: ignore[no-untyped-def]
    return _service(rapp, build_main)


def test_empty_period_gives_zero_counts_and_null_rates(rapp, database_url: str) -> None:  # type: ignore[no-untyped-def]
    svc = ReportService(rapp.session_factory, rapp.calendar, rapp.clock)
    j = svc.summary(Period.day(THU)).to_json()
    assert j["received_total"] == 0
    assert j["received_by_channel"] == {"counter": 0, "kiosk": 0, "kiosk_assisted": 0, "online": 0, "postal": 0}
    for key in ("on_time_rate", "online_rate", "online_payment_rate", "digitised_rate", "e_result_rate",
                "reuse_rate", "rating_avg", "satisfaction_rate"):
        assert j[key] is None, key
    assert j["kiosk_operations"]["completion_rate"] is None
    assert j["kiosk_operations"]["median_session_seconds"] is None


def test_every_key_of_the_daily_summary(main_svc: ReportService) -> None:
    j = main_svc.summary(Period.day(THU)).to_json()
    assert j["period"] == {"from": "2026-11-19", "to": "2026-11-19", "days": 1}
    assert j["as_of"] == n(20).isoformat()
    # received (accepted) on 19/11: A1 A2 A3 A4 A5 A6 Z1
    assert j["received_total"] == 7
    assert j["received_by_channel"] == {"counter": 3, "kiosk": 1, "kiosk_assisted": 1, "online": 1, "postal": 1}
    # current status of those 7: 4 → A1 A3 Z1; 2 → A2; 10 → A4; 9 → A5; 5 → A6
    assert j["received_by_status"] == {
        "1": 0, "2": 1, "3": 0, "4": 3, "5": 1, "6": 0, "7": 0, "8": 0, "9": 1, "10": 1
    }
    # submitted on 19/11: A1 A3 A6 Z1 P2 P5
    assert j["submitted_total"] == 6
    assert j["submitted_by_channel"] == {"counter": 3, "kiosk": 1, "kiosk_assisted": 1, "online": 0, "postal": 1}
    # events on 19/11: accepted A1 (counter submit → 2) A2 A3 A4 A5 A6 Z1; supplement A6; refused B3, C1
    assert j["accepted"] == 7
    assert j["supplement_requested"] == 1
    assert j["refused"] == 2
    assert j["apologies"] == 1  # E2
    # P1 (deadline 19/11 11:00) and P4 (deadline 19/11 08:00, accepted only on 20/11) were past 8 h at as_of;
    # P2's window ends Fri 10:00; P5 is postal; A4 was accepted (late) before as_of
    assert j["pending_online_past_8h"] == 2
    # in progress at Fri 00:00: A1 A2 A3 Z1 E1 E2 E3 (E3 finished only on 20/11); A6, E4 paused (5, 6)
    assert j["in_progress"] == 7
    assert j["due_today"] == 1  # A3 due 19/11 17:00
    assert j["overdue_in_progress"] == 2  # E1 due 17/11, E3 due 18/11
    assert j["due_soon"] == 2  # A3 (19/11) and A1 (Fri 20/11 17:00 ≤ limit Fri 17:00)
    # finished on 19/11 (received ones): A4 on time, A5 early, B1 late, B2 on time (same date, later hour),
    # B3 early (refused after receipt), B4 on time (no due date); C1 never received → excluded
    assert j["finished_total"] == 6
    assert (j["finished_early"], j["finished_on_time"], j["finished_late"]) == (2, 3, 1)
    assert j["on_time_rate"] == pytest.approx(5 / 6)
    # 3.3: electronic among received = A2 (kiosk) A3 (assisted) A4 (online) → 3 / 7
    assert j["online_received"] == 3
    assert j["online_rate"] == pytest.approx(3 / 7)
    # 3.6: fee > 0 and not waived: A2 A3 A4 A5 (A6 waived); paid online A2 A4 → 2 / 4
    assert (j["fee_bearing"], j["paid_online"]) == (4, 2)
    assert j["online_payment_rate"] == pytest.approx(0.5)
    # 4.1: results among finished = status 9/10: A4 A5 B1 B2 B4; e-result A4 B1 → 2 / 5
    assert (j["with_result"], j["e_result"]) == (5, 2)
    assert j["e_result_rate"] == pytest.approx(0.4)
    # 4.2: digitised A1 A2 A3 A4 → 4 / 7; 4.3: reused A2 A4 → 2 / 7
    assert j["digitised_rate"] == pytest.approx(4 / 7)
    assert j["reuse_rate"] == pytest.approx(2 / 7)
    # ratings of received dossiers: A2 5, A3 2, A4 4 → avg 11/3; dislike (≤ 2) A3 → 1/3
    assert (j["rated"], j["disliked"]) == (3, 1)
    assert j["rating_avg"] == pytest.approx(11 / 3)
    # 5.4: 1 − late 1/6 − dislike 1/3 = 0.5
    assert j["late_share"] == pytest.approx(1 / 6)
    assert j["dislike_share"] == pytest.approx(1 / 3)
    assert j["satisfaction_rate"] == pytest.approx(0.5)
    k = j["kiosk_operations"]
    # sessions started 19/11: 6; with an outcome 5; completed 2 → 0.4; assisted 1 / 6
    assert (k["sessions"], k["ended"], k["completed"]) == (6, 5, 2)
    assert k["completion_rate"] == pytest.approx(0.4)
    assert k["assisted_share"] == pytest.approx(1 / 6)
    # durations 60 120 240 360 600 s → median 240
    assert k["median_session_seconds"] == pytest.approx(240)
    assert k["top_failure_causes"] == [{"cause": "card_read", "count": 2}, {"cause": "printer", "count": 1}]
    assert k["rating_avg"] == pytest.approx(3.0)  # (5 + 1) / 2


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # K1: A2 received; P2 submitted; sessions S1 S2 S5 S6
        (ReportFilters(kiosk_id="K1"), {"received_total": 1, "online_rate": 1.0, "submitted_total": 1,
                                        "in_progress": 1, "finished_total": 0, "on_time_rate": None,
                                        "k": (4, 3, 2, 240.0)}),
        # Cư trú (P2): A3 A4 A6 received; A4 B2 finished (both on time); ratings 2, 4
        (ReportFilters(field="Cư trú"), {"received_total": 3, "online_rate": 2 / 3, "finished_total": 2,
                                         "on_time_rate": 1.0, "rating_avg": 3.0, "pending_online_past_8h": 0}),
        # 1.001193: A1 A2 A5 Z1 received; finished A5 B3 early, B1 late, B4 on time; pending P1 P4
        (ReportFilters(procedure_code=P1), {"received_total": 4, "finished_early": 2, "finished_late": 1,
                                            "finished_on_time": 1, "on_time_rate": 0.75,
                                            "pending_online_past_8h": 2, "overdue_in_progress": 2}),
        (ReportFilters(agency_code=OTHER_AGENCY), {"received_total": 1, "in_progress": 1, "on_time_rate": None,
                                                  "digitised_rate": 0.0}),
        (ReportFilters(agency_code=AGENCY), {"received_total": 6, "online_rate": 0.5}),
    ],
)
def test_filters(main_svc: ReportService, filters: ReportFilters, expected: dict) -> None:  # type: ignore[type-arg]
    j = main_svc.summary(Period.day(THU), filters).to_json()
    for key, value in expected.items():
        if key == "k":
            k = j["kiosk_operations"]
            assert (k["sessions"], k["ended"], k["completed"], k["median_session_seconds"]) == value
        elif value is None:
            assert j[key] is None, key
        else:
            assert j[key] == pytest.approx(value), key
    assert j["filters"] == filters.as_json()


def test_drill_down_lists_the_dossiers_behind_each_number(main_svc: ReportService) -> None:
    day = Period.day(THU)
    behind = main_svc.dossiers_behind
    assert behind("received_by_channel.counter", day) == ["A1", "A6", "Z1"]
    assert behind("pending_online_past_8h", day) == ["P1", "P4"]
    assert behind("overdue_in_progress", day) == ["E1", "E3"]
    assert behind("accepted", day) == ["A1", "A2", "A3", "A4", "A5", "A6", "Z1"]
    assert behind("refused", day) == ["B3", "C1"]
    assert behind("finished_late", day) == ["B1"]
    assert behind("online_rate", day) == ["A2", "A3", "A4"]
    assert behind("on_time_rate", day) == ["A4", "A5", "B2", "B3", "B4"]
    assert behind("satisfaction_rate", day) == ["A3", "B1"]
    assert behind("received_total", day, ReportFilters(kiosk_id="K1")) == ["A2"]
    with pytest.raises(UnknownMetric):
        behind("no_such_metric", day)


def test_every_count_matches_its_drill_down(main_svc: ReportService) -> None:
    day = Period.day(THU)
    j = main_svc.summary(day).to_json()
    for key in main_svc.metric_keys():
        if key in j["indicators"]:
            if key in ("2.2", "5.4"):  # an average / a score: their lists are checked in test_indicators
                continue
            value = j["indicators"][key]["numerator"]
        elif "." in key:
            group, sub = key.split(".")
            if group not in j:  # per-level counts, shown through the 3.3_* indicators
                continue
            value = j[group][sub]
        elif isinstance(j.get(key), int):
            value = j[key]
        else:
            continue
        assert len(main_svc.dossiers_behind(key, day)) == value, key


def test_today_is_measured_now(main_svc: ReportService) -> None:
    # Thu 19/11 at 10:00: A4 (08:30) A1 (08:00) A2 (09:00) received so far; P1's window ends at 11:00
    r = main_svc.summary(Period.day(THU), now=n(19, 10)).to_json()
    assert r["as_of"] == n(19, 10).isoformat()
    assert r["received_total"] == 3
    assert r["pending_online_past_8h"] == 1  # P4 (deadline 08:00, accepted only on 20/11)


def test_pending_online_window_across_lunch_and_weekend(rapp, database_url: str) -> None:  # type: ignore[no-untyped-def]
    svc = _service(rapp, build_pending)
    cal = rapp.calendar
    # 11:00 Wed + 0.5 h to lunch + 3.5 h afternoon + 4 h Thu morning = Thu 11:00
    assert cal.accept_deadline(n(18, 11)) == n(19, 11)
    # 15:00 Fri + 2 h + (Sat, Sun closed) + 4.5 h Mon morning + 1.5 h = Mon 15:00
    assert cal.accept_deadline(n(20, 15)) == n(23, 15)
    thu, sat, mon = Period.day(THU), Period.day(date(2026, 11, 21)), Period.day(date(2026, 11, 23))
    assert svc.summary(thu, now=n(19, 10, 59)).pending_online_past_8h == 0
    assert svc.summary(thu, now=n(19, 11)).pending_online_past_8h == 1  # L1
    assert svc.summary(sat).pending_online_past_8h == 2  # L1, L2 (Fri 10:00); W1 waits for Monday
    assert svc.summary(mon, now=n(23, 14, 59)).pending_online_past_8h == 2
    assert svc.summary(mon, now=n(23, 15)).pending_online_past_8h == 3
    assert svc.dossiers_behind("pending_online_past_8h", mon, now=n(23, 15)) == ["L1", "L2", "W1"]


def test_early_on_time_late_compare_local_calendar_dates(rapp, database_url: str) -> None:  # type: ignore[no-untyped-def]
    svc = _service(rapp, build_dates)
    r = svc.summary(Period.day(date(2026, 11, 20)))
    assert (r.finished_early, r.finished_on_time, r.finished_late) == (1, 1, 1)
    assert svc.dossiers_behind("finished_late", Period.day(date(2026, 11, 20))) == ["T-LATE"]
    assert svc.dossiers_behind("finished_early", Period.day(date(2026, 11, 20))) == ["T-EARLY"]
    assert r.on_time_rate == pytest.approx(2 / 3)
    rows = {row.code: row.timing for row in svc.dossier_rows(Period.day(date(2026, 11, 20)))}
    assert rows == {"T-LATE": "late", "T-SAME": "on_time", "T-EARLY": "early"}


def test_week_month_and_range(main_svc: ReportService) -> None:
    week = Period.week(THU)
    assert (week.start, week.end) == (date(2026, 11, 16), date(2026, 11, 22))
    month = Period.month(THU)
    assert (month.start, month.end, month.days) == (date(2026, 11, 1), date(2026, 11, 30), 30)
    # received 16–22/11: A1..A6 Z1 (19), B2 E2 (16), B3 (18), P4 (20) = 11
    assert main_svc.summary(week).received_total == 11
    # November: + B1 E3 E4 (10), B4 (12), E1 (5) = 16
    assert main_svc.summary(month).received_total == 16
    # finished 19–20/11: the 6 of the 19th + E3 (20/11 10:00, due 18/11: late)
    r = main_svc.summary(Period.between(THU, date(2026, 11, 20)))
    assert (r.finished_total, r.finished_late) == (7, 2)
    with pytest.raises(ValueError):
        Period.between(date(2026, 11, 20), THU)


def test_daily_series(main_svc: ReportService) -> None:
    series = main_svc.daily_series(30, end=THU)
    assert len(series) == 30
    assert series[0].day == date(2026, 10, 21) and series[-1].day == THU
    by_day = {p.day: p for p in series}
    p19 = by_day[THU]
    assert (p19.received, p19.online, p19.finished, p19.on_time, p19.late) == (7, 3, 6, 5, 1)
    assert (by_day[date(2026, 11, 16)].received, by_day[date(2026, 11, 10)].received) == (2, 3)
    assert by_day[date(2026, 11, 18)].finished == 0
    assert sum(p.received for p in series) == 15  # November up to the 19th, without P4 (20/11)
    # a short series ending today (25/11): E3 finished on the 20th, late
    last = main_svc.daily_series(7)
    assert last[-1].day == date(2026, 11, 25)
    assert {p.day: p.late for p in last}[date(2026, 11, 20)] == 1


def test_dossier_rows_cover_the_period(main_svc: ReportService, tmp_path: Path) -> None:
    rows = main_svc.dossier_rows(Period.day(THU))
    codes = [r.code for r in rows]
    # received (7) + finished-only (B1 B2 B3 B4 C1) + submitted-only (P2 P5)
    assert codes == sorted(["A1", "A2", "A3", "A4", "A5", "A6", "Z1", "B1", "B2", "B3", "B4", "C1", "P2", "P5"])
    timing = {r.code: r.timing for r in rows}
    assert (timing["B1"], timing["A5"], timing["B4"], timing["C1"], timing["A1"]) == ("late", "early", "on_time", None, None)


INDICATOR_KEYS = {"1.4", "2.1", "2.2", "3.3", "3.3_toan_trinh", "3.3_mot_phan", "3.6", "4.1", "4.2", "4.3", "5.4"}


def _ind(j: dict, key: str) -> tuple:  # type: ignore[type-arg]
    x = j["indicators"][key]
    return x["numerator"], x["denominator"], x["rate"], x["target"], x["met"]


def test_indicators(rapp, database_url: str) -> None:  # type: ignore[no-untyped-def]
    """Every QĐ 766 indicator of tests/unit/report_data.py::build_indicators, worked out by hand."""
    svc = _service(rapp, build_indicators)
    day = Period.day(THU)
    j = svc.summary(day).to_json()
    assert set(j["indicators"]) == INDICATOR_KEYS
    for x in j["indicators"].values():
        assert {"numerator", "denominator", "rate", "target", "met"} <= set(x)
    # received on 19/11: K1 K10 R1 R2 R3
    assert j["received_total"] == 5
    # 1.4 synced: K1 R1 R3
    assert _ind(j, "1.4") == (3, 5, pytest.approx(0.6), None, None)
    # 2.1 base: K1..K7, K10, K11, K12 and R1 R2 R3 (K8 K13 K14 ended before, K9 received after) = 13;
    # on time K1 (in time) K3 (exactly at due) K4 (running, due = period end) K7 (no due) K10 (supplement before
    # acceptance) R1 R3 (running) R2 (ended in time) = 8; late K2 (same date, later hour) K5 K6 (2 supplements)
    # K11 K12
    assert _ind(j, "2.1") == (8, 13, pytest.approx(8 / 13), 1.0, False)
    assert svc.dossiers_behind("dvcqg_base", day) == sorted(
        ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K10", "K11", "K12", "R1", "R2", "R3"])
    assert svc.dossiers_behind("2.1", day) == sorted(["K1", "K3", "K4", "K7", "K10", "R1", "R2", "R3"])
    assert svc.dossiers_behind("dvcqg_late", day) == ["K11", "K12", "K2", "K5", "K6"]
    # the calendar-date rule on the same day: K2 finished on its due date → on time there
    assert j["finished_on_time"] >= 1 and "K2" in svc.dossiers_behind("finished_on_time", day)
    # 2.2 results K1 (4 h) R2 (4.5 h) K2 (13.5 h) K3 (20 h − 4 h paused) = 38 h = 4.75 working days over 4
    num, den, rate, target, met = _ind(j, "2.2")
    assert (num, den, target, met) == (pytest.approx(4.75), 4, None, None)
    assert rate == pytest.approx(1.1875)
    # 3.3 legal channel 2: K10 (online, no stored channel → 2) R2 (stored 2); R1 is a kiosk dossier stored as 1
    assert _ind(j, "3.3") == (2, 5, pytest.approx(0.4), 0.5, False)
    assert j["online_rate"] == pytest.approx(3 / 5)  # the old flat rate counted channels: K10 R1 R2
    assert _ind(j, "3.3_toan_trinh") == (0, 3, 0.0, 0.5, False)  # K1 R1 R3
    assert _ind(j, "3.3_mot_phan") == (2, 2, 1.0, 0.5, True)  # K10 R2
    # 3.6 fee-bearing K10 R1 R2 (R3 waived); confirmed by a payment service K10; R1 ticked by an officer
    assert _ind(j, "3.6") == (1, 3, pytest.approx(1 / 3), 0.5, False)
    assert (j["paid_online_gateway"], j["paid_online_officer"]) == (1, 1)
    assert svc.dossiers_behind("paid_online_officer", day) == ["R1"]
    # 4.1 results K1 K2 K3 R2, electronic K1
    assert _ind(j, "4.1") == (1, 4, 0.25, None, None)
    # 4.2 K1 (one paper scanned, one never provided; e-result) R3 (scanned, no result yet); not K10 (no papers,
    # not digitised), R1 (paper not scanned), R2 (result on paper only)
    assert _ind(j, "4.2") == (2, 5, pytest.approx(0.4), 0.8, False)
    assert svc.dossiers_behind("4.2", day) == ["K1", "R3"]
    # 4.3 K10 (marked reused) R2 (a reused paper)
    assert _ind(j, "4.3") == (2, 5, pytest.approx(0.4), 0.8, False)
    # 5.4 = 1 − late 5/13 − dislike 1/2 (R2 rated 1, R3 rated 5)
    x = j["indicators"]["5.4"]
    assert x["rate"] == pytest.approx(1 - 5 / 13 - 1 / 2)
    assert (x["target"], x["met"]) == (0.9, False)
    assert x["parts"] == {"late": 5, "judged": 13, "disliked": 1, "rated": 2}
    assert svc.dossiers_behind("5.4", day) == ["K11", "K12", "K2", "K5", "K6", "R2"]


def test_indicators_follow_the_timeliness_module(rapp, database_url: str) -> None:  # type: ignore[no-untyped-def]
    """The SQL of 2.1 and kiosk.core.timeliness.dvcqg_verdict classify every dossier alike, for several periods."""
    from sqlalchemy import select

    from kiosk.core.timeliness import dvcqg_verdict
    from kiosk.models.database import session_scope
    from kiosk.models.tables import Dossier

    svc = _service(rapp, build_indicators)
    with session_scope(rapp.session_factory) as s:
        rows = [(d.code, d.received_at, d.due_at, [(e.at, e.status_to) for e in d.events])
                for d in s.scalars(select(Dossier))]
    for period in (Period.day(THU), Period.day(date(2026, 11, 18)), Period.between(date(2026, 11, 16), THU),
                   Period.day(date(2026, 11, 20))):
        b = svc.bounds(period)
        verdicts = {code: dvcqg_verdict(rec, due, evs, b.start, b.as_of) for code, rec, due, evs in rows}
        base = sorted(c for c, v in verdicts.items() if v is not None)
        ok = sorted(c for c, v in verdicts.items() if v is not None and v.on_time)
        assert svc.dossiers_behind("dvcqg_base", period) == base, period
        assert svc.dossiers_behind("2.1", period) == ok, period
        assert svc.summary(period).to_json()["indicators"]["2.1"]["numerator"] == len(ok)


def test_working_clock_equals_the_calendar() -> None:
    """2.2 sums working time through WorkingClock; it must agree with WorkCalendar.working_time_between."""
    import random
    from datetime import timedelta

    from kiosk.core.calendar import WorkCalendar
    from kiosk.core.reports import WorkingClock

    cal = WorkCalendar()
    rnd = random.Random(5)
    first, last = n(2, 0), n(30, 23, 59)
    clock = WorkingClock(cal, first, last)
    assert clock.day_seconds == 8 * 3600
    for _ in range(400):
        a = first + timedelta(minutes=rnd.randrange(0, 28 * 24 * 60), seconds=rnd.random())
        b = a + timedelta(minutes=rnd.randrange(0, 10 * 24 * 60))
        if b > last:
            continue
        assert clock.seconds(b) - clock.seconds(a) == pytest.approx(cal.working_time_between(a, b).total_seconds()), (a, b)
    # across the weekend 21–22/11 and lunch: Fri 16:00 → Mon 08:00 = 1 h + 1 h
    assert clock.seconds(n(23, 8)) - clock.seconds(n(20, 16)) == 2 * 3600

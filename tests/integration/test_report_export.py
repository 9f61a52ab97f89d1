"""`kiosk report` against `kiosk dossier export`: every figure recomputed in plain Python from the JSONL.

A month of synthetic history is seeded with `kiosk demo seed`; for the month, a week and single days the
report's JSON must equal what docs/METRICS.md says, applied line by line to the export of the same period
(no SQL, no report code), QĐ 766 ``indicators`` included (2.1 by the DVCQG rule from each dossier's history).
Kiosk-session figures are not dossier data: they are recomputed from the raw
``kiosk_sessions`` rows. Also: parallel seed processes share the daily code sequence without duplicates or
gaps, and seeding never changes rows that were already there.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.cli import main
from kiosk.core.workflow import Action, Status

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CHANNELS = ("counter", "kiosk", "kiosk_assisted", "online", "postal")
ELECTRONIC = {"kiosk", "kiosk_assisted", "online"}
ROOT = Path(__file__).resolve().parents[2]
# KenhThucHien of a dossier stored before the legal channel was (docs/METRICS.md): kiosk counts as online
LEGACY_LEGAL = {"counter": 1, "kiosk": 2, "kiosk_assisted": 2, "online": 2, "postal": 3}
TARGETS = {"1.4": None, "2.1": 1.0, "2.2": None, "3.3": 0.5, "3.3_toan_trinh": 0.5, "3.3_mot_phan": 0.5, "3.6": 0.5,
           "4.1": None, "4.2": 0.8, "4.3": 0.8, "5.4": 0.9}


def _month_start() -> date:
    """The first day of last month: a finished period, whatever day the tests run."""
    first_this = datetime.now(VN).date().replace(day=1)
    return (first_this - timedelta(days=1)).replace(day=1)


@pytest.fixture
def seeded_month(database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> date:
    monkeypatch.setenv("KIOSK_DATABASE_URL", database_url)
    start = _month_start()
    assert main(["demo", "seed", "--days", "20", "--per-day", "30", "--start", start.isoformat(), "--seed", "9",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dossiers"] == 20 * 30 and out["days"] == 20
    return start


def _t(s: str | None) -> datetime | None:
    return datetime.fromisoformat(s).astimezone(VN) if s else None


def _le(t: datetime | None, ref: datetime) -> bool:
    return t is not None and t <= ref


def _rate(n: int, d: int) -> float | None:
    return n / d if d else None


def recompute(lines: list[dict[str, Any]], first: date, last: date, sessions: list[dict[str, Any]]) -> dict[str, Any]:
    """docs/METRICS.md, line by line. The period is finished, so as_of is its end."""
    from kiosk.core.calendar import WorkCalendar

    start = datetime.combine(first, time(0), tzinfo=VN)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=VN)
    as_of = end
    ref0, ref1 = datetime.combine(last, time(0), tzinfo=VN), end
    soon = WorkCalendar().add_working_hours(as_of, 8)
    r: dict[str, Any] = {k: 0 for k in (
        "received_total", "submitted_total", "accepted", "supplement_requested", "refused", "apologies",
        "pending_online_past_8h", "in_progress", "due_today", "due_soon", "overdue_in_progress", "finished_total",
        "finished_early", "finished_on_time", "finished_late", "online_received", "fee_bearing", "paid_online",
        "with_result", "e_result", "digitised", "reused", "rated", "disliked")}
    r["received_by_channel"] = {c: 0 for c in CHANNELS}
    r["submitted_by_channel"] = {c: 0 for c in CHANNELS}
    r["received_by_status"] = {str(s): 0 for s in range(1, 11)}
    ratings: list[int] = []
    for d in lines:
        sub, rec, due, fin = _t(d["submitted_at"]), _t(d["received_at"]), _t(d["due_at"]), _t(d["finished_at"])
        supp, deadline = _t(d["supplement_requested_at"]), _t(d["accept_deadline"])
        if sub is not None and start <= sub < as_of:
            r["submitted_total"] += 1
            r["submitted_by_channel"][d["channel"]] += 1
        if rec is not None and start <= rec < as_of:
            r["received_total"] += 1
            r["received_by_channel"][d["channel"]] += 1
            r["received_by_status"][str(d["status"])] += 1
            r["online_received"] += d["channel"] in ELECTRONIC
            fee_bearing = d["fee"] > 0 and d["payment_state"] != "waived"
            r["fee_bearing"] += fee_bearing
            r["paid_online"] += fee_bearing and d["paid_online"]
            r["digitised"] += d["digitised"]
            r["reused"] += d["reused"]
            if d["rating"] is not None:
                r["rated"] += 1
                r["disliked"] += d["rating"] <= 2
                ratings.append(d["rating"])
        if rec is not None and fin is not None and start <= fin < as_of:
            r["finished_total"] += 1
            if due is None or fin.date() == due.date():
                r["finished_on_time"] += 1
            elif fin.date() < due.date():
                r["finished_early"] += 1
            else:
                r["finished_late"] += 1
            if d["status"] in (9, 10):
                r["with_result"] += 1
                r["e_result"] += d["e_result"]
        if _le(rec, as_of) and (fin is None or fin > as_of) and d["status"] not in (5, 6):
            r["in_progress"] += 1
            if due is not None:
                r["due_today"] += ref0 <= due < ref1
                r["due_soon"] += ref0 <= due <= soon
                r["overdue_in_progress"] += due < ref0
        answered = _le(rec, as_of) or _le(fin, as_of) or _le(supp, as_of)
        if (d["channel"] in ELECTRONIC and sub is not None and sub <= as_of and _le(deadline, as_of)
                and not answered and (d["status"] == 1 or rec or fin or supp)):
            r["pending_online_past_8h"] += 1
        kinds: set[str] = set()
        for ev in d["events"]:
            if not start <= _t(ev["at"]) < as_of:  # type: ignore[operator]
                continue
            # event names are the workflow's Action values (no aliases: nothing writes "receive" or "apology")
            if ev["action"] == Action.ACCEPT or ev["to"] == Status.ACCEPTED:
                kinds.add("accepted")
            if ev["action"] == Action.SUPPLEMENT or ev["to"] == Status.SUPPLEMENT:
                kinds.add("supplement_requested")
            if ev["action"] == Action.REFUSE or ev["to"] == Status.REFUSED:
                kinds.add("refused")
            if ev["action"] == Action.APOLOGIZE:
                kinds.add("apologies")
        for k in kinds:
            r[k] += 1
    r["rating_avg"] = statistics.fmean(ratings) if ratings else None
    r["on_time_rate"] = _rate(r["finished_early"] + r["finished_on_time"], r["finished_total"])
    r["online_rate"] = _rate(r["online_received"], r["received_total"])
    r["online_payment_rate"] = _rate(r["paid_online"], r["fee_bearing"])
    r["digitised_rate"] = _rate(r["digitised"], r["received_total"])
    r["e_result_rate"] = _rate(r["e_result"], r["with_result"])
    r["reuse_rate"] = _rate(r["reused"], r["received_total"])
    r["late_share"] = _rate(r["finished_late"], r["finished_total"])
    r["dislike_share"] = _rate(r["disliked"], r["rated"])
    if r["late_share"] is None and r["dislike_share"] is None:
        r["satisfaction_rate"] = None
    else:
        r["satisfaction_rate"] = max(0.0, 1 - (r["late_share"] or 0) - (r["dislike_share"] or 0))
    r["kiosk_operations"] = _kiosk_ops([s for s in sessions if start <= s["started_at"] < as_of])
    r["indicators"] = indicators(lines, start, as_of, r)
    return r


def _ind(num: float | None, den: int | None, key: str, rate: float | None = None) -> dict[str, Any]:
    if rate is None and num is not None and den:
        rate = num / den
    target = TARGETS[key]
    met = None if rate is None or target is None else rate >= target
    return {"numerator": num, "denominator": den, "rate": rate, "target": target, "met": met}


def indicators(lines: list[dict[str, Any]], start: datetime, end: datetime, r: dict[str, Any]) -> dict[str, Any]:
    """QĐ 766 indicators from the export, as docs/METRICS.md states them (issue 13 point 4)."""
    from kiosk.core.calendar import WorkCalendar

    cal = WorkCalendar()
    day_seconds = sum((datetime.combine(date.min, b) - datetime.combine(date.min, a)).total_seconds()
                      for a, b in cal.hours.windows())
    c: Counter[str] = Counter()
    days = 0.0
    for d in lines:
        rec, due, fin = _t(d["received_at"]), _t(d["due_at"]), _t(d["finished_at"])
        evs = [(_t(e["at"]), e["to"]) for e in d["events"]]
        if rec is not None and rec < end:  # 2.1: received before the period's end …
            ends = [at for at, to in evs if at < end and (to in (3, 7, 8, 9, 10) or (to == 5 and at >= rec))]
            first = min(ends) if ends else None  # type: ignore[type-var]
            if first is None or first >= start:  # … and not ended before its start
                c["base"] += 1
                supplements = sum(1 for at, to in evs if to == 5 and rec <= at < end)  # type: ignore[operator]
                ok = due is None or (first is not None and first <= due) or (first is None and due >= end)
                c["on_time"] += supplements <= 1 and ok
        if rec is not None and start <= rec < end:
            c["received"] += 1
            # 1.4: the back office confirmed a delivery carrying the reception, or the portal's copy is that recent
            portal = _t(d["portal_version"])
            c["synced"] += d["reception_synced_at"] is not None or (portal is not None and portal >= rec)
            legal = d["legal_channel"] if d["legal_channel"] is not None else LEGACY_LEGAL[d["channel"]]
            c[f"received_{d['level']}"] += 1
            if legal == 2:
                c["online"] += 1
                c[f"online_{d['level']}"] += 1
            if d["fee"] > 0 and d["payment_state"] != "waived":
                c["fee_bearing"] += 1
                gateway = any(p["state"] == "paid" and p["confirmed_by"] == "gateway" for p in d["payments"])
                c["gateway"] += gateway
                c["officer"] += not gateway and d["payment_state"] == "paid_online"
            provided = [p for p in d["papers"] if p["provision"] != "not_provided"]
            papers_ok = all(p["digitised_state"] != 0 for p in provided) and (bool(d["papers"]) or d["digitised"])
            has_result = fin is not None and fin <= end and d["status"] in (9, 10)
            c["digitised"] += papers_ok and (not has_result or d["e_result"])
            c["reused"] += d["reused"] or any(p["provision"] == "reused" or p["digitised_state"] in (2, 3)
                                              for p in d["papers"])
        if rec is not None and fin is not None and start <= fin < end and d["status"] in (9, 10):
            c["with_result"] += 1
            c["e_result"] += d["e_result"]
            worked = cal.working_time_between(rec, fin).total_seconds() - d["paused_seconds"]
            days += max(0.0, worked) / day_seconds
    late = c["base"] - c["on_time"]
    late_share = late / c["base"] if c["base"] else None
    dislike = r["disliked"] / r["rated"] if r["rated"] else None
    satisfaction = None if late_share is None and dislike is None else max(0.0, 1 - (late_share or 0) - (dislike or 0))
    return {
        "1.4": _ind(c["synced"], c["received"], "1.4"),
        "2.1": _ind(c["on_time"], c["base"], "2.1"),
        "2.2": _ind(days, c["with_result"], "2.2"),
        "3.3": _ind(c["online"], c["received"], "3.3"),
        "3.3_toan_trinh": _ind(c["online_toan_trinh"], c["received_toan_trinh"], "3.3_toan_trinh"),
        "3.3_mot_phan": _ind(c["online_mot_phan"], c["received_mot_phan"], "3.3_mot_phan"),
        "3.6": _ind(c["gateway"], c["fee_bearing"], "3.6"),
        "4.1": _ind(c["e_result"], c["with_result"], "4.1"),
        "4.2": _ind(c["digitised"], c["received"], "4.2"),
        "4.3": _ind(c["reused"], c["received"], "4.3"),
        "5.4": {**_ind(None, None, "5.4", satisfaction),
                "parts": {"late": late, "judged": c["base"], "disliked": r["disliked"], "rated": r["rated"]}},
        "_paid_online_officer": c["officer"],
    }


def _kiosk_ops(rows: list[dict[str, Any]]) -> dict[str, Any]:
    ended = [s for s in rows if s["outcome"] is not None]
    completed = sum(s["outcome"] == "completed" for s in rows)
    assisted = sum(bool(s["assisted"]) for s in rows)
    timed = [(s["ended_at"] - s["started_at"]).total_seconds() for s in rows if s["ended_at"] is not None]
    rated = [s["rating"] for s in rows if s["rating"] is not None]
    causes = Counter(s["failure_cause"] for s in rows if s["failure_cause"])
    return {
        "sessions": len(rows), "completed": completed, "ended": len(ended),
        "completion_rate": _rate(completed, len(ended)),
        "median_session_seconds": round(statistics.median(timed), 3) if timed else None,
        "assisted": assisted, "assisted_share": _rate(assisted, len(rows)),
        "rating_avg": statistics.fmean(rated) if rated else None,
        "top_failure_causes": [{"cause": c, "count": n} for c, n in sorted(causes.items(), key=lambda x: (-x[1], x[0]))[:5]],
    }


def _sessions(database_url: str) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from kiosk.models.database import create_db_engine
    from kiosk.models.tables import KioskSession

    engine = create_db_engine(database_url)
    try:
        with engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(KioskSession.__table__))]
    finally:
        engine.dispose()


def _cli_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def _export(first: date, last: date, tmp_path: Path) -> list[dict[str, Any]]:
    out = tmp_path / f"export-{first}-{last}.jsonl"
    assert main(["dossier", "export", "--from", first.isoformat(), "--to", last.isoformat(), "--format", "jsonl",
                 "--out", str(out)]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _same(report: dict[str, Any], mine: dict[str, Any], where: str) -> None:
    for key, want in mine.items():
        got = report[key]
        if key == "indicators":
            assert got.get("paid_online_officer", report["paid_online_officer"]) == want["_paid_online_officer"], where
            assert set(got) == set(want) - {"_paid_online_officer"}, where
            for ind, fields in want.items():
                if ind.startswith("_"):
                    continue
                for k, v in fields.items():
                    g = got[ind][k]
                    assert g == (pytest.approx(v) if isinstance(v, float) else v), f"{where}: indicators.{ind}.{k}"
        elif key == "kiosk_operations":
            for k, v in want.items():
                assert got[k] == (pytest.approx(v) if isinstance(v, float) else v), f"{where}: kiosk_operations.{k}"
        elif isinstance(want, float):
            assert got == pytest.approx(want), f"{where}: {key}"
        else:
            assert got == want, f"{where}: {key}"


def test_report_equals_figures_recomputed_from_the_export(
    seeded_month: date, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.core.calendar import WorkCalendar

    first = seeded_month
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    sessions = _sessions(database_url)
    cal = WorkCalendar()
    day = first
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    mid = cal.next_working_day(cal.next_working_day(day + timedelta(days=7)))
    periods = [
        (first, last, ["report", "month", "--date", first.isoformat()]),
        (first, first + timedelta(days=6), ["report", "range", "--from", first.isoformat(), "--to",
                                            (first + timedelta(days=6)).isoformat()]),
        (day, day, ["report", "daily", "--date", day.isoformat()]),
        (mid, mid, ["report", "daily", "--date", mid.isoformat()]),
        (mid + timedelta(days=1), mid + timedelta(days=1), ["report", "daily", "--date", (mid + timedelta(days=1)).isoformat()]),
    ]
    for a, b, argv in periods:
        report = _cli_json([*argv, "--format", "json"], capsys)
        lines = _export(a, b, tmp_path)
        written = {ev["action"] for d in lines for ev in d["events"]}
        names = {act.value for act in Action}
        assert written <= names, written - names  # every event name is one of the workflow's (no loose strings)
        mine = recompute(lines, a, b, sessions)
        _same(report, mine, f"{a}…{b}")
    month = _cli_json(periods[0][2], capsys)
    # the seeded month is not trivial: every kind of figure has something to count
    for key in ("received_total", "accepted", "supplement_requested", "refused", "finished_early", "finished_on_time",
                "finished_late", "pending_online_past_8h", "in_progress", "paid_online", "e_result", "rated"):
        assert month[key] > 0, key
    assert all(month["received_by_channel"][c] > 0 for c in CHANNELS)
    ind = month["indicators"]
    for key in ("1.4", "2.1", "2.2", "3.3", "3.3_toan_trinh", "3.6", "4.1", "4.2", "4.3"):
        assert ind[key]["numerator"] > 0 and ind[key]["denominator"] > 0, key
    assert 0 < ind["2.1"]["numerator"] < ind["2.1"]["denominator"]  # some late, some on time
    assert ind["5.4"]["parts"]["late"] > 0 and ind["5.4"]["rate"] is not None
    assert {c["cause"] for c in month["kiosk_operations"]["top_failure_causes"]} >= {"card_read", "otp"}


def _codes(database_url: str) -> list[tuple[str, int, str, Any]]:
    from sqlalchemy import select

    from kiosk.models.database import create_db_engine
    from kiosk.models.tables import Dossier

    engine = create_db_engine(database_url)
    try:
        with engine.connect() as c:
            return [tuple(r) for r in c.execute(  # type: ignore[misc]
                select(Dossier.code, Dossier.status, Dossier.agency_code, Dossier.updated_at).order_by(Dossier.id))]
    finally:
        engine.dispose()


def test_parallel_seeds_share_the_sequence_and_never_wipe(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", database_url)
    start = _month_start()
    assert main(["demo", "seed", "--days", "3", "--per-day", "10", "--start", start.isoformat(), "--seed", "1"]) == 0
    capsys.readouterr()
    before = _codes(database_url)
    assert len(before) == 30
    env = {**os.environ, "KIOSK_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "kiosk", "demo", "seed", "--days", "3", "--per-day", "40", "--start", start.isoformat()]
    procs = [subprocess.Popen([*argv, "--seed", str(i)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in (2, 3)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    after = _codes(database_url)
    assert after[: len(before)] == before  # nothing rewritten or deleted
    codes = [c for c, *_ in after]
    assert len(codes) == len(set(codes)) == 30 + 2 * 120
    per_day: dict[str, list[int]] = {}
    for c in codes:
        _, day, seq = c.rsplit("-", 2)
        per_day.setdefault(day, []).append(int(seq))
    assert len(per_day) == 3
    for day, seqs in per_day.items():
        assert sorted(seqs) == list(range(1, 91)), day  # 10 + 2 × 40, no gap, no duplicate

"""Benchmark: the supervisor's daily summary on a year of synthetic history, SQLite and PostgreSQL.

    .venv/bin/python benchmarks/report.py [--per-day 820] [--backends sqlite,postgresql] [--plans]

For each back end: a fresh database (a temporary SQLite file; a throw-away PostgreSQL server started with
tests/pg.py), then history is seeded with kiosk.core.seed in steps (1, 3, 6, 12 months of working days,
ending yesterday). After each step the daily summary of the *last* seeded day is timed (median of 5 after a
warm-up) next to a plain ``SELECT count(*)`` of the dossiers received that day, in the same run, so the
growth column shows whether the summary scans history (it should stay nearly flat). Also timed: the 30-day
chart series. ``--plans`` prints the query plans of the summary's statements at the end.

Prints a table and never fails: a back end that cannot start is reported and skipped.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STEPS_MONTHS = (1, 3, 6, 12)
WORKING_DAYS_PER_MONTH = 21


def _timed(fn: Callable[[], Any], repeat: int = 5) -> float:
    fn()  # warm-up (caches, plans)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def run_backend(name: str, url: str, per_day: int, plans: bool) -> list[dict[str, Any]]:
    from sqlalchemy import func, select

    from kiosk.app import build_app
    from kiosk.config import load_settings
    from kiosk.core.reports import Period
    from kiosk.core.seed import Seeder
    from kiosk.models.tables import Dossier

    data_dir = Path(tempfile.mkdtemp(prefix="kiosk-bench-data-"))
    settings = load_settings(data_dir=data_dir, database_url=url, environment="test")
    app = build_app(settings)
    rows: list[dict[str, Any]] = []
    try:
        seeder = Seeder(app.session_factory, app.calendar, agency_code=settings.agency_code, rng=random.Random(7))
        total_days = WORKING_DAYS_PER_MONTH * STEPS_MONTHS[-1]
        # 252 working days × the default 820 a day = 206,640 dossiers: at least 200,000 in the year
        days = seeder.working_days(seeder.default_start(total_days), total_days)
        # seed backwards in steps so the most recent day is always the one measured: step k fills the last
        # k months; history grows towards the past while "today's" work stays the same
        done = 0
        seeded_total = 0
        seed_seconds = 0.0
        for months in STEPS_MONTHS:
            want = total_days if months == STEPS_MONTHS[-1] else months * WORKING_DAYS_PER_MONTH
            todo = days[len(days) - want : len(days) - done]
            t0 = time.perf_counter()
            for d in todo:
                seeded_total += seeder.seed_day(d, per_day)[0]
            seed_seconds += time.perf_counter() - t0
            done = want
            if app.engine.dialect.name == "postgresql":  # what autovacuum does on a live server after bulk loads
                with app.engine.connect() as c:
                    c.exec_driver_sql("ANALYZE")
                    c.commit()
            last = days[-1]
            svc = app.reports
            period = Period.day(last)
            t0_day = datetime.combine(last, datetime.min.time(), tzinfo=app.calendar.tz)
            t1_day = t0_day + timedelta(days=1)

            def count_day(t0_day: datetime = t0_day, t1_day: datetime = t1_day) -> int:
                with app.session_factory() as s:
                    return int(
                        s.scalar(
                            select(func.count()).select_from(Dossier).where(
                                Dossier.received_at >= t0_day, Dossier.received_at < t1_day
                            )
                        )
                        or 0
                    )

            with app.session_factory() as s:
                in_db = int(s.scalar(select(func.count()).select_from(Dossier)) or 0)
            rows.append({
                "backend": name,
                "history": f"{months} mo",
                "dossiers": in_db,
                "seed_rate": seeded_total / seed_seconds if seed_seconds else 0.0,
                "count_ms": _timed(count_day),
                "summary_ms": _timed(lambda svc=svc, period=period: svc.summary(period)),
                "series_ms": _timed(lambda svc=svc, last=last: svc.daily_series(30, end=last), repeat=3),
                "day_received": count_day(),
            })
            print(_fmt_row(rows[-1]), flush=True)
        if plans:
            print_plans(app, Period.day(days[-1]))
    finally:
        app.close()
    return rows


def print_plans(app: Any, period: Any) -> None:
    """EXPLAIN every statement the summary runs (captured from the engine), to check no history scan."""
    from sqlalchemy import event, text

    captured: list[tuple[str, Any]] = []

    def grab(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, parameters))

    event.listen(app.engine, "before_cursor_execute", grab)
    try:
        app.reports.summary(period)
    finally:
        event.remove(app.engine, "before_cursor_execute", grab)
    sqlite = app.engine.dialect.name == "sqlite"
    with app.engine.connect() as c:
        for stmt, params in captured:
            print("\n--", " ".join(stmt.split())[:160], "…")
            prefix = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN ANALYZE "
            raw = c.connection.driver_connection
            cur = raw.cursor()
            cur.execute(prefix + stmt, params)
            for r in cur.fetchall():
                print("   ", r[-1] if sqlite else r[0])
            cur.close()
        c.execute(text("SELECT 1"))


def _fmt_row(r: dict[str, Any]) -> str:
    return (
        f"{r['backend']:<11} {r['history']:>6} {r['dossiers']:>9,} {r['day_received']:>7} "
        f"{r['count_ms']:>10.1f} {r['summary_ms']:>11.1f} {r['series_ms']:>10.1f} {r['seed_rate']:>10,.0f}"
    )


HEADER = (
    f"{'backend':<11} {'history':>6} {'dossiers':>9} {'day rcv':>7} {'count ms':>10} {'summary ms':>11} "
    f"{'30d ms':>10} {'seed/s':>10}"
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-day", type=int, default=820, help="dossiers per working day (default 820 → ≥ 200k/yr)")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--plans", action="store_true", help="print the summary's query plans at the end")
    args = ap.parse_args(argv)
    os.environ.setdefault("KIOSK_ENVIRONMENT", "test")
    print(HEADER)
    all_rows: list[dict[str, Any]] = []
    for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
        server = None
        tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        try:
            if backend == "sqlite":
                url = f"sqlite:///{tmp / 'bench.sqlite3'}"
            else:
                from tests.pg import PgServer

                server = PgServer().start()
                url = server.create_database(from_template=False)
            all_rows += run_backend(backend, url, args.per_day, args.plans)
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not fail
            print(f"{backend:<11} skipped: {type(exc).__name__}: {exc}")
            traceback.print_exc(limit=3)
        finally:
            if server is not None:
                server.stop()
    if all_rows:
        print("\nsummary growth, 1 month → 1 year of history:")
        for backend in sorted({r["backend"] for r in all_rows}):
            rs = [r for r in all_rows if r["backend"] == backend]
            first, last = rs[0], rs[-1]
            print(
                f"  {backend:<11} {first['summary_ms']:.1f} ms → {last['summary_ms']:.1f} ms "
                f"(×{last['summary_ms'] / first['summary_ms']:.2f}) while dossiers ×{last['dossiers'] / first['dossiers']:.1f}; "
                f"plain count(*) {first['count_ms']:.1f} → {last['count_ms']:.1f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

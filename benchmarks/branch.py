"""Branch throughput: dossier submissions per second on PostgreSQL with 1 and 4 concurrent kiosk processes,
beside a bare single-row INSERT loop measured in the same run.

Goal (issue 10): the 4-process rate at least 1.5× the 1-process rate on a 2-core machine — the code counter
is held only for the tail of each transaction — and no duplicate or skipped codes.

    .venv/bin/python benchmarks/branch.py [--seconds 8] [--fast]

``--fast`` runs PostgreSQL with fsync off (as the tests do); by default it is durable like a real server.
Prints a table; never fails.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _submitter(url: str, seconds: float, barrier, out, worker: int) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.calendar import WorkCalendar
    from kiosk.core.dossiers import DocumentInput, DossierService, Submission
    from kiosk.models.database import open_database
    from tests.helpers import person

    engine, factory = open_database(url, migrate=False)
    svc = DossierService(factory, agency_code="000.00.06.H56", calendar=WorkCalendar())
    docs = [DocumentInput("Tờ khai CT01", originals=1), DocumentInput("Giấy tờ chỗ ở", photocopies=1)]
    barrier.wait()
    n, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        svc.submit(Submission("1.004222", person(worker * 100000 + n), channel="kiosk", documents=docs))
        n += 1
    engine.dispose()
    out.put(n)


def submissions_per_second(url: str, processes: int, seconds: float) -> float:
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(processes), ctx.Queue()
    procs = [ctx.Process(target=_submitter, args=(url, seconds, barrier, out, i)) for i in range(processes)]
    for p in procs:
        p.start()
    total = sum(out.get(timeout=seconds + 120) for _ in procs)
    for p in procs:
        p.join()
    return total / seconds


def bare_insert_rate(server, seconds: float) -> float:  # type: ignore[no-untyped-def]
    import psycopg

    server.execute("CREATE TABLE IF NOT EXISTS bench_rows (id serial primary key, v text)", "bench")
    from tests.pg import SUPERUSER

    with psycopg.connect(host="127.0.0.1", port=server.port, user=SUPERUSER, dbname="bench") as conn:
        n, end = 0, time.perf_counter() + seconds
        while time.perf_counter() < end:
            conn.execute("INSERT INTO bench_rows (v) VALUES (%s)", (f"row {n}",))
            conn.commit()
            n += 1
    return n / seconds


def check_codes(url: str) -> tuple[int, bool]:
    from sqlalchemy import select

    from kiosk.core.codes import parse_code
    from kiosk.models.database import open_database
    from kiosk.models.tables import Dossier

    engine, factory = open_database(url, migrate=False)
    with factory() as s:
        codes = s.scalars(select(Dossier.code)).all()
    engine.dispose()
    ok = len(codes) == len(set(codes))
    by_day: dict[object, list[int]] = {}
    for c in codes:
        pc = parse_code(c)
        by_day.setdefault(pc.day, []).append(pc.seq)
    for seqs in by_day.values():
        ok = ok and sorted(seqs) == list(range(1, len(seqs) + 1))
    return len(codes), ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--fast", action="store_true", help="fsync off (as in the tests)")
    args = ap.parse_args()
    try:
        from tests.helpers import add_procedure
        from tests.pg import PgServer

        server = PgServer(durable=not args.fast).start()
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it never fails CI
        print(f"PostgreSQL unavailable: {exc}")
        return 0
    try:
        from kiosk.models.database import open_database

        server.create_template()
        server.execute("CREATE DATABASE bench")
        rates = {}
        for procs in (1, 4):
            url = server.create_database()
            engine, factory = open_database(url, migrate=False)
            add_procedure(factory)
            engine.dispose()
            rates[procs] = submissions_per_second(url, procs, args.seconds)
            n, ok = check_codes(url)
            print(f"{procs} process(es): {n} dossiers, codes unique and gap-free: {ok}")
        bare = bare_insert_rate(server, args.seconds)
        mode = "fsync off" if args.fast else "durable"
        print(f"\nPostgreSQL ({mode}), {args.seconds:g} s each, 2-core machine")
        print(f"{'measure':<38}{'per second':>12}{'ratio':>10}")
        print(f"{'bare single-row INSERT + COMMIT':<38}{bare:>12.1f}{1.0:>10.2f}")
        for procs, r in rates.items():
            print(f"{f'dossier submissions, {procs} process(es)':<38}{r:>12.1f}{r / bare:>10.3f}")
        scale = rates[4] / rates[1] if rates[1] else float("nan")
        print(f"\n4-process / 1-process rate: {scale:.2f}× (goal ≥ 1.5×)")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

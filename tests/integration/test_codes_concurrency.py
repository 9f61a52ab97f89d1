"""8 processes × 50 dossiers at the same moment on one SQLite file: 400 unique, gap-free codes."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

from sqlalchemy import select

from kiosk.core.codes import parse_code
from kiosk.models.database import open_database
from kiosk.models.tables import Dossier, DossierSequence
from tests.helpers import add_procedure

PROCESSES, PER_PROCESS = 8, 50


def _worker(url: str, n: int, barrier, out) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.calendar import WorkCalendar
    from kiosk.core.dossiers import DossierService, Submission
    from tests.helpers import person

    _, factory = open_database(url, migrate=False)
    svc = DossierService(factory, agency_code="000.00.06.H56", calendar=WorkCalendar())
    barrier.wait()
    codes = []
    for i in range(PER_PROCESS):
        r = svc.submit(Submission("1.004222", person(n * 1000 + i), channel="kiosk", kiosk_id=f"K{n}"))
        codes.append(r.code)
    out.put(codes)


def test_parallel_processes_get_unique_gap_free_codes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    engine, factory = open_database(url)
    add_procedure(factory)
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(PROCESSES), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(url, n, barrier, out)) for n in range(PROCESSES)]
    for p in procs:
        p.start()
    codes = [c for _ in procs for c in out.get(timeout=240)]
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert len(codes) == len(set(codes)) == PROCESSES * PER_PROCESS
    days = {parse_code(c).day for c in codes}
    for day in days:
        seqs = sorted(parse_code(c).seq for c in codes if parse_code(c).day == day)
        assert seqs == list(range(1, len(seqs) + 1)), "codes must be gap-free"
    with factory() as s:
        stored = s.scalars(select(Dossier.code)).all()
        assert sorted(stored) == sorted(codes)
        assert sum(r.last_value for r in s.scalars(select(DossierSequence))) == PROCESSES * PER_PROCESS
    engine.dispose()

"""4 kiosk processes and 2 counter processes submit at the same moment (a barrier) through
DossierService.submit, on SQLite and on a real PostgreSQL: every code is unique and the sequence has no gap;
every dossier has its documents, its history event and exactly one outbox row."""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter

from sqlalchemy import func, select

from kiosk.core.codes import parse_code
from kiosk.models.database import open_database
from kiosk.models.tables import Dossier, DossierDocument, DossierEvent, DossierSequence, OutboxEvent
from tests.integration.branch_support import add_procedure

KIOSKS, COUNTERS, PER_PROCESS = 4, 2, 12


def _worker(url: str, n: int, channel: str, barrier, out) -> None:  # type: ignore[no-untyped-def]
    from tests.integration.branch_support import service, submission

    engine, factory = open_database(url, migrate=False)
    svc = service(factory)
    codes: list[str] = []
    try:
        barrier.wait(timeout=120)
        for i in range(PER_PROCESS):
            codes.append(svc.submit(submission(n * 1000 + i, channel=channel, kiosk_id=f"K{n}")).code)
        out.put((n, codes, None))
    except Exception as exc:  # noqa: BLE001 - report to the parent instead of hanging it
        out.put((n, codes, repr(exc)))
    finally:
        engine.dispose()


def test_kiosks_and_counters_get_unique_gap_free_codes(database_url: str) -> None:
    engine, factory = open_database(database_url)
    add_procedure(factory)
    ctx = mp.get_context("spawn")
    roles = ["kiosk"] * KIOSKS + ["counter"] * COUNTERS
    barrier, out = ctx.Barrier(len(roles)), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(database_url, n, ch, barrier, out)) for n, ch in enumerate(roles)]
    for p in procs:
        p.start()
    results = [out.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(60)
    errors = [err for _, _, err in results if err]
    assert not errors, errors
    assert all(p.exitcode == 0 for p in procs)
    codes = [c for _, cs, _ in results for c in cs]
    total = len(roles) * PER_PROCESS
    assert len(codes) == len(set(codes)) == total
    by_day: dict[object, list[int]] = {}
    for c in codes:
        pc = parse_code(c)
        by_day.setdefault(pc.day, []).append(pc.seq)
    for seqs in by_day.values():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), "codes must be gap-free"
    with factory() as s:
        assert sorted(s.scalars(select(Dossier.code))) == sorted(codes)
        assert s.scalar(select(func.sum(DossierSequence.last_value))) == total
        assert s.scalar(select(func.count()).select_from(DossierDocument)) == 2 * total
        assert s.scalar(select(func.count()).select_from(DossierEvent)) == total
        outbox = Counter(s.scalars(select(OutboxEvent.dossier_code)))
        assert set(outbox) == set(codes) and set(outbox.values()) == {1}
        channels = Counter(s.scalars(select(Dossier.channel)))
        assert channels == {"kiosk": KIOSKS * PER_PROCESS, "counter": COUNTERS * PER_PROCESS}
    engine.dispose()

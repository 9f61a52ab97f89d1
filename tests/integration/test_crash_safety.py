"""Crash and fault safety of a submission.

kill -9 at random moments (several rounds): every dossier is either complete (code, documents, history
event, audit event, outbox row) or absent, every code the child saw committed is there, and the codes have
no gap. The database unreachable at submit (PostgreSQL stopped; the SQLite disk gone) raises
DatabaseUnavailable, the submission object is untouched, and the same submission succeeds on retry.
"""

from __future__ import annotations

import copy
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.core.codes import parse_code
from kiosk.core.dossiers import DatabaseUnavailable
from kiosk.models.database import open_database
from kiosk.models.tables import (
    AuditEvent,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierSequence,
    OutboxEvent,
)
from tests.integration.branch_support import add_procedure, service, submission

ROUNDS = 4
CHILD = Path(__file__).with_name("crash_child.py")


def _check_consistent(factory, committed: set[str]) -> int:  # type: ignore[no-untyped-def]
    with factory() as s:
        codes = list(s.scalars(select(Dossier.code)))
        assert committed <= set(codes), "a committed dossier disappeared"
        docs = Counter(s.scalars(select(Dossier.code).join(DossierDocument, DossierDocument.dossier_id == Dossier.id)))
        events = Counter(s.scalars(select(Dossier.code).join(DossierEvent, DossierEvent.dossier_id == Dossier.id)))
        outbox = Counter(s.scalars(select(OutboxEvent.dossier_code)))
        audit = Counter(s.scalars(select(AuditEvent.dossier_code).where(AuditEvent.action == "dossier.submit")))
        for c in codes:
            assert (docs[c], events[c], outbox[c], audit[c]) == (2, 1, 1, 1), f"half-saved dossier {c}"
        assert set(outbox) == set(codes) and set(audit) == set(codes), "orphan outbox/audit rows"
        by_day: dict[object, list[int]] = {}
        for c in codes:
            by_day.setdefault(parse_code(c).day, []).append(parse_code(c).seq)
        for seqs in by_day.values():
            assert sorted(seqs) == list(range(1, len(seqs) + 1)), "gap in codes"
        assert (s.scalar(select(func.sum(DossierSequence.last_value))) or 0) == len(codes)
        return len(codes)


def test_kill_9_mid_submission_never_leaves_half_a_dossier(database_url: str) -> None:
    engine, factory = open_database(database_url)
    add_procedure(factory)
    rng = random.Random()
    committed: set[str] = set()
    killed_after = []
    for rnd in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), database_url, str(rnd * 10_000)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            assert child.stdout is not None
            line = child.stdout.readline().strip()
            assert line == "ready", child.stderr.read() if child.stderr else line
            first = child.stdout.readline().strip()  # warmed up: one dossier committed, more on the way
            assert first, child.stderr.read() if child.stderr else "child died"
            time.sleep(rng.uniform(0.0, 0.4))
            os.kill(child.pid, signal.SIGKILL)
            out, _ = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
                child.wait()
        assert child.returncode == -signal.SIGKILL
        seen = {first} | {c for c in out.split() if c}
        committed |= seen
        killed_after.append(len(seen))
        _check_consistent(factory, committed)
    assert sum(killed_after) > 0, "the child never got to commit anything"
    # and the database still takes submissions, continuing the sequence
    code = service(factory).submit(submission(999_999)).code
    total = _check_consistent(factory, committed | {code})
    assert parse_code(code).seq == total
    engine.dispose()


def test_postgresql_stopped_at_submit_raises_database_unavailable() -> None:
    from tests.pg import PgServer

    server = PgServer().start()
    try:
        url = server.create_database(from_template=False)
        engine, factory = open_database(url)
        add_procedure(factory)
        svc = service(factory)
        first = svc.submit(submission(1)).code
        server.stop_server()
        sub = submission(2)
        before = copy.deepcopy(sub)
        with pytest.raises(DatabaseUnavailable) as err:
            svc.submit(sub)
        assert "thử lại" in err.value.vi and "try again" in err.value.en
        assert sub == before, "what the citizen entered is kept for the retry"
        server.restart()
        second = svc.submit(sub).code
        assert parse_code(second).seq == parse_code(first).seq + 1
        engine.dispose()
    finally:
        server.stop()


def test_sqlite_disk_gone_at_submit_raises_database_unavailable(tmp_path: Path) -> None:
    data = tmp_path / "disk"
    url = f"sqlite:///{data / 'kiosk.sqlite3'}"
    engine, factory = open_database(url)
    add_procedure(factory)
    svc = service(factory)
    first = svc.submit(submission(1)).code
    engine.dispose()  # the pooled connection goes, as after a restart
    shutil.move(data, tmp_path / "unplugged")
    data.write_text("not a directory")  # the mount point is gone
    sub = submission(2)
    before = copy.deepcopy(sub)
    with pytest.raises(DatabaseUnavailable):
        svc.submit(sub)
    assert sub == before
    data.unlink()
    shutil.move(tmp_path / "unplugged", data)
    second = svc.submit(sub).code
    assert parse_code(second).seq == parse_code(first).seq + 1
    engine.dispose()

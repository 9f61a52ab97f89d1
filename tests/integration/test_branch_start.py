"""A branch that starts together (issue 14 point 6): six kiosk processes start at the same moment on a new
PostgreSQL database - one just created and empty, and one just migrated by `kiosk db upgrade` - each one
migrating (when needed), syncing the catalogue and seeding a day of dossiers. All six succeed, the
catalogue is there once, and the dossier codes are unique.

Also on SQLite (one file, the kiosk's own mode), with the same six processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.models.database import open_database, schema_is_current
from kiosk.models.tables import Dossier, Procedure

PROCESSES = 6
KIOSK = Path(sys.executable).with_name("kiosk")


def _env(tmp_path: Path, url: str, n: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(
        KIOSK_ENVIRONMENT="test", KIOSK_DATABASE_URL=url, KIOSK_DATA_DIR=str(tmp_path / f"data{n}"),
        KIOSK_AGENCY_CODE="000.00.06.H56",
    )
    return env


def start_together(tmp_path: Path, url: str) -> list[subprocess.CompletedProcess[str]]:
    """Six `kiosk demo seed` processes released at the same instant (they wait for a start file)."""
    go = tmp_path / "go"
    wait = (
        "import pathlib, sys, time\n"
        # imports first, so that the six really reach the database at the same moment
        "import kiosk.app, kiosk.cli.demo_cmd, kiosk.core.seed, kiosk.core.catalogue_store, kiosk.models.database\n"
        "from kiosk.cli import main\n"
        f"go = pathlib.Path({str(go)!r})\n"
        "go.with_name(f'ready{sys.argv[1]}').touch()\n"
        "while not go.exists(): time.sleep(0.002)\n"
        "sys.exit(main(['demo', 'seed', '--days', '1', '--per-day', '2', '--seed', sys.argv[1]]))\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", wait, str(n)], env=_env(tmp_path, url, n), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True,
        )
        for n in range(PROCESSES)
    ]
    deadline = time.monotonic() + 180
    while not all((tmp_path / f"ready{n}").exists() for n in range(PROCESSES)):  # all imported and waiting
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs), "a process did not start"
        time.sleep(0.05)
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return results


def check_branch(url: str, results: list[subprocess.CompletedProcess[str]]) -> None:
    failures = [(r.returncode, r.stderr.strip()[-400:]) for r in results if r.returncode != 0]
    assert not failures, failures
    assert all("Traceback" not in r.stderr for r in results)
    engine, factory = open_database(url, migrate=False)
    try:
        assert schema_is_current(engine)
        with factory() as s:
            per_version = s.execute(
                select(Procedure.code, Procedure.version, func.count()).group_by(Procedure.code, Procedure.version)
            ).all()
            codes = list(s.scalars(select(Dossier.code)))
        assert per_version and all(n == 1 for _, _, n in per_version)
        assert len(codes) == len(set(codes)) and len(codes) >= PROCESSES, codes
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_six_kiosks_start_together_on_a_new_empty_postgresql_database(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.create_database(from_template=False)  # nothing in it, not even alembic_version
    try:
        check_branch(url, start_together(tmp_path, url))
    finally:
        pg_server.drop_database(url)


@pytest.mark.postgresql
def test_six_kiosks_start_together_right_after_db_upgrade(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.create_database(from_template=False)
    try:
        up = subprocess.run(
            [str(KIOSK), "db", "upgrade"], env=_env(tmp_path, url, 99), capture_output=True, text=True, timeout=120
        )
        assert up.returncode == 0, up.stderr
        with_catalogue_empty = open_database(url, migrate=False)
        try:
            with with_catalogue_empty[1]() as s:
                assert s.scalar(select(func.count()).select_from(Procedure)) == 0  # every kiosk races to fill it
        finally:
            with_catalogue_empty[0].dispose()
        check_branch(url, start_together(tmp_path, url))
    finally:
        pg_server.drop_database(url)


def test_six_kiosks_start_together_on_a_new_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'branch.sqlite3'}"
    check_branch(url, start_together(tmp_path, url))

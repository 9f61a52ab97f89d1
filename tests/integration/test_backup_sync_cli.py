"""`kiosk db backup/restore` (online, consistent, 0600) and `kiosk sync run --once / status`, on both back ends."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.cli import main
from kiosk.models.database import open_database
from kiosk.models.tables import Dossier
from tests.integration.branch_support import add_procedure, service, submission


@pytest.fixture
def configured(database_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATABASE_URL", database_url)
    engine, factory = open_database(database_url)
    add_procedure(factory)
    yield factory
    engine.dispose()


def codes(factory) -> set[str]:  # type: ignore[no-untyped-def]
    with factory() as s:
        return set(s.scalars(select(Dossier.code)))


def test_backup_then_restore(configured, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    factory = configured
    svc = service(factory)
    first = {svc.submit(submission(i)).code for i in range(3)}
    out = tmp_path / "backups" / "kiosk.bak"
    assert main(["db", "backup", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    later = svc.submit(submission(9)).code
    assert codes(factory) == first | {later}
    factory.kw["bind"].dispose()  # the kiosk is stopped for a restore
    assert main(["db", "restore", str(out), "--yes"]) == 0
    assert codes(factory) == first
    # the restored database goes on with the sequence where the backup was
    assert service(factory).submit(submission(10)).code == later


def test_restore_refuses_garbage(configured, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.bak"
    junk.write_bytes(b"not a backup")
    assert main(["db", "restore", str(junk), "--yes"]) == 1
    assert "kiosk:" in capsys.readouterr().err


def test_sync_cli_once_and_status(configured, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    factory = configured
    service(factory).submit(submission(1))
    assert main(["sync", "status", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["pending"] == 1 and before["dossiers_by_sync_state"] == {"pending": 1}
    assert main(["sync", "run", "--once"]) == 0
    assert "delivered 1" in capsys.readouterr().out
    assert main(["sync", "status", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after["pending"] == 0 and after["sent"] == 1 and after["dossiers_by_sync_state"] == {"synced": 1}

"""The foundation's command line: due dates, database upgrade, the CLI demo, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_due_date_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(capsys, "due-date", "--received", "2026-02-13 16:00", "--working-days", "3", "--json")
    assert rc == 0
    data = json.loads(out)
    assert data["start"] == "2026-02-13T16:00:00+07:00"
    assert data["due"] == "2026-02-25T16:00:00+07:00"  # Tết 16–20/2/2026 skipped


@pytest.mark.parametrize(
    ("args", "due"),
    [
        (["--same-day"], "2026-11-26T17:00:00+07:00"),
        (["--working-hours", "8"], "2026-11-26T15:30:00+07:00"),
        (["--calendar-days", "3"], "2026-11-30T15:30:00+07:00"),
    ],
)
def test_due_date_kinds(capsys: pytest.CaptureFixture[str], args: list[str], due: str) -> None:
    rc, out, _ = run(capsys, "due-date", "--received", "2026-11-25 15:30", *args, "--json")
    assert rc == 0 and json.loads(out)["due"] == due


def test_due_date_for_a_procedure(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(capsys, "due-date", "--received", "2026-11-25 09:00", "--procedure", "1.004222", "--json")
    assert rc == 0
    assert json.loads(out)["due"] == "2026-12-04T09:00:00+07:00"  # thường trú: 7 working days


@pytest.mark.parametrize(
    "args",
    [
        ["due-date", "--received", "25/11/2026", "--working-days", "3"],
        ["due-date", "--received", "2026-11-25 09:00", "--procedure", "9.999999"],
        ["due-date", "--received", "2026-11-25 09:00", "--working-days", "-2"],
        ["due-date", "--received", "2026-11-25 09:00"],
        ["due-date", "--received", "2026-11-25 09:00", "--working-days", "abc"],
        ["no-such-command"],
    ],
)
def test_bad_input_gives_one_line_and_nonzero_exit(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    try:
        rc = main(args)
    except SystemExit as exc:  # argparse usage errors exit directly with code 2
        rc = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert rc != 0
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_bad_setting_names_the_setting(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_TIMEZONE", "Nowhere/City")
    rc, _, err = run(capsys, "due-date", "--received", "2026-11-25 09:00", "--same-day")
    assert rc == 2 and "timezone" in err and len(err.strip().splitlines()) == 1


def test_db_upgrade_is_idempotent(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rc, out, _ = run(capsys, "db", "upgrade")
    assert rc == 0 and "revision" in out
    assert (tmp_path / "data" / "kiosk.sqlite3").exists()
    rc, out2, _ = run(capsys, "db", "upgrade")
    assert rc == 0 and out2 == out


def test_cli_demo_adds_a_dossier_each_run(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run(capsys, "demo", "--cli", "--json")
    assert rc == 0, err
    first = json.loads(out)
    assert first["status"] == 1 and first["accept_deadline"] and first["expected_due"]
    rc, out, _ = run(capsys, "demo", "--cli", "--json")
    second = json.loads(out)
    assert second["code"] != first["code"]
    assert int(second["code"][-4:]) == int(first["code"][-4:]) + 1


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("kiosk")
    p = subprocess.run([str(exe), "due-date", "--received", "bad", "--same-day"], capture_output=True, text=True)
    assert p.returncode == 2 and "Traceback" not in p.stderr and "kiosk:" in p.stderr

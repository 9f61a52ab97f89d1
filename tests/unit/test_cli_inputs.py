"""Inputs a person can type or configure give ONE plain line on stderr and a non-zero exit, never a
traceback and never "unexpected error" (issue 14 point 7): limits that are not numbers, dates beyond the
calendar or beyond year 9999, garbage times, database URLs that are not URLs or point nowhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main

LIMIT_ERRORS = [
    ["--working-days", "nan"], ["--working-days", "inf"], ["--working-days=-inf"], ["--calendar-days", "nan"],
    ["--working-hours", "NaN"], ["--working-days", "1e309"], ["--working-days=-1"], ["--working-days", "3651"],
]
RECEIVED_ERRORS = [
    "9999-12-31 16:00", "9999-12-31T23:59:00-12:00", "0001-01-01T00:00+14:00", "2032-06-01 09:00", "garbage",
    "", "\x00", "2026-02-30 09:00", "2026-01-05 25:00", "２０２６-01-05 09:00" * 50,
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def assert_one_plain_line(rc: int, err: str) -> None:
    assert rc != 0
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("kiosk: "), err
    assert "unexpected error" not in err and "Traceback" not in err
    assert len(lines[0]) <= 320


@pytest.mark.parametrize("limit", LIMIT_ERRORS, ids=" ".join)
def test_due_date_limits_that_are_not_numbers(capsys, limit: list[str]) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run(capsys, "due-date", "--received", "2026-01-05 09:00", *limit)
    assert_one_plain_line(rc, err)
    assert out == ""


@pytest.mark.parametrize("received", RECEIVED_ERRORS)
def test_due_date_received_times_out_of_range_or_garbage(capsys, received: str) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = run(capsys, "due-date", "--received", received, "--working-days", "1")
    assert_one_plain_line(rc, err)


def test_due_date_that_runs_past_the_calendar(capsys) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = run(capsys, "due-date", "--received", "2031-12-01 09:00", "--working-days", "3650")
    assert_one_plain_line(rc, err)
    assert "no holiday data for 2032" in err


def test_a_long_procedure_code_is_not_echoed_in_full(capsys) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = run(capsys, "due-date", "--received", "2026-01-05 09:00", "--procedure", "x" * 5000)
    assert_one_plain_line(rc, err)


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "daily", "--date", "9999-12-31"], ["report", "range", "--from", "9999-12-30", "--to", "9999-12-31"],
        ["report", "week", "--date", "9999-12-31"], ["report", "month", "--date", "9999-12-31"],
        ["report", "daily", "--date", "0001-01-01"], ["report", "daily", "--date", "nan"],
        ["dossier", "export", "--from", "9999-12-31", "--to", "9999-12-31"],
    ],
    ids=" ".join,
)
def test_report_and_export_dates_out_of_range(capsys, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = run(capsys, *argv)
    assert_one_plain_line(rc, err)


BAD_URLS = [
    "postgresql://h:abc/db",  # port not a number
    "postgresql://[::1/x",  # broken IPv6 host
    "nonsense",
    "foo://x",  # no such database
    "postgresql://kiosk:secret-pw@127.0.0.1:1/x",  # nothing listens there
    "postgresql://",  # the default socket, no server
]


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("command", [["sync", "status"], ["demo", "seed", "--days", "1", "--per-day", "1"]])
def test_broken_database_url(capsys, monkeypatch, url: str, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATABASE_URL", url)
    rc, _, err = run(capsys, *command)
    assert_one_plain_line(rc, err)
    assert "secret-pw" not in err
    assert "database" in err


def test_console_script_gives_one_line_for_nan(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("kiosk")
    p = subprocess.run(
        [str(exe), "due-date", "--received", "2026-01-05 09:00", "--working-days", "nan"],
        capture_output=True, text=True, timeout=60,
    )
    assert p.returncode == 2 and p.stdout == ""
    assert_one_plain_line(p.returncode, p.stderr)

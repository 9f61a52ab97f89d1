"""`kiosk staff …` in process: PIN from standard input (never argv), list/disable/badge, one-line errors."""

from __future__ import annotations

import io
import json

import pytest

from tests.staff_helpers import PIN, cheap_argon2


@pytest.fixture(autouse=True)
def _cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap_argon2(monkeypatch)


def run(monkeypatch, capsys, argv, stdin=""):  # type: ignore[no-untyped-def]
    from kiosk.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def test_add_list_disable(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run(monkeypatch, capsys, ["staff", "add", "lan", "--role", "officer", "--full-name", "Nguyễn Thị Lan"], PIN + "\n")
    assert rc == 0 and "added lan" in out, err
    rc, out, _ = run(monkeypatch, capsys, ["staff", "list", "--json"])
    [u] = json.loads(out)
    assert u["username"] == "lan" and u["role"] == "officer" and u["active"] and "pin" not in json.dumps(u).lower()
    rc, out, _ = run(monkeypatch, capsys, ["staff", "disable", "lan"])
    assert rc == 0
    rc, out, _ = run(monkeypatch, capsys, ["staff", "list"])
    assert "disabled" in out and "Nguyễn Thị Lan" in out


def test_pin_never_from_argv_and_policy(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run(monkeypatch, capsys, ["staff", "add", "lan", "--role", "officer", "--full-name", "Lan"], "")
    assert rc == 2 and "no PIN" in err and "Traceback" not in err
    rc, out, err = run(monkeypatch, capsys, ["staff", "add", "lan", "--role", "officer", "--full-name", "Lan"], "123\n")
    assert rc == 1 and err.count("\n") == 1 and "6 digits" in err
    with pytest.raises(SystemExit) as e:  # there is no --pin option
        run(monkeypatch, capsys, ["staff", "add", "lan", "--role", "officer", "--full-name", "Lan", "--pin", PIN])
    assert e.value.code == 2


def test_duplicate_unknown_and_badge(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    run(monkeypatch, capsys, ["staff", "add", "lan", "--role", "officer", "--full-name", "Lan"], PIN + "\n")
    rc, _, err = run(monkeypatch, capsys, ["staff", "add", "lan", "--role", "admin", "--full-name", "X"], PIN + "\n")
    assert rc == 1 and "already exists" in err
    rc, _, err = run(monkeypatch, capsys, ["staff", "disable", "ghost"])
    assert rc == 1 and err.strip() == "kiosk: No staff user ghost."
    rc, out, err = run(monkeypatch, capsys, ["staff", "badge", "lan", "--id", "038085001234"])
    assert rc == 0, err
    rc, _, err = run(monkeypatch, capsys, ["staff", "badge", "lan", "--id", "3808"])
    assert rc == 1 and "12 digits" in err
    rc, out, _ = run(monkeypatch, capsys, ["staff", "list", "--json"])
    assert json.loads(out)[0]["has_badge"] is True and "038085001234" not in out

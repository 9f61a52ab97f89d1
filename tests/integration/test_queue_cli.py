"""`kiosk queue …` and `kiosk audit …` in process: take (prints the ticket PDF), call with the PIN from stdin,
status --json, served/no-show, audit list/export; one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

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


def test_take_call_status_and_audit(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = run(monkeypatch, capsys, ["staff", "add", "lan", "--role", "officer", "--full-name", "Nguyễn Thị Lan"], PIN + "\n")
    assert rc == 0, err
    rc, out, err = run(monkeypatch, capsys, ["queue", "take", "--field", "Hộ tịch", "--json"])
    assert rc == 0, err
    t = json.loads(out)
    assert t["number"] == "001" and t["ahead"] == 0 and t["printed"]["state"] == "ok"
    assert Path(t["printed"]["path"]).read_bytes().startswith(b"%PDF")
    rc, out, _ = run(monkeypatch, capsys, ["queue", "take", "--field", "Cư trú", "--no-print"])
    assert rc == 0 and out.startswith("ticket 002 (Cư trú): 0 ahead")

    rc, out, err = run(monkeypatch, capsys, ["queue", "call", "--counter", "3", "--staff", "lan"], "000000\n")
    assert rc == 3 and "staff login refused" in err and err.count("\n") == 1
    rc, out, err = run(monkeypatch, capsys, ["queue", "call", "--counter", "3", "--staff", "lan"], PIN + "\n")
    assert rc == 0, err
    assert out.strip() == "Mời công dân số 001 đến quầy số 3 / Number 001, please go to counter 3"
    rc, out, _ = run(monkeypatch, capsys, ["queue", "status", "--json"])
    st = json.loads(out)
    assert st["waiting"] == {"Cư trú": 1} and st["called"][0]["number"] == "001" and st["today"]["issued"] == 2
    rc, out, _ = run(monkeypatch, capsys, ["queue", "no-show", "--counter", "3", "--staff", "lan"], PIN + "\n")
    assert rc == 0 and out.strip() == "ticket 001: no_show"
    rc, _, err = run(monkeypatch, capsys, ["queue", "served", "--counter", "3", "--staff", "lan"], PIN + "\n")
    assert rc == 1 and "no called number" in err
    rc, out, _ = run(monkeypatch, capsys, ["queue", "call", "--counter", "3", "--staff", "lan", "--field", "Hộ tịch"], PIN + "\n")
    assert rc == 0 and out.strip() == "nobody is waiting"
    rc, _, err = run(monkeypatch, capsys, ["queue", "take", "--field", " "])
    assert rc == 1 and err.strip() == "kiosk: Pick a field."

    rc, out, _ = run(monkeypatch, capsys, ["audit", "list", "--json", "--action", "queue."])
    rows = json.loads(out)
    assert [r["action"] for r in rows] == ["queue.no_show", "queue.call", "queue.take", "queue.take"]
    assert rows[1]["staff"] == "lan" and rows[1]["details"]["counter"] == 3
    rc, out, _ = run(monkeypatch, capsys, ["audit", "list", "--staff", "lan"])
    assert "queue.call" in out and "queue.take" not in out
    dest = tmp_path / "out" / "audit.csv"
    rc, _, err = run(monkeypatch, capsys, ["audit", "export", "--from", "2000-01-01", "--to", "2100-12-31",
                                           "--format", "csv", "--out", str(dest)])
    assert rc == 0 and "exported" in err
    rows = list(csv.DictReader(dest.open(encoding="utf-8")))
    assert {"staff.add", "queue.take", "queue.call"} <= {r["action"] for r in rows}
    rc, out, _ = run(monkeypatch, capsys, ["audit", "export", "--from", "2000-01-01", "--to", "2100-12-31",
                                           "--format", "jsonl", "--out", "-"])
    assert rc == 0 and all(json.loads(x)["id"] for x in out.splitlines())
    rc, _, err = run(monkeypatch, capsys, ["audit", "list", "--from", "25/11/2026"])
    assert rc == 2 and "expected YYYY-MM-DD" in err
    with pytest.raises(SystemExit):  # export needs a period
        run(monkeypatch, capsys, ["audit", "export", "--format", "csv", "--out", str(dest)])

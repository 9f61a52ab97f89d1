"""`kiosk dossier financial|withdraw|stop`: statuses 6, 7 and 8 from the command line, PIN from stdin, the
same events and audit rows as the console, one plain line for an illegal move."""

from __future__ import annotations

import io
import json

import pytest

from tests.staff_helpers import PIN, cheap_argon2, make_app, submit


@pytest.fixture
def env(monkeypatch, database_url):  # type: ignore[no-untyped-def]
    """The CLI's own database (SQLite file or the session's PostgreSQL) with procedures, an officer, dossiers."""
    from kiosk.config import load_settings
    from kiosk.core.clock import SystemClock

    monkeypatch.setenv("KIOSK_DATABASE_URL", database_url)
    cheap_argon2(monkeypatch)
    app = make_app(load_settings(), SystemClock())
    app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
    codes = {"fee": submit(app, procedure="1.004222"), "plain": submit(app), "third": submit(app)}
    app.close()
    return codes


def run(monkeypatch, capsys, argv, stdin=PIN + "\n"):  # type: ignore[no-untyped-def]
    from kiosk.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    rc = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return rc, out, err


def detail(code: str):  # type: ignore[no-untyped-def]
    from kiosk.app import build_app
    from kiosk.config import load_settings

    app = build_app(load_settings(), sync_catalogue=False)
    try:
        return app.actions.detail(code)
    finally:
        app.close()


def test_financial_then_pay_returns_to_processing(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code = env["fee"]
    rc, _, err = run(monkeypatch, capsys, ["dossier", "financial", code, "--staff", "lan"])
    assert rc == 1 and err.count("\n") == 1 and "status 1" in err  # not accepted yet
    assert run(monkeypatch, capsys, ["dossier", "accept", code, "--staff", "lan", "--no-print"])[0] == 0
    rc, out, err = run(monkeypatch, capsys, ["dossier", "financial", code, "--staff", "lan", "--amount", "150000",
                                             "--reason", "lệ phí trước bạ", "--json"])
    assert rc == 0, err
    res = json.loads(out)
    assert (res["status_from"], res["status"], res["action"]) == (2, 6, "financial")
    det = detail(code)
    assert det.fee == 150000 and det.row.payment_state == "unpaid"
    ev = det.events[-1]
    assert ev["action"] == "financial" and ev["staff"] == "lan" and ev["details"]["amount"] == 150000
    rc, out, err = run(monkeypatch, capsys, ["dossier", "pay", code, "--staff", "lan", "--json"])
    assert rc == 0, err
    assert json.loads(out)["status"] == 4
    assert detail(code).row.status == 4


def test_withdraw_and_stop(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    rc, out, err = run(monkeypatch, capsys, ["dossier", "withdraw", env["plain"], "--staff", "lan",
                                             "--reason", "công dân xin rút"])
    assert rc == 0, err
    assert "withdraw 1 -> 7" in out
    ev = detail(env["plain"]).events[-1]
    assert ev["action"] == "withdraw" and ev["on_behalf_of_applicant"] is True
    rc, _, err = run(monkeypatch, capsys, ["dossier", "withdraw", env["plain"], "--staff", "lan"])
    assert rc == 1 and err.count("\n") == 1 and "status 7" in err
    rc, _, err = run(monkeypatch, capsys, ["dossier", "stop", env["third"], "--staff", "lan"])
    assert rc == 2 and "--reason" in err
    rc, _, err = run(monkeypatch, capsys, ["dossier", "stop", env["third"], "--staff", "lan", "--reason", "x"])
    assert rc == 1 and err.count("\n") == 1  # status 1 cannot be stopped
    assert run(monkeypatch, capsys, ["dossier", "accept", env["third"], "--staff", "lan", "--no-print"])[0] == 0
    rc, out, err = run(monkeypatch, capsys, ["dossier", "stop", env["third"], "--staff", "lan",
                                             "--reason", "Cơ quan có thẩm quyền yêu cầu dừng", "--json"])
    assert rc == 0, err
    assert json.loads(out)["status"] == 8
    assert json.loads(out)["printed"]["form"] == "05"  # Thông báo dừng giải quyết hồ sơ (TT 03/2025)
    rc, _, err = run(monkeypatch, capsys, ["dossier", "stop", env["third"], "--staff", "lan", "--reason", "x"], "000999\n")
    assert rc == 3 and "Wrong username or PIN" in err


def test_audit_rows_hold_no_reason_text(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import build_app
    from kiosk.config import load_settings
    from kiosk.core.audit_log import AuditFilter, AuditLog

    assert run(monkeypatch, capsys, ["dossier", "withdraw", env["plain"], "--staff", "lan",
                                     "--reason", "Nguyễn Thị Hương xin rút"])[0] == 0
    app = build_app(load_settings(), sync_catalogue=False)
    try:
        rows = [r for r in AuditLog(app.session_factory).query(AuditFilter(), limit=100)
                if r.dossier_code == env["plain"] and r.action.endswith("withdraw")]
    finally:
        app.close()
    assert len(rows) == 1 and rows[0].staff == "lan"
    assert "Hương" not in json.dumps(rows[0].details, ensure_ascii=False)

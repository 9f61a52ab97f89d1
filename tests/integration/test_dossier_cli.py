"""`kiosk dossier …` in process: the console's actions from the command line, PIN from stdin, forms printed
through the printing package (PDF back end), one plain line for every refusal."""

from __future__ import annotations

import io
import json

import pytest

from tests.staff_helpers import PIN, cheap_argon2, make_app, submit


@pytest.fixture
def env(monkeypatch):  # type: ignore[no-untyped-def]
    """The CLI's own database (KIOSK_DATA_DIR) with procedures, one officer and one kiosk dossier."""
    from kiosk.config import load_settings
    from kiosk.core.clock import SystemClock

    cheap_argon2(monkeypatch)
    app = make_app(load_settings(), SystemClock())
    app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
    code = submit(app)
    fee_code = submit(app, procedure="1.004222")
    _sms_consent(app, code)
    app.close()
    return {"code": code, "fee_code": fee_code}


def _sms_consent(app, code: str) -> None:  # type: ignore[no-untyped-def]
    """The applicant has an account and agreed to status text messages (kiosk.core.contact)."""
    from datetime import UTC, datetime

    from sqlalchemy import select

    from kiosk.models.tables import Account, Consent, Dossier

    now = datetime.now(UTC)
    with app.session_factory() as s, s.begin():
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        acc = Account(citizen_id=d.applicant_id, phone="+84912345678", status="active", phone_verified_at=now,
                      created_at=now)
        s.add(acc)
        s.flush()
        s.add(Consent(account_id=acc.id, purpose="sms_notifications", text_version="consents-2026.1", granted=True,
                      at=now))


def run(monkeypatch, capsys, argv, stdin=PIN + "\n"):  # type: ignore[no-untyped-def]
    from kiosk.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    rc = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return rc, out, err


def status(monkeypatch, capsys, code):  # type: ignore[no-untyped-def]
    rc, out, _ = run(monkeypatch, capsys, ["dossier", "status", code, "--json"], "")
    assert rc == 0
    return json.loads(out)


def test_accept_prints_form_01_and_status(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code = env["code"]
    rc, out, err = run(monkeypatch, capsys, ["dossier", "accept", code, "--staff", "lan", "--json"])
    assert rc == 0, err
    res = json.loads(out)
    assert res["status"] == 2 and res["due"] and res["printed"]["form"] == "01"
    assert res["printed"]["state"] == "ok", res
    st = status(monkeypatch, capsys, code)
    assert set(st) == {"code", "status", "status_text", "received", "due", "next_step"}
    assert st["status"] == 2 and st["received"]
    rc, out, err = run(monkeypatch, capsys, ["dossier", "accept", code, "--staff", "lan"])
    assert rc == 1 and err.count("\n") == 1 and "status 2" in err


def test_wrong_pin_unknown_staff_unknown_dossier(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = run(monkeypatch, capsys, ["dossier", "accept", env["code"], "--staff", "lan"], "000999\n")
    assert rc == 3 and "Wrong username or PIN" in err
    rc, _, err = run(monkeypatch, capsys, ["dossier", "accept", env["code"], "--staff", "ghost"])
    assert rc == 3 and err.count("\n") == 1
    rc, _, err = run(monkeypatch, capsys, ["dossier", "accept", "000.00.06.H56-000000-0000", "--staff", "lan", "--no-print"])
    assert rc == 1 and "No dossier" in err
    assert status(monkeypatch, capsys, env["code"])["status"] == 1


def test_supplement_supplied_refuse(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code = env["code"]
    rc, _, err = run(monkeypatch, capsys, ["dossier", "supplement", code, "--staff", "lan", "--no-print"])
    assert rc == 2 and "NAME: REASON" in err
    rc, out, err = run(
        monkeypatch, capsys,
        ["dossier", "supplement", code, "--staff", "lan", "--item", "Tờ khai: thiếu chữ ký",
         "--missing", "Ảnh 4x6", "Giấy chứng sinh", "--reason", "bản photo mờ", "--guidance", "Nộp tại quầy 3", "--json"],
    )
    assert rc == 0, err
    res = json.loads(out)
    assert res["printed"]["form"] == "02" and res["sms"] == "sent"
    from kiosk.config import load_settings
    from kiosk.integrations.sms import outbox_path, read_outbox

    [msg] = read_outbox(outbox_path(load_settings()))
    assert code in msg["text"] and msg["to"] == "+84912345678"
    rc, out, _ = run(monkeypatch, capsys, ["dossier", "show", code, "--json"], "")
    det = json.loads(out)
    ev = det["events"][-1]
    assert ev["action"] == "supplement" and len(ev["details"]["items"]) == 3 and ev["staff"] == "lan"
    rc, out, err = run(monkeypatch, capsys, ["dossier", "supplied", code, "--staff", "lan"])
    assert rc == 0 and "5 -> 1" in out, err
    rc, _, err = run(monkeypatch, capsys, ["dossier", "refuse", code, "--staff", "lan"])
    assert rc == 2 and "--reason" in err
    rc, out, err = run(monkeypatch, capsys, ["dossier", "refuse", code, "--staff", "lan", "--reason", "Không thuộc thẩm quyền"])
    assert rc == 0 and "-> 3" in out, err
    rc, _, err = run(monkeypatch, capsys, ["dossier", "accept", code, "--staff", "lan"])
    assert rc == 1 and "status 3" in err  # accepting a refused dossier


def test_pay_finish_return_and_apologize(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code = env["fee_code"]
    assert run(monkeypatch, capsys, ["dossier", "accept", code, "--staff", "lan", "--no-print"])[0] == 0
    rc, _, err = run(monkeypatch, capsys, ["dossier", "apologize", code, "--staff", "lan", "--reason", "Xác minh", "--new-due", "bad"])
    assert rc == 2 and "--new-due" in err
    rc, out, err = run(
        monkeypatch, capsys,
        ["dossier", "apologize", code, "--staff", "lan", "--reason", "Cần xác minh", "--new-due", "2099-01-05", "--json"],
    )
    assert rc == 0, err
    res = json.loads(out)
    assert res["due"].startswith("2099-01-05T17:00") and res["printed"]["form"] == "04"
    rc, _, err = run(monkeypatch, capsys, ["dossier", "apologize", code, "--staff", "lan", "--reason", "x", "--new-due", "2099-02-01"])
    assert rc == 1 and "once" in err
    assert run(monkeypatch, capsys, ["dossier", "finish", code, "--staff", "lan"])[0] == 0
    rc, _, err = run(monkeypatch, capsys, ["dossier", "return", code, "--staff", "lan"])
    assert rc == 1 and "unpaid" in err  # payment comes first
    rc, out, err = run(monkeypatch, capsys, ["dossier", "pay", code, "--staff", "lan", "--reference", "BL-7"])
    assert rc == 0, err
    rc, out, err = run(monkeypatch, capsys, ["dossier", "return", code, "--staff", "lan", "--via", "counter"])
    assert rc == 0 and "-> 10" in out
    rc, out, _ = run(monkeypatch, capsys, ["dossier", "list", "--status", "10", "--json"], "")
    assert [r["code"] for r in json.loads(out)] == [code]


def test_print_failure_never_loses_the_change(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from kiosk.devices.printing import service

    def boom(self, *a, **k):  # type: ignore[no-untyped-def]
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(service.DeviceFormPrinter, "print_form", boom)  # the port must not raise; this one does
    rc, out, err = run(monkeypatch, capsys, ["dossier", "accept", env["code"], "--staff", "lan"])
    assert rc == 0 and "-> 2" in out and "not printed" in err and "kiosk receipt" in err
    assert status(monkeypatch, capsys, env["code"])["status"] == 2


def test_queue_and_walk_in(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    rc, out, _ = run(monkeypatch, capsys, ["dossier", "queue", "--json"], "")
    assert {r["code"] for r in json.loads(out)} == {env["code"], env["fee_code"]}
    assert all(r["level"] in ("ok", "amber", "red") for r in json.loads(out))
    rc, out, err = run(
        monkeypatch, capsys,
        ["dossier", "walk-in", "--staff", "lan", "--procedure", "1.004873", "--id", "079301000111",
         "--name", "Trần Văn Bình", "--no-print", "--json"],
    )
    assert rc == 0, err
    res = json.loads(out)
    assert res["status"] == 2 and res["due"]
    rc, out, _ = run(monkeypatch, capsys, ["dossier", "show", res["code"], "--json"], "")
    det = json.loads(out)
    assert det["channel"] == "counter" and det["events"][0]["staff"] == "lan"
    assert det["events"][0]["on_behalf_of_applicant"] is True
    rc, _, err = run(monkeypatch, capsys, ["dossier", "walk-in", "--staff", "lan", "--procedure", "1.004873",
                                           "--id", "079301000111", "--no-print"])
    assert rc == 2 and "--name" in err


def test_walk_in_stores_which_papers_were_handed_in(env, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """1.004222 lists a required form and two optional papers: the citizen brings the second only."""
    rc, out, err = run(
        monkeypatch, capsys,
        ["dossier", "walk-in", "--staff", "lan", "--procedure", "1.004222", "--id", "079301000111",
         "--name", "Trần Văn Bình", "--paper", "2", "--json"],
    )
    assert rc == 0, err
    res = json.loads(out)
    assert res["fee"] == 20000 and res["printed"]["state"] == "ok"  # a counter dossier: the counter fee
    rc, out, _ = run(monkeypatch, capsys, ["dossier", "show", res["code"], "--json"], "")
    docs = json.loads(out)["documents"]
    assert [d["provision"] for d in docs] == ["paper", "paper", "not_provided"]
    rc, _, err = run(monkeypatch, capsys, ["dossier", "walk-in", "--staff", "lan", "--procedure", "1.004222",
                                           "--id", "079301000111", "--name", "Trần Văn Bình", "--paper", "9"])
    assert rc == 2 and err.count("\n") == 1 and "no paper number 9" in err

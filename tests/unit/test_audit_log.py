"""The audit log: append-only in the database itself (SQLite and PostgreSQL), filters, exports, and no raw
personal data in any row a realistic flow writes (kiosk submission, account creation, staff actions, queue)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from tests.conftest import vn
from tests.staff_helpers import APPLICANT_ID, APPLICANT_NAME, PIN, cheap_argon2, make_app, submit

OTHER_ID, OTHER_NAME, PHONE = "038085001234", "Đặng Văn Đức", "0912345678"


@pytest.fixture
def aapp(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    a.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
    a.staff.add("hoa", "supervisor", "Phạm Thị Hoa", PIN)
    yield a
    a.close()


def _log(app):  # type: ignore[no-untyped-def]
    from kiosk.core.audit_log import AuditLog

    return AuditLog(app.session_factory)


def _flow(app, clock) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Citizen account + kiosk submission, counter walk-in-like second dossier, staff actions, a ticket."""
    from kiosk.core.consent_texts import load_consent_texts
    from kiosk.core.dossiers import PersonData
    from kiosk.integrations.sms import outbox_path

    lan = app.staff.authenticate("lan", PIN).id
    # account creation with OTP through the demo SMS outbox
    app.accounts.send_otp(PHONE)
    last = [json.loads(x) for x in outbox_path(app.settings).read_text(encoding="utf-8").splitlines() if x.strip()][-1]
    code = re.search(r"\b(\d{6})\b", last["text"]).group(1)  # type: ignore[union-attr]
    proof = app.accounts.verify_otp(PHONE, code)
    app.accounts.create_account(
        PersonData(id_number=APPLICANT_ID, full_name=APPLICANT_NAME, phone=PHONE), PHONE, "huong@example.vn",
        {}, proof, load_consent_texts().version,
    )
    a = submit(app)
    b = submit(app, procedure="1.004222", id_number=OTHER_ID, name=OTHER_NAME)
    x = app.actions
    clock.advance(minutes=30)
    x.accept(a, lan)
    x.request_supplement(b, lan, [{"name": f"Giấy của {OTHER_NAME}", "reason": f"gọi {PHONE}, CCCD {OTHER_ID}"}])
    x.refuse(b, lan, f"Ông {OTHER_NAME} ({OTHER_ID}) không đủ điều kiện")
    x.start_processing(a, lan)
    x.request_financial(a, lan, 30000, f"thuế của {APPLICANT_NAME}")
    x.record_payment(a, lan, "counter_cash", 30000, reference=PHONE)
    x.withdraw(a, lan, f"{APPLICANT_NAME} rút hồ sơ, sđt {PHONE}")
    q = app.queue
    q.take_ticket("Hộ tịch", "KIOSK-01")
    q.call_next(2, lan)
    return {"a": a, "b": b}


def test_no_raw_personal_data_in_any_audit_row(aapp, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.audit_log import personal_data_findings

    _flow(aapp, clock)
    rows = _log(aapp).query(limit=None)
    actions = {r.action for r in rows}
    assert {"account.created", "dossier.submit", "dossier.accept", "dossier.supplement", "dossier.refuse",
            "dossier.financial", "dossier.payment", "dossier.withdraw", "queue.take", "queue.call"} <= actions, actions
    names = (APPLICANT_NAME, OTHER_NAME, "Nguyễn Thị Hương".casefold(), "huong@example.vn")
    assert personal_data_findings(rows, names) == []
    blob = json.dumps([r.as_json() for r in rows], ensure_ascii=False)
    for raw in (APPLICANT_ID, OTHER_ID, PHONE, "+84912345678", "912345678"):
        assert raw not in blob
    # the scanner itself does find planted data
    from kiosk.core.audit_log import AuditRow

    planted = AuditRow(0, rows[0].at, "staff", "lan", "x", None, None, None, None,
                       {"note": f"CCCD {OTHER_ID}, gọi +84912345678", "who": OTHER_NAME})
    assert len(personal_data_findings([planted], (OTHER_NAME,))) == 3


def test_append_only_enforced_by_the_database(aapp) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.database import session_scope
    from kiosk.models.tables import AuditEvent

    submit(aapp)
    n = len(_log(aapp).query(limit=None))
    for stmt in (
        update(AuditEvent).values(action="tampered"),
        delete(AuditEvent),
        text("UPDATE audit_events SET details = '{}'"),
    ):
        with pytest.raises(DBAPIError) as ei:
            with session_scope(aapp.session_factory) as s:
                s.execute(stmt)
        assert "append-only" in str(ei.value)
    rows = _log(aapp).query(limit=None)
    assert len(rows) == n and "tampered" not in {r.action for r in rows}
    import kiosk.core.audit_log as mod

    assert not [name for name in dir(mod.AuditLog) if name.startswith(("update", "delete", "purge", "remove"))]


def test_filters_and_exports(aapp, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.audit_log import AuditFilter

    codes = _flow(aapp, clock)
    log = _log(aapp)
    by_b = log.query(AuditFilter(dossier_code=codes["b"]))
    assert [r.action for r in by_b] == ["dossier.refuse", "dossier.supplement", "dossier.submit"]
    lan = log.query(AuditFilter(staff="lan"))
    assert lan and all(r.staff == "lan" for r in lan)
    assert {r.action for r in log.query(AuditFilter(action="queue."))} == {"queue.take", "queue.call"}
    assert [r.action for r in log.query(AuditFilter(action="dossier.accept"))] == ["dossier.accept"]
    assert {r.kiosk_id for r in log.query(AuditFilter(kiosk_id="KIOSK-01"))} == {"KIOSK-01"}
    later = log.query(AuditFilter(start=vn(2026, 11, 25, 9, 15)))
    assert later and all(r.at >= vn(2026, 11, 25, 9, 15) for r in later)
    assert "dossier.submit" not in {r.action for r in later}
    assert log.query(AuditFilter(end=vn(2026, 11, 25, 8, 0))) == []

    whole = AuditFilter(start=vn(2026, 11, 25, 0, 0), end=vn(2026, 11, 26, 0, 0))
    buf = io.StringIO()
    n = log.export(whole, "csv", buf, aapp.settings.tz)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert n == len(rows) == len(log.query(whole, limit=None))
    assert [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)  # oldest first
    assert rows[0]["at"].endswith("+07:00")
    out = tmp_path / "audit.jsonl"
    assert log.export_file(whole, "jsonl", out) == n
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {x["action"] for x in lines} >= {"dossier.withdraw", "queue.call"}
    with pytest.raises(ValueError):
        log.export(whole, "xml", io.StringIO())


def test_status_6_7_8_transitions(aapp, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_actions import ActionError

    lan = aapp.staff.authenticate("lan", PIN).id
    x = aapp.actions
    a = submit(aapp)
    with pytest.raises(ActionError, match="Cannot request a financial obligation"):
        x.request_financial(a, lan, 10000)  # not accepted yet
    with pytest.raises(ActionError, match="Cannot stop"):
        x.stop_processing(a, lan, "lý do")
    x.accept(a, lan)
    with pytest.raises(ActionError, match="no fee"):
        x.request_financial(a, lan)  # 1.004873 is free and no amount given
    r = x.request_financial(a, lan, 15000)
    assert (r.status_from, r.status_to) == (2, 6)
    from kiosk.models.tables import Dossier

    with aapp.session_factory() as s:
        d = s.query(Dossier).filter_by(code=a).one()
        assert (d.status, d.payment_state, d.fee) == (6, "unpaid", 15000)
    with pytest.raises(ActionError, match="needs a reason"):
        x.stop_processing(a, lan, " ")
    r = x.stop_processing(a, lan, "Hồ sơ giả mạo")
    assert (r.status_from, r.status_to) == (6, 8)
    with pytest.raises(ActionError, match="Cannot withdraw"):
        x.withdraw(a, lan)
    b = submit(aapp, id_number=OTHER_ID, name=OTHER_NAME)
    r = x.withdraw(b, lan, "công dân đổi ý")
    assert (r.status_from, r.status_to) == (1, 7)
    with pytest.raises(ActionError, match="Cannot accept"):
        x.accept(b, lan)


def test_no_audit_row_can_be_changed_not_even_a_provisional_code(aapp) -> None:  # type: ignore[no-untyped-def]
    """Submission writes its audit row once, with the allocated code; the database refuses every UPDATE."""
    from kiosk.core.audit import record_audit
    from kiosk.models.database import session_scope
    from kiosk.models.tables import AuditEvent

    with session_scope(aapp.session_factory) as s:
        ev = record_audit(s, at=vn(2026, 11, 25, 9, 0), action="dossier.submit", actor_type="citizen",
                          dossier_code="~abc123", details={"channel": "kiosk"})
        s.flush()
        ev_id = ev.id
    for values in ({"dossier_code": "X-2"}, {"action": "other"}):
        with pytest.raises(DBAPIError, match="append-only"):
            with session_scope(aapp.session_factory) as s:
                s.execute(update(AuditEvent).where(AuditEvent.id == ev_id).values(**values))
    assert [r.dossier_code for r in _log(aapp).query(limit=None) if r.id == ev_id] == ["~abc123"]

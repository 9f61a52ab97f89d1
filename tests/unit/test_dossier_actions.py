"""DossierActions: every status transition, illegal ones refused, the supplement pause, apology rules, the
acceptance queue clock, search, help requests, and the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.conftest import vn
from tests.staff_helpers import APPLICANT_ID, PIN, cheap_argon2, make_app, submit


@pytest.fixture
def app(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    yield a
    a.close()


@pytest.fixture
def staff_id(app) -> int:  # type: ignore[no-untyped-def]
    return app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN).id


def _dossier(app, code):  # type: ignore[no-untyped-def]
    from kiosk.models.tables import Dossier

    with app.session_factory() as s:
        return s.scalar(select(Dossier).where(Dossier.code == code))


def _events(app, code):  # type: ignore[no-untyped-def]
    from kiosk.models.tables import Dossier, DossierEvent

    with app.session_factory() as s:
        return s.scalars(
            select(DossierEvent).join(Dossier).where(Dossier.code == code).order_by(DossierEvent.id)
        ).all()


def _audit_actions(app, code):  # type: ignore[no-untyped-def]
    from kiosk.models.tables import AuditEvent

    with app.session_factory() as s:
        return [a.action for a in s.scalars(select(AuditEvent).where(AuditEvent.dossier_code == code).order_by(AuditEvent.id))]


def test_accept_computes_due_from_acceptance(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    code = submit(app)
    clock.advance(hours=5)  # Wed 14:00
    r = app.actions.accept(code, staff_id)
    assert (r.status_from, r.status_to) == (1, 2)
    d = _dossier(app, code)
    assert d.received_at == vn(2026, 11, 25, 14, 0)
    assert d.due_at == d.original_due_at == vn(2026, 11, 30, 14, 0)  # 3 working days over the weekend
    assert _events(app, code)[-1].staff_id == staff_id
    assert _audit_actions(app, code) == ["dossier.submit", "dossier.accept"]


def test_accept_across_new_year_holiday(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    clock.t = vn(2026, 12, 31, 10, 0)  # Thursday; 1/1/2027 is a Friday holiday
    code = submit(app)
    app.actions.accept(code, staff_id)
    assert _dossier(app, code).due_at == vn(2027, 1, 6, 10, 0)


def test_full_happy_path_with_payment(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_actions import ActionError

    code = submit(app, procedure="1.004222")  # fee 10 000 đ online
    assert _dossier(app, code).payment_state == "unpaid"
    app.actions.accept(code, staff_id)
    assert app.actions.start_processing(code, staff_id).status_to == 4
    assert app.actions.finish(code, staff_id).status_to == 9
    with pytest.raises(ActionError, match="unpaid"):
        app.actions.return_result(code, staff_id, "counter")
    r = app.actions.record_payment(code, staff_id, "counter_cash", 10000, "BL-001")
    assert r.status_to == 9
    with pytest.raises(ActionError, match="already paid"):
        app.actions.record_payment(code, staff_id, "counter_cash", 10000)
    r = app.actions.return_result(code, staff_id, "counter")
    assert r.status_to == 10
    d = _dossier(app, code)
    assert d.payment_state == "paid_counter" and d.delivered_via == "counter" and d.returned_at and d.finished_at
    evs = _events(app, code)
    assert [e.action for e in evs] == ["submit", "accept", "start_processing", "finish", "payment", "return"]
    pay = evs[4]
    assert pay.on_behalf_of_citizen_id == d.applicant_id and pay.staff_id == staff_id
    assert _audit_actions(app, code)[1:] == [
        "dossier.accept", "dossier.start_processing", "dossier.finish", "dossier.payment", "dossier.return"
    ]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    "setup, action, match",
    [
        ([], "finish", "status 1"),
        ([], "return", "status 1"),
        ([], "supplied", "status 1"),
        (["accept"], "accept", "status 2"),
        (["accept"], "refuse", "status 2"),
        (["refuse"], "accept", "status 3"),
        (["refuse"], "supplement", "status 3"),
        (["accept", "finish"], "supplement", "status 9"),
        (["accept", "finish"], "start_processing", "status 9"),
        (["accept", "finish", "return"], "finish", "status 10"),
        (["accept", "finish", "return"], "pay", "status 10"),
        (["supplement"], "accept", "status 5"),
        (["supplement"], "finish", "status 5"),
        ([], "apologize", "status 1"),
    ],
)
def test_illegal_transitions(app, staff_id, setup, action, match) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_actions import ActionError

    code = submit(app)
    do = _doer(app, staff_id)
    for step in setup:
        do[step](code)
    before = _dossier(app, code).status
    n_events = len(_events(app, code))
    with pytest.raises(ActionError, match=match) as e:
        do[action](code)
    assert e.value.vi and code in e.value.vi
    assert _dossier(app, code).status == before and len(_events(app, code)) == n_events


def _doer(app, staff_id):  # type: ignore[no-untyped-def]
    a = app.actions
    return {
        "accept": lambda c: a.accept(c, staff_id),
        "start_processing": lambda c: a.start_processing(c, staff_id),
        "refuse": lambda c: a.refuse(c, staff_id, "Không thuộc thẩm quyền"),
        "supplement": lambda c: a.request_supplement(c, staff_id, [{"name": "Tờ khai", "reason": "Thiếu chữ ký"}]),
        "supplied": lambda c: a.supplied(c, staff_id),
        "finish": lambda c: a.finish(c, staff_id),
        "return": lambda c: a.return_result(c, staff_id, "counter"),
        "pay": lambda c: a.record_payment(c, staff_id, "counter_cash", 1000),
        "apologize": lambda c: a.apologize(c, staff_id, "Chờ xác minh", vn(2026, 12, 30, 17, 0)),
    }


def test_lockout_round_trip(app, clock) -> None:  # type: ignore[no-untyped-def]
    """Aware timestamps of the lock survive the database (SQLite and PostgreSQL)."""
    from kiosk.core.staff import StaffAuthError

    svc = app.staff
    svc.max_failures = 2
    svc.add("hoa", "officer", "Hoa", "739164")
    for _ in range(2):
        with pytest.raises(StaffAuthError):
            svc.authenticate("hoa", "000111")
    with pytest.raises(StaffAuthError) as e:
        svc.authenticate("hoa", "739164")
    assert e.value.reason == "locked"
    clock.advance(minutes=16)
    assert svc.authenticate("hoa", "739164").username == "hoa"


def test_unknown_dossier_and_disabled_staff(app, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_actions import ActionError

    with pytest.raises(ActionError, match="No dossier"):
        app.actions.accept("000.00.06.H56-261125-9999", staff_id)
    code = submit(app)
    app.staff.disable("lan")
    with pytest.raises(ActionError, match="disabled"):
        app.actions.accept(code, staff_id)


def test_refuse_records_reason_for_form_03(app, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_actions import ActionError

    code = submit(app)
    with pytest.raises(ActionError):
        app.actions.refuse(code, staff_id, "  ")
    app.actions.refuse(code, staff_id, "Hồ sơ không thuộc thẩm quyền giải quyết")
    d = _dossier(app, code)
    assert d.status == 3 and d.finished_at is not None
    ev = _events(app, code)[-1]
    assert ev.action == "refuse" and ev.details == {"reason": "Hồ sơ không thuộc thẩm quyền giải quyết"}


def test_supplement_needs_whole_list(app, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_actions import ActionError, SupplementItem

    code = submit(app)
    with pytest.raises(ActionError):
        app.actions.request_supplement(code, staff_id, [])
    with pytest.raises(ActionError):
        app.actions.request_supplement(code, staff_id, [{"name": "Tờ khai", "reason": ""}])
    with pytest.raises(ActionError):
        SupplementItem.parse("no colon here")
    items = [SupplementItem.parse("Tờ khai: thiếu chữ ký"), SupplementItem.parse("Giấy chứng sinh: bản photo mờ")]
    r = app.actions.request_supplement(code, staff_id, items, guidance="Nộp bản chính tại quầy số 3")
    assert r.status_to == 5
    ev = _events(app, code)[-1]
    assert ev.action == "supplement"
    assert ev.details["items"] == [
        {"name": "Tờ khai", "reason": "thiếu chữ ký"}, {"name": "Giấy chứng sinh", "reason": "bản photo mờ"}
    ]
    assert ev.details["guidance"] == "Nộp bản chính tại quầy số 3"
    d = _dossier(app, code)
    assert d.supplement_rounds == 1 and d.supplement_requested_at == vn(2026, 11, 25, 9, 0)


def test_supplement_pause_shifts_due_by_paused_working_time(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    code = submit(app)
    app.actions.accept(code, staff_id)  # Wed 25/11 09:00 → due Mon 30/11 09:00
    old_due = _dossier(app, code).due_at
    assert old_due == vn(2026, 11, 30, 9, 0)
    clock.t = vn(2026, 11, 26, 10, 0)  # Thu: 1 working hour... used so far: Wed 09:00→Thu 10:00 = 9 h
    app.actions.request_supplement(code, staff_id, [{"name": "Tờ khai", "reason": "sai ngày sinh"}])
    paused_at = clock.t
    clock.t = vn(2026, 12, 1, 14, 0)  # Tue, after the old due date: time used still counts, the rest goes on
    r = app.actions.supplied(code, staff_id)
    assert (r.status_from, r.status_to) == (5, 2)
    d = _dossier(app, code)
    cal = app.calendar
    assert d.due_at == vn(2026, 12, 3, 11, 0)  # 15 working hours left at the pause, from Tue 14:00
    assert cal.working_time_between(clock.t, d.due_at) == cal.working_time_between(paused_at, old_due)
    pause = cal.working_time_between(paused_at, clock.t)
    assert cal.working_time_between(old_due, d.due_at) == pause
    assert d.paused_seconds == int(pause.total_seconds()) and d.original_due_at == old_due
    ev = _events(app, code)[-1]
    assert ev.action == "supplied" and ev.on_behalf_of_citizen_id == d.applicant_id


def test_supplement_pause_across_holiday_returns_to_in_progress(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    clock.t = vn(2026, 12, 28, 8, 0)  # Monday
    code = submit(app)
    app.actions.accept(code, staff_id)
    app.actions.start_processing(code, staff_id)
    old_due = _dossier(app, code).due_at
    assert old_due == vn(2026, 12, 31, 8, 0)
    clock.t = vn(2026, 12, 29, 8, 0)  # used 8 h; 16 h left
    app.actions.request_supplement(code, staff_id, [{"name": "Ảnh", "reason": "không rõ"}])
    clock.t = vn(2026, 12, 31, 16, 0)  # resubmitted Thu 16:00; Fri 1/1 holiday, then the weekend
    r = app.actions.supplied(code, staff_id)
    assert r.status_to == 4
    assert _dossier(app, code).due_at == vn(2027, 1, 5, 16, 0)  # 1 h Thu + 8 h Mon + 7 h Tue


def test_supplement_before_acceptance_restarts_window(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    code = submit(app)  # kiosk, status 1, deadline Thu 09:00
    app.actions.request_supplement(code, staff_id, [{"name": "Tờ khai", "reason": "thiếu"}])
    clock.t = vn(2026, 11, 27, 10, 0)  # Fri
    r = app.actions.supplied(code, staff_id)
    assert r.status_to == 1
    d = _dossier(app, code)
    assert d.received_at is None and d.due_at is None
    assert d.accept_deadline == vn(2026, 11, 30, 10, 0)
    clock.t = vn(2026, 11, 30, 8, 0)
    app.actions.accept(code, staff_id)
    assert _dossier(app, code).due_at == vn(2026, 12, 3, 8, 0)


def test_apology_before_due_only_once(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_actions import ActionError

    code = submit(app)
    app.actions.accept(code, staff_id)  # due Mon 30/11 09:00
    with pytest.raises(ActionError, match="after the current"):
        app.actions.apologize(code, staff_id, "Chờ xác minh", vn(2026, 11, 30, 8, 0))
    with pytest.raises(ActionError, match="reason"):
        app.actions.apologize(code, staff_id, "", vn(2026, 12, 4, 17, 0))
    clock.t = vn(2026, 11, 27, 15, 0)
    r = app.actions.apologize(code, staff_id, "Phải xác minh tại nơi cư trú", vn(2026, 12, 4, 17, 0))
    assert r.status_to == 2 and r.due_at == vn(2026, 12, 4, 17, 0)
    d = _dossier(app, code)
    assert d.due_at == vn(2026, 12, 4, 17, 0) and d.original_due_at == vn(2026, 11, 30, 9, 0)
    ev = _events(app, code)[-1]
    assert ev.action == "apologize" and ev.details["reason"] == "Phải xác minh tại nơi cư trú"
    assert ev.details["new_due"] == vn(2026, 12, 4, 17, 0).isoformat()
    with pytest.raises(ActionError, match="once"):
        app.actions.apologize(code, staff_id, "Lần nữa", vn(2026, 12, 10, 17, 0))
    assert "dossier.apologize" in _audit_actions(app, code)


def test_apology_refused_after_due(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_actions import ActionError

    code = submit(app)
    app.actions.accept(code, staff_id)
    clock.t = vn(2026, 11, 30, 9, 0)
    with pytest.raises(ActionError, match="before the due date"):
        app.actions.apologize(code, staff_id, "Trễ", vn(2026, 12, 4, 17, 0))


def test_counter_walk_in_is_accepted_at_once(app, staff_id) -> None:  # type: ignore[no-untyped-def]
    code = submit(app, channel="counter")
    d = _dossier(app, code)
    assert d.status == 2 and d.received_at is not None and d.accept_deadline is None


def test_queue_colours_follow_the_8_hour_window(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_queries import format_remaining

    code = submit(app)  # Wed 09:00 → deadline Thu 09:00
    [row] = app.actions.pending_acceptance()
    assert row.code == code and row.level == "ok" and row.remaining == timedelta(hours=8)
    clock.t = vn(2026, 11, 26, 8, 15)
    [row] = app.actions.pending_acceptance()
    assert row.level == "amber" and row.remaining == timedelta(minutes=45)
    assert format_remaining(row.remaining) == "còn 0 giờ 45 phút"
    clock.t = vn(2026, 11, 26, 10, 30)
    [row] = app.actions.pending_acceptance()
    assert row.level == "red" and row.remaining == -timedelta(hours=1, minutes=30)
    assert format_remaining(row.remaining) == "quá 1 giờ 30 phút"
    app.actions.accept(code, staff_id)
    assert app.actions.pending_acceptance() == []
    assert _events(app, code)[-1].details["late_acceptance"] is True


def test_search_by_code_id_and_folded_name(app) -> None:  # type: ignore[no-untyped-def]
    c1 = submit(app)
    c2 = submit(app, id_number="038085001234", name="Đặng Văn Đức")
    assert [r.code for r in app.actions.search(c1)] == [c1]
    assert [r.code for r in app.actions.search(c2[-4:])] == [c2]
    assert [r.code for r in app.actions.search(APPLICANT_ID)] == [c1]
    assert [r.code for r in app.actions.search("nguyen thi  huong")] == [c1]
    assert [r.code for r in app.actions.search("DANG VAN DUC")] == [c2]
    assert app.actions.search("không ai") == []
    assert app.actions.search("   ") == []


def test_detail_and_tracking(app, staff_id) -> None:  # type: ignore[no-untyped-def]
    code = submit(app)
    app.actions.request_supplement(code, staff_id, [{"name": "Tờ khai", "reason": "thiếu"}])
    det = app.actions.detail(code)
    assert det.row.status == 5 and det.documents[0]["name"] == "Tờ khai"
    assert [e["action"] for e in det.events] == ["submit", "supplement"]
    assert det.events[-1]["staff"] == "lan"
    assert det.as_json()["code"] == code
    tr = app.actions.tracking(code)
    assert tr["status"] == 5 and "bổ sung" in tr["next_step"] and set(tr) >= {"code", "status_text", "received", "due"}
    assert app.actions.detail("nope") is None and app.actions.tracking("nope") is None


def test_help_requests_take_and_close(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossier_actions import ActionError
    from kiosk.models.database import session_scope
    from kiosk.models.tables import AuditEvent, HelpRequest

    with session_scope(app.session_factory) as s:
        s.add(HelpRequest(kiosk_id="KIOSK-02", kiosk_name="Ki-ốt tầng 1", created_at=clock.now()))
    [h] = app.actions.open_help_requests()
    assert h.kiosk_name == "Ki-ốt tầng 1" and h.state == "open"
    app.actions.take_help(h.id, staff_id)
    assert app.actions.open_help_requests()[0].taken_by == "Nguyễn Thị Lan"
    other = app.staff.add("hoa", "officer", "Hoa", "739164").id
    with pytest.raises(ActionError):
        app.actions.take_help(h.id, other)
    app.actions.close_help(h.id, staff_id)
    assert app.actions.open_help_requests() == []
    with app.session_factory() as s:
        assert [a.action for a in s.scalars(select(AuditEvent).where(AuditEvent.action.like("help.%")))] == [
            "help.take", "help.close"
        ]


def test_audit_has_no_raw_id_or_free_text(app, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.tables import AuditEvent

    code = submit(app)
    app.actions.refuse(code, staff_id, "Ông Nguyễn Văn A không đủ điều kiện")
    with app.session_factory() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.dossier_code == code)).all()
    text = " ".join(f"{r.citizen_hash} {r.details}" for r in rows)
    assert APPLICANT_ID not in text and "Nguyễn" not in text
    assert rows[-1].details["reason_given"] is True and rows[-1].staff_id == staff_id

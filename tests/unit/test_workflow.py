"""The workflow table (kiosk.core.workflow), checked pair by pair against the life cycle written out here by
hand from domain.md §5 and issue 13: every (status, action) pair, allowed ones move where they should and
the others are refused with one plain bilingual message; then the same pairs on real dossiers through
DossierActions; the legal channel and the fee by channel; refusal after acceptance; 6 → 4 moves the due date.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from kiosk.core.workflow import (
    TRANSITIONS,
    Action,
    ActionError,
    LegalChannel,
    Status,
    check,
    fee_for,
    is_allowed,
    legal_channel,
)
from tests.conftest import vn
from tests.staff_helpers import PIN, cheap_argon2, make_app, submit

# The life cycle, independently of the module under test: action -> {from status: to status}, where "back"
# is "where it was before the pause" and "same" is "unchanged". BEFORE/AFTER: only a dossier never accepted /
# only an accepted one.
SPEC: dict[str, dict[int, int | str]] = {
    "accept": {1: 2},
    "start_processing": {2: 4},
    "supplement": {1: 5, 2: 5, 4: 5},
    "supplied": {5: "back"},
    "refuse": {1: 3, 5: 3},
    "financial": {2: 6, 4: 6},
    "payment": {1: "same", 2: "same", 4: "same", 5: "same", 6: 4, 9: "same"},
    "finish": {2: 9, 4: 9},
    "return": {9: 10},
    "apologize": {2: "same", 4: "same", 6: "same"},
    "withdraw": {1: 7, 2: 7, 4: 7, 5: 7, 6: 7},
    "stop": {2: 8, 4: 8, 5: 8, 6: 8},
}
BEFORE_ACCEPTANCE_ONLY = {"refuse"}
AFTER_ACCEPTANCE_ONLY = {"stop"}
FORMS = {"accept": "01", "supplement": "02", "refuse": "03", "apologize": "04", "stop": "05"}
PAIRS = [(s, a, acc) for s in range(1, 11) for a in SPEC for acc in (False, True)]


def expected(status: int, action: str, accepted: bool, back: int = 2) -> int | None:
    to = SPEC[action].get(status)
    if to is None:
        return None
    if action in BEFORE_ACCEPTANCE_ONLY and accepted:
        return None
    if action in AFTER_ACCEPTANCE_ONLY and not accepted:
        return None
    return status if to == "same" else back if to == "back" else int(to)


def test_the_table_has_exactly_the_staff_actions_and_their_forms() -> None:
    assert {a.value for a in TRANSITIONS} == set(SPEC)
    assert {a.value: r.form for a, r in TRANSITIONS.items() if r.form} == FORMS
    assert all(r.outbox.startswith("dossier.") for r in TRANSITIONS.values())
    assert len({r.outbox for r in TRANSITIONS.values()}) == len(TRANSITIONS)  # one event name per action


@pytest.mark.parametrize("status, action, accepted", PAIRS)
def test_every_status_action_pair(status: int, action: str, accepted: bool) -> None:
    want = expected(status, action, accepted, back=4)
    assert is_allowed(status, action, accepted=accepted) is (want is not None)
    if want is not None:
        assert check(status, action, accepted=accepted, back_to=4, code="X") == want
        return
    with pytest.raises(ActionError) as e:
        check(status, action, accepted=accepted, back_to=4, code="000.00.06.H56-261125-0001")
    # the one message, in both languages, naming the dossier and its status
    assert e.value.en.startswith("Cannot ") and f"in status {status} (" in e.value.en
    assert e.value.vi.startswith("Không thể ") and f"trạng thái {status} (" in e.value.vi
    assert "000.00.06.H56-261125-0001" in e.value.vi and "000.00.06.H56-261125-0001" in e.value.en


def test_roles_and_unknown_action() -> None:
    assert check(1, Action.ACCEPT, role="officer") == Status.ACCEPTED
    assert is_allowed(9, "payment", role="gateway")  # a payment service may confirm a transfer …
    assert not is_allowed(1, "accept", role="gateway")  # … and nothing else
    with pytest.raises(ActionError, match="may not accept"):
        check(1, "accept", role="gateway")
    with pytest.raises(ActionError, match="Unknown action"):
        check(1, "receive")  # an alias nothing writes


def test_legal_channel_and_fee_by_channel() -> None:
    proc = SimpleNamespace(fee_counter=20000, fee_online=10000)  # 1.004222
    assert legal_channel("counter") == LegalChannel.DIRECT
    assert legal_channel("online") == LegalChannel.ONLINE
    assert legal_channel("postal") == LegalChannel.POSTAL
    assert legal_channel("kiosk") == legal_channel("kiosk_assisted") == LegalChannel.ONLINE
    assert legal_channel("kiosk", kiosk_counts_as_online=False) == LegalChannel.DIRECT
    assert [fee_for(proc, c) for c in (1, 2, 3)] == [20000, 10000, 20000]
    with pytest.raises(ValueError):
        legal_channel("fax")
    with pytest.raises(ValueError):
        fee_for(proc, 4)


# -- the same pairs on real dossiers ------------------------------------------------------------------------
@pytest.fixture
def app(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    yield a
    a.close()


@pytest.fixture
def staff_id(app) -> int:  # type: ignore[no-untyped-def]
    return app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN).id


# how to bring a fresh dossier into each status (and whether it was accepted on the way)
ROUTES: dict[tuple[int, bool], list[str]] = {
    (1, False): [], (2, True): ["accept"], (3, False): ["refuse"], (4, True): ["accept", "start_processing"],
    (5, False): ["supplement"], (5, True): ["accept", "supplement"], (6, True): ["accept", "financial"],
    (7, False): ["withdraw"], (8, True): ["accept", "stop"], (9, True): ["accept", "finish"],
    (10, True): ["accept", "finish", "return"],
}


def _do(app, staff_id: int, code: str, action: str):  # type: ignore[no-untyped-def]
    a = app.actions
    if action == "apologize":
        with app.session_factory() as s:
            from kiosk.models.tables import Dossier

            due = s.scalar(select(Dossier.due_at).where(Dossier.code == code))
        return a.apologize(code, staff_id, "Cần xác minh thêm", (due or app.clock.now()) + timedelta(days=3))
    return {
        "accept": lambda: a.accept(code, staff_id),
        "start_processing": lambda: a.start_processing(code, staff_id),
        "supplement": lambda: a.request_supplement(code, staff_id, [{"name": "Tờ khai", "reason": "Thiếu chữ ký"}]),
        "supplied": lambda: a.supplied(code, staff_id),
        "refuse": lambda: a.refuse(code, staff_id, "Không thuộc thẩm quyền"),
        "financial": lambda: a.request_financial(code, staff_id, 15000, "Lệ phí"),
        "payment": lambda: a.record_payment(code, staff_id, "counter_cash", 15000),
        "finish": lambda: a.finish(code, staff_id),
        "return": lambda: a.return_result(code, staff_id, "counter"),
        "withdraw": lambda: a.withdraw(code, staff_id, "Công dân đổi ý"),
        "stop": lambda: a.stop_processing(code, staff_id, "Hồ sơ giả mạo"),
    }[action]()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("route", list(ROUTES), ids=[f"{s}-{'accepted' if a else 'new'}" for s, a in ROUTES])
def test_every_pair_on_a_real_dossier(app, staff_id, route) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.tables import Dossier, DossierEvent

    status, accepted = route
    for action in SPEC:
        code = submit(app)
        for step in ROUTES[route]:
            _do(app, staff_id, code, step)
        with app.session_factory() as s:
            d = s.scalar(select(Dossier).where(Dossier.code == code))
            assert (d.status, d.received_at is not None) == route
            n_events = len(s.scalars(select(DossierEvent.id).where(DossierEvent.dossier_id == d.id)).all())
        want = expected(status, action, accepted, back=2 if accepted else 1)
        if want is None:
            with pytest.raises(ActionError) as e:
                _do(app, staff_id, code, action)
            assert f"in status {status} (" in e.value.en and code in e.value.vi
            with app.session_factory() as s:
                d = s.scalar(select(Dossier).where(Dossier.code == code))
                assert d.status == status
                assert len(s.scalars(select(DossierEvent.id).where(DossierEvent.dossier_id == d.id)).all()) == n_events
        else:
            r = _do(app, staff_id, code, action)
            assert (r.status_from, r.status_to) == (status, want), (route, action)


def test_refusal_after_acceptance_is_refused_and_stop_prints_form_05(app, staff_id) -> None:  # type: ignore[no-untyped-def]
    code = submit(app)
    app.actions.accept(code, staff_id)
    app.actions.request_supplement(code, staff_id, [{"name": "Tờ khai", "reason": "Thiếu chữ ký"}])
    with pytest.raises(ActionError, match=r"Cannot refuse .* in status 5"):
        app.actions.refuse(code, staff_id, "Không đủ điều kiện")
    r = app.actions.stop_processing(code, staff_id, "Không đủ điều kiện")
    assert (r.status_from, r.status_to) == (5, 8)
    from kiosk.core.effects import FORM_FOR_ACTION

    assert FORM_FOR_ACTION[r.action] == "05"
    # never accepted: refusal from 5 is allowed, stop is not
    other = submit(app)
    app.actions.request_supplement(other, staff_id, [{"name": "Tờ khai", "reason": "Thiếu chữ ký"}])
    with pytest.raises(ActionError, match="Cannot stop"):
        app.actions.stop_processing(other, staff_id, "x")
    assert app.actions.refuse(other, staff_id, "Không thuộc thẩm quyền").status_to == 3


def test_financial_obligation_pauses_and_moves_the_due_date(app, clock, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.tables import Dossier, OutboxEvent, Payment

    code = submit(app)  # Wed 25/11 09:00, 3 working days
    app.actions.accept(code, staff_id)  # due Mon 30/11 09:00
    clock.t = vn(2026, 11, 26, 9, 0)  # Thu
    app.actions.request_financial(code, staff_id, 30000, "Thuế")
    clock.t = vn(2026, 11, 27, 9, 0)  # Fri: one working day (8 working hours) later the citizen pays
    r = app.actions.record_payment(code, staff_id, "counter_cash", 30000, "BL-9")
    assert (r.status_from, r.status_to) == (6, 4)
    assert r.details["paused_working_seconds"] == 8 * 3600
    with app.session_factory() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d.due_at == vn(2026, 12, 1, 9, 0)  # Mon 30/11 + one working day
        assert d.original_due_at == vn(2026, 11, 30, 9, 0) and d.paused_seconds == 8 * 3600
        assert d.financial_requested_at == vn(2026, 11, 26, 9, 0)
        assert [p.confirmed_by for p in s.scalars(select(Payment).where(Payment.dossier_id == d.id))] == ["officer"]
        kinds = [e.kind for e in s.scalars(select(OutboxEvent).where(OutboxEvent.dossier_code == code).order_by(OutboxEvent.id))]
    # each move wrote its outbox event in its own transaction
    assert kinds == ["dossier.submitted", "dossier.accepted", "dossier.financial_requested", "dossier.paid"]


def test_payment_service_confirmation_is_marked_gateway(app, staff_id) -> None:  # type: ignore[no-untyped-def]
    from kiosk.integrations.payments import DemoPayments
    from kiosk.models.tables import AuditEvent, Payment

    code = submit(app, procedure="1.004222")  # 10.000 đ online
    pay = DemoPayments.from_settings(app.settings, app.session_factory)
    r = pay.confirm(app.actions, code, 10000, "FT2611250001")
    assert r.status_to == 1 and r.details["confirmed_by"] == "gateway"
    assert pay.status(code) == "paid"
    with app.session_factory() as s:
        p = s.scalar(select(Payment).join(Payment.dossier).where(Payment.reference == "FT2611250001"))
        assert (p.confirmed_by, p.staff_id, p.method) == ("gateway", None, "vietqr")
        audit = s.scalar(select(AuditEvent).where(AuditEvent.action == "dossier.payment"))
        assert audit.actor_type == "system" and audit.staff_id is None

"""Queue tickets: daily numbering per branch, people ahead, calls never shared between counters (threads on
SQLite and PostgreSQL), recall / served / no-show, stats for the supervisor, announcement texts."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from tests.conftest import vn
from tests.staff_helpers import PIN, cheap_argon2, make_app


@pytest.fixture
def qapp_(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    a.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
    a.staff.add("minh", "officer", "Trần Văn Minh", PIN)
    yield a
    a.close()


@pytest.fixture
def q(qapp_):  # type: ignore[no-untyped-def]

    return qapp_.queue


def staff_id(app, username):  # type: ignore[no-untyped-def]
    return app.staff.authenticate(username, PIN).id


def test_numbers_restart_each_day_and_count_people_ahead(q, clock) -> None:  # type: ignore[no-untyped-def]
    a = q.take_ticket("Hộ tịch", "KIOSK-01")
    b = q.take_ticket("Cư trú", "KIOSK-01")
    c = q.take_ticket("Hộ tịch", "KIOSK-02")
    assert [a.number, b.number, c.number] == ["001", "002", "003"]  # one sequence per branch and day
    assert (a.ahead, b.ahead, c.ahead) == (0, 0, 1)  # ahead counts the same field only
    assert c.estimated_wait == timedelta(minutes=6)  # default service time, one counter
    assert q.waiting_counts() == {"Cư trú": 1, "Hộ tịch": 2}
    clock.t = vn(2026, 11, 26, 7, 30)
    assert q.take_ticket("Hộ tịch").number == "001"
    assert q.waiting_counts() == {"Hộ tịch": 1}  # yesterday's leftovers are not today's queue


def test_call_order_fields_and_states(q, qapp_, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.queue import QueueError

    lan = staff_id(qapp_, "lan")
    t1 = q.take_ticket("Hộ tịch")
    t2 = q.take_ticket("Cư trú")
    t3 = q.take_ticket("Hộ tịch")
    clock.advance(minutes=4)
    called = q.call_next(3, lan, ["Cư trú"])
    assert called is not None and called.number == t2.number and called.counter_no == 3
    assert called.announcement() == "Mời công dân số 002 đến quầy số 3"
    assert called.announcement("en") == "Number 002, please go to counter 3"
    assert q.current(3).id == t2.id
    clock.advance(minutes=6)
    nxt = q.call_next(3, lan)  # closes 002 as served, calls the oldest waiting
    assert nxt.id == t1.id and q.get(t2.id).state == "served"
    clock.advance(minutes=1)
    assert q.recall(3, lan).id == t1.id
    assert [c.number for c in q.recently_called()] == ["001", "002"]
    assert q.no_show(t1.id, lan).state == "no_show"
    with pytest.raises(QueueError):
        q.mark_served(t1.id, lan)  # already closed
    assert q.current(3) is None and q.recall(3, lan) is None
    assert q.cancel(t3.id, lan).state == "cancelled"
    assert q.call_next(3, lan) is None
    with pytest.raises(QueueError):
        q.call_next(0, lan)
    with pytest.raises(QueueError):
        q.take_ticket("  ")
    with pytest.raises(QueueError, match="no field"):
        q.take_ticket("Không tồn tại")

    start = vn(2026, 11, 25, 0, 0)
    st = q.stats(start, start + timedelta(days=1))
    assert (st.issued, st.served, st.no_show, st.cancelled, st.waiting) == (3, 1, 1, 1, 0)
    assert st.median_wait == timedelta(minutes=7)  # 4 and 10 minutes
    assert st.max_wait == timedelta(minutes=10)
    assert st.by_field["Hộ tịch"]["issued"] == 2


def test_estimate_uses_todays_service_time_and_counters(q, qapp_, clock) -> None:  # type: ignore[no-untyped-def]
    lan, minh = staff_id(qapp_, "lan"), staff_id(qapp_, "minh")
    for _ in range(4):
        q.take_ticket("Hộ tịch")
    q.call_next(1, lan)
    q.call_next(2, minh)
    clock.advance(minutes=10)
    q.call_next(1, lan)  # the first two took 10 minutes; two counters work
    q.call_next(2, minh)
    t = q.take_ticket("Hộ tịch")
    assert t.ahead == 0
    t2 = q.take_ticket("Hộ tịch")
    assert t2.ahead == 1 and t2.estimated_wait == timedelta(minutes=5)


def test_two_counters_never_call_the_same_ticket(q, qapp_) -> None:  # type: ignore[no-untyped-def]

    ids = {"lan": staff_id(qapp_, "lan"), "minh": staff_id(qapp_, "minh")}
    for i in range(24):
        q.take_ticket("Hộ tịch" if i % 2 else "Cư trú")
    got: dict[int, list[int]] = {1: [], 2: []}
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def counter(no: int, user: str) -> None:
        svc = qapp_.queue
        try:
            barrier.wait(10)
            while (t := svc.call_next(no, ids[user])) is not None:
                got[no].append(t.id)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=counter, args=(1, "lan")), threading.Thread(target=counter, args=(2, "minh"))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert not errors, errors
    all_ids = got[1] + got[2]
    assert len(all_ids) == 24 and len(set(all_ids)) == 24
    assert q.waiting_counts() == {}


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # SQLite: BEGIN IMMEDIATE, no interleaving
def test_claim_is_conditional(q, qapp_) -> None:  # type: ignore[no-untyped-def]
    """The UPDATE … WHERE state='waiting' is what makes a lost race harmless: a ticket another counter has
    already claimed is skipped, and the next waiting one is taken."""
    from sqlalchemy import update

    from kiosk.models.database import session_scope
    from kiosk.models.tables import QueueTicket

    lan = staff_id(qapp_, "lan")
    a = q.take_ticket("Hộ tịch")
    b = q.take_ticket("Hộ tịch")

    # Simulate the other counter winning ticket ``a`` between our SELECT and our UPDATE.
    from sqlalchemy.orm import Session

    real_scalar = Session.scalar
    fired = {"done": False}

    def scalar(self, stmt, *args, **kw):  # type: ignore[no-untyped-def]
        value = real_scalar(self, stmt, *args, **kw)
        if value == a.id and not fired["done"]:
            fired["done"] = True
            with session_scope(qapp_.session_factory) as other:
                other.execute(update(QueueTicket).where(QueueTicket.id == a.id).values(state="called", counter_no=9))
        return value

    Session.scalar = scalar  # type: ignore[method-assign]
    try:
        got = q.call_next(1, lan)
    finally:
        Session.scalar = real_scalar  # type: ignore[method-assign]
    assert fired["done"] and got is not None and got.id == b.id


def test_announcement_texts() -> None:
    from kiosk.core.queue import announcement, format_number

    assert format_number(15) == "015" and format_number(1234) == "1234"
    assert announcement("015", 3) == "Mời công dân số 015 đến quầy số 3"
    assert announcement("015", 3, "en") == "Number 015, please go to counter 3"

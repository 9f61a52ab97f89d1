"""The outbox sender against a real local HTTP server that fails (500), times out and sees events twice:
no event is lost, none is applied twice, and nothing is sent again after a success the sender recorded."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.integrations.sync.backoff import Backoff
from kiosk.integrations.sync.http_adapter import HttpAdapter
from kiosk.integrations.sync.outbox import enqueue
from kiosk.integrations.sync.sender import OutboxSender
from kiosk.models.database import open_database, session_scope
from kiosk.models.tables import Dossier, DossierEvent, OutboxEvent
from tests.integration.branch_support import add_procedure, service, submission
from tests.integration.sync_server import TOKEN, PortalServer

TIMEOUT_S = 0.3
FIELD_MAP = {"code": "MaHoSo", "applicant.id_number": "SoCCCD", "procedure_code": "MaTTHC"}


@pytest.fixture
def portal() -> Iterator[PortalServer]:
    with PortalServer(slow_s=TIMEOUT_S + 0.4) as p:
        yield p


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    engine, factory = open_database(database_url)
    add_procedure(factory)
    yield factory
    engine.dispose()


def make_sender(factory, portal: PortalServer, clock, *, token: str = TOKEN, lease_s: float = 60) -> OutboxSender:  # type: ignore[no-untyped-def]
    adapter = HttpAdapter(
        portal.url, token=token, field_map=FIELD_MAP, status_field="TrangThaiHoSo", timeout_s=TIMEOUT_S
    )
    return OutboxSender(
        factory, adapter, clock=clock, backoff=Backoff(base_s=2, cap_s=30, rng=random.Random(7)), lease_s=lease_s,
        fail_after=3,
    )


def drain(factory, portal: PortalServer, clock, passes: int = 40) -> int:  # type: ignore[no-untyped-def]
    """Run passes, a fresh sender (= a restarted process) every few passes, moving the clock past any
    back-off, until nothing is pending. Returns the number of passes."""
    sender = make_sender(factory, portal, clock)
    for n in range(passes):
        sender.run_once()
        with factory() as s:
            if s.scalar(select(OutboxEvent.id).where(OutboxEvent.sent_at.is_(None)).limit(1)) is None:
                return n + 1
        clock.advance(seconds=61)  # past the cap and the lease
        if n % 3 == 2:
            sender.adapter.close()
            sender = make_sender(factory, portal, clock)
    raise AssertionError("outbox did not drain")


def all_event_ids(factory) -> set[str]:  # type: ignore[no-untyped-def]
    with factory() as s:
        return set(s.scalars(select(OutboxEvent.event_id)))


def test_failures_timeouts_and_duplicates_lose_nothing_and_apply_nothing_twice(db, portal, clock) -> None:  # type: ignore[no-untyped-def]
    factory = db
    svc = service(factory, clock)
    codes = [svc.submit(submission(i)).code for i in range(6)]
    portal.state.script = ["500", "apply_then_slow", "apply_then_500", "slow", "ok", "500", "apply_then_500", "ok"]
    drain(factory, portal, clock)

    ids = all_event_ids(factory)
    assert set(portal.state.events) == ids, "every event arrived"
    assert set(portal.state.applied.values()) == {1}, "no event applied twice"
    assert len(portal.state.received) > len(ids), "the server did see duplicate deliveries"
    assert set(portal.state.dossiers) == set(codes)
    sample = portal.state.dossiers[codes[0]]
    assert sample["MaHoSo"] == codes[0] and sample["SoCCCD"] == "038186000000" and sample["MaTTHC"] == "1.004222"
    with factory() as s:
        assert set(s.scalars(select(Dossier.sync_state))) == {"synced"}
        assert all(e.sent_at is not None and e.last_error is None for e in s.scalars(select(OutboxEvent)))

    # nothing is ever sent again once the sender recorded the success
    before = len(portal.state.received)
    clock.advance(days=2)
    sender = make_sender(factory, portal, clock)
    assert sender.run_once().attempted == 0
    assert len(portal.state.received) == before


def test_backoff_is_recorded_in_the_table(db, portal, clock) -> None:  # type: ignore[no-untyped-def]
    factory = db
    code = service(factory, clock).submit(submission(1)).code
    portal.state.script = ["500", "500", "500"]
    sender = make_sender(factory, portal, clock)
    t0 = clock.now()
    delays = []
    for attempt in (1, 2, 3):
        assert sender.run_once().failed == 1
        with factory() as s:
            ev = s.scalar(select(OutboxEvent))
            assert ev is not None and ev.attempts == attempt and "500" in (ev.last_error or "")
            delay = (ev.next_attempt_at - clock.now()).total_seconds()
            delays.append(delay)
            top = min(30.0, 2.0 * 2 ** (attempt - 1))
            assert top / 2 <= delay <= top
        # not due before its time: a pass now does nothing
        assert sender.run_once().attempted == 0
        clock.advance(seconds=delay)
    with factory() as s:  # fail_after=3: the dossier shows the problem
        assert s.scalar(select(Dossier.sync_state).where(Dossier.code == code)) == "failed"
    assert sender.run_once().delivered == 1
    with factory() as s:
        assert s.scalar(select(Dossier.sync_state).where(Dossier.code == code)) == "synced"
    assert clock.now() - t0 < timedelta(seconds=60)


def test_crash_after_delivery_before_recording_is_deduped_by_the_portal(db, portal, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    factory = db
    service(factory, clock).submit(submission(1))
    sender = make_sender(factory, portal, clock, lease_s=30)

    class Killed(BaseException):
        pass

    def crash(*a: object, **k: object) -> None:
        raise Killed

    monkeypatch.setattr(sender, "_record_success", crash)
    with pytest.raises(Killed):
        sender.run_once()
    assert len(portal.state.applied) == 1
    restarted = make_sender(factory, portal, clock, lease_s=30)
    assert restarted.run_once().attempted == 0, "claimed by the dead sender until its lease ends"
    clock.advance(seconds=31)
    assert restarted.run_once().delivered == 1
    assert len(portal.state.received) == 2 and set(portal.state.applied.values()) == {1}


def test_permanent_refusal_marks_the_dossier_failed(db, portal, clock) -> None:  # type: ignore[no-untyped-def]
    factory = db
    code = service(factory, clock).submit(submission(1)).code
    portal.state.script = ["400"]
    assert make_sender(factory, portal, clock).run_once().failed == 1
    with factory() as s:
        assert s.scalar(select(Dossier.sync_state).where(Dossier.code == code)) == "failed"
        ev = s.scalar(select(OutboxEvent))
        assert ev is not None and (ev.next_attempt_at - clock.now()).total_seconds() == 30  # parked at the cap


def test_wrong_token_is_permanent_and_sends_no_data(db, portal, clock) -> None:  # type: ignore[no-untyped-def]
    factory = db
    service(factory, clock).submit(submission(1))
    assert make_sender(factory, portal, clock, token="wrong").run_once().failed == 1
    assert portal.state.unauthorised == 1 and not portal.state.events


def test_events_of_one_dossier_go_out_in_order(db, portal, clock) -> None:  # type: ignore[no-untyped-def]
    factory = db
    code = service(factory, clock).submit(submission(1)).code
    with session_scope(factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None
        enqueue(s, d, "dossier.note", {"note": "second"}, now=clock.now())
    portal.state.script = ["500"]
    sender = make_sender(factory, portal, clock)
    r = sender.run_once()
    assert (r.failed, r.delivered) == (1, 0), "the second event waits for the first"
    clock.advance(seconds=61)
    assert sender.run_once().delivered == 1
    assert sender.run_once().delivered == 1
    kinds = [portal.state.events[e]["kind"] for e in portal.state.received[1:]]
    assert kinds == ["dossier.submitted", "dossier.note"]


def test_status_pull_mirrors_remote_status(db, portal, clock) -> None:  # type: ignore[no-untyped-def]
    factory = db
    svc = service(factory, clock)
    a, b = svc.submit(submission(1)).code, svc.submit(submission(2)).code
    sender = make_sender(factory, portal, clock)
    assert sender.run_once().delivered == 2
    portal.state.statuses[a] = 4  # the back office started processing
    assert sender.pull_statuses() == 1
    assert sender.pull_statuses() == 0
    with factory() as s:
        da = s.scalar(select(Dossier).where(Dossier.code == a))
        db_ = s.scalar(select(Dossier).where(Dossier.code == b))
        assert da is not None and db_ is not None
        assert da.status == 4 and db_.status == 1
        ev = s.scalar(select(DossierEvent).where(DossierEvent.dossier_id == da.id, DossierEvent.action == "sync.remote_status"))
        assert ev is not None and (ev.status_from, ev.status_to) == (1, 4)


def test_two_senders_never_deliver_the_same_event_twice(db, portal, clock) -> None:  # type: ignore[no-untyped-def]
    factory = db
    svc = service(factory, clock)
    for i in range(5):
        svc.submit(submission(i))
    s1, s2 = make_sender(factory, portal, clock), make_sender(factory, portal, clock)
    # s2 reads the same due list as s1, then s1 claims and sends everything first
    with factory() as s:
        stale = s2.due_events(s, clock.now())
    assert s1.run_once().delivered == 5
    assert not any(s2._claim(ev, clock.now()) for ev in stale)
    assert len(portal.state.received) == 5


def test_local_adapter_marks_synced_at_once(db, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.config import SyncSettings
    from kiosk.integrations.sync.factory import build_sender

    factory = db
    service(factory, clock).submit(submission(1))
    sender = build_sender(SyncSettings(), factory, clock)
    assert sender.run_once().delivered == 1
    assert sender.pull_statuses() == 0
    with factory() as s:
        assert s.scalar(select(Dossier.sync_state)) == "synced"

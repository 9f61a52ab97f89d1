"""Exactly-once delivery of the outbox (issue 14 point 5), against a real HTTP server on 127.0.0.1.

Two senders (threads, each with its own HTTP client, on one database - SQLite and PostgreSQL) drain the
outbox while the server answers slowly, times out, fails with 5xx, answers 409 for events it already has,
and answers 409 about *other* events. The server counts POSTs per event: every event is applied exactly
once, and no event is ever sent again after the server answered it with a success the client received.
"""

from __future__ import annotations

import random
import threading
import time
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.core.calendar import DEFAULT_TZ as VN
from kiosk.core.clock import FixedClock, SystemClock
from kiosk.integrations.sync.adapters import OutgoingEvent
from kiosk.integrations.sync.backoff import Backoff
from kiosk.integrations.sync.http_adapter import HttpAdapter
from kiosk.integrations.sync.sender import LeaseTooShort, OutboxSender
from kiosk.models.database import open_database
from kiosk.models.tables import Dossier, OutboxEvent
from tests.integration.branch_support import add_procedure, service, submission
from tests.integration.sync_server import TOKEN, PortalServer

TIMEOUT_S = 0.5
MIN_LEASE_S = 4 * TIMEOUT_S + 1  # the shortest lease the sender accepts for this adapter


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    engine, factory = open_database(database_url)
    add_procedure(factory)
    yield factory
    engine.dispose()


def http_sender(factory, url: str, *, clock=None, lease_s: float = MIN_LEASE_S, seed: int = 1) -> OutboxSender:  # type: ignore[no-untyped-def]
    adapter = HttpAdapter(url, token=TOKEN, timeout_s=TIMEOUT_S)
    return OutboxSender(
        factory, adapter, clock=clock or SystemClock(), lease_s=lease_s,
        backoff=Backoff(base_s=0.2, cap_s=1.0, rng=random.Random(seed)), fail_after=3,
    )


def unsent(factory) -> int:  # type: ignore[no-untyped-def]
    with factory() as s:
        return len(list(s.scalars(select(OutboxEvent.id).where(OutboxEvent.sent_at.is_(None)))))


def run_two_senders(factory, url: str, limit_s: float = 90) -> list[int]:  # type: ignore[no-untyped-def]
    """Two senders, each in its own thread with its own client, pass after pass until the outbox is empty.
    Returns how many events each sender recorded as delivered."""
    senders = [http_sender(factory, url, seed=n) for n in (1, 2)]
    delivered = [0, 0]
    errors: list[BaseException] = []
    done = threading.Event()
    start = threading.Barrier(2)

    def loop(n: int) -> None:
        try:
            start.wait(10)
            while not done.is_set():
                delivered[n] += senders[n].run_once().delivered
                time.sleep(0.02)
        except BaseException as exc:  # noqa: BLE001 - surfaced by the test
            errors.append(exc)
            done.set()

    threads = [threading.Thread(target=loop, args=(n,), daemon=True) for n in (0, 1)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + limit_s
    while unsent(factory) and time.monotonic() < deadline and not errors:
        time.sleep(0.1)
    done.set()
    for t in threads:
        t.join(10)
    for s in senders:
        s.adapter.close()
    assert not errors, errors
    assert unsent(factory) == 0, "the outbox did not drain"
    return delivered


def submit(factory, n: int) -> set[str]:  # type: ignore[no-untyped-def]
    svc = service(factory, FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=VN)))
    for i in range(n):
        svc.submit(submission(i))
    with factory() as s:
        return set(s.scalars(select(OutboxEvent.event_id)))


def test_slow_replies_two_senders_each_event_posted_exactly_once(db) -> None:  # type: ignore[no-untyped-def]
    """Every answer takes 0.3 s (inside the 0.5 s timeout) and the lease is the shortest allowed (3 s): a
    pass lasts longer than the lease, so a lease counted from the start of the pass would let the other
    sender take events still in flight. Counted from each claim, no event is POSTed twice."""
    ids = submit(db, 24)
    with PortalServer(slow_s=TIMEOUT_S + 0.4) as portal:
        portal.state.ok_delay_s = 0.3
        delivered = run_two_senders(db, portal.url)
    assert set(portal.state.posts) == ids
    assert max(portal.state.posts.values()) == 1, {k: v for k, v in portal.state.posts.items() if v > 1}
    assert set(portal.state.applied.values()) == {1}
    assert sum(delivered) == len(ids) and min(delivered) > 0, "both senders took part"


def test_two_senders_with_timeouts_5xx_and_duplicate_answers_apply_each_event_once(db) -> None:  # type: ignore[no-untyped-def]
    ids = submit(db, 12)
    with PortalServer(slow_s=TIMEOUT_S + 0.4) as portal:
        portal.state.duplicate_status = 409  # a repeated event is answered 409 naming it
        portal.state.ok_delay_s = 0.1
        portal.state.script = [
            "500", "apply_then_slow", "apply_then_500", "slow", "ok", "500", "apply_then_500", "409_other",
            "apply_then_slow", "ok", "slow", "apply_then_500", "409_bare", "500", "ok", "apply_then_slow",
        ]
        run_two_senders(db, portal.url)
    state = portal.state
    assert set(state.events) == ids, "every event arrived"
    assert set(state.applied.values()) == {1}, "no event applied twice"
    assert sum(state.after_success.values()) == 0, f"sent again after a received success: {state.after_success}"
    assert len(state.received) > len(ids), "the server did see repeated deliveries (lost answers)"
    with db() as s:
        assert set(s.scalars(select(Dossier.sync_state))) == {"synced"}
        assert all(e.last_error is None for e in s.scalars(select(OutboxEvent)))


def test_409_counts_only_when_it_names_the_same_event(db, clock) -> None:  # type: ignore[no-untyped-def]
    submit(db, 1)
    with PortalServer(slow_s=TIMEOUT_S + 0.4) as portal:
        portal.state.duplicate_status = 409
        sender = http_sender(db, portal.url, clock=clock, lease_s=30)
        for script in (["409_other"], ["409_bare"]):
            portal.state.script = list(script)
            assert sender.run_once().failed == 1
            with db() as s:
                ev = s.scalar(select(OutboxEvent))
                assert ev is not None and ev.sent_at is None
                assert "409" in (ev.last_error or "") and "does not name this event" in (ev.last_error or "")
                assert s.scalar(select(Dossier.sync_state)) == "failed"  # a person should look at it
            clock.advance(seconds=31)
        # the answer to a delivery is lost (applied, then 500); the retry is answered 409 naming the event
        portal.state.script = ["apply_then_500"]
        assert sender.run_once().failed == 1
        clock.advance(seconds=31)
        assert sender.run_once().delivered == 1
        assert portal.state.received[-2:] == [portal.state.received[-1]] * 2
        with db() as s:
            assert s.scalar(select(Dossier.sync_state)) == "synced"
        sender.adapter.close()


def test_lease_is_taken_at_the_moment_of_each_claim(db, clock) -> None:  # type: ignore[no-untyped-def]
    """An adapter whose every call takes 40 s of clock time: the second event's lease runs from its own
    claim, 40 s after the pass began."""
    submit(db, 2)
    seen: list[tuple[Any, Any]] = []

    class Slow:
        name = "slow"
        max_call_s = 45.0

        def deliver(self, event: OutgoingEvent) -> None:
            with db() as s:
                row = s.scalar(select(OutboxEvent).where(OutboxEvent.event_id == event.event_id))
                seen.append((clock.now(), row.next_attempt_at if row else None))
            clock.advance(seconds=40)

        def fetch_statuses(self, codes):  # type: ignore[no-untyped-def]
            return {}

        def close(self) -> None:
            return None

    sender = OutboxSender(db, Slow(), clock=clock, lease_s=50)
    assert sender.run_once().delivered == 2
    (t1, lease1), (t2, lease2) = seen
    assert t2 - t1 == timedelta(seconds=40)
    assert lease1 == t1 + timedelta(seconds=50) and lease2 == t2 + timedelta(seconds=50)


def test_a_lease_shorter_than_the_slowest_call_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    from pydantic import ValidationError

    from kiosk.config import SyncSettings

    adapter = HttpAdapter("http://127.0.0.1:9", token=TOKEN, timeout_s=10)
    try:
        for bad in (30.0, 40.9, float("nan")):
            with pytest.raises(LeaseTooShort, match="sync.lease_s"):
                OutboxSender(db, adapter, lease_s=bad)
        assert OutboxSender(db, adapter, lease_s=41).lease == timedelta(seconds=41)
    finally:
        adapter.close()
    with pytest.raises(ValidationError, match="lease_s"):
        SyncSettings(adapter="http", base_url="https://x.example", timeout_s=10, lease_s=30)
    assert SyncSettings(adapter="http", base_url="https://x.example", timeout_s=10).lease_s == 120

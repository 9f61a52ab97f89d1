"""Consented drafts (kiosk.core.drafts): encrypted, keyed by the card, private, short-lived."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.audit import citizen_hash
from kiosk.core.clock import FixedClock
from kiosk.core.drafts import DraftStore

ID = "038186001234"
OTHER = "001190012345"
SALT = "site-salt-for-tests"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))


@pytest.fixture
def store(tmp_path, clock) -> DraftStore:
    return DraftStore(tmp_path / "drafts", SALT, clock, scrypt_n=2**10)  # a cheap KDF for the tests


def test_round_trip_with_the_same_card(store: DraftStore) -> None:
    store.save(ID, "1.001193", {"ten_tre": "Nguyễn Văn An", "gioi_tinh": "Nam"}, page="documents")
    d = store.load(ID)
    assert d is not None
    assert d.procedure_code == "1.001193" and d.page == "documents"
    assert d.values == {"ten_tre": "Nguyễn Văn An", "gioi_tinh": "Nam"}


def test_file_is_named_by_the_salted_hash_private_and_encrypted(store: DraftStore) -> None:
    path = store.save(ID, "1.001193", {"ten_tre": "Nguyễn Văn An"})
    assert path.name == citizen_hash(ID, SALT) + ".draft"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    raw = path.read_bytes()
    for secret in (ID.encode(), "Nguyễn".encode(), b"1.001193", b"ten_tre"):
        assert secret not in raw
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_another_card_cannot_open_it_nor_another_site(store: DraftStore, tmp_path, clock) -> None:
    store.save(ID, "1.001193", {"a": "b"})
    assert store.load(OTHER) is None
    # same file, other site salt: not readable, and then deleted as useless
    other_site = DraftStore(store.directory, "another-salt", clock, scrypt_n=2**10)
    os.replace(store.path_for(ID), other_site.path_for(ID))
    assert other_site.load(ID) is None
    assert not other_site.path_for(ID).exists()


def test_expires_after_24_hours(store: DraftStore, clock: FixedClock) -> None:
    store.save(ID, "1.001193", {"a": "b"})
    clock.advance(hours=23, minutes=59)
    assert store.load(ID) is not None
    clock.advance(minutes=2)
    assert store.load(ID) is None
    assert not store.exists(ID)


def test_purge_by_file_time_needs_no_key(store: DraftStore, clock: FixedClock) -> None:
    path = store.save(ID, "1.001193", {"a": "b"})
    old = clock.now().timestamp() - 25 * 3600
    os.utime(path, (old, old))
    (store.directory / ".tmp-leftover").write_bytes(b"x")
    assert store.purge_expired() == 2
    assert list(store.directory.iterdir()) == []


def test_delete_and_nothing_without_a_save(store: DraftStore) -> None:
    assert store.load(ID) is None and not store.exists(ID)
    assert not store.directory.exists()  # nothing is written until a consented save
    store.save(ID, "1.001193", {})
    assert store.delete(ID) is True
    assert store.delete(ID) is False
    assert store.delete(None) is False


def test_damaged_file_is_dropped(store: DraftStore) -> None:
    path = store.save(ID, "1.001193", {"a": "b"})
    path.write_bytes(path.read_bytes()[:-3] + b"xyz")
    assert store.load(ID) is None
    assert not path.exists()

"""Fixtures shared by every test: an isolated data dir and database, a fixed clock, the composed app.

Tests never touch the user's real data dir: KIOSK_DATA_DIR points into tmp_path, and the environment is
"test". Database-backed tests take ``database_url``; the branch tests parametrise it with PostgreSQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

VN = ZoneInfo("Asia/Ho_Chi_Minh")

# No test may read a developer's own configuration.
os.environ.pop("KIOSK_CONFIG", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("KIOSK_") and key not in ("KIOSK_VENV", "KIOSK_TEST_WORKERS"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("KIOSK_ENVIRONMENT", "test")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """SQLite by default; ``postgresql`` (a fresh, migrated database on the session's real server) when
    ``pytest_generate_tests`` below parametrises the test with both back ends."""
    if getattr(request, "param", "sqlite") == "postgresql":
        return request.getfixturevalue("postgresql_url")
    return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"


# -- PostgreSQL branch mode ------------------------------------------------------------------------------
# Every test that uses ``database_url`` (directly or through ``settings``/``app``) runs on SQLite and on a
# real PostgreSQL server (tests/pg.py: initdb + pg_ctl in a temp dir, one per xdist worker, stopped by PID).
# Opt out with ``@pytest.mark.sqlite_only``; KIOSK_TEST_BACKENDS=sqlite narrows a local run.

DB_BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: run a database_url test on SQLite only")
    config.addinivalue_line("markers", "postgresql: needs the session's PostgreSQL server")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "database_url" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    for mark in metafunc.definition.iter_markers("parametrize"):
        names = mark.args[0] if mark.args else mark.kwargs.get("argnames", "")
        if "database_url" in (names.replace(" ", "").split(",") if isinstance(names, str) else names):
            return  # the test chose its own back ends
    wanted = os.environ.get("KIOSK_TEST_BACKENDS", ",".join(DB_BACKENDS))
    backends = [b for b in DB_BACKENDS if b in {w.strip() for w in wanted.split(",")}] or ["sqlite"]
    metafunc.parametrize("database_url", backends, indirect=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """One real PostgreSQL server for this (xdist worker) session, with a migrated template database.
    Fails with an install hint when the binaries are missing - never skips."""
    try:
        from tests.pg import PgServer, PgUnavailable
    except ImportError:  # tests/ not importable as a package: conftest's folder is on sys.path
        from pg import PgServer, PgUnavailable  # type: ignore[no-redef]

    try:
        server = PgServer().start()
    except PgUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        server.create_template()
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgresql_url(pg_server) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A fresh database cloned from the migrated template; dropped afterwards."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture
def settings(tmp_path: Path, database_url: str):  # type: ignore[no-untyped-def]
    from kiosk.config import load_settings

    return load_settings(data_dir=tmp_path / "data", database_url=database_url, environment="test")


@pytest.fixture
def clock():  # type: ignore[no-untyped-def]
    from kiosk.core.clock import FixedClock

    return FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=VN))  # a Wednesday, office open


@pytest.fixture
def app(settings, clock) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from kiosk.app import build_app

    a = build_app(settings, clock=clock)
    yield a
    a.close()


def vn(*args: int) -> datetime:
    """Office-local aware datetime: vn(2026, 11, 25, 9, 0)."""
    return datetime(*args, tzinfo=VN)  # type: ignore[misc]

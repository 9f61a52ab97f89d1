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
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"


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

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import Settings
from tests.unit.printing.printing_samples import ACCEPTED, PENDING, load_dossier, sample_db


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return sample_db(tmp_path, printer={"output_dir": tmp_path / "out", "receipt_copies": 2})


@pytest.fixture
def accepted(settings: Settings) -> Iterator[object]:
    session, dossier = load_dossier(settings, ACCEPTED)
    yield dossier
    session.close()


@pytest.fixture
def pending(settings: Settings) -> Iterator[object]:
    session, dossier = load_dossier(settings, PENDING)
    yield dossier
    session.close()

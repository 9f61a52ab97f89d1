"""The model and submission rules on both back ends (SQLite and a real PostgreSQL: see tests/conftest.py)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from kiosk.core.codes import parse_code
from kiosk.core.dossiers import SubmissionError
from kiosk.models.database import current_revision, head_revision, open_database
from kiosk.models.tables import Dossier, DossierSequence, OutboxEvent
from tests.integration.branch_support import add_procedure, service, submission


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    engine, factory = open_database(database_url)
    add_procedure(factory)
    yield engine, factory
    engine.dispose()


def test_schema_is_at_head(db) -> None:  # type: ignore[no-untyped-def]
    engine, _ = db
    assert current_revision(engine) == head_revision()


def test_submission_round_trip(db, clock) -> None:  # type: ignore[no-untyped-def]
    engine, factory = db
    svc = service(factory, clock)
    r = svc.submit(submission(1))
    assert parse_code(r.code).seq == 1
    with factory() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == r.code))
        assert d is not None
        assert d.submitted_at == clock.now() and d.submitted_at.tzinfo is not None
        assert d.form_data == {"ly_do": "Chuyển nơi ở", "n": 1}
        assert [doc.name for doc in d.documents][0].startswith("Tờ khai")
        assert [e.action for e in d.events] == ["submit"]
        assert d.sync_state == "pending"
        ev = s.scalar(select(OutboxEvent).where(OutboxEvent.dossier_code == r.code))
        assert ev is not None and ev.kind == "dossier.submitted" and ev.sent_at is None
        assert ev.payload["code"] == r.code and ev.payload["applicant"]["full_name"] == "Nguyễn Thị Hương"
        assert isinstance(ev.next_attempt_at, datetime) and ev.next_attempt_at.tzinfo is not None


def test_failed_submission_leaves_no_gap_and_no_outbox_row(db, clock) -> None:  # type: ignore[no-untyped-def]
    _, factory = db
    svc = service(factory, clock)
    first = svc.submit(submission(1))
    bad = submission(2)
    bad.applicant.id_number = "123"  # invalid ID: raises inside the transaction, after nothing committed
    with pytest.raises((SubmissionError, ValueError)):
        svc.submit(bad)
    third = svc.submit(submission(3))
    assert parse_code(third.code).seq == parse_code(first.code).seq + 1
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEvent)) == 2
        assert s.scalar(select(func.sum(DossierSequence.last_value))) == 2

"""The ORM model and the Alembic migrations describe the same schema, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kiosk.models.database import current_revision, head_revision, open_database
from kiosk.models.tables import Base


def test_migrations_match_the_model(database_url: str) -> None:
    engine, _ = open_database(database_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"model and migrations differ: {diff}"
    finally:
        engine.dispose()

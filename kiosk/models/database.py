"""Opening the database: engine settings per dialect, sessions, and migrations to the latest schema.

SQLite (one kiosk) runs in WAL mode with ``synchronous=FULL`` (a committed dossier survives a power cut),
a busy timeout, foreign keys on, and every transaction started with BEGIN IMMEDIATE so that concurrent
writers queue instead of failing on a lock upgrade. The file and its folder are created 0600/0700.
PostgreSQL (a branch) uses psycopg 3.

Alembic (with Mako and Pygments, ~0.1 s to import) is imported only when the schema has to change: opening an
up-to-date database compares the stored ``alembic_version`` (plain SQL) with the head revision read from the
``revision = ...`` lines of the migration files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATION_LOCK_KEY = 0x6B696F736B  # "kiosk": the PostgreSQL advisory lock held while migrating


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain postgresql:// URLs."""
    u = make_url(url)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


class DatabaseUrlError(ArgumentError):
    """The configured database URL cannot be parsed (the message never repeats the URL: it may hold a password)."""


def create_db_engine(url: str) -> Engine:
    try:
        url = normalise_url(url)
        u = make_url(url)
    except (ArgumentError, ValueError, TypeError) as exc:
        raise DatabaseUrlError(f"the database URL is not valid ({type(exc).__name__})") from None
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            from kiosk.security import secure_database_file

            # folder 0700 and file 0600 before SQLite creates it (also for `kiosk db upgrade`, backups, tests)
            secure_database_file(url)
        # hide_parameters: a failed statement must not quote citizens' data into an exception or a log
        engine = create_engine(url, connect_args={"timeout": 60, "isolation_level": None}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit is on disk before it returns, so a power cut cannot lose a dossier whose code
            # is already printed (NORMAL in WAL mode may roll back the last commits)
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):  # type: ignore[no-untyped-def]
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        # Kiosks of a branch may start together on a new or older database: one upgrade at a time. PostgreSQL
        # takes a transaction-scoped advisory lock; SQLite's BEGIN IMMEDIATE already holds the write lock.
        # The one that waited then finds the schema at head and alembic does nothing.
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    cfg = alembic_config("sqlite://")
    return ScriptDirectory.from_config(cfg).get_current_head()


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def scanned_head_revision() -> str | None:
    """The head revision id from the migration files' ``revision``/``down_revision`` lines, without alembic;
    None when the files do not give exactly one head in a form this understands (then alembic decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(m.groups() for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")))
        rev, down = found.get("revision"), found.get("down_revision", "None")
        if rev is None:
            return None
        rev = rev.strip("'\"")
        if not re.fullmatch(r"\w+", rev):
            return None
        revisions.add(rev)
        if down != "None":
            down = down.strip("'\"")
            if not re.fullmatch(r"\w+", down):
                return None  # a merge revision (a tuple): leave it to alembic
            parents.add(down)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revisions(engine: Engine) -> set[str]:
    """The rows of ``alembic_version`` (plain SQL); empty when the table does not exist yet."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}


def schema_is_current(engine: Engine) -> bool:
    """True when the database is at the head revision; alembic is imported only if the cheap check cannot tell."""
    head = scanned_head_revision()
    if head is None:
        return current_revision(engine) == head_revision()
    return stored_revisions(engine) == {head}


def open_database(url: str, migrate: bool = True) -> tuple[Engine, sessionmaker[Session]]:
    """Engine + session factory; migrates to the latest schema unless told not to."""
    engine = create_db_engine(url)
    if migrate and not schema_is_current(engine):
        upgrade(engine)
    return engine, make_session_factory(engine)

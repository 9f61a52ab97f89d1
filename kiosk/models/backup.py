"""Online, consistent backups of the kiosk database and their restore.

SQLite: the sqlite3 online-backup API copies a consistent snapshot while the kiosk keeps running (WAL
readers are not blocked); the copy is checked with ``PRAGMA integrity_check`` before it replaces the target
file. PostgreSQL: ``pg_dump --format=custom`` (a consistent snapshot by MVCC) and ``pg_restore --clean
--single-transaction``. Backup files are created 0600: they hold citizens' personal data. The PostgreSQL
password goes to the tools through a 0600 PGPASSFILE, never on their command line.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from kiosk.security import ensure_private_dir, ensure_private_file, sqlite_file, write_private_file


class BackupError(RuntimeError):
    pass


def _libpq_url(url: str) -> str:
    """The URL for pg_dump/pg_restore's argv: driver plain ``postgresql``, and never the password
    (argv is visible to every user through ps and /proc)."""
    u = make_url(url).set(drivername="postgresql", password=None)
    return u.render_as_string(hide_password=False)


def _passfile_line(password: str) -> str:
    escaped = password.replace("\\", "\\\\").replace(":", "\\:")
    return f"*:*:*:*:{escaped}\n"


@contextmanager
def _pg_env(url: str) -> Iterator[dict[str, str]]:
    """The environment for a PostgreSQL client tool: the URL's password, if any, in a 0600 PGPASSFILE in a
    0700 temp folder, removed afterwards. Without a password libpq uses ~/.pgpass or the server's peer auth."""
    env = dict(os.environ)
    password = make_url(url).password
    if not password:
        yield env
        return
    with tempfile.TemporaryDirectory(prefix="kiosk-pgpass-") as tmp:  # mkdtemp: 0700
        passfile = Path(tmp) / "pgpass"
        write_private_file(passfile, _passfile_line(str(password)), atomic=False)
        env["PGPASSFILE"] = str(passfile)
        yield env


def pg_tool(name: str) -> str:
    """pg_dump/pg_restore: from PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        for v in sorted((p for p in root.iterdir() if p.name.isdigit()), key=lambda p: -int(p.name)):
            if (v / "bin" / name).is_file():
                return str(v / "bin" / name)
    raise BackupError(f"{name} not found: apt-get install postgresql-client")


def _check_sqlite(path: Path) -> None:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = con.execute("PRAGMA integrity_check").fetchone()
        if not result or result[0] != "ok":
            raise BackupError(f"{path} failed the integrity check: {result}")
        if not con.execute("SELECT name FROM sqlite_master WHERE name='alembic_version'").fetchone():
            raise BackupError(f"{path} is not a kiosk database (no schema version)")
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite database: {exc}") from None
    finally:
        con.close()


def _sqlite_copy(src_path: Path, dest: Path) -> None:
    """Copy with the online-backup API into ``dest`` (written via a 0600 temp file, then renamed)."""
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    ensure_private_file(tmp)
    src = sqlite3.connect(src_path, timeout=60)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    _check_sqlite(tmp)
    os.replace(tmp, dest)


def backup(url: str, dest: Path) -> Path:
    """Write a consistent copy of the database at ``url`` to ``dest`` (mode 0600)."""
    dest = dest.expanduser().resolve()
    if not dest.parent.exists():
        ensure_private_dir(dest.parent)
    db = sqlite_file(url)
    if db is not None:
        if not db.is_file():
            raise BackupError(f"no database at {db}")
        _sqlite_copy(db, dest)
        return dest
    if make_url(url).get_backend_name() != "postgresql":
        raise BackupError("backups are supported for SQLite files and PostgreSQL")
    ensure_private_file(dest)
    with _pg_env(url) as env:
        r = subprocess.run(
            [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dest), "--dbname", _libpq_url(url)],
            capture_output=True, text=True, env=env,
        )
    if r.returncode != 0:
        dest.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {r.stderr.strip()}")
    return dest


def restore(url: str, source: Path) -> Path | None:
    """Replace the database at ``url`` with the backup ``source``. For SQLite the current file is first
    kept beside it as ``<name>.before-restore-<UTC time>`` (returned). Stop the kiosk service first."""
    source = source.expanduser().resolve()
    if not source.is_file():
        raise BackupError(f"no backup file {source}")
    db = sqlite_file(url)
    if db is not None:
        _check_sqlite(source)
        kept = None
        if db.is_file():
            kept = db.with_name(f"{db.name}.before-restore-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
            _sqlite_copy(db, kept)
        # write the backup's pages into the live file through SQLite itself (takes the write lock; WAL-safe)
        ensure_private_file(db)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(db, timeout=60)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        _check_sqlite(db)
        return kept
    with _pg_env(url) as env:
        r = subprocess.run(
            [
                pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
                "--dbname", _libpq_url(url), str(source),
            ],
            capture_output=True, text=True, env=env,
        )
    if r.returncode != 0:
        raise BackupError(f"pg_restore failed: {r.stderr.strip()}")
    return None

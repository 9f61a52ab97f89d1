"""File-system hygiene for personal data and secrets.

- The data dir is 0700 and the SQLite database (with its -wal/-shm files, which SQLite creates with the
  database's mode) 0600, so only the kiosk user can read citizens' data.
- Secrets (sync token, SMS gateway token) come from the environment (``KIOSK_SYNC__TOKEN``) or from a
  root-only TOML file named by ``KIOSK_SECRETS_FILE``; a secrets file (or, in production, the config file)
  that its group or other users can read or write is refused.

Nothing here imports the configuration, so config.py can use it.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

SECRETS_ENV = "KIOSK_SECRETS_FILE"


class InsecureFileError(ValueError):
    """A file holding secrets or configuration is open to other users."""


def check_private_file(path: Path, what: str = "secrets file") -> None:
    """Refuse ``path`` unless it is a regular file owned by root or by us, with no group/other bits."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise InsecureFileError(f"{what} {path} is not a regular file")
    if st.st_uid not in (0, os.geteuid()):
        raise InsecureFileError(f"{what} {path} must be owned by root or the kiosk user")
    if st.st_mode & 0o077:
        raise InsecureFileError(
            f"{what} {path} is readable or writable by other users (mode {stat.S_IMODE(st.st_mode):04o}); "
            f"run: chmod 600 {path}"
        )


def load_secrets_file(path: str | Path | None = None) -> dict[str, Any]:
    """The settings held in the secrets file ($KIOSK_SECRETS_FILE), after checking its mode; {} if none."""
    if path is None:
        path = os.environ.get(SECRETS_ENV) or None
    if path is None:
        return {}
    p = Path(path)
    if not p.is_file():
        raise InsecureFileError(f"secrets file {p} does not exist")
    check_private_file(p)
    with p.open("rb") as fh:
        try:
            return tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise InsecureFileError(f"secrets file {p} is not valid TOML: {exc}") from None


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) with mode 0700; tighten it when it exists and is ours."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = path.stat()
    if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) & 0o077:
        path.chmod(0o700)
    return path


def ensure_private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 if missing; tighten it when it exists and is ours."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
    os.close(fd)
    st = path.stat()
    if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) & 0o077:
        path.chmod(0o600)
    return path


def write_private_file(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` with mode 0600 from the first byte (no window where it is readable)."""
    ensure_private_file(path)
    raw = data.encode() if isinstance(data, str) else data
    with open(path, "wb") as fh:
        fh.write(raw)
    return path


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None (PostgreSQL, in-memory)."""
    from sqlalchemy.engine import (
        make_url,  # not at import: load_settings imports this module, SQLAlchemy is slow
    )

    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def secure_database_file(url: str) -> None:
    """Pre-create a SQLite database file 0600 (SQLite gives -wal/-shm the same mode) and tighten any
    existing companions."""
    db = sqlite_file(url)
    if db is None:
        return
    db.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    ensure_private_file(db)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = db.with_name(db.name + suffix)
        if companion.exists():
            ensure_private_file(companion)

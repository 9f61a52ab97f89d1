"""File-system hygiene for personal data and secrets.

- The data dir is 0700 and the SQLite database (with its -wal/-shm files, which SQLite creates with the
  database's mode) 0600, so only the kiosk user can read citizens' data. Every other file with personal
  data (scans, receipt PDFs, card photos, the demo SMS outbox, exports, backups) is written through
  :func:`open_private` / :func:`write_private_file` / :func:`ensure_private_dir`: the mode is given to
  ``os.open``/``mkdir`` so there is no moment where the file is readable by others, whatever the umask.
- Secrets (sync token, SMS gateway token) come from the environment (``KIOSK_SYNC__TOKEN``) or from a
  root-only TOML file named by ``KIOSK_SECRETS_FILE``; a secrets file (or, in production, the config file)
  that its group or other users can read or write is refused.

Nothing here imports the configuration, so config.py can use it.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

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


PRIVATE_UMASK = 0o077


def set_private_umask() -> int:
    """Make everything this process creates from now on 0600/0700 (files/folders), whatever the caller's
    umask; returns the previous umask. Called by the CLI entry point and build_app: the kiosk writes
    personal data only. The helpers below do not rely on it (they pass the mode to os.open/mkdir)."""
    return os.umask(PRIVATE_UMASK)


@contextmanager
def private_umask() -> Iterator[None]:
    """Umask 0077 for the block (e.g. around a subprocess that writes a file for us, such as scanimage)."""
    old = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(old)


def _tighten(path: Path, want: int) -> None:
    st = path.stat()
    if st.st_mode & stat.S_ISVTX:
        # a shared folder by design (/tmp, /var/tmp, /dev/shm: sticky bit): never ours to close, even as root
        # (closing /tmp to 0700 breaks every other program, PostgreSQL's socket included)
        return
    if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) & 0o077:
        path.chmod(want)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` with mode 0700, each missing parent too (Path.mkdir(parents=True) would give the
    parents the umask's mode); tighten ``path`` itself when it exists and is ours."""
    path = Path(path)
    missing: list[Path] = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        try:
            os.mkdir(d, 0o700)
        except FileExistsError:
            pass
        else:
            os.chmod(d, 0o700)  # mkdir's mode is masked by the umask; 0700 is never wider than asked
    if not path.is_dir():  # a file (or a dangling link) where the folder should be: as mkdir -p would say
        raise NotADirectoryError(20, "Not a directory", str(path))
    _tighten(path, 0o700)
    return path


def ensure_private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 if missing; tighten it when it exists and is ours."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
    os.close(fd)
    st = path.stat()
    if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) & 0o077:
        path.chmod(0o600)
    return path


def open_private(path: Path, mode: str = "wb", *, encoding: str | None = None, newline: str | None = None) -> IO[Any]:
    """``open()`` for a file with personal data: created 0600 by ``os.open`` (never a readable moment), an
    existing file of ours tightened; its folder is made (0700) when missing. ``mode``: w/a/x with b or t."""
    path = Path(path)
    if not path.parent.exists():
        ensure_private_dir(path.parent)
    flags = os.O_CREAT | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
    if "a" in mode:
        flags |= os.O_APPEND
    elif "x" in mode:
        flags |= os.O_EXCL
    elif "w" in mode:
        flags |= os.O_TRUNC
    else:
        raise ValueError(f"open_private writes only (w, a, x), not {mode!r}")
    fd = os.open(path, flags, 0o600)
    try:
        st = os.fstat(fd)
        if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) & 0o077:
            os.fchmod(fd, 0o600)
        return os.fdopen(fd, mode.replace("x", "w"), encoding=encoding, newline=newline)
    except BaseException:
        os.close(fd)
        raise


def write_private_file(path: Path, data: bytes | str, *, atomic: bool = True) -> Path:
    """Write ``data`` to ``path`` with mode 0600 from the first byte (no window where it is readable).
    ``atomic``: through a 0600 temp file in the same folder and a rename, so a reader never sees half."""
    path = Path(path)
    raw = data.encode() if isinstance(data, str) else data
    if not atomic:
        with open_private(path, "wb") as fh:
            fh.write(raw)
        return path
    if not path.parent.exists():
        ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)  # 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def copy_private(src: Path, dest: Path) -> Path:
    """Copy a file's bytes to ``dest`` created 0600 (shutil.copy2 would carry the source's mode)."""
    with open(src, "rb") as fi, open_private(dest, "wb") as fo:
        shutil.copyfileobj(fi, fo)
    return dest


def tighten_tree(root: Path) -> None:
    """Folders 0700 and files 0600 below ``root`` (ours only): for data written before this rule."""
    root = Path(root)
    if not root.exists():
        return
    _tighten(root, 0o700 if root.is_dir() else 0o600)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            _tighten(Path(dirpath) / name, 0o700)
        for name in filenames:
            p = Path(dirpath) / name
            if not p.is_symlink():
                _tighten(p, 0o600)


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None (PostgreSQL, in-memory)."""
    from sqlalchemy.engine import (
        make_url,  # not at import: load_settings imports this module, SQLAlchemy is slow
    )

    try:
        u = make_url(url)
    except ValueError:  # e.g. a port that is not a number: opening the database then says so in one line
        return None
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def secure_database_file(url: str) -> None:
    """Pre-create a SQLite database file 0600 (SQLite gives -wal/-shm the same mode) and tighten any
    existing companions."""
    db = sqlite_file(url)
    if db is None:
        return
    ensure_private_dir(db.parent)
    ensure_private_file(db)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = db.with_name(db.name + suffix)
        if companion.exists():
            ensure_private_file(companion)

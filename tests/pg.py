"""A real, throw-away PostgreSQL server for the branch-mode tests.

``PgServer.start()`` runs ``initdb`` into a fresh temporary directory and ``pg_ctl start`` on a free TCP
port of 127.0.0.1 (plus a unix socket in the same directory); ``stop()`` stops it by the postmaster's PID
and removes the directory. PostgreSQL refuses to run as root, so when the tests run as root the server runs
as a dedicated system user (``kioskpg``, created on first use; ``nobody`` as a fall-back).

Each test gets its own database, cloned from a template that is migrated once per server, so a test costs a
``CREATE DATABASE … TEMPLATE`` (tens of milliseconds) instead of a migration run.

Missing binaries are an error with an install hint, never a skip (docs/ARCHITECTURE: tests that need a
service fail loudly in CI).
"""

from __future__ import annotations

import atexit
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them with "
    "`apt-get install postgresql` (Debian 12 puts them in /usr/lib/postgresql/15/bin), "
    "or point KIOSK_PG_BINDIR at the folder holding initdb."
)
PG_USER_NAME = "kioskpg"
SUPERUSER = "kiosk"
TEMPLATE_DB = "kiosk_template"


class PgUnavailable(RuntimeError):
    """The PostgreSQL binaries are missing or the server did not start."""


def find_bindir() -> Path:
    """The folder with initdb/pg_ctl: $KIOSK_PG_BINDIR, PATH, or the newest /usr/lib/postgresql/*/bin."""
    explicit = os.environ.get("KIOSK_PG_BINDIR")
    candidates: list[Path] = [Path(explicit)] if explicit else []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        versions = sorted(
            (p for p in root.iterdir() if p.name.isdigit()), key=lambda p: int(p.name), reverse=True
        )
        candidates.extend(v / "bin" for v in versions)
    for c in candidates:
        if (c / "initdb").is_file() and (c / "pg_ctl").is_file():
            return c
    raise PgUnavailable(INSTALL_HINT)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _service_user() -> tuple[str, int, int] | None:
    """(name, uid, gid) to run the server as, or None when we are not root."""
    if os.geteuid() != 0:
        return None
    try:
        pw = pwd.getpwnam(PG_USER_NAME)
    except KeyError:
        useradd = shutil.which("useradd") or "/usr/sbin/useradd"
        r = subprocess.run(
            [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER_NAME],
            capture_output=True,
            text=True,
        )
        try:
            pw = pwd.getpwnam(PG_USER_NAME)
        except KeyError:
            if r.returncode not in (0, 9):  # 9 = exists (a concurrent worker made it)
                pw = pwd.getpwnam("nobody")
            else:  # pragma: no cover - races with nscd
                pw = pwd.getpwnam(PG_USER_NAME)
    return pw.pw_name, pw.pw_uid, pw.pw_gid


@dataclass
class PgServer:
    """One PostgreSQL cluster in a temporary directory."""

    bindir: Path = field(default_factory=find_bindir)
    port: int = 0
    root: Path | None = None
    pid: int | None = None
    _user: tuple[str, int, int] | None = None
    durable: bool = False  # benchmarks: keep fsync/synchronous_commit on, as on a real branch server

    # -- life cycle ---------------------------------------------------------------------------------------
    def start(self) -> PgServer:
        self._user = _service_user()
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        (self.root / "data").mkdir(mode=0o700)
        if self._user:
            for p in (self.root, self.root / "data"):
                os.chown(p, self._user[1], self._user[2])
        r = self._run(
            [
                str(self.bindir / "initdb"), "-D", str(self.root / "data"), "-U", SUPERUSER, "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
            ]
        )
        if r.returncode != 0:
            raise PgUnavailable(f"initdb failed: {r.stderr.strip() or r.stdout.strip()}")
        self._start_server()
        atexit.register(self.stop)
        return self

    def _start_server(self) -> None:
        assert self.root is not None
        last = ""
        for _ in range(3):  # the port may be taken between free_port() and the bind
            self.port = free_port()
            opts = (
                f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
                "-c max_connections=100 -c shared_buffers=32MB"
            )
            if not self.durable:
                opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            r = self._run(
                [
                    str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-l", str(self.root / "log"),
                    "-o", opts, "-w", "-t", "60", "start",
                ]
            )
            if r.returncode == 0:
                self.pid = self._read_pid()
                return
            last = (self.root / "log").read_text(errors="replace")[-2000:] if (self.root / "log").exists() else r.stderr
        raise PgUnavailable(f"PostgreSQL did not start: {last}")

    def _read_pid(self) -> int:
        assert self.root is not None
        return int((self.root / "data" / "postmaster.pid").read_text().splitlines()[0])

    def stop_server(self) -> None:
        """Stop the postmaster (fast shutdown) by PID; the data directory stays (see ``restart``)."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        try:
            os.kill(pid, signal.SIGINT)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)  # pragma: no cover

    def restart(self) -> None:
        """Start the same cluster again (on the same port when it is free)."""
        assert self.root is not None
        opts = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        r = self._run(
            [
                str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-l", str(self.root / "log"),
                "-o", opts, "-w", "-t", "60", "start",
            ]
        )
        if r.returncode != 0:
            raise PgUnavailable(f"PostgreSQL did not restart: {r.stderr}")
        self.pid = self._read_pid()

    def stop(self) -> None:
        self.stop_server()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    # -- databases ----------------------------------------------------------------------------------------
    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=dbname, autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_template(self) -> None:
        """A database migrated to the latest schema, to clone per test."""
        from kiosk.models.database import create_db_engine, upgrade

        self.execute(f"CREATE DATABASE {TEMPLATE_DB}")
        engine = create_db_engine(self.url(TEMPLATE_DB))
        try:
            upgrade(engine)
        finally:
            engine.dispose()

    def create_database(self, from_template: bool = True) -> str:
        """A fresh database (migrated when cloned from the template); returns its URL."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        tpl = f" TEMPLATE {TEMPLATE_DB}" if from_template else ""
        self.execute(f"CREATE DATABASE {name}{tpl}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        try:
            self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except Exception:  # noqa: BLE001 - best effort; the whole cluster goes at session end
            pass

    # -- helpers ------------------------------------------------------------------------------------------
    def _run(self, argv: list[str]) -> subprocess.CompletedProcess[str]:
        if self._user:
            argv = ["runuser", "-u", self._user[0], "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, cwd=self.root, timeout=120)

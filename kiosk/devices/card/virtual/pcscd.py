"""Start (or reuse) pcscd with the vsmartcard-vpcd driver for tests and ``kiosk demo``.

Why: CI and the demo need a real PC/SC stack without systemd. pcscd runs in the foreground as our child,
in a temporary directory, and is stopped by its PID — never by name. If a pcscd is already running and
vpcd listens, it is reused and left alone.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

VPCD_PORTS = (35963, 35964)
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
INSTALL_HINT = (
    "pcscd and vsmartcard-vpcd are needed for the virtual card: "
    "sudo apt-get install -y pcscd vsmartcard-vpcd libpcsclite-dev"
)


class PcscdUnavailable(RuntimeError):
    """pcscd or the vpcd driver is missing, or pcscd did not come up."""


def port_listening(port: int) -> bool:
    """True when a local TCP socket listens on ``port`` (read from /proc: connecting would look like a card)."""
    want = f":{port:04X}"
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as fh:
                next(fh, None)
                for line in fh:
                    parts = line.split()
                    if len(parts) > 3 and parts[1].endswith(want) and parts[3] == "0A":
                        return True
        except OSError:
            continue
    return False


@dataclass
class PcscdHandle:
    pid: int | None  # None when an already-running pcscd is reused
    workdir: Path | None = None
    log_path: Path | None = None
    _proc: subprocess.Popen[bytes] | None = None

    @property
    def started(self) -> bool:
        return self.pid is not None

    def stop(self, timeout: float = 3.0) -> None:
        if self._proc is None:
            return
        if self._proc.poll() is None:
            os.kill(self._proc.pid, signal.SIGTERM)
            try:
                self._proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.kill(self._proc.pid, signal.SIGKILL)
                self._proc.wait(timeout)
        self._proc = None
        deadline = time.monotonic() + timeout
        while port_listening(VPCD_PORTS[0]) and time.monotonic() < deadline:
            time.sleep(0.02)


def find_pcscd() -> str:
    exe = shutil.which("pcscd") or ("/usr/sbin/pcscd" if os.path.exists("/usr/sbin/pcscd") else None)
    if exe is None:
        raise PcscdUnavailable("pcscd is not installed. " + INSTALL_HINT)
    if not VPCD_DRIVER.exists() and not Path("/etc/reader.conf.d/vpcd").exists():
        raise PcscdUnavailable("the vsmartcard-vpcd driver is not installed. " + INSTALL_HINT)
    return exe


def start_pcscd(workdir: Path | None = None, timeout: float = 10.0) -> PcscdHandle:
    """Reuse a running pcscd whose vpcd listens, else start one and wait for port 35963."""
    if port_listening(VPCD_PORTS[0]):
        return PcscdHandle(None)
    exe = find_pcscd()
    workdir = workdir or Path(tempfile.mkdtemp(prefix="kiosk-pcscd-"))
    workdir.mkdir(parents=True, exist_ok=True)
    log_path = workdir / "pcscd.log"
    with open(log_path, "wb") as log_file:
        proc = subprocess.Popen(
            [exe, "--foreground"], stdout=log_file, stderr=subprocess.STDOUT, cwd=workdir,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
    deadline = time.monotonic() + timeout
    while not port_listening(VPCD_PORTS[0]):
        if proc.poll() is not None:
            tail = log_path.read_text(errors="replace")[-400:]
            raise PcscdUnavailable(f"pcscd exited with code {proc.returncode}: {tail.strip()}")
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            raise PcscdUnavailable("pcscd started but vpcd did not listen on port 35963. " + INSTALL_HINT)
        time.sleep(0.02)
    (workdir / "pcscd.pid").write_text(str(proc.pid))
    return PcscdHandle(proc.pid, workdir, log_path, proc)

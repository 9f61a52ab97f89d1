"""A real cupsd in a temporary directory with a cups-pdf queue: the slip goes through CUPS and its QR codes
decode from what cups-pdf wrote.

cupsd listens only on a unix socket in a temp dir (CUPS_SERVER points there) and is stopped by PID.
cups-pdf reads its configuration from /etc/cups (compiled in), so the output lands in its configured
``Out`` directory (Debian: ${HOME}/PDF; /var/spool/cups-pdf/${USER} without a config); the test finds the
file by the job's unique title and deletes it.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core import vietqr
from kiosk.core.document_builder import slip_data
from kiosk.devices.printing.backends import CupsPrinter
from kiosk.devices.printing.slip import render_slip
from tests.unit.printing.printing_samples import PENDING, decode_pdf, load_dossier, sample_db

pytestmark = pytest.mark.integration
INSTALL = "apt-get install cups cups-client cups-bsd printer-driver-cups-pdf"

CUPSD_CONF = """Listen {sock}
LogLevel warn
ErrorLog {d}/log/error_log
AccessLog {d}/log/access_log
PageLog {d}/log/page_log
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
FILES_CONF = """ServerRoot {d}/root
RequestRoot {d}/spool
CacheDir {d}/cache
StateDir {d}/state
TempDir {d}/spool/tmp
ErrorLog {d}/log/error_log
AccessLog {d}/log/access_log
PageLog {d}/log/page_log
SystemGroup root
"""


@pytest.fixture
def cupsd(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for tool in ("cupsd", "lpadmin", "lpinfo", "lp", "lpstat"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            pytest.fail(f"{tool} is missing: install CUPS with `{INSTALL}`")
    if not Path("/usr/lib/cups/backend/cups-pdf").exists():
        pytest.fail(f"the cups-pdf backend is missing: `{INSTALL}`")
    if os.geteuid() != 0:
        pytest.fail("the CUPS test must run as root: the cups-pdf backend (mode 0700) only runs under a root cupsd")
    d = Path(tempfile.mkdtemp(prefix="kcups-"))  # short path: unix socket names are limited to 108 bytes
    d.chmod(0o755)  # CUPS filters run as the unprivileged "lp" user and must reach the spool
    for sub in ("root", "spool/tmp", "cache", "state", "log"):
        (d / sub).mkdir(parents=True)
    sock = d / "cups.sock"
    (d / "root" / "cupsd.conf").write_text(CUPSD_CONF.format(sock=sock, d=d))
    (d / "root" / "cups-files.conf").write_text(FILES_CONF.format(d=d))
    cupsd_bin = shutil.which("cupsd") or "/usr/sbin/cupsd"
    proc = subprocess.Popen(
        [cupsd_bin, "-f", "-c", str(d / "root" / "cupsd.conf"), "-s", str(d / "root" / "cups-files.conf")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    monkeypatch.setenv("CUPS_SERVER", str(sock))
    try:
        deadline = time.monotonic() + 20
        while not sock.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                log = (d / "log" / "error_log")
                pytest.fail(f"cupsd did not start: {log.read_text()[-800:] if log.exists() else 'no log'}")
            time.sleep(0.1)
        yield str(d)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        shutil.rmtree(d, ignore_errors=True)


def _cups_pdf_model() -> str:
    out = subprocess.run(["lpinfo", "-m"], capture_output=True, text=True, timeout=60).stdout
    for line in out.splitlines():
        model = line.split(" ", 1)[0]
        if "CUPS-PDF_noopt" in model:
            return model
    pytest.fail(f"lpinfo -m lists no CUPS-PDF model: `{INSTALL}`")


def _output_dirs(user: str) -> list[Path]:
    home = Path(pwd.getpwnam(user).pw_dir)
    dirs = []
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        m = re.search(r"^\s*Out\s+(\S+)", conf.read_text(), re.M)
        if m:
            dirs.append(Path(m.group(1).replace("${HOME}", str(home)).replace("${USER}", user)))
    return [*dirs, home / "PDF", Path("/var/spool/cups-pdf") / user, Path("/var/spool/cups-pdf/ANONYMOUS")]


def _wait_for_output(title: str, user: str, timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for folder in _output_dirs(user):
            hits = sorted(folder.glob(f"*{title}*.pdf")) if folder.is_dir() else []
            if hits and hits[0].stat().st_size > 0:
                time.sleep(0.3)  # let cups-pdf finish writing
                return hits[0]
        time.sleep(0.25)
    pytest.fail(f"cups-pdf wrote no file for job {title} in {_output_dirs(user)}")


def test_slip_through_cups_pdf_queue(cupsd: str, tmp_path: Path) -> None:
    queue = "KioskPDF"
    subprocess.run(
        ["lpadmin", "-p", queue, "-E", "-v", "cups-pdf:/", "-m", _cups_pdf_model()],
        check=True, capture_output=True, timeout=60,
    )
    settings = sample_db(tmp_path)
    session, dossier = load_dossier(settings, PENDING)
    try:
        doc = render_slip(slip_data(dossier, settings))
    finally:
        session.close()

    missing = CupsPrinter("NoSuchQueue").print_document(doc)
    assert missing.state == "queue_missing"

    printer = CupsPrinter(queue)
    assert printer.status().ok
    result = printer.print_document(doc)
    assert result.ok, result.detail
    assert result.job_id and result.job_id.startswith(queue)
    out = _wait_for_output(result.extra["title"], pwd.getpwuid(os.geteuid()).pw_name)
    try:
        decoded = {text for _, text in decode_pdf(out, tmp_path, dpi=150)}
    finally:
        out.unlink(missing_ok=True)
    pay = vietqr.dossier_payment_payload(settings.bank.bin, settings.bank.account, dossier.fee, PENDING)
    assert settings.tracking_url(PENDING) in decoded
    assert pay in decoded

"""Devices unplugged and plugged back: the app reports a clean error, then works again without a restart.

- Card reader: pcscd stopped mid-session (the service goes away), started with no reader, then with the
  reader and a card again; one process keeps the same :class:`CardReaderService` and :class:`CardMonitor`
  throughout. The scenario runs in a child process in its own mount namespace (a private /run/pcscd and
  a private vpcd port), so it stops and starts only its own pcscd and never disturbs the machine's pcscd or
  the card tests running beside it under xdist.
- Printer: a real cupsd in a temporary directory; the queue disabled, removed, cupsd stopped, then all put
  back; and the PDF back end's folder made unusable, then fixed. Each failure is a failed PrintJob with a
  clear state; the retry of the same job succeeds; the dossier is untouched.
- Scanner: SANE ``scanimage`` pointed at a device that is not there (unplugged), at a failing scanimage,
  then back at the SANE ``test`` device.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.core.printing import PrintJobs
from kiosk.devices.printing.backends import CupsPrinter, PdfFilePrinter
from kiosk.devices.printing.service import DeviceFormPrinter
from kiosk.devices.scanner import SaneScanner, ScannerError
from kiosk.models.database import open_database
from kiosk.models.tables import Dossier, PrintJob
from tests.integration.printing.test_cups_pdf_queue import CUPSD_CONF, FILES_CONF, INSTALL
from tests.unit.printing.printing_samples import PENDING, sample_db

pytestmark = pytest.mark.integration
HERE = Path(__file__).resolve().parent


# -- card reader ------------------------------------------------------------------------------------------
def _namespace_cmd() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.fail("unshare (util-linux) is needed for the card recovery test", pytrace=False)
    cmd = [unshare, "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        cmd.insert(1, "--map-root-user")  # an unprivileged user may mount a tmpfs in its own namespace
    return cmd


def test_card_reader_recovers_after_pcscd_restart(tmp_path: Path) -> None:
    from kiosk.devices.card.virtual.pcscd import PcscdUnavailable, find_pcscd

    try:
        find_pcscd()
    except PcscdUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_ENVIRONMENT"] = "test"
    r = subprocess.run(
        [*_namespace_cmd(), sys.executable, str(HERE / "device_recovery_card_child.py"), str(tmp_path)],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert r.returncode == 0, (r.stdout[-2000:], r.stderr[-3000:])
    steps = {s["step"]: s for s in map(json.loads, r.stdout.splitlines())}

    assert steps["before"]["ok"] and steps["before"]["pa"] == "verified"
    down = steps["service_down"]
    assert not down["ok"] and down["error"] == "ReaderServiceDown"
    assert "pcscd" in down["en"] and down["vi"].startswith("Dịch vụ đầu đọc thẻ")
    assert "service_down" in steps["monitor_down"]["events"]
    no_reader = steps["no_reader"]
    assert not no_reader["ok"] and no_reader["error"] == "NoReader", no_reader
    after = steps["after"]
    assert after["ok"], after  # same process, same service object: no restart needed
    assert after["id"] == steps["before"]["id"] and after["pa"] == "verified"
    events = steps["monitor_after"]["events"]
    assert "inserted" in events[events.index("service_down"):], events


# -- printer ----------------------------------------------------------------------------------------------
class Cupsd:
    """A cupsd of our own in a temp dir (unix socket only); stop/start keep its queues (printers.conf)."""

    def __init__(self, d: Path) -> None:
        self.d = d
        self.sock = d / "cups.sock"
        self.proc: subprocess.Popen[bytes] | None = None
        for sub in ("root", "spool/tmp", "cache", "state", "log"):
            (d / sub).mkdir(parents=True, exist_ok=True)
        (d / "root" / "cupsd.conf").write_text(CUPSD_CONF.format(sock=self.sock, d=d))
        # FileDevice: the queue's device is a plain file, so no real printer and no cups-pdf output dir
        (d / "root" / "cups-files.conf").write_text(FILES_CONF.format(d=d) + "FileDevice Yes\n")

    def start(self) -> None:
        exe = shutil.which("cupsd") or "/usr/sbin/cupsd"
        self.proc = subprocess.Popen(
            [exe, "-f", "-c", str(self.d / "root" / "cupsd.conf"), "-s", str(self.d / "root" / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while not self.sock.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                log = self.d / "log" / "error_log"
                pytest.fail(f"cupsd did not start: {log.read_text()[-800:] if log.exists() else 'no log'}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None
        self.sock.unlink(missing_ok=True)


@pytest.fixture
def cupsd(monkeypatch: pytest.MonkeyPatch) -> Iterator[Cupsd]:
    for tool in ("cupsd", "lpadmin", "lp", "lpstat", "cupsenable", "cupsdisable"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            pytest.fail(f"{tool} is missing: install CUPS with `{INSTALL}`", pytrace=False)
    d = Path(tempfile.mkdtemp(prefix="kcupr-"))  # short: unix socket names are limited to 108 bytes
    d.chmod(0o755)
    server = Cupsd(d)
    monkeypatch.setenv("CUPS_SERVER", str(server.sock))
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(d, ignore_errors=True)


def _admin(*args: str) -> None:
    tool = shutil.which(args[0]) or f"/usr/sbin/{args[0]}"
    r = subprocess.run([tool, *args[1:]], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, (args, r.stdout, r.stderr)


def _add_queue(queue: str, device: Path) -> None:
    _admin("lpadmin", "-p", queue, "-E", "-v", f"file://{device}")  # a raw queue writing into a file


def _dossier_snapshot(settings) -> tuple:  # type: ignore[no-untyped-def]
    _, factory = open_database(settings.effective_database_url)
    with factory() as s:
        d = s.scalars(select(Dossier).where(Dossier.code == PENDING)).one()
        return (d.id, d.code, d.status, d.updated_at if hasattr(d, "updated_at") else None)


def _job(settings, job_id: int) -> PrintJob:  # type: ignore[no-untyped-def]
    _, factory = open_database(settings.effective_database_url)
    with factory() as s:
        return s.get(PrintJob, job_id)  # type: ignore[return-value]


def _jobs(settings) -> list[PrintJob]:  # type: ignore[no-untyped-def]
    _, factory = open_database(settings.effective_database_url)
    with factory() as s:
        return list(s.scalars(select(PrintJob).order_by(PrintJob.id)))


def test_cups_printer_recovers(cupsd: Cupsd, tmp_path: Path) -> None:
    settings = sample_db(tmp_path)
    _, factory = open_database(settings.effective_database_url)
    queue, device = "KioskRecover", cupsd.d / "printed.prn"
    _add_queue(queue, device)
    service = PrintJobs(factory, settings, DeviceFormPrinter(CupsPrinter(queue)))
    before = _dossier_snapshot(settings)

    assert service.print_form(PENDING, "01").ok

    _admin("cupsdisable", queue)  # printer switched off / unplugged: CUPS stops the queue
    off = service.print_form(PENDING, "01")
    assert off.state == "offline" and not off.ok, off
    job_id = _jobs(settings)[-1].id
    failed = _job(settings, job_id)
    assert failed.state == "failed" and failed.error.startswith("offline"), failed.error
    assert [j.id for j in service.failed_jobs()] == [job_id]

    _admin("lpadmin", "-x", queue)  # the queue is gone altogether
    missing = service.retry(job_id)
    assert missing.state == "queue_missing", missing

    cupsd.stop()  # the print service itself is down
    down = service.retry(job_id)
    assert not down.ok and down.state in ("offline", "queue_missing"), down
    cupsd.start()

    _add_queue(queue, device)  # printer back
    again = service.retry(job_id)
    assert again.ok, again.detail
    job = _job(settings, job_id)
    assert (job.state, job.error, job.attempts) == ("done", None, 4)
    assert service.failed_jobs() == []
    assert _dossier_snapshot(settings) == before  # printing never touches the dossier


def test_pdf_printer_recovers(tmp_path: Path) -> None:
    settings = sample_db(tmp_path)
    _, factory = open_database(settings.effective_database_url)
    out = tmp_path / "receipts"
    service = PrintJobs(factory, settings, DeviceFormPrinter(PdfFilePrinter(out)))
    before = _dossier_snapshot(settings)

    # the output folder is unusable (a file where the folder should be: root ignores permission bits)
    out.write_text("not a folder")
    bad = service.print_form(PENDING, "slip")
    assert bad.state == "error" and "cannot write PDF" in bad.detail, bad
    assert not service.printer.status().ok  # type: ignore[union-attr]
    job_id = _jobs(settings)[-1].id
    assert _job(settings, job_id).state == "failed"

    out.unlink()  # fixed
    ok = service.retry(job_id)
    assert ok.ok and ok.path is not None and ok.path.read_bytes().startswith(b"%PDF")
    job = _job(settings, job_id)
    assert (job.state, job.attempts) == ("done", 2)
    assert _dossier_snapshot(settings) == before


# -- scanner ----------------------------------------------------------------------------------------------
def _sane_test_device() -> str:
    if shutil.which("scanimage") is None:
        pytest.fail("scanimage is missing: apt-get install sane-utils", pytrace=False)
    return "test"


def test_scanner_recovers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    device = _sane_test_device()
    scanner = SaneScanner(device, resolution=50)
    assert scanner.scan_page(tmp_path / "p1.png").width > 0

    scanner.device = "v4l:/dev/kiosk-no-such-scanner"  # unplugged: SANE cannot open the device
    with pytest.raises(ScannerError) as gone:
        scanner.scan_page(tmp_path / "p2.png")
    assert gone.value.vi.startswith("Không tìm thấy máy quét"), gone.value
    assert not (tmp_path / "p2.png").exists() or (tmp_path / "p2.png").stat().st_size == 0

    # the driver crashes (scanimage exits non-zero with a message): a clean "scanner failed"
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "scanimage").write_text("#!/bin/sh\necho 'scanimage: sane_read: Error during device I/O' >&2\nexit 1\n")
    (fake / "scanimage").chmod(0o755)
    real_path = os.environ["PATH"]
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{real_path}")
    scanner.device = device
    with pytest.raises(ScannerError) as failed:
        scanner.scan_page(tmp_path / "p3.png")
    assert failed.value.en.startswith("The scanner failed") and "I/O" in failed.value.detail

    monkeypatch.setenv("PATH", real_path)  # plugged back in: the same scanner object works again
    page = scanner.scan_page(tmp_path / "p4.png")
    assert page.width > 0 and page.path.stat().st_size > 0

"""Back ends report clear states; the service records every attempt and never raises."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.core.printing import PrintJobs
from kiosk.devices.printing.backends import CupsPrinter, PdfFilePrinter, make_printer
from kiosk.devices.printing.escpos_backend import EscposPrinter
from kiosk.devices.printing.model import PrintResult, RenderedDocument
from kiosk.devices.printing.service import DeviceFormPrinter
from kiosk.devices.printing.slip import render_test_slip
from kiosk.models.database import open_database
from kiosk.models.tables import PrintJob
from tests.unit.printing.printing_samples import ACCEPTED, PENDING


def _fake_cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lpstat_out: str, lpstat_rc: int = 0) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "lp-args"
    scripts = {
        "lpstat": f"#!/bin/sh\nprintf '%s\\n' '{lpstat_out}'\nexit {lpstat_rc}\n",
        "lp": f"#!/bin/sh\necho \"$@\" > {log}\necho 'request id is Q-42 (1 file(s))'\n",
    }
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(body)
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return log


@pytest.mark.parametrize(
    ("out", "rc", "state"),
    [
        ("printer Q is idle.  enabled since today", 0, "ok"),
        ("printer Q disabled since today -", 0, "offline"),
        ("printer Q is idle.\\n\\tAlerts: media-empty-error", 0, "out_of_paper"),
        ('lpstat: Invalid destination name in list "Q".', 1, "queue_missing"),
        ("lpstat: Bad file descriptor", 1, "offline"),
    ],
)
def test_cups_states(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, rc: int, state: str) -> None:
    log = _fake_cups(tmp_path, monkeypatch, out, rc)
    result = CupsPrinter("Q").print_document(render_test_slip("Q"))
    assert result.state == state
    assert result.message_vi and result.message_en
    if state == "ok":
        args = log.read_text()
        assert "-d Q" in args and "media=Custom.80x" in args
        assert result.job_id == "Q-42"


def test_pdf_printer_never_overwrites(tmp_path: Path) -> None:
    printer = PdfFilePrinter(tmp_path / "out")
    doc = render_test_slip("pdf")
    first, second = printer.print_document(doc), printer.print_document(doc)
    assert first.ok and second.ok and first.path != second.path
    assert first.path.read_bytes() == doc.pdf


def test_pdf_printer_unwritable_dir_is_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = PdfFilePrinter(blocker / "sub").print_document(render_test_slip("pdf"))
    assert result.state == "error"


def test_make_printer_choices(settings) -> None:
    assert isinstance(make_printer(settings), PdfFilePrinter)
    assert make_printer(settings).output_dir == settings.printer.output_dir
    assert isinstance(make_printer(settings, "cups:KioskPDF"), CupsPrinter)
    assert make_printer(settings, "KioskPDF").queue == "KioskPDF"
    assert isinstance(make_printer(settings, "escpos:dummy"), EscposPrinter)
    assert make_printer(settings, "cups").status().state == "queue_missing"  # no queue configured
    assert make_printer(settings, f"pdf:{settings.data_dir}/x").output_dir == settings.data_dir / "x"


class _Broken:
    name = "broken"

    def __init__(self, state: str = "out_of_paper", raise_: bool = False) -> None:
        self.state, self.raise_ = state, raise_

    def status(self) -> PrintResult:
        return PrintResult.make(self.state)

    def print_document(self, doc: RenderedDocument) -> PrintResult:
        if self.raise_:
            raise RuntimeError("usb cable pulled")
        return PrintResult.make(self.state, "simulated")


def _jobs(settings) -> list[PrintJob]:
    _, factory = open_database(settings.effective_database_url)
    with factory() as s:
        return list(s.scalars(select(PrintJob).order_by(PrintJob.id)))


def test_failed_print_is_recorded_and_retried(settings) -> None:
    _, factory = open_database(settings.effective_database_url)
    service = PrintJobs(factory, settings, DeviceFormPrinter(_Broken("out_of_paper")))
    result = service.print_form(PENDING, "slip")
    assert result.state == "out_of_paper" and "hết giấy" in result.message_vi
    [job] = service.failed_jobs()
    assert job.state == "failed" and job.error.startswith("out_of_paper") and job.form == "slip"
    again = service.retry(job.id, printer=DeviceFormPrinter(PdfFilePrinter(settings.printer.output_dir)))
    assert again.ok and again.path.exists()
    [job] = _jobs(settings)
    assert job.state == "done" and job.attempts == 2 and job.error is None
    assert service.failed_jobs() == []


def test_service_never_raises(settings) -> None:
    _, factory = open_database(settings.effective_database_url)
    service = PrintJobs(factory, settings, DeviceFormPrinter(_Broken(raise_=True)))
    assert service.print_form(ACCEPTED, "01").state == "error"
    assert service.print_form("no-such-code", "01").state == "error"
    assert service.print_form(PENDING, "03").state == "error"  # no refusal recorded
    assert service.retry(9999).state == "error"
    states = [j.state for j in _jobs(settings)]
    assert states == ["failed", "failed", "failed"]

"""Printer back ends behind one interface: a PDF file (the default and the simulator) and a CUPS queue.

Why: the kiosk must keep working when no printer is attached (PDF file), print through any CUPS driver
(the driver gets the PDF, so Vietnamese is always right), and turn every failure into a
:class:`PrintResult` state the screen can explain: offline, out of paper, queue missing, error.
Raw ESC/POS lives in ``escpos_backend`` (its library is imported only when used).
"""

from __future__ import annotations

import logging
import re
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

from kiosk.config import Settings
from kiosk.devices.printing.model import Printer, PrintResult, RenderedDocument
from kiosk.security import ensure_private_dir, open_private

log = logging.getLogger(__name__)
_SAFE = re.compile(r"[^0-9A-Za-z._-]+")


def safe_filename(text: str) -> str:
    return _SAFE.sub("_", text).strip("_") or "document"


class PdfFilePrinter:
    """Writes each document as ``<dir>/<code>-<form>[-n].pdf``; never overwrites an earlier print."""

    def __init__(self, output_dir: Path, name: str = "pdf") -> None:
        self.output_dir = Path(output_dir)
        self.name = name

    def _target(self, doc: RenderedDocument) -> Path:
        stem = f"{safe_filename(doc.dossier_code)}-{safe_filename(doc.form)}"
        path = self.output_dir / f"{stem}.pdf"
        n = 2
        while path.exists():
            path = self.output_dir / f"{stem}-{n}.pdf"
            n += 1
        return path

    def print_document(self, doc: RenderedDocument) -> PrintResult:
        try:
            ensure_private_dir(self.output_dir)  # 0700: receipts name the citizen
            path = self._target(doc)
            tmp = path.with_suffix(".pdf.part")
            with open_private(tmp, "wb") as fh:  # 0600 from the first byte
                fh.write(doc.pdf)
            tmp.replace(path)
        except OSError as exc:
            return PrintResult.make("error", f"cannot write PDF: {exc.strerror or exc}")
        return PrintResult.make("ok", f"written to {path}", path=path)

    def status(self) -> PrintResult:
        try:
            ensure_private_dir(self.output_dir)
        except OSError as exc:
            return PrintResult.make("error", f"output folder not writable: {exc.strerror or exc}")
        return PrintResult.make("ok", f"PDF folder {self.output_dir}")


class CupsPrinter:
    """Prints through ``lp -d QUEUE``; checks the queue with ``lpstat`` first.

    The PDF already has its final page size (A4, or 80 mm × content height for a slip); the matching
    ``media`` option is passed so drivers with custom sizes pick it."""

    def __init__(self, queue: str, *, timeout_s: float = 20.0) -> None:
        self.queue = queue
        self.name = f"cups:{queue}"
        self.timeout_s = timeout_s

    def _run(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, capture_output=True, text=True, timeout=self.timeout_s, check=False)

    def status(self) -> PrintResult:
        if shutil.which("lpstat") is None or shutil.which("lp") is None:
            return PrintResult.make("queue_missing", "CUPS client tools (lp, lpstat) are not installed")
        try:
            proc = self._run(["lpstat", "-l", "-p", self.queue])
        except (OSError, subprocess.TimeoutExpired) as exc:
            return PrintResult.make("offline", f"lpstat failed: {exc}")
        out = (proc.stdout + proc.stderr).lower()
        if proc.returncode != 0:
            if "invalid destination" in out or "unknown destination" in out or "no destination" in out:
                return PrintResult.make("queue_missing", f"CUPS queue {self.queue} does not exist")
            return PrintResult.make("offline", f"CUPS not reachable: {out.strip()[:200]}")
        if "media-empty" in out or "media-needed" in out:
            return PrintResult.make("out_of_paper", f"CUPS reports no paper on {self.queue}")
        if "disabled" in out or "offline" in out or "connecting-to-device" in out:
            return PrintResult.make("offline", f"CUPS queue {self.queue} is disabled or offline")
        return PrintResult.make("ok", f"CUPS queue {self.queue} is ready")

    def print_document(self, doc: RenderedDocument) -> PrintResult:
        state = self.status()
        if not state.ok:
            return state
        w_mm = round(doc.page_size_pt[0] * 25.4 / 72)
        h_mm = round(doc.page_size_pt[1] * 25.4 / 72)
        media = "A4" if doc.page == "a4" else f"Custom.{w_mm}x{h_mm}mm"
        with tempfile.NamedTemporaryFile(prefix="kiosk-", suffix=".pdf", delete=False) as fh:
            fh.write(doc.pdf)
            tmp = Path(fh.name)
        try:
            # a short random suffix keeps job titles (and cups-pdf file names) unique across reprints
            title = f"{safe_filename(doc.dossier_code)}-{doc.form}-{secrets.token_hex(3)}"
            proc = self._run(["lp", "-d", self.queue, "-t", title, "-o", f"media={media}", str(tmp)])
        except (OSError, subprocess.TimeoutExpired) as exc:
            return PrintResult.make("error", f"lp failed: {exc}")
        finally:
            tmp.unlink(missing_ok=True)
        if proc.returncode != 0:
            return PrintResult.make("error", f"lp: {(proc.stderr or proc.stdout).strip()[:200]}")
        m = re.search(r"request id is (\S+)", proc.stdout)
        return PrintResult.make(
            "ok", proc.stdout.strip(), job_id=m.group(1) if m else None, extra={"title": title, "media": media}
        )


def make_printer(settings: Settings, name: str | None = None) -> Printer:
    """The configured back end, or the one ``name`` selects: "pdf", "pdf:/dir", "escpos",
    "escpos:usb:0x04b8:0x0202", "cups:QUEUE", or a bare CUPS queue name."""
    cfg = settings.printer
    backend, arg = cfg.backend, None
    if name:
        head, _, rest = name.partition(":")
        if head in ("pdf", "cups", "escpos"):
            backend, arg = head, rest or None
        else:
            backend, arg = "cups", name
    if backend == "cups":
        queue = arg or cfg.cups_queue
        if not queue:
            return _Unconfigured("cups", "printer.cups_queue is not set")
        return CupsPrinter(queue)
    if backend == "escpos":
        from kiosk.devices.printing.escpos_backend import EscposPrinter

        connection = arg or cfg.escpos_connection
        if not connection:
            return _Unconfigured("escpos", "printer.escpos_connection is not set")
        return EscposPrinter(connection, profile=cfg.escpos_profile)
    out = Path(arg) if arg else (cfg.output_dir or settings.data_dir / "receipts")
    return PdfFilePrinter(out)


class _Unconfigured:
    """A back end that was chosen but not configured: every call reports queue_missing."""

    def __init__(self, name: str, detail: str) -> None:
        self.name = name
        self.detail = detail

    def status(self) -> PrintResult:
        return PrintResult.make("queue_missing", self.detail)

    def print_document(self, doc: RenderedDocument) -> PrintResult:
        return self.status()

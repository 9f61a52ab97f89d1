"""The printer as core sees it: draw a form's content and print the bytes, never raising.

Why: core (kiosk.core.printing.PrintJobs) decides what to print and keeps the ``PrintJob`` rows; it names the
device it needs as the ``FormPrinter`` Protocol (kiosk.core.ports). This adapter fulfils it with the
renderers of this package and one printer back end (PDF file, CUPS queue, ESC/POS). It reads no dossier
and writes no row: it is given the content and returns a :class:`PrintResult` whatever goes wrong.
"""

from __future__ import annotations

import logging
from typing import Any

from kiosk.devices.printing.model import Printer, PrintResult
from kiosk.devices.printing.render import render_form

log = logging.getLogger(__name__)


class DeviceFormPrinter:
    """``kiosk.core.ports.FormPrinter`` on a printer back end."""

    def __init__(self, printer: Printer) -> None:
        self.printer = printer

    @property
    def name(self) -> str:
        return self.printer.name

    def status(self) -> PrintResult:
        return self.printer.status()

    def render_pdf(self, form: str, content: Any) -> bytes:
        return render_form(form, content).pdf

    def print_form(self, form: str, content: Any) -> PrintResult:
        try:
            doc = render_form(form, content)
        except Exception as exc:  # noqa: BLE001 - a rendering bug must not break the caller's flow
            log.exception("rendering form %s failed", form)
            return PrintResult.make("error", f"rendering failed: {type(exc).__name__}")
        try:
            return self.printer.print_document(doc)
        except Exception as exc:  # noqa: BLE001 - back ends should not raise, but never trust hardware
            log.exception("printer back end raised")
            return PrintResult.make("error", f"printer failure: {type(exc).__name__}")


__all__ = ["DeviceFormPrinter"]

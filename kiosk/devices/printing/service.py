"""Print a dossier's form and remember the attempt, so a failed print can be retried or reprinted.

Why: a print failure (no paper, printer off) must never lose or roll back a dossier.  The service renders,
prints and records a ``PrintJob`` row (done / failed with the reason) in its own short transaction, and
returns a :class:`PrintResult` instead of raising, whatever goes wrong.  The staff screen lists failed jobs
and calls :meth:`PrintService.retry`; a reprint re-renders from the stored dossier.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.config import Settings
from kiosk.core.document_builder import MissingEventError
from kiosk.devices.printing.backends import make_printer
from kiosk.devices.printing.model import Printer, PrintResult, RenderedDocument
from kiosk.devices.printing.render import render_dossier_form
from kiosk.models.tables import Dossier, PrintJob

log = logging.getLogger(__name__)


class PrintService:
    def __init__(
        self, settings: Settings, session_factory: sessionmaker[Session], printer: Printer | None = None
    ) -> None:
        self.settings = settings
        self.factory = session_factory
        self.printer = printer or make_printer(settings)

    # -- rendering ---------------------------------------------------------------------------------
    def render(self, dossier_code: str, form: str) -> RenderedDocument:
        """Render without printing (raises LookupError for an unknown code or a missing event)."""
        with self.factory() as session:
            dossier = session.scalars(select(Dossier).where(Dossier.code == dossier_code)).one_or_none()
            if dossier is None:
                raise LookupError(f"no dossier with code {dossier_code}")
            return render_dossier_form(form, dossier, self.settings)

    # -- printing ----------------------------------------------------------------------------------
    def print_form(self, dossier_code: str, form: str = "01", *, printer: Printer | None = None) -> PrintResult:
        """Render and print; records a PrintJob. Never raises."""
        return self._attempt(dossier_code, form, printer, job_id=None)

    def retry(self, job_id: int, *, printer: Printer | None = None) -> PrintResult:
        """Print a recorded job again (failed or not: a reprint), counting the attempt."""
        try:
            with self.factory() as session:
                job = session.get(PrintJob, job_id)
                if job is None:
                    return PrintResult.make("error", f"no print job {job_id}")
                code, form = job.dossier_code, job.form
        except Exception as exc:  # noqa: BLE001
            return PrintResult.make("error", f"database unavailable: {type(exc).__name__}")
        return self._attempt(code, form, printer, job_id=job_id)

    def failed_jobs(self, limit: int = 50) -> list[PrintJob]:
        with self.factory() as session:
            stmt = select(PrintJob).where(PrintJob.state == "failed").order_by(PrintJob.id.desc()).limit(limit)
            return list(session.scalars(stmt))

    def _attempt(self, code: str, form: str, printer: Printer | None, job_id: int | None) -> PrintResult:
        target = printer or self.printer
        try:
            doc = self.render(code, form)
        except (LookupError, MissingEventError) as exc:
            result = PrintResult.make("error", str(exc))
        except Exception as exc:  # noqa: BLE001 - a rendering bug must not break the caller's flow
            log.exception("rendering form %s failed", form)
            result = PrintResult.make("error", f"rendering failed: {type(exc).__name__}")
        else:
            try:
                result = target.print_document(doc)
            except Exception as exc:  # noqa: BLE001 - back ends should not raise, but never trust hardware
                log.exception("printer back end raised")
                result = PrintResult.make("error", f"printer failure: {type(exc).__name__}")
        self._record(code, form, result, job_id)
        if not result.ok:
            log.warning("print of form %s failed: %s (%s)", form, result.state, result.detail)
        return result

    def _record(self, code: str, form: str, result: PrintResult, job_id: int | None) -> None:
        try:
            with self.factory.begin() as session:
                job = session.get(PrintJob, job_id) if job_id is not None else None
                state = "done" if result.ok else "failed"
                error = None if result.ok else f"{result.state}: {result.detail}"[:1000]
                if job is None:
                    session.add(
                        PrintJob(dossier_code=code, form=form, state=state, error=error,
                                 created_at=datetime.now(UTC), attempts=1)
                    )
                else:
                    job.state, job.error, job.attempts = state, error, job.attempts + 1
        except Exception as exc:  # noqa: BLE001 - recording is best effort; the print result still stands
            log.warning("could not record print job: %s", type(exc).__name__)

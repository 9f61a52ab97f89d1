"""Printing a dossier's form and remembering the attempt, so a failed print can be retried or reprinted.

Why in core: which content a form carries (kiosk.core.document_builder) and the record of every attempt (a
``PrintJob`` row: done / failed with the reason, in its own short transaction) are the office's business;
drawing and printing bytes is the device's (a ``FormPrinter``, kiosk.core.ports, wired by kiosk/app.py).
A print failure (no paper, printer off) must never lose or roll back a dossier, so :class:`PrintJobs`
returns an outcome instead of raising, whatever goes wrong. The console lists failed jobs and calls
:meth:`PrintJobs.retry`; a reprint rebuilds the content from the stored dossier.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.config import Settings
from kiosk.core import document_builder as builder
from kiosk.core.ports import FormPrinter, PrintOutcome
from kiosk.form_content import ResultFileData
from kiosk.models.tables import Dossier, PrintJob

log = logging.getLogger(__name__)

CONTENT_BUILDERS: dict[str, Callable[[Dossier, Settings], Any]] = {
    "01": builder.receipt_data,
    "slip": builder.slip_data,
    "02": builder.supplement_data,
    "03": builder.refusal_data,
    "04": builder.apology_data,
    "05": builder.stop_data,
    "result": lambda d, settings: _result_content(d),
}
FORMS = tuple(CONTENT_BUILDERS)

NOT_PRINTED = (
    "Không in được phiếu. Cán bộ có thể in lại sau; hồ sơ của bạn đã được lưu.",
    "The slip could not be printed. Staff can reprint it later; your dossier is saved.",
)


class UnknownFormError(ValueError):
    pass


def _result_content(d: Dossier) -> ResultFileData:
    """The signed result file stored at finish (kiosk.core.result_files); LookupError when there is none."""
    if not d.e_result or not d.result_path or not Path(d.result_path).is_file():
        raise LookupError(f"dossier {d.code} has no result file")
    return ResultFileData(dossier_code=d.code, pdf=Path(d.result_path).read_bytes())


@dataclass(frozen=True)
class PrintFailure:
    """An outcome core makes itself when nothing reached the printer (unknown dossier, missing event…)."""

    detail: str
    state: str = "error"
    message_vi: str = NOT_PRINTED[0]
    message_en: str = NOT_PRINTED[1]
    path: Path | None = None

    @property
    def ok(self) -> bool:
        return False


def form_content(form: str, dossier: Dossier, settings: Settings) -> Any:
    """The content of Mẫu 01–04 or the slip for ``dossier``; 02–04 take theirs from the dossier's events.

    Raises UnknownFormError, or builder.MissingEventError when the dossier has no event for a 02/03/04 form."""
    build = CONTENT_BUILDERS.get(form)
    if build is None:
        raise UnknownFormError(f"unknown form {form!r}; choose one of {', '.join(FORMS)}")
    return build(dossier, settings)


class PrintJobs:
    def __init__(self, session_factory: sessionmaker[Session], settings: Settings, printer: FormPrinter) -> None:
        self.factory = session_factory
        self.settings = settings
        self.printer = printer

    # -- content -----------------------------------------------------------------------------------
    def content(self, dossier_code: str, form: str) -> Any:
        """The form's content (raises LookupError for an unknown code, UnknownFormError, MissingEventError)."""
        with self.factory() as session:
            dossier = session.scalars(select(Dossier).where(Dossier.code == dossier_code)).one_or_none()
            if dossier is None:
                raise LookupError(f"no dossier with code {dossier_code}")
            return form_content(form, dossier, self.settings)

    def render_pdf(self, dossier_code: str, form: str) -> bytes:
        """The form as PDF without printing (raises as :meth:`content` does)."""
        return self.printer.render_pdf(form, self.content(dossier_code, form))

    # -- printing ----------------------------------------------------------------------------------
    def print_form(self, dossier_code: str, form: str = "01", *, printer: FormPrinter | None = None) -> PrintOutcome:
        """Build, render and print; records a PrintJob. Never raises."""
        return self._attempt(dossier_code, form, printer, job_id=None)

    def retry(self, job_id: int, *, printer: FormPrinter | None = None) -> PrintOutcome:
        """Print a recorded job again (failed or not: a reprint), counting the attempt."""
        try:
            with self.factory() as session:
                job = session.get(PrintJob, job_id)
                if job is None:
                    return PrintFailure(f"no print job {job_id}")
                code, form = job.dossier_code, job.form
        except Exception as exc:  # noqa: BLE001
            return PrintFailure(f"database unavailable: {type(exc).__name__}")
        return self._attempt(code, form, printer, job_id=job_id)

    def failed_jobs(self, limit: int = 50) -> list[PrintJob]:
        with self.factory() as session:
            stmt = select(PrintJob).where(PrintJob.state == "failed").order_by(PrintJob.id.desc()).limit(limit)
            return list(session.scalars(stmt))

    def _attempt(self, code: str, form: str, printer: FormPrinter | None, job_id: int | None) -> PrintOutcome:
        target = printer or self.printer
        result: PrintOutcome
        try:
            content = self.content(code, form)
        except (LookupError, ValueError) as exc:  # unknown code or form, missing event (MissingEventError)
            result = PrintFailure(str(exc))
        except Exception as exc:  # noqa: BLE001 - a database or builder failure must not break the caller
            log.warning("building form %s failed: %s", form, type(exc).__name__)
            result = PrintFailure(f"content failed: {type(exc).__name__}")
        else:
            try:
                result = target.print_form(form, content)
            except Exception as exc:  # noqa: BLE001 - the port promises not to raise; never trust hardware
                log.warning("printer raised: %s", type(exc).__name__)
                result = PrintFailure(f"printer failure: {type(exc).__name__}")
        self._record(code, form, result, job_id)
        if not result.ok:
            log.warning("print of form %s failed: %s (%s)", form, result.state, result.detail)
        return result

    def _record(self, code: str, form: str, result: PrintOutcome, job_id: int | None) -> None:
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


__all__ = ["FORMS", "PrintFailure", "PrintJobs", "UnknownFormError", "form_content"]

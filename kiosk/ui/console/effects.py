"""The console's view of what follows a counter action: the form printed and the citizen texted.

Why so thin: the rules (which form, which text, never undoing a committed change) are core's
(kiosk.core.effects.DossierEffects, built once in kiosk/app.py on the configured printer and SMS gateway).
These helpers only turn the outcome into the small dict the status bar reads. They never raise.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.core.effects import FORM_FOR_ACTION, SmsState, print_summary

if TYPE_CHECKING:
    from kiosk.app import App

log = logging.getLogger(__name__)


def print_form(app: App, code: str, form: str) -> dict[str, str]:
    """Print a form of the dossier; returns {"form", "state", ["path"], ["detail"]}."""
    return print_summary(form, app.effects.print_form(code, form))


def reprint(app: App, job_id: int) -> dict[str, str]:
    """Print a recorded job again (the "In lại" button of the failed-prints tab)."""
    result = app.print_jobs.retry(job_id)
    return {"state": result.state, "detail": result.detail}


def notify_sms(app: App, code: str, action: str, *, due: datetime | None = None) -> SmsState:
    """Text the applicant about a supplement request, refusal, new date or ready result.
    Returns "sent", "no_phone", "not_needed" or "failed"."""
    return app.effects.notify(code, action, due=due)


__all__ = ["FORM_FOR_ACTION", "notify_sms", "print_form", "reprint"]

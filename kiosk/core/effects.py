"""What follows a dossier change besides the database row: print the form, text the citizen.

Why in core and after the commit: the counter console, `kiosk dossier` and the kiosk must do exactly the same
after an action, and the dossier change (with its outbox row) is already committed when these run, so a
printer out of paper or a gateway down must only be reported, never undo or hide the change. Nothing here
raises. The printer and the gateway are the ports of kiosk.core.ports, wired in kiosk/app.py. No phone
number or message text is logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.contact import CitizenContact, ContactReport
from kiosk.core.ports import PrintOutcome
from kiosk.core.printing import PrintJobs
from kiosk.core.workflow import TRANSITIONS

log = logging.getLogger(__name__)

# no_consent: the citizen did not agree to status messages (kiosk.core.contact), so none was sent
SmsState = Literal["sent", "no_phone", "not_needed", "failed", "no_consent"]

# the form each action prints: the workflow table (accept 01, supplement 02, refuse 03, apologize 04, stop 05)
FORM_FOR_ACTION = {a.value: r.form for a, r in TRANSITIONS.items() if r.form}

# The texts themselves (both languages, with or without diacritics per sms.unicode), who may be texted or
# e-mailed (consents) and which form goes with an e-mail live in kiosk.core.contact: one place.


@dataclass(frozen=True)
class EffectReport:
    """What happened after an action: the form printed (or not) and the SMS."""

    form: str | None
    printed: PrintOutcome | None
    sms: SmsState
    email: str = "not_needed"  # sent | failed | not_needed (no consent, no address or no e-mail for this action)


def print_summary(form: str, outcome: PrintOutcome) -> dict[str, str]:
    """A print outcome as a small JSON-ready dict: {"form", "state", ["path"], ["detail"]}."""
    out = {"form": form, "state": outcome.state}
    if outcome.path:
        out["path"] = str(outcome.path)
    if not outcome.ok:
        out["detail"] = outcome.detail
    return out


class DossierEffects:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        print_jobs: PrintJobs,
        contact: CitizenContact,
    ) -> None:
        self.factory = session_factory
        self.print_jobs = print_jobs
        self.contact = contact

    def print_form(self, code: str, form: str) -> PrintOutcome:
        """Print and record the job; never raises (see PrintJobs)."""
        return self.print_jobs.print_form(code, form)

    def notify(self, code: str, action: str, *, due: datetime | None = None, phone: str | None = None) -> SmsState:
        """Tell the citizen about ``action``. With ``phone`` (typed at the kiosk, the citizen still there): a
        text to that number now. Without: the status SMS and e-mail of kiosk.core.contact, each only with the
        citizen's consent. ``due`` is read from the dossier itself; the argument stays for callers' symmetry."""
        if phone is not None:
            return self.contact.text_now(code, action, phone)  # type: ignore[return-value]
        return self._contact(code, action).sms_state  # type: ignore[return-value]

    def _contact(self, code: str, action: str) -> ContactReport:
        try:
            return self.contact.after_event(code, action)
        except Exception as exc:  # noqa: BLE001 - never raises by design; belt and braces after a commit
            log.warning("contact after %s failed: %s", action, type(exc).__name__)
            return ContactReport(failed=["sms", "email"], sms_state="failed")

    def after_action(self, code: str, action: str, *, due: datetime | None = None, print_form: bool = True,
                     send_sms: bool = True) -> EffectReport:
        """The form of ``action`` (if it has one) and its SMS, once the action's transaction committed."""
        form = FORM_FOR_ACTION.get(action)
        printed = self.print_form(code, form) if form and print_form else None
        if not send_sms:
            return EffectReport(form, printed, "not_needed")
        report = self._contact(code, action)
        email = "sent" if "email" in report.sent else "failed" if "email" in report.failed else "not_needed"
        return EffectReport(form, printed, report.sms_state, email)  # type: ignore[arg-type]


__all__ = ["FORM_FOR_ACTION", "DossierEffects", "EffectReport", "SmsState", "print_summary"]

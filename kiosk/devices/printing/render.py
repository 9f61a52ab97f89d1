"""Render any form of a stored dossier: the single entry point the service, the CLI and the UI share.

Why: picking the builder (kiosk.core.document_builder) and the renderer (forms_a4 / slip) by form name in
one place keeps ``kiosk receipt --form 03`` and a staff-screen reprint byte-for-byte the same.
"""

from __future__ import annotations

from kiosk.config import Settings
from kiosk.core import document_builder as builder
from kiosk.devices.printing.forms_a4 import render_apology, render_receipt, render_refusal, render_supplement
from kiosk.devices.printing.model import RenderedDocument
from kiosk.devices.printing.slip import render_slip
from kiosk.models.tables import Dossier

FORMS = ("01", "02", "03", "04", "slip")


class UnknownFormError(ValueError):
    pass


def render_dossier_form(form: str, dossier: Dossier, settings: Settings) -> RenderedDocument:
    """Mẫu 01–04 or the slip for ``dossier``; 02–04 take their content from the dossier's events.

    Raises builder.MissingEventError when the dossier has no event for a 02/03/04 form."""
    if form == "01":
        return render_receipt(builder.receipt_data(dossier, settings))
    if form == "slip":
        return render_slip(builder.slip_data(dossier, settings))
    if form == "02":
        return render_supplement(builder.supplement_data(dossier, settings))
    if form == "03":
        return render_refusal(builder.refusal_data(dossier, settings))
    if form == "04":
        return render_apology(builder.apology_data(dossier, settings))
    raise UnknownFormError(f"unknown form {form!r}; choose one of {', '.join(FORMS)}")

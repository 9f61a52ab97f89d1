"""Render any form from its content: the single entry point the print adapter, the CLI and the UI share.

Why: picking the renderer (forms_a4 / slip) by form name in one place keeps ``kiosk receipt --form 03`` and a
staff-screen reprint byte-for-byte the same. The content (a record of kiosk.form_content) is built from the
stored dossier by kiosk.core.document_builder; this package never reads a dossier.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.devices.printing.forms_a4 import (
    render_apology,
    render_receipt,
    render_refusal,
    render_stop,
    render_supplement,
)
from kiosk.devices.printing.model import RenderedDocument
from kiosk.devices.printing.slip import render_slip

FORMS = ("01", "02", "03", "04", "05", "slip", "result")
A4_PT = (595.2756, 841.8898)


class UnknownFormError(ValueError):
    pass


def render_result(content: Any) -> RenderedDocument:
    """The dossier's signed result (kiosk.form_content.ResultFileData): its own PDF bytes, untouched (a
    redrawn copy would no longer be the signed document)."""
    return RenderedDocument(form="result", dossier_code=content.dossier_code, title=content.title,
                            pdf=bytes(content.pdf), page="a4", page_size_pt=A4_PT)


RENDERERS: dict[str, Callable[[Any], RenderedDocument]] = {
    "01": render_receipt,
    "slip": render_slip,
    "02": render_supplement,
    "03": render_refusal,
    "04": render_apology,
    "05": render_stop,
    "result": render_result,
}


def render_form(form: str, content: Any) -> RenderedDocument:
    """Mẫu 01–05 or the slip, drawn from ``content`` (ReceiptData, SlipData, SupplementData, …)."""
    renderer = RENDERERS.get(form)
    if renderer is None:
        raise UnknownFormError(f"unknown form {form!r}; choose one of {', '.join(FORMS)}")
    return renderer(content)

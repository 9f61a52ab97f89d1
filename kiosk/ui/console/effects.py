"""What follows a counter action besides the database change: printing the form and texting the citizen.

Why apart from the core: kiosk.core must not import the printer or the SMS gateway, and the console and the
`kiosk dossier` command must do exactly the same after an action. Both helpers never raise: the dossier
change is already committed, so a printer out of paper or a gateway down must only be reported, never undo
or hide the change. No phone number or message text is logged.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

FORM_FOR_ACTION = {"accept": "01", "supplement": "02", "refuse": "03", "apologize": "04"}

SMS_TEXT = {
    "supplement": "Ho so {code} can bo sung giay to. Vui long xem Phieu yeu cau bo sung hoac tra cuu tai {url}",
    "refuse": "Ho so {code} khong duoc tiep nhan. Ly do ghi tren Phieu tu choi; tra cuu tai {url}",
    "apologize": "Xin loi: ho so {code} duoc hen tra lai ngay {due}. Tra cuu tai {url}",
    "finish": "Ho so {code} da co ket qua. Vui long mang Giay tiep nhan den nhan ket qua.",
}


def print_form(app: Any, code: str, form: str) -> dict[str, Any]:
    """Print a form through the printing package; returns {"form", "state", ["path"], ["detail"]}."""
    try:
        from kiosk.devices.printing.service import PrintService
    except ImportError:
        return {"form": form, "state": "unavailable"}
    try:
        result = PrintService(app.settings, app.session_factory).print_form(code, form)
    except Exception as exc:  # noqa: BLE001
        log.warning("printing form %s failed: %s", form, type(exc).__name__)
        return {"form": form, "state": "error", "detail": type(exc).__name__}
    out: dict[str, Any] = {"form": form, "state": result.state}
    if result.path:
        out["path"] = str(result.path)
    if not result.ok:
        out["detail"] = result.detail
    return out


def reprint(app: Any, job_id: int) -> dict[str, Any]:
    try:
        from kiosk.devices.printing.service import PrintService

        result = PrintService(app.settings, app.session_factory).retry(job_id)
    except Exception as exc:  # noqa: BLE001
        return {"state": "error", "detail": type(exc).__name__}
    return {"state": result.state, "detail": result.detail}


def notify_sms(app: Any, code: str, action: str, *, due: Any = None) -> str:
    """Text the applicant about a supplement request, refusal, new date or ready result.
    Returns "sent", "no_phone", "not_needed" or "failed"."""
    template = SMS_TEXT.get(action)
    if template is None:
        return "not_needed"
    try:
        from kiosk.core.identity import InvalidPhone, normalise_phone
        from kiosk.integrations.sms import SmsError, make_sms_sender
    except ImportError:
        return "failed"
    det = app.actions.detail(code)
    if det is None or not det.applicant_phone:
        return "no_phone"
    try:
        phone = normalise_phone(det.applicant_phone)
    except InvalidPhone:
        return "no_phone"
    due_text = due.astimezone(app.settings.tz).strftime("%d/%m/%Y %H:%M") if due else ""
    text = template.format(code=code, url=app.settings.tracking_url(code), due=due_text)
    try:
        make_sms_sender(app.settings, app.clock).send(phone, text)
    except (SmsError, Exception) as exc:  # noqa: BLE001
        log.warning("SMS after %s failed: %s", action, type(exc).__name__)
        return "failed"
    return "sent"

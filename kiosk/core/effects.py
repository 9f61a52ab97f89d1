"""What follows a dossier change besides the database row: print the form, text the citizen.

Why in core and after the commit: the counter console, `kiosk dossier` and the kiosk must do exactly the same
after an action, and the dossier change (with its outbox row) is already committed when these run, so a
printer out of paper or a gateway down must only be reported, never undo or hide the change. Nothing here
raises. The printer and the gateway are the ports of kiosk.core.ports, wired in kiosk/app.py. No phone
number or message text is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.identity import InvalidPhone, normalise_phone
from kiosk.core.ports import PrintOutcome, SmsSender
from kiosk.core.printing import PrintJobs
from kiosk.core.workflow import TRANSITIONS
from kiosk.models.tables import Citizen, Dossier

log = logging.getLogger(__name__)

SmsState = Literal["sent", "no_phone", "not_needed", "failed"]

# the form each action prints: the workflow table (accept 01, supplement 02, refuse 03, apologize 04, stop 05)
FORM_FOR_ACTION = {a.value: r.form for a, r in TRANSITIONS.items() if r.form}

# ASCII on purpose: an SMS without diacritics fits one 160-character GSM-7 part (sms.unicode = false, the
# default); with sms.unicode = true the same messages go with their Vietnamese marks (SMS_TEXT_UNICODE)
SMS_TEXT = {
    "submitted": "Ho so {code} da duoc nop tai kiosk. Tra cuu: {url}",
    "supplement": "Ho so {code} can bo sung giay to. Vui long xem Phieu yeu cau bo sung hoac tra cuu tai {url}",
    "refuse": "Ho so {code} khong duoc tiep nhan. Ly do ghi tren Phieu tu choi; tra cuu tai {url}",
    "apologize": "Xin loi: ho so {code} duoc hen tra lai ngay {due}. Tra cuu tai {url}",
    "finish": "Ho so {code} da co ket qua. Vui long mang Giay tiep nhan den nhan ket qua.",
    "financial": "Ho so {code} can thuc hien nghia vu tai chinh (nop phi, le phi, thue). Tra cuu tai {url}",
    "stop": "Ho so {code} da dung giai quyet. Ly do ghi tren Thong bao dung giai quyet; tra cuu tai {url}",
}
SMS_TEXT_UNICODE = {
    "submitted": "Hồ sơ {code} đã được nộp tại ki-ốt. Tra cứu: {url}",
    "supplement": "Hồ sơ {code} cần bổ sung giấy tờ. Vui lòng xem Phiếu yêu cầu bổ sung hoặc tra cứu tại {url}",
    "refuse": "Hồ sơ {code} không được tiếp nhận. Lý do ghi trên Phiếu từ chối; tra cứu tại {url}",
    "apologize": "Xin lỗi: hồ sơ {code} được hẹn trả lại ngày {due}. Tra cứu tại {url}",
    "finish": "Hồ sơ {code} đã có kết quả. Vui lòng mang Giấy tiếp nhận đến nhận kết quả.",
    "financial": "Hồ sơ {code} cần thực hiện nghĩa vụ tài chính (nộp phí, lệ phí, thuế). Tra cứu tại {url}",
    "stop": "Hồ sơ {code} đã dừng giải quyết. Lý do ghi trên Thông báo dừng giải quyết; tra cứu tại {url}",
}


@dataclass(frozen=True)
class EffectReport:
    """What happened after an action: the form printed (or not) and the SMS."""

    form: str | None
    printed: PrintOutcome | None
    sms: SmsState


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
        sms: SmsSender,
        *,
        tracking_url: Callable[[str], str],
        tz: tzinfo,
        unicode_sms: bool = False,
    ) -> None:
        self.factory = session_factory
        self.print_jobs = print_jobs
        self.sms = sms
        self.tracking_url = tracking_url
        self.tz = tz
        self.texts = SMS_TEXT_UNICODE if unicode_sms else SMS_TEXT  # sms.unicode

    def print_form(self, code: str, form: str) -> PrintOutcome:
        """Print and record the job; never raises (see PrintJobs)."""
        return self.print_jobs.print_form(code, form)

    def notify(self, code: str, action: str, *, due: datetime | None = None, phone: str | None = None) -> SmsState:
        """Text the applicant (``phone``, else the applicant's stored number) the message of ``action``."""
        template = self.texts.get(action)
        if template is None:
            return "not_needed"
        try:
            raw = phone if phone is not None else self._applicant_phone(code)
        except Exception as exc:  # noqa: BLE001 - database hiccup: the change is committed, report only
            log.warning("SMS after %s: phone lookup failed: %s", action, type(exc).__name__)
            return "failed"
        if not raw:
            return "no_phone"
        try:
            number = normalise_phone(raw)
        except InvalidPhone:
            return "no_phone"
        due_text = due.astimezone(self.tz).strftime("%d/%m/%Y %H:%M") if due else ""
        text = template.format(code=code, url=self.tracking_url(code), due=due_text)
        try:
            self.sms.send(number, text)
        except Exception as exc:  # noqa: BLE001 - SmsError or a gateway bug: reported, never raised
            log.warning("SMS after %s failed: %s", action, type(exc).__name__)
            return "failed"
        return "sent"

    def after_action(self, code: str, action: str, *, due: datetime | None = None, print_form: bool = True,
                     send_sms: bool = True) -> EffectReport:
        """The form of ``action`` (if it has one) and its SMS, once the action's transaction committed."""
        form = FORM_FOR_ACTION.get(action)
        printed = self.print_form(code, form) if form and print_form else None
        sms: SmsState = self.notify(code, action, due=due) if send_sms else "not_needed"
        return EffectReport(form, printed, sms)

    def _applicant_phone(self, code: str) -> str | None:
        with self.factory() as s:
            stmt: Any = select(Citizen.phone).join(Dossier, Dossier.applicant_id == Citizen.id).where(Dossier.code == code)
            return s.scalar(stmt)


__all__ = ["FORM_FOR_ACTION", "SMS_TEXT", "SMS_TEXT_UNICODE", "DossierEffects", "EffectReport", "SmsState", "print_summary"]

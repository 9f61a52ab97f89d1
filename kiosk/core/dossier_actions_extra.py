"""Statuses 6, 7 and 8 of domain.md §5: financial obligation, withdrawal at the citizen's request, stop.

Why a subclass and not edits to dossier_actions.py: these moves use exactly the same plumbing (one
DossierEvent plus one AuditEvent per action, free text reduced to "reason_given" in the audit row, the same
ActionError messages), so they reuse :meth:`DossierActions._run`; keeping them apart lets the counter actions
module stay as its owner wrote it. ``record_payment`` (in the base class) already moves 6 back to 4.

- request_financial (2 or 4 → 6): the citizen must pay a tax or fee first; payment_state becomes "unpaid".
- withdraw (1, 2, 4, 5 or 6 → 7): the citizen asked to withdraw the dossier; the processing ends.
- stop_processing (2, 4, 5 or 6 → 8): the authority stops processing (Mẫu 05 is not printed here).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.core.dossier_actions import ActionError, ActionResult, DossierActions, _illegal
from kiosk.core.dossiers import Status
from kiosk.models.tables import Dossier

FINANCIAL_FROM = (Status.ACCEPTED, Status.IN_PROGRESS)
WITHDRAW_FROM = (Status.NEW, Status.ACCEPTED, Status.IN_PROGRESS, Status.SUPPLEMENT, Status.FINANCIAL)
STOP_FROM = (Status.ACCEPTED, Status.IN_PROGRESS, Status.SUPPLEMENT, Status.FINANCIAL)


class ExtendedDossierActions(DossierActions):
    def request_financial(
        self, code: str, staff_id: int, amount: int | None = None, reason: str = "", *, kiosk_id: str | None = None
    ) -> ActionResult:
        """2 or 4 → 6. ``amount`` (đồng) replaces the dossier's fee when given (e.g. a tax assessed later)."""
        if amount is not None and int(amount) <= 0:
            raise ActionError("Số tiền phải lớn hơn 0.", "The amount must be positive.")

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status not in FINANCIAL_FROM:
                raise _illegal(d, "yêu cầu thực hiện nghĩa vụ tài chính cho", "request a financial obligation for")
            if amount is not None:
                d.fee = int(amount)
            if d.fee <= 0:
                raise ActionError(
                    f"Hồ sơ {d.code} không có khoản phí nào; ghi rõ số tiền.",
                    f"Dossier {d.code} has no fee; give the amount.",
                )
            d.payment_state = "unpaid"
            return Status.FINANCIAL, {"amount": int(d.fee), "reason": reason.strip()}

        return self._run(code, staff_id, "financial", apply, kiosk_id=kiosk_id)

    def withdraw(self, code: str, staff_id: int, reason: str = "", *, kiosk_id: str | None = None) -> ActionResult:
        """→ 7 at the citizen's request (recorded by the officer on the citizen's behalf)."""

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status not in WITHDRAW_FROM:
                raise _illegal(d, "rút", "withdraw")
            d.finished_at = d.finished_at or now
            return Status.WITHDRAWAL, {"reason": reason.strip()}

        return self._run(code, staff_id, "withdraw", apply, kiosk_id=kiosk_id, on_behalf=True)

    def stop_processing(self, code: str, staff_id: int, reason: str, *, kiosk_id: str | None = None) -> ActionResult:
        """→ 8 with a reason."""
        if not reason.strip():
            raise ActionError("Phải ghi rõ lý do dừng xử lý.", "Stopping a dossier needs a reason.")

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status not in STOP_FROM:
                raise _illegal(d, "dừng xử lý", "stop")
            d.finished_at = d.finished_at or now
            return Status.STOPPED, {"reason": reason.strip()}

        return self._run(code, staff_id, "stop", apply, kiosk_id=kiosk_id)

    @classmethod
    def from_app(cls, app: Any) -> ExtendedDossierActions:
        return cls(app.session_factory, app.calendar, app.clock, app.settings.log_salt)


__all__ = ["ExtendedDossierActions", "FINANCIAL_FROM", "STOP_FROM", "WITHDRAW_FROM"]

"""A submission from the kiosk, end to end, as one call: the dossier, then the slip, the SMS and the fee.

Why one core call: the kiosk screen used to orchestrate what follows a submission itself (print the slip, text
the code, ask for the VietQR payment). That is office business, the same for every screen, and it must run
only once the dossier's transaction has committed: a refused submission prints nothing, texts nobody and
asks for no money. :meth:`KioskSubmissions.submit` returns a small :class:`SubmissionReceipt` with what the
receipt page shows. Each effect is reported, never raised: the dossier is saved whatever the printer, the
gateway or the bank do. Blocking: call it off the GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.dossiers import DossierService, Submission, SubmittedDossier
from kiosk.core.effects import DossierEffects, SmsState
from kiosk.core.ports import PaymentRequest, PaymentRequester, PrintOutcome

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SubmissionReceipt:
    """What the receipt page shows after a kiosk submission."""

    dossier: SubmittedDossier  # id, code, status, deadlines, fee as DossierService.submit returned them
    slip: PrintOutcome | None  # None when no slip was asked for
    sms: SmsState
    payment: PaymentRequest | None  # the VietQR to show; None: no fee, paying at the counter, or the request failed
    payment_failed: bool = False  # a fee was to be paid by VietQR but no QR could be made

    @property
    def code(self) -> str:
        return self.dossier.code

    @property
    def id(self) -> int:
        return self.dossier.id

    @property
    def fee(self) -> int:
        return int(self.dossier.fee or 0)

    @property
    def accept_deadline(self) -> datetime | None:
        return self.dossier.accept_deadline

    @property
    def expected_due_at(self) -> datetime | None:
        return self.dossier.expected_due_at


class KioskSubmissions:
    def __init__(self, dossiers: DossierService, effects: DossierEffects, payments: PaymentRequester) -> None:
        self.dossiers = dossiers
        self.effects = effects
        self.payments = payments

    def submit(self, sub: Submission, *, pay_by_vietqr: bool = True, print_slip: bool = True,
               notify_phone: str | None = None) -> SubmissionReceipt:
        """Submit (raises SubmissionError and friends: nothing else happens then), then print the slip, text
        the code to ``notify_phone`` (default: the applicant's phone) and, for a fee paid by VietQR, ask the
        payment service for the QR."""
        done = self.dossiers.submit(sub)  # commits (dossier, events, outbox row) or raises
        slip = self.effects.print_form(done.code, "slip") if print_slip else None
        phone = notify_phone if notify_phone is not None else sub.applicant.phone
        sms: SmsState = self.effects.notify(done.code, "submitted", phone=phone or "")
        payment, payment_failed = None, False
        if done.fee and pay_by_vietqr:
            try:
                payment = self.payments.request(done.code, int(done.fee))
            except Exception as exc:  # noqa: BLE001 - no QR is no reason to hide the receipt: pay at the counter
                log.warning("payment request failed: %s", type(exc).__name__)
                payment_failed = True
        return SubmissionReceipt(done, slip, sms, payment, payment_failed)


__all__ = ["KioskSubmissions", "SubmissionReceipt"]

"""The payment interface the kiosk uses for a dossier's fee, and the demo implementation.

Why an interface: how a VietQR transfer is confirmed differs per province (an officer looking at the
agency's bank account, a bank's payment-notice service, the national payment platform). The kiosk only needs
two things, so it depends on a Protocol core defines (kiosk.core.ports.PaymentRequester) and nothing else:

* ``request(dossier_code, amount)`` → :class:`PaymentRequest` with the VietQR payload to draw on screen and a
  ``reference`` to ask about later;
* ``status(reference)`` → ``"pending"``, ``"paid"`` or ``"failed"``. The kiosk polls it on a worker thread
  while the QR is on screen.

:class:`DemoPayments` is the only implementation shipped: the QR carries the dossier code as bill number and
purpose (kiosk.core.vietqr), the reference *is* the dossier code, and the payment counts as received once an
officer confirms it at the counter - ``DossierActions.record_payment(code, staff_id, "vietqr", amount,
reference)`` (console, or ``kiosk dossier pay CODE --method vietqr``), which sets ``Dossier.payment_state`` to
``paid_online`` so the "paid online" indicator (report 3.6) counts it. Both methods are blocking database
calls: call them off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from kiosk.core.dossiers import Status
from kiosk.core.ports import PaymentRequest, PaymentRequester, PaymentStatus
from kiosk.core.vietqr import dossier_payment_payload
from kiosk.models.database import session_scope
from kiosk.models.tables import Dossier

PAID_STATES = ("paid_online", "paid_counter", "waived")
FAILED_STATUSES = (Status.REFUSED, Status.WITHDRAWAL, Status.STOPPED)  # nothing left to pay


Payments = PaymentRequester  # the interface, as core defines it (kiosk.core.ports)


class DemoPayments:
    """VietQR to the agency's account; an officer confirms receipt from the counter console."""

    def __init__(self, session_factory: Any, bank_bin: str, account: str) -> None:
        self.session_factory = session_factory
        self.bank_bin, self.account = bank_bin, account

    @classmethod
    def from_settings(cls, settings: Any, session_factory: Any) -> DemoPayments:
        return cls(session_factory, settings.bank.bin, settings.bank.account)

    def request(self, dossier_code: str, amount: int) -> PaymentRequest:
        if int(amount) <= 0:
            raise ValueError("nothing to pay")
        payload = dossier_payment_payload(self.bank_bin, self.account, int(amount), dossier_code)
        return PaymentRequest(vietqr_payload=payload, reference=dossier_code)

    def confirm(self, actions: Any, reference: str, amount: int, transaction_ref: str) -> Any:
        """A payment service's notice that the transfer for ``reference`` (the dossier code) arrived: recorded
        with ``Payment.confirmed_by = "gateway"`` and no officer (DossierActions.confirm_gateway_payment), so
        indicator 3.6 counts it; a transfer an officer ticks by hand is recorded as "officer" instead."""
        return actions.confirm_gateway_payment(reference, int(amount), transaction_ref)

    def status(self, reference: str) -> PaymentStatus:
        with session_scope(self.session_factory) as s:
            row = s.execute(select(Dossier.payment_state, Dossier.status).where(Dossier.code == reference)).first()
        if row is None:
            return "failed"
        if row.payment_state in PAID_STATES:
            return "paid"
        if int(row.status) in FAILED_STATUSES:
            return "failed"
        return "pending"

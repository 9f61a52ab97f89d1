"""The small interfaces core acts through after a dossier transaction commits: print a form, send a text,
ask for a payment.

Why here: core decides *when* a form is printed, a citizen is texted or a fee is asked for, but the printer,
the SMS gateway and the bank live in kiosk/devices and kiosk/integrations, which core may not import
(tests/unit/test_layering.py). Core names what it needs as Protocols; kiosk/app.py, the one composition
root, hands it the real or simulated implementation. Tests hand it small fakes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

# -- text messages ------------------------------------------------------------------------------------------


class SmsError(Exception):
    """The message could not be handed to the gateway. The text is safe to log: no phone, no message."""

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class SmsSender(Protocol):
    """Sends one text message (kiosk.integrations.sms: a demo outbox file or an HTTP gateway)."""

    def send(self, phone_e164: str, text: str) -> None:
        """Hand one message to the gateway; raise :class:`SmsError` when that fails."""
        ...


# -- printing -----------------------------------------------------------------------------------------------


class PrintOutcome(Protocol):
    """What a print attempt came to (kiosk.devices.printing.model.PrintResult has this shape)."""

    @property
    def state(self) -> str: ...  # "ok" | "offline" | "out_of_paper" | "queue_missing" | "error"

    @property
    def ok(self) -> bool: ...

    @property
    def message_vi(self) -> str: ...

    @property
    def message_en(self) -> str: ...

    @property
    def detail(self) -> str: ...  # technical, never personal data

    @property
    def path(self) -> Path | None: ...  # the file written by a PDF printer


class FormPrinter(Protocol):
    """Draws a form's content (a record of kiosk.form_content, built by kiosk.core.document_builder) and
    prints it. It never reads a dossier: it is given the content."""

    @property
    def name(self) -> str: ...

    def render_pdf(self, form: str, content: object) -> bytes:
        """The form as PDF bytes (raises ValueError for a form it does not know)."""
        ...

    def print_form(self, form: str, content: object) -> PrintOutcome:
        """Render and print; never raises (a failure is an outcome with ``ok`` False)."""
        ...


# -- payments -----------------------------------------------------------------------------------------------

PaymentStatus = Literal["pending", "paid", "failed"]


@dataclass(frozen=True)
class PaymentRequest:
    """What the fee screen needs: the VietQR string to draw and the reference to poll."""

    vietqr_payload: str
    reference: str


class PaymentRequester(Protocol):
    """A way to collect a dossier's fee by bank transfer (kiosk.integrations.payments)."""

    def request(self, dossier_code: str, amount: int) -> PaymentRequest:
        """Ask for ``amount`` đồng for ``dossier_code``; returns the QR payload and a reference."""
        ...

    def status(self, reference: str) -> PaymentStatus:
        """Where the payment of ``reference`` stands."""
        ...


__all__ = ["FormPrinter", "PaymentRequest", "PaymentRequester", "PaymentStatus", "PrintOutcome", "SmsError",
           "SmsSender"]

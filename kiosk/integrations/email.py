"""E-mail to citizens who asked for it: SMTP with STARTTLS (the certificate verified), or a demo folder.

Why an integration of its own: the message itself (which event, which language, which form attached) is
decided in kiosk.core.contact; this module only delivers bytes to a mail server. ``SmtpEmail`` refuses to
send in clear: the server must offer STARTTLS, and the certificate is checked against the system trust store
or ``email.ca_file``. ``DemoEmail`` writes each message as an .eml file (0600) into ``<data dir>/email-outbox``
so the demo and the tests can read what a citizen would get; production refuses it (kiosk.config).
The address and the text are never logged.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)


class EmailError(Exception):
    """The message could not be handed to the mail server (it is retried by the caller's next event)."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mime: str = "application/pdf"


class EmailSender(Protocol):
    def send(self, to: str, subject: str, body: str, attachments: list[Attachment] | None = None) -> None: ...


def build_message(sender: str, to: str, subject: str, body: str, attachments: list[Attachment] | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "kiosk.local")
    msg.set_content(body, charset="utf-8")
    for a in attachments or []:
        maintype, _, subtype = a.mime.partition("/")
        msg.add_attachment(a.data, maintype=maintype, subtype=subtype or "octet-stream", filename=a.filename)
    return msg


@dataclass
class SmtpEmail:
    host: str
    port: int = 587
    sender: str = "kiosk@localhost"
    username: str | None = None
    password: str | None = None
    verify_tls: bool = True
    ca_file: Path | None = None
    timeout_s: float = 20.0

    def _context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(cafile=str(self.ca_file) if self.ca_file else None)
        if not self.verify_tls:  # only outside production (the production guard refuses it)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        return ctx

    def send(self, to: str, subject: str, body: str, attachments: list[Attachment] | None = None) -> None:
        msg = build_message(self.sender, to, subject, body, attachments)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout_s) as smtp:
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    raise EmailError("the mail server does not offer STARTTLS; refusing to send in clear")
                smtp.starttls(context=self._context())
                smtp.ehlo()
                if self.username:
                    smtp.login(self.username, self.password or "")
                smtp.send_message(msg)
        except EmailError:
            raise
        except (OSError, smtplib.SMTPException, ssl.SSLError) as exc:
            raise EmailError(f"mail server: {type(exc).__name__}") from None


@dataclass
class DemoEmail:
    folder: Path
    sender: str = "kiosk@demo.local"
    sent: list[EmailMessage] = field(default_factory=list)

    def send(self, to: str, subject: str, body: str, attachments: list[Attachment] | None = None) -> None:
        msg = build_message(self.sender, to, subject, body, attachments)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self.folder / f"{time.time_ns()}.eml"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(msg.as_bytes())
        self.sent.append(msg)


def build_email_sender(settings: Any) -> EmailSender | None:
    """The configured sender, or None when e-mail is off (``email.backend = "none"``)."""
    e = settings.email
    if e.backend == "none":
        return None
    if e.backend == "demo":
        return DemoEmail(e.outbox_dir or (Path(settings.data_dir) / "email-outbox"), sender=e.sender)
    return SmtpEmail(host=e.host or "localhost", port=e.port, sender=e.sender, username=e.username,
                     password=e.password, verify_tls=e.verify_tls, ca_file=e.ca_file, timeout_s=e.timeout_s)


__all__ = ["Attachment", "DemoEmail", "EmailError", "EmailSender", "SmtpEmail", "build_email_sender", "build_message"]

"""A real SMTP server on 127.0.0.1 for the tests (aiosmtpd): STARTTLS with a certificate made here, required
before any mail is taken; every message it accepts is kept for the test to read back."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class SmtpServer:
    host: str
    port: int
    ca_file: Path
    received: list[EmailMessage] = field(default_factory=list)
    tls_seen: list[bool] = field(default_factory=list)
    controller: Any = None

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()


def start_smtp(folder: Path, *, starttls: bool = True) -> SmtpServer:
    from aiosmtpd.controller import Controller

    cert, key = make_certificate(folder)
    server = SmtpServer("localhost", _free_port(), cert)

    class Handler:
        async def handle_DATA(self, srv: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
            server.tls_seen.append(session.ssl is not None)
            server.received.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
            return "250 OK"

    kwargs: dict[str, Any] = {}
    if starttls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(str(cert), str(key))
        kwargs.update(tls_context=ctx, require_starttls=True)
    server.controller = Controller(Handler(), hostname="127.0.0.1", port=server.port, **kwargs)
    server.controller.start()
    return server

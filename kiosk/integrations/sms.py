"""Sending text messages (OTP codes, dossier codes, status notices) through one small interface.

Why an interface: the kiosk must work with no gateway at all (``demo``: messages land in a local JSON-lines
outbox that the staff console shows), and a site plugs in its operator's HTTP gateway by configuration only
(URL, body template, bearer token) — no code per operator.

Privacy: a phone number plus an OTP is personal data and a credential. Nothing here logs the number or the
text, and :class:`SmsError` messages never contain them (nor the gateway's answer, which may echo them), so
an error can be logged or shown to staff as it is.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from kiosk.core.ports import SmsError, SmsSender  # the interface core defines; implemented here
from kiosk.security import open_private

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.core.clock import Clock

log = logging.getLogger(__name__)

DEFAULT_OUTBOX_NAME = "sms-outbox.jsonl"
DEFAULT_HTTP_TIMEOUT_S = 10.0




# -- demo sink --------------------------------------------------------------------------------------------


class DemoSmsSink:
    """Appends each message as one JSON line ``{"at", "to", "text"}`` to a local file.

    Used by ``kiosk demo`` and on sites without a gateway: the staff console reads the latest lines with
    :func:`read_outbox` so a tester (or an officer helping a citizen) can see the code. One ``write`` per line
    under a lock, so concurrent senders in one process never interleave lines."""

    _lock = threading.Lock()

    def __init__(self, outbox_file: Path | str, clock: Clock | None = None) -> None:
        self.outbox_file = Path(outbox_file)
        self.clock = clock

    def send(self, phone_e164: str, text: str) -> None:
        at = self.clock.now() if self.clock is not None else datetime.now(UTC)
        line = json.dumps({"at": at.isoformat(), "to": phone_e164, "text": text}, ensure_ascii=False) + "\n"
        try:
            with self._lock, open_private(self.outbox_file, "ab") as f:  # 0600 (folder 0700 if new)
                if f.tell() > 0 and not self._ends_with_newline():
                    line = "\n" + line  # a torn last line (crash mid-write) must not swallow this one
                f.write(line.encode("utf-8"))
        except OSError as exc:
            raise SmsError(f"demo SMS outbox not writable ({type(exc).__name__})") from None
        log.info("SMS written to the demo outbox")

    def _ends_with_newline(self) -> bool:
        with self.outbox_file.open("rb") as f:
            f.seek(-1, 2)
            return f.read(1) == b"\n"


def read_outbox(outbox_file: Path | str, limit: int = 20) -> list[dict[str, Any]]:
    """The last ``limit`` messages of a demo outbox, oldest first; ``[]`` if there is none yet.

    A torn or foreign line (e.g. a crash mid-write) is skipped rather than breaking the console."""
    path = Path(outbox_file)
    if limit <= 0 or not path.exists():
        return []
    tail: deque[dict[str, Any]] = deque(maxlen=limit)
    with path.open(encoding="utf-8", errors="replace") as f:
        for raw in f:
            try:
                entry = json.loads(raw)
            except ValueError:
                continue
            if isinstance(entry, dict) and {"at", "to", "text"} <= entry.keys():
                tail.append(entry)
    return list(tail)


# -- HTTP gateway -----------------------------------------------------------------------------------------


def _json_escape(value: str) -> str:
    """The inside of a JSON string literal: quotes, backslashes and control characters escaped."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


class HttpSmsSender:
    """POSTs one request per message to an operator's gateway.

    ``body_template`` is a ``str.format`` template with ``{phone}`` and ``{text}`` (literal braces doubled,
    e.g. ``{{"to": "{phone}", "text": "{text}"}}``); both values are JSON-escaped before substitution so a
    quote or newline in a message cannot break the body. ``token``, if set, goes in
    ``Authorization: Bearer …``. Any non-2xx answer, timeout or connection failure raises :class:`SmsError`.
    """

    def __init__(
        self,
        url: str,
        body_template: str,
        token: str | None = None,
        timeout: float = DEFAULT_HTTP_TIMEOUT_S,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError("sms.http_url must be an http:// or https:// URL")
        try:
            body_template.format(phone="+84900000000", text="x")
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(
                "sms.http_body_template must use only {phone} and {text} (double any literal braces)"
            ) from exc
        self.url = url
        self.body_template = body_template
        self.token = token
        self.timeout = timeout
        self._transport = transport

    def render_body(self, phone_e164: str, text: str) -> str:
        return self.body_template.format(phone=_json_escape(phone_e164), text=_json_escape(text))

    def send(self, phone_e164: str, text: str) -> None:
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        body = self.render_body(phone_e164, text).encode("utf-8")
        try:
            with httpx.Client(timeout=self.timeout, transport=self._transport) as client:
                response = client.post(self.url, content=body, headers=headers)
        except httpx.TimeoutException:
            raise SmsError(f"SMS gateway did not answer within {self.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise SmsError(f"SMS gateway unreachable ({type(exc).__name__})") from None
        if not 200 <= response.status_code < 300:
            raise SmsError(f"SMS gateway answered HTTP {response.status_code}", status_code=response.status_code)
        log.info("SMS handed to the HTTP gateway (HTTP %d)", response.status_code)


# -- composition ------------------------------------------------------------------------------------------


def outbox_path(settings: Settings) -> Path:
    """Where the demo sink writes (and the staff console reads)."""
    return settings.sms.outbox_file or settings.data_dir / DEFAULT_OUTBOX_NAME


def make_sms_sender(settings: Settings, clock: Clock | None = None) -> SmsSender:
    """The sender the configuration asks for: ``demo`` (local outbox file) or ``http`` (gateway)."""
    sms = settings.sms
    if sms.backend == "http":
        from kiosk.config import ConfigError

        if not sms.http_url:
            raise ConfigError("sms.http_url is required when sms.backend = \"http\"")
        try:
            return HttpSmsSender(sms.http_url, sms.http_body_template, sms.http_token)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
    return DemoSmsSink(outbox_path(settings), clock=clock)

"""HTTP client of the national portal's integration adapter (VPCP adapter envelope, dvcqg.md §1).

Login ``POST {adapter_url}{auth_path}`` with ``{"username","password"}`` answers ``{"error_code":0,
"session":…}``; every service call ``POST {adapter_url}{service_path}`` carries ``{"session","madonvi",
"service","isUpdating","data"}`` (the session travels in the body). Replies are ``{"error_code","message"}``
where success is ``0``, ``"0"`` or ``"00"``; progress replies may be plain text containing "thành công".

The session is renewed when it is older than ``session_ttl_s`` and, once per call, when the adapter answers
401/403 or a message about the session ("phiên", "session", "token"). TLS is verified (``verify`` may name a
CA bundle). Errors become :class:`TransientSyncError` (timeouts, network, 5xx, 408/425/429) or
:class:`PermanentSyncError` (the adapter refused the content); an insert refused as "đã tồn tại" becomes
:class:`AlreadyExists` so the caller resends it as an update. Nothing personal is put in an exception text:
only codes and the adapter's own message, cut short.
"""

from __future__ import annotations

import json
import ssl
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from kiosk.integrations.sync.adapters import PermanentSyncError, TransientSyncError

TRANSIENT_HTTP = {408, 425, 429}
SESSION_WORDS = ("phiên", "session", "token", "đăng nhập", "dang nhap", "het han", "hết hạn")
EXISTS_WORDS = ("đã tồn tại", "da ton tai", "already exist")


class AlreadyExists(PermanentSyncError):
    """An insert (isUpdating=False) of a MaHoSo the portal already has."""


class SessionRejected(TransientSyncError):
    """The adapter did not accept the session (expired, or another login replaced it)."""


@dataclass(frozen=True)
class Reply:
    error_code: int | None  # None: a reply without a code (plain text)
    message: str
    body: Any

    @property
    def ok(self) -> bool:
        if self.error_code is not None:
            return self.error_code == 0
        return "thành công" in _fold(self.message) or "thanh cong" in _fold(self.message)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def parse_error_code(value: object) -> int | None:
    """``0``, ``"0"``, ``"00"``, ``" -3 "`` → int; anything else → None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def parse_reply(response: httpx.Response) -> Reply:
    text = response.text
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError):
        return Reply(None, text.strip()[:500], text)
    if isinstance(body, dict):
        code = parse_error_code(body.get("error_code", body.get("errorCode")))
        message = body.get("message", body.get("error_message", ""))
        return Reply(code, str(message if message is not None else "")[:500], body)
    if isinstance(body, str):
        return Reply(None, body[:500], body)
    return Reply(None, "", body)


class DvcqgClient:
    def __init__(
        self,
        adapter_url: str,
        username: str,
        password: str,
        madonvi: str,
        *,
        auth_path: str = "/login",
        service_path: str = "/service",
        timeout_s: float = 10.0,
        verify: bool | str = True,
        session_ttl_s: float = 1800.0,
        transport: httpx.BaseTransport | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.madonvi = madonvi
        self.auth_path = auth_path
        self.service_path = service_path
        self.session_ttl_s = session_ttl_s
        self._username = username
        self._password = password
        self._session: str | None = None
        self._session_at = 0.0
        self._monotonic = monotonic
        self.calls = 0  # HTTP requests made (the sender's lease covers a bounded number per delivery)
        self.logins = 0
        tls: bool | ssl.SSLContext = ssl.create_default_context(cafile=verify) if isinstance(verify, str) else verify
        self._http = httpx.Client(
            base_url=adapter_url.rstrip("/"),
            headers={"Accept": "application/json", "User-Agent": "kiosk-dvcqg/1"},
            timeout=timeout_s,
            verify=tls,
            transport=transport,
        )

    # -- transport -------------------------------------------------------------------------------------------
    def _post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        self.calls += 1
        try:
            r = self._http.post(path, json=body)
        except httpx.TimeoutException as exc:
            raise TransientSyncError(f"DVCQG timeout ({exc.__class__.__name__})") from exc
        except httpx.TransportError as exc:
            raise TransientSyncError(f"DVCQG network error ({exc.__class__.__name__})") from exc
        if r.status_code in (401, 403):
            raise SessionRejected(f"DVCQG HTTP {r.status_code}")
        if r.status_code >= 500 or r.status_code in TRANSIENT_HTTP:
            raise TransientSyncError(f"DVCQG HTTP {r.status_code}")
        if r.status_code >= 400:
            raise PermanentSyncError(f"DVCQG HTTP {r.status_code}: {r.text[:200]}")
        return r

    # -- session -----------------------------------------------------------------------------------------------
    def login(self) -> str:
        reply = parse_reply(self._post(self.auth_path, {"username": self._username, "password": self._password}))
        session = reply.body.get("session") if isinstance(reply.body, dict) else None
        if reply.error_code != 0 or not isinstance(session, str) or not session:
            # wrong credentials are a configuration problem: retrying as-is will not help
            raise PermanentSyncError(f"DVCQG login refused (error_code {reply.error_code}): {reply.message[:200]}")
        self._session = session
        self._session_at = self._monotonic()
        self.logins += 1
        return session

    def session(self) -> str:
        if self._session is None or self._monotonic() - self._session_at >= self.session_ttl_s:
            return self.login()
        return self._session

    def forget_session(self) -> None:
        self._session = None

    # -- service calls -------------------------------------------------------------------------------------------
    def call(self, service: str, data: Any, *, is_updating: bool | None = None, **extra: Any) -> Reply:
        """One service call; renews the session once if the adapter rejects it. Raises on refusal."""
        for attempt in (1, 2):
            body: dict[str, Any] = {"session": self.session(), "madonvi": self.madonvi, "service": service}
            if is_updating is not None:
                body["isUpdating"] = "True" if is_updating else "False"
            body.update(extra)
            if data is not None:
                body["data"] = data
            try:
                reply = parse_reply(self._post(self.service_path, body))
            except SessionRejected:
                self.forget_session()
                if attempt == 2:
                    raise
                continue
            if reply.ok:
                return reply
            folded = _fold(reply.message)
            if any(w in folded for w in SESSION_WORDS) and not any(w in folded for w in EXISTS_WORDS):
                self.forget_session()
                if attempt == 2:
                    raise SessionRejected(f"DVCQG session refused twice: {reply.message[:200]}")
                continue
            detail = f"DVCQG {service} error_code {reply.error_code}: {reply.message[:300]}"
            if is_updating is False and any(w in folded for w in EXISTS_WORDS):
                raise AlreadyExists(detail)
            raise PermanentSyncError(detail)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self._http.close()

"""The ``http`` adapter: a JSON API of the provincial one-stop system / national portal gateway.

Deliver: ``POST {base_url}{events_path}`` with a JSON envelope ``{event_id, kind, dossier_code, occurred_at,
data}``, headers ``Authorization: Bearer <token>`` and ``Idempotency-Key: <event_id>``; ``data`` is the outbox
payload with keys renamed by ``field_map`` (``{"applicant.id_number": "SoCMND", "code": "MaHoSo"}``: a dotted
source path → a top-level remote key). 2xx counts as delivered. 409 counts as delivered only when the answer
names this same event - its JSON body has ``event_id`` / ``idempotency_key`` (or ``eventId`` /
``idempotencyKey``, also under ``error`` or ``detail``) equal to our event id, or it echoes the
``Idempotency-Key`` header; a 409 about anything else (another event, another dossier, no body) is a
permanent failure with the reason. 408/425/429 and 5xx, timeouts and network errors are transient; other 4xx
are permanent.

One call is bounded by ``max_call_s`` = 4 × ``timeout_s`` (httpx applies the timeout to each phase: pool,
connect, write, read); the sender's claim lease must be longer (kiosk.integrations.sync.sender).

Status: ``GET {base_url}{status_path}`` with ``{code}`` filled in, answering ``{<status_field>: 1..10}``;
404 means the remote side does not know the dossier (yet).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from copy import deepcopy
from typing import Any

import httpx

from kiosk.integrations.sync.adapters import OutgoingEvent, PermanentSyncError, TransientSyncError

TRANSIENT_STATUS = {408, 425, 429}
EVENT_KEYS = ("event_id", "idempotency_key", "eventId", "idempotencyKey")
PHASES = 4  # pool, connect, write, read: httpx's timeout applies to each


def conflict_names_event(response: httpx.Response, event_id: str) -> bool:
    """True when a 409 answer says "I already have *this* event" (not some other one)."""
    if response.headers.get("Idempotency-Key") == event_id:
        return True
    try:
        body = response.json()
    except ValueError:
        return False
    nodes = [body]
    if isinstance(body, dict):
        nodes += [body.get("error"), body.get("detail")]
    return any(isinstance(n, dict) and any(n.get(k) == event_id for k in EVENT_KEYS) for n in nodes)


def apply_field_map(payload: Mapping[str, Any], field_map: Mapping[str, str]) -> dict[str, Any]:
    """Rename payload keys for the remote side; unmapped keys pass through unchanged."""
    out = deepcopy(dict(payload))
    for src, dst in field_map.items():
        parts = src.split(".")
        node: Any = payload
        for p in parts:
            if not isinstance(node, Mapping) or p not in node:
                break
            node = node[p]
        else:
            if len(parts) == 1:
                out.pop(src, None)
            out[dst] = deepcopy(node)
    return out


class HttpAdapter:
    name = "http"

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        events_path: str = "/events",
        status_path: str = "/dossiers/{code}/status",
        status_field: str = "status",
        field_map: Mapping[str, str] | None = None,
        timeout_s: float = 10.0,
        verify: bool | str = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"Accept": "application/json", "User-Agent": "kiosk-sync/1"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.events_path = events_path
        self.status_path = status_path
        self.status_field = status_field
        self.field_map = dict(field_map or {})
        self.max_call_s = PHASES * float(timeout_s)
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"), headers=headers, timeout=timeout_s, verify=verify, transport=transport
        )

    # -- delivery -------------------------------------------------------------------------------------------
    def envelope(self, event: OutgoingEvent) -> dict[str, Any]:
        return {
            "event_id": event.event_id,
            "kind": event.kind,
            "dossier_code": event.dossier_code,
            "occurred_at": event.created_at.isoformat(),
            "data": apply_field_map(event.payload, self.field_map),
        }

    def deliver(self, event: OutgoingEvent) -> None:
        try:
            r = self._client.post(
                self.events_path, json=self.envelope(event), headers={"Idempotency-Key": event.event_id}
            )
        except httpx.TimeoutException as exc:
            raise TransientSyncError(f"timeout: {exc.__class__.__name__}") from exc
        except httpx.TransportError as exc:
            raise TransientSyncError(f"network: {exc.__class__.__name__}: {exc}") from exc
        if r.is_success:
            return
        if r.status_code == 409:
            if conflict_names_event(r, event.event_id):
                return  # the remote side already has this very event
            raise PermanentSyncError(f"HTTP 409 does not name this event (conflict with another): {r.text[:200]}")
        detail = f"HTTP {r.status_code}: {r.text[:200]}"
        if r.status_code >= 500 or r.status_code in TRANSIENT_STATUS:
            raise TransientSyncError(detail)
        raise PermanentSyncError(detail)

    # -- status pull ----------------------------------------------------------------------------------------
    def fetch_statuses(self, codes: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for code in codes:
            try:
                r = self._client.get(self.status_path.format(code=code))
            except httpx.TransportError as exc:
                raise TransientSyncError(f"status pull: {exc.__class__.__name__}") from exc
            if r.status_code == 404:
                continue
            if not r.is_success:
                raise TransientSyncError(f"status pull: HTTP {r.status_code}")
            try:
                value = int(r.json()[self.status_field])
            except (ValueError, KeyError, TypeError) as exc:
                raise PermanentSyncError(f"status pull: bad answer for {code}") from exc
            if 1 <= value <= 10:
                out[code] = value
        return out

    def close(self) -> None:
        self._client.close()

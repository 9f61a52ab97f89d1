"""The one interface every sync target implements, and the ``local`` adapter.

An adapter delivers one outbox event and reports the remote status of dossiers. It signals failures with
:class:`TransientSyncError` (retry later with back-off: network down, timeout, 5xx, 429) or
:class:`PermanentSyncError` (the remote refuses the event: retrying as-is will not help; the dossier's
``sync_state`` becomes ``failed`` for a person to look at, and the event is still retried at the cap in
case the remote side is fixed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


class SyncError(Exception):
    """A delivery or status pull did not succeed."""


class TransientSyncError(SyncError):
    pass


class PermanentSyncError(SyncError):
    pass


@dataclass(frozen=True)
class OutgoingEvent:
    event_id: str
    dossier_code: str
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    attempt: int  # 1 for the first try


class SyncAdapter(Protocol):
    name: str

    def deliver(self, event: OutgoingEvent) -> None:
        """Deliver one event; return normally only when the remote side has it (or already had it)."""

    def fetch_statuses(self, codes: Iterable[str]) -> dict[str, int]:
        """Remote business status (1..10) per dossier code it knows; unknown codes are left out."""

    def close(self) -> None: ...


class LocalAdapter:
    """The branch database is the back office: an event is "delivered" the moment the sender sees it, and
    there is no remote status to pull (staff change statuses in this same database)."""

    name = "local"

    def deliver(self, event: OutgoingEvent) -> None:
        return None

    def fetch_statuses(self, codes: Iterable[str]) -> dict[str, int]:
        return {}

    def close(self) -> None:
        return None

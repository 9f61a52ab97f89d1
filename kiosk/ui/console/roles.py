"""Who sees what in the counter console (the rule is written in docs/STAFF.md, "Roles in the console").

- officer: the counter work — queue strip, acceptance queue, search, dossier actions, walk-in, help calls,
  reprints, the SMS outbox.
- supervisor: everything an officer does, plus the "Nhật ký" (audit log) tab and the "Số liệu" tab (today's
  figures and the queue figures of the supervisor summary).
- admin: the same as a supervisor in the console; staff accounts are managed with `kiosk staff` on the
  command line, not from the console.
"""

from __future__ import annotations

CAPABILITIES: dict[str, frozenset[str]] = {
    "officer": frozenset({"counter"}),
    "supervisor": frozenset({"counter", "audit", "figures"}),
    "admin": frozenset({"counter", "audit", "figures"}),
}


def can(role: str | None, capability: str) -> bool:
    """True when ``role`` may use ``capability`` ("counter", "audit", "figures"); unknown roles get nothing."""
    return capability in CAPABILITIES.get(role or "", frozenset())

"""Sync to the provincial one-stop system / national portal through a transactional outbox.

- :mod:`.outbox` writes events in the caller's transaction (``enqueue``) - imported by kiosk.core, so it
  needs nothing but the ORM;
- :mod:`.sender` delivers due events with exponential back-off (state in the table, so it survives
  restarts) and pulls remote statuses back;
- :mod:`.adapters` (``local``: the branch database is the back office) and :mod:`.http_adapter` (a JSON API)
  implement one interface; :mod:`.factory` picks one from the configuration.
"""

from __future__ import annotations

from kiosk.integrations.sync.outbox import enqueue

__all__ = ["enqueue"]

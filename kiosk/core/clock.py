"""Time source: services ask a Clock for "now" so tests and replays can fix it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that stays where it is put (tests)."""

    def __init__(self, t: datetime) -> None:
        if t.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.t = t

    def now(self) -> datetime:
        return self.t

    def advance(self, **kwargs: float) -> None:
        from datetime import timedelta

        self.t = self.t + timedelta(**kwargs)

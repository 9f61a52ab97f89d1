"""Exponential back-off with jitter and a cap, for retrying deliveries to a remote system.

Attempt n (1-based) waits ``min(cap, base · 2^(n-1))``, then "equal jitter" keeps between half and all of it,
so kiosks that failed together do not retry together, and a retry never comes sooner than half the step.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base_s: float = 5.0
    cap_s: float = 900.0
    rng: random.Random = field(default_factory=random.Random)

    def ceiling(self, attempt: int) -> float:
        """The un-jittered delay after ``attempt`` failed attempts."""
        if attempt < 1:
            return 0.0
        # 2**60 is plenty and avoids overflow for absurd attempt counts
        return min(self.cap_s, self.base_s * float(2 ** min(attempt - 1, 60)))

    def delay(self, attempt: int) -> float:
        top = self.ceiling(attempt)
        return top / 2 + self.rng.uniform(0, top / 2)

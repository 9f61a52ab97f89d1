"""How a procedure's statutory time limit is expressed (data from the catalogue, used by the calendar)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimeLimitKind = Literal["working_days", "calendar_days", "working_hours", "same_day", "none"]


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """A statutory limit: ``amount`` working days / calendar days / working hours; ``same_day`` uses the
    15:00 rule; ``none`` means the procedure has no due date."""

    kind: TimeLimitKind
    amount: float = 0

    def describe_vi(self) -> str:
        n = int(self.amount) if float(self.amount).is_integer() else self.amount
        return {
            "working_days": f"{n} ngày làm việc",
            "calendar_days": f"{n} ngày",
            "working_hours": f"{n} giờ làm việc",
            "same_day": "Trong ngày",
            "none": "Không quy định thời hạn",
        }[self.kind]

    def describe_en(self) -> str:
        n = int(self.amount) if float(self.amount).is_integer() else self.amount
        return {
            "working_days": f"{n} working days",
            "calendar_days": f"{n} days",
            "working_hours": f"{n} working hours",
            "same_day": "Same day",
            "none": "No time limit",
        }[self.kind]

"""Labels and colours of the counter console (Vietnamese), and which action buttons a status allows.

The words for statuses, channels, payment states, delivery choices and event names, and which move is legal
from which status, come from kiosk.core.workflow (the one table); this module only maps the console's buttons
onto the table's actions and keeps the button captions.
"""

from __future__ import annotations

from kiosk.core.workflow import (
    ACTION_LABELS_VI,
    CHANNEL_LABELS_VI,
    DELIVERY_LABELS_VI,
    PAYMENT_LABELS_VI,
    TRANSITIONS,
    Action,
    is_allowed,
)

LEVEL_COLOURS = {"red": "#f8d0d0", "amber": "#ffe3a8", "ok": "#ffffff", "none": "#ffffff"}

# console button -> the workflow action it runs
BUTTON_ACTION: dict[str, Action] = {
    "accept": Action.ACCEPT,
    "supplement": Action.SUPPLEMENT,
    "supplied": Action.SUPPLIED,
    "refuse": Action.REFUSE,
    "start": Action.START_PROCESSING,
    "pay": Action.PAYMENT,
    "finish": Action.FINISH,
    "return": Action.RETURN,
    "apologize": Action.APOLOGIZE,
    "financial": Action.FINANCIAL,
    "withdraw": Action.WITHDRAW,
    "stop": Action.STOP,
}
# which statuses each button's action is legal from (the workflow table; history conditions aside)
ENABLED: dict[str, set[int]] = {key: {int(s) for s in TRANSITIONS[a].from_statuses} for key, a in BUTTON_ACTION.items()}
SHOWN_ONLY_WHEN_LEGAL = {"financial", "withdraw", "stop"}
CHANNEL_VI = CHANNEL_LABELS_VI
PAYMENT_VI = PAYMENT_LABELS_VI
DELIVERY_VI = DELIVERY_LABELS_VI
ACTION_VI = ACTION_LABELS_VI


def button_legal(key: str, status: int, *, accepted: bool, role: str | None = None) -> bool:
    """Whether the button ``key`` may run for a dossier in ``status`` (``accepted``: it has a received_at)."""
    return is_allowed(status, BUTTON_ACTION[key], accepted=accepted, role=role)


BUTTON_TEXT = {
    "accept": "Tiếp nhận (Mẫu 01)",
    "supplement": "Yêu cầu bổ sung (Mẫu 02)",
    "supplied": "Đã nhận bổ sung",
    "refuse": "Từ chối (Mẫu 03)",
    "start": "Chuyển xử lý",
    "pay": "Thu phí",
    "finish": "Đã xử lý xong",
    "return": "Trả kết quả",
    "apologize": "Xin lỗi, gia hạn (Mẫu 04)",
    "financial": "Yêu cầu nghĩa vụ tài chính",
    "withdraw": "Rút hồ sơ (công dân yêu cầu)",
    "stop": "Dừng giải quyết (Mẫu 05)",
}

"""The dossier's life cycle: the one authority (domain.md §2.3, §5; issue 13).

Why one module: the statuses, the event names, which move is legal from which status, who may make it, which
form it prints, what it does to the legal clock, which SMS and which outbox event follow, and the words shown
for statuses, channels, payment states and delivery choices used to be written in four places that
disagreed. Everything that moves or shows a dossier reads this table: the staff actions
(``core/dossier_actions.py``), the submission (``core/dossiers.py``: legal channel and fee), the demo seed,
the ``kiosk dossier`` commands, the counter console's buttons, the reports' labels and the form builder.

Pure data and pure functions: no database, no Qt, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kiosk.core.calendar import WorkCalendar
    from kiosk.core.timelimits import TimeLimit


# -- statuses ---------------------------------------------------------------------------------------------
class Status(IntEnum):
    """DVCQG TrangThaiHoSo (domain.md §5)."""

    NEW = 1  # Mới đăng ký - waiting for acceptance
    ACCEPTED = 2  # Được tiếp nhận
    REFUSED = 3  # Không được tiếp nhận
    IN_PROGRESS = 4  # Đang xử lý
    SUPPLEMENT = 5  # Yêu cầu bổ sung giấy tờ
    FINANCIAL = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWAL = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    PROCESSED = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả


STATUS_LABELS_VI: dict[int, str] = {
    1: "Mới đăng ký (chờ tiếp nhận)",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}
STATUS_LABELS_EN: dict[int, str] = {
    1: "Submitted (waiting for acceptance)",
    2: "Accepted",
    3: "Refused",
    4: "In progress",
    5: "Supplement requested",
    6: "Waiting for fee payment",
    7: "Withdrawal requested",
    8: "Stopped",
    9: "Result ready",
    10: "Result delivered",
}
# short forms for tables and charts (reports, supervisor screen, spreadsheets)
STATUS_SHORT_VI: dict[int, str] = {
    1: "Mới đăng ký", 2: "Được tiếp nhận", 3: "Không được tiếp nhận", 4: "Đang xử lý", 5: "Yêu cầu bổ sung",
    6: "Chờ nghĩa vụ tài chính", 7: "Xin rút hồ sơ", 8: "Dừng xử lý", 9: "Đã xử lý xong", 10: "Đã trả kết quả",
}

# What the citizen has to do next, by status: the kiosk's tracking page and `kiosk dossier status`.
NEXT_STEP_VI: dict[int, str] = {
    1: "Chờ cán bộ tiếp nhận (trong 08 giờ làm việc).",
    2: "Hồ sơ đã được tiếp nhận; chờ đến ngày hẹn trả kết quả.",
    3: "Hồ sơ không được tiếp nhận; xem lý do trên Phiếu từ chối.",
    4: "Hồ sơ đang được giải quyết; chờ đến ngày hẹn trả kết quả.",
    5: "Nộp bổ sung các giấy tờ theo Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.",
    6: "Thực hiện nghĩa vụ tài chính (nộp phí, lệ phí, thuế).",
    7: "Đang xử lý yêu cầu rút hồ sơ.",
    8: "Hồ sơ đã dừng giải quyết; xem Thông báo dừng giải quyết hồ sơ.",
    9: "Đã có kết quả: đến nhận tại quầy, mang theo Giấy tiếp nhận hồ sơ.",
    10: "Đã trả kết quả; không cần làm gì thêm.",
}
NEXT_STEP_EN: dict[int, str] = {
    1: "Waiting for an officer to accept it (within 8 working hours).",
    2: "Accepted; wait for the appointment date.",
    3: "Not accepted; see the reason on the refusal note.",
    4: "Being processed.",
    5: "More papers are needed; see the supplement request.",
    6: "Please pay the fee or tax.",
    7: "You asked to withdraw the dossier.",
    8: "Processing has stopped; see the stop notice.",
    9: "The result is ready; bring your receipt to collect it.",
    10: "The result has been delivered.",
}


# -- channels, payment, delivery, papers ------------------------------------------------------------------
CHANNELS = ("counter", "kiosk", "kiosk_assisted", "online", "postal")
KIOSK_CHANNELS = ("kiosk", "kiosk_assisted")
# filed without an officer at a desk: waits for acceptance within 8 working hours (status 1 at submission)
ELECTRONIC_CHANNELS = ("kiosk", "kiosk_assisted", "online")
CHANNEL_LABELS_VI: dict[str, str] = {
    "counter": "Trực tiếp tại quầy",
    "kiosk": "Ki-ốt tự phục vụ",
    "kiosk_assisted": "Ki-ốt có cán bộ hỗ trợ",
    "online": "Trực tuyến",
    "postal": "Bưu chính công ích",
}
CHANNEL_LABELS_EN: dict[str, str] = {
    "counter": "At the counter",
    "kiosk": "Self-service kiosk",
    "kiosk_assisted": "Kiosk, assisted by staff",
    "online": "Online",
    "postal": "By post",
}


class LegalChannel(IntEnum):
    """KenhThucHien of the national portal (domain.md §3): how the law counts the filing."""

    DIRECT = 1  # trực tiếp
    ONLINE = 2  # trực tuyến
    POSTAL = 3  # bưu chính công ích


LEGAL_CHANNEL_LABELS_VI: dict[int, str] = {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}
LEGAL_CHANNEL_LABELS_EN: dict[int, str] = {1: "In person", 2: "Online", 3: "Public postal service"}


def legal_channel(channel: str, *, kiosk_counts_as_online: bool = True) -> LegalChannel:
    """The legal channel of a dossier received through ``channel``.

    Counter → 1, online (the citizen's own portal account) → 2, post → 3. A kiosk dossier (self-service or
    assisted) is 2 when the site setting ``workflow.kiosk_counts_as_online`` is on (the default: the citizen
    fills in and signs the electronic dossier, the fee is the online fee and QĐ 766 indicator 3.3 counts it),
    else 1 (the national portal counts channel 2 only for dossiers filed under the citizen's own DVCQG/VNeID
    account, dvcqg.md §6, so a province whose sync refuses kiosk dossiers as channel 2 turns it off)."""
    if channel == "counter":
        return LegalChannel.DIRECT
    if channel == "online":
        return LegalChannel.ONLINE
    if channel == "postal":
        return LegalChannel.POSTAL
    if channel in KIOSK_CHANNELS:
        return LegalChannel.ONLINE if kiosk_counts_as_online else LegalChannel.DIRECT
    raise ValueError(f"unknown channel {channel!r}")


class _FeeTable(Protocol):
    fee_counter: int
    fee_online: int


def fee_for(procedure: _FeeTable, channel: int) -> int:
    """The fee (đồng) a dossier of ``procedure`` received through legal ``channel`` (1, 2 or 3) pays: the online
    fee for channel 2, the counter fee otherwise (a postal dossier is a paper dossier; postage is separate)."""
    if int(channel) not in (1, 2, 3):
        raise ValueError(f"unknown legal channel {channel!r}")
    return int(procedure.fee_online if int(channel) == LegalChannel.ONLINE else procedure.fee_counter)


def kiosk_fee(procedure: _FeeTable, *, kiosk_counts_as_online: bool = True) -> int:
    """The fee a dossier filed at the kiosk pays: what the procedure list, the detail page and the submission
    all show and charge (the fee of the kiosk's legal channel under the site setting)."""
    return fee_for(procedure, legal_channel("kiosk", kiosk_counts_as_online=kiosk_counts_as_online))


PAYMENT_STATES = ("none", "unpaid", "paid_online", "paid_counter", "waived")
PAID_STATES = ("paid_online", "paid_counter", "waived")
PAYMENT_LABELS_VI: dict[str, str] = {
    "none": "Không thu phí, lệ phí",
    "unpaid": "Chưa nộp",
    "paid_online": "Đã nộp trực tuyến",
    "paid_counter": "Đã nộp tại quầy",
    "waived": "Được miễn",
}
PAYMENT_LABELS_EN: dict[str, str] = {
    "none": "No fee",
    "unpaid": "Not paid",
    "paid_online": "Paid online",
    "paid_counter": "Paid at the counter",
    "waived": "Waived",
}
DELIVERY_CHOICES = ("counter", "postal", "online")
DELIVERY_LABELS_VI: dict[str, str] = {
    "counter": "Tại Bộ phận Một cửa",
    "postal": "Qua dịch vụ bưu chính công ích",
    "online": "Trực tuyến (Cổng Dịch vụ công)",
}
DELIVERY_LABELS_EN: dict[str, str] = {
    "counter": "At the one-stop counter",
    "postal": "By public postal service",
    "online": "Online (public service portal)",
}

# How each paper of the catalogue was handed in (DossierDocument.provision).
PROVISIONS = ("scanned", "paper", "reused", "not_provided")
PROVIDED = ("scanned", "paper", "reused")
PROVISION_LABELS_VI: dict[str, str] = {
    "scanned": "Bản quét (đã số hóa)",
    "paper": "Nộp bản giấy tại quầy",
    "reused": "Dùng lại bản đã số hóa",
    "not_provided": "Không nộp",
}
PROVISION_LABELS_EN: dict[str, str] = {
    "scanned": "Scanned (digitised)",
    "paper": "Paper copy at the counter",
    "reused": "Reused digitised copy",
    "not_provided": "Not provided",
}

# -- actions ----------------------------------------------------------------------------------------------
STAFF_ROLES = frozenset({"officer", "supervisor", "admin"})  # kiosk.core.staff.ROLES


class Action(StrEnum):
    """What is written to ``dossier_events.action``."""

    SUBMIT = "submit"
    ACCEPT = "accept"
    START_PROCESSING = "start_processing"
    SUPPLEMENT = "supplement"
    SUPPLIED = "supplied"
    REFUSE = "refuse"
    FINANCIAL = "financial"
    PAYMENT = "payment"
    FINISH = "finish"
    RETURN = "return"
    APOLOGIZE = "apologize"
    WITHDRAW = "withdraw"
    STOP = "stop"
    REMOTE_STATUS = "sync.remote_status"  # a status the back office reported (kiosk.integrations.sync)
    RESULT_FETCHED = "result_fetched"  # the citizen printed the signed result at the kiosk (not a move)


ACTION_LABELS_VI: dict[str, str] = {
    "submit": "Nộp hồ sơ", "accept": "Tiếp nhận", "start_processing": "Chuyển xử lý",
    "supplement": "Yêu cầu bổ sung", "supplied": "Nhận bổ sung", "refuse": "Từ chối tiếp nhận",
    "financial": "Yêu cầu nghĩa vụ tài chính", "payment": "Thu phí", "finish": "Đã xử lý xong",
    "return": "Trả kết quả", "apologize": "Xin lỗi, gia hạn", "withdraw": "Rút hồ sơ", "stop": "Dừng giải quyết",
    "sync.remote_status": "Cập nhật từ hệ thống một cửa",
    "result_fetched": "Công dân đã in kết quả điện tử tại ki-ốt",
}
ACTION_LABELS_EN: dict[str, str] = {
    "submit": "Submitted", "accept": "Accepted", "start_processing": "Sent for processing",
    "supplement": "Supplement requested", "supplied": "Supplement received", "refuse": "Refused",
    "financial": "Financial obligation requested", "payment": "Payment", "finish": "Processed",
    "return": "Result returned", "apologize": "Apology, extension", "withdraw": "Withdrawn", "stop": "Stopped",
    "sync.remote_status": "Status from the back office",
    "result_fetched": "Electronic result printed at the kiosk",
}


class Target(StrEnum):
    """Where a move goes besides a fixed status."""

    BACK = "back"  # back where the dossier was before the pause (supplied)
    SAME = "same"  # unchanged (payment, apology)


class ClockEffect(StrEnum):
    """What a move does to the statutory clock (domain.md §4.1)."""

    START = "start"  # received: the due date runs from now
    PAUSE = "pause"  # waiting for the citizen (supplement, financial obligation)
    RESUME = "resume"  # the citizen answered: the due date moves by the paused working time
    STOP = "stop"  # the dossier's processing ended
    NONE = "none"


class Acceptance(StrEnum):
    """A condition on the dossier's history that the status alone does not show."""

    ANY = "any"
    BEFORE = "before"  # only a dossier never accepted (no received_at): refusal, Mẫu 03
    AFTER = "after"  # only an accepted dossier: stop, Mẫu 05


FORM_TITLES: dict[str, str] = {  # TT 03/2025/TT-VPCP Phụ lục I (domain.md §2.3)
    "01": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "02": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "03": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "04": "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
    "05": "Thông báo dừng giải quyết hồ sơ",
}


@dataclass(frozen=True)
class Rule:
    """One action of the table. ``moves`` maps every status the action is legal from to where it goes."""

    action: Action
    moves: Mapping[Status, Status | Target]
    roles: frozenset[str]
    form: str | None  # Mẫu printed after the move ("01".."05")
    clock: ClockEffect
    sms: str | None  # key of the text sent to the applicant (kiosk.core.contact.sms_text)
    outbox: str  # kind of the outbox event written in the move's transaction
    verb_vi: str  # "Không thể {verb_vi} hồ sơ …"
    verb_en: str
    acceptance: Acceptance = Acceptance.ANY
    on_behalf: bool = False  # recorded by the officer on the citizen's behalf
    clock_from: Mapping[Status, ClockEffect] = field(default_factory=dict)  # per-status override of ``clock``

    @property
    def from_statuses(self) -> frozenset[Status]:
        return frozenset(self.moves)

    def clock_effect(self, status: int) -> ClockEffect:
        return self.clock_from.get(Status(status), self.clock)


_S = Status
TRANSITIONS: dict[Action, Rule] = {
    r.action: r
    for r in (
        Rule(Action.ACCEPT, {_S.NEW: _S.ACCEPTED}, STAFF_ROLES, "01", ClockEffect.START, "accept",
             "dossier.accepted", "tiếp nhận", "accept"),
        Rule(Action.START_PROCESSING, {_S.ACCEPTED: _S.IN_PROGRESS}, STAFF_ROLES, None, ClockEffect.NONE, None,
             "dossier.processing", "chuyển xử lý", "start processing"),
        Rule(Action.SUPPLEMENT, {s: _S.SUPPLEMENT for s in (_S.NEW, _S.ACCEPTED, _S.IN_PROGRESS)}, STAFF_ROLES,
             "02", ClockEffect.PAUSE, "supplement", "dossier.supplement_requested", "yêu cầu bổ sung cho",
             "request a supplement for"),
        Rule(Action.SUPPLIED, {_S.SUPPLEMENT: Target.BACK}, STAFF_ROLES, None, ClockEffect.RESUME, None,
             "dossier.supplemented", "nhận bổ sung cho", "take a supplement for", on_behalf=True),
        Rule(Action.REFUSE, {_S.NEW: _S.REFUSED, _S.SUPPLEMENT: _S.REFUSED}, STAFF_ROLES, "03", ClockEffect.STOP,
             "refuse", "dossier.refused", "từ chối tiếp nhận", "refuse", acceptance=Acceptance.BEFORE),
        Rule(Action.FINANCIAL, {_S.ACCEPTED: _S.FINANCIAL, _S.IN_PROGRESS: _S.FINANCIAL}, STAFF_ROLES, None,
             ClockEffect.PAUSE, "financial", "dossier.financial_requested",
             "yêu cầu thực hiện nghĩa vụ tài chính cho", "request a financial obligation for"),
        Rule(Action.PAYMENT, {**{s: Target.SAME for s in (_S.NEW, _S.ACCEPTED, _S.IN_PROGRESS, _S.SUPPLEMENT,
                                                          _S.PROCESSED)}, _S.FINANCIAL: _S.IN_PROGRESS},
             STAFF_ROLES | {"gateway"}, None, ClockEffect.NONE, None, "dossier.paid", "thu phí", "take payment for",
             on_behalf=True, clock_from={_S.FINANCIAL: ClockEffect.RESUME}),
        Rule(Action.FINISH, {_S.ACCEPTED: _S.PROCESSED, _S.IN_PROGRESS: _S.PROCESSED}, STAFF_ROLES, None,
             ClockEffect.STOP, "finish", "dossier.finished", "đánh dấu đã xử lý xong", "mark processed"),
        Rule(Action.RETURN, {_S.PROCESSED: _S.RETURNED}, STAFF_ROLES, None, ClockEffect.NONE, None,
             "dossier.returned", "trả kết quả", "return the result of", on_behalf=True),
        Rule(Action.APOLOGIZE, {s: Target.SAME for s in (_S.ACCEPTED, _S.IN_PROGRESS, _S.FINANCIAL)}, STAFF_ROLES,
             "04", ClockEffect.NONE, "apologize", "dossier.extended", "xin lỗi và gia hạn", "apologise for"),
        Rule(Action.WITHDRAW, {s: _S.WITHDRAWAL for s in (_S.NEW, _S.ACCEPTED, _S.IN_PROGRESS, _S.SUPPLEMENT,
                                                          _S.FINANCIAL)},
             STAFF_ROLES, None, ClockEffect.STOP, None, "dossier.withdrawn", "rút", "withdraw", on_behalf=True),
        Rule(Action.STOP, {s: _S.STOPPED for s in (_S.ACCEPTED, _S.IN_PROGRESS, _S.SUPPLEMENT, _S.FINANCIAL)},
             STAFF_ROLES, "05", ClockEffect.STOP, "stop", "dossier.stopped", "dừng giải quyết", "stop",
             acceptance=Acceptance.AFTER),
    )
}
STAFF_ACTIONS = tuple(TRANSITIONS)
# statuses after which nothing moves at the counter any more
FINAL_STATUSES = frozenset({Status.REFUSED, Status.WITHDRAWAL, Status.STOPPED, Status.RETURNED})


class ActionError(ValueError):
    """A refused move or a bad argument, in Vietnamese and English (the console shows ``vi``, the CLI ``en``)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


def rule(action: Action | str) -> Rule:
    try:
        return TRANSITIONS[Action(action)]
    except (ValueError, KeyError):
        raise ActionError(f"Thao tác không hợp lệ: {action}.", f"Unknown action {action!r}.") from None


def is_allowed(status: int, action: Action | str, *, accepted: bool = False, role: str | None = None) -> bool:
    """True when ``action`` is legal for a dossier in ``status`` (``accepted``: it has been received, i.e. has
    ``received_at``) by staff of ``role`` (None: any staff role)."""
    r = TRANSITIONS.get(Action(action)) if action in Action._value2member_map_ else None
    if r is None or status not in r.moves:
        return False
    if r.acceptance is Acceptance.BEFORE and accepted:
        return False
    if r.acceptance is Acceptance.AFTER and not accepted:
        return False
    return role is None or role in r.roles


# statuses in which the statutory clock stands still, waiting for the citizen: every status an action with
# ClockEffect.PAUSE leads to (5 supplement, 6 financial obligation); the due date moves when it resumes
CLOCK_PAUSED: frozenset[Status] = frozenset(
    to for r in TRANSITIONS.values() if r.clock == ClockEffect.PAUSE for to in r.moves.values() if isinstance(to, Status)
)


def check(
    status: int,
    action: Action | str,
    *,
    accepted: bool = False,
    back_to: int | None = None,
    code: str = "",
    role: str | None = None,
) -> Status:
    """The status ``action`` moves a dossier in ``status`` to, or :class:`ActionError` when the move is not
    legal. ``back_to`` is the status before the pause, for "back where it was" (supplied)."""
    r = rule(action)
    if role is not None and role not in r.roles:
        raise ActionError(
            f"Vai trò {role} không được {r.verb_vi} hồ sơ.", f"The {role} role may not {r.verb_en} a dossier."
        )
    if not is_allowed(status, r.action, accepted=accepted):
        label = STATUS_LABELS_VI.get(int(status), "?")
        what = f"hồ sơ {code} " if code else "hồ sơ "
        what_en = f"dossier {code} " if code else "a dossier "
        raise ActionError(
            f"Không thể {r.verb_vi} {what}đang ở trạng thái {int(status)} ({label}).",
            f"Cannot {r.verb_en} {what_en}in status {int(status)} ({STATUS_LABELS_EN.get(int(status), '?')}).",
        )
    to = r.moves[Status(status)]
    if to is Target.SAME:
        return Status(status)
    if to is Target.BACK:
        if back_to is None:
            raise ActionError("Không rõ trạng thái trước khi tạm dừng.", "The status before the pause is unknown.")
        return Status(back_to)
    return Status(to)


def initial_status(channel: str) -> Status:
    """A counter dossier is accepted at once (2); anything filed without an officer waits for one (1)."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    return Status.ACCEPTED if channel == "counter" else Status.NEW


ACCEPT_WINDOW_HOURS = 8


@dataclass(frozen=True)
class DueRange:
    """Before acceptance the due time is not known yet: ``earliest`` if the dossier is accepted at once,
    ``latest`` if it is accepted at the end of the 8-working-hour window."""

    earliest: datetime | None
    latest: datetime | None
    accept_deadline: datetime


def due_range(calendar: WorkCalendar, submitted_at: datetime, limit: TimeLimit) -> DueRange:
    deadline = calendar.accept_deadline(submitted_at, ACCEPT_WINDOW_HOURS)
    return DueRange(calendar.due_date(submitted_at, limit).due, calendar.due_date(deadline, limit).due, deadline)


__all__ = [
    "CLOCK_PAUSED",
    "ACCEPT_WINDOW_HOURS", "ACTION_LABELS_EN", "ACTION_LABELS_VI", "CHANNELS", "CHANNEL_LABELS_EN",
    "CHANNEL_LABELS_VI", "DELIVERY_CHOICES", "DELIVERY_LABELS_EN", "DELIVERY_LABELS_VI", "ELECTRONIC_CHANNELS", "kiosk_fee",
    "FINAL_STATUSES", "FORM_TITLES", "KIOSK_CHANNELS", "LEGAL_CHANNEL_LABELS_EN", "LEGAL_CHANNEL_LABELS_VI",
    "NEXT_STEP_EN", "NEXT_STEP_VI", "PAID_STATES", "PAYMENT_LABELS_EN", "PAYMENT_LABELS_VI", "PAYMENT_STATES",
    "PROVIDED", "PROVISIONS", "PROVISION_LABELS_EN", "PROVISION_LABELS_VI", "STAFF_ACTIONS", "STAFF_ROLES",
    "STATUS_LABELS_EN", "STATUS_LABELS_VI", "STATUS_SHORT_VI", "TRANSITIONS", "Acceptance", "Action",
    "ActionError", "ClockEffect", "DueRange", "LegalChannel", "Rule", "Status", "Target", "check", "due_range",
    "fee_for", "initial_status", "is_allowed", "legal_channel", "rule",
]

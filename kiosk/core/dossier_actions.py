"""What an officer does to a dossier at the counter: accept, ask for a supplement, take the supplement back,
refuse, take payment, mark processed, hand over the result, apologise with a new date.

Why one module: the console, the command line and the kiosk's assisted mode must move a dossier through the
statuses of domain.md §5 in exactly the same way, with the same clocks (§4: due date from acceptance; the
supplement pause keeps the time already used and the clock continues on resubmission; an apology only before
the due date and only once) and the same trail (a DossierEvent on the dossier and an AuditEvent per action).
Every refusal of an illegal move is an :class:`ActionError` with a Vietnamese and an English message.

The DossierEvent action names and detail keys ("supplement" {"items", "guidance"}, "refuse" {"reason"},
"apologize" {"reason", "new_due"}) are read back by the printing package to fill Mẫu 02/03/04.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.audit import citizen_hash, record_audit
from kiosk.core.calendar import WorkCalendar
from kiosk.core.clock import Clock
from kiosk.core.dossier_queries import DossierQueries
from kiosk.core.dossiers import ACCEPT_WINDOW_HOURS, STATUS_LABELS_VI, Status, procedure_limit
from kiosk.core.timeliness import dvcqg_ended_on_time
from kiosk.models.database import session_scope
from kiosk.models.tables import Dossier, DossierEvent, Payment, StaffUser

PAYMENT_METHODS = ("counter_cash", "counter_card", "counter_transfer")
ONLINE_PAYMENT_METHODS = ("vietqr",)  # confirmed by an officer (demo) or a bank notice: payment_state paid_online
DELIVERY_VIA = ("counter", "postal", "online")
PAID_STATES = ("paid_online", "paid_counter", "waived")


class ActionError(ValueError):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


@dataclass(frozen=True)
class ActionResult:
    code: str
    action: str
    status_from: int
    status_to: int
    due_at: datetime | None
    event_id: int
    details: dict[str, Any]


@dataclass(frozen=True)
class SupplementItem:
    name: str
    reason: str

    @classmethod
    def parse(cls, text: str) -> SupplementItem:
        """ "NAME: REASON" (the first colon splits)."""
        name, sep, reason = text.partition(":")
        if not sep or not name.strip() or not reason.strip():
            raise ActionError(
                f"Mỗi giấy tờ cần bổ sung phải có dạng \"TÊN: LÝ DO\": {text!r}.",
                f'Each missing paper must read "NAME: REASON": {text!r}.',
            )
        return cls(name.strip(), reason.strip())


def _illegal(d: Dossier, what_vi: str, what_en: str) -> ActionError:
    return ActionError(
        f"Không thể {what_vi} hồ sơ {d.code} đang ở trạng thái {d.status} ({STATUS_LABELS_VI.get(d.status, '?')}).",
        f"Cannot {what_en} dossier {d.code} in status {d.status}.",
    )


class DossierActions(DossierQueries):
    def __init__(
        self, session_factory: sessionmaker[Session], calendar: WorkCalendar, clock: Clock, log_salt: str = ""
    ) -> None:
        super().__init__(session_factory, calendar, clock)
        self.log_salt = log_salt

    # -- transitions -----------------------------------------------------------------------------------
    def accept(self, code: str, staff_id: int, *, kiosk_id: str | None = None) -> ActionResult:
        """1 → 2: the statutory clock starts now; the due date is computed from this moment (Mẫu 01)."""

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status != Status.NEW:
                raise _illegal(d, "tiếp nhận", "accept")
            due = self.calendar.due_date(now, procedure_limit(d)).due
            d.received_at = now
            d.due_at = due
            d.original_due_at = due
            return Status.ACCEPTED, {"due": due.isoformat() if due else None, "late_acceptance": _late(d, now)}

        return self._run(code, staff_id, "accept", apply, kiosk_id=kiosk_id)

    def start_processing(self, code: str, staff_id: int, *, kiosk_id: str | None = None) -> ActionResult:
        """2 → 4: handed to the processing unit."""

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status != Status.ACCEPTED:
                raise _illegal(d, "chuyển xử lý", "start processing")
            return Status.IN_PROGRESS, {}

        return self._run(code, staff_id, "start_processing", apply, kiosk_id=kiosk_id)

    def request_supplement(
        self,
        code: str,
        staff_id: int,
        items: list[dict[str, str]] | list[SupplementItem],
        guidance: str = "",
        *,
        kiosk_id: str | None = None,
    ) -> ActionResult:
        """1, 2 or 4 → 5 with the whole list of missing or wrong papers at once (Mẫu 02); the clock pauses."""
        parsed: list[SupplementItem] = []
        for it in items:
            item = it if isinstance(it, SupplementItem) else SupplementItem(str(it.get("name", "")).strip(), str(it.get("reason", "")).strip())
            if not item.name or not item.reason:
                raise ActionError(
                    "Mỗi giấy tờ cần bổ sung phải có tên và lý do.", "Each missing paper needs a name and a reason."
                )
            parsed.append(item)
        if not parsed:
            raise ActionError(
                "Phải liệt kê đầy đủ các giấy tờ cần bổ sung (một lần, đầy đủ).",
                "List every missing or wrong paper (once, in full).",
            )

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status not in (Status.NEW, Status.ACCEPTED, Status.IN_PROGRESS):
                raise _illegal(d, "yêu cầu bổ sung", "request a supplement for")
            d.supplement_rounds = (d.supplement_rounds or 0) + 1
            d.supplement_requested_at = now
            return Status.SUPPLEMENT, {
                "items": [{"name": i.name, "reason": i.reason} for i in parsed],
                "guidance": guidance.strip(),
                "round": d.supplement_rounds,
            }

        return self._run(code, staff_id, "supplement", apply, kiosk_id=kiosk_id)

    def supplied(self, code: str, staff_id: int, *, note: str = "", kiosk_id: str | None = None) -> ActionResult:
        """5 → back where it was: the citizen brought the papers. An accepted dossier returns to 2 or 4 with its
        due date moved by the paused working time; one never accepted returns to 1 with a fresh 8-hour window."""

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status != Status.SUPPLEMENT:
                raise _illegal(d, "nhận bổ sung cho", "take a supplement for")
            prev = s.scalar(
                select(DossierEvent.status_from)
                .where(DossierEvent.dossier_id == d.id, DossierEvent.action == "supplement")
                .order_by(DossierEvent.id.desc())
                .limit(1)
            )
            paused_at = d.supplement_requested_at or now
            paused = self.calendar.working_time_between(paused_at, now)
            d.paused_seconds = (d.paused_seconds or 0) + int(paused.total_seconds())
            details: dict[str, Any] = {"paused_working_seconds": int(paused.total_seconds())}
            if note.strip():
                details["note"] = note.strip()
            if d.received_at is None or prev == Status.NEW:
                d.accept_deadline = self.calendar.accept_deadline(now, ACCEPT_WINDOW_HOURS)
                details["accept_deadline"] = d.accept_deadline.isoformat()
                return Status.NEW, details
            if d.due_at is not None:
                d.due_at = self.calendar.resume_after_pause(d.due_at, paused_at, now)
                details["new_due"] = d.due_at.isoformat()
            return (Status.IN_PROGRESS if prev == Status.IN_PROGRESS else Status.ACCEPTED), details

        return self._run(code, staff_id, "supplied", apply, kiosk_id=kiosk_id, on_behalf=True)

    def refuse(self, code: str, staff_id: int, reason: str, *, kiosk_id: str | None = None) -> ActionResult:
        """1 or 5 → 3 with a reason (Mẫu 03)."""
        if not reason.strip():
            raise ActionError("Phải ghi rõ lý do từ chối.", "A refusal needs a reason.")

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status not in (Status.NEW, Status.SUPPLEMENT):
                raise _illegal(d, "từ chối tiếp nhận", "refuse")
            d.finished_at = now
            return Status.REFUSED, {"reason": reason.strip()}

        return self._run(code, staff_id, "refuse", apply, kiosk_id=kiosk_id)

    def record_payment(
        self,
        code: str,
        staff_id: int,
        method: str,
        amount: int,
        reference: str | None = None,
        *,
        kiosk_id: str | None = None,
    ) -> ActionResult:
        """A fee paid: a Payment row; payment_state paid_counter (or paid_online for a VietQR transfer the
        officer confirms, see kiosk.integrations.payments); status 6 moves on to 4."""
        if method not in PAYMENT_METHODS + ONLINE_PAYMENT_METHODS:
            raise ActionError(
                f"Hình thức thu không hợp lệ: {method}.", f"Unknown payment method {method!r} ({', '.join(PAYMENT_METHODS)})."
            )
        if int(amount) <= 0:
            raise ActionError("Số tiền phải lớn hơn 0.", "The amount must be positive.")

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status in (Status.REFUSED, Status.RETURNED, Status.WITHDRAWAL, Status.STOPPED):
                raise _illegal(d, "thu phí", "take payment for")
            if d.payment_state in PAID_STATES:
                raise ActionError(f"Hồ sơ {d.code} đã nộp phí.", f"Dossier {d.code} is already paid.")
            d.payments.append(
                Payment(
                    amount=int(amount), method=method, state="paid", reference=(reference or None),
                    created_at=now, paid_at=now, staff_id=staff_id,
                )
            )
            d.payment_state = "paid_online" if method in ONLINE_PAYMENT_METHODS else "paid_counter"
            to = Status.IN_PROGRESS if d.status == Status.FINANCIAL else d.status
            return to, {"method": method, "amount": int(amount), "reference": reference or None, "fee": d.fee}

        return self._run(code, staff_id, "payment", apply, kiosk_id=kiosk_id, on_behalf=True)

    def finish(self, code: str, staff_id: int, *, kiosk_id: str | None = None) -> ActionResult:
        """2 or 4 → 9: the result is ready."""

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status not in (Status.ACCEPTED, Status.IN_PROGRESS):
                raise _illegal(d, "đánh dấu đã xử lý xong", "mark processed")
            d.finished_at = now
            on_time = dvcqg_ended_on_time(now, d.due_at)
            return Status.PROCESSED, {"on_time": on_time}

        return self._run(code, staff_id, "finish", apply, kiosk_id=kiosk_id)

    def return_result(self, code: str, staff_id: int, delivered_via: str, *, kiosk_id: str | None = None) -> ActionResult:
        """9 → 10: the result was handed over (counter), posted or sent online; a fee must be paid first."""
        if delivered_via not in DELIVERY_VIA:
            raise ActionError(
                f"Cách trả kết quả không hợp lệ: {delivered_via}.", f"Unknown delivery {delivered_via!r} (counter, postal, online)."
            )

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status != Status.PROCESSED:
                raise _illegal(d, "trả kết quả", "return the result of")
            if d.payment_state == "unpaid":
                raise ActionError(
                    f"Hồ sơ {d.code} chưa nộp phí: thu phí trước khi trả kết quả.",
                    f"Dossier {d.code} is unpaid: take the payment before returning the result.",
                )
            d.returned_at = now
            d.delivered_via = delivered_via
            return Status.RETURNED, {"via": delivered_via}

        return self._run(code, staff_id, "return", apply, kiosk_id=kiosk_id, on_behalf=True)

    def apologize(
        self, code: str, staff_id: int, reason: str, new_due: datetime, *, kiosk_id: str | None = None
    ) -> ActionResult:
        """Apology and a new date (Mẫu 04): only before the current due date, only once per dossier; due_at
        moves, original_due_at keeps the statutory date. Not a status change."""
        if not reason.strip():
            raise ActionError("Phải ghi rõ lý do chậm trễ.", "An apology needs a reason.")
        if new_due.tzinfo is None:
            raise ActionError("Ngày hẹn mới phải có múi giờ.", "The new due date must be timezone-aware.")

        def apply(s: Session, d: Dossier, now: datetime) -> tuple[int, dict[str, Any]]:
            if d.status not in (Status.ACCEPTED, Status.IN_PROGRESS, Status.FINANCIAL):
                raise _illegal(d, "xin lỗi và hẹn lại", "apologise for")
            if d.due_at is None:
                raise ActionError(f"Hồ sơ {d.code} không có ngày hẹn trả.", f"Dossier {d.code} has no due date.")
            if now >= d.due_at:
                raise ActionError(
                    "Chỉ được xin lỗi và hẹn lại trước ngày hẹn trả; hồ sơ này đã quá hạn.",
                    "An apology and new date must come before the due date; this dossier is already late.",
                )
            done = s.scalar(
                select(DossierEvent.id).where(DossierEvent.dossier_id == d.id, DossierEvent.action == "apologize").limit(1)
            )
            if done is not None:
                raise ActionError(
                    f"Hồ sơ {d.code} đã được hẹn lại một lần; không được hẹn lại lần nữa.",
                    f"Dossier {d.code} already got a new date once; it cannot be moved again.",
                )
            if new_due <= d.due_at:
                raise ActionError("Ngày hẹn mới phải sau ngày hẹn hiện tại.", "The new date must be after the current due date.")
            old = d.due_at
            if d.original_due_at is None:
                d.original_due_at = old
            d.due_at = new_due
            return d.status, {"reason": reason.strip(), "new_due": new_due.isoformat(), "old_due": old.isoformat()}

        return self._run(code, staff_id, "apologize", apply, kiosk_id=kiosk_id)

    # -- plumbing --------------------------------------------------------------------------------------
    def _run(
        self,
        code: str,
        staff_id: int,
        action: str,
        apply: Any,
        *,
        kiosk_id: str | None = None,
        on_behalf: bool = False,
    ) -> ActionResult:
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            staff = s.get(StaffUser, staff_id)
            if staff is None or not staff.active:
                raise ActionError("Cán bộ không hợp lệ hoặc đã bị vô hiệu hóa.", "Unknown or disabled staff user.")
            d = s.scalar(select(Dossier).where(Dossier.code == code.strip()))
            if d is None:
                raise ActionError(f"Không tìm thấy hồ sơ {code}.", f"No dossier {code}.")
            before = int(d.status)
            to, details = apply(s, d, now)
            d.status = int(to)
            d.updated_at = now
            if d.sync_state == "synced":
                d.sync_state = "pending"
            ev = DossierEvent(
                at=now,
                action=action,
                status_from=before,
                status_to=int(to),
                staff_id=staff_id,
                on_behalf_of_citizen_id=d.applicant_id if on_behalf else None,
                details=details,
            )
            d.events.append(ev)
            s.flush()
            record_audit(
                s,
                at=now,
                action=f"dossier.{action}",
                actor_type="staff",
                staff_id=staff_id,
                citizen_hash_value=citizen_hash(d.applicant.id_number, self.log_salt),
                dossier_code=d.code,
                kiosk_id=kiosk_id,
                details={"from": before, "to": int(to), **_audit_safe(details)},
            )
            return ActionResult(d.code, action, before, int(to), d.due_at, ev.id, details)


def _late(d: Dossier, now: datetime) -> bool:
    return d.accept_deadline is not None and now > d.accept_deadline


def _audit_safe(details: dict[str, Any]) -> dict[str, Any]:
    """Audit details keep counts and dates, not free text (a reason may name a person)."""
    out: dict[str, Any] = {}
    for k, v in details.items():
        if k in ("items",):
            out["items_count"] = len(v)
        elif k in ("reason", "guidance", "note", "reference"):
            out[f"{k}_given"] = bool(v)
        else:
            out[k] = v
    return out


def end_of_day(cal: WorkCalendar, day_text: str) -> datetime:
    """ "YYYY-MM-DD" → that day at the afternoon close; "YYYY-MM-DD HH:MM" → that time (office-local)."""
    from kiosk.core.calendar import parse_local

    t = parse_local(day_text, cal.tz)
    if len(day_text.strip()) == 10:
        t = t.replace(hour=cal.hours.afternoon_end.hour, minute=cal.hours.afternoon_end.minute)
    return t


__all__ = [
    "ActionError",
    "ActionResult",
    "DossierActions",
    "SupplementItem",
    "PAYMENT_METHODS",
    "DELIVERY_VIA",
    "end_of_day",
]

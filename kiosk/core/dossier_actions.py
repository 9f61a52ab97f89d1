"""What an officer does to a dossier at the counter: accept, ask for a supplement, take the supplement back,
refuse, ask for a financial obligation, take payment, mark processed, hand over the result, apologise and
extend, record a withdrawal, stop.

Why one module: the console, the command line and the kiosk's assisted mode must move a dossier through the
statuses of domain.md §5 in exactly the same way. Which move is legal from which status, who may make it and
what it does to the legal clock is the table of :mod:`kiosk.core.workflow`; :meth:`DossierActions._run` asks
it (one refusal message for every illegal move), applies the clock effect (§4: due date from acceptance; a
supplement or a financial obligation pauses the clock and the due date moves by the paused working time when
the citizen answers), writes the trail (a DossierEvent on the dossier and an AuditEvent per action) and the
outbox event named in the table, all in one transaction. The methods below add only what is particular to
each action: its arguments and checks that depend on more than the status (an apology only before the due
date and only once; the result only once paid).

The DossierEvent action names and detail keys ("supplement" {"items", "guidance"}, "refuse" {"reason"},
"apologize" {"reason", "new_due"}, "stop" {"reason"}) are read back by the form builder to fill Mẫu 02–05.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.audit import citizen_hash, record_audit
from kiosk.core.calendar import WorkCalendar
from kiosk.core.clock import Clock
from kiosk.core.dossier_queries import DossierQueries
from kiosk.core.dossiers import procedure_limit
from kiosk.core.outbox import dossier_payload, enqueue
from kiosk.core.result_files import read_result_file, store_result
from kiosk.core.timeliness import dvcqg_ended_on_time
from kiosk.core.workflow import (
    ACCEPT_WINDOW_HOURS,
    DELIVERY_CHOICES,
    PAID_STATES,
    Action,
    ActionError,
    ClockEffect,
    Status,
    check,
    rule,
)
from kiosk.models.database import session_scope
from kiosk.models.tables import Dossier, DossierEvent, Payment, StaffUser

PAYMENT_METHODS = ("counter_cash", "counter_card", "counter_transfer")
ONLINE_PAYMENT_METHODS = ("vietqr",)  # a transfer: ticked by an officer, or confirmed by a payment service
DELIVERY_VIA = DELIVERY_CHOICES
GATEWAY = "gateway"  # the actor role of a payment service's confirmation (workflow table, Action.PAYMENT)

Apply = Callable[[Session, Dossier, datetime, Status], dict[str, Any]]


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


def _nothing(s: Session, d: Dossier, now: datetime, to: Status) -> dict[str, Any]:
    return {}


def _need_reason(reason: str, vi: str, en: str) -> str:
    if not reason.strip():
        raise ActionError(vi, en)
    return reason.strip()


class DossierActions(DossierQueries):
    def __init__(
        self, session_factory: sessionmaker[Session], calendar: WorkCalendar, clock: Clock, log_salt: str = "",
        results_dir: Path | None = None,
    ) -> None:
        super().__init__(session_factory, calendar, clock)
        self.log_salt = log_salt
        self.results_dir = results_dir  # signed result files (kiosk.core.result_files), <data dir>/results

    # -- transitions -----------------------------------------------------------------------------------
    def accept(self, code: str, staff_id: int, *, kiosk_id: str | None = None) -> ActionResult:
        """1 → 2: the statutory clock starts now; the due date is computed from this moment (Mẫu 01)."""

        def apply(s: Session, d: Dossier, now: datetime, to: Status) -> dict[str, Any]:
            return {"due": d.due_at.isoformat() if d.due_at else None, "late_acceptance": _late(d, now)}

        return self._run(code, staff_id, Action.ACCEPT, apply, kiosk_id=kiosk_id)

    def start_processing(self, code: str, staff_id: int, *, kiosk_id: str | None = None) -> ActionResult:
        """2 → 4: handed to the processing unit."""
        return self._run(code, staff_id, Action.START_PROCESSING, _nothing, kiosk_id=kiosk_id)

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
            item = it if isinstance(it, SupplementItem) else SupplementItem(
                str(it.get("name", "")).strip(), str(it.get("reason", "")).strip()
            )
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

        def apply(s: Session, d: Dossier, now: datetime, to: Status) -> dict[str, Any]:
            d.supplement_rounds = (d.supplement_rounds or 0) + 1
            return {
                "items": [{"name": i.name, "reason": i.reason} for i in parsed],
                "guidance": guidance.strip(),
                "round": d.supplement_rounds,
            }

        return self._run(code, staff_id, Action.SUPPLEMENT, apply, kiosk_id=kiosk_id)

    def supplied(self, code: str, staff_id: int, *, note: str = "", kiosk_id: str | None = None) -> ActionResult:
        """5 → back where it was: the citizen brought the papers. An accepted dossier returns to 2 or 4 with its
        due date moved by the paused working time; one never accepted returns to 1 with a fresh 8-hour window."""

        def apply(s: Session, d: Dossier, now: datetime, to: Status) -> dict[str, Any]:
            return {"note": note.strip()} if note.strip() else {}

        return self._run(code, staff_id, Action.SUPPLIED, apply, kiosk_id=kiosk_id)

    def refuse(self, code: str, staff_id: int, reason: str, *, kiosk_id: str | None = None) -> ActionResult:
        """1 → 3, or 5 → 3 for a dossier never accepted, with a reason (Mẫu 03). After acceptance the dossier is
        stopped instead (:meth:`stop_processing`, Mẫu 05)."""
        text = _need_reason(reason, "Phải ghi rõ lý do từ chối.", "A refusal needs a reason.")
        return self._run(code, staff_id, Action.REFUSE, lambda s, d, now, to: {"reason": text}, kiosk_id=kiosk_id)

    def request_financial(
        self, code: str, staff_id: int, amount: int | None = None, reason: str = "", *, kiosk_id: str | None = None
    ) -> ActionResult:
        """2 or 4 → 6: the citizen must pay a tax or fee first; the clock pauses until the payment.
        ``amount`` (đồng) replaces the dossier's fee when given (e.g. a tax assessed later)."""
        if amount is not None and int(amount) <= 0:
            raise ActionError("Số tiền phải lớn hơn 0.", "The amount must be positive.")

        def apply(s: Session, d: Dossier, now: datetime, to: Status) -> dict[str, Any]:
            if amount is not None:
                d.fee = int(amount)
            if d.fee <= 0:
                raise ActionError(
                    f"Hồ sơ {d.code} không có khoản phí nào; ghi rõ số tiền.",
                    f"Dossier {d.code} has no fee; give the amount.",
                )
            d.payment_state = "unpaid"
            return {"amount": int(d.fee), "reason": reason.strip()}

        return self._run(code, staff_id, Action.FINANCIAL, apply, kiosk_id=kiosk_id)

    def record_payment(
        self,
        code: str,
        staff_id: int | None,
        method: str,
        amount: int,
        reference: str | None = None,
        *,
        kiosk_id: str | None = None,
        confirmed_by: str = "officer",
    ) -> ActionResult:
        """A fee paid: a Payment row; payment_state paid_counter, or paid_online for a VietQR transfer. An
        officer ticking it records ``confirmed_by="officer"``; a payment service's notice
        (:meth:`confirm_gateway_payment`) records "gateway". From 6 the dossier returns to 4 and the due date
        moves by the working time the obligation paused it."""
        if method not in PAYMENT_METHODS + ONLINE_PAYMENT_METHODS:
            raise ActionError(
                f"Hình thức thu không hợp lệ: {method}.",
                f"Unknown payment method {method!r} ({', '.join(PAYMENT_METHODS + ONLINE_PAYMENT_METHODS)}).",
            )
        if int(amount) <= 0:
            raise ActionError("Số tiền phải lớn hơn 0.", "The amount must be positive.")

        def apply(s: Session, d: Dossier, now: datetime, to: Status) -> dict[str, Any]:
            if d.payment_state in PAID_STATES:
                raise ActionError(f"Hồ sơ {d.code} đã nộp phí.", f"Dossier {d.code} is already paid.")
            d.payments.append(
                Payment(
                    amount=int(amount), method=method, state="paid", reference=(reference or None),
                    created_at=now, paid_at=now, staff_id=staff_id, confirmed_by=confirmed_by,
                )
            )
            d.payment_state = "paid_online" if method in ONLINE_PAYMENT_METHODS else "paid_counter"
            return {"method": method, "amount": int(amount), "reference": reference or None, "fee": d.fee,
                    "confirmed_by": confirmed_by}

        return self._run(code, staff_id, Action.PAYMENT, apply, kiosk_id=kiosk_id,
                         role=GATEWAY if confirmed_by == GATEWAY else None)

    def confirm_gateway_payment(self, code: str, amount: int, reference: str) -> ActionResult:
        """A payment service (bank notice, the national payment platform) confirmed a transfer: no officer."""
        return self.record_payment(code, None, "vietqr", amount, reference, confirmed_by=GATEWAY)

    def finish(
        self, code: str, staff_id: int, *, kiosk_id: str | None = None, result_file: str | Path | None = None
    ) -> ActionResult:
        """2 or 4 → 9: the result is ready. With ``result_file`` (the signed result, a PDF) the file is checked
        first (a bad one refuses the whole action), kept 0600 under the results folder, and the dossier gets
        ``result_path`` and ``e_result`` (QĐ 766 4.1); a failed transaction removes the stored copy again."""
        data = read_result_file(result_file) if result_file is not None else None
        if data is not None and self.results_dir is None:
            raise ActionError("Chưa cấu hình nơi lưu tệp kết quả.", "No folder is configured for result files.")
        written: list[Path] = []

        def apply(s: Session, d: Dossier, now: datetime, to: Status) -> dict[str, Any]:
            out: dict[str, Any] = {"on_time": dvcqg_ended_on_time(now, d.due_at)}
            if data is not None and self.results_dir is not None:
                path = store_result(self.results_dir, d.code, data)
                written.append(path)
                d.result_path, d.e_result = str(path), True
                out["e_result"] = True
            return out

        try:
            return self._run(code, staff_id, Action.FINISH, apply, kiosk_id=kiosk_id)
        except BaseException:
            for p in written:
                p.unlink(missing_ok=True)
            raise

    # -- the citizen at the kiosk: the signed result -----------------------------------------------------
    def _citizen_result(self, s: Session, code: str, id_number: str) -> Dossier | None:
        """The dossier when ``code`` and the applicant's 12-digit ID match, it was finished with a result file
        that still exists and the citizen chose online delivery; else None (one answer for every miss)."""
        number = id_number.strip()
        if not (number.isascii() and number.isdigit() and len(number) == 12):
            return None
        d = s.scalar(select(Dossier).where(Dossier.code == code.strip()))
        if d is None or d.applicant is None or not hmac.compare_digest(d.applicant.id_number, number):
            return None
        if not d.e_result or not d.result_path or d.delivery != "online":
            return None
        if d.status not in (Status.PROCESSED, Status.RETURNED) or not Path(d.result_path).is_file():
            return None
        return d

    def citizen_result_ready(self, code: str, id_number: str) -> bool:
        """True when the citizen may print the signed result of ``code`` at the kiosk (code + ID match)."""
        with self.session_factory() as s:
            return self._citizen_result(s, code, id_number) is not None

    def fetch_result(self, code: str, id_number: str, *, kiosk_id: str | None = None) -> str | None:
        """The citizen asked for the signed result at the kiosk: checks code + ID (None for any miss, the same
        answer as an unknown code), refuses an unpaid fee, and records a ``result_fetched`` event and an audit
        row. Returns the dossier code to print (kiosk.core.printing, form "result")."""
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            d = self._citizen_result(s, code, id_number)
            if d is None:
                return None
            if d.payment_state == "unpaid":
                raise ActionError(
                    "Hồ sơ chưa nộp phí: vui lòng nộp phí tại quầy trước khi nhận kết quả.",
                    "The fee is not paid yet: please pay at the counter before taking the result.",
                )
            d.events.append(DossierEvent(
                at=now, action=Action.RESULT_FETCHED.value, status_from=int(d.status), status_to=int(d.status),
                staff_id=None, on_behalf_of_citizen_id=None, details={"kiosk_id": kiosk_id},
            ))
            record_audit(
                s, at=now, action=f"dossier.{Action.RESULT_FETCHED.value}", actor_type="citizen", staff_id=None,
                citizen_hash_value=citizen_hash(d.applicant.id_number, self.log_salt), dossier_code=d.code,
                kiosk_id=kiosk_id, details={"status": int(d.status)},
            )
            return d.code

    def return_result(self, code: str, staff_id: int, delivered_via: str, *, kiosk_id: str | None = None) -> ActionResult:
        """9 → 10: the result was handed over (counter), posted or sent online; a fee must be paid first."""
        if delivered_via not in DELIVERY_VIA:
            raise ActionError(
                f"Cách trả kết quả không hợp lệ: {delivered_via}.",
                f"Unknown delivery {delivered_via!r} (counter, postal, online).",
            )

        def apply(s: Session, d: Dossier, now: datetime, to: Status) -> dict[str, Any]:
            if d.payment_state == "unpaid":
                raise ActionError(
                    f"Hồ sơ {d.code} chưa nộp phí: thu phí trước khi trả kết quả.",
                    f"Dossier {d.code} is unpaid: take the payment before returning the result.",
                )
            d.returned_at = now
            d.delivered_via = delivered_via
            return {"via": delivered_via}

        return self._run(code, staff_id, Action.RETURN, apply, kiosk_id=kiosk_id)

    def apologize(
        self, code: str, staff_id: int, reason: str, new_due: datetime, *, kiosk_id: str | None = None
    ) -> ActionResult:
        """Apology and a request to extend (Mẫu 04, TT 03/2025): only before the current due date, only once per
        dossier; due_at moves, original_due_at keeps the statutory date. Not a status change."""
        text = _need_reason(reason, "Phải ghi rõ lý do chậm trễ.", "An apology needs a reason.")
        if new_due.tzinfo is None:
            raise ActionError("Ngày hẹn mới phải có múi giờ.", "The new due date must be timezone-aware.")

        def apply(s: Session, d: Dossier, now: datetime, to: Status) -> dict[str, Any]:
            if d.due_at is None:
                raise ActionError(f"Hồ sơ {d.code} không có ngày hẹn trả.", f"Dossier {d.code} has no due date.")
            if now >= d.due_at:
                raise ActionError(
                    "Chỉ được xin lỗi và hẹn lại trước ngày hẹn trả; hồ sơ này đã quá hạn.",
                    "An apology and new date must come before the due date; this dossier is already late.",
                )
            done = s.scalar(
                select(DossierEvent.id)
                .where(DossierEvent.dossier_id == d.id, DossierEvent.action == Action.APOLOGIZE.value)
                .limit(1)
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
            return {"reason": text, "new_due": new_due.isoformat(), "old_due": old.isoformat()}

        return self._run(code, staff_id, Action.APOLOGIZE, apply, kiosk_id=kiosk_id)

    def withdraw(self, code: str, staff_id: int, reason: str = "", *, kiosk_id: str | None = None) -> ActionResult:
        """1, 2, 4, 5 or 6 → 7 at the citizen's request (recorded by the officer on the citizen's behalf)."""
        return self._run(code, staff_id, Action.WITHDRAW, lambda s, d, now, to: {"reason": reason.strip()},
                         kiosk_id=kiosk_id)

    def stop_processing(self, code: str, staff_id: int, reason: str, *, kiosk_id: str | None = None) -> ActionResult:
        """An accepted dossier (2, 4, 5 or 6) → 8 with a reason; Mẫu 05 "Thông báo dừng giải quyết hồ sơ"."""
        text = _need_reason(reason, "Phải ghi rõ lý do dừng giải quyết.", "Stopping a dossier needs a reason.")
        return self._run(code, staff_id, Action.STOP, lambda s, d, now, to: {"reason": text}, kiosk_id=kiosk_id)

    # -- plumbing --------------------------------------------------------------------------------------
    def _run(
        self,
        code: str,
        staff_id: int | None,
        action: Action,
        apply: Apply,
        *,
        kiosk_id: str | None = None,
        role: str | None = None,
    ) -> ActionResult:
        r = rule(action)
        now = self.clock.now()
        with session_scope(self.session_factory) as s:
            if staff_id is None:
                if role is None:
                    raise ActionError("Cán bộ không hợp lệ hoặc đã bị vô hiệu hóa.", "Unknown or disabled staff user.")
            else:
                staff = s.get(StaffUser, staff_id)
                if staff is None or not staff.active:
                    raise ActionError("Cán bộ không hợp lệ hoặc đã bị vô hiệu hóa.", "Unknown or disabled staff user.")
                role = staff.role
            d = s.scalar(select(Dossier).where(Dossier.code == code.strip()))
            if d is None:
                raise ActionError(f"Không tìm thấy hồ sơ {code}.", f"No dossier {code}.")
            before = int(d.status)
            back = self._status_before_pause(s, d) if before == Status.SUPPLEMENT else None
            to = check(before, action, accepted=d.received_at is not None, back_to=back, code=d.code, role=role)
            clock_details = self._apply_clock(r.clock_effect(before), d, before, to, now)
            details = {**apply(s, d, now, to), **clock_details}
            d.status = int(to)
            d.updated_at = now
            ev = DossierEvent(
                at=now,
                action=action.value,
                status_from=before,
                status_to=int(to),
                staff_id=staff_id,
                on_behalf_of_citizen_id=d.applicant_id if r.on_behalf else None,
                details=details,
            )
            d.events.append(ev)
            s.flush()
            payload = {**dossier_payload(d), "action": action.value, "status_from": before, "at": now.isoformat()}
            enqueue(s, d, r.outbox, payload, now=now)  # same transaction as the move
            record_audit(
                s,
                at=now,
                action=f"dossier.{action.value}",
                actor_type="staff" if staff_id is not None else "system",
                staff_id=staff_id,
                citizen_hash_value=citizen_hash(d.applicant.id_number, self.log_salt),
                dossier_code=d.code,
                kiosk_id=kiosk_id,
                details={"from": before, "to": int(to), **_audit_safe(details)},
            )
            return ActionResult(d.code, action.value, before, int(to), d.due_at, ev.id, details)

    @staticmethod
    def _status_before_pause(s: Session, d: Dossier) -> int:
        """Where "supplied" goes back to: 1 for a dossier never accepted, else the status the request came from."""
        if d.received_at is None:
            return int(Status.NEW)
        prev = s.scalar(
            select(DossierEvent.status_from)
            .where(DossierEvent.dossier_id == d.id, DossierEvent.action == Action.SUPPLEMENT.value)
            .order_by(DossierEvent.id.desc())
            .limit(1)
        )
        return int(Status.IN_PROGRESS) if prev == Status.IN_PROGRESS else int(Status.ACCEPTED)

    def _apply_clock(self, effect: ClockEffect, d: Dossier, before: int, to: Status, now: datetime) -> dict[str, Any]:
        """The table's clock effect on the dossier's dates; returns what the event records about it."""
        out: dict[str, Any] = {}
        if effect is ClockEffect.START:
            due = self.calendar.due_date(now, procedure_limit(d)).due
            d.received_at = now
            d.due_at = d.original_due_at = due
        elif effect is ClockEffect.PAUSE:
            if to == Status.SUPPLEMENT:
                d.supplement_requested_at = now
            else:
                d.financial_requested_at = now
        elif effect is ClockEffect.RESUME:
            paused_at = (d.supplement_requested_at if before == Status.SUPPLEMENT else d.financial_requested_at) or now
            paused = int(self.calendar.working_time_between(paused_at, now).total_seconds())
            d.paused_seconds = (d.paused_seconds or 0) + paused
            out["paused_working_seconds"] = paused
            if to == Status.NEW:  # never accepted: a fresh acceptance window
                d.accept_deadline = self.calendar.accept_deadline(now, ACCEPT_WINDOW_HOURS)
                out["accept_deadline"] = d.accept_deadline.isoformat()
            elif d.due_at is not None:
                d.due_at = self.calendar.resume_after_pause(d.due_at, paused_at, now)
                out["new_due"] = d.due_at.isoformat()
        elif effect is ClockEffect.STOP:
            d.finished_at = d.finished_at or now
        return out


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
    "GATEWAY",
    "PAYMENT_METHODS",
    "ONLINE_PAYMENT_METHODS",
    "DELIVERY_VIA",
    "end_of_day",
]

"""What the counter console does off the GUI thread: load a snapshot of the screen, run an action with its
form and SMS, create a walk-in dossier, read the citizen's chip card.

Why a module without Qt: every function here blocks (database, printer, SMS gateway, PC/SC) and is handed to
:class:`kiosk.ui.worker.Worker` by the window, which only shows what comes back. Keeping them plain functions
also lets the command line and tests call the very same code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

EXTRA_ACTIONS = ("financial", "withdraw", "stop")


@dataclass
class Snapshot:
    """Everything the work screen shows after one poll (read on the worker, drawn on the GUI thread)."""

    pending: list[Any] = field(default_factory=list)
    help_requests: list[Any] = field(default_factory=list)
    print_jobs: list[dict[str, Any]] = field(default_factory=list)
    sms: list[dict[str, Any]] = field(default_factory=list)
    detail: Any = None
    detail_code: str | None = None


@dataclass
class Outcome:
    result: Any
    message: str
    effects: Any = None  # kiosk.core.effects.EffectReport: the form printed or not, the SMS, the e-mail


def effects_message(report: Any) -> str:
    """The status-bar words for what followed a committed action (kiosk.core.effects.EffectReport): the form
    printed or not (a failed one waits in the "In lỗi" tab for "In lại"), the SMS and the e-mail."""
    parts: list[str] = []
    if report.form and report.printed is not None:
        parts.append(f"Mẫu {report.form}: " + ("đã in" if report.printed.ok
                                                 else f"CHƯA IN ({report.printed.state}) — xem thẻ In lỗi để in lại"))
    parts.append({
        "sent": "đã gửi SMS",
        "no_consent": "không gửi SMS (công dân chưa đồng ý nhận tin)",
        "no_phone": "không gửi SMS (không có số điện thoại)",
        "failed": "GỬI SMS KHÔNG ĐƯỢC",
    }.get(report.sms, ""))
    parts.append({"sent": "đã gửi e-mail", "failed": "GỬI E-MAIL KHÔNG ĐƯỢC"}.get(report.email, ""))
    return "".join(f" · {p}" for p in parts if p)


def load_snapshot(app: Any, code: str | None) -> Snapshot:
    snap = Snapshot(
        pending=app.actions.pending_acceptance(),
        help_requests=app.actions.open_help_requests(),
        print_jobs=app.actions.failed_print_jobs(),
        detail_code=code,
    )
    try:
        from kiosk.integrations.sms import outbox_path, read_outbox

        snap.sms = read_outbox(outbox_path(app.settings), limit=30)
    except ImportError:  # pragma: no cover - the integrations package is part of the app
        pass
    if code:
        snap.detail = app.actions.detail(code)
    return snap


def run_action(app: Any, key: str, code: str, staff_id: int, **kw: Any) -> Outcome:
    """The core action (raises ActionError on an illegal move), then the form and the SMS; a status line."""
    a = app.actions
    if key == "accept":
        r = a.accept(code, staff_id)
    elif key == "supplement":
        r = a.request_supplement(code, staff_id, kw["items"], kw.get("guidance", ""))
    elif key == "supplied":
        r = a.supplied(code, staff_id)
    elif key == "refuse":
        r = a.refuse(code, staff_id, kw["reason"])
    elif key == "start":
        r = a.start_processing(code, staff_id)
    elif key == "pay":
        r = a.record_payment(code, staff_id, kw["method"], kw["amount"], kw.get("reference"))
    elif key == "finish":
        r = a.finish(code, staff_id, result_file=kw.get("result_file"))
    elif key == "return":
        r = a.return_result(code, staff_id, kw["via"])
    elif key == "apologize":
        r = a.apologize(code, staff_id, kw["reason"], kw["new_due"])
    elif key == "financial":
        r = a.request_financial(code, staff_id, kw.get("amount"), kw.get("reason", ""))
    elif key == "withdraw":
        r = a.withdraw(code, staff_id, kw.get("reason", ""))
    elif key == "stop":
        r = a.stop_processing(code, staff_id, kw["reason"])
    else:
        raise ValueError(f"unknown console action {key}")
    # committed: the form, the SMS and the e-mail in one core call (kiosk.core.effects), still on this worker
    report = app.effects.after_action(code, r.action, due=r.due_at)
    return Outcome(r, f"{code}: {r.status_from} → {r.status_to}" + effects_message(report), report)


def create_walk_in(app: Any, staff_id: int, values: dict[str, Any]) -> Outcome:
    """A counter dossier for the citizen at the desk (accepted at once), then Mẫu 01."""
    from kiosk.core.dossiers import PersonData, Submission

    person = PersonData(
        id_number=values["id_number"], full_name=values["name"], phone=values.get("phone") or None,
        date_of_birth=values.get("dob"), sex=values.get("sex") or None,
        place_of_origin=values.get("place_of_origin") or None,
        place_of_residence=values.get("place_of_residence") or None,
        source=values.get("identity_source") or "typed",
    )
    sub = Submission(
        procedure_code=values["procedure"], channel="counter", assisted_by_staff_id=staff_id,
        delivery=values.get("delivery", "counter"), delivery_address=values.get("address") or None, applicant=person,
        documents=walk_in_papers(app, values["procedure"], choices=values.get("provisions")),
    )
    res = app.dossiers.submit(sub)  # SubmissionError / InvalidIdNumber go back to the window
    # accepted at once: what follows an acceptance (Mẫu 01, and the SMS / e-mail where the citizen agreed)
    report = app.effects.after_action(res.code, "accept")
    return Outcome(res, f"{res.code}: đã tiếp nhận tại quầy" + effects_message(report), report)


def walk_in_papers(app: Any, procedure_code: str, handed_in: Any = (), *,
                   choices: dict[int, str] | None = None) -> list[Any]:
    """The catalogue's papers for a walk-in, each as the officer set it (``choices``: 1-based position →
    scanned / paper / not_provided); by default required ones on paper, optional ones at the positions
    ``handed_in`` too, the rest "not provided" (kiosk.core.dossiers.counter_papers, which refuses a required
    paper "not provided"); none for an unknown code."""
    from kiosk.core.catalogue import CatalogueError
    from kiosk.core.dossiers import counter_papers

    try:
        proc = app.catalogue.get(procedure_code)
    except CatalogueError:
        return []
    return counter_papers(proc, handed_in, choices=choices)


@dataclass(frozen=True)
class WalkInPaper:
    """One paper of a procedure as the walk-in dialog lists it."""

    name: str
    required: bool
    copies: str  # "1 bản chính, 1 bản sao" — what the catalogue asks for


def walk_in_procedures(app: Any) -> list[tuple[str, str, list[WalkInPaper]]]:
    """The procedures in effect, each with its catalogue papers (none for a code the catalogue lacks)."""
    from kiosk.core.catalogue import CatalogueError

    out: list[tuple[str, str, list[WalkInPaper]]] = []
    for code, name in app.actions.procedures_in_effect():
        try:
            docs = app.catalogue.get(code).documents
        except CatalogueError:
            docs = ()
        out.append((code, name, [
            WalkInPaper(d.name_vi, d.required, ", ".join(
                f"{n} {what}" for n, what in ((d.originals, "bản chính"), (d.certified_copies, "bản sao chứng thực"),
                                             (d.photocopies, "bản photo")) if n))
            for d in docs
        ]))
    return out


def card_key(id_number: str, dob: date | None, qr_text: str = "") -> Any:
    """The chip's access key: from the card's QR when scanned, else the typed ID number and date of birth."""
    from kiosk.devices.card import from_qr, from_typed

    if qr_text.strip():
        return from_qr(qr_text.strip())
    if dob is None:
        raise ValueError("date of birth needed")
    return from_typed(id_number.strip(), dob)


def _read_chip(reader: Any, key_source: Any, wait_for_card: float) -> Any:
    import inspect

    if "wait_for_card" in inspect.signature(reader.read).parameters:
        return reader.read(key_source, wait_for_card=wait_for_card)
    return reader.read(key_source)  # kiosk.ui.card_port.PcscCardReader / SimulatedCardReader wait on their own


def read_identity(reader: Any, key_source: Any, wait_for_card: float = 10.0) -> dict[str, Any]:
    """Read the chip (blocking, PC/SC), apply the site's trust policy (kiosk.devices.card.trust: a failed
    signature or AA, or an unverified chain where the policy requires one, raises the card error), and
    return only what the walk-in form needs. The read result is wiped before returning."""
    result = _read_chip(reader, key_source, wait_for_card)
    try:
        result.ensure_trusted()
        c = result.card
        dob = c.date_of_birth if isinstance(c.date_of_birth, date) and not isinstance(c.date_of_birth, datetime) else None
        return {
            "id_number": c.id_number or "", "name": c.full_name or "", "dob": dob, "sex": c.sex or "",
            "place_of_origin": c.place_of_origin or "", "place_of_residence": c.place_of_residence or "",
            "passive_auth": result.passive_auth,
        }
    finally:
        result.wipe()


def badge_login(staff: Any, reader: Any, key_source: Any, pin: str, wait_for_card: float = 10.0,
                kiosk_id: str | None = None) -> Any:
    """Staff badge login (blocking): the officer's own chip AND their PIN. The chip must pass
    kiosk.devices.card.trust.check_badge (passive authentication chained to a trusted CSCA, whatever the
    kiosk's policy, and no failed AA); then StaffService.authenticate_badge checks the PIN. Every refusal —
    chip not verified, no PIN, wrong PIN, card not linked — is a StaffAuthError and an audit row."""
    from kiosk.devices.card.errors import CardError
    from kiosk.devices.card.trust import check_badge

    result = _read_chip(reader, key_source, wait_for_card)  # NoCard, AccessDenied…: not a login attempt yet
    try:
        try:
            check_badge(result)
            chip_status, id_number = "verified", result.card.id_number or ""
        except CardError:
            chip_status = ("aa_failed" if result.active_auth == "failed" else "ca_failed" if result.chip_auth == "failed"
                           else result.passive_auth if result.passive_auth != "verified" else "refused")
            id_number = ""
    finally:
        result.wipe()
    return staff.authenticate_badge(id_number, pin, chip_status=chip_status, kiosk_id=kiosk_id)


def default_card_reader(app: Any) -> Any:
    from kiosk.devices.card import CardReaderService

    return CardReaderService.from_settings(app.settings)


__all__ = ["EXTRA_ACTIONS", "Outcome", "Snapshot", "badge_login", "card_key", "create_walk_in", "default_card_reader",
           "load_snapshot", "read_identity", "run_action", "walk_in_papers", "walk_in_procedures"]

"""`kiosk dossier …`: every counter-console action (statuses 6/7/8 included) for scripting and support, plus show/list/status/queue and
the counter walk-in.

Why it exists: support staff must be able to fix a stuck dossier without the GUI, and the same core code
(:class:`DossierActions`) and audit trail must apply either way. The acting officer logs in with the PIN
from standard input. After accept / supplement / refuse / apologize / stop the form the workflow table names
(Mẫu 01/02/03/04/05) is
printed through the printing package; the dossier change is committed first, so a failed print only
warns (reprint with `kiosk receipt CODE --form NN` or from the console).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from kiosk.cli import CliError
from kiosk.cli.dossier_export_cmd import add_export_parser
from kiosk.cli.staff_cmd import open_app, staff_login
from kiosk.core.effects import FORM_FOR_ACTION, print_summary

# CLI sub-command -> workflow action; the form each prints comes from the workflow table
COMMAND_ACTION = {"start": "start_processing", "pay": "payment"}
METHODS = {"cash": "counter_cash", "card": "counter_card", "transfer": "counter_transfer"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("dossier", help="counter actions on dossiers (staff PIN from standard input)")
    dsub = p.add_subparsers(dest="dossier_command", metavar="ACTION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        a = dsub.add_parser(name, help=help_text)
        a.add_argument("code", metavar="CODE")
        a.add_argument("--staff", required=True, metavar="USERNAME", help="the acting officer (PIN from stdin)")
        a.add_argument("--reason", metavar="TEXT")
        a.add_argument("--no-print", action="store_true", help="do not print the form")
        a.add_argument("--no-sms", action="store_true", help="do not text the citizen")
        a.add_argument("--json", action="store_true", help="print the result as JSON")
        a.set_defaults(func=_action, action=name)
        return a

    action("accept", "accept (status 1 → 2); prints Mẫu 01")
    sup = action("supplement", "ask for missing or wrong papers, the whole list at once (→ 5); prints Mẫu 02")
    sup.add_argument("--item", action="append", default=[], metavar='"NAME: REASON"', help="repeat per paper")
    sup.add_argument(
        "--missing", nargs="+", action="extend", default=[], metavar="TEXT",
        help='papers ("NAME: REASON", or NAME with --reason as the reason)',
    )
    sup.add_argument("--guidance", default="", metavar="TEXT", help="what the citizen should do")
    action("supplied", "the citizen brought the papers (5 → back); the clock continues")
    action("refuse", "refuse before acceptance (→ 3) with --reason; prints Mẫu 03 (after it: stop)")
    pay = action("pay", "record a fee paid at the counter")
    pay.add_argument("--amount", type=int, help="đồng (default: the dossier's fee)")
    pay.add_argument("--method", default="cash", choices=sorted(METHODS))
    pay.add_argument("--reference", help="receipt (biên lai) number")
    fin_res = action("finish", "mark processed, result ready (→ 9); --result attaches the signed result (QĐ 766 4.1)")
    fin_res.add_argument("--result", metavar="FILE", help="the signed result as a PDF (kept 0600 under the data dir)")
    ret = action("return", "the result was delivered (9 → 10)")
    ret.add_argument("--via", choices=("counter", "postal", "online"), help="default: the dossier's delivery choice")
    apo = action("apologize", "apology and a new date, before the due date, once (Mẫu 04)")
    apo.add_argument("--new-due", required=True, metavar="YYYY-MM-DD[ HH:MM]", help="a date alone means 17:00")
    action("start", "hand to the processing unit (2 → 4)")
    fin = action("financial", "the citizen must pay a tax or fee first (2/4 → 6); pay returns it to 4")
    fin.add_argument("--amount", type=int, help="đồng (default: the dossier's fee)")
    action("withdraw", "the citizen withdraws the dossier (→ 7), recorded on their behalf")
    action("stop", "stop an accepted dossier (→ 8) with --reason; prints Mẫu 05")

    show = dsub.add_parser("show", help="a dossier's detail, documents and history")
    show.add_argument("code", metavar="CODE")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)

    ls = dsub.add_parser("list", help="list dossiers, newest first")
    ls.add_argument("--status", type=int, choices=range(1, 11), metavar="N")
    ls.add_argument("--limit", type=int, default=100)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    q = dsub.add_parser("queue", help="dossiers waiting for acceptance and the 8-working-hour clock")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_queue)

    st = dsub.add_parser("status", help="what a citizen sees: status, due date, next step")
    st.add_argument("code", metavar="CODE")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=_status)

    w = dsub.add_parser("walk-in", help="create a dossier at the counter (channel counter, accepted at once)")
    w.add_argument("--staff", required=True, metavar="USERNAME")
    w.add_argument("--procedure", required=True, metavar="CODE", help="procedure (TTHC) code")
    w.add_argument("--id", dest="id_number", required=True, metavar="12DIGITS", help="the citizen's ID number")
    w.add_argument("--name", help="full name (not needed with --from-card)")
    w.add_argument("--dob", metavar="YYYY-MM-DD", help="date of birth (needed with --from-card)")
    w.add_argument("--from-card", action="store_true", help="read the identity from the chip card on this PC's reader")
    w.add_argument("--phone")
    w.add_argument("--delivery", choices=("counter", "postal", "online"), default="counter")
    w.add_argument("--address", help="postal delivery address")
    w.add_argument("--paper", type=int, action="append", default=[], metavar="N",
                   help="an optional paper of the procedure (1-based, as `kiosk catalog show` lists them) the "
                        "citizen handed in; required papers always count as handed in, other optional ones as "
                        "not provided (left off Mẫu 01)")
    w.add_argument("--no-print", action="store_true")
    w.add_argument("--json", action="store_true")
    w.set_defaults(func=_walk_in)

    add_export_parser(dsub)
    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


# -- helpers --------------------------------------------------------------------------------------------
def _items(args: argparse.Namespace) -> list[Any]:
    from kiosk.core.dossier_actions import SupplementItem

    items = [SupplementItem.parse(t) for t in args.item]
    for t in args.missing:
        if ":" in t:
            items.append(SupplementItem.parse(t))
        elif args.reason:
            items.append(SupplementItem(t.strip(), args.reason.strip()))
        else:
            raise CliError(f'--missing {t!r}: give "NAME: REASON" or a --reason for all', 2)
    if not items:
        raise CliError("a supplement needs at least one --item \"NAME: REASON\" (the whole list at once)", 2)
    return items


def _action(args: argparse.Namespace) -> int:
    from kiosk.core.dossier_actions import ActionError, end_of_day

    name = args.action
    if name == "refuse" and not (args.reason or "").strip():
        raise CliError("refuse needs --reason TEXT", 2)
    if name in ("apologize", "stop") and not (args.reason or "").strip():
        raise CliError(f"{name} needs --reason TEXT", 2)
    items = _items(args) if name == "supplement" else None
    app = open_app(args)
    try:
        staff = staff_login(app, args.staff)
        a = app.actions
        code = args.code.strip()
        try:
            if name == "accept":
                r = a.accept(code, staff.id)
            elif name == "start":
                r = a.start_processing(code, staff.id)
            elif name == "supplement":
                r = a.request_supplement(code, staff.id, items, args.guidance)
            elif name == "supplied":
                r = a.supplied(code, staff.id, note=args.reason or "")
            elif name == "refuse":
                r = a.refuse(code, staff.id, args.reason)
            elif name == "pay":
                amount = args.amount
                if amount is None:
                    det = a.detail(code)
                    if det is None:
                        raise ActionError(f"Không tìm thấy hồ sơ {code}.", f"No dossier {code}.")
                    amount = det.fee
                    if amount <= 0:
                        raise CliError(f"dossier {code} has no fee; give --amount", 2)
                r = a.record_payment(code, staff.id, METHODS[args.method], amount, args.reference)
            elif name == "finish":
                r = a.finish(code, staff.id, result_file=args.result)
            elif name == "return":
                via = args.via
                if via is None:
                    det = a.detail(code)
                    via = det.delivery if det else "counter"
                r = a.return_result(code, staff.id, via)
            elif name == "apologize":
                try:
                    new_due = end_of_day(app.calendar, args.new_due)
                except ValueError as exc:
                    raise CliError(f"--new-due: {exc}", 2) from None
                r = a.apologize(code, staff.id, args.reason, new_due)
            elif name in ("financial", "withdraw", "stop"):
                r = _extra_action(app, name, code, staff.id, args)
            else:  # pragma: no cover - argparse limits the choices
                raise CliError(f"unknown action {name}", 2)
        except ActionError as exc:
            raise CliError(exc.en, 1) from None
        printed = None
        form = FORM_FOR_ACTION.get(COMMAND_ACTION.get(name, name))
        if form and not args.no_print:
            printed = print_summary(form, app.effects.print_form(r.code, form))
        sms = app.effects.notify(r.code, r.action, due=r.due_at) if not args.no_sms else "not_sent"
        _report(app, r, printed, args.json, sms)
        return 0
    finally:
        app.close()


def _extra_action(app: Any, name: str, code: str, staff_id: int, args: argparse.Namespace) -> Any:
    """Statuses 6, 7 and 8: the same table, events and audit rows as the rest."""
    a = app.actions
    reason = (args.reason or "").strip()
    if name == "financial":
        return a.request_financial(code, staff_id, args.amount, reason)
    if name == "withdraw":
        return a.withdraw(code, staff_id, reason)
    return a.stop_processing(code, staff_id, reason)


def _report(app: Any, r: Any, printed: dict[str, Any] | None, as_json: bool, sms: str) -> None:
    from kiosk.core.dossiers import STATUS_LABELS_EN

    due = r.due_at.astimezone(app.settings.tz) if r.due_at else None
    if as_json:
        out = {
            "code": r.code, "action": r.action, "status_from": r.status_from, "status": r.status_to,
            "due": due.isoformat() if due else None, "printed": printed, "sms": sms,
        }
        print(json.dumps(out, ensure_ascii=False))
    else:
        line = f"{r.code}: {r.action} {r.status_from} -> {r.status_to} ({STATUS_LABELS_EN.get(r.status_to, '')})"
        if due:
            line += f", due {due:%Y-%m-%d %H:%M}"
        print(line)
        if printed and printed.get("state") == "ok":
            print(f"printed Mẫu {printed['form']}" + (f": {printed['path']}" if printed.get("path") else ""))
    if printed and printed.get("state") != "ok":
        print(
            f"kiosk: warning: dossier saved, but Mẫu {printed['form']} was not printed ({printed.get('state')}); "
            f"reprint with: kiosk receipt {r.code} --form {printed['form']}",
            file=sys.stderr,
        )


def _fmt(t: Any, tz: Any) -> str:
    return t.astimezone(tz).strftime("%Y-%m-%d %H:%M") if t else "-"


def _show(args: argparse.Namespace) -> int:
    app = open_app(args)
    try:
        det = app.actions.detail(args.code)
        if det is None:
            raise CliError(f"no dossier {args.code.strip()}", 1)
        if args.json:
            print(json.dumps(det.as_json(), ensure_ascii=False, default=str))
            return 0
        tz, row = app.settings.tz, det.row
        print(f"{row.code}  status {row.status} {row.status_text}")
        print(f"  procedure {row.procedure_code} {row.procedure_name}")
        print(f"  applicant {row.applicant_name}  channel {row.channel}  payment {row.payment_state} (fee {det.fee} đ)")
        print(f"  submitted {_fmt(row.submitted_at, tz)}  received {_fmt(row.received_at, tz)}  due {_fmt(row.due_at, tz)}"
              + (f" (originally {_fmt(det.original_due_at, tz)})" if det.original_due_at and det.original_due_at != row.due_at else ""))
        for doc in det.documents:
            print(f"  doc  {doc['name']}  originals {doc['originals']} copies {doc['certified_copies']} "
                  f"photocopies {doc['photocopies']} scanned pages {doc['scanned_pages']} ({doc.get('provision', '')})")
        for ev in det.events:
            who = f" by {ev['staff']}" if ev["staff"] else ""
            print(f"  {ev['at'][:16].replace('T', ' ')}  {ev['action']}{who}  {ev['from']} -> {ev['to']}")
        return 0
    finally:
        app.close()


def _list(args: argparse.Namespace) -> int:
    app = open_app(args)
    try:
        rows = app.actions.list_dossiers(args.status, limit=args.limit)
        if args.json:
            print(json.dumps([r.as_json() for r in rows], ensure_ascii=False))
            return 0
        for r in rows:
            print(f"{r.code}  {r.status:>2} {r.status_text:<32} due {_fmt(r.due_at, app.settings.tz)}  {r.procedure_code}")
        if not rows:
            print("(no dossiers)")
        return 0
    finally:
        app.close()


def _queue(args: argparse.Namespace) -> int:
    from kiosk.core.dossier_queries import format_remaining

    app = open_app(args)
    try:
        rows = app.actions.pending_acceptance()
        if args.json:
            out = [
                {
                    "code": r.code, "procedure": r.procedure_code, "channel": r.channel,
                    "accept_deadline": r.accept_deadline.isoformat() if r.accept_deadline else None,
                    "remaining_s": int(r.remaining.total_seconds()) if r.remaining is not None else None,
                    "level": r.level,
                }
                for r in rows
            ]
            print(json.dumps(out, ensure_ascii=False))
            return 0
        for r in rows:
            print(f"{r.code}  {r.level:<5} {format_remaining(r.remaining):<22} {r.procedure_code}")
        if not rows:
            print("(nothing waiting for acceptance)")
        return 0
    finally:
        app.close()


def _status(args: argparse.Namespace) -> int:
    app = open_app(args)
    try:
        tr = app.actions.tracking(args.code)
        if tr is None:
            raise CliError(f"no dossier {args.code.strip()}", 1)
        if args.json:
            print(json.dumps({k: tr[k] for k in ("code", "status", "status_text", "received", "due", "next_step")},
                             ensure_ascii=False))
            return 0
        from datetime import datetime

        due = _fmt(datetime.fromisoformat(tr["due"]), app.settings.tz) if tr["due"] else "-"
        print(f"{tr['code']}: {tr['status_text']} (status {tr['status']}), due {due}")
        print(tr["next_step"])
        return 0
    finally:
        app.close()


def _walk_in(args: argparse.Namespace) -> int:
    from kiosk.core.catalogue import CatalogueError
    from kiosk.core.dossiers import PersonData, Submission, SubmissionError, counter_papers
    from kiosk.core.identity import InvalidIdNumber

    dob = None
    if args.dob:
        try:
            dob = date.fromisoformat(args.dob)
        except ValueError:
            raise CliError("--dob must be YYYY-MM-DD", 2) from None
    if not args.from_card and not (args.name or "").strip():
        raise CliError("walk-in needs --name (or --from-card)", 2)
    app = open_app(args)
    try:
        staff = staff_login(app, args.staff)
        person = _card_person(app, args.id_number, dob) if args.from_card else PersonData(
            id_number=args.id_number.strip(), full_name=" ".join(args.name.split()), date_of_birth=dob, phone=args.phone
        )
        if args.phone:
            person.phone = args.phone
        try:
            app.sync_catalogue()
        except Exception:  # noqa: BLE001 - procedures may already be in the database
            pass
        try:
            papers = counter_papers(app.catalogue.get(args.procedure), args.paper)
        except CatalogueError as exc:
            raise CliError(str(exc), 1) from None
        except SubmissionError as exc:
            raise CliError(exc.en, 2) from None
        sub = Submission(
            procedure_code=args.procedure, applicant=person, channel="counter", assisted_by_staff_id=staff.id,
            delivery=args.delivery, delivery_address=args.address, documents=papers,
        )
        try:
            res = app.dossiers.submit(sub)
        except (SubmissionError, InvalidIdNumber) as exc:
            raise CliError(exc.en, 1) from None
        printed = None if args.no_print else print_summary("01", app.effects.print_form(res.code, "01"))
        due = res.due_at.astimezone(app.settings.tz) if res.due_at else None
        if args.json:
            print(json.dumps({"code": res.code, "status": res.status, "due": due.isoformat() if due else None,
                              "fee": res.fee, "printed": printed}, ensure_ascii=False))
        else:
            print(f"{res.code}: created at the counter, status {res.status}" + (f", due {due:%Y-%m-%d %H:%M}" if due else ""))
        if printed and printed.get("state") != "ok":
            print(f"kiosk: warning: dossier saved, but Mẫu 01 was not printed ({printed.get('state')}); "
                  f"reprint with: kiosk receipt {res.code} --form 01", file=sys.stderr)
        return 0
    finally:
        app.close()


def _card_person(app: Any, id_number: str, dob: Any) -> Any:
    """Read the citizen's chip card on this PC's reader (keys from the ID number and date of birth)."""
    from kiosk.core.dossiers import PersonData

    if dob is None:
        raise CliError("--from-card needs --dob (with --id, it opens the chip)", 2)
    try:
        from kiosk.devices.card import CardError, CardReaderService, from_typed
    except ImportError:
        raise CliError("the card reader package is not available", 1) from None
    try:
        result = CardReaderService.from_settings(app.settings).read(from_typed(id_number, dob), wait_for_card=10)
        result.ensure_trusted()
    except CardError as exc:
        raise CliError(f"card: {getattr(exc, 'message_en', exc)}", 1) from None
    c = result.card
    try:
        if (c.id_number or "") != id_number.strip():
            raise CliError("the card's ID number differs from --id", 1)
        return PersonData(
            id_number=c.id_number or "", full_name=c.full_name or "",
            date_of_birth=c.date_of_birth if isinstance(c.date_of_birth, date) else dob,
            sex=c.sex, place_of_origin=c.place_of_origin, place_of_residence=c.place_of_residence,
            source="chip_verified" if result.passive_auth == "verified" else "chip_unverified",
        )
    finally:
        result.wipe()

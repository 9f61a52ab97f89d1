"""`kiosk queue …`: take a ticket, call the next number for a counter, and see who is waiting.

Why on the command line: support can test the printer and the hall screen without the kiosk UI, and a
counter without the console (or a script) can still call numbers. `call`, `recall`, `served` and `no-show`
act as a logged-in officer (PIN from standard input, as for `kiosk dossier`), so the audit trail names them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.cli import CliError
from kiosk.cli.staff_cmd import open_app, staff_login


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("queue", help="counter queue tickets: take, call, status")
    qsub = p.add_subparsers(dest="queue_command", metavar="ACTION")

    take = qsub.add_parser("take", help="take a numbered ticket for a field and print it on the slip printer")
    take.add_argument("--field", required=True, metavar="F", help='the field (lĩnh vực), e.g. "Hộ tịch"')
    take.add_argument("--kiosk", metavar="ID", help="the kiosk id (default: this kiosk's)")
    take.add_argument("--no-print", action="store_true", help="do not print the ticket")
    take.add_argument("--json", action="store_true")
    take.set_defaults(func=_take)

    def counter_cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        c = qsub.add_parser(name, help=help_text)
        c.add_argument("--counter", required=True, type=int, metavar="N")
        c.add_argument("--staff", required=True, metavar="USERNAME", help="the officer (PIN from stdin)")
        c.add_argument("--json", action="store_true")
        c.set_defaults(func=_counter, queue_action=name)
        return c

    call = counter_cmd("call", "call the next waiting number to counter N (closes the counter's previous one)")
    call.add_argument("--field", action="append", default=[], metavar="F", help="only these fields (repeat)")
    counter_cmd("recall", "announce counter N's current number again")
    counter_cmd("served", "counter N's current citizen was served")
    counter_cmd("no-show", "counter N's current number did not come")

    st = qsub.add_parser("status", help="waiting counts per field, recent calls and today's waiting times")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=_status)

    fl = qsub.add_parser("fields", help="the fields a citizen can pick")
    fl.set_defaults(func=_fields)

    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


def _service(app: Any) -> Any:

    return app.queue


def _take(args: argparse.Namespace) -> int:
    from kiosk.core.queue import QueueError

    app = open_app(args)
    try:
        try:
            t = _service(app).take_ticket(args.field, args.kiosk or app.settings.kiosk_id)
        except QueueError as exc:
            raise CliError(exc.en, 1) from None
        printed: dict[str, Any] | None = None
        if not args.no_print:
            from kiosk.devices.printing.ticket import print_ticket

            r = print_ticket(app.settings, t)
            printed = {"state": r.state, "path": str(r.path) if r.path else None}
        if args.json:
            print(json.dumps({**t.as_json(), "printed": printed}, ensure_ascii=False))
        else:
            wait = t.as_json()["estimated_wait_minutes"]
            print(f"ticket {t.number} ({t.field}): {t.ahead} ahead, about {wait} min")
            if printed and printed["state"] == "ok" and printed["path"]:
                print(f"printed: {printed['path']}")
        if printed and printed["state"] != "ok":
            print(f"kiosk: warning: ticket {t.number} taken but not printed ({printed['state']})", file=sys.stderr)
        return 0
    finally:
        app.close()


def _counter(args: argparse.Namespace) -> int:
    from kiosk.core.queue import QueueError

    app = open_app(args)
    try:
        staff = staff_login(app, args.staff)
        q = _service(app)
        name = args.queue_action
        try:
            if name == "call":
                t = q.call_next(args.counter, staff.id, args.field or None)
            elif name == "recall":
                t = q.recall(args.counter, staff.id)
            else:
                cur = q.current(args.counter)
                if cur is None:
                    raise CliError(f"counter {args.counter} has no called number", 1)
                t = q.mark_served(cur.id, staff.id) if name == "served" else q.no_show(cur.id, staff.id)
        except QueueError as exc:
            raise CliError(exc.en, 1) from None
        if t is None:
            if args.json:
                print(json.dumps({"ticket": None}))
            else:
                print("nobody is waiting" if name == "call" else f"counter {args.counter} has no called number")
            return 0 if name == "call" else 1
        if args.json:
            print(json.dumps({"ticket": t.as_json(), "announcement": t.announcement("vi")}, ensure_ascii=False))
        elif name in ("call", "recall"):
            print(f"{t.announcement('vi')} / {t.announcement('en')}")
        else:
            print(f"ticket {t.number}: {t.state}")
        return 0
    finally:
        app.close()


def _status(args: argparse.Namespace) -> int:
    from datetime import datetime, time, timedelta

    app = open_app(args)
    try:
        q = _service(app)
        day = q.today()
        start = datetime.combine(day, time(0), app.settings.tz)
        stats = q.stats(start, start + timedelta(days=1))
        counts = q.waiting_counts()
        called = q.recently_called(10)
        if args.json:
            print(json.dumps({
                "day": day.isoformat(),
                "waiting": counts,
                "waiting_total": sum(counts.values()),
                "called": [{"number": c.number, "counter": c.counter_no, "field": c.field,
                            "at": c.at.astimezone(app.settings.tz).isoformat()} for c in called],
                "today": stats.as_json(),
            }, ensure_ascii=False))
            return 0
        print(f"{day:%d/%m/%Y}: {sum(counts.values())} waiting")
        for f, n in counts.items():
            print(f"  {f}: {n}")
        for c in called:
            print(f"  Số {c.number} → Quầy {c.counter_no}  ({c.at.astimezone(app.settings.tz):%H:%M})")
        j = stats.as_json()
        print(f"issued {j['issued']}, served {j['served']}, no-show {j['no_show']}, "
              f"median wait {j['median_wait_minutes'] if j['median_wait_minutes'] is not None else '-'} min")
        return 0
    finally:
        app.close()


def _fields(args: argparse.Namespace) -> int:
    app = open_app(args)
    try:
        for f in _service(app).fields():
            print(f)
        return 0
    finally:
        app.close()

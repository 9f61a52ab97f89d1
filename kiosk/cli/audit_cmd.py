"""`kiosk audit list|export`: the append-only audit log for supervisors and support.

Why: who did what to which dossier, when and at which kiosk must be answerable without the GUI and exportable
for an inspection. Dates are office-local days; `--to` includes that whole day. Rows hold usernames and
salted citizen hashes, never a citizen's raw ID, name or phone.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from kiosk.cli import CliError
from kiosk.cli.staff_cmd import open_app


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("audit", help="view and export the append-only audit log")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION")

    def filters(a: argparse.ArgumentParser, *, dates_required: bool = False) -> None:
        a.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", required=dates_required)
        a.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", required=dates_required, help="inclusive")
        a.add_argument("--staff", metavar="USERNAME")
        a.add_argument("--dossier", metavar="CODE")
        a.add_argument("--action", metavar="NAME", help='exact ("dossier.accept") or a prefix ending in "." ("queue.")')
        a.add_argument("--kiosk", metavar="ID")

    ls = asub.add_parser("list", help="list audit events, newest first")
    filters(ls)
    ls.add_argument("--limit", type=int, default=200)
    ls.add_argument("--json", action="store_true", help="one JSON array")
    ls.set_defaults(func=_list)

    ex = asub.add_parser("export", help="export audit events (oldest first) to a file")
    filters(ex, dates_required=True)
    ex.add_argument("--format", required=True, choices=("csv", "jsonl"))
    ex.add_argument("--out", required=True, metavar="FILE", help='"-" for standard output')
    ex.set_defaults(func=_export)

    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


def _day(text: str, tz: Any, flag: str) -> datetime:
    try:
        d = datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise CliError(f"{flag}: expected YYYY-MM-DD, got {text!r}", 2) from None
    return datetime.combine(d, time(0), tz)


def _filter(args: argparse.Namespace, tz: Any) -> Any:
    from kiosk.core.audit_log import AuditFilter

    start = _day(args.date_from, tz, "--from") if args.date_from else None
    end = _day(args.date_to, tz, "--to") + timedelta(days=1) if args.date_to else None
    if start and end and end <= start:
        raise CliError("--to is before --from", 2)
    return AuditFilter(start=start, end=end, staff=args.staff, action=args.action, dossier_code=args.dossier,
                       kiosk_id=args.kiosk)


def _list(args: argparse.Namespace) -> int:
    from kiosk.core.audit_log import AuditLog, to_text

    app = open_app(args)
    try:
        tz = app.settings.tz
        rows = AuditLog(app.session_factory).query(_filter(args, tz), limit=max(1, args.limit))
        if args.json:
            print(json.dumps([r.as_json(tz) for r in rows], ensure_ascii=False))
        else:
            sys.stdout.write(to_text(rows, tz))
            print(f"{len(rows)} event(s)", file=sys.stderr)
        return 0
    finally:
        app.close()


def _export(args: argparse.Namespace) -> int:
    from kiosk.core.audit_log import AuditLog

    app = open_app(args)
    try:
        tz = app.settings.tz
        log = AuditLog(app.session_factory)
        f = _filter(args, tz)
        if args.out == "-":
            n = log.export(f, args.format, sys.stdout, tz)
        else:
            try:
                n = log.export_file(f, args.format, Path(args.out), tz)
            except OSError as exc:
                raise CliError(f"cannot write {args.out}: {exc.strerror}", 1) from None
        print(f"exported {n} event(s)" + ("" if args.out == "-" else f" to {args.out}"), file=sys.stderr)
        return 0
    finally:
        app.close()

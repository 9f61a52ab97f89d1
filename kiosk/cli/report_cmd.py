"""`kiosk report …`: the supervisor's summary as JSON, PDF or XLSX, and the dossiers behind any figure.

    kiosk report daily --date 2026-11-19 [--format json|pdf|xlsx] [--out FILE]
    kiosk report daily --from 2026-11-01 --to 2026-11-30 --format xlsx --out nov.xlsx
    kiosk report week|month --date D        (the week Mon–Sun / the calendar month containing D)
    kiosk report drill overdue_in_progress --date D   (one dossier code per line)

Why a command line: the same figures are scripted into provincial reporting and checked independently;
JSON goes to stdout unless --out is given, PDF/XLSX need a file (default under the data dir).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.cli import CliError

FORMATS = ("json", "pdf", "xlsx")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report", help="end-of-day summary and QĐ 766 indicators (json, pdf, xlsx)")
    rsub = p.add_subparsers(dest="report_command", metavar="KIND")
    for name, help_text in (
        ("daily", "one day (--date, default today) or a range (--from/--to)"),
        ("range", "any range of days (--from/--to)"),
        ("week", "the week (Monday–Sunday) containing --date"),
        ("month", "the calendar month containing --date"),
    ):
        r = rsub.add_parser(name, help=help_text)
        _period_args(r)
        r.add_argument("--format", choices=FORMATS, default="json", help="output format (default json)")
        r.add_argument("--out", metavar="FILE", help="write here (json: default stdout; pdf/xlsx: default data dir)")
        r.add_argument("--chart-days", type=int, default=30, metavar="N", help="days in the chart (default 30)")
        r.set_defaults(func=_report, kind=name)
    d = rsub.add_parser("drill", help="list the dossier codes behind one figure (a JSON key)")
    d.add_argument("metric", help="e.g. overdue_in_progress, finished_late, received_by_channel.online")
    _period_args(d)
    d.add_argument("--json", action="store_true", help="print a JSON list")
    d.set_defaults(func=_drill, kind="daily")
    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


def _period_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today, office time)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day of a range")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day of a range (default: --from)")
    p.add_argument("--agency", metavar="CODE", help="only this branch (agency code)")
    p.add_argument("--kiosk", metavar="ID", help="only this kiosk")
    p.add_argument("--field", help="only this field (lĩnh vực), as in the catalogue")
    p.add_argument("--procedure", metavar="CODE", help="only this procedure code")


def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"{option}: not a date: {text!r} (expected YYYY-MM-DD)", 2) from None


def resolve_period(args: argparse.Namespace, today: date) -> Any:
    from kiosk.core.reports import Period

    if args.date and (args.date_from or args.date_to):
        raise CliError("give either --date or --from/--to, not both", 2)
    if args.date_to and not args.date_from:
        raise CliError("--to needs --from", 2)
    if args.kind == "range" and not args.date_from:
        raise CliError("report range needs --from (and --to)", 2)
    if args.date_from:
        if args.kind in ("week", "month"):
            raise CliError(f"report {args.kind} takes --date, not --from/--to", 2)
        start = parse_day(args.date_from, "--from")
        end = parse_day(args.date_to, "--to") if args.date_to else start
        if end < start:
            raise CliError(f"--to ({end}) is before --from ({start})", 2)
        if (end - start).days > 3660:
            raise CliError("the range is longer than ten years", 2)
        return Period.between(start, end)
    day = parse_day(args.date, "--date") if args.date else today
    return {"week": Period.week, "month": Period.month}.get(args.kind, Period.day)(day)


def resolve_filters(args: argparse.Namespace) -> Any:
    from kiosk.core.reports import ReportFilters

    return ReportFilters(
        agency_code=args.agency, kiosk_id=args.kiosk, field=args.field, procedure_code=args.procedure
    )


def _open_app(args: argparse.Namespace) -> Any:
    from sqlalchemy.exc import OperationalError

    from kiosk.app import build_app
    from kiosk.config import load_settings

    try:
        return build_app(load_settings(args.config), sync_catalogue=False)
    except OperationalError as exc:
        raise CliError(f"cannot open the database: {exc.orig}", 1) from None


def _report(args: argparse.Namespace) -> int:
    if not 1 <= args.chart_days <= 366:
        raise CliError("--chart-days must be between 1 and 366", 2)
    app = _open_app(args)
    try:
        svc = app.reports
        period = resolve_period(args, svc.today())
        filters = resolve_filters(args)
        report = svc.summary(period, filters)
        if args.format == "json":
            text = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
            if args.out:
                _write(Path(args.out), (text + "\n").encode())
            else:
                sys.stdout.write(text + "\n")
            return 0
        out = Path(args.out) if args.out else _default_out(app.settings.data_dir, period, args.format)
        if args.format == "pdf":
            from kiosk.exports.report_pdf import render_report_pdf

            series = svc.daily_series(args.chart_days, end=period.end, filters=filters)
            data = render_report_pdf(
                report, series, unit_name=app.settings.unit_name, parent_body=app.settings.parent_body,
                generated_at=app.calendar.local(app.clock.now()),
            )
        else:
            from kiosk.exports.report_xlsx import render_report_xlsx

            data = render_report_xlsx(
                report, svc.dossier_rows(period, filters), app.settings.tz, unit_name=app.settings.unit_name
            )
        _write(out, data)
        print(out)
        return 0
    finally:
        app.close()


def _drill(args: argparse.Namespace) -> int:
    from kiosk.core.reports import UnknownMetric

    app = _open_app(args)
    try:
        svc = app.reports
        period = resolve_period(args, svc.today())
        try:
            codes = svc.dossiers_behind(args.metric, period, resolve_filters(args))
        except UnknownMetric:
            raise CliError(f"no dossier list for {args.metric!r}; one of: {', '.join(svc.metric_keys())}", 2) from None
        if args.json:
            print(json.dumps(codes))
        else:
            for code in codes:
                print(code)
        return 0
    finally:
        app.close()


def _default_out(data_dir: Path, period: Any, fmt: str) -> Path:
    name = f"bao-cao-{period.start:%Y%m%d}" + (f"-{period.end:%Y%m%d}" if period.end != period.start else "")
    return data_dir / "reports" / f"{name}.{fmt}"


def _write(path: Path, data: bytes) -> None:
    try:
        from kiosk.security import write_private_file

        write_private_file(path, data)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}", 1) from None

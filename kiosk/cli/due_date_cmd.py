"""`kiosk due-date`: the statutory due time for a received time and a limit (or a procedure's limit)."""

from __future__ import annotations

import argparse
import json
import math

from kiosk.cli import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("due-date", help="compute the normalised start and the due time")
    p.add_argument("--received", required=True, help='received time, "YYYY-MM-DD HH:MM" (office time)')
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--working-days", type=float, metavar="N")
    g.add_argument("--calendar-days", type=float, metavar="N")
    g.add_argument("--working-hours", type=float, metavar="H")
    g.add_argument("--same-day", action="store_true", help="same-day request (15:00 rule)")
    g.add_argument("--procedure", metavar="CODE", help="use the catalogue's limit for this procedure")
    p.add_argument("--json", action="store_true", help="print JSON with keys start and due")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.config import load_settings
    from kiosk.core.calendar import CalendarCoverageError, OfficeHours, WorkCalendar, parse_local
    from kiosk.core.timelimits import TimeLimit

    settings = load_settings(args.config)
    cal = WorkCalendar(hours=OfficeHours.from_settings(settings.office_hours), tz=settings.tz)
    try:
        received = parse_local(args.received, settings.tz)
    except ValueError as exc:
        raise CliError(str(exc), 2) from None
    for name in ("working_days", "calendar_days", "working_hours"):
        v = getattr(args, name)
        if v is not None and not (math.isfinite(v) and 0 <= v <= 3650):  # nan and inf are not limits
            raise CliError(f"--{name.replace('_', '-')} must be a number between 0 and 3650", 2)
    if args.procedure:
        from kiosk.core.catalogue import CatalogueError, load_configured_catalogue

        try:
            proc = load_configured_catalogue(settings).get(args.procedure, on=received.date())
        except CatalogueError as exc:
            raise CliError(str(exc), 1) from None
        limit = proc.time_limit.as_time_limit()
    elif args.same_day:
        limit = TimeLimit("same_day")
    elif args.working_days is not None:
        limit = TimeLimit("working_days", args.working_days)
    elif args.calendar_days is not None:
        limit = TimeLimit("calendar_days", args.calendar_days)
    else:
        limit = TimeLimit("working_hours", args.working_hours)
    try:
        result = cal.due_date(received, limit)
    except (ValueError, OverflowError) as exc:  # a year the calendar does not cover, or beyond year 9999
        message = str(exc) if isinstance(exc, CalendarCoverageError) else "the due date falls beyond the year 9999"
        raise CliError(message, 2) from None
    due = result.due.isoformat() if result.due else None
    if args.json:
        print(json.dumps({"start": result.start.isoformat(), "due": due, "limit": limit.describe_en()}))
    else:
        print(f"start {result.start:%Y-%m-%d %H:%M}")
        print(f"due   {result.due:%Y-%m-%d %H:%M}" if result.due else "due   (no time limit)")
    return 0

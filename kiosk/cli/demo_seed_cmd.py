"""`kiosk demo seed --days N --per-day M [--start YYYY-MM-DD] [--seed S]`: add synthetic history.

Why here and not in demo_cmd.py: `kiosk demo` belongs to the UI demo; this module only contributes the
arguments of the ``seed`` action and its handler (the simulation itself is kiosk/core/seed.py). Seeding adds
rows, never wipes, and may run in several processes at once.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time

from kiosk.cli import CliError


def add_seed_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("seed (kiosk demo seed …)")
    g.add_argument("--days", type=int, default=20, metavar="N", help="seed: working days to fill (default 20)")
    g.add_argument("--per-day", type=int, default=30, metavar="M", help="seed: dossiers per working day (default 30)")
    g.add_argument("--start", metavar="YYYY-MM-DD", help="seed: first day (default: N working days ending yesterday)")
    g.add_argument("--seed", dest="rng_seed", type=int, metavar="S", help="seed: random seed, for repeatable data")


def run_seed(args: argparse.Namespace) -> int:
    from kiosk.app import build_app
    from kiosk.cli.report_cmd import parse_day
    from kiosk.core.seed import Seeder

    if not 1 <= args.days <= 3660 or not 1 <= args.per_day <= 9999:
        raise CliError("--days must be 1…3660 and --per-day 1…9999", 2)
    app = build_app(config_file=args.config)  # syncs the catalogue into the procedures table
    try:
        seeder = Seeder(
            app.session_factory, app.calendar, agency_code=app.settings.agency_code, now=app.clock.now(),
            rng=random.Random(args.rng_seed), kiosk_counts_as_online=app.settings.workflow.kiosk_counts_as_online,
        )
        start = parse_day(args.start, "--start") if args.start else seeder.default_start(args.days)
        t0 = time.perf_counter()
        try:
            result = seeder.seed(start, args.days, args.per_day)
        except ValueError as exc:
            raise CliError(str(exc), 1) from None
        out = {
            "days": len(result.days),
            "first_day": result.days[0].isoformat() if result.days else None,
            "last_day": result.days[-1].isoformat() if result.days else None,
            "dossiers": result.dossiers,
            "events": result.events,
            "kiosk_sessions": result.sessions,
            "first_code": result.first_code,
            "last_code": result.last_code,
            "seconds": round(time.perf_counter() - t0, 2),
        }
        if getattr(args, "json", False):
            print(json.dumps(out))
        else:
            print(
                f"{out['dossiers']} dossiers over {out['days']} working days ({out['first_day']} … {out['last_day']}), "
                f"{out['events']} events, {out['kiosk_sessions']} kiosk sessions in {out['seconds']} s"
            )
            if len(result.days) < args.days:
                print("(days after today are not seeded)", file=sys.stderr)
        return 0
    finally:
        app.close()

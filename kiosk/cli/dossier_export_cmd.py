"""`kiosk dossier export --from D --to D --format jsonl [--out FILE]`: raw dossiers for independent checks.

Why a separate module: the `kiosk dossier` group (dossier_cmd.py) holds the counter actions; the export is a
read-only reporting tool with its own contract (keys in kiosk/core/dossier_export.py), plugged into that
group by ``add_export_parser``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.cli import CliError


def add_export_parser(dossier_sub: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    e = dossier_sub.add_parser(
        "export", help="dossiers of a period as JSON Lines (one per line), to recompute the report figures"
    )
    e.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD", help="first day (office time)")
    e.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day (default: --from)")
    e.add_argument("--format", choices=("jsonl",), default="jsonl", help="output format (jsonl)")
    e.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    e.add_argument("--agency", metavar="CODE", help="only this branch (agency code)")
    e.set_defaults(func=run_export)
    return e


def run_export(args: argparse.Namespace) -> int:
    from kiosk.cli.report_cmd import parse_day
    from kiosk.core.dossier_export import iter_dossiers, write_jsonl

    start = parse_day(args.date_from, "--from")
    end = parse_day(args.date_to, "--to") if args.date_to else start
    if end < start:
        raise CliError(f"--to ({end}) is before --from ({start})", 2)
    app = _open_app(args)
    try:
        lines = iter_dossiers(app.session_factory, start, end, app.settings.tz, agency_code=args.agency)
        if not args.out:
            write_jsonl(lines, sys.stdout)
            return 0
        path = Path(args.out)
        tmp = path.with_name(path.name + ".part")
        try:
            from kiosk.security import open_private

            with open_private(tmp, "w", encoding="utf-8") as f:  # 0600: the export is personal data
                n = write_jsonl(lines, f)
            tmp.replace(path)  # a reader never sees half a file
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise CliError(f"cannot write {path}: {exc.strerror or exc}", 1) from None
        print(f"{n} dossiers → {path}", file=sys.stderr)
        return 0
    finally:
        app.close()


def _open_app(args: argparse.Namespace) -> Any:
    from sqlalchemy.exc import OperationalError

    from kiosk.app import build_app
    from kiosk.config import load_settings

    try:
        return build_app(load_settings(args.config), sync_catalogue=False)
    except OperationalError as exc:
        raise CliError(f"cannot open the database: {exc.orig}", 1) from None

"""`kiosk db …`: create or migrate the configured database."""

from __future__ import annotations

import argparse

from kiosk.cli import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("db", help="database maintenance")
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION")
    up = dsub.add_parser("upgrade", help="create the database or migrate it to the latest schema")
    up.set_defaults(func=_upgrade)
    cur = dsub.add_parser("current", help="print the schema revision")
    cur.set_defaults(func=_current)
    bk = dsub.add_parser("backup", help="online, consistent copy of the database to FILE (mode 0600)")
    bk.add_argument("file", metavar="FILE")
    bk.set_defaults(func=_backup)
    rs = dsub.add_parser("restore", help="replace the database with a backup FILE (stop the kiosk first)")
    rs.add_argument("file", metavar="FILE")
    rs.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rs.set_defaults(func=_restore)
    pg = dsub.add_parser(
        "purge", help="delete personal data past its retention ([retention] settings): scans, receipt PDFs, "
        "OTP rows, delivered outbox rows, the demo SMS outbox",
    )
    pg.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    pg.add_argument("--json", action="store_true", help="print the counts as JSON")
    pg.set_defaults(func=_purge)
    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


def _engine(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kiosk.config import load_settings
    from kiosk.models.database import create_db_engine

    settings = load_settings(args.config)
    return create_db_engine(settings.effective_database_url)


def _upgrade(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from kiosk.models.database import current_revision, upgrade

    engine = _engine(args)
    try:
        upgrade(engine)
        print(f"database at revision {current_revision(engine)}")
    except OperationalError as exc:
        raise CliError(f"cannot open the database: {exc.orig}", 1) from None
    finally:
        engine.dispose()
    return 0


def _current(args: argparse.Namespace) -> int:
    from kiosk.models.database import current_revision, head_revision

    engine = _engine(args)
    try:
        print(f"current {current_revision(engine) or '(empty)'} head {head_revision()}")
    finally:
        engine.dispose()
    return 0


def _backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.config import load_settings
    from kiosk.models.backup import BackupError, backup

    settings = load_settings(args.config)
    try:
        out = backup(settings.effective_database_url, Path(args.file))
    except BackupError as exc:
        raise CliError(str(exc), 1) from None
    print(f"backup written to {out} ({out.stat().st_size} bytes)")
    return 0


def _restore(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from kiosk.config import load_settings
    from kiosk.models.backup import BackupError, restore

    settings = load_settings(args.config)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("restore replaces the database: confirm with --yes", 2)
        if input("This replaces the current database. Type YES to go on: ").strip() != "YES":
            raise CliError("restore cancelled", 1)
    try:
        kept = restore(settings.effective_database_url, Path(args.file))
    except BackupError as exc:
        raise CliError(str(exc), 1) from None
    print(f"database restored from {args.file}" + (f"; previous database kept as {kept}" if kept else ""))
    return 0


def _purge(args: argparse.Namespace) -> int:
    import json

    from sqlalchemy.exc import OperationalError

    from kiosk.app import build_app
    from kiosk.config import load_settings
    from kiosk.core.retention import purge

    settings = load_settings(args.config)
    try:
        app = build_app(settings, sync_catalogue=False)
    except OperationalError as exc:
        raise CliError(f"cannot open the database: {exc.orig}", 1) from None
    try:
        report = purge(app.session_factory, settings, app.clock.now(), dry_run=args.dry_run)
    finally:
        app.close()
    print(json.dumps(report.as_json(), ensure_ascii=False) if args.json else report.table())
    return 0

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

"""`kiosk sync …`: deliver the outbox to the provincial system / national portal, and show its state."""

from __future__ import annotations

import argparse
import json
import signal
import threading

from kiosk.cli import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="send dossier events to the provincial system (outbox)")
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION")
    run = ssub.add_parser("run", help="deliver due events with back-off (until stopped, or one pass with --once)")
    run.add_argument("--once", action="store_true", help="one pass (deliver due events, pull statuses), then exit")
    run.set_defaults(func=_run)
    st = ssub.add_parser("status", help="pending / sent / retrying events and dossiers by sync state")
    st.add_argument("--json", action="store_true", help="machine-readable output")
    st.set_defaults(func=_status)
    pv = ssub.add_parser(
        "preview", help="print, as JSON, the data list the national portal (DVCQG) would get for a dossier; sends nothing"
    )
    pv.add_argument("code", metavar="CODE", help="dossier code, e.g. 000.00.06.H56-261125-0001")
    pv.add_argument(
        "--service", choices=("DongBoHoSoMC", "CapNhatTienDoHoSoMC"), default="DongBoHoSoMC",
        help="DongBoHoSoMC: the dossier object (default); CapNhatTienDoHoSoMC: its progress entries not yet sent",
    )
    pv.add_argument("--all", action="store_true", help="progress: every entry, also those already sent")
    pv.set_defaults(func=_preview)
    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    from kiosk.config import load_settings
    from kiosk.models.database import open_database

    settings = load_settings(args.config)
    try:
        engine, factory = open_database(settings.effective_database_url)
    except OperationalError as exc:
        raise CliError(f"cannot open the database: {exc.orig}", 1) from None
    return settings, engine, factory


def _run(args: argparse.Namespace) -> int:
    from kiosk.cli.staff_cmd import open_app
    from kiosk.integrations.sync.adapters import SyncError

    app = open_app(args)  # the composed app: its one outbox sender (App.sync_sender) for the configured adapter
    settings = app.settings
    sender = None
    try:
        sender = app.sync_sender
        if args.once:
            report = sender.run_once()
            try:
                pulled = sender.pull_statuses()
            except SyncError as exc:
                print(f"status pull failed: {exc}")
                pulled = 0
            print(
                f"{sender.adapter.name}: delivered {report.delivered}, failed {report.failed}, "
                f"skipped {report.skipped}, statuses updated {pulled}"
            )
            return 0 if report.failed == 0 else 3
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        sender.run_forever(stop, interval_s=settings.sync.interval_s, pull_every_s=settings.sync.pull_every_s)
        return 0
    finally:
        if sender is not None:
            sender.adapter.close()
        app.close()


def _status(args: argparse.Namespace) -> int:
    """What the outbox holds, read from the database of the composed app; nothing is sent, so the sender
    (App.sync_sender, which `sync run` uses) is not built here."""
    from kiosk.cli.staff_cmd import open_app
    from kiosk.integrations.dvcqg.adapter import portal_summary
    from kiosk.integrations.sync.outbox import summarise

    app = open_app(args)
    settings = app.settings
    try:
        with app.session_factory() as s:
            sm = summarise(s)
            portal = portal_summary(s)
    finally:
        app.close()
    data = {
        "adapter": settings.sync.adapter,
        "pending": sm.pending,
        "sent": sm.sent,
        "retrying": sm.retrying,
        "oldest_pending_at": sm.oldest_pending_at.isoformat() if sm.oldest_pending_at else None,
        "last_error": sm.last_error,
        "dossiers_by_sync_state": sm.dossiers_by_state,
        **portal,
    }
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        for k, v in data.items():
            print(f"{k}: {v}")
    return 0


def _preview(args: argparse.Namespace) -> int:
    from kiosk.core.portal_payload import PROGRESS_SERVICE, dossier_view, load_mapping, progress_entries
    from kiosk.integrations.dvcqg.adapter import portal_context, preview

    settings, engine, factory = _open(args)
    try:
        try:
            mapping = load_mapping(settings.sync.dvcqg.mapping_file)
        except ValueError as exc:
            raise CliError(str(exc), 1) from None
        ctx = portal_context(settings)
        with factory() as s:
            try:
                if args.all and args.service == PROGRESS_SERVICE:
                    from sqlalchemy import select

                    from kiosk.models.tables import Dossier

                    d = s.scalar(select(Dossier).where(Dossier.code == args.code.strip()))
                    if d is None:
                        raise LookupError(args.code)
                    data = [e for _, e in progress_entries(dossier_view(s, d), mapping, ctx)]
                else:
                    data = preview(s, args.code, args.service, mapping, ctx)
            except LookupError:
                raise CliError(f"không có hồ sơ {args.code.strip()} / no dossier {args.code.strip()}", 1) from None
    finally:
        engine.dispose()
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0

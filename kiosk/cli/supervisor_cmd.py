"""`kiosk supervisor`: open the supervisor's end-of-day screen (PIN login, role supervisor or admin)."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("supervisor", help="open the supervisor summary screen (staff PIN, role supervisor)")
    p.add_argument("--fullscreen", action="store_true", help="fill the screen")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from kiosk.app import build_app
    from kiosk.config import load_settings

    try:
        app = build_app(load_settings(args.config), sync_catalogue=False)
    except OperationalError as exc:
        raise CliError(f"cannot open the database: {exc.orig}", 1) from None
    try:
        from PySide6.QtGui import QGuiApplication

        from kiosk.ui.supervisor.window import load_window

        qapp = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
        try:
            engine, window, vm = load_window(app, fullscreen=args.fullscreen)
        except RuntimeError as exc:
            raise CliError(str(exc), 1) from None
        rc = qapp.exec()
        vm.worker.wait(5000)
        del engine, window
        return int(rc)
    finally:
        app.close()

"""`kiosk hall`: the hall screen that shows the numbers called to the counters (optionally spoken)."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli import CliError
from kiosk.cli.staff_cmd import open_app


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("hall", help='open the hall screen ("Số 015 → Quầy 3", waiting counts)')
    p.add_argument("--fullscreen", action="store_true", help="fill the screen")
    p.add_argument("--voice", action="store_true", help="speak each call (QtTextToSpeech)")
    p.add_argument("--tts-engine", metavar="NAME", help='speech engine (e.g. "speechd"; "mock" for tests)')
    p.add_argument("--poll-ms", type=int, default=2000, help="how often to read the queue (ms)")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    app = open_app(args)
    try:
        from PySide6.QtGui import QGuiApplication

        from kiosk.ui.hall.window import load_hall

        qapp = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
        try:
            engine, window, vm = load_hall(app, fullscreen=args.fullscreen, poll_ms=max(250, args.poll_ms),
                                           voice=args.voice, tts_engine=args.tts_engine)
        except RuntimeError as exc:
            raise CliError(str(exc), 1) from None
        rc = qapp.exec()
        vm.timer.stop()
        del engine, window
        return int(rc)
    finally:
        app.close()

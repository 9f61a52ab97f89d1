"""`kiosk console`: the counter console window for the officer's PC (staff login with PIN)."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("console", help="open the counter console (accept, supplement, refuse, return …)")
    p.add_argument("--poll-s", type=float, default=5.0, help="how often to re-read the queue and help calls")
    p.add_argument("--screenshot", metavar="PNG", help="render the login screen to a PNG and exit (smoke test)")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.cli.staff_cmd import open_app

    if not 1 <= args.poll_s <= 300:
        raise CliError("--poll-s must be between 1 and 300", 2)
    try:
        from PySide6.QtWidgets import QApplication

        from kiosk.ui.console.window import ConsoleWindow
    except ImportError as exc:
        raise CliError(f"the console needs PySide6 and its system libraries: {exc}", 1) from None
    app = open_app(args)
    try:
        qapp = QApplication.instance() or QApplication(sys.argv[:1])
        _register_fonts()
        win = ConsoleWindow(app, poll_ms=int(args.poll_s * 1000))
        if args.screenshot:
            win.show()
            qapp.processEvents()
            win.grab().save(args.screenshot)
            win.close()
            print(args.screenshot)
            return 0
        win.show()
        from kiosk.ui.application import run_housekeeping

        _timers = run_housekeeping(qapp)  # noqa: F841 - GC on the GUI thread only; systemd notify when present
        return int(qapp.exec())
    finally:
        app.close()


def _register_fonts() -> None:
    from pathlib import Path

    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    fonts = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    family = None
    for ttf in sorted(fonts.glob("BeVietnamPro-*.ttf")):
        fid = QFontDatabase.addApplicationFont(str(ttf))
        if fid >= 0 and family is None:
            family = QFontDatabase.applicationFontFamilies(fid)[0]
    if family:
        QApplication.setFont(QFont(family, 10))

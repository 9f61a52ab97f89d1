"""`kiosk run`: the kiosk itself - full screen, frameless, cursor hidden, real devices, one instance only.

``kiosk run --smoke`` loads every page offscreen, fails on any QML warning, prints one line and exits 0: the
check a packaged build or a freshly installed kiosk runs before it goes live. ``kiosk run --first-frame``
starts the kiosk offscreen exactly as ``kiosk run`` does and quits when the first frame is on screen,
printing ``first-frame <CLOCK_MONOTONIC seconds>`` (benchmarks/startup.py times it).
"""

from __future__ import annotations

import argparse
import os

from kiosk.cli import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("run", help="start the kiosk touch UI (full screen, real devices)")
    p.add_argument("--smoke", action="store_true", help="load every page offscreen and exit 0 if all is well")
    p.add_argument("--windowed", action="store_true", help="a normal window instead of full screen (service use)")
    p.add_argument("--first-frame", action="store_true",
                   help="offscreen: quit at the first frame and print its monotonic time (startup benchmark)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.smoke or getattr(args, "first_frame", False):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.app import build_app
    from kiosk.config import load_settings
    from kiosk.ui.application import acquire_single_instance, build_ui, ensure_gui_app
    from kiosk.ui.services import UiServices

    settings = load_settings(args.config)
    ensure_gui_app()
    lock = acquire_single_instance(settings.data_dir / "kiosk-ui.lock")
    if lock is None:
        raise CliError("another kiosk UI is already running (lock file in the data folder)", 3)
    app = build_app(settings)
    try:
        services = UiServices(app)
        if args.smoke:
            return _smoke(services)
        if getattr(args, "first_frame", False):
            return _first_frame(services)
        mode = "windowed" if args.windowed else "fullscreen"
        ui = build_ui(services, mode=mode, hide_cursor=not args.windowed, install_excepthook=True)
        rc = ui.app.exec()
        ui.close()
        return int(rc)
    finally:
        app.close()
        lock.unlock()


def _smoke(services: object) -> int:
    from kiosk.ui.application import build_ui
    from kiosk.ui.kiosk_view_model import PAGES

    ui = build_ui(services, mode="offscreen")
    for lang in ("vi", "en"):
        ui.vm.setLanguage(lang)
        for page in PAGES:
            ui.vm.goTo(page)
            ui.app.processEvents()
        ui.vm.goTo("welcome")
    warnings = list(ui.warnings)
    ui.close()
    if warnings:
        raise CliError("QML warnings: " + " | ".join(warnings[:5]), 1)
    print(f"kiosk run --smoke: OK ({len(PAGES)} pages, vi and en)")
    return 0


def _first_frame(services: object) -> int:
    """Start as the kiosk does (offscreen) and stop at the first frameSwapped; print when it happened."""
    import time

    from kiosk.ui.application import build_ui

    from PySide6.QtCore import QTimer

    ui = build_ui(services, mode="offscreen")
    seen: list[float] = []

    def swapped() -> None:
        if not seen:
            seen.append(time.monotonic())
            QTimer.singleShot(0, ui.app.quit)  # queued: a frame drawn before exec() must not lose the quit

    ui.window.frameSwapped.connect(swapped)
    QTimer.singleShot(30000, ui.app.quit)  # never hang a benchmark
    ui.app.exec()
    ui.close()
    print(f"first-frame {seen[0]:.6f}" if seen else "first-frame none", flush=True)
    return 0

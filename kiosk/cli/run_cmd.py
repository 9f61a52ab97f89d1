"""`kiosk run`: the kiosk itself - full screen, frameless, cursor hidden, real devices, one instance only.

``kiosk run --smoke`` loads every page offscreen, fails on any QML warning, prints one line and exits 0: the
check a packaged build or a freshly installed kiosk runs before it goes live. ``kiosk run --first-frame``
starts the kiosk offscreen exactly as ``kiosk run`` does and quits when the first frame is on screen,
printing ``first-frame <CLOCK_MONOTONIC seconds>`` (benchmarks/startup.py times it); it then waits until the
database and catalogue are ready (the Welcome buttons enabled) and prints ``ready <seconds>`` too.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Any

from kiosk.cli import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("run", help="start the kiosk touch UI (full screen, real devices)")
    p.add_argument("--smoke", action="store_true", help="load every page offscreen and exit 0 if all is well")
    p.add_argument("--windowed", action="store_true", help="a normal window instead of full screen (service use)")
    p.add_argument("--first-frame", action="store_true",
                   help="offscreen: quit at the first frame and print its monotonic time (startup benchmark)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """The Welcome page first, the database second.

    Nothing a first frame does not need is imported or opened before it: the QML window with the Welcome page
    (which needs no services) is shown, and only after its first frame the App (SQLAlchemy, migrations when
    the schema is behind, the catalogue) is built on a worker thread; the Welcome buttons are enabled when it
    is ready. A failure there ends ``kiosk run`` with the same one-line error as before.
    """
    first_frame = getattr(args, "first_frame", False)
    if args.smoke or first_frame:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.config import load_settings
    from kiosk.ui.application import acquire_single_instance, build_ui, ensure_gui_app
    from kiosk.ui.services import UiServices

    settings = load_settings(args.config)
    ensure_gui_app()
    lock = acquire_single_instance(settings.data_dir / "kiosk-ui.lock")
    if lock is None:
        raise CliError("another kiosk UI is already running (lock file in the data folder)", 3)
    if args.smoke:
        from kiosk.app import build_app

        app = build_app(settings)
        try:
            return _smoke(UiServices(app))
        finally:
            app.close()
            lock.unlock()
    services = UiServices(None, settings=settings)
    if first_frame:
        mode = "offscreen"
    else:
        mode = "windowed" if args.windowed else "fullscreen"
    ui = build_ui(services, mode=mode, hide_cursor=not (args.windowed or first_frame), install_excepthook=not first_frame)
    start = _Startup(ui, services, settings, quit_when_ready=first_frame)
    try:
        rc = ui.app.exec()
        ui.close()
        if start.error is not None:
            raise start.error
        if first_frame:
            print(f"first-frame {start.first_frame:.6f}" if start.first_frame else "first-frame none", flush=True)
            print(f"ready {start.ready:.6f}" if start.ready else "ready none", flush=True)
            return 0
        return int(rc)
    finally:
        if services.app is not None:
            services.app.close()
        lock.unlock()


class _Startup:
    """After the first frame: build the App on the worker, attach it, enable the Welcome buttons."""

    def __init__(self, ui: Any, services: Any, settings: Any, *, quit_when_ready: bool) -> None:
        from PySide6.QtCore import QObject, Qt, QTimer, Slot

        self.ui, self.services, self.settings = ui, services, settings
        self.quit_when_ready = quit_when_ready
        self.first_frame: float | None = None
        self.ready: float | None = None
        self.error: BaseException | None = None
        outer = self

        class Relay(QObject):  # a GUI-thread receiver: frameSwapped comes from the render thread
            @Slot()
            def swapped(self) -> None:
                outer._on_first_frame()

        self._relay = Relay()
        self._connection = ui.window.frameSwapped.connect(self._relay.swapped, Qt.ConnectionType.QueuedConnection)
        if quit_when_ready:
            QTimer.singleShot(30000, ui.app.quit)  # never hang a benchmark

    def _on_first_frame(self) -> None:
        if self.first_frame is not None:
            return
        self.first_frame = time.monotonic()
        self.ui.window.frameSwapped.disconnect(self._relay.swapped)
        settings = self.settings

        def build() -> Any:
            from kiosk.app import build_app

            return build_app(settings)

        self.ui.vm.worker.submit(build, self._on_ready, self._on_error)

    def _on_ready(self, app: Any) -> None:
        self.ready = time.monotonic()
        self.services.attach(app)
        self.ui.vm.services_ready()
        if self.quit_when_ready:
            self.ui.app.quit()

    def _on_error(self, exc: BaseException) -> None:
        self.error = exc
        self.ui.app.exit(1)


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

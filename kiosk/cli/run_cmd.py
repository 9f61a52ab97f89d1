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
    """The Welcome page first; settings, the lock and the database after it.

    Nothing a first frame does not need is imported or opened before it: the QGuiApplication, the fonts, the
    translator and the QML window with the Welcome page (its buttons disabled, "Đang khởi động…" under them)
    come first, with ``UiServices(None)`` - no settings yet (pydantic is the biggest import left) and the
    language / text size / contrast defaults of the view model and the QML. After the first frame
    (``frameSwapped`` queued to the GUI thread, then ``QTimer.singleShot(0)`` so the frame is out) the settings
    are loaded and the single-instance lock is taken; a bad configuration or a second instance closes the
    window and ends ``kiosk run`` with the same one-line error and exit code as when they were checked first.
    Then the App (SQLAlchemy, migrations when the schema is behind, the catalogue) is built on a worker thread
    and the Welcome buttons are enabled when it is ready. ``--smoke`` builds everything first, as before.
    """
    first_frame = getattr(args, "first_frame", False)
    if args.smoke or first_frame:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.smoke:
        return _run_smoke(args)
    from kiosk.ui.application import build_ui, ensure_gui_app
    from kiosk.ui.services import UiServices

    ensure_gui_app()
    services = UiServices(None)
    if first_frame:
        mode = "offscreen"
    else:
        mode = "windowed" if args.windowed else "fullscreen"
    ui = build_ui(services, mode=mode, install_excepthook=not first_frame)
    start = _Startup(ui, services, args.config, quit_when_ready=first_frame,
                     hide_cursor=not (args.windowed or first_frame))
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
        if start.lock is not None:
            start.lock.unlock()


def _run_smoke(args: argparse.Namespace) -> int:
    from kiosk.app import build_app
    from kiosk.config import load_settings
    from kiosk.ui.application import acquire_single_instance, ensure_gui_app
    from kiosk.ui.services import UiServices

    settings = load_settings(args.config)
    ensure_gui_app()
    lock = _lock(settings, acquire_single_instance)
    app = build_app(settings)
    try:
        return _smoke(UiServices(app))
    finally:
        app.close()
        lock.unlock()


def _lock(settings: Any, acquire: Any) -> Any:
    lock = acquire(settings.data_dir / "kiosk-ui.lock")
    if lock is None:
        raise CliError("another kiosk UI is already running (lock file in the data folder)", 3)
    return lock


class _Startup:
    """After the first frame: settings and the lock on the GUI thread, then the App on the worker, attach it,
    enable the Welcome buttons."""

    def __init__(self, ui: Any, services: Any, config: str | None, *, quit_when_ready: bool,
                 hide_cursor: bool = False) -> None:
        from PySide6.QtCore import QObject, QTimer, Slot

        self.ui, self.services, self.config = ui, services, config
        self.quit_when_ready, self.hide_cursor = quit_when_ready, hide_cursor
        self.first_frame: float | None = None
        self.ready: float | None = None
        self.error: BaseException | None = None
        self.lock: Any = None
        outer = self

        class Relay(QObject):  # a GUI-thread receiver: frameSwapped may come from the render thread
            @Slot()
            def swapped(self) -> None:
                outer._on_first_frame()

        self._relay = Relay()
        # the default (auto) connection is queued to the relay's thread when the render thread emits; no
        # Qt.ConnectionType here, which would build PySide's Qt namespace (~25 ms) before the first frame
        self._connection = ui.window.frameSwapped.connect(self._relay.swapped)
        if quit_when_ready:
            QTimer.singleShot(30000, ui.app.quit)  # never hang a benchmark

    def _on_first_frame(self) -> None:
        from PySide6.QtCore import QTimer

        if self.first_frame is not None:
            return
        self.first_frame = time.monotonic()
        self.ui.window.frameSwapped.disconnect(self._relay.swapped)
        QTimer.singleShot(0, self._after_first_frame)  # let this frame's event finish first

    def _after_first_frame(self) -> None:
        from kiosk.ui.application import acquire_single_instance, hide_the_cursor

        if self.hide_cursor:
            hide_the_cursor()  # here, not before the frame: Qt.CursorShape builds PySide's Qt namespace (~25 ms)
        try:
            from kiosk.config import load_settings

            settings = load_settings(self.config)
            self.lock = _lock(settings, acquire_single_instance)
        except BaseException as exc:  # noqa: BLE001 - re-raised by run() after the event loop, as one line
            self._on_error(exc)
            return
        self.services.set_settings(settings)

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
            return
        from kiosk.ui.application import run_housekeeping

        self.housekeeping = run_housekeeping(self.ui.app)  # GUI-thread GC, systemd READY + watchdog

    def _on_error(self, exc: BaseException) -> None:
        self.error = exc
        if self.ui.window is not None:
            self.ui.window.hide()  # a second instance or a bad configuration: show nothing more
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

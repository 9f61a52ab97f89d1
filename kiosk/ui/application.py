"""Starting the kiosk UI: fonts, translations, the QML engine, the window, idle watcher, crash handling.

Why one builder: ``kiosk run`` (full screen, real devices), ``kiosk demo`` (windowed or offscreen,
simulated devices) and the tests all start the same UI the same way; only the options differ.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# not the Qt namespace here: PySide builds its enums on first import (~25 ms), which only a full-screen kiosk
# needs before the first frame (build_ui imports it then)
from PySide6.QtCore import QCoreApplication, QLocale, QLockFile, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow  # noqa: F401 - makes the root object a QQuickWindow

from kiosk.ui.idle import IdleWatcher
from kiosk.ui.kiosk_view_model import KioskViewModel

log = logging.getLogger(__name__)

UI_DIR = Path(__file__).resolve().parent
QML_DIR = UI_DIR / "qml"
RESOURCES = UI_DIR.parent / "resources"
TRANSLATIONS_DIR = RESOURCES / "translations"
FONTS_DIR = RESOURCES / "fonts"


def ensure_gui_app(argv: list[str] | None = None) -> QGuiApplication:
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
        app = QGuiApplication(argv or [sys.argv[0]])
    return app  # type: ignore[return-value]


_fonts_loaded = False


def register_fonts() -> str:
    """Be Vietnam Pro (OFL) from resources/fonts, so diacritics render the same on every kiosk."""
    global _fonts_loaded
    family = "Be Vietnam Pro"
    if not _fonts_loaded:
        for ttf in sorted(FONTS_DIR.glob("BeVietnamPro-*.ttf")):
            if QFontDatabase.addApplicationFont(str(ttf)) < 0:
                log.warning("font %s could not be loaded", ttf.name)
        _fonts_loaded = True
    QGuiApplication.setFont(QFont(family, 14))
    return family


def acquire_single_instance(path: Path) -> QLockFile | None:
    """A lock file held while the kiosk runs; None if another kiosk process already holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        lock.removeStaleLockFile()
        if not lock.tryLock(0):
            return None
    return lock


def hide_the_cursor() -> None:
    """A touch kiosk shows no mouse pointer (``kiosk run`` calls this just after its first frame)."""
    from PySide6.QtCore import Qt

    QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)


@dataclass
class KioskUi:
    app: QGuiApplication
    engine: QQmlApplicationEngine
    vm: KioskViewModel
    window: Any
    warnings: list[str] = field(default_factory=list)
    translator: QTranslator | None = None
    idle_watcher: IdleWatcher | None = None

    def set_language(self, lang: str) -> None:
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        tr = QTranslator()
        if tr.load(QLocale("vi_VN" if lang == "vi" else "en_GB"), "kiosk", "_", str(TRANSLATIONS_DIR)):
            QCoreApplication.installTranslator(tr)
            self.translator = tr
        else:
            log.warning("translation kiosk_%s.qm not found", lang)
        self.engine.retranslate()

    def close(self) -> None:
        """Tear down in a fixed order, on the GUI thread: nothing may be left for Python's cyclic garbage
        collector. The view models form reference cycles (each sub view model holds ``root``); left to the
        collector, the whole tree (timers, the worker's thread pool, its relay) would be destroyed whenever a
        collection happens to run - possibly on a worker thread of a later session or test, which destroys
        GUI-thread objects from another thread and crashes the process."""
        import shiboken6
        from PySide6.QtCore import QEvent

        if self.idle_watcher is not None and self.window is not None and shiboken6.isValid(self.window):
            self.window.removeEventFilter(self.idle_watcher)
        vm_alive = shiboken6.isValid(self.vm)
        if vm_alive:
            self.vm.worker.wait(10000)
            # deliver the results already queued while the view models and the QML still exist
            QCoreApplication.sendPostedEvents(None, 0)
        if self.window is not None and shiboken6.isValid(self.window):
            self.window.close()
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        # pages a Loader unloaded wait for a deferred delete: run them while their engine still exists
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # delete the QML before the view models it binds to, so no binding sees a null view model
        if shiboken6.isValid(self.engine):
            shiboken6.delete(self.engine)
        self.window = None
        self.idle_watcher = None
        if vm_alive:
            self.vm.dispose()


def build_ui(services: Any, *, idle_timeout_s: float | None = None, countdown_s: int = 10, mode: str = "windowed",
             hide_cursor: bool = False, install_excepthook: bool = False) -> KioskUi:
    """mode: "fullscreen" (frameless, kiosk run), "windowed" (demo with a display) or "offscreen"."""
    app = ensure_gui_app()
    register_fonts()
    vm = KioskViewModel(services, idle_timeout_s=idle_timeout_s, countdown_s=countdown_s)
    engine = QQmlApplicationEngine()
    ui = KioskUi(app=app, engine=engine, vm=vm, window=None)
    engine.warnings.connect(lambda ws: ui.warnings.extend(w.toString() for w in ws))
    engine.warnings.connect(lambda ws: [log.warning("QML: %s", w.toString()) for w in ws])
    engine.addImportPath(str(QML_DIR))
    ui.set_language("vi")
    vm.languageSwitchRequested.connect(ui.set_language)
    engine.setInitialProperties({"kiosk": vm})
    engine.loadFromModule("Kiosk", "Main")
    roots = engine.rootObjects()
    if not roots:
        raise RuntimeError("the kiosk QML did not load: " + "; ".join(ui.warnings))
    window = roots[0]
    ui.window = window
    if mode == "fullscreen":
        # Qt.Window | Qt.FramelessWindowHint, written as a number: Qt.WindowType would build PySide's Qt
        # namespace (~25 ms) before the first frame
        window.setProperty("flags", 0x0001 | 0x0800)
        window.showFullScreen()
    else:
        window.show()
    if hide_cursor:
        hide_the_cursor()
    # on the window, not the application: every touch, click and key reaches the window first, and a Python
    # filter on the application is called for *every* event of every object, wrapping QML items that are
    # being deleted (DeferredDelete), which crashed under load once deferred deletes ran
    ui.idle_watcher = IdleWatcher(vm.poke, window)
    window.installEventFilter(ui.idle_watcher)
    if install_excepthook:
        previous = sys.excepthook

        def hook(exc_type, exc, tb):  # type: ignore[no-untyped-def]
            log.error("unexpected error: %s", exc_type.__name__, exc_info=(exc_type, exc, tb))
            vm.on_unexpected_error()
            if previous is not sys.__excepthook__:
                previous(exc_type, exc, tb)

        sys.excepthook = hook
    return ui


def run_housekeeping(app: QGuiApplication, *, gc_interval_ms: int = 5000) -> list[Any]:
    """Long-running processes (`kiosk run`, the console): two GUI-thread timers.

    - Garbage collection only here: automatic collection is switched off, so reference cycles holding Qt
      wrappers are never collected on a worker thread (which destroyed GUI objects from another thread and
      crashed the process); a timer collects on the GUI thread instead.
    - systemd: READY=1 now (call after the first frame) and WATCHDOG=1 pings from the GUI thread, so a blocked
      event loop - not only a dead process - gets the kiosk restarted (packaging/kiosk.service)."""
    import gc

    from PySide6.QtCore import QTimer

    from kiosk.integrations import systemd

    timers: list[Any] = []
    gc.disable()
    collector = QTimer(app)
    collector.setInterval(gc_interval_ms)
    collector.timeout.connect(gc.collect)
    collector.start()
    timers.append(collector)
    systemd.ready()
    interval = systemd.watchdog_interval()
    if interval:
        pinger = QTimer(app)
        pinger.setInterval(max(1000, int(interval * 1000)))
        pinger.timeout.connect(systemd.watchdog)
        pinger.start()
        timers.append(pinger)
    return timers

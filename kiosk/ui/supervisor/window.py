"""Building the supervisor window: fonts, the view model as the `supervisor` context object, the QML file.

Why separate from the command: tests and the screenshot helper load the same window offscreen without
starting an event loop of their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

QML_FILE = Path(__file__).with_name("Supervisor.qml")


def load_fonts() -> None:
    from PySide6.QtGui import QFontDatabase

    from kiosk.devices.printing.fonts import FONT_FILES

    for path in FONT_FILES.values():
        QFontDatabase.addApplicationFont(str(path))


def install_translation(engine: Any, language: str = "vi") -> None:
    """The screen's texts (context "Supervisor" in kiosk_<lang>.qm), for as long as ``engine`` lives."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from kiosk.ui.application import TRANSLATIONS_DIR

    tr = QTranslator()  # no Qt parent: the closure below keeps it alive until it is removed
    if tr.load(QLocale("vi_VN" if language == "vi" else "en_GB"), "kiosk", "_", str(TRANSLATIONS_DIR)):
        QCoreApplication.installTranslator(tr)
        engine.destroyed.connect(lambda *_: QCoreApplication.removeTranslator(tr))


def load_window(app: Any, *, fullscreen: bool = False, language: str = "vi") -> tuple[Any, Any, Any]:
    """(engine, window, view model). A QGuiApplication must exist."""
    import PySide6.QtQuick  # noqa: F401 - makes the root object a QQuickWindow (grabWindow, findChild)
    from PySide6.QtQml import QQmlApplicationEngine

    from kiosk.ui.supervisor.supervisor_view_model import SupervisorViewModel

    load_fonts()
    engine = QQmlApplicationEngine()
    install_translation(engine, language)
    vm = SupervisorViewModel(app, engine)
    engine.setInitialProperties({"supervisor": vm})
    problems: list[str] = []
    engine.warnings.connect(lambda ws: problems.extend(w.toString() for w in ws))
    engine.load(str(QML_FILE))
    roots = engine.rootObjects()
    if not roots:
        raise RuntimeError(f"cannot load {QML_FILE.name}: {'; '.join(problems) or 'no root object'}")
    window = roots[0]
    if fullscreen:
        window.showFullScreen()
    return engine, window, vm

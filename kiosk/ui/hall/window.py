"""Building the hall screen: fonts, the view model as Hall.qml's required `hall` property, Hall.qml.

Why separate from the command: tests and the screenshot helper load the same window offscreen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

QML_FILE = Path(__file__).with_name("Hall.qml")


def load_hall(app: Any, *, fullscreen: bool = False, poll_ms: int = 2000, voice: bool = False,
              tts_engine: str | None = None) -> tuple[Any, Any, Any]:
    """(engine, window, view model). A QGuiApplication must exist; the view model is started."""
    import PySide6.QtQuick  # noqa: F401 - the root object becomes a QQuickWindow
    from PySide6.QtQml import QQmlApplicationEngine

    from kiosk.ui.hall.hall_view_model import HallViewModel
    from kiosk.ui.supervisor.window import load_fonts

    load_fonts()
    engine = QQmlApplicationEngine()
    vm = HallViewModel(app.queue, unit_name=app.settings.unit_name, tz=app.settings.tz,
                       poll_ms=poll_ms, voice=voice, tts_engine=tts_engine, parent=engine)
    engine.setInitialProperties({"hall": vm})  # Hall.qml's required property
    problems: list[str] = []
    engine.warnings.connect(lambda ws: problems.extend(w.toString() for w in ws))
    engine.load(str(QML_FILE))
    roots = engine.rootObjects()
    if not roots:
        raise RuntimeError(f"cannot load {QML_FILE.name}: {'; '.join(problems) or 'no root object'}")
    window = roots[0]
    vm.qml_warnings = problems  # tests assert this stays empty
    vm.start()
    if fullscreen:
        window.showFullScreen()
    return engine, window, vm

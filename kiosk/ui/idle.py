"""App-wide input watcher: any touch, click or key restarts the kiosk's idle timer.

Why an event filter on the window: pages and popups come and go, but every touch, click and key reaches the
QQuickWindow before the item under it, so one filter sees all of them without each page taking part. (Not
on the application: a Python filter there is called for every event of every object, including QML items
being deleted.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject

_ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.Wheel,
}


class IdleWatcher(QObject):
    def __init__(self, on_activity: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_activity = on_activity

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY:
            self.on_activity()
        return False

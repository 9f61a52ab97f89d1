"""Typing help for the on-screen Vietnamese keyboard (QML draws the keys; kiosk.ui.vnkeys has the rules).

Why a view model: tone placement and Telex are logic that must be unit-tested and must not live in QML.
The keyboard passes the field's text and cursor and gets back the new text and cursor.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.ui import vnkeys


class KeyboardViewModel(QObject):
    telexChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._telex = False  # off by default: "aa" must stay "aa" for someone who has never heard of Telex

    def _get_telex(self) -> bool:
        return self._telex

    def _set_telex(self, on: bool) -> None:
        if on != self._telex:
            self._telex = on
            self.telexChanged.emit()

    telex = Property(bool, _get_telex, _set_telex, notify=telexChanged)

    @Slot(str, int, str, result="QVariantMap")
    def type(self, text: str, cursor: int, key: str) -> dict[str, Any]:
        cursor = max(0, min(cursor, len(text)))
        if self._telex and key.isalpha() and len(key) == 1:
            new, pos = vnkeys.telex(text, cursor, key)
        else:
            new, pos = text[:cursor] + key + text[cursor:], cursor + len(key)
        return {"text": new, "cursor": pos}

    @Slot(str, int, str, result="QVariantMap")
    def mark(self, text: str, cursor: int, action: str) -> dict[str, Any]:
        new, pos = vnkeys.edit(text, max(0, min(cursor, len(text))), action)
        return {"text": new, "cursor": pos}

    @Slot(str, int, result="QVariantMap")
    def backspace(self, text: str, cursor: int) -> dict[str, Any]:
        cursor = max(0, min(cursor, len(text)))
        if cursor == 0:
            return {"text": text, "cursor": 0}
        return {"text": text[: cursor - 1] + text[cursor:], "cursor": cursor - 1}

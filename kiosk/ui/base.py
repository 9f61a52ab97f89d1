"""Shared pieces of the view models: the bilingual text helper and the sub-view-model base class.

Why: messages produced in Python (from core errors that already carry ``vi``/``en``, or our own) are kept
as (Vietnamese, English) pairs and turned into text when QML reads them, so a language switch mid-flow
re-renders every message without losing it. Static QML labels go through Qt Linguist (qsTr) instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from kiosk.ui.kiosk_view_model import KioskViewModel

Text2 = tuple[str, str]  # (vi, en)
NO_TEXT: Text2 = ("", "")


def pair(obj: Any, fallback: Text2 | None = None) -> Text2:
    """(vi, en) from an exception or object with vi/en or message_vi/message_en attributes."""
    vi = getattr(obj, "vi", None) or getattr(obj, "message_vi", None)
    en = getattr(obj, "en", None) or getattr(obj, "message_en", None)
    if vi and en:
        return str(vi), str(en)
    return fallback or ("Đã có lỗi. Vui lòng thử lại hoặc gọi cán bộ.", "Something went wrong. Please try again or call staff.")


class SubViewModel(QObject):
    """A page's view model; ``changed`` is emitted on any change, and again when the language switches.

    Each subclass declares its own ``changed = Signal()``: PySide6 drops the NOTIFY link of properties whose
    signal shadows a base-class signal of the same name, so the base must not declare it."""

    changed: Any

    def __init__(self, root: KioskViewModel) -> None:
        super().__init__(root)
        self.root = root
        root.languageChanged.connect(self.changed)

    def t(self, text: Text2) -> str:
        return text[0] if self.root.lang == "vi" else text[1]

    @property
    def services(self) -> Any:
        return self.root.services

    def reset(self) -> None:  # wipe everything of the session
        raise NotImplementedError

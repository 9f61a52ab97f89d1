"""Track a dossier: type the code or scan the receipt's QR (the scanner types the tracking URL or the code).

Why: the status is shown in plain words with what to do next, from kiosk.core (no personal data: only the
code, the status and the dates), so a citizen can check without staff and without identifying.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlparse

from PySide6.QtCore import Property, Signal, Slot

from kiosk.ui.base import NO_TEXT, SubViewModel, Text2

CODE_RE = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}")



def extract_code(text: str) -> str:
    """The dossier code from a typed code, a scanned tracking URL (``?mahs=``) or slip QR text."""
    text = text.strip()
    if "mahs=" in text:
        q = parse_qs(urlparse(text).query)
        if q.get("mahs"):
            return q["mahs"][0].strip().upper()
    m = CODE_RE.search(text.upper())
    return m.group(0) if m else text.upper()


class TrackViewModel(SubViewModel):
    changed = Signal()

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self.reset()

    def reset(self) -> None:
        self._code = ""
        self._info: dict[str, Any] | None = None
        self._error: Text2 = NO_TEXT
        self._busy = False
        self.changed.emit()

    @Property(str, notify=changed)
    def code(self) -> str:
        return self._code

    @Property(bool, notify=changed)
    def found(self) -> bool:
        return self._info is not None

    @Property(str, notify=changed)
    def errorText(self) -> str:
        return self.t(self._error)

    def _fmt(self, iso: str | None) -> str:
        if not iso:
            return ""
        t = datetime.fromisoformat(iso)
        return self.root.services.app.calendar.local(t).strftime("%H:%M %d/%m/%Y")

    @Property("QVariantMap", notify=changed)
    def info(self) -> dict[str, Any]:
        i = self._info
        if not i:
            return {}
        # imported here, not at module import: keeps SQLAlchemy off the first frame
        from kiosk.core.dossiers import NEXT_STEP_EN

        vi = self.root.lang == "vi"
        status = int(i["status"])
        return {
            "code": i["code"],
            "status": status,
            "statusText": i["status_text"] if vi else i.get("status_text_en", ""),
            "received": self._fmt(i.get("received")),
            "due": self._fmt(i.get("due")),
            "nextStep": i.get("next_step", "") if vi else NEXT_STEP_EN.get(status, ""),
        }

    @Slot(str)
    def lookup(self, text: str) -> None:
        code = extract_code(text)
        self._code, self._error, self._info = code, NO_TEXT, None
        if not code:
            self._error = ("Vui lòng nhập mã hồ sơ.", "Please type the dossier code.")
            self.changed.emit()
            return
        self._busy = True
        self.changed.emit()
        actions = self.services.app.actions

        def done(info: Any) -> None:
            self._busy = False
            if info is None:
                self._error = ("Không tìm thấy hồ sơ có mã này. Hãy kiểm tra lại mã trên giấy tiếp nhận.",
                               "No dossier has this code. Please check the code on your receipt.")
            self._info = info
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._error = ("Chưa tra cứu được. Vui lòng thử lại hoặc hỏi cán bộ.", "Could not look it up. Please try again or ask staff.")
            self.changed.emit()

        self.root.worker.submit(lambda: actions.tracking(code), done, failed)

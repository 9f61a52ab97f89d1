"""Track a dossier: type the code or scan the receipt's QR (the scanner types the tracking URL or the code).

Why: the status is shown in plain words with what to do next and the dossier's history, from kiosk.core (no
personal data: only the code, the status, the dates and what happened, without officers' names or reasons),
so a citizen can check without staff and without identifying.

When the dossier was finished with a signed result file and the citizen chose online delivery, the citizen
may print the result here by typing their 12-digit ID number: core checks that code and ID belong together
and answers a wrong pair exactly like an unknown code; after a few wrong tries the page pauses before it
accepts another (no guessing ID numbers at the kiosk). For counter or postal delivery the page says where the
result will be.
"""

from __future__ import annotations

import re
import time
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlparse

from PySide6.QtCore import Property, Signal, Slot

from kiosk.ui.base import NO_TEXT, SubViewModel, Text2, pair

CODE_RE = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}")
MAX_RESULT_TRIES = 3  # wrong code + ID pairs in a session before the pause
RESULT_PAUSE_S = 120.0
NOT_FOUND: Text2 = ("Không tìm thấy kết quả cho mã hồ sơ và số định danh này.",
                    "No result was found for this dossier code and ID number.")
COLLECT: dict[str, Text2] = {
    "counter": ("Kết quả được trả tại quầy: mang theo Giấy tiếp nhận hồ sơ và thẻ căn cước.",
                "Collect the result at the counter: bring your receipt and your ID card."),
    "postal": ("Kết quả được gửi qua bưu chính công ích đến địa chỉ bạn đã đăng ký.",
               "The result is sent by public postal service to the address you gave."),
    "online": ("Kết quả điện tử sẽ có ở đây khi cơ quan gửi bản đã ký số; nếu cần, hỏi cán bộ tại quầy.",
               "The electronic result will be here once the office sends the signed copy; ask staff if needed."),
}



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
        self._result_state = ""  # "" | working | printed | failed
        self._result_msg: Text2 = NO_TEXT
        self._result_error: Text2 = NO_TEXT
        self._wrong = 0
        self._paused_until = getattr(self, "_paused_until", 0.0)  # a pause outlives the visit that caused it
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
        from kiosk.core.workflow import CLOCK_PAUSED

        vi = self.root.lang == "vi"
        status = int(i["status"])
        return {
            "code": i["code"],
            "status": status,
            "statusText": i["status_text"] if vi else i.get("status_text_en", ""),
            "received": self._fmt(i.get("received")),
            # while the clock waits for the citizen the date on record is not the one they will get: say so
            "due": self.t(("tạm dừng, tính tiếp khi ông/bà bổ sung xong", "paused until you have done what is asked"))
            if status in CLOCK_PAUSED and i.get("due") else self._fmt(i.get("due")),
            "nextStep": i.get("next_step", "") if vi else (i.get("next_step_en") or NEXT_STEP_EN.get(status, "")),
            "history": [self._line(h, vi) for h in i.get("history", [])],
            "resultReady": bool(i.get("result_ready")),
            "canFetch": bool(i.get("e_result")) and i.get("delivery") == "online" and not i.get("unpaid"),
            "collectText": self.t(COLLECT.get(str(i.get("delivery")), COLLECT["counter"])),
        }

    def _line(self, h: dict[str, Any], vi: bool) -> dict[str, Any]:
        what = h["text_vi"] if vi else h["text_en"]
        status = h.get("status_vi" if vi else "status_en") or ""
        items = "; ".join(f"{x['name']}: {x['reason']}" for x in h.get("items", []))
        shown = what + (f" → {status}" if status and status != what else "")
        return {"at": self._fmt(h.get("at")), "text": shown, "items": items}

    # -- the signed result, printed at the kiosk ---------------------------------------------------------
    @Property(str, notify=changed)
    def resultState(self) -> str:
        return self._result_state

    @Property(str, notify=changed)
    def resultMessage(self) -> str:
        return self.t(self._result_msg)

    @Property(str, notify=changed)
    def resultError(self) -> str:
        return self.t(self._result_error)

    @Slot(str)
    def fetchResult(self, id_text: str) -> None:
        """Code (already looked up) + the citizen's 12-digit ID: print the signed result on the kiosk printer."""
        if self._info is None or self._result_state == "working":
            return
        left = self._paused_until - time.monotonic()
        if left > 0:
            self._result_error = (f"Bạn đã nhập sai nhiều lần. Vui lòng thử lại sau {int(left) + 1} giây hoặc hỏi cán bộ.",
                                  f"Too many wrong tries. Please try again in {int(left) + 1} seconds or ask staff.")
            self.changed.emit()
            return
        number = "".join(ch for ch in id_text if not ch.isspace())
        if not (number.isascii() and number.isdigit() and len(number) == 12):
            self._result_error = ("Số định danh cá nhân gồm đúng 12 chữ số.", "The personal ID number has exactly 12 digits.")
            self.changed.emit()
            return
        code = self._info["code"]
        app, kiosk_id = self.services.app, self.services.settings.kiosk_id
        self._result_state, self._result_error, self._result_msg = "working", NO_TEXT, NO_TEXT
        self.changed.emit()

        def job() -> Any:
            if app.actions.fetch_result(code, number, kiosk_id=kiosk_id) is None:
                return None
            return app.print_jobs.print_form(code, "result")

        def done(out: Any) -> None:
            if out is None:
                self._wrong += 1
                self._result_state, self._result_error = "", NOT_FOUND
                if self._wrong >= MAX_RESULT_TRIES:
                    self._wrong = 0
                    self._paused_until = time.monotonic() + RESULT_PAUSE_S
            elif out.ok:
                self._wrong = 0
                self._result_state = "printed"
                self._result_msg = ("Đã in kết quả. Vui lòng nhận ở khay máy in.", "Your result is printed. Please take it from the printer tray.")
            else:
                self._result_state = "failed"
                self._result_msg = (out.message_vi, out.message_en)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self._result_state = ""
            self._result_error = pair(exc, ("Chưa in được kết quả. Vui lòng hỏi cán bộ.", "The result could not be printed. Please ask staff."))
            self.changed.emit()

        self.root.worker.submit(job, done, failed)

    @Slot(str)
    def lookup(self, text: str) -> None:
        code = extract_code(text)
        self._code, self._error, self._info = code, NO_TEXT, None
        self._result_state, self._result_msg, self._result_error = "", NO_TEXT, NO_TEXT
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

"""The hall screen's view model: polls the queue and exposes the last calls and waiting counts to Hall.qml.

Why polling: the counters and the hall screen may run on different PCs that share only the branch database,
so the screen reads kiosk.core.queue every couple of seconds instead of waiting for a message. A call (or a
recall) that appears since the last poll is announced once: ``announced`` is emitted with the Vietnamese line
and, when voice is on, spoken through QtTextToSpeech. The speech module is imported lazily (it pulls in the
audio stack) and any engine can be chosen; tests use Qt's "mock" engine.

Every text on the board comes from here: the call lines and the announcement are kiosk.core.queue's
(``call_line``, ``announcement``), so Hall.qml only lays them out and never composes a sentence.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.core.queue import CalledNumber, QueueService, announcement, call_line

log = logging.getLogger(__name__)


class HallViewModel(QObject):
    changed = Signal()
    announced = Signal(str)  # the Vietnamese announcement of a new call

    def __init__(
        self,
        queue: QueueService,
        *,
        unit_name: str = "",
        tz: Any = None,
        poll_ms: int = 2000,
        voice: bool = False,
        tts_engine: str | None = None,
        shown: int = 6,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.queue = queue
        self.tz = tz
        self._unit = unit_name
        self._shown = shown
        self._called: list[dict[str, Any]] = []
        self._waiting: list[dict[str, Any]] = []
        self._total = 0
        self._clock = ""
        self._error = ""
        self._seen: set[tuple[str, int, str]] | None = None  # None until the first poll (no replay at start)
        self.spoken: list[str] = []
        self._tts: Any = None
        self._voice = voice
        self._tts_engine = tts_engine
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.refresh)

    # -- properties for QML ----------------------------------------------------------------------------
    @Property(str, notify=changed)
    def unitName(self) -> str:  # noqa: N802 - QML naming
        return self._unit

    @Property("QVariantList", notify=changed)
    def called(self) -> list[dict[str, Any]]:
        return self._called

    @Property("QVariantList", notify=changed)
    def waiting(self) -> list[dict[str, Any]]:
        return self._waiting

    @Property(int, notify=changed)
    def waitingTotal(self) -> int:  # noqa: N802
        return self._total

    @Property(str, notify=changed)
    def waitingText(self) -> str:  # noqa: N802
        return f"{self._total} người"

    @Property(bool, notify=changed)
    def hasCall(self) -> bool:  # noqa: N802
        return bool(self._called)

    @Property(str, notify=changed)
    def headline(self) -> str:
        """Above the latest call: "Mời công dân", or that nobody was called yet today."""
        return "Mời công dân" if self._called else "Chưa gọi số nào"

    @Property(str, notify=changed)
    def latestLine(self) -> str:  # noqa: N802
        return self._called[0]["line"] if self._called else ""

    @Property(str, notify=changed)
    def latestField(self) -> str:  # noqa: N802
        return self._called[0]["field"] if self._called else ""

    @Property(str, notify=changed)
    def latestAnnouncement(self) -> str:  # noqa: N802
        """The sentence spoken for the latest call (kiosk.core.queue.announcement)."""
        return self._called[0]["announcement"] if self._called else ""

    @Property("QVariantList", notify=changed)
    def previous(self) -> list[dict[str, Any]]:
        """The calls before the latest one, newest first."""
        return self._called[1:]

    @Property(str, notify=changed)
    def clockText(self) -> str:  # noqa: N802
        return self._clock

    @Property(str, notify=changed)
    def errorText(self) -> str:  # noqa: N802
        return self._error

    # -- polling ---------------------------------------------------------------------------------------
    def start(self) -> None:
        self.refresh()
        self.timer.start()

    @Slot()
    def refresh(self) -> None:
        try:
            calls = self.queue.recently_called(self._shown)
            counts = self.queue.waiting_counts()
            now = self.queue.clock.now()
        except Exception as exc:  # noqa: BLE001 - a database hiccup must not close the hall screen
            log.warning("hall screen poll failed: %s", type(exc).__name__)
            self._error = "Mất kết nối cơ sở dữ liệu — đang thử lại…"
            self.changed.emit()
            return
        self._error = ""
        self._called = [self._row(c, i == 0) for i, c in enumerate(calls)]
        self._waiting = [{"field": f, "count": n} for f, n in counts.items()]
        self._total = sum(counts.values())
        self._clock = (now.astimezone(self.tz) if self.tz else now).strftime("%H:%M")
        keys = {(c.number, c.counter_no, c.at.isoformat()) for c in calls}
        if self._seen is not None:
            for c in reversed(calls):  # oldest new call first
                if (c.number, c.counter_no, c.at.isoformat()) not in self._seen:
                    self._announce(c)
        self._seen = keys if self._seen is None else (self._seen | keys)
        self.changed.emit()

    def _row(self, c: CalledNumber, latest: bool) -> dict[str, Any]:
        at = c.at.astimezone(self.tz) if self.tz else c.at
        return {"number": c.number, "counter": c.counter_no, "field": c.field, "time": at.strftime("%H:%M"),
                "latest": latest, "line": call_line(c.number, c.counter_no, "vi"),
                "announcement": announcement(c.number, c.counter_no, "vi")}

    def _announce(self, c: CalledNumber) -> None:
        text = announcement(c.number, c.counter_no, "vi")
        self.announced.emit(text)
        if self._voice:
            self.say(text)

    # -- voice -----------------------------------------------------------------------------------------
    def tts(self) -> Any:
        """The speech engine, created on first use; None when QtTextToSpeech is not available."""
        if self._tts is None:
            try:
                from PySide6.QtCore import QLocale
                from PySide6.QtTextToSpeech import QTextToSpeech
            except ImportError:
                log.warning("QtTextToSpeech is not available; the hall screen stays silent")
                self._voice = False
                return None
            self._tts = QTextToSpeech(self._tts_engine, self) if self._tts_engine else QTextToSpeech(self)
            vi = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
            if any(loc.language() == vi.language() for loc in self._tts.availableLocales()):
                self._tts.setLocale(vi)
        return self._tts

    def say(self, text: str) -> None:
        engine = self.tts()
        if engine is None:
            return
        self.spoken.append(text)
        engine.say(text)

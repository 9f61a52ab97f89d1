"""The "Nghe hướng dẫn" (listen to the guidance) toggle: when it is on, the kiosk reads each page's title and
its one instruction aloud, then the label of each control the citizen touches, and any error it shows.

Why a view model of its own: the spoken texts are the very strings the screen shows (qsTr in QML, the
(vi, en) pairs of the view models), so QML hands over what it displays and this object decides whether and
how to speak it. Rendering (espeak-ng, kiosk.devices.speech) runs on the worker thread; playback uses
QtMultimedia on the GUI thread, imported only when the citizen first turns the voice on (start-up stays lean).
Engine ``qt`` speaks through QtTextToSpeech instead. Everything said is kept in ``spoken`` for the tests; the
audio files are written 0600 in a private folder and removed when the session ends.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QUrl, Signal, Slot

from kiosk.ui.base import NO_TEXT, SubViewModel

if TYPE_CHECKING:
    from kiosk.ui.kiosk_view_model import KioskViewModel

log = logging.getLogger(__name__)


class VoiceViewModel(SubViewModel):
    changed = Signal()

    def __init__(self, root: KioskViewModel) -> None:
        super().__init__(root)
        self._enabled = False
        self._engine_name: str | None = None
        self._engine: Any = None
        self._player: Any = None
        self._audio_out: Any = None
        self._qt_tts: Any = None
        self._dir: Path | None = None
        self._seq = 0
        self._last = ""
        self.spoken: list[tuple[str, str]] = []  # (language, text), for tests and the journey benchmark
        root.messageChanged.connect(self._read_message)
        root.sessionReset.connect(self.reset)

    # -- settings ------------------------------------------------------------------------------------------
    def _settings(self) -> Any:
        s = getattr(self.services, "settings", None)
        return getattr(s, "voice", None)

    def _engine_setting(self) -> str:
        v = self._settings()
        return str(getattr(v, "engine", "espeak-ng")) if v is not None else "espeak-ng"

    @Property(bool, notify=changed)
    def available(self) -> bool:
        """False when the site turned the voice off (engine "none"): the toggle is hidden."""
        return self._engine_setting() != "none"

    @Property(bool, notify=changed)
    def enabled(self) -> bool:
        return self._enabled

    @Property(str, notify=changed)
    def lastSpoken(self) -> str:
        return self._last

    @Slot()
    def toggle(self) -> None:
        self.setEnabled(not self._enabled)

    @Slot(bool)
    def setEnabled(self, on: bool) -> None:
        on = bool(on) and self.available
        if on == self._enabled:
            return
        self._enabled = on
        self.changed.emit()
        if on:
            self._say(self.t(("Đã bật hướng dẫn bằng giọng nói.", "Spoken guidance is on.")), force=True)
        else:
            self._stop()

    # -- what QML asks to be read -----------------------------------------------------------------------
    @Slot(str)
    def page(self, text: str) -> None:
        """A page was shown: its title and its one instruction (KPage.spokenText)."""
        self._say(text)

    @Slot(str)
    def control(self, label: str) -> None:
        """A control was touched or focused: its label."""
        self._say(label)

    @Slot(str)
    def say(self, text: str) -> None:
        self._say(text)

    def _read_message(self) -> None:
        if self.root._message != NO_TEXT:  # errors and notices shown in the banner are read out too
            self._say(self.root.message)

    # -- speaking -------------------------------------------------------------------------------------
    def _say(self, text: str, *, force: bool = False) -> None:
        text = " ".join(str(text or "").split())
        if not text or not (self._enabled or force):
            return
        lang = self.root.lang
        self._last = text
        self.spoken.append((lang, text))
        self.changed.emit()
        name = self._engine_setting()
        if name == "qt":
            self._speak_qt(text, lang)
            return
        engine = self._render_engine(name)
        if engine is None:
            return
        self._seq += 1
        seq = self._seq
        self.root.worker.submit(lambda: engine.synthesize(text, lang), lambda wav: self._play(seq, wav),
                                lambda exc: log.warning("voice: %s", type(exc).__name__))

    def _render_engine(self, name: str) -> Any:
        if self._engine is None or self._engine_name != name:
            from kiosk.devices.speech import SpeechError, build_speech

            v = self._settings()
            try:
                self._engine = build_speech(name, rate_wpm=int(getattr(v, "rate_wpm", 140) or 140))
            except SpeechError as exc:
                log.warning("voice engine unavailable: %s", exc)
                self._engine = None
            self._engine_name = name
        return self._engine

    def _play(self, seq: int, wav: bytes) -> None:
        if seq != self._seq:
            return  # a newer phrase was asked for meanwhile (or the voice was turned off): skip this one
        from kiosk.devices.speech import write_private

        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="kiosk-voice-"))
        path = write_private(wav, self._dir, f"say-{seq % 4}.wav")
        try:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
        except ImportError:  # QtMultimedia missing from the build: silent, the screen still shows everything
            return
        if self._player is None:
            self._audio_out = QAudioOutput(self)
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(self._audio_out)
        self._player.stop()
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._player.play()

    def _speak_qt(self, text: str, lang: str) -> None:
        try:
            from PySide6.QtCore import QLocale
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return
        if self._qt_tts is None:
            self._qt_tts = QTextToSpeech(self)
        want = QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English)
        if any(loc.language() == want.language() for loc in self._qt_tts.availableLocales()):
            self._qt_tts.setLocale(want)
        self._qt_tts.stop()
        self._qt_tts.say(text)

    def _stop(self) -> None:
        self._seq += 1
        if self._player is not None:
            self._player.stop()
        if self._qt_tts is not None:
            self._qt_tts.stop()

    def reset(self) -> None:
        """Session over: silence, forget what was said, delete the audio files; the toggle goes off."""
        self._stop()
        self._last = ""
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
        if self._enabled:
            self._enabled = False
        self.changed.emit()

    def dispose(self) -> None:
        self._stop()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


__all__ = ["VoiceViewModel"]

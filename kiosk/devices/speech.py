"""Spoken guidance for the citizen kiosk: text in, WAV audio out, offline.

Why a device module: speech is an output device like the printer. The UI asks for a phrase in the citizen's
language and plays the audio it gets back; which engine makes it is a site setting (``voice.engine``):

- ``espeak-ng``: the Debian package ``espeak-ng`` (voices ``vi`` Northern, ``vi-vn-x-central``,
  ``vi-vn-x-south``; ``en-gb``), run as a process. The text goes through standard input, never the command
  line, so a name read out does not show in the process list. About 30 ms for a sentence (ui.md §7.3).
- ``qt``: QtTextToSpeech (speech-dispatcher) plays directly; it cannot render to a file, so this module has
  nothing to do for it (the UI handles it).
- ``none``: no voice; the toggle is hidden.

:class:`SimulatedSpeech` is the stand-in for machines without an engine: it records what it was asked to say
and returns a short silent WAV, so the UI flow is the same.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import struct
import subprocess
import tempfile
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

ENGINES = ("espeak-ng", "qt", "none")


class SpeechError(Exception):
    """The engine is missing, failed, or gave no audio."""


class SpeechEngine(Protocol):
    name: str

    def synthesize(self, text: str, lang: str) -> bytes:
        """WAV bytes (RIFF, PCM) for ``text`` spoken in ``lang`` ("vi" or "en")."""
        ...


@dataclass
class EspeakNg:
    """espeak-ng through a subprocess; one short-lived process per phrase."""

    executable: str = "espeak-ng"
    rate_wpm: int = 140  # a little slower than espeak's 175 default: easier for elderly listeners
    voices: dict[str, str] = field(default_factory=lambda: {"vi": "vi", "en": "en-gb"})
    timeout_s: float = 10.0
    name: str = "espeak-ng"

    def available(self) -> bool:
        return shutil.which(self.executable) is not None

    def synthesize(self, text: str, lang: str) -> bytes:
        text = " ".join(text.split())
        if not text:
            raise SpeechError("nothing to say")
        exe = shutil.which(self.executable)
        if exe is None:
            raise SpeechError(f"{self.executable} is not installed (Debian package espeak-ng)")
        voice = self.voices.get(lang, self.voices.get("vi", "vi"))
        with tempfile.TemporaryDirectory(prefix="kiosk-voice-") as tmp:  # 0700, removed at once
            out = Path(tmp) / "say.wav"
            try:
                proc = subprocess.run(
                    [exe, "-v", voice, "-s", str(int(self.rate_wpm)), "--stdin", "-w", str(out)],
                    input=text.encode("utf-8"),
                    capture_output=True,
                    timeout=self.timeout_s,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise SpeechError(f"{self.executable} did not run: {type(exc).__name__}") from None
            if proc.returncode != 0 or not out.exists():
                raise SpeechError(f"{self.executable} failed with exit code {proc.returncode}")
            data = out.read_bytes()
        if not data.startswith(b"RIFF"):
            raise SpeechError(f"{self.executable} gave no WAV audio")
        return data


@dataclass
class SimulatedSpeech:
    """Records each phrase; returns 0.1 s of silence per word (tests and machines without an engine)."""

    said: list[tuple[str, str]] = field(default_factory=list)
    name: str = "simulated"

    def synthesize(self, text: str, lang: str) -> bytes:
        text = " ".join(text.split())
        if not text:
            raise SpeechError("nothing to say")
        self.said.append((lang, text))
        return silent_wav(0.1 * len(text.split()))


def build_speech(engine: str, *, rate_wpm: int = 140) -> SpeechEngine | None:
    """The configured engine that renders audio; None for ``qt`` (plays by itself) and ``none``."""
    if engine == "espeak-ng":
        return EspeakNg(rate_wpm=rate_wpm)
    if engine in ("qt", "none"):
        return None
    if engine == "simulated":
        return SimulatedSpeech()
    raise SpeechError(f"unknown voice engine {engine!r} (one of {', '.join(ENGINES)})")


def silent_wav(seconds: float, rate: int = 16000) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\0\0" * max(1, int(seconds * rate)))
    return buf.getvalue()


@dataclass(frozen=True)
class WavStats:
    seconds: float
    rms: float  # root mean square of the samples, 0..32767 for 16-bit audio


def wav_stats(data: bytes) -> WavStats:
    """Length and loudness of 16-bit PCM WAV audio (used by tests and the self-check)."""
    try:
        with wave.open(io.BytesIO(data), "rb") as w:
            frames = w.readframes(w.getnframes())
            rate, width, channels = w.getframerate(), w.getsampwidth(), w.getnchannels()
    except (wave.Error, EOFError) as exc:
        raise SpeechError(f"not a WAV file: {exc}") from None
    if width != 2 or rate <= 0:
        raise SpeechError("expected 16-bit PCM audio")
    count = len(frames) // 2
    if count == 0:
        return WavStats(0.0, 0.0)
    samples = struct.unpack(f"<{count}h", frames[: count * 2])
    rms = math.sqrt(sum(s * s for s in samples) / count)
    return WavStats(count / channels / rate, rms)


def write_private(data: bytes, directory: Path, name: str) -> Path:
    """Write audio to ``directory/name`` with mode 0600 (the phrase may contain a citizen's name)."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return path


__all__ = [
    "ENGINES",
    "EspeakNg",
    "SimulatedSpeech",
    "SpeechEngine",
    "SpeechError",
    "WavStats",
    "build_speech",
    "silent_wav",
    "wav_stats",
    "write_private",
]

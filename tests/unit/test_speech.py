"""Spoken guidance audio (kiosk.devices.speech) with the real espeak-ng: Vietnamese and English phrases render to
non-silent WAV audio whose length grows with the text; the text never reaches the command line."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from kiosk.devices.speech import (
    EspeakNg,
    SimulatedSpeech,
    SpeechError,
    build_speech,
    wav_stats,
    write_private,
)

SHORT_VI = "Xin chào"
LONG_VI = "Xin mời ông bà đặt thẻ căn cước lên đầu đọc, rồi chạm nút Tiếp tục ở cuối màn hình để nộp hồ sơ."


@pytest.fixture(scope="module")
def espeak() -> EspeakNg:
    engine = EspeakNg()
    if not engine.available():
        pytest.fail("espeak-ng is not installed: run scripts/setup.sh (Debian package espeak-ng)", pytrace=False)
    return engine


@pytest.mark.parametrize("lang,short,long", [
    ("vi", SHORT_VI, LONG_VI),
    ("en", "Hello", "Place your ID card on the reader, then touch Continue at the bottom of the screen."),
])
def test_phrase_renders_to_non_silent_wav_growing_with_text(espeak, tmp_path: Path, lang, short, long):
    a, b = espeak.synthesize(short, lang), espeak.synthesize(long, lang)
    sa, sb = wav_stats(a), wav_stats(b)
    assert sa.seconds > 0.3 and sa.rms > 300, sa  # audible speech, not silence
    assert sb.rms > 300, sb
    assert sb.seconds > sa.seconds * 2.5, (sa, sb)  # a sentence takes clearly longer than a greeting
    path = write_private(b, tmp_path / "voice", "say.wav")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    if shutil.which("soxi"):  # the same answer from sox, an independent reader
        import subprocess

        secs = float(subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True).stdout)
        assert abs(secs - sb.seconds) < 0.05


def test_vietnamese_voice_differs_from_reading_the_letters_in_english(espeak):
    """The vi voice is used for Vietnamese (not the English voice spelling out diacritics)."""
    vi, en = espeak.synthesize(LONG_VI, "vi"), EspeakNg(voices={"vi": "en-gb", "en": "en-gb"}).synthesize(LONG_VI, "vi")
    assert vi != en


def test_text_goes_through_stdin_not_argv(espeak, monkeypatch):
    import subprocess

    seen: list[list[str]] = []
    real = subprocess.run

    def spy(args, **kw):  # type: ignore[no-untyped-def]
        seen.append(list(args))
        return real(args, **kw)

    monkeypatch.setattr(subprocess, "run", spy)
    espeak.synthesize("Nguyễn Thị Hương", "vi")
    assert seen and not any("Hương" in a for a in seen[0])


def test_missing_engine_and_empty_text_are_speech_errors():
    with pytest.raises(SpeechError):
        EspeakNg(executable="no-such-espeak-binary").synthesize("xin chào", "vi")
    with pytest.raises(SpeechError):
        SimulatedSpeech().synthesize("   ", "vi")
    with pytest.raises(SpeechError):
        wav_stats(b"not audio")
    with pytest.raises(SpeechError):
        build_speech("festival")
    assert build_speech("none") is None and build_speech("qt") is None


def test_simulated_engine_records_and_returns_silence():
    sim = SimulatedSpeech()
    st = wav_stats(sim.synthesize("một hai ba", "vi"))
    assert sim.said == [("vi", "một hai ba")]
    assert st.rms == 0 and 0.25 < st.seconds < 0.35

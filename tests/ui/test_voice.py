"""Spoken guidance through the real QML: the "Nghe hướng dẫn" toggle reads the page's title and its one
instruction, then each touched control's label, and the errors shown; every page provides a spoken text in
Vietnamese and in English from the same translations as the screen; the voice stops and its audio files go
when the visit ends. Audio is rendered by the real espeak-ng (kiosk.devices.speech)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ui import journey
from kiosk.ui.kiosk_view_model import PAGES
from kiosk.ui.simulated import SimulatedCardReader

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]


def _spoken_text(ui) -> str:  # type: ignore[no-untyped-def]
    return str(ui.window.property("spokenText") or "")


def test_toggle_reads_the_page_then_each_control_and_errors(ui_factory):
    from kiosk.devices.speech import wav_stats

    ui, d = ui_factory()
    voice = ui.vm.voice
    assert voice.property("available") and not voice.property("enabled")
    d.tap("startSubmit")  # voice off: nothing is said
    d.wait_page("notice")
    assert voice.spoken == []
    d.tap("voiceToggle")
    d.wait_until(lambda: voice.property("enabled"), 5, "voice on")
    notice = _spoken_text(ui)
    assert notice and any(t == notice for _, t in voice.spoken), (notice, voice.spoken)
    # the audio of the last phrase was rendered (real espeak-ng) and written privately
    d.wait_until(lambda: voice._dir is not None and any(Path(voice._dir).glob("*.wav")), 10, "audio rendered")
    wav = max(Path(voice._dir).glob("*.wav"), key=lambda p: p.stat().st_mtime)
    assert wav.stat().st_mode & 0o077 == 0
    assert wav_stats(wav.read_bytes()).rms > 300

    label = d.text_of("acceptNotice")
    d.tap("acceptNotice")  # a control: its label, then the next page's guidance
    d.wait_page("identify")
    said = [t for _, t in voice.spoken]
    assert label in said
    assert said[-1] == _spoken_text(ui)
    ui.vm.show_message(("Số định danh phải có 12 chữ số.", "The ID number must have 12 digits."))
    d.wait_until(lambda: voice.spoken[-1] == ("vi", "Số định danh phải có 12 chữ số."), 5, "error read out")

    d.tap("langEn")
    d.wait_until(lambda: ui.vm.language == "en", 5, "English")
    d.tap("callStaff")
    d.wait_until(lambda: ("en", "Call staff") in voice.spoken, 5, "English control label")

    folder = Path(voice._dir)
    ui.vm.cancel()  # the visit ends: silence, toggle off, audio deleted
    d.wait_page("welcome")
    assert not voice.property("enabled") and not folder.exists()


def test_every_page_has_spoken_guidance_in_both_languages(ui_factory):
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    journey.choose_procedure(d, "khai sinh")  # detail/form pages have a procedure to show
    texts: dict[str, dict[str, str]] = {}
    for lang in ("vi", "en"):
        ui.vm.setLanguage(lang)
        for page in PAGES:
            ui.vm.goTo(page)
            d.wait_until(lambda p=page: ui.vm.page == p and _spoken_text(ui) != "", 5, f"{page} spoken text")
            d.pump(20)
            texts.setdefault(page, {})[lang] = _spoken_text(ui)
    problems = []
    for page, by_lang in texts.items():
        vi, en = by_lang["vi"], by_lang["en"]
        if ". " not in vi or ". " not in en:  # a title and an instruction, in each language
            problems.append(f"{page}: no instruction: {by_lang}")
        elif vi == en:  # translated, not the same string twice
            problems.append(f"{page}: not translated: {vi}")
        elif not any(c in vi for c in "ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ"):
            problems.append(f"{page}: Vietnamese without diacritics: {vi}")
    assert not problems, "\n".join(problems)

"""Identify through the real chain: QR typed by a keyboard-wedge scanner → pcscd → vpcd → the project's virtual
CCCD; card errors become plain instructions with retry; the read never stalls the GUI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from kiosk.devices.card import errors as card_errors
from kiosk.ui.card_port import PcscCardReader
from kiosk.ui.simulated import SimulatedCardReader

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]


def _to_identify(d):
    d.tap("startSubmit")
    d.wait_page("notice")
    d.tap("acceptNotice")
    d.wait_page("identify")


@pytest.mark.integration
def test_virtual_card_through_pcscd_with_scanned_qr(ui_factory, app, demo_card):
    reader = PcscCardReader(app.settings, reader=demo_card.reader, trust_dir=demo_card.trust_dir)
    ui, d = ui_factory(card_reader=reader)
    _to_identify(d)
    gaps: list[float] = []
    last = [time.monotonic()]

    def beat() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    timer.start()
    d.scanner_types("qrInput", demo_card.citizen.qr_text())
    d.wait_until(lambda: ui.vm.identify.step in ("confirm", "error"), 60, "card read")
    timer.stop()
    assert ui.vm.identify.step == "confirm", ui.vm.identify.errorText
    assert d.text_of("cardName") == "Nguyễn Thị Hương"
    assert ui.vm.identify.read_thread_id != threading.get_ident()
    assert ui.vm.identify.result.passive_auth == "verified"
    assert max(gaps) < 0.1, f"event loop stalled {max(gaps) * 1000:.0f} ms during the card read"
    d.tap("confirmYes")
    d.wait_page("account")


def test_card_error_then_retry(ui_factory):
    reader = SimulatedCardReader(step_delay=0.01)
    reader.fail_next.append(card_errors.CardRemoved())
    ui, d = ui_factory(card_reader=reader)
    _to_identify(d)
    d.tap("typeInstead")
    d.type_into("idNumber", "038186001234")
    d.type_into("dateOfBirth", "15/03/1986")
    d.tap("readTyped")
    d.wait_until(lambda: ui.vm.identify.step == "error", 10, "error shown")
    assert "đặt lại thẻ" in d.text_of("identifyError") and "Thử lại" in d.text_of("identifyError")
    d.tap("retryRead")
    d.wait_until(lambda: ui.vm.identify.step == "confirm", 10, "read after retry")
    assert reader.reads == 2


def test_wrong_key_keeps_what_was_typed(ui_factory):
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.01))
    _to_identify(d)
    d.tap("typeInstead")
    d.type_into("idNumber", "038186001234")
    d.type_into("dateOfBirth", "16/03/1986")  # wrong day: the chip refuses the key
    d.tap("readTyped")
    d.wait_until(lambda: ui.vm.identify.step == "error", 10, "error shown")
    assert ui.vm.identify.errorKind == "wrong_key"
    d.tap("typeAfterError")
    d.pump(50)
    assert d.text_of("dateOfBirth_input") == "16/03/1986"
    assert d.text_of("idNumber_input") == "038186001234"


def test_typed_id_checked_before_reading(ui_factory):
    reader = SimulatedCardReader(step_delay=0.01)
    ui, d = ui_factory(card_reader=reader)
    _to_identify(d)
    d.tap("typeInstead")
    d.type_into("idNumber", "12345")
    d.type_into("dateOfBirth", "15/03/1986")
    d.tap("readTyped")
    assert "12" in d.text_of("idNumber_error")
    assert reader.reads == 0

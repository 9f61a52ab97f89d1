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
    # not blocked by the read (which takes seconds through pcscd); the 100 ms goal itself is a measurement
    # (benchmarks/journey.py, max_gap_ms), not an assertion that a loaded CI machine could break
    assert max(gaps) < 0.5, f"event loop stalled {max(gaps) * 1000:.0f} ms during the card read"
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


def _title(d) -> str:  # type: ignore[no-untyped-def]
    """The title of the page on screen."""
    return " | ".join(str(i.property("text")) for i in d.find_all("pageTitle") if i.isVisible())


@pytest.mark.integration
@pytest.mark.parametrize("demo_card", [{"forged": True}], indirect=True)
def test_forged_chip_refused_when_the_policy_requires_trust(ui_factory, app, demo_card):
    """A chip signed under a forger's own CSCA (same names as the trusted one): hashes and signature pass,
    the chain does not. With card.require_trusted_chain the kiosk says plainly that the card cannot be
    verified, offers only "Gọi cán bộ", and keeps nothing from the card."""
    from sqlalchemy import select

    from kiosk.models.tables import HelpRequest

    reader = PcscCardReader(app.settings, reader=demo_card.reader, trust_dir=demo_card.trust_dir,
                            require_trusted_chain=True)
    ui, d = ui_factory(card_reader=reader)
    _to_identify(d)
    d.scanner_types("qrInput", demo_card.citizen.qr_text())
    d.wait_until(lambda: ui.vm.identify.step in ("confirm", "error"), 60, "card read")
    vm = ui.vm.identify
    assert (vm.step, vm.errorKind) == ("error", "untrusted")
    assert vm.result is None and vm.card is None and vm.fullName == "" and vm._key is None
    assert "Không xác thực được thẻ này" in d.text_of("identifyError")
    assert "gọi cán bộ" in d.text_of("identifyError").lower()
    assert "Không xác thực được thẻ này" in _title(d)
    assert not any(i.isVisible() for n in ("retryRead", "typeAfterError") for i in d.find_all(n))
    assert d.item("errorCallStaff").isVisible() and d.text_of("errorCallStaff") == "Gọi cán bộ"
    assert "Nguyễn Thị Hương" not in d.text_of("identifyError")
    d.tap("errorCallStaff")
    d.wait_until(lambda: _help_rows(app) > 0, 10, "help request recorded")
    with app.session_factory() as s:
        assert s.scalars(select(HelpRequest)).first() is not None


def _help_rows(app) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from kiosk.models.tables import HelpRequest

    with app.session_factory() as s:
        return s.scalar(select(func.count()).select_from(HelpRequest)) or 0


@pytest.mark.integration
@pytest.mark.parametrize("demo_card", [{"cloned_aa": True}], indirect=True)
def test_cloned_chip_refused_even_without_a_trust_requirement(ui_factory, app, demo_card):
    """Active authentication fails (the chip does not hold DG15's key): refused in any configuration."""
    reader = PcscCardReader(app.settings, reader=demo_card.reader, trust_dir=demo_card.trust_dir)
    assert reader.require_trusted_chain is False  # a test configuration: the chain alone would be accepted
    ui, d = ui_factory(card_reader=reader)
    _to_identify(d)
    d.scanner_types("qrInput", demo_card.citizen.qr_text())
    d.wait_until(lambda: ui.vm.identify.step in ("confirm", "error"), 60, "card read")
    assert (ui.vm.identify.step, ui.vm.identify.errorKind) == ("error", "untrusted")
    assert ui.vm.identify.result is None
    assert "sao chép" in d.text_of("identifyError")


@pytest.mark.integration
def test_verified_chip_accepted_when_the_policy_requires_trust(ui_factory, app, demo_card):
    reader = PcscCardReader(app.settings, reader=demo_card.reader, trust_dir=demo_card.trust_dir,
                            require_trusted_chain=True)
    ui, d = ui_factory(card_reader=reader)
    _to_identify(d)
    d.scanner_types("qrInput", demo_card.citizen.qr_text())
    d.wait_until(lambda: ui.vm.identify.step in ("confirm", "error"), 60, "card read")
    assert ui.vm.identify.step == "confirm", ui.vm.identify.errorText
    assert ui.vm.identify.result.passive_auth == "verified"


@pytest.mark.parametrize("qr", [
    "001190012345||Nguyễn Thị Hương|12039995|Nữ|Hà Nội|15042021",  # born in 9995
    "001190012345||Nguyễn Thị Hương|31021990|Nữ|Hà Nội|15042021",  # 31 February
    "001190012345||Nguyễn Thị Hương|1203199²|Nữ|Hà Nội|15042021",  # a superscript digit
])
def test_malformed_card_qr_gives_a_plain_message(ui_factory, qr):
    reader = SimulatedCardReader(step_delay=0.01)
    ui, d = ui_factory(card_reader=reader)
    _to_identify(d)
    d.scanner_types("qrInput", qr)
    d.wait_until(lambda: ui.vm.identify.step == "error", 10, "error shown")
    assert ui.vm.identify.errorKind == "bad_qr" and reader.reads == 0
    assert "Không đọc được mã QR này" in d.text_of("identifyError")
    assert ui.vm.page == "identify"

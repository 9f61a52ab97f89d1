"""A chip read still running when a visit ends never lands in the next visit: the next citizen must not see the
previous citizen's name and photo, whatever the timing."""

from __future__ import annotations

import pytest

from kiosk.ui.simulated import SimulatedCardReader

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]


def test_a_read_from_an_ended_visit_is_dropped(ui_factory):
    reader = SimulatedCardReader(step_delay=0.25)  # a slow read: ~1.75 s
    ui, d = ui_factory(card_reader=reader)
    d.tap("startSubmit")
    d.wait_page("notice")
    d.tap("acceptNotice")
    d.wait_page("identify")
    d.tap("typeInstead")
    d.type_into("idNumber", "038186001234")
    d.type_into("dateOfBirth", "15/03/1986")
    d.tap("readTyped")
    d.wait_until(lambda: ui.vm.identify.step == "reading", 5, "reading")
    ui.vm.cancel()  # the citizen walks away mid-read
    d.wait_page("welcome")
    d.tap("startSubmit")  # the next citizen is quick
    d.wait_page("notice")
    d.tap("acceptNotice")
    d.wait_page("identify")
    d.wait_until(lambda: not ui.vm.worker.busy, 10, "the old read finished")
    d.pump(100)
    assert reader.reads == 1
    assert ui.vm.identify.step != "confirm" and ui.vm.identify.result is None
    assert "Hương" not in str(ui.vm.identify.property("fullName") or "")

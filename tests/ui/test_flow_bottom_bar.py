"""The step pages' main action sits in the bottom bar, always visible, however long the page scrolls."""

from __future__ import annotations

import pytest

from kiosk.ui import journey
from kiosk.ui.simulated import SimulatedCardReader

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]


def _on_screen(d, name: str) -> bool:  # type: ignore[no-untyped-def]
    item = d.item(name)
    p = item.mapToScene(item.boundingRect().bottomRight())
    return item.isVisible() and p.y() <= d.window.height() and p.x() <= d.window.width()


def test_continue_is_always_in_the_bottom_bar(ui_factory):
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))
    assert not d.find("footerNext").isVisible()  # welcome: nothing to continue
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    journey.choose_procedure(d, "khai sinh")
    assert _on_screen(d, "footerNext") and "Tiếp tục" in d.text_of("footerNext")
    # one main action only: "formNext" is the bottom bar's button, not a second copy at the end of the form
    assert d.item("formNext") is d.item("footerNext")
    assert not [b for b in d.find_all("formNext") if b.isVisible()]
    d.tap("footerNext")  # same as the button at the end of the form: check and show messages
    d.pump(50)
    assert ui.vm.page == "form" and ui.vm.form.errorCount > 0
    for name, value in journey.BIRTH_FORM.items():
        ui.vm.form.setValue(name, value[7:] if value.startswith("select:") else (True if value == "tick" else value))
    d.tap("footerNext")
    d.wait_page("documents")
    for it in ui.vm.documents.items:
        if it["required"]:
            d.tap(f"paper_{it['index']}")
    d.tap("footerNext")
    d.wait_page("delivery")
    d.tap("footerNext")
    d.wait_page("review")
    assert "Nộp hồ sơ" in d.text_of("footerNext")
    d.tap("footerNext")
    d.wait_page("receipt", 20)
    assert ui.vm.submit.code
    d.wait_until(lambda: ui.vm.submit.printState in ("ok", "failed"), 20, "slip")
    d.tap("footerNext")
    d.wait_page("rating")
    assert not d.find("footerNext").isVisible()

"""The fee the procedure list and the detail page show is the fee the submission charges (one rule:
kiosk.core.workflow.kiosk_fee), under either setting of workflow.kiosk_counts_as_online."""

from __future__ import annotations

import pytest

from kiosk.ui import journey
from kiosk.ui.simulated import SimulatedCardReader

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]


@pytest.mark.parametrize("online,shown", [(True, "10.000"), (False, "20.000")])
def test_list_detail_and_charge_agree(ui_factory, app, online, shown):
    app.settings.workflow.kiosk_counts_as_online = online
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    d.wait_page("procedures")
    d.type_into("search", "thuong tru")
    d.pump(50)
    first = ui.vm.procedures.property("results")[0]
    assert first["code"] == "1.004222" and shown in first["fee"]
    d.tap("proc_0")
    d.wait_page("detail")
    assert shown in ui.vm.procedures.property("detail")["fee"]
    ui.vm.submit.load(ui.vm.procedures.selected)  # what the submission will charge for this procedure
    assert ui.vm.submit.fee == int(shown.replace(".", ""))

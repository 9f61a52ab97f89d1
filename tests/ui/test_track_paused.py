"""The tracking page never shows a due date that will not hold: while the clock waits for the citizen (supplement
requested, fee to pay) it says the time limit is paused; once the papers are in, the moved date shows."""

from __future__ import annotations

import pytest

from tests.staff_helpers import PIN, add_procedures, cheap_argon2, submit

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]


def test_paused_dossier_shows_no_stale_due_date(ui_factory, app, monkeypatch):
    cheap_argon2(monkeypatch)
    add_procedures(app)
    staff = app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN).id
    code = submit(app)
    app.actions.accept(code, staff)
    app.actions.request_supplement(code, staff, [{"name": "Tờ khai", "reason": "thiếu chữ ký"}])
    ui, d = ui_factory()
    ui.vm.start("track")
    d.wait_page("track")
    ui.vm.track.lookup(code)
    d.wait_until(lambda: ui.vm.track.property("found"), 10, "found")
    assert ui.vm.track.property("info")["due"] == "tạm dừng, tính tiếp khi ông/bà bổ sung xong"
    app.actions.supplied(code, staff)
    ui.vm.track.lookup(code)
    d.wait_until(lambda: "/" in ui.vm.track.property("info").get("due", ""), 10, "the moved date")

"""Queue ticket at the kiosk (issue 8 point 5) through the real QML: Welcome → fields → a number, printed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.models.tables import QueueTicket

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]


def test_take_a_queue_number_prints_and_returns_to_welcome(ui_factory, app, tmp_path) -> None:  # type: ignore[no-untyped-def]

    app.queue.take_ticket("Hộ tịch", "OTHER-KIOSK")  # someone is already waiting
    ui, d = ui_factory()
    shots = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    d.tap("startTicket")
    d.wait_page("ticket")
    d.wait_until(lambda: ui.vm.ticket.fields, 10, "fields")
    fields = list(ui.vm.ticket.fields)
    assert "Hộ tịch" in fields
    i = fields.index("Hộ tịch")
    assert d.text_of(f"ticketField_{i}") == "Hộ tịch"
    d.tap(f"ticketField_{i}")
    d.wait_until(lambda: ui.vm.ticket.taken, 15, "ticket taken")
    d.wait_until(lambda: d.find("ticketNumber") is not None and d.find("ticketNumber").isVisible(), 5, "number shown")
    assert d.text_of("ticketNumber") == "002"
    assert d.text_of("ticketAhead") == "Số người chờ trước bạn: 1"
    assert "phút" in d.text_of("ticketWait")
    assert ui.vm.ticket.printState == "ok" and ui.vm.ticket.print_path
    pdf = Path(ui.vm.ticket.print_path)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    with app.session_factory() as s:
        rows = s.scalars(select(QueueTicket).order_by(QueueTicket.id)).all()
    assert [(r.number, r.field, r.kiosk_id, r.state) for r in rows] == [
        (1, "Hộ tịch", "OTHER-KIOSK", "waiting"), (2, "Hộ tịch", app.settings.kiosk_id, "waiting")]
    d.screenshot(shots / "ui-ticket.png")
    d.tap("langEn")
    d.wait_until(lambda: d.text_of("ticketAhead") == "People waiting before you: 1", 5, "English")
    d.tap("ticketDone")
    d.wait_page("welcome")
    assert not ui.vm.ticket.taken and ui.vm.language == "vi"


def test_ticket_page_returns_to_welcome_by_itself_and_honours_large_text(ui_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui import ticket_view_model

    ui, d = ui_factory()
    d.tap("largeText")
    d.tap("highContrast")
    ui.vm.ticket._timer.setInterval(300)  # the real page waits 30 s
    d.tap("startTicket")
    d.wait_until(lambda: ui.vm.ticket.fields, 10, "fields")
    title = d.item("pageTitle")
    assert title.property("font").pixelSize() >= round(38 * 1.25)
    d.tap("ticketField_0")
    d.wait_until(lambda: ui.vm.ticket.taken, 15, "ticket taken")
    assert ticket_view_model.RETURN_AFTER_MS >= 15_000
    d.wait_page("welcome", 5)
    assert not ui.vm.ticket.taken

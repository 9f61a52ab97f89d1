"""Help that comes to you (issue 15 point 5): after a while on one step without progress the kiosk offers to
call staff, once a visit; the help call carries the page and since when, and the counter console shows where
the citizen is stuck and for how long. The real kiosk waits 60 s; the tests shorten it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.models.tables import HelpRequest, KioskSession
from kiosk.ui import kiosk_view_model

pytestmark = [pytest.mark.ui]


def test_the_default_wait_is_a_minute() -> None:
    assert kiosk_view_model.HELP_OFFER_S == 60.0


@pytest.mark.sqlite_only
def test_help_is_offered_once_after_a_step_without_progress(ui_factory, app, clock) -> None:  # type: ignore[no-untyped-def]
    ui, d = ui_factory()
    vm = ui.vm
    vm.set_help_offer_after(2.0)
    d.tap("startSubmit")
    d.wait_page("notice")
    d.pump(1200)
    d.tap("acceptNotice")  # progress before the time is up: the wait starts again on the new page
    d.wait_page("identify")
    d.pump(1200)
    assert not vm.helpOffer
    d.tap("typeInstead")  # a new step of the page is progress too
    d.pump(1200)
    assert not vm.helpOffer
    vm.voice.setEnabled(True)  # "Nghe hướng dẫn" on: the offer is read out too
    d.wait_until(lambda: vm.helpOffer, 5, "offer of help")
    overlay = d.item("helpOfferOverlay")
    assert overlay.isVisible() and d.text_of("helpOfferTitle") == "Bạn có cần giúp không?"
    d.wait_until(lambda: ("vi", "Bạn có cần giúp không? Cán bộ có thể đến ki-ốt này để giúp bạn. Hỗ trợ là miễn phí.")
                 in vm.voice.spoken, 5, "offer spoken")
    d.tap("helpOfferContinue")
    gone = d.find("helpOfferOverlay")  # the dialog is built only while shown
    assert not vm.helpOffer and (gone is None or not gone.isVisible())
    d.tap("langEn")  # still on the same step, and later on another page: never a second offer this visit
    d.pump(2500)
    d.tap("backButton")
    d.pump(2500)
    assert not vm.helpOffer
    with app.session_factory() as s:
        assert s.scalars(select(HelpRequest)).all() == []  # declining calls nobody

    vm.cancel()  # a new visit may be offered help again
    d.wait_page("welcome")
    d.pump(2500)
    assert not vm.helpOffer  # never on the Welcome page
    d.tap("startTrack")
    d.wait_page("track")
    d.wait_until(lambda: vm.helpOffer, 5, "offer on the next visit")


def test_accepting_calls_staff_with_the_page_and_since_when(ui_factory, app, clock) -> None:  # type: ignore[no-untyped-def]
    ui, d = ui_factory()
    vm = ui.vm
    vm.set_help_offer_after(0.3)
    d.tap("startSubmit")
    d.wait_page("notice")
    d.wait_until(lambda: vm.session_id is not None, 5, "visit recorded")
    since = clock.now()
    d.tap("acceptNotice")
    d.wait_page("identify")
    d.wait_until(lambda: vm.helpOffer, 5, "offer of help")
    clock.advance(seconds=75)
    d.tap("helpOfferCall")
    assert d.item("messageBanner").isVisible()  # "Đã gọi cán bộ …"
    vm.worker.wait()
    d.pump(50)
    with app.session_factory() as s:
        (call,) = s.scalars(select(HelpRequest)).all()
        visit = s.get(KioskSession, vm.session_id)
    assert (call.reason, call.page, call.kiosk_session_id, call.state) == ("offer", "identify", vm.session_id, "open")
    assert call.page_since == since and visit.current_page == "identify" and visit.page_since == since

    # the counter console: where the citizen is now and for how long
    (row,) = app.actions.open_help_requests()
    assert (row.page, row.page_since, row.reason) == ("identify", since, "offer")
    from kiosk.ui.kiosk_records import where_and_how_long

    assert where_and_how_long(row.page, row.page_since, clock.now()) == "Đọc thẻ căn cước · 1 phút 15 giây"
    moved = clock.now()
    d.tap("typeInstead")  # the citizen moves on: the console follows the visit, not the moment of the call
    vm.worker.wait()
    d.pump(50)
    clock.advance(seconds=9)
    (row,) = app.actions.open_help_requests()
    assert (row.page, row.page_since) == ("identify", moved)
    assert where_and_how_long(row.page, row.page_since, clock.now()) == "Đọc thẻ căn cước · 9 giây"


def test_console_shows_the_page_and_how_long(qtbot, app, clock) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from kiosk.models.database import session_scope
    from kiosk.ui.console.help_panel import HelpPanel

    with session_scope(app.session_factory) as s:
        visit = KioskSession(kiosk_id="KIOSK-02", started_at=clock.now(), current_page="documents",
                             page_since=clock.now() - timedelta(minutes=2, seconds=5))
        s.add(visit)
        s.flush()
        s.add(HelpRequest(kiosk_id="KIOSK-02", kiosk_name="Ki-ốt tầng 2", created_at=clock.now(), state="open",
                          kiosk_session_id=visit.id, page="form", page_since=clock.now(), reason="offer"))
    rows = app.actions.open_help_requests()
    panel = HelpPanel.__new__(HelpPanel)  # the panel without a console window around it
    HelpPanel.__init__(panel, _FakeWindow())  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    assert panel.apply(rows, clock.now(), app.settings.tz) == 1
    table = panel.table
    assert table.horizontalHeaderItem(4).text() == "Đang ở trang · đã bao lâu"
    assert table.item(0, 4).text() == "Giấy tờ · 2 phút 05 giây"  # the visit's page now, not the page of the call
    assert "(ki-ốt mời hỗ trợ)" in table.item(0, 0).text()
    assert "Ki-ốt tầng 2 (Giấy tờ · 2 phút 05 giây)" in panel.banner.text()


class _FakeWindow:
    """HelpPanel keeps only a weak reference to its window for take/close; apply() does not use it."""

"""The counter console offscreen (pytest-qt): log in, see the queue with its colours, accept a dossier,
request a supplement through the dialog, help-call notification, session timeout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.conftest import vn
from tests.staff_helpers import PIN, cheap_argon2, make_app, submit

pytestmark = [pytest.mark.ui]
SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def kapp(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    a.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
    yield a
    a.close()


@pytest.fixture
def win(qtbot, kapp):  # type: ignore[no-untyped-def]
    from kiosk.ui.console.window import ConsoleWindow

    w = ConsoleWindow(kapp, poll_ms=60_000, timeout_s=600)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def login(qtbot, win, pin=PIN):  # type: ignore[no-untyped-def]
    qtbot.keyClicks(win.username, "lan")
    qtbot.keyClicks(win.pin, pin)
    qtbot.mouseClick(win.login_button, Qt.MouseButton.LeftButton)


@SQLITE
def test_wrong_pin_stays_on_login(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, win, "000999")
    assert win.stack.currentIndex() == 0
    assert "không đúng" in win.login_error.text() and win.pin.text() == ""


@SQLITE
def test_login_queue_accept(qtbot, win, kapp, clock) -> None:  # type: ignore[no-untyped-def]
    code = submit(kapp)
    late = submit(kapp, id_number="038085001234", name="Đặng Văn Đức")
    clock.t = vn(2026, 11, 26, 8, 30)  # 30 working minutes left for both
    login(qtbot, win)
    assert win.stack.currentIndex() == 1 and "Nguyễn Thị Lan" in win.officer_label.text()
    assert win.queue.rowCount() == 2
    assert win.queue.item(0, 1).text() == "còn 0 giờ 30 phút"
    assert win.queue.item(0, 0).background().color() == QColor("#ffe3a8")  # amber: last working hour
    clock.t = vn(2026, 11, 26, 9, 30)
    win.session.last_activity = clock.t  # the officer kept working meanwhile
    win.poll()
    assert win.queue.item(0, 0).background().color() == QColor("#f8d0d0")  # red: past the window
    win.queue.selectRow(0)
    assert win.current_code == code
    assert win.buttons["accept"].isEnabled() and not win.buttons["finish"].isEnabled()
    qtbot.mouseClick(win.buttons["accept"], Qt.MouseButton.LeftButton)
    assert kapp.actions.detail(code).row.status == 2
    assert win.queue.rowCount() == 1 and win.queue.item(0, 0).text() == late
    assert "→ 2" in win.statusBar().currentMessage() and "Mẫu 01" in win.statusBar().currentMessage()
    assert win.buttons["finish"].isEnabled() and not win.buttons["accept"].isEnabled()
    ev = kapp.actions.detail(code).events[-1]
    assert ev["action"] == "accept" and ev["staff"] == "lan"


@SQLITE
def test_supplement_dialog_sends_whole_list(qtbot, win, kapp) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.console.dialogs import SupplementDialog

    code = submit(kapp)
    login(qtbot, win)
    win.show_detail(code)

    def fill(dlg):  # type: ignore[no-untyped-def]
        assert isinstance(dlg, SupplementDialog)
        dlg.add_item("Tờ khai", "Thiếu chữ ký")
        dlg.add_item("Giấy chứng sinh", "Bản photo không rõ")
        dlg.guidance.setPlainText("Nộp bản chính tại quầy 3")
        dlg._try_accept()
        return dlg.result() == 1

    win.exec_dialog = fill
    qtbot.mouseClick(win.buttons["supplement"], Qt.MouseButton.LeftButton)
    det = kapp.actions.detail(code)
    assert det.row.status == 5
    assert det.events[-1]["details"]["items"][1] == {"name": "Giấy chứng sinh", "reason": "Bản photo không rõ"}
    assert win.buttons["supplied"].isEnabled()


def test_supplement_dialog_validates(qtbot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.console.dialogs import SupplementDialog

    dlg = SupplementDialog(["Tờ khai"])
    qtbot.addWidget(dlg)
    dlg._try_accept()
    assert dlg.result() == 0 and "Chưa có" in dlg.error.text()
    dlg.add_item("Tờ khai", "")
    dlg._try_accept()
    assert "lý do" in dlg.error.text()


@SQLITE
def test_search_and_illegal_action_message(qtbot, win, kapp) -> None:  # type: ignore[no-untyped-def]
    code = submit(kapp)
    kapp.actions.refuse(code, kapp.staff.get("lan").id, "Không thuộc thẩm quyền")
    login(qtbot, win)
    qtbot.keyClicks(win.search_box, "nguyen thi huong")
    qtbot.keyClick(win.search_box, Qt.Key.Key_Return)
    assert win.results.rowCount() == 1 and win.results.item(0, 0).text() == code
    win.results.selectRow(0)
    assert not win.buttons["accept"].isEnabled()
    win.perform("accept", code)  # forced: the core refuses with a clear message
    assert "Không thể tiếp nhận" in win.statusBar().currentMessage()


@SQLITE
def test_help_call_notification(qtbot, win, kapp, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.database import session_scope
    from kiosk.models.tables import HelpRequest

    login(qtbot, win)
    with session_scope(kapp.session_factory) as s:
        s.add(HelpRequest(kiosk_id="KIOSK-02", kiosk_name="Ki-ốt tầng 2", created_at=clock.now()))
    with qtbot.waitSignal(win.helpRequested, timeout=2000) as sig:
        win.poll()
    assert sig.args == ["Ki-ốt tầng 2"]
    assert win.help_banner.isVisible() and "Ki-ốt tầng 2" in win.help_banner.text()
    win.help_table.selectRow(0)
    win.take_help()
    assert kapp.actions.open_help_requests()[0].taken_by == "Nguyễn Thị Lan"
    assert not win.help_banner.isVisible()


@SQLITE
def test_session_timeout_returns_to_login(qtbot, win, clock) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, win)
    clock.advance(seconds=599)
    win.poll()
    assert win.stack.currentIndex() == 1
    clock.advance(seconds=601)
    with qtbot.waitSignal(win.sessionEnded, timeout=2000) as sig:
        win.poll()
    assert sig.args == ["timeout"] and win.stack.currentIndex() == 0
    assert "hết hạn" in win.login_error.text()


@SQLITE
def test_counter_walk_in(qtbot, win, kapp) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.console.dialogs import WalkInDialog

    login(qtbot, win)

    def fill(dlg):  # type: ignore[no-untyped-def]
        assert isinstance(dlg, WalkInDialog) and dlg.procedure.count() == 2
        dlg._try_accept()
        assert "Số định danh" in dlg.error.text()
        dlg.id_number.setText("079301000111")
        dlg.name.setText("Trần Văn   Bình")
        dlg._try_accept()
        return dlg.result() == 1

    win.exec_dialog = fill
    qtbot.mouseClick(win.findChild(type(win.login_button), "walkInButton"), Qt.MouseButton.LeftButton)
    det = kapp.actions.detail(win.current_code)
    assert det.row.channel == "counter" and det.row.status == 2 and det.row.applicant_name == "Trần Văn Bình"
    assert det.events[0]["staff"] == "lan" and det.events[0]["on_behalf_of_applicant"] is True

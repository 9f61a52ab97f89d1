"""The hall screen offscreen (a call appears in huge type, waiting counts, spoken once with the mock
speech engine) and the console's queue strip and supervisor-only audit tab.

Set SCREENSHOT_DIR to keep the screenshot (docs/screenshots/hall.png is made this way)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.staff_helpers import PIN, cheap_argon2, make_app

pytestmark = [pytest.mark.ui]
SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def happ(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    a.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
    a.staff.add("hoa", "supervisor", "Phạm Thị Hoa", PIN)
    yield a
    a.close()


def _texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Every visible text in the item tree (Repeater delegates are visual children, not QObject children)."""
    out: list[str] = []

    def walk(item) -> None:  # type: ignore[no-untyped-def]
        t = item.property("text")
        if isinstance(t, (str, int)) and str(t) and item.isVisible():
            out.append(str(t))
        for child in item.childItems():
            walk(child)

    walk(window.contentItem())
    return out


@SQLITE
def test_hall_shows_calls_and_speaks_once(qapp, happ, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.hall.window import load_hall
    from tests.helpers import add_procedure

    add_procedure(happ.session_factory, "1.013978", field="Đất đai")  # a third field to queue for
    q = happ.queue
    lan = happ.staff.authenticate("lan", PIN).id
    for f in ("Hộ tịch", "Hộ tịch", "Cư trú", "Đất đai", "Hộ tịch"):
        q.take_ticket(f, "KIOSK-01")
    q.call_next(1, lan)
    engine, window, vm = load_hall(happ, poll_ms=60_000, voice=True, tts_engine="mock")
    try:
        assert vm.qml_warnings == []
        said: list[str] = []
        vm.announced.connect(said.append)
        qapp.processEvents()
        latest = window.findChild(object, "latestCall")
        assert latest.property("text") == "Số 001 → Quầy 1"
        assert said == [] and vm.waitingTotal == 4  # what was called before the screen opened is not replayed
        clock.advance(minutes=3)
        q.call_next(3, lan, ["Cư trú"])
        vm.refresh()
        qapp.processEvents()
        assert latest.property("text") == "Số 003 → Quầy 3"
        assert said == ["Mời công dân số 003 đến quầy số 3"] and vm.spoken == said
        assert vm.latestAnnouncement == said[-1] and vm.latestLine == "Số 003 → Quầy 3"  # core's wording
        assert [r["line"] for r in vm.previous] == ["Số 001 → Quầy 1"] and vm.headline == "Mời công dân"
        assert vm.tts() is not None and vm.tts().engine() == "mock"
        texts = _texts(window)
        assert "Số 001 → Quầy 1" in texts and "3 người" in texts and "Đất đai" in texts
        vm.refresh()  # nothing new: silent
        assert len(said) == 1
        clock.advance(minutes=1)
        q.recall(3, lan)
        vm.refresh()
        assert said[-1] == "Mời công dân số 003 đến quầy số 3" and len(said) == 2
        window.resize(1280, 720)
        qapp.processEvents()
        out = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path) / "hall.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        assert window.grabWindow().save(str(out))
    finally:
        vm.timer.stop()
        window.close()
        del engine


@SQLITE
def test_console_queue_strip_and_audit_tab(qtbot, happ, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.console.window import ConsoleWindow

    q = happ.queue
    q.take_ticket("Hộ tịch", "KIOSK-01")
    q.take_ticket("Cư trú", "KIOSK-01")
    w = ConsoleWindow(happ, poll_ms=60_000, timeout_s=600)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)

    def idle() -> None:  # the console runs every database call on its worker
        qtbot.waitUntil(lambda: not w.worker.busy, timeout=15000)

    def click(button) -> None:  # type: ignore[no-untyped-def]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        idle()

    def login(user: str) -> None:
        w.username.setText(user)
        qtbot.keyClicks(w.pin, PIN)
        click(w.login_button)

    login("lan")
    panel = w.queue_panel
    assert w.tabs.indexOf(w.audit_panel) < 0  # an officer has no audit tab
    assert "Đang chờ: 2" in panel.waiting_label.text() and not panel.buttons["served"].isEnabled()
    panel.counter.setValue(4)
    click(panel.call_button)
    assert panel.current_label.text() == "Đang phục vụ: số 001 · Hộ tịch"
    assert w.statusBar().currentMessage() == "Mời công dân số 001 đến quầy số 4"
    assert "Đang chờ: 1" in panel.waiting_label.text()
    click(panel.buttons["served"])
    assert panel.current_label.text() == "Chưa gọi số"
    click(panel.call_button)
    click(panel.buttons["no_show"])
    click(panel.call_button)
    assert w.statusBar().currentMessage() == "Không còn ai đang chờ."
    w.end_session("logout")
    idle()

    login("hoa")
    idx = w.tabs.indexOf(w.audit_panel)
    assert idx >= 0 and w.tabs.tabText(idx) == "Nhật ký"
    table = w.audit_panel.table
    actions = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert {"queue.take", "queue.call", "queue.served", "queue.no_show", "staff.login"} <= actions
    w.audit_panel.staff.setText("lan")
    w.audit_panel.action.setText("queue.")
    w.audit_panel.refresh()
    idle()
    assert table.rowCount() == 4 and {table.item(r, 2).text() for r in range(4)} == {"lan"}
    out = tmp_path / "audit.csv"
    assert w.audit_panel.export_to(out) == 4 and "queue.no_show" in out.read_text(encoding="utf-8")
    w.end_session("logout")
    assert w.tabs.indexOf(w.audit_panel) < 0


@SQLITE
def test_console_remembers_its_counter_number(qapp, happ) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.console.queue_panel import _read_counter

    path = happ.settings.data_dir / "console-counter-number"
    assert _read_counter(path) == 1
    path.write_text("7")
    assert _read_counter(path) == 7
    path.write_text("not a number")
    assert _read_counter(path) == 1


def test_hall_qml_composes_no_call_text() -> None:
    """The call lines, the announcement and the counts are the view model's (from kiosk.core.queue): the QML
    only binds them, so a change of wording is made once, in core."""
    import re

    from kiosk.ui.hall.window import QML_FILE

    qml = "\n".join(line for line in QML_FILE.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//"))
    assert not re.search(r"Quầy|quầy|Mời công dân|người\"|\.number\b|\.counter\b", qml)
    assert "win.hall.latestLine" in qml and "modelData.line" in qml and "win.hall.waitingText" in qml

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


def consent(app, code, *, sms: bool, email: bool = False) -> None:  # type: ignore[no-untyped-def]
    """The applicant of ``code`` has an account and answered the status-SMS / e-mail consents."""
    from datetime import UTC, datetime

    from sqlalchemy import select

    from kiosk.models.tables import Account, Consent, Dossier

    now = datetime.now(UTC)
    with app.session_factory() as s, s.begin():
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        acc = Account(citizen_id=d.applicant_id, phone="+84912345678", email="huong@example.vn", status="active",
                      phone_verified_at=now, created_at=now)
        s.add(acc)
        s.flush()
        for purpose, granted in (("sms_notifications", sms), ("email_notifications", email)):
            s.add(Consent(account_id=acc.id, purpose=purpose, text_version="consents-2026.1", granted=granted, at=now))


def idle(qtbot, win):  # type: ignore[no-untyped-def]
    """Wait until the console's worker has finished everything (actions and the refreshes they start)."""
    qtbot.waitUntil(lambda: not win.worker.busy, timeout=15000)


def login(qtbot, win, pin=PIN, user="lan"):  # type: ignore[no-untyped-def]
    qtbot.keyClicks(win.username, user)
    qtbot.keyClicks(win.pin, pin)
    qtbot.mouseClick(win.login_button, Qt.MouseButton.LeftButton)
    idle(qtbot, win)


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
    idle(qtbot, win)
    assert win.queue.item(0, 0).background().color() == QColor("#f8d0d0")  # red: past the window
    win.queue.selectRow(0)
    assert win.current_code == code
    idle(qtbot, win)
    assert win.buttons["accept"].isEnabled() and not win.buttons["finish"].isEnabled()
    qtbot.mouseClick(win.buttons["accept"], Qt.MouseButton.LeftButton)
    idle(qtbot, win)
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
    idle(qtbot, win)

    def fill(dlg):  # type: ignore[no-untyped-def]
        assert isinstance(dlg, SupplementDialog)
        dlg.add_item("Tờ khai", "Thiếu chữ ký")
        dlg.add_item("Giấy chứng sinh", "Bản photo không rõ")
        dlg.guidance.setPlainText("Nộp bản chính tại quầy 3")
        dlg._try_accept()
        return dlg.result() == 1

    win.exec_dialog = fill
    qtbot.mouseClick(win.buttons["supplement"], Qt.MouseButton.LeftButton)
    idle(qtbot, win)
    det = kapp.actions.detail(code)
    assert det.row.status == 5
    assert det.events[-1]["details"]["items"][1] == {"name": "Giấy chứng sinh", "reason": "Bản photo không rõ"}
    assert win.buttons["supplied"].isEnabled()


def test_action_effects_sms_only_with_consent_and_email(qtbot, win, kapp) -> None:  # type: ignore[no-untyped-def]
    """One core call after the commit (app.effects.after_action): Mẫu 01 on the real PDF printer, the status
    SMS through the demo gateway only to the citizen who agreed, the e-mail with Mẫu 01 where agreed too."""
    from kiosk.integrations.sms import outbox_path, read_outbox

    agreed = submit(kapp)
    consent(kapp, agreed, sms=True, email=True)
    declined = submit(kapp, id_number="038085001234", name="Đặng Văn Đức")
    consent(kapp, declined, sms=False)
    login(qtbot, win)
    for code in (agreed, declined):
        win.show_detail(code)
        idle(qtbot, win)
        qtbot.mouseClick(win.buttons["accept"], Qt.MouseButton.LeftButton)
        idle(qtbot, win)
        assert kapp.actions.detail(code).row.status == 2
        msg = win.statusBar().currentMessage()
        report = win.detail_panel.last_outcome.effects
        assert report.form == "01" and report.printed.ok and report.printed.path.is_file()
        assert f"{code}: 1 → 2 · Mẫu 01: đã in" in msg
        if code == agreed:
            assert report.sms == "sent" and "đã gửi SMS" in msg
            assert report.email == "sent" and "đã gửi e-mail" in msg
        else:
            assert report.sms == "no_consent" and "không gửi SMS (công dân chưa đồng ý nhận tin)" in msg
            assert report.email == "not_needed" and "e-mail" not in msg
    texts = read_outbox(outbox_path(kapp.settings), limit=10)
    assert [agreed in t["text"] for t in texts] == [True]  # one text, to the citizen who agreed
    assert win.sms_panel.count() == 1 and agreed in win.sms_panel.item(0).text()  # the console's SMS tab
    mails = list((kapp.settings.data_dir / "email-outbox").glob("*.eml"))
    assert len(mails) == 1 and agreed in mails[0].read_text(errors="replace")


def test_failed_print_is_shown_and_reprinted(qtbot, settings, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The PDF printer's folder is unusable: the action still commits, the console says the form was not
    printed, the job waits in the "In lỗi" tab, and "In lại" prints it once the folder is back."""
    from kiosk.ui.console.window import ConsoleWindow

    blocker = settings.data_dir.parent / "receipts-here"
    blocker.write_text("a file where the PDF folder should be")
    cheap_argon2(monkeypatch)
    a = make_app(settings.model_copy(update={"printer": settings.printer.model_copy(update={"output_dir": blocker})}),
                 clock)
    try:
        a.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
        code = submit(a)
        w = ConsoleWindow(a, poll_ms=60_000, timeout_s=600)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        login(qtbot, w)
        w.show_detail(code)
        idle(qtbot, w)
        qtbot.mouseClick(w.buttons["accept"], Qt.MouseButton.LeftButton)
        idle(qtbot, w)
        assert a.actions.detail(code).row.status == 2  # committed whatever the printer did
        report = w.detail_panel.last_outcome.effects
        assert report.form == "01" and not report.printed.ok
        msg = w.statusBar().currentMessage()
        assert f"Mẫu 01: CHƯA IN ({report.printed.state}) — xem thẻ In lỗi" in msg
        assert "không gửi SMS (công dân chưa đồng ý nhận tin)" in msg
        table = w.print_panel.table
        assert table.rowCount() == 1 and table.item(0, 0).text() == code and table.item(0, 1).text() == "01"
        blocker.unlink()
        table.selectRow(0)
        w.print_panel.reprint_selected()
        idle(qtbot, w)
        assert w.statusBar().currentMessage() == "Đã in lại."
        assert table.rowCount() == 0 and len(list(blocker.glob("*.pdf"))) == 1
        w.close()
    finally:
        a.close()


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
    idle(qtbot, win)
    assert win.results.rowCount() == 1 and win.results.item(0, 0).text() == code
    win.results.selectRow(0)
    idle(qtbot, win)
    assert not win.buttons["accept"].isEnabled()
    win.perform("accept", code)  # forced: the core refuses with a clear message
    idle(qtbot, win)
    assert "Không thể tiếp nhận" in win.statusBar().currentMessage()


@SQLITE
def test_help_call_notification(qtbot, win, kapp, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.database import session_scope
    from kiosk.models.tables import HelpRequest

    login(qtbot, win)
    with session_scope(kapp.session_factory) as s:
        s.add(HelpRequest(kiosk_id="KIOSK-02", kiosk_name="Ki-ốt tầng 2", created_at=clock.now()))
    with qtbot.waitSignal(win.helpRequested, timeout=5000) as sig:
        win.poll()
    assert sig.args == ["Ki-ốt tầng 2"]
    idle(qtbot, win)
    assert win.help_banner.isVisible() and "Ki-ốt tầng 2" in win.help_banner.text()
    win.help_table.selectRow(0)
    win.take_help()
    idle(qtbot, win)
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
    idle(qtbot, win)
    det = kapp.actions.detail(win.current_code)
    assert det.row.channel == "counter" and det.row.status == 2 and det.row.applicant_name == "Trần Văn Bình"
    assert det.events[0]["staff"] == "lan" and det.events[0]["on_behalf_of_applicant"] is True


def test_walk_in_papers_chosen_by_the_officer(qtbot, win, kapp) -> None:  # type: ignore[no-untyped-def]
    """Each paper scanned / on paper / not provided; a required paper is never "not provided"; the printed
    Mẫu 01 lists only the papers provided, with how, and the dossier stores every choice."""
    from pypdf import PdfReader

    from kiosk.ui.console.dialogs import WalkInDialog

    login(qtbot, win)
    seen: dict[str, object] = {}

    def fill(dlg):  # type: ignore[no-untyped-def]
        assert isinstance(dlg, WalkInDialog)
        dlg.procedure.setCurrentIndex(dlg.procedure.findData("1.004222"))
        assert dlg.papers.rowCount() == 3 == len(dlg.provision_boxes)
        required, proof, consent_letter = dlg.provision_boxes
        seen["required"] = [required.itemData(i) for i in range(required.count())]
        seen["optional"] = [proof.itemData(i) for i in range(proof.count())]
        seen["defaults"] = [b.currentData() for b in dlg.provision_boxes]
        assert "(bắt buộc)" in dlg.papers.item(0, 0).text() and dlg.papers.item(1, 1).text() == "1 bản photo"
        required.setCurrentIndex(required.findData("scanned"))
        proof.setCurrentIndex(proof.findData("paper"))
        dlg.id_number.setText("079301000111")
        dlg.name.setText("Trần Văn Bình")
        dlg._try_accept()
        return dlg.result() == 1

    win.exec_dialog = fill
    qtbot.mouseClick(win.walk_in_button, Qt.MouseButton.LeftButton)
    idle(qtbot, win)
    assert seen["required"] == ["paper", "scanned"]  # no "not provided" for a required paper
    assert seen["optional"] == ["paper", "scanned", "not_provided"]
    assert seen["defaults"] == ["paper", "not_provided", "not_provided"]
    code = win.current_code
    det = kapp.actions.detail(code)
    assert det.row.channel == "counter" and det.row.status == 2 and det.row.procedure_code == "1.004222"
    docs = det.documents  # in catalogue order
    assert [(d["provision"], d["digitised_state"]) for d in docs] == [
        ("scanned", 1), ("paper", 0), ("not_provided", 0)]
    report = win.detail_panel.last_outcome.effects
    assert report.form == "01" and report.printed.ok and "Mẫu 01: đã in" in win.statusBar().currentMessage()
    receipt = kapp.print_jobs.content(code, "01")
    assert [(line.name, line.how) for line in receipt.documents] == [
        (docs[0]["name"], "Bản quét (đã số hóa)"), (docs[1]["name"], "Nộp bản giấy tại quầy")]
    text = " ".join((page.extract_text() or "") for page in PdfReader(str(report.printed.path)).pages)
    text = " ".join(text.split())
    assert "Tờ khai thay đổi thông tin cư trú" in text and "chỗ ở hợp pháp" in text
    assert "Văn bản đồng ý của chủ hộ" not in text  # not provided: left off the receipt


def test_walk_in_dialog_refuses_a_required_paper_not_provided(qtbot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import SubmissionError, counter_papers
    from kiosk.ui.console.dialogs import WalkInDialog
    from kiosk.ui.console.operations import WalkInPaper

    dlg = WalkInDialog([("1.004873", "Xác nhận tình trạng hôn nhân",
                         [WalkInPaper("Tờ khai", True, "1 bản chính"), WalkInPaper("Giấy ly hôn", False, "1 bản sao")])])
    qtbot.addWidget(dlg)
    dlg.id_number.setText("079301000111")
    dlg.name.setText("Trần Văn Bình")
    assert dlg.values()["provisions"] == {1: "paper", 2: "not_provided"}
    dlg.provision_boxes[0].addItem("Không nộp", "not_provided")  # even if a choice slipped in, the dialog refuses
    dlg.provision_boxes[0].setCurrentIndex(dlg.provision_boxes[0].findData("not_provided"))
    dlg._try_accept()
    assert dlg.error.text() == "Giấy tờ bắt buộc phải nộp: Tờ khai." and dlg.result() != 1

    class Doc:  # the shape of a catalogue paper
        def __init__(self, name: str, required: bool) -> None:
            self.name_vi, self.name_en, self.required = name, name, required
            self.originals, self.certified_copies, self.photocopies = 1, 0, 0

    class Proc:
        documents = (Doc("Tờ khai", True), Doc("Giấy ly hôn", False))

    with pytest.raises(SubmissionError, match="required paper") as refused:  # and core refuses it too
        counter_papers(Proc(), choices={1: "not_provided"})
    assert refused.value.vi == "Giấy tờ bắt buộc phải nộp: Tờ khai."
    with pytest.raises(SubmissionError):
        counter_papers(Proc(), choices={2: "reused"})  # nothing to reuse at the counter
    assert [d.provision for d in counter_papers(Proc(), choices={2: "scanned"})] == ["paper", "scanned"]


# -- background work, status 6/7/8, roles, chip card -------------------------------------------------------


class _Heartbeat:
    """A 20 ms QTimer on the GUI thread; ``worst`` is the longest gap between two beats (a stalled loop)."""

    def __init__(self) -> None:
        import time

        from PySide6.QtCore import QTimer

        self._now = time.monotonic
        self.last = self._now()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        now = self._now()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        self.beat()
        return self.worst


@pytest.fixture
def slow_gateway():  # type: ignore[no-untyped-def]
    """An HTTP SMS gateway that answers after 1 s."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    hits: list[bytes] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            hits.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            time.sleep(1.0)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/send", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@SQLITE
def test_slow_sms_gateway_never_stalls_the_console(qtbot, settings, clock, monkeypatch, slow_gateway) -> None:  # type: ignore[no-untyped-def]
    import threading
    import time

    from kiosk.ui.console.window import ConsoleWindow

    url, hits = slow_gateway
    cheap_argon2(monkeypatch)
    http_settings = settings.model_copy(update={"sms": settings.sms.model_copy(update={"backend": "http", "http_url": url})})
    a = make_app(http_settings, clock)
    try:
        a.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
        code = submit(a)
        consent(a, code, sms=True)  # status texts go only to a citizen who agreed (kiosk.core.contact)
        w = ConsoleWindow(a, poll_ms=60_000, timeout_s=600)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        login(qtbot, w)
        w.show_detail(code)
        idle(qtbot, w)

        def fill(dlg):  # type: ignore[no-untyped-def]
            dlg.text.setPlainText("Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị")
            return True

        w.exec_dialog = fill
        beat = _Heartbeat()
        started = time.monotonic()
        qtbot.mouseClick(w.buttons["refuse"], Qt.MouseButton.LeftButton)
        assert w.busy and w.busy_bar.isVisible() and not w.buttons["refuse"].isEnabled()
        idle(qtbot, w)
        worst = beat.stop()
        assert time.monotonic() - started >= 1.0  # the gateway's second was really spent
        assert len(hits) == 1 and "đã gửi SMS" in w.statusBar().currentMessage()
        assert a.actions.detail(code).row.status == 3
        assert w.worker.last_thread_id != threading.get_ident()
        # not blocked for the gateway's second (the 100 ms goal is measured by benchmarks, not asserted here)
        assert worst < 0.5, f"the GUI event loop stalled {worst * 1000:.0f} ms"
        assert not w.busy and not w.busy_bar.isVisible()
        w.close()
    finally:
        a.close()


@SQLITE
def test_status_buttons_6_7_8_only_where_legal(qtbot, win, kapp) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.console.dialogs import FinancialDialog

    code = submit(kapp)
    login(qtbot, win)
    win.show_detail(code)
    idle(qtbot, win)
    b = win.buttons
    assert b["withdraw"].isVisible() and not b["financial"].isVisible() and not b["stop"].isVisible()  # status 1
    qtbot.mouseClick(b["accept"], Qt.MouseButton.LeftButton)
    idle(qtbot, win)
    assert all(b[k].isVisible() and b[k].isEnabled() for k in ("financial", "withdraw", "stop"))  # status 2

    def fill(dlg):  # type: ignore[no-untyped-def]
        assert isinstance(dlg, FinancialDialog)
        dlg.amount.setValue(150_000)
        dlg.reason.setText("Lệ phí trước bạ")
        return True

    win.exec_dialog = fill
    qtbot.mouseClick(b["financial"], Qt.MouseButton.LeftButton)
    idle(qtbot, win)
    det = kapp.actions.detail(code)
    assert det.row.status == 6 and det.fee == 150_000
    assert not b["financial"].isVisible() and b["withdraw"].isVisible() and b["stop"].isVisible()


@SQLITE
def test_role_tabs(qtbot, win, kapp) -> None:  # type: ignore[no-untyped-def]
    kapp.staff.add("hoa", "supervisor", "Phạm Thị Hoa", PIN)
    login(qtbot, win)
    titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    assert not any(t.startswith(("Nhật ký", "Số liệu")) for t in titles)  # an officer: the counter work only
    win.end_session("logout")
    idle(qtbot, win)
    win.username.clear()
    login(qtbot, win, user="hoa")
    titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    assert "Nhật ký" in titles and "Số liệu" in titles
    qtbot.waitUntil(lambda: win.figures_panel.data != {}, timeout=10000)
    assert win.figures_panel.values["queue.waiting"].text() == "0"


def _card_window(qtbot, kapp, demo_card):  # type: ignore[no-untyped-def]
    from kiosk.devices.card import CardReaderService
    from kiosk.ui.console.window import ConsoleWindow

    reader = CardReaderService(reader=demo_card.reader, trust_dir=demo_card.trust_dir)
    w = ConsoleWindow(kapp, poll_ms=60_000, timeout_s=600, card_reader=reader)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@SQLITE
@pytest.mark.integration
def test_walk_in_reads_the_card_through_pcscd(qtbot, kapp, demo_card) -> None:  # type: ignore[no-untyped-def]
    import threading

    from kiosk.ui.console.dialogs import WalkInDialog

    w = _card_window(qtbot, kapp, demo_card)
    login(qtbot, w)
    citizen = demo_card.citizen
    worst: list[float] = []

    def fill(dlg):  # type: ignore[no-untyped-def]
        assert isinstance(dlg, WalkInDialog) and dlg.read_button.isEnabled()
        dlg.start_card_read()
        assert "Nhập số định danh" in dlg.card_status.text()  # nothing to open the chip with yet
        dlg.id_number.setText(citizen.id_number)
        dlg.dob.setText(f"{citizen.birth:%d/%m/%Y}")
        beat = _Heartbeat()
        dlg.start_card_read()
        assert not dlg.read_button.isEnabled()
        qtbot.waitUntil(lambda: dlg.read_button.isEnabled(), timeout=60_000)
        worst.append(beat.stop())
        assert dlg.card_status.text() == "Đã đọc thẻ, chữ ký số hợp lệ.", dlg.card_status.text()
        assert dlg.name.text() == citizen.full_name and dlg.card_data["dob"] == citizen.birth
        dlg._try_accept()
        return dlg.result() == 1

    w.exec_dialog = fill
    qtbot.mouseClick(w.walk_in_button, Qt.MouseButton.LeftButton)
    idle(qtbot, w)
    assert w.worker.last_thread_id != threading.get_ident()
    det = kapp.actions.detail(w.current_code)
    assert det.row.channel == "counter" and det.row.status == 2
    assert det.row.applicant_name == citizen.full_name and det.applicant_id_number == citizen.id_number
    assert worst[0] < 0.5, f"the GUI event loop stalled {worst[0] * 1000:.0f} ms during the card read"


@SQLITE
@pytest.mark.integration
def test_badge_login_with_the_officers_own_card(qtbot, kapp, demo_card) -> None:  # type: ignore[no-untyped-def]
    w = _card_window(qtbot, kapp, demo_card)
    qr = demo_card.citizen.qr_text()

    def badge(pin: str = PIN) -> None:
        w.badge_pin.setText(pin)
        w.badge_qr.setText(qr)  # the card's QR scanned by the keyboard-wedge scanner
        qtbot.mouseClick(w.badge_button, Qt.MouseButton.LeftButton)
        assert w.busy
        qtbot.waitUntil(lambda: not w.worker.busy, timeout=60_000)

    badge()  # a card not linked to anyone
    assert w.stack.currentIndex() == 0 and "chưa được gắn" in w.login_error.text()
    kapp.staff.set_badge("lan", demo_card.citizen.id_number)  # what `kiosk staff badge lan --id …` does
    w.badge_qr.setText(qr)  # no PIN: refused before the chip is even read
    qtbot.mouseClick(w.badge_button, Qt.MouseButton.LeftButton)
    assert not w.busy and "mã PIN" in w.login_error.text() and w.stack.currentIndex() == 0
    badge("000000")  # the right chip, a wrong PIN
    assert w.stack.currentIndex() == 0 and "không đúng" in w.login_error.text()
    badge()
    assert w.stack.currentIndex() == 1 and w.session.identity.username == "lan"
    assert "Nguyễn Thị Lan" in w.officer_label.text() and w.badge_qr.text() == "" and w.badge_pin.text() == ""


@SQLITE
@pytest.mark.integration
@pytest.mark.parametrize("demo_card", [{"forged": True}], indirect=True)
def test_badge_login_refuses_a_forged_chip(qtbot, kapp, demo_card) -> None:  # type: ignore[no-untyped-def]
    """A chip signed under a forger's own CSCA (same names, not in the trust store) with the right PIN."""
    from sqlalchemy import select

    from kiosk.models.tables import AuditEvent

    w = _card_window(qtbot, kapp, demo_card)
    kapp.staff.set_badge("lan", demo_card.citizen.id_number)
    w.badge_pin.setText(PIN)
    w.badge_qr.setText(demo_card.citizen.qr_text())
    qtbot.mouseClick(w.badge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.worker.busy, timeout=60_000)
    assert w.stack.currentIndex() == 0 and w.session is None
    assert "Không xác thực được chip" in w.login_error.text()
    with kapp.session_factory() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.action == "staff.login_failed")).all()
    assert [(r.details["reason"], r.details["chip"]) for r in rows] == [("chip_not_verified", "chain_unverified")]

"""The counter console window: login, the acceptance queue with its clock colours, search, a dossier's
detail and history, the action buttons, help calls from kiosks, failed print jobs and the SMS outbox.

Why Widgets: a dense desktop work screen with tables and dialogs for a mouse-and-keyboard officer. All
rules live in kiosk.core (StaffService, DossierActions); this module only shows state and forwards clicks.
The database is polled every few seconds (a branch shares one database between kiosks and counters), and
the staff session ends after ``staff_session_timeout_s`` without keyboard or mouse activity.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.dossier_actions import ActionError
from kiosk.core.dossier_queries import format_remaining
from kiosk.core.staff import StaffAuthError
from kiosk.ui.console import effects
from kiosk.ui.console.audit_panel import AUDIT_ROLES, AuditPanel
from kiosk.ui.console.dialogs import (
    ApologyDialog,
    PaymentDialog,
    ReasonDialog,
    ReturnDialog,
    SupplementDialog,
    WalkInDialog,
    table_readonly,
)
from kiosk.ui.console.labels import (
    ACTION_VI,
    BUTTON_TEXT,
    CHANNEL_VI,
    DELIVERY_VI,
    ENABLED,
    LEVEL_COLOURS,
    PAYMENT_VI,
)

ACTIVITY_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def _item(text: str, bg: str | None = None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    if bg:
        it.setBackground(QColor(bg))
    return it


class _ActivityFilter(QObject):
    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in ACTIVITY_EVENTS and self.window.session is not None:
            self.window.session.touch()
        return False


class ConsoleWindow(QMainWindow):
    helpRequested = Signal(str)  # kiosk name of a new help call  # noqa: N815
    sessionEnded = Signal(str)  # "logout" | "timeout"  # noqa: N815

    def __init__(self, app: Any, *, poll_ms: int = 5000, timeout_s: float | None = None) -> None:
        super().__init__()
        self.app = app
        self.session: Any = None
        self.timeout_s = timeout_s if timeout_s is not None else app.settings.staff_session_timeout_s
        self.current_code: str | None = None
        self._seen_help: set[int] = set()
        self.setWindowTitle(f"Quầy tiếp nhận — {app.settings.unit_name}")
        self.resize(1280, 780)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.stack.addWidget(self._build_login())
        self.stack.addWidget(self._build_work())
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self._filter = _ActivityFilter(self)
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.installEventFilter(self._filter)

    # -- building ----------------------------------------------------------------------------------
    def _build_login(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(380)
        v = QVBoxLayout(box)
        title = QLabel("Đăng nhập cán bộ")
        f = QFont()
        f.setPointSize(16)
        f.setBold(True)
        title.setFont(f)
        v.addWidget(title)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText("Tên đăng nhập")
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setPlaceholderText("Mã PIN / mật khẩu")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.returnPressed.connect(self.login)
        self.login_button = QPushButton("Đăng nhập")
        self.login_button.setObjectName("loginButton")
        self.login_button.clicked.connect(self.login)
        self.login_error = QLabel("")
        self.login_error.setObjectName("loginError")
        self.login_error.setStyleSheet("color: #b00020;")
        self.login_error.setWordWrap(True)
        for w in (self.username, self.pin, self.login_button, self.login_error):
            v.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    def _build_work(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        top = QHBoxLayout()
        self.officer_label = QLabel("")
        self.officer_label.setObjectName("officerLabel")
        self.search_box = QLineEdit()
        self.search_box.setObjectName("search")
        self.search_box.setPlaceholderText("Tìm theo mã hồ sơ, số định danh (12 số) hoặc họ tên (có dấu hay không dấu)")
        self.search_box.returnPressed.connect(self.run_search)
        search_btn = QPushButton("Tìm")
        search_btn.clicked.connect(self.run_search)
        walk_in = QPushButton("Tiếp nhận tại quầy…")
        walk_in.setObjectName("walkInButton")
        walk_in.clicked.connect(self.on_walk_in)
        top.addWidget(walk_in)
        logout = QPushButton("Đăng xuất")
        logout.setObjectName("logoutButton")
        logout.clicked.connect(lambda: self.end_session("logout"))
        top.addWidget(self.officer_label)
        top.addWidget(self.search_box, 1)
        top.addWidget(search_btn)
        top.addWidget(logout)
        v.addLayout(top)
        self.help_banner = QLabel("")
        self.help_banner.setObjectName("helpBanner")
        self.help_banner.setStyleSheet("background:#fff3cd; color:#7a4b00; padding:6px; font-weight:bold;")
        self.help_banner.hide()
        v.addWidget(self.help_banner)
        from kiosk.ui.console.queue_panel import QueuePanel

        self.queue_panel = QueuePanel(self)  # queue tickets: call next, current ticket, waiting counts
        v.addWidget(self.queue_panel)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.queue = QTableWidget(0, 6)
        self.queue.setObjectName("queueTable")
        self.queue.setHorizontalHeaderLabels(["Mã hồ sơ", "Còn lại (giờ làm việc)", "Hạn tiếp nhận", "Thủ tục", "Người nộp", "Kênh"])
        self.results = QTableWidget(0, 5)
        self.results.setObjectName("resultsTable")
        self.results.setHorizontalHeaderLabels(["Mã hồ sơ", "Trạng thái", "Thủ tục", "Người nộp", "Hạn trả"])
        self.help_table = QTableWidget(0, 4)
        self.help_table.setObjectName("helpTable")
        self.help_table.setHorizontalHeaderLabels(["Ki-ốt", "Lúc", "Trạng thái", "Cán bộ"])
        self.print_table = QTableWidget(0, 5)
        self.print_table.setObjectName("printTable")
        self.print_table.setHorizontalHeaderLabels(["Mã hồ sơ", "Mẫu", "Lỗi", "Lúc", "Số lần"])
        for t in (self.queue, self.results, self.help_table, self.print_table):
            table_readonly(t)
        self.queue.itemSelectionChanged.connect(lambda: self._select_from(self.queue))
        self.results.itemSelectionChanged.connect(lambda: self._select_from(self.results))
        self.sms_list = QListWidget()
        self.sms_list.setObjectName("smsList")
        self.tabs.addTab(self.queue, "Chờ tiếp nhận")
        self.tabs.addTab(self.results, "Tìm kiếm")
        self.tabs.addTab(self._with_buttons(self.help_table, [("Nhận hỗ trợ", self.take_help), ("Đã xong", self.close_help)]), "Hỗ trợ ki-ốt")
        self.tabs.addTab(self._with_buttons(self.print_table, [("In lại", self.reprint_selected)]), "In lỗi")
        self.tabs.addTab(self.sms_list, "Tin nhắn SMS")
        self.audit_panel = AuditPanel(self.app)  # added as a tab only for supervisor/admin logins
        split.addWidget(self.tabs)

        right = QWidget()
        rv = QVBoxLayout(right)
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")
        rv.addWidget(self.detail, 1)
        grid = QWidget()
        gl = QVBoxLayout(grid)
        self.buttons: dict[str, QPushButton] = {}
        row: QHBoxLayout | None = None
        for i, key in enumerate(BUTTON_TEXT):
            if i % 3 == 0:
                row = QHBoxLayout()
                gl.addLayout(row)
            b = QPushButton(BUTTON_TEXT[key])
            b.setObjectName(f"action_{key}")
            b.setEnabled(False)
            b.clicked.connect(lambda _=False, k=key: self.on_action(k))
            self.buttons[key] = b
            assert row is not None
            row.addWidget(b)
        rv.addWidget(grid)
        split.addWidget(right)
        split.setSizes([700, 560])
        v.addWidget(split, 1)
        return page

    def _with_buttons(self, table: QTableWidget, buttons: list[tuple[str, Any]]) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(table)
        row = QHBoxLayout()
        for text, slot in buttons:
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        return w

    # -- session -----------------------------------------------------------------------------------
    def login(self) -> bool:
        try:
            ident = self.app.staff.authenticate(self.username.text(), self.pin.text())
        except StaffAuthError as exc:
            self.login_error.setText(exc.vi)
            self.pin.clear()
            return False
        finally:
            self.pin.clear()
        self.session = self.app.staff.start_session(ident, self.timeout_s)
        self.login_error.clear()
        self.officer_label.setText(f"Cán bộ: <b>{ident.full_name}</b> ({ident.username})")
        self.stack.setCurrentIndex(1)
        if ident.role in AUDIT_ROLES and self.tabs.indexOf(self.audit_panel) < 0:
            self.tabs.addTab(self.audit_panel, "Nhật ký")
            self.audit_panel.refresh()
        self._seen_help = {h.id for h in self.app.actions.open_help_requests()}
        self.refresh()
        self.timer.start()
        return True

    def end_session(self, reason: str = "logout") -> None:
        if self.session is not None:
            self.session.end(reason)
        self.session = None
        self.timer.stop()
        self.current_code = None
        self.detail.clear()
        self.queue.setRowCount(0)
        self.results.setRowCount(0)
        self.stack.setCurrentIndex(0)
        if (i := self.tabs.indexOf(self.audit_panel)) >= 0:
            self.tabs.removeTab(i)
        if reason == "timeout":
            self.login_error.setText("Phiên làm việc đã hết hạn do không thao tác. Vui lòng đăng nhập lại.")
        self.sessionEnded.emit(reason)

    def _staff_id(self) -> int | None:
        if self.session is None:
            return None
        try:
            return int(self.session.require().id)
        except StaffAuthError:
            self.end_session("timeout")
            return None

    # -- polling -----------------------------------------------------------------------------------
    def poll(self) -> None:
        if self.session is None:
            return
        if self.session.check():
            self.end_session("timeout")
            return
        self.refresh()

    def refresh(self) -> None:
        self.refresh_queue()
        self.refresh_help()
        self.refresh_print_jobs()
        self.refresh_sms()
        self.queue_panel.refresh()
        if self.current_code:
            self.show_detail(self.current_code)

    def refresh_queue(self) -> None:
        rows = self.app.actions.pending_acceptance()
        tz = self.app.settings.tz
        self._fill(self.queue, [
            (r.code, [r.code, format_remaining(r.remaining),
                      r.accept_deadline.astimezone(tz).strftime("%H:%M %d/%m") if r.accept_deadline else "—",
                      r.procedure_name, r.applicant_name, CHANNEL_VI.get(r.channel, r.channel)], LEVEL_COLOURS[r.level])
            for r in rows
        ])
        self.tabs.setTabText(0, f"Chờ tiếp nhận ({len(rows)})")

    def run_search(self) -> None:
        text = self.search_box.text().strip()
        rows = self.app.actions.search(text) if text else self.app.actions.list_dossiers()
        tz = self.app.settings.tz
        self._fill(self.results, [
            (r.code, [r.code, f"{r.status} · {r.status_text}", r.procedure_name, r.applicant_name,
                      r.due_at.astimezone(tz).strftime("%H:%M %d/%m/%Y") if r.due_at else "—"], None)
            for r in rows
        ])
        self.tabs.setCurrentIndex(1)
        self.statusBar().showMessage(f"{len(rows)} hồ sơ")

    def refresh_help(self) -> None:
        rows = self.app.actions.open_help_requests()
        tz = self.app.settings.tz
        self._fill(self.help_table, [
            (str(h.id), [h.kiosk_name, h.created_at.astimezone(tz).strftime("%H:%M"),
                         "Đang chờ" if h.state == "open" else "Đang hỗ trợ", h.taken_by or ""],
             "#ffe3a8" if h.state == "open" else None)
            for h in rows
        ])
        waiting = [h for h in rows if h.state == "open"]
        self.tabs.setTabText(2, f"Hỗ trợ ki-ốt ({len(waiting)})")
        if waiting:
            self.help_banner.setText("Công dân cần hỗ trợ tại: " + ", ".join(h.kiosk_name for h in waiting))
            self.help_banner.show()
        else:
            self.help_banner.hide()
        for h in waiting:
            if h.id not in self._seen_help:
                self._seen_help.add(h.id)
                QApplication.beep()
                self.helpRequested.emit(h.kiosk_name)

    def refresh_print_jobs(self) -> None:
        jobs = self.app.actions.failed_print_jobs()
        tz = self.app.settings.tz
        self._fill(self.print_table, [
            (str(j["id"]), [j["code"], j["form"], (j["error"] or "")[:80], j["at"].astimezone(tz).strftime("%H:%M %d/%m"),
                            str(j["attempts"])], "#f8d0d0")
            for j in jobs
        ])
        self.tabs.setTabText(3, f"In lỗi ({len(jobs)})")

    def refresh_sms(self) -> None:
        try:
            from kiosk.integrations.sms import outbox_path, read_outbox
        except ImportError:
            return
        lines = read_outbox(outbox_path(self.app.settings), limit=30)
        self.sms_list.clear()
        for m in reversed(lines):
            self.sms_list.addItem(f"{m['at'][11:16]}  {m['to']}  {m['text']}")

    def _fill(self, table: QTableWidget, rows: list[tuple[str, list[str], str | None]]) -> None:
        keep = self._selected_key(table)
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for r, (key, cells, bg) in enumerate(rows):
            for c, text in enumerate(cells):
                it = _item(text, bg)
                it.setData(Qt.ItemDataRole.UserRole, key)
                table.setItem(r, c, it)
            if key == keep:
                table.selectRow(r)
        table.blockSignals(False)
        table.resizeColumnsToContents()

    @staticmethod
    def _selected_key(table: QTableWidget) -> str | None:
        items = table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    # -- detail ------------------------------------------------------------------------------------
    def _select_from(self, table: QTableWidget) -> None:
        key = self._selected_key(table)
        if key:
            self.show_detail(key)

    def show_detail(self, code: str) -> None:
        det = self.app.actions.detail(code)
        if det is None:
            self.current_code = None
            self.detail.setHtml(f"<p>Không tìm thấy hồ sơ {code}.</p>")
            self._update_buttons(None)
            return
        self.current_code = code
        tz = self.app.settings.tz

        def f(t: Any) -> str:
            return t.astimezone(tz).strftime("%H:%M %d/%m/%Y") if t else "—"

        r = det.row
        html = [
            f"<h3>{r.code}</h3><p><b>{r.status} · {r.status_text}</b></p>",
            f"<p>{r.procedure_code} — {r.procedure_name}</p>",
            f"<p>Người nộp: <b>{r.applicant_name}</b> · Số định danh {det.applicant_id_number}"
            f" · Kênh: {CHANNEL_VI.get(r.channel, r.channel)}</p>",
            f"<p>Nộp: {f(r.submitted_at)} · Tiếp nhận: {f(r.received_at)} · Hẹn trả: <b>{f(r.due_at)}</b>"
            + (f" (ban đầu {f(det.original_due_at)})" if det.original_due_at and det.original_due_at != r.due_at else "")
            + "</p>",
            f"<p>Phí: {det.fee:,} đ".replace(",", ".")
            + f" · Thanh toán: {PAYMENT_VI.get(r.payment_state, r.payment_state)}"
            f" · Nhận kết quả: {DELIVERY_VI.get(det.delivery, det.delivery)} · Bổ sung: {det.supplement_rounds} lần</p>",
            "<h4>Thành phần hồ sơ</h4><ul>",
        ]
        for d in det.documents:
            scan = f", quét {d['scanned_pages']} trang" if d["scanned_pages"] else ""
            html.append(f"<li>{d['name']} — bản chính {d['originals']}, bản sao {d['certified_copies']}, "
                        f"photo {d['photocopies']}{scan}</li>")
        html.append("</ul><h4>Lịch sử</h4><ul>")
        for e in det.events:
            who = f" — {e['staff']}" if e["staff"] else ""
            behalf = " (thay công dân)" if e["on_behalf_of_applicant"] else ""
            at = datetime.fromisoformat(e["at"]).astimezone(tz)
            move = f" {e['from'] or ''}→{e['to']}" if e["from"] != e["to"] else ""
            html.append(f"<li>{at:%H:%M %d/%m} · {ACTION_VI.get(e['action'], e['action'])}{move}{who}{behalf}</li>")
        html.append("</ul>")
        self.detail.setHtml("".join(html))
        self._update_buttons(det)

    def _update_buttons(self, det: Any) -> None:
        for key, b in self.buttons.items():
            ok = det is not None and det.row.status in ENABLED[key]
            if key == "pay":
                ok = ok and det.row.payment_state == "unpaid"
            if key == "apologize" and det is not None:
                ok = ok and det.row.due_at is not None and self.app.clock.now() < det.row.due_at and not any(
                    e["action"] == "apologize" for e in det.events
                )
            b.setEnabled(bool(ok))

    # -- actions -----------------------------------------------------------------------------------
    def on_action(self, key: str) -> None:
        """Collect what the action needs (dialogs), then run it."""
        code = self.current_code
        if code is None:
            return
        det = self.app.actions.detail(code)
        if det is None:
            return
        kwargs: dict[str, Any] = {}
        if key == "supplement":
            dlg = SupplementDialog([d["name"] for d in det.documents], self)
            if not self.exec_dialog(dlg):
                return
            kwargs["items"], kwargs["guidance"] = dlg.values()
        elif key == "refuse":
            dlg = ReasonDialog("Từ chối tiếp nhận (Mẫu 03)", "Lý do từ chối:", self)
            if not self.exec_dialog(dlg):
                return
            kwargs["reason"] = dlg.values()
        elif key == "pay":
            dlg = PaymentDialog(det.fee, self)
            if not self.exec_dialog(dlg):
                return
            kwargs["method"], kwargs["amount"], kwargs["reference"] = dlg.values()
        elif key == "return":
            dlg = ReturnDialog(det.delivery, self)
            if not self.exec_dialog(dlg):
                return
            kwargs["via"] = dlg.values()
        elif key == "apologize":
            dlg = ApologyDialog(det.row.due_at, self.app.settings.tz, self)
            if not self.exec_dialog(dlg):
                return
            kwargs["reason"], kwargs["new_due"] = dlg.values()
        self.perform(key, code, **kwargs)

    def exec_dialog(self, dlg: Any) -> bool:
        """Run a dialog modally (tests replace this to fill and accept it)."""
        return bool(dlg.exec())

    def perform(self, key: str, code: str, **kw: Any) -> Any:
        staff_id = self._staff_id()
        if staff_id is None:
            return None
        a = self.app.actions
        try:
            if key == "accept":
                r = a.accept(code, staff_id)
            elif key == "supplement":
                r = a.request_supplement(code, staff_id, kw["items"], kw.get("guidance", ""))
            elif key == "supplied":
                r = a.supplied(code, staff_id)
            elif key == "refuse":
                r = a.refuse(code, staff_id, kw["reason"])
            elif key == "start":
                r = a.start_processing(code, staff_id)
            elif key == "pay":
                r = a.record_payment(code, staff_id, kw["method"], kw["amount"], kw.get("reference"))
            elif key == "finish":
                r = a.finish(code, staff_id)
            elif key == "return":
                r = a.return_result(code, staff_id, kw["via"])
            elif key == "apologize":
                r = a.apologize(code, staff_id, kw["reason"], kw["new_due"])
            else:
                return None
        except ActionError as exc:
            self.statusBar().showMessage(exc.vi, 15000)
            return None
        msg = f"{code}: {r.status_from} → {r.status_to}"
        form = effects.FORM_FOR_ACTION.get(r.action)
        if form:
            printed = effects.print_form(self.app, code, form)
            msg += f" · Mẫu {form}: " + ("đã in" if printed["state"] == "ok" else f"CHƯA IN ({printed['state']}) — xem thẻ In lỗi")
        sms = effects.notify_sms(self.app, code, r.action, due=r.due_at)
        if sms == "sent":
            msg += " · đã gửi SMS"
        self.statusBar().showMessage(msg, 15000)
        self.refresh()
        self.show_detail(code)
        return r

    def on_walk_in(self) -> None:
        dlg = WalkInDialog(self.app.actions.procedures_in_effect(), self)
        if self.exec_dialog(dlg):
            self.walk_in(**dlg.values())

    def walk_in(self, *, procedure: str, id_number: str, name: str, phone: str = "", delivery: str = "counter",
                address: str = "") -> str | None:
        """Create a counter dossier (accepted at once) for the citizen in front of the officer; Mẫu 01."""
        from kiosk.core.dossiers import PersonData, Submission, SubmissionError
        from kiosk.core.identity import InvalidIdNumber

        staff_id = self._staff_id()
        if staff_id is None:
            return None
        sub = Submission(
            procedure_code=procedure, channel="counter", assisted_by_staff_id=staff_id, delivery=delivery,
            delivery_address=address or None,
            applicant=PersonData(id_number=id_number, full_name=name, phone=phone or None),
        )
        try:
            res = self.app.dossiers.submit(sub)
        except (SubmissionError, InvalidIdNumber) as exc:
            self.statusBar().showMessage(exc.vi, 15000)
            return None
        printed = effects.print_form(self.app, res.code, "01")
        self.statusBar().showMessage(
            f"{res.code}: đã tiếp nhận tại quầy · Mẫu 01: "
            + ("đã in" if printed["state"] == "ok" else f"CHƯA IN ({printed['state']})"), 15000
        )
        self.show_detail(res.code)
        return res.code

    def take_help(self) -> None:
        self._help("take")

    def close_help(self) -> None:
        self._help("close")

    def _help(self, what: str) -> None:
        key = self._selected_key(self.help_table)
        staff_id = self._staff_id()
        if key is None or staff_id is None:
            return
        try:
            (self.app.actions.take_help if what == "take" else self.app.actions.close_help)(int(key), staff_id)
        except ActionError as exc:
            self.statusBar().showMessage(exc.vi, 10000)
        self.refresh_help()

    def reprint_selected(self) -> None:
        key = self._selected_key(self.print_table)
        if key is None or self._staff_id() is None:
            return
        res = effects.reprint(self.app, int(key))
        self.statusBar().showMessage("Đã in lại." if res["state"] == "ok" else f"In lại không được: {res['state']}", 10000)
        self.refresh_print_jobs()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if self.session is not None:
            self.end_session("logout")
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.removeEventFilter(self._filter)
        super().closeEvent(event)

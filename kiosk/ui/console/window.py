"""The counter console window: login, the acceptance queue with its clock colours, search, a dossier's
detail and history, the action buttons, help calls from kiosks, failed print jobs and the SMS outbox.

Why Widgets: a dense desktop work screen with tables and dialogs for a mouse-and-keyboard officer. All
rules live in kiosk.core (StaffService, DossierActions); this module only shows state and forwards clicks.
The database is polled every few seconds (a branch shares one database between kiosks and counters), and
the staff session ends after ``staff_session_timeout_s`` without keyboard or mouse activity.

Nothing blocking runs on the GUI thread: logins (argon2), database reads and writes, printing, SMS and card
reads go through :class:`kiosk.ui.worker.Worker` (functions in :mod:`.operations`); while an officer's
action runs the buttons are disabled and a busy bar shows, and they come back when it is done.
"""

from __future__ import annotations

import functools
import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QProgressBar,
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

from kiosk.core.dossier_queries import format_remaining
from kiosk.ui.console import effects, operations
from kiosk.ui.console.audit_panel import AuditPanel
from kiosk.ui.console.detail_html import detail_html
from kiosk.ui.console.dialogs import table_readonly
from kiosk.ui.console.figures_panel import FiguresPanel
from kiosk.ui.console.labels import BUTTON_TEXT, CHANNEL_VI, LEVEL_COLOURS, SHOWN_ONLY_WHEN_LEGAL, button_legal
from kiosk.ui.console.roles import can
from kiosk.ui.worker import Worker

ACTIVITY_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def _item(text: str, bg: str | None = None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    if bg:
        it.setBackground(QColor(bg))
    return it


class _ActivityFilter(QObject):
    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__(window)
        self._window = weakref.ref(window)  # weak: no filter <-> window cycle for the garbage collector

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        window = self._window()
        session = window.session if window is not None else None
        if event.type() in ACTIVITY_EVENTS and session is not None:
            if session.expired:  # ended on the next poll (the logout row is written on the worker)
                return False
            session.last_activity = session.service.clock.now()
        return False


class ConsoleWindow(QMainWindow):
    helpRequested = Signal(str)  # kiosk name of a new help call  # noqa: N815
    sessionEnded = Signal(str)  # "logout" | "timeout"  # noqa: N815

    busyChanged = Signal(bool)  # an officer's action (login, dossier action, walk-in, card read) runs  # noqa: N815

    def __init__(self, app: Any, *, poll_ms: int = 5000, timeout_s: float | None = None,
                 card_reader: Any = None) -> None:
        super().__init__()
        self.app = app
        self.session: Any = None
        self.timeout_s = timeout_s if timeout_s is not None else app.settings.staff_session_timeout_s
        self.current_code: str | None = None
        self._det: Any = None  # the loaded detail of current_code
        self._seen_help: set[int] | None = set()
        self._refresh_seq = 0
        self._busy = 0
        self.card_reader = card_reader  # None: the reader of Settings.card, opened on the worker
        self.last_result: Any = None
        # one thread: keeps the order of the officer's actions (and of the polls after them)
        self.worker = Worker(self, max_threads=1)
        self._closed = False
        self.setWindowTitle(f"Quầy tiếp nhận — {app.settings.unit_name}")
        self.resize(1280, 780)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.stack.addWidget(self._build_login())
        self.stack.addWidget(self._build_work())
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        # activity = input to this window's own widgets (not an application-wide filter: those ran Python on
        # every event of the process, and crashed once worker threads were busy)
        self._filter = _ActivityFilter(self)
        for w in [self, *self.findChildren(QWidget)]:
            w.installEventFilter(self._filter)

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
        for w in (self.username, self.pin, self.login_button):
            v.addWidget(w)
        # or the officer's own chip card (linked with `kiosk staff badge`): the chip is read on the worker with
        # the key from the card's QR, or from the ID number and date of birth typed here
        badge_title = QLabel("Hoặc đăng nhập bằng thẻ căn cước của cán bộ:")
        badge_title.setWordWrap(True)
        self.badge_id = QLineEdit()
        self.badge_id.setObjectName("badgeId")
        self.badge_id.setPlaceholderText("Số định danh (12 số)")
        self.badge_dob = QLineEdit()
        self.badge_dob.setObjectName("badgeDob")
        self.badge_dob.setPlaceholderText("Ngày sinh dd/mm/yyyy")
        self.badge_pin = QLineEdit()  # a badge is one factor: the PIN is always asked as well
        self.badge_pin.setObjectName("badgePin")
        self.badge_pin.setPlaceholderText("Mã PIN của bạn")
        self.badge_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.badge_qr = QLineEdit()
        self.badge_qr.setObjectName("badgeQr")
        self.badge_qr.setPlaceholderText("hoặc quét mã QR trên thẻ")
        self.badge_qr.returnPressed.connect(self.badge_login)
        self.badge_button = QPushButton("Đăng nhập bằng thẻ")
        self.badge_button.setObjectName("badgeLoginButton")
        self.badge_button.clicked.connect(self.badge_login)
        for w in (badge_title, self.badge_pin, self.badge_id, self.badge_dob, self.badge_qr, self.badge_button,
                  self.login_error):
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
        self.walk_in_button = QPushButton("Tiếp nhận tại quầy…")
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.clicked.connect(self.on_walk_in)
        top.addWidget(self.walk_in_button)
        logout = QPushButton("Đăng xuất")
        logout.setObjectName("logoutButton")
        logout.clicked.connect(self._logout_clicked)
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
        self.help_table = QTableWidget(0, 5)
        self.help_table.setObjectName("helpTable")
        self.help_table.setHorizontalHeaderLabels(["Ki-ốt", "Lúc", "Trạng thái", "Cán bộ", "Đang ở trang · đã bao lâu"])
        self.print_table = QTableWidget(0, 5)
        self.print_table.setObjectName("printTable")
        self.print_table.setHorizontalHeaderLabels(["Mã hồ sơ", "Mẫu", "Lỗi", "Lúc", "Số lần"])
        for t in (self.queue, self.results, self.help_table, self.print_table):
            table_readonly(t)
        self.queue.itemSelectionChanged.connect(self._queue_selected)
        self.results.itemSelectionChanged.connect(self._results_selected)
        self.sms_list = QListWidget()
        self.sms_list.setObjectName("smsList")
        self.tabs.addTab(self.queue, "Chờ tiếp nhận")
        self.tabs.addTab(self.results, "Tìm kiếm")
        self.tabs.addTab(self._with_buttons(self.help_table, [("Nhận hỗ trợ", self.take_help), ("Đã xong", self.close_help)]), "Hỗ trợ ki-ốt")
        self.tabs.addTab(self._with_buttons(self.print_table, [("In lại", self.reprint_selected)]), "In lỗi")
        self.tabs.addTab(self.sms_list, "Tin nhắn SMS")
        self.audit_panel = AuditPanel(self.app, self.worker)  # tab only for supervisor/admin (roles.py)
        self.figures_panel = FiguresPanel(self.app, self.worker)  # likewise
        for panel in (self.audit_panel, self.figures_panel):  # owned by the window while not shown as a tab
            panel.setParent(page)
            panel.hide()
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
            b.clicked.connect(functools.partial(self.on_action, key))
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

    # -- background work ---------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while an officer's action runs (the buttons are disabled meanwhile)."""
        return self._busy > 0

    def run_busy(self, fn: Any, on_done: Any, on_error: Any = None) -> None:
        """Run ``fn`` on the worker as the officer's action: busy state on, buttons off, both back after."""
        self._set_busy(+1)

        def done(value: Any) -> None:
            self._set_busy(-1)
            on_done(value)

        def failed(exc: BaseException) -> None:
            self._set_busy(-1)
            if on_error is not None:
                on_error(exc)
            else:
                self.statusBar().showMessage(getattr(exc, "vi", None) or f"Lỗi: {type(exc).__name__}", 15000)

        self.worker.submit(fn, done, failed)

    def _set_busy(self, delta: int) -> None:
        was = self.busy
        self._busy = max(0, self._busy + delta)
        if was == self.busy:
            return
        self.busy_bar.setVisible(self.busy)
        self.login_button.setEnabled(not self.busy)
        self.badge_button.setEnabled(not self.busy)
        self.walk_in_button.setEnabled(not self.busy)
        self.queue_panel.setEnabled(not self.busy)
        self._update_buttons(self._det)
        self.busyChanged.emit(self.busy)

    # -- session -----------------------------------------------------------------------------------
    def login(self) -> None:
        """Check the PIN on the worker (argon2 is slow on purpose); the PIN field is cleared at once."""
        username, pin = self.username.text(), self.pin.text()
        self.pin.clear()
        staff = self.app.staff
        self.run_busy(functools.partial(staff.authenticate, username, pin), self._logged_in, self._login_failed)

    def badge_login(self, *_: Any) -> None:
        """Staff badge login: the officer's PIN plus their own chip card, read on the worker (key: the card's QR,
        or ID number + date of birth); the chip must be verified (operations.badge_login), then the PIN."""
        from datetime import datetime as _dt

        if self.busy:
            return
        qr, id_number = self.badge_qr.text().strip(), self.badge_id.text().strip()
        pin = self.badge_pin.text()
        try:
            dob = _dt.strptime(self.badge_dob.text().strip(), "%d/%m/%Y").date()
        except ValueError:
            dob = None
        self.badge_qr.clear()
        self.badge_pin.clear()
        if not pin:
            self.login_error.setText("Nhập mã PIN của bạn, rồi quét mã QR hoặc nhập số định danh trên thẻ.")
            return
        if not qr and (len(id_number) != 12 or dob is None):
            self.login_error.setText("Nhập số định danh và ngày sinh (dd/mm/yyyy), hoặc quét mã QR trên thẻ.")
            return
        try:
            key = operations.card_key(id_number, dob, qr)
        except Exception:  # noqa: BLE001 - a malformed QR or ID: say so
            self.login_error.setText("Mã QR hoặc số định danh không hợp lệ.")
            return
        self.login_error.setText("Đang đọc thẻ… Đặt thẻ lên đầu đọc và giữ yên.")
        self.run_busy(functools.partial(operations.badge_login, self.app.staff, self._reader(), key, pin),
                      self._logged_in, self._login_failed)

    def _reader(self) -> Any:
        return self.card_reader if self.card_reader is not None else operations.default_card_reader(self.app)

    def _login_failed(self, exc: BaseException) -> None:
        self.login_error.setText(getattr(exc, "vi", None) or getattr(exc, "message_vi", None)
                                 or "Không đăng nhập được. Vui lòng thử lại.")

    def _logged_in(self, ident: Any) -> None:
        self.session = self.app.staff.start_session(ident, self.timeout_s)
        self.login_error.clear()
        self.officer_label.setText(f"Cán bộ: <b>{ident.full_name}</b> ({ident.username})")
        self.stack.setCurrentIndex(1)
        for panel, cap, title in ((self.audit_panel, "audit", "Nhật ký"), (self.figures_panel, "figures", "Số liệu")):
            if can(ident.role, cap) and self.tabs.indexOf(panel) < 0:
                self.tabs.addTab(panel, title)
                panel.refresh()
        self._seen_help = None  # the first snapshot marks the calls already open as seen
        self.refresh()
        self.timer.start()

    @property
    def role(self) -> str | None:
        return self.session.identity.role if self.session is not None else None

    def end_session(self, reason: str = "logout", *, wait: bool = False) -> None:
        session, self.session = self.session, None
        if session is not None and session.ended is None:
            session.ended = reason  # the audit row is written on the worker
            self.worker.submit(functools.partial(self.app.staff.logout, session.identity, reason=reason,
                                                 kiosk_id=session.kiosk_id))
            if wait:
                self.worker.wait(10000)
        self.timer.stop()
        self.current_code, self._det = None, None
        self.detail.clear()
        self._update_buttons(None)
        self.queue.setRowCount(0)
        self.results.setRowCount(0)
        self.stack.setCurrentIndex(0)
        for panel in (self.audit_panel, self.figures_panel):
            if (i := self.tabs.indexOf(panel)) >= 0:
                self.tabs.removeTab(i)
        if reason == "timeout":
            self.login_error.setText("Phiên làm việc đã hết hạn do không thao tác. Vui lòng đăng nhập lại.")
        self.sessionEnded.emit(reason)

    def _logout_clicked(self) -> None:
        self.end_session("logout")

    def _staff_id(self) -> int | None:
        """The officer's id for an action; ends an expired session (no database access here)."""
        if self.session is None:
            return None
        if self.session.ended is not None or self.session.expired:
            self.end_session("timeout")
            return None
        self.session.last_activity = self.app.clock.now()
        return int(self.session.identity.id)

    # -- polling -----------------------------------------------------------------------------------
    def poll(self) -> None:
        if self.session is None:
            return
        if self.session.expired:
            self.end_session("timeout")
            return
        self.refresh()

    def refresh(self) -> None:
        """Reload the queue, help calls, print jobs, SMS outbox and the open dossier on the worker."""
        if self.session is None:
            return
        self._refresh_seq += 1
        seq, app, code = self._refresh_seq, self.app, self.current_code
        self.worker.submit(lambda: operations.load_snapshot(app, code), lambda snap: self._apply(seq, snap),
                           self._poll_failed)
        self.queue_panel.refresh()

    def _poll_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(f"Không đọc được cơ sở dữ liệu ({type(exc).__name__}); sẽ thử lại.", 8000)

    def _apply(self, seq: int, snap: operations.Snapshot) -> None:
        if seq != self._refresh_seq or self.session is None:
            return  # a newer refresh is on its way, or the officer logged out
        tz = self.app.settings.tz
        self._fill(self.queue, [
            (r.code, [r.code, format_remaining(r.remaining),
                      r.accept_deadline.astimezone(tz).strftime("%H:%M %d/%m") if r.accept_deadline else "—",
                      r.procedure_name, r.applicant_name, CHANNEL_VI.get(r.channel, r.channel)], LEVEL_COLOURS[r.level])
            for r in snap.pending
        ])
        self.tabs.setTabText(0, f"Chờ tiếp nhận ({len(snap.pending)})")
        self._apply_help(snap.help_requests)
        self._fill(self.print_table, [
            (str(j["id"]), [j["code"], j["form"], (j["error"] or "")[:80], j["at"].astimezone(tz).strftime("%H:%M %d/%m"),
                            str(j["attempts"])], "#f8d0d0")
            for j in snap.print_jobs
        ])
        self.tabs.setTabText(3, f"In lỗi ({len(snap.print_jobs)})")
        self.sms_list.clear()
        for m in reversed(snap.sms):
            self.sms_list.addItem(f"{m['at'][11:16]}  {m['to']}  {m['text']}")
        if snap.detail_code and snap.detail_code == self.current_code:
            self._show_loaded(snap.detail_code, snap.detail)

    def run_search(self) -> None:
        text = self.search_box.text().strip()
        actions = self.app.actions

        def work() -> list[Any]:
            return actions.search(text) if text else actions.list_dossiers()

        self.worker.submit(work, self._searched, self._poll_failed)

    def _searched(self, rows: list[Any]) -> None:
        tz = self.app.settings.tz
        self._fill(self.results, [
            (r.code, [r.code, f"{r.status} · {r.status_text}", r.procedure_name, r.applicant_name,
                      r.due_at.astimezone(tz).strftime("%H:%M %d/%m/%Y") if r.due_at else "—"], None)
            for r in rows
        ])
        self.tabs.setCurrentIndex(1)
        self.statusBar().showMessage(f"{len(rows)} hồ sơ")

    def _apply_help(self, rows: list[Any]) -> None:
        from kiosk.ui.kiosk_records import where_and_how_long

        tz = self.app.settings.tz
        now = self.app.clock.now()
        self._fill(self.help_table, [
            (str(h.id), [h.kiosk_name + (" (ki-ốt mời hỗ trợ)" if getattr(h, "reason", None) == "offer" else ""),
                         h.created_at.astimezone(tz).strftime("%H:%M"),
                         "Đang chờ" if h.state == "open" else "Đang hỗ trợ", h.taken_by or "",
                         where_and_how_long(getattr(h, "page", None), getattr(h, "page_since", None), now)],
             "#ffe3a8" if h.state == "open" else None)
            for h in rows
        ])
        waiting = [h for h in rows if h.state == "open"]
        self.tabs.setTabText(2, f"Hỗ trợ ki-ốt ({len(waiting)})")
        self.help_banner.setVisible(bool(waiting))
        self.help_banner.setText("Công dân cần hỗ trợ tại: " + ", ".join(
            h.kiosk_name + (f" ({w})" if (w := where_and_how_long(getattr(h, "page", None), getattr(h, "page_since", None),
                                                                 now)) else "")
            for h in waiting))
        if self._seen_help is None:
            self._seen_help = {h.id for h in waiting}
        for h in waiting:
            if h.id not in self._seen_help:
                self._seen_help.add(h.id)
                QApplication.beep()
                self.helpRequested.emit(h.kiosk_name)

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
    def _queue_selected(self) -> None:
        self._select_from(self.queue)

    def _results_selected(self) -> None:
        self._select_from(self.results)

    def _select_from(self, table: QTableWidget) -> None:
        key = self._selected_key(table)
        if key:
            self.show_detail(key)

    def show_detail(self, code: str) -> None:
        """Open a dossier: current_code is set now, the detail is read on the worker."""
        if code != self.current_code:
            self._det = None
            self._update_buttons(None)
        self.current_code = code
        actions = self.app.actions
        self.worker.submit(lambda: actions.detail(code), lambda det: self._show_loaded(code, det), self._poll_failed)

    def _show_loaded(self, code: str, det: Any) -> None:
        if code != self.current_code:
            return
        if det is None:
            self._det = None
            self.detail.setHtml(f"<p>Không tìm thấy hồ sơ {code}.</p>")
        else:
            self._det = det
            self.detail.setHtml(detail_html(det, self.app.settings.tz))
        self._update_buttons(self._det)

    def _update_buttons(self, det: Any) -> None:
        for key, b in self.buttons.items():
            legal = det is not None and button_legal(key, det.row.status, accepted=det.row.received_at is not None)
            ok = legal
            if key == "pay":
                ok = ok and det.row.payment_state == "unpaid"
            if key == "apologize" and det is not None:
                ok = ok and det.row.due_at is not None and self.app.clock.now() < det.row.due_at and not any(
                    e["action"] == "apologize" for e in det.events
                )
            if key in SHOWN_ONLY_WHEN_LEGAL:
                b.setVisible(bool(legal))
            b.setEnabled(bool(ok) and not self.busy)

    # -- actions -----------------------------------------------------------------------------------
    def on_action(self, key: str, *_: Any) -> None:
        """Collect what the action needs (dialogs, from the loaded detail), then run it on the worker."""
        from kiosk.ui.console.action_dialogs import collect

        code, det = self.current_code, self._det
        if code is None or det is None or self.busy:
            return
        kwargs = collect(self, key, det)
        if kwargs is not None:
            self.perform(key, code, **kwargs)

    def exec_dialog(self, dlg: Any) -> bool:
        """Run a dialog modally (tests replace this to fill and accept it)."""
        return bool(dlg.exec())

    def perform(self, key: str, code: str, **kw: Any) -> None:
        """The action, its form and SMS on the worker; the outcome lands in the status bar."""
        staff_id = self._staff_id()
        if staff_id is None:
            return
        app = self.app
        self.statusBar().showMessage(f"{code}: đang xử lý…")
        self.run_busy(lambda: operations.run_action(app, key, code, staff_id, **kw),
                      lambda out: self._performed(code, out))

    def _performed(self, code: str, out: operations.Outcome) -> None:
        self.last_result = out.result
        self.statusBar().showMessage(out.message, 15000)
        self.current_code = code
        self.refresh()

    def on_walk_in(self) -> None:
        if self.busy:
            return
        self.run_busy(self.app.actions.procedures_in_effect, self._open_walk_in)

    def _open_walk_in(self, procedures: list[tuple[str, str]]) -> None:
        from kiosk.ui.console.dialogs import WalkInDialog

        dlg = WalkInDialog(procedures, self, read_card=self.read_card)
        try:
            values = dlg.values() if self.exec_dialog(dlg) else None
        finally:
            dlg.deleteLater()  # on this thread, by the event loop; not left to the garbage collector
        if values is not None:
            self.walk_in(**values)

    def read_card(self, key_source: Any, on_done: Any, on_error: Any) -> None:
        """Read the citizen's chip card on this PC's reader, on the worker (the walk-in dialog's button)."""
        self.run_busy(functools.partial(operations.read_identity, self._reader(), key_source), on_done, on_error)

    def walk_in(self, **values: Any) -> None:
        """Create a counter dossier (accepted at once) for the citizen in front of the officer; Mẫu 01."""
        staff_id = self._staff_id()
        if staff_id is None:
            return
        app = self.app
        self.run_busy(lambda: operations.create_walk_in(app, staff_id, values), self._walked_in)

    def _walked_in(self, out: operations.Outcome) -> None:
        self.last_result = out.result
        self.statusBar().showMessage(out.message, 15000)
        self.show_detail(out.result.code)

    def take_help(self) -> None:
        self._help("take")

    def close_help(self) -> None:
        self._help("close")

    def _help(self, what: str) -> None:
        key = self._selected_key(self.help_table)
        staff_id = self._staff_id()
        if key is None or staff_id is None:
            return
        fn = self.app.actions.take_help if what == "take" else self.app.actions.close_help
        self.run_busy(lambda: fn(int(key), staff_id), lambda _: self.refresh())

    def reprint_selected(self) -> None:
        key = self._selected_key(self.print_table)
        if key is None or self._staff_id() is None:
            return
        app = self.app

        def done(res: dict[str, Any]) -> None:
            self.statusBar().showMessage("Đã in lại." if res["state"] == "ok" else f"In lại không được: {res['state']}", 10000)
            self.refresh()

        self.run_busy(lambda: effects.reprint(app, int(key)), done)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.timer.stop()
        if self.session is not None:
            self.end_session("logout")
        self.drain()
        super().closeEvent(event)

    def drain(self, msecs: int = 30000) -> None:
        """An orderly stop on the GUI thread: let the worker finish, deliver the results it queued (they may
        queue a last poll: repeat), so no task and no callback holding this window outlives it."""
        for _ in range(5):
            self.worker.wait(msecs)
            QCoreApplication.sendPostedEvents(None, 0)
            if not self.worker.busy:
                break


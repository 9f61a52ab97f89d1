"""The counter console window: the login page and the work page, the officer's session, the busy state and
the poll that refreshes every panel.

Why Widgets: a dense desktop work screen with tables and dialogs for a mouse-and-keyboard officer. All
rules live in kiosk.core (StaffService, DossierActions, the workflow table); the window only composes the
panels and hands them the poll's snapshot:

- :class:`~kiosk.ui.console.login_panel.LoginPanel` (PIN or badge + PIN),
- :mod:`~kiosk.ui.console.dossier_lists` (acceptance queue with its clock colours, search results),
- :class:`~kiosk.ui.console.detail_panel.DetailPanel` (a dossier's detail, history and action buttons),
- :class:`~kiosk.ui.console.help_panel.HelpPanel` (help calls from kiosks, banner),
- :mod:`~kiosk.ui.console.outbox_panels` (failed print jobs with reprint, the SMS outbox),
- :class:`~kiosk.ui.console.walk_in.WalkInFlow`, and the QueuePanel, AuditPanel and FiguresPanel.

The database is polled every few seconds (a branch shares one database between kiosks and counters), and
the staff session ends after ``staff_session_timeout_s`` without keyboard or mouse activity. Nothing blocking
runs on the GUI thread: logins (argon2), database reads and writes, printing, SMS and card reads go through
:class:`kiosk.ui.worker.Worker` (functions in :mod:`.operations`); while an officer's action runs the buttons
are disabled and a busy bar shows, and they come back when it is done. Panels hold the window weakly.
"""

from __future__ import annotations

import functools
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.console import operations
from kiosk.ui.console.audit_panel import AuditPanel
from kiosk.ui.console.detail_panel import DetailPanel
from kiosk.ui.console.dossier_lists import pending_rows, pending_table, result_rows, results_table
from kiosk.ui.console.figures_panel import FiguresPanel
from kiosk.ui.console.help_panel import HelpPanel
from kiosk.ui.console.login_panel import LoginPanel
from kiosk.ui.console.outbox_panels import PrintJobsPanel, SmsPanel
from kiosk.ui.console.roles import can
from kiosk.ui.console.tables import fill_table, selected_key
from kiosk.ui.console.walk_in import WalkInFlow
from kiosk.ui.worker import Worker

if TYPE_CHECKING:
    from kiosk.app import App

ACTIVITY_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin}
TAB_PENDING, TAB_RESULTS, TAB_HELP, TAB_PRINTS = 0, 1, 2, 3


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

    def __init__(self, app: App, *, poll_ms: int = 5000, timeout_s: float | None = None,
                 card_reader: Any = None) -> None:
        super().__init__()
        self.app = app
        self.session: Any = None
        self.timeout_s = timeout_s if timeout_s is not None else app.settings.staff_session_timeout_s
        self._refresh_seq = 0
        self._busy = 0
        self.card_reader = card_reader  # None: the reader of Settings.card, opened on the worker
        # one thread: keeps the order of the officer's actions (and of the polls after them)
        self.worker = Worker(self, max_threads=1)
        self.setWindowTitle(f"Quầy tiếp nhận — {app.settings.unit_name}")
        self.resize(1280, 780)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login_panel = LoginPanel(self)
        self.stack.addWidget(self.login_panel)
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
        self.walk_in_flow = WalkInFlow(self)
        self.walk_in_button = QPushButton("Tiếp nhận tại quầy…")
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.clicked.connect(self.walk_in_flow.start)
        top.addWidget(self.walk_in_button)
        logout = QPushButton("Đăng xuất")
        logout.setObjectName("logoutButton")
        logout.clicked.connect(self._logout_clicked)
        top.addWidget(self.officer_label)
        top.addWidget(self.search_box, 1)
        top.addWidget(search_btn)
        top.addWidget(logout)
        v.addLayout(top)
        self.help_panel = HelpPanel(self)
        self.help_panel.helpRequested.connect(self.helpRequested)
        v.addWidget(self.help_panel.banner)
        from kiosk.ui.console.queue_panel import QueuePanel

        self.queue_panel = QueuePanel(self)  # queue tickets: call next, current ticket, waiting counts
        v.addWidget(self.queue_panel)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.queue = pending_table()
        self.results = results_table()
        self.queue.itemSelectionChanged.connect(self._queue_selected)
        self.results.itemSelectionChanged.connect(self._results_selected)
        self.print_panel = PrintJobsPanel(self)
        self.sms_panel = SmsPanel()
        self.tabs.addTab(self.queue, "Chờ tiếp nhận")
        self.tabs.addTab(self.results, "Tìm kiếm")
        self.tabs.addTab(self.help_panel, "Hỗ trợ ki-ốt")
        self.tabs.addTab(self.print_panel, "In lỗi")
        self.tabs.addTab(self.sms_panel, "Tin nhắn SMS")
        self.audit_panel = AuditPanel(self.app, self.worker)  # tab only for supervisor/admin (roles.py)
        self.figures_panel = FiguresPanel(self.app, self.worker)  # likewise
        for panel in (self.audit_panel, self.figures_panel):  # owned by the window while not shown as a tab
            panel.setParent(page)
            panel.hide()
        split.addWidget(self.tabs)
        self.detail_panel = DetailPanel(self)
        split.addWidget(self.detail_panel)
        split.setSizes([700, 560])
        v.addWidget(split, 1)
        return page

    # -- the panels' widgets, by their long-standing names (tests and the docs use them) ------------------
    @property
    def username(self) -> QLineEdit:
        return self.login_panel.username

    @property
    def pin(self) -> QLineEdit:
        return self.login_panel.pin

    @property
    def login_button(self) -> QPushButton:
        return self.login_panel.login_button

    @property
    def login_error(self) -> QLabel:
        return self.login_panel.login_error

    @property
    def badge_id(self) -> QLineEdit:
        return self.login_panel.badge_id

    @property
    def badge_dob(self) -> QLineEdit:
        return self.login_panel.badge_dob

    @property
    def badge_pin(self) -> QLineEdit:
        return self.login_panel.badge_pin

    @property
    def badge_qr(self) -> QLineEdit:
        return self.login_panel.badge_qr

    @property
    def badge_button(self) -> QPushButton:
        return self.login_panel.badge_button

    @property
    def help_table(self) -> Any:
        return self.help_panel.table

    @property
    def help_banner(self) -> QLabel:
        return self.help_panel.banner

    @property
    def print_table(self) -> Any:
        return self.print_panel.table

    @property
    def buttons(self) -> dict[str, QPushButton]:
        return self.detail_panel.buttons

    @property
    def detail(self) -> Any:
        return self.detail_panel.detail

    @property
    def current_code(self) -> str | None:
        return self.detail_panel.current_code

    @property
    def last_result(self) -> Any:
        return self.detail_panel.last_result

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
        self.login_panel.set_busy(self.busy)
        self.walk_in_button.setEnabled(not self.busy)
        self.queue_panel.setEnabled(not self.busy)
        self.detail_panel.update_buttons()
        self.busyChanged.emit(self.busy)

    def reader(self) -> Any:
        """This PC's card reader (for badges and walk-ins): the one given, else the configured one."""
        return self.card_reader if self.card_reader is not None else operations.default_card_reader(self.app)

    def exec_dialog(self, dlg: Any) -> bool:
        """Run a dialog modally (tests replace this to fill and accept it)."""
        return bool(dlg.exec())

    # -- session -----------------------------------------------------------------------------------
    def logged_in(self, ident: Any) -> None:
        self.session = self.app.staff.start_session(ident, self.timeout_s)
        self.login_panel.logged_in()
        self.officer_label.setText(f"Cán bộ: <b>{ident.full_name}</b> ({ident.username})")
        self.stack.setCurrentIndex(1)
        for panel, cap, title in ((self.audit_panel, "audit", "Nhật ký"), (self.figures_panel, "figures", "Số liệu")):
            if can(ident.role, cap) and self.tabs.indexOf(panel) < 0:
                self.tabs.addTab(panel, title)
                panel.refresh()
        self.help_panel.forget_seen()  # the first snapshot marks the calls already open as seen
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
        self.detail_panel.clear()
        self.queue.setRowCount(0)
        self.results.setRowCount(0)
        self.stack.setCurrentIndex(0)
        for panel in (self.audit_panel, self.figures_panel):
            if (i := self.tabs.indexOf(panel)) >= 0:
                self.tabs.removeTab(i)
        self.login_panel.session_ended(reason)
        self.sessionEnded.emit(reason)

    def _logout_clicked(self) -> None:
        self.end_session("logout")

    def staff_id(self) -> int | None:
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
        self.worker.submit(functools.partial(operations.load_snapshot, app, code), functools.partial(self._apply, seq),
                           self.poll_failed)
        self.queue_panel.refresh()

    def refresh_after(self, _result: Any = None) -> None:
        """A refresh as the callback of an action (its result is not needed)."""
        self.refresh()

    def poll_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(f"Không đọc được cơ sở dữ liệu ({type(exc).__name__}); sẽ thử lại.", 8000)

    def _apply(self, seq: int, snap: operations.Snapshot) -> None:
        if seq != self._refresh_seq or self.session is None:
            return  # a newer refresh is on its way, or the officer logged out
        tz = self.app.settings.tz
        fill_table(self.queue, pending_rows(snap.pending, tz))
        self.tabs.setTabText(TAB_PENDING, f"Chờ tiếp nhận ({len(snap.pending)})")
        waiting = self.help_panel.apply(snap.help_requests, self.app.clock.now(), tz)
        self.tabs.setTabText(TAB_HELP, f"Hỗ trợ ki-ốt ({waiting})")
        failed = self.print_panel.apply(snap.print_jobs, tz)
        self.tabs.setTabText(TAB_PRINTS, f"In lỗi ({failed})")
        self.sms_panel.apply(snap.sms)
        if snap.detail_code and snap.detail_code == self.current_code:
            self.detail_panel.loaded(snap.detail_code, snap.detail)

    # -- search and the open dossier ---------------------------------------------------------------
    def run_search(self, *_: Any) -> None:
        text = self.search_box.text().strip()
        actions = self.app.actions
        work = functools.partial(actions.search, text) if text else actions.list_dossiers
        self.worker.submit(work, self._searched, self.poll_failed)

    def _searched(self, rows: list[Any]) -> None:
        fill_table(self.results, result_rows(rows, self.app.settings.tz))
        self.tabs.setCurrentIndex(TAB_RESULTS)
        self.statusBar().showMessage(f"{len(rows)} hồ sơ")

    def _queue_selected(self) -> None:
        if key := selected_key(self.queue):
            self.show_detail(key)

    def _results_selected(self) -> None:
        if key := selected_key(self.results):
            self.show_detail(key)

    def show_detail(self, code: str) -> None:
        """Open a dossier: current_code is set now, the detail is read on the worker."""
        self.detail_panel.show_dossier(code)

    def perform(self, key: str, code: str, **kw: Any) -> None:
        """Run a dossier action (with its form and SMS) on the worker; the outcome lands in the status bar."""
        self.detail_panel.perform(key, code, **kw)

    def take_help(self) -> None:
        self.help_panel.take()

    def close_help(self) -> None:
        self.help_panel.close_call()

    # -- closing -----------------------------------------------------------------------------------
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

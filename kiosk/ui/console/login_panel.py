"""The console's login page: username + PIN, or the officer's own chip card (badge) + PIN.

Why a panel: the window only switches between this page and the work page; the checks themselves are
core's (StaffService: argon2 PINs, lockout; operations.badge_login: a verified chip, then the PIN) and run
on the console's worker through ``window.run_busy``, so the GUI never waits on argon2 or PC/SC. Both PIN
fields are cleared as soon as they are read.
"""

from __future__ import annotations

import functools
import weakref
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.console import operations

if TYPE_CHECKING:
    from kiosk.ui.console.window import ConsoleWindow

TIMED_OUT = "Phiên làm việc đã hết hạn do không thao tác. Vui lòng đăng nhập lại."


def _password_field(name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _field(name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    return field


class LoginPanel(QWidget):
    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__()
        self._window = weakref.ref(window)  # weak: no panel <-> window cycle for the garbage collector
        outer = QVBoxLayout(self)
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
        self.username = _field("username", "Tên đăng nhập")
        self.pin = _password_field("pin", "Mã PIN / mật khẩu")
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
        self.badge_id = _field("badgeId", "Số định danh (12 số)")
        self.badge_dob = _field("badgeDob", "Ngày sinh dd/mm/yyyy")
        self.badge_pin = _password_field("badgePin", "Mã PIN của bạn")  # a badge is one factor: PIN as well
        self.badge_qr = _field("badgeQr", "hoặc quét mã QR trên thẻ")
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

    def set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.badge_button.setEnabled(not busy)

    def login(self, *_: Any) -> None:
        """Check the PIN on the worker (argon2 is slow on purpose); the PIN field is cleared at once."""
        window = self._window()
        if window is None:
            return
        username, pin = self.username.text(), self.pin.text()
        self.pin.clear()
        staff = window.app.staff
        window.run_busy(functools.partial(staff.authenticate, username, pin), window.logged_in, self.login_failed)

    def badge_login(self, *_: Any) -> None:
        """Staff badge login: the officer's PIN plus their own chip card, read on the worker (key: the card's QR,
        or ID number + date of birth); the chip must be verified (operations.badge_login), then the PIN."""
        window = self._window()
        if window is None or window.busy:
            return
        qr, id_number = self.badge_qr.text().strip(), self.badge_id.text().strip()
        pin = self.badge_pin.text()
        try:
            dob = datetime.strptime(self.badge_dob.text().strip(), "%d/%m/%Y").date()
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
        window.run_busy(functools.partial(operations.badge_login, window.app.staff, window.reader(), key, pin),
                        window.logged_in, self.login_failed)

    def login_failed(self, exc: BaseException) -> None:
        self.login_error.setText(getattr(exc, "vi", None) or getattr(exc, "message_vi", None)
                                 or "Không đăng nhập được. Vui lòng thử lại.")

    def logged_in(self) -> None:
        self.login_error.clear()

    def session_ended(self, reason: str) -> None:
        if reason == "timeout":
            self.login_error.setText(TIMED_OUT)


__all__ = ["LoginPanel"]

"""Assisted mode on the kiosk: a hidden staff entry, PIN login, a banner while staff help, and logout.

Why: many citizens need a hand, but the applicant must stay the citizen identified by the chip. While a
staff member is signed in, every action is recorded as done by that staff member on behalf of the
citizen (dossier channel ``kiosk_assisted``, ``assisted_by_staff_id``, audit actor ``staff``). Checking
the PIN, lockout and expiry are kiosk.core.staff's job; the staff session also ends on idle timeout.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, Signal, Slot

from kiosk.ui.base import NO_TEXT, SubViewModel, Text2, pair


class StaffViewModel(SubViewModel):
    changed = Signal()

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self._identity: Any = None
        self._session: Any = None
        self._return_to = "welcome"
        self.reset()

    def reset(self) -> None:
        session = getattr(self, "_session", None)
        if session is not None:
            self.root.worker.submit(lambda: session.end("session_end"))
        self._identity = None
        self._session = None
        self._assisted_by: int | None = None  # who helped during this visit, kept after they sign out
        self._error: Text2 = NO_TEXT
        self._busy = False
        self._username = ""
        self.changed.emit()

    @property
    def staff_id(self) -> int | None:
        return self._identity.id if self._identity is not None else None

    @property
    def session_staff_id(self) -> int | None:
        """The officer who assisted during this visit (still known after they ended the assistance), for the
        KioskSession row; dossiers and audit events use :attr:`staff_id`, who is signed in at that moment."""
        return self.staff_id if self._identity is not None else self._assisted_by

    @Property(bool, notify=changed)
    def active(self) -> bool:
        return self._identity is not None

    @Property(str, notify=changed)
    def bannerText(self) -> str:
        if self._identity is None:
            return ""
        return self.t(("Cán bộ {n} đang hỗ trợ", "Officer {n} is assisting")).format(n=self._identity.full_name)

    @Property(str, notify=changed)
    def errorText(self) -> str:
        return self.t(self._error)

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=changed)
    def username(self) -> str:
        return self._username

    @Slot()
    def open(self) -> None:
        """The hidden entry (a long press on the crest): show the staff login page."""
        self._return_to = self.root.page if self.root.page != "staff" else "welcome"
        self._error = NO_TEXT
        self.changed.emit()
        self.root.goTo("staff")

    @Slot(str, str)
    def login(self, username: str, pin: str) -> None:
        self._username = username.strip()
        if not self._username or not pin:
            self._error = ("Nhập tên đăng nhập và mã PIN.", "Type the user name and PIN.")
            self.changed.emit()
            return
        self._busy, self._error = True, NO_TEXT
        self.changed.emit()
        staff, settings = self.services.staff, self.services.settings

        def job() -> Any:
            ident = staff.authenticate(username.strip(), pin, kiosk_id=settings.kiosk_id)
            sess = staff.start_session(ident, settings.staff_session_timeout_s, kiosk_id=settings.kiosk_id)
            return ident, sess

        def done(value: Any) -> None:
            self._busy = False
            self._identity, self._session = value
            self._assisted_by = self._identity.id
            self.changed.emit()
            self.root.back()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._error = pair(exc, ("Không đăng nhập được.", "Could not sign in."))
            self.changed.emit()

        self.root.worker.submit(job, done, failed)

    @Slot()
    def logout(self) -> None:
        session = self._session
        self._identity, self._session = None, None
        if session is not None:
            self.root.worker.submit(lambda: session.end("logout"))
        self.changed.emit()

"""Account for a citizen identified by the chip: phone (any SIM), optional e-mail, OTP, consents, summary.

Why these steps: identity comes from the chip, so the phone only receives messages and may belong to a
relative; optional uses of data each get their own un-ticked box (domain.md §10); an existing account is
recognised by the ID number and never duplicated. All rules (phone format, OTP limits and expiry, consent
recording) are in kiosk.core.accounts; this class only sequences screens and keeps what was typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, Signal, Slot

from kiosk.ui.base import NO_TEXT, SubViewModel, Text2, pair

STEPS = ("loading", "existing", "phone", "otp", "consents", "summary", "done")


class AccountViewModel(SubViewModel):
    changed = Signal()

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self.reset()

    def reset(self) -> None:
        self._step = "loading"
        self._phone = ""
        self._email = ""
        self._code = ""
        self._error: Text2 = NO_TEXT
        self._phone_error: Text2 = NO_TEXT
        self._email_error: Text2 = NO_TEXT
        self._code_error: Text2 = NO_TEXT
        self._consents: dict[str, bool] = {}
        self._proof: Any = None
        self._info: Any = None
        self._masked = ""
        self._busy = False
        self.changed.emit()

    # -- properties -----------------------------------------------------------------------------------
    @Property(str, notify=changed)
    def step(self) -> str:
        return self._step

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=changed)
    def phone(self) -> str:
        return self._phone

    @Property(str, notify=changed)
    def email(self) -> str:
        return self._email

    @Property(str, notify=changed)
    def maskedPhone(self) -> str:
        return self._masked

    @Property(str, notify=changed)
    def errorText(self) -> str:
        return self.t(self._error)

    @Property(str, notify=changed)
    def phoneError(self) -> str:
        return self.t(self._phone_error)

    @Property(str, notify=changed)
    def emailError(self) -> str:
        return self.t(self._email_error)

    @Property(str, notify=changed)
    def codeError(self) -> str:
        return self.t(self._code_error)

    @Property(bool, notify=changed)
    def hasAccount(self) -> bool:
        return self._info is not None

    @Property("QVariantList", notify=changed)
    def consentItems(self) -> list[dict[str, Any]]:
        lang = self.root.lang
        return [{"key": p.key, "title": p.title(lang), "text": p.text(lang), "checked": self._consents.get(p.key, False)}
                for p in self.services.consent_texts.purposes]

    @property
    def phone_for_dossier(self) -> str | None:
        return self._phone or None

    @property
    def email_for_dossier(self) -> str | None:
        return self._email or None

    # -- flow -----------------------------------------------------------------------------------------
    def _run(self, fn: Any, done: Any, failed: Any) -> None:
        self._busy = True
        self.changed.emit()

        def ok(value: Any) -> None:
            self._busy = False
            done(value)
            self.changed.emit()

        def bad(exc: BaseException) -> None:
            self._busy = False
            failed(exc)
            self.changed.emit()

        self.root.worker.submit(fn, ok, bad)

    def lookup(self) -> None:
        """After "this is me": find the citizen's account by ID number (worker)."""
        id_number = self.root.identify.id_number
        accounts = self.services.accounts
        self._step = "loading"

        def done(info: Any) -> None:
            self._info = info
            if info is not None:
                self._masked = info.phone_masked
                self._step = "existing"
                if self.root.intent == "submit":  # recognised: go straight on
                    self.root.after_account()
                    self.root.show_message(("Chào mừng bạn quay lại. Bạn đã có tài khoản.", "Welcome back. You already have an account."))
                    return
            else:
                self._step = "phone"
            self.root.goTo("account")

        def failed(exc: BaseException) -> None:
            self._step = "phone"
            self.root.goTo("account")

        self._run(lambda: accounts.find_account(id_number), done, failed)

    @Slot(str, str)
    def sendCode(self, phone: str, email: str) -> None:
        self._phone, self._email = phone.strip(), email.strip()
        self._phone_error = self._email_error = self._error = NO_TEXT
        if self._email and ("@" not in self._email or "." not in self._email.split("@")[-1]):
            self._email_error = ("Địa chỉ thư điện tử chưa đúng (ví dụ: ten@gmail.com). Có thể để trống.",
                                 "That e-mail address is not right (e.g. name@gmail.com). You may leave it empty.")
            self.changed.emit()
            return
        accounts, number = self.services.accounts, self._phone

        def done(ticket: Any) -> None:
            self._masked = ticket.phone_masked
            self._step = "otp"
            self._code_error = NO_TEXT

        def failed(exc: BaseException) -> None:
            if getattr(exc, "reason", None) is None:  # InvalidPhone
                self._phone_error = pair(exc)
            else:
                self._error = pair(exc)

        self._run(lambda: accounts.send_otp(number), done, failed)

    @Slot(str)
    def verifyCode(self, code: str) -> None:
        self._code = code.strip()
        self._code_error = NO_TEXT
        if not self._code.isdigit():
            self._code_error = ("Nhập mã gồm các chữ số trong tin nhắn.", "Type the digits from the text message.")
            self.changed.emit()
            return
        accounts, phone, c = self.services.accounts, self._phone, self._code

        def done(proof: Any) -> None:
            self._proof = proof
            self._step = "consents"

        def failed(exc: BaseException) -> None:
            self._code_error = pair(exc)

        self._run(lambda: accounts.verify_otp(phone, c), done, failed)

    @Slot()
    def resendCode(self) -> None:
        self.sendCode(self._phone, self._email)

    @Slot()
    def changePhone(self) -> None:
        self._step = "phone"
        self.changed.emit()

    @Slot(str, bool)
    def setConsent(self, key: str, on: bool) -> None:
        self._consents[key] = bool(on)
        self.changed.emit()

    @Slot()
    def toSummary(self) -> None:
        self._step = "summary"
        self.changed.emit()

    @Slot()
    def create(self) -> None:
        accounts = self.services.accounts
        person = self.root.identify.person(email=self._email or None)
        phone, email = self._phone, self._email or None
        consents = {p.key: self._consents.get(p.key, False) for p in self.services.consent_texts.purposes}
        version = self.services.consent_texts.version
        staff_id = self.root.staff.staff_id
        proof = self._proof

        def done(info: Any) -> None:
            self._info = info
            self._masked = info.phone_masked
            self._step = "done"
            self._proof = None

        def failed(exc: BaseException) -> None:
            if getattr(exc, "reason", "") == "account_exists":
                self._info = getattr(exc, "existing", None)
                self._step = "existing"
            elif getattr(exc, "reason", "") in ("proof_expired", "proof_used", "proof_invalid", "proof_mismatch"):
                self._step = "phone"
            self._error = pair(exc)

        self._run(lambda: accounts.create_account(person, phone, email, consents, proof, version, staff_id=staff_id),
                  done, failed)

    @Slot()
    def proceed(self) -> None:
        """'Continue' on the done / existing screens, or 'skip' while submitting."""
        self.root.after_account()

"""Identify the citizen: privacy notice first, then the chip read (key from the card's QR or typed ID + DOB).

Why the order: the personal-data law requires telling people what is read and why *before* collecting it
(domain.md §10), so the notice page comes first and its display is recorded. The read itself blocks for
seconds (pcscd, secure messaging), so it runs on the worker; progress and the result come back as queued
calls. Card errors become a plain instruction with retry / type instead / call staff. Card data lives only
here, and :meth:`reset` wipes it.
"""

from __future__ import annotations

import base64
import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, Signal, Slot

from kiosk.devices.card.errors import CardParseError
from kiosk.devices.card.keys import from_qr, from_typed
from kiosk.devices.card.model import ReadResult
from kiosk.ui.base import NO_TEXT, SubViewModel, Text2
from kiosk.ui.card_port import describe_card_error

if TYPE_CHECKING:
    from kiosk.core.dossiers import PersonData

log = logging.getLogger(__name__)

STEPS = ("place", "typed", "reading", "confirm", "error")


class IdentifyViewModel(SubViewModel):
    changed = Signal()

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self.result: ReadResult | None = None
        self.read_thread_id: int | None = None
        self.reset()

    def reset(self) -> None:
        if getattr(self, "result", None) is not None:
            self.result.wipe()  # type: ignore[union-attr]
        self.result = None
        self._step = "place"
        self._progress = 0.0
        self._error: Text2 = NO_TEXT
        self._error_kind = ""
        self._id_error: Text2 = NO_TEXT
        self._dob_error: Text2 = NO_TEXT
        self._typed_id = ""
        self._typed_dob = ""
        self._key = None
        self._reading = False
        # a read still running for an earlier visit must never land in this one (its card, its person)
        self._read_gen = getattr(self, "_read_gen", 0) + 1
        self.changed.emit()

    # -- privacy notice -------------------------------------------------------------------------------
    @Property(str, notify=changed)
    def noticeTitle(self) -> str:
        return self.services.consent_texts.notice.title(self.root.lang)

    @Property(str, notify=changed)
    def noticeText(self) -> str:
        s = self.services.settings
        # the controller is the agency by its full configured name: the unit and the body it belongs to
        controller = f"{s.unit_name} – {s.parent_body}" if s.parent_body else s.unit_name
        return self.services.consent_texts.notice.text(self.root.lang, controller=controller, hotline=s.hotline)

    @Slot()
    def acceptNotice(self) -> None:
        kiosk_id = self.services.settings.kiosk_id
        accounts = self.services.accounts
        self.root.worker.submit(lambda: accounts.record_notice_shown(kiosk_id=kiosk_id))
        self._step = "place"
        self.changed.emit()
        self.root.goTo("identify")

    # -- state ----------------------------------------------------------------------------------------
    @Property(str, notify=changed)
    def step(self) -> str:
        return self._step

    @Property(float, notify=changed)
    def progress(self) -> float:
        return self._progress

    @Property(str, notify=changed)
    def errorText(self) -> str:
        return self.t(self._error)

    @Property(str, notify=changed)
    def errorKind(self) -> str:
        return self._error_kind

    @Property(str, notify=changed)
    def idError(self) -> str:
        return self.t(self._id_error)

    @Property(str, notify=changed)
    def dobError(self) -> str:
        return self.t(self._dob_error)

    @Property(str, notify=changed)
    def typedId(self) -> str:
        return self._typed_id

    @Property(str, notify=changed)
    def typedDob(self) -> str:
        return self._typed_dob

    @property
    def has_card(self) -> bool:
        return self.result is not None

    @property
    def id_number(self) -> str | None:
        return self.result.card.id_number if self.result else None

    @property
    def card(self) -> Any:
        return self.result.card if self.result else None

    @Slot(str)
    def setStep(self, step: str) -> None:
        if step in ("place", "typed"):
            self._step = step
            self._error = NO_TEXT
            self.changed.emit()

    # -- key entry ------------------------------------------------------------------------------------
    @Slot(str)
    def submitQr(self, text: str) -> None:
        """The 2D scanner typed the card's QR (7 fields separated by |) followed by Enter."""
        try:
            key = from_qr(text.strip())
        except CardParseError:  # KeySourceError and every other parser error of the card package
            self._fail("bad_qr", ("Không đọc được mã QR này. Hãy quét mã QR in trên thẻ căn cước, hoặc bấm "
                                  "\"Nhập số định danh\".",
                                  "This QR code could not be used. Scan the QR code printed on the ID card, or press "
                                  "\"Type the ID number\"."))
            return
        self._read(key)

    @Slot(str, str)
    def submitTyped(self, id_text: str, dob_text: str) -> None:
        from kiosk.core.catalogue_forms import (
            parse_date,  # phonenumbers: imported on use, not before the first frame
        )
        from kiosk.core.identity import InvalidIdNumber, parse_id_number

        self._typed_id, self._typed_dob = id_text, dob_text  # keep what was typed, whatever happens
        self._id_error = self._dob_error = NO_TEXT
        dob = parse_date(dob_text) if dob_text.strip() else None
        if dob is None:
            self._dob_error = ("Nhập ngày sinh theo dạng ngày/tháng/năm, ví dụ 05/09/1960 (ngày 5 tháng 9 năm 1960).",
                               "Type the date of birth as day/month/year, e.g. 05/09/1960 (5 September 1960).")
        elif dob > date.today():
            self._dob_error = ("Ngày sinh không được sau hôm nay.", "The date of birth cannot be after today.")
        try:
            parse_id_number(id_text, dob if self._dob_error == NO_TEXT else None)
        except InvalidIdNumber as exc:
            self._id_error = (exc.vi, exc.en)
        if self._id_error != NO_TEXT or self._dob_error != NO_TEXT:
            self.changed.emit()
            return
        try:
            key = from_typed(id_text.replace(" ", ""), dob)  # type: ignore[arg-type]
        except CardParseError:
            self._id_error = ("Số định danh phải gồm đúng 12 chữ số.", "The ID number must have exactly 12 digits.")
            self.changed.emit()
            return
        self._read(key)

    @Slot()
    def retry(self) -> None:
        if self._key is not None and self._error_kind not in ("wrong_key", "bad_qr"):
            self._read(self._key)
        else:
            self._step = "typed" if self._error_kind == "wrong_key" else "place"
            self._error = NO_TEXT
            self.changed.emit()

    # -- the read (worker thread) ---------------------------------------------------------------------
    def _read(self, key: Any) -> None:
        if self._reading:
            return
        self._key = key
        self._reading = True
        self._step, self._progress, self._error, self._error_kind = "reading", 0.0, NO_TEXT, ""
        self.changed.emit()
        reader = self.services.card_reader
        worker = self.root.worker
        gen = self._read_gen

        def job(progress: Any) -> ReadResult:
            import threading

            self.read_thread_id = threading.get_ident()
            return reader.read(key, progress)

        def done(result: ReadResult) -> None:
            if gen != self._read_gen:  # the visit ended meanwhile: this card's data goes, unseen
                result.wipe()
                return
            self._read_done(result)

        def failed(exc: BaseException) -> None:
            if gen == self._read_gen:
                self._read_failed(exc)

        worker.submit(job, done, failed, on_progress=self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self._progress = min(1.0, done / total) if total else 0.0
        self.changed.emit()

    def _read_done(self, result: ReadResult) -> None:
        self._reading = False
        if self.root.page != "identify":  # the session was wiped meanwhile
            result.wipe()
            return
        refused = self._refusal(result)
        if refused is not None:  # the trust policy: nothing from this card stays in the session
            log.warning("card refused by the trust policy: %s (passive=%s active=%s)", type(refused).__name__,
                        result.passive_auth, result.active_auth)
            result.wipe()
            if self._key is not None:
                self._key.wipe()
                self._key = None
            self._fail("untrusted", (refused.message_vi, refused.message_en))
            return
        self.result = result
        self._step = "confirm"
        self._progress = 1.0
        self.changed.emit()
        self.root.poke()

    def _refusal(self, result: ReadResult) -> Any:
        """kiosk.devices.card.trust decides; the site's settings apply even if the reader did not pass them."""
        from kiosk.devices.card.trust import TrustPolicy, refusal

        require = result.require_trusted_chain or TrustPolicy.from_settings(self.services.settings).require_trusted_chain
        return refusal(result, require)

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        kind, vi, en = describe_card_error(exc)
        self._fail(kind, (vi, en))

    def _fail(self, kind: str, text: Text2) -> None:
        self._error_kind = kind
        self._error = text
        self._step = "error"
        self.changed.emit()

    # -- confirmation ---------------------------------------------------------------------------------
    @Property(str, notify=changed)
    def fullName(self) -> str:
        return (self.card.full_name or "") if self.card else ""

    @Property(str, notify=changed)
    def dateOfBirth(self) -> str:
        dob = self.card.date_of_birth if self.card else None
        return dob.strftime("%d/%m/%Y") if isinstance(dob, date) else str(dob or "")

    @Property(str, notify=changed)
    def maskedId(self) -> str:
        n = self.id_number or ""
        return f"{n[:3]} ••• ••• {n[-3:]}" if len(n) == 12 else ""

    @Property(str, notify=changed)
    def photo(self) -> str:
        jpeg = self.card.photo_jpeg if self.card else None
        return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode() if jpeg else ""

    @Property(str, notify=changed)
    def authenticity(self) -> str:
        if not self.result:
            return ""
        if self.result.passive_auth == "verified":
            return self.t(("Chip thẻ đã được xác thực.", "The card's chip was verified."))
        return ""

    @Slot()
    def confirm(self) -> None:
        if self.result is not None:
            self.root.after_identified()

    @Slot()
    def notMe(self) -> None:
        if self.result is not None:
            self.result.wipe()
        self.result = None
        self._step = "place"
        self.changed.emit()

    # -- for the next steps ---------------------------------------------------------------------------
    def person(self, phone: str | None = None, email: str | None = None) -> PersonData:
        c = self.card
        dob = c.date_of_birth if isinstance(c.date_of_birth, date) else None
        from kiosk.core.dossiers import PersonData  # SQLAlchemy: not before the first frame

        return PersonData(id_number=c.id_number or "", full_name=c.full_name or "", date_of_birth=dob, sex=c.sex,
                          place_of_origin=c.place_of_origin, place_of_residence=c.place_of_residence,
                          current_address=c.place_of_residence, phone=phone, email=email,
                          source="chip_verified" if self.result is not None and self.result.passive_auth == "verified"
                          else "chip_unverified")

    def prefill_value(self, source: str) -> Any:
        if not self.card:
            return None
        value = getattr(self.card, source, None)
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        return value

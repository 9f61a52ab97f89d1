"""The root view model: which page is showing, language, text size and contrast, idle timeout, call staff.

Why one root: the flow across pages (welcome → identify → account → procedure → form → documents →
delivery → payment → review → receipt → rating) is a small state machine that must be testable without
QML, and the whole session must be wiped from one place (finish, cancel, idle timeout, unexpected error).
Pages only read properties and call slots; nothing here blocks: database and device work goes through
:class:`kiosk.ui.worker.Worker`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.ui import kiosk_records as records
from kiosk.ui.base import NO_TEXT, Text2
from kiosk.ui.worker import Worker

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

PAGES = ("welcome", "notice", "identify", "account", "procedures", "detail", "form", "documents",
         "delivery", "payment", "review", "receipt", "rating", "track", "staff", "ticket")
TEXT_SCALES = (1.0, 1.3, 1.6)
HELP_OFFER_S = 60.0  # seconds on one step without progress before the kiosk offers to call staff (once a visit)
NO_HELP_OFFER_PAGES = ("welcome", "receipt", "rating", "staff")
# attribute -> (module, class), built in this order; importing them all costs ~20 ms, so kiosk run builds most
# of them after its first frame
SUB_VIEW_MODELS = {
    "_identify": ("kiosk.ui.identify_view_model", "IdentifyViewModel"),
    "_account": ("kiosk.ui.account_view_model", "AccountViewModel"),
    "_procedures": ("kiosk.ui.procedure_view_model", "ProcedureViewModel"),
    "_form": ("kiosk.ui.form_view_model", "FormViewModel"),
    "_documents": ("kiosk.ui.documents_view_model", "DocumentsViewModel"),
    "_submit": ("kiosk.ui.submit_view_model", "SubmitViewModel"),
    "_track": ("kiosk.ui.track_view_model", "TrackViewModel"),
    "_staff": ("kiosk.ui.staff_view_model", "StaffViewModel"),
    "_ticket": ("kiosk.ui.ticket_view_model", "TicketViewModel"),
    "_keyboard": ("kiosk.ui.keyboard_view_model", "KeyboardViewModel"),
    "_voice": ("kiosk.ui.voice_view_model", "VoiceViewModel"),
}


@QmlElement
class KioskViewModel(QObject):
    pageChanged = Signal()
    languageChanged = Signal()
    appearanceChanged = Signal()
    messageChanged = Signal()
    idleChanged = Signal()
    sessionReset = Signal()
    languageSwitchRequested = Signal(str)  # the application installs the translator
    readyChanged = Signal()
    draftChanged = Signal()
    helpOfferChanged = Signal()
    demoChanged = Signal()

    def __init__(self, services: Any, *, idle_timeout_s: float | None = None, countdown_s: int = 10,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.worker = Worker(self)
        self._page = "welcome"
        self._history: list[str] = []
        self.lang = "vi"
        self._scale_index = 0
        self._contrast = False
        self._message: Text2 = NO_TEXT
        self._intent = "submit"
        self._session_id: int | None = None
        self._session_busy = False
        self.countdown_s = countdown_s
        self._idle_timeout_given = idle_timeout_s
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._set_idle_timeout()
        self._idle.timeout.connect(self._start_countdown)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self._remaining = 0
        self.timeouts = 0
        self._draft_consent = False  # "keep a draft if the kiosk fails": un-ticked until the citizen ticks it
        self._draft_offer: Any = None  # a draft found for the card just read (kiosk.core.drafts.Draft)
        self._draft_gen = 0  # bumped by every delete: a save still running on the worker then writes nothing
        # help that comes to you: after HELP_OFFER_S on one step without progress, offer to call staff (once)
        self._stuck = QTimer(self)
        self._stuck.setSingleShot(True)
        self._stuck.setInterval(int(HELP_OFFER_S * 1000))
        self._stuck.timeout.connect(self._offer_help)
        self._help_offer = False
        self._help_offered = False
        self._progress_key: tuple[str, ...] = ("welcome",)
        self._step_since: Any = None  # when the citizen reached the current step (the console shows it)
        self._demo_card: dict[str, str] = {}

        if self.ready:
            self._build_sub_view_models()
        # else (kiosk run drawing its first frame): each is built on first use (__getattr__) - the Welcome
        # page and Main need only staff and keyboard - and the rest in services_ready
        self.setObjectName("kiosk")

    def __getattr__(self, name: str) -> Any:
        """A sub view model not built yet: build it now (its module is imported here too)."""
        spec = SUB_VIEW_MODELS.get(name)
        if spec is None:
            raise AttributeError(name)
        import importlib

        vm = getattr(importlib.import_module(spec[0]), spec[1])(self)
        setattr(self, name, vm)
        return vm

    def _build_sub_view_models(self) -> None:
        for name in SUB_VIEW_MODELS:
            getattr(self, name)
        # a new step inside a page (card read, account code sent...) is progress too
        self._identify.changed.connect(self._check_progress)
        self._account.changed.connect(self._check_progress)

    # -- sub view models ------------------------------------------------------------------------------
    @Property(QObject, constant=True)
    def identify(self) -> QObject:
        return self._identify

    @Property(QObject, constant=True)
    def account(self) -> QObject:
        return self._account

    @Property(QObject, constant=True)
    def procedures(self) -> QObject:
        return self._procedures

    @Property(QObject, constant=True)
    def form(self) -> QObject:
        return self._form

    @Property(QObject, constant=True)
    def documents(self) -> QObject:
        return self._documents

    @Property(QObject, constant=True)
    def submit(self) -> QObject:
        return self._submit

    @Property(QObject, constant=True)
    def track(self) -> QObject:
        return self._track

    @Property(QObject, constant=True)
    def staff(self) -> QObject:
        return self._staff

    @Property(QObject, constant=True)
    def keyboard(self) -> QObject:
        return self._keyboard

    @Property(QObject, constant=True)
    def ticket(self) -> QObject:
        return self._ticket

    @Property(QObject, constant=True)
    def voice(self) -> QObject:
        return self._voice

    # -- start-up: the Welcome page is drawn before the database is open (kiosk run) --------------------
    @Property(bool, notify=readyChanged)
    def ready(self) -> bool:
        """False until the services have their App; the Welcome buttons wait for it."""
        return bool(getattr(self.services, "ready", True))

    def services_ready(self) -> None:
        """Called on the GUI thread once ``services.attach(app)`` is done."""
        self._set_idle_timeout()  # kiosk run: the settings (idle_timeout_s) were read after the first frame
        self._build_sub_view_models()
        self.readyChanged.emit()

    def _set_idle_timeout(self) -> None:
        timeout = self._idle_timeout_given
        if timeout is None:
            settings = getattr(self.services, "settings", None)
            timeout = settings.idle_timeout_s if settings is not None else 120  # the config default, until loaded
        c = self.countdown_s
        self._idle.setInterval(int(max(0.05, timeout - c if timeout > c * 2 else timeout / 2) * 1000))

    # -- navigation -----------------------------------------------------------------------------------
    def _get_page(self) -> str:
        return self._page

    page = Property(str, _get_page, notify=pageChanged)

    @Property(bool, notify=pageChanged)
    def canGoBack(self) -> bool:
        return bool(self._history) and self._page not in ("receipt", "rating", "welcome")

    @Property(str, notify=pageChanged)
    def intent(self) -> str:
        return self._intent

    @Slot(str)
    def goTo(self, page: str) -> None:
        if page not in PAGES:
            log.warning("unknown page %s", page)
            return
        if page == self._page:
            return
        if page in ("receipt", "welcome"):
            self._history.clear()  # no way back into a submitted or finished session
        else:
            self._history.append(self._page)
        self._page = page
        if self._message != NO_TEXT:  # a note belongs to the screen it was shown on
            self._message = NO_TEXT
            self.messageChanged.emit()
        self.pageChanged.emit()
        self.poke()
        self._check_progress()
        if page == "receipt":  # submitted: a draft must never offer the same dossier again
            self._drop_draft(self._identify.id_number)
        else:
            self._save_draft()

    @Slot()
    def back(self) -> None:
        if not self.canGoBack:
            return
        self._page = self._history.pop()
        self.pageChanged.emit()
        self._check_progress()

    @Slot(str)
    def start(self, intent: str) -> None:
        """Welcome buttons: 'submit' or 'account' go through the privacy notice; 'track' does not."""
        if not self.ready:
            return
        self._intent = intent
        if self._message != NO_TEXT:  # the last visitor's "thank you" is not for this one
            self.dismissMessage()
        self._begin_session()
        self.goTo("track" if intent == "track" else "notice")

    def after_identified(self) -> None:
        """Called by the identify view model once the citizen confirmed "this is me"."""
        self._account.lookup()  # continues in account view model: account page or procedures
        id_number = self._identify.id_number
        if id_number and self.ready and self._intent == "submit":
            drafts = self.services.drafts

            def found(draft: Any) -> None:
                if draft is not None and self._identify.id_number == id_number:
                    self._draft_offer = draft
                    self.draftChanged.emit()

            self.worker.submit(lambda: drafts.load(id_number), found, lambda exc: log.warning("draft not read: %s", exc))

    def after_account(self) -> None:
        if self._intent == "account":
            self.finish("completed")
        else:
            self.goTo("procedures")

    # -- language and appearance ---------------------------------------------------------------------
    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self.lang

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        if lang not in ("vi", "en") or lang == self.lang:
            return
        self.lang = lang
        self.languageSwitchRequested.emit(lang)
        self.languageChanged.emit()
        self.messageChanged.emit()

    @Property(float, notify=appearanceChanged)
    def textScale(self) -> float:
        return TEXT_SCALES[self._scale_index]

    @Property(bool, notify=appearanceChanged)
    def highContrast(self) -> bool:
        return self._contrast

    @Slot()
    def cycleTextSize(self) -> None:
        self._scale_index = (self._scale_index + 1) % len(TEXT_SCALES)
        self.appearanceChanged.emit()

    @Slot(bool)
    def setHighContrast(self, on: bool) -> None:
        self._contrast = bool(on)
        self.appearanceChanged.emit()

    # -- messages (a banner at the top of any page) ---------------------------------------------------
    @Property(str, notify=messageChanged)
    def message(self) -> str:
        return self._message[0] if self.lang == "vi" else self._message[1]

    def show_message(self, text: Text2) -> None:
        self._message = text
        self.messageChanged.emit()

    @Slot()
    def dismissMessage(self) -> None:
        self.show_message(NO_TEXT)

    @Slot()
    def callStaff(self) -> None:
        self._call_staff("button")

    def _call_staff(self, reason: str) -> None:
        if not self.ready:
            return
        s = self.services.settings
        now = self.services.clock.now()
        self.show_message(("Đã gọi cán bộ. Vui lòng chờ trong giây lát, cán bộ sẽ đến hỗ trợ bạn.",
                           "Staff have been called. Please wait a moment, someone is coming to help you."))
        where = {"session_id": self._session_id, "page": self._page, "page_since": self._step_since or now,
                 "reason": reason}
        self.worker.submit(lambda: records.request_help(self.services.app.session_factory, s.kiosk_id, s.kiosk_name, now,
                                                        **where),
                           on_error=lambda exc: self.show_message(
                               ("Chưa gọi được cán bộ. Vui lòng đến quầy tiếp nhận gần nhất.",
                                "Staff could not be called. Please go to the nearest counter.")))

    # -- help that comes to you ------------------------------------------------------------------------
    def set_help_offer_after(self, seconds: float) -> None:
        """How long one step may last without progress before help is offered (tests use a short one)."""
        self._stuck.setInterval(int(max(0.05, seconds) * 1000))

    def _current_progress_key(self) -> tuple[str, ...]:
        key = [self._page]
        if self._page == "identify":
            key.append(str(self._identify.step))
        elif self._page == "account":
            key.append(str(self._account.step))
        return tuple(key)

    def _check_progress(self) -> None:
        """The citizen moved on (a new page or a new step): restart the stuck timer, tell the console."""
        if "_identify" not in self.__dict__:  # sub view models not built yet (kiosk run before ready)
            return
        key = self._current_progress_key()
        if key == self._progress_key:
            return
        self._progress_key = key
        self._step_since = self.services.clock.now() if self.ready else None
        self._stuck.stop()
        if self._help_offer:
            self._help_offer = False
            self.helpOfferChanged.emit()
        if self._page not in NO_HELP_OFFER_PAGES and not self._help_offered:
            self._stuck.start()
        self._report_page()

    def _report_page(self) -> None:
        sid, page, since = self._session_id, self._page, self._step_since
        if sid is None or since is None or not self.ready:
            return  # the session row is written with its first page when its id arrives
        factory = self.services.app.session_factory
        self.worker.submit(lambda: records.mark_page(factory, sid, page, since),
                           on_error=lambda exc: log.warning("page not recorded: %s", type(exc).__name__))

    def _offer_help(self) -> None:
        if self._help_offered or self._page in NO_HELP_OFFER_PAGES or self._tick.isActive():
            return
        self._help_offered = True
        self._help_offer = True
        self.helpOfferChanged.emit()
        log.info("help offered after %s s without progress on %s", self._stuck.interval() // 1000, self._page)

    @Property(bool, notify=helpOfferChanged)
    def helpOffer(self) -> bool:
        """True while "Bạn có cần giúp không?" is shown (once a visit, after a step without progress)."""
        return self._help_offer

    @Slot()
    def acceptHelpOffer(self) -> None:
        self._help_offer = False
        self.helpOfferChanged.emit()
        self._call_staff("offer")

    @Slot()
    def declineHelpOffer(self) -> None:
        self._help_offer = False
        self.helpOfferChanged.emit()

    # -- kiosk demo: the virtual card's data and QR on the identify page --------------------------------
    def set_demo_card(self, name: str, id_number: str, dob: str, qr: str) -> None:
        self._demo_card = {"name": name, "id": id_number, "dob": dob, "qr": qr}
        self.demoChanged.emit()

    @Property("QVariantMap", notify=demoChanged)
    def demoCard(self) -> dict[str, str]:
        """Empty except in ``kiosk demo``: {name, id, dob, qr} of the card it serves."""
        return dict(self._demo_card)

    # -- crash drafts, only with consent (kiosk.core.drafts) ----------------------------------------------
    @Property(bool, notify=draftChanged)
    def draftConsent(self) -> bool:
        return self._draft_consent

    @Slot(bool)
    def setDraftConsent(self, on: bool) -> None:
        """The citizen's box. Ticked: saved now and after each step. Un-ticked: any saved draft is deleted."""
        self._draft_consent = bool(on)
        self.draftChanged.emit()
        if self._draft_consent:
            self._save_draft()
        else:
            self._drop_draft(self._identify.id_number)

    @Property(bool, notify=draftChanged)
    def draftOffer(self) -> bool:
        """True when the card just read has an unfinished draft: "Tiếp tục hồ sơ đang làm dở?"."""
        return self._draft_offer is not None

    @Slot()
    def resumeDraft(self) -> None:
        draft, self._draft_offer = self._draft_offer, None
        self.draftChanged.emit()
        if draft is None:
            return
        try:
            self._procedures.select(draft.procedure_code)  # loads the form, prefilled from the card again
        except Exception:  # noqa: BLE001 - the procedure is gone from the catalogue: start afresh
            log.warning("draft procedure %s not available", draft.procedure_code)
            self._drop_draft(self._identify.id_number)
            return
        known = {f.name for f in self._procedures.selected.form}
        for name, value in draft.values.items():
            if name in known:
                self._form.setValue(name, value)
        self._form.fieldsChanged.emit()
        self._draft_consent = True  # they agreed before; the box shows it and can be un-ticked
        self.draftChanged.emit()
        self.goTo("form")

    @Slot()
    def discardDraft(self) -> None:
        self._draft_offer = None
        self.draftChanged.emit()
        self._drop_draft(self._identify.id_number)

    def _draft_values(self) -> dict[str, Any]:
        """The form values without anything prefilled from the chip or the account (the card refills them)."""
        proc = self._procedures.selected
        prefilled = {f.name for f in proc.form if f.prefill} if proc is not None else set()
        return {k: v for k, v in self._form.values.items() if k not in prefilled}

    def _save_draft(self) -> None:
        if not self._draft_consent or self._intent != "submit" or not self.ready:
            return
        id_number, proc = self._identify.id_number, self._procedures.selected
        if not id_number or proc is None or self._page in ("receipt", "rating", "welcome"):
            return
        drafts, code, values, page = self.services.drafts, proc.code, self._draft_values(), self._page
        gen = self._draft_gen
        self.worker.submit(lambda: drafts.save(id_number, code, values, page, still_wanted=lambda: self._draft_gen == gen),
                           on_error=lambda exc: log.warning("draft not saved: %s", type(exc).__name__))

    def _drop_draft(self, id_number: str | None) -> None:
        """Delete at once, on this thread (one unlink): a later read of the same card finds nothing."""
        self._draft_gen += 1
        if id_number and self.ready:
            try:
                self.services.drafts.delete(id_number)
            except OSError as exc:
                log.warning("draft not deleted: %s", type(exc).__name__)

    # -- idle timeout ---------------------------------------------------------------------------------
    def _session_active(self) -> bool:
        return self._page != "welcome" or self._identify.has_card

    @Slot()
    def poke(self) -> None:
        """Any touch or key: restart the idle timer (the app-wide event filter calls this)."""
        if self._tick.isActive():
            return  # only the "I am still here" button cancels a running countdown
        if self._session_active():
            self._idle.start()
        else:
            self._idle.stop()

    @Property(bool, notify=idleChanged)
    def idleWarning(self) -> bool:
        return self._tick.isActive()

    @Property(int, notify=idleChanged)
    def idleSecondsLeft(self) -> int:
        return self._remaining

    @Slot()
    def stillHere(self) -> None:
        self._tick.stop()
        self.idleChanged.emit()
        self.poke()

    def _start_countdown(self) -> None:
        if not self._session_active():
            return
        self._remaining = self.countdown_s
        self._tick.start()
        self.idleChanged.emit()

    def _count_down(self) -> None:
        self._remaining -= 1
        self.idleChanged.emit()
        if self._remaining <= 0:
            self._tick.stop()
            self.timeouts += 1
            self.finish("timeout")

    # -- session start / end --------------------------------------------------------------------------
    def _begin_session(self) -> None:
        if self._session_id is not None or self._session_busy:
            return
        self._session_busy = True
        factory, kiosk_id, now = self.services.app.session_factory, self.services.settings.kiosk_id, self.services.clock.now()

        def done(sid: int) -> None:
            self._session_busy = False
            self._session_id = sid
            self._report_page()  # the page reached while the row was being written

        def failed(exc: BaseException) -> None:
            self._session_busy = False

        self.worker.submit(lambda: records.start_session(factory, kiosk_id, now), done, failed)

    @property
    def session_id(self) -> int | None:
        return self._session_id

    @Slot(str)
    def finish(self, outcome: str = "completed") -> None:
        """End the visit: record the outcome, wipe card data, form, scans; back to Welcome in Vietnamese."""
        sid = self._session_id
        id_number = self._identify.id_number
        dossier_id = self._submit.dossier_id
        staff_id = self._staff.session_staff_id
        rating = self._submit.rating_value
        if outcome == "completed" and self._page not in ("rating", "receipt", "account") and dossier_id is None:
            outcome = "abandoned"
        if sid is not None:
            settings, factory, now = self.services.settings, self.services.app.session_factory, self.services.clock.now()
            self.worker.submit(lambda: records.end_session(
                factory, sid, now, outcome, id_number=id_number, salt=settings.log_salt, dossier_id=dossier_id,
                rating=rating, staff_id=staff_id))
        if not (self._draft_consent and outcome in ("timeout", "error")):
            self._drop_draft(id_number)  # kept only when the citizen agreed and the visit broke off
        self.wipe()
        if outcome == "timeout":
            self.show_message(("Phiên làm việc đã kết thúc vì không có thao tác. Thông tin của bạn đã được xóa.",
                               "The session ended because nothing happened for a while. Your information was erased."))
        elif outcome == "error":
            self.show_message(("Xin lỗi, đã có lỗi. Thông tin của bạn đã được xóa an toàn; vui lòng bắt đầu lại hoặc gọi cán bộ.",
                               "Sorry, something went wrong. Your information was erased safely; please start again or call staff."))

    @Slot()
    def cancel(self) -> None:
        self.finish("abandoned")

    def wipe(self) -> None:
        for vm in (self._identify, self._account, self._procedures, self._form, self._documents, self._submit,
                   self._track, self._staff, self._ticket):
            vm.reset()
        self.services.wipe_scans()
        self._session_id = None
        self._intent = "submit"
        self._history.clear()
        self._page = "welcome"
        self._scale_index, self._contrast = 0, False
        self._draft_consent, self._draft_offer = False, None
        self._message = NO_TEXT
        self._idle.stop()
        self._tick.stop()
        self._stuck.stop()
        self._help_offer = self._help_offered = False
        self._progress_key, self._step_since = ("welcome",), None
        self._keyboard.telex = False  # the next citizen starts with plain typing again
        if self.lang != "vi":
            self.setLanguage("vi")
        self.pageChanged.emit()
        self.appearanceChanged.emit()
        self.messageChanged.emit()
        self.idleChanged.emit()
        self.draftChanged.emit()
        self.helpOfferChanged.emit()
        self.sessionReset.emit()

    def on_unexpected_error(self) -> None:
        """sys.excepthook lands here: apologise, wipe, back to Welcome; never a traceback on screen."""
        try:
            self.finish("error")
        except Exception:  # pragma: no cover - last resort
            log.exception("wipe after error failed")

    def dispose(self) -> None:
        """Destroy the view-model tree now, on the GUI thread (``KioskUi.close`` calls it after the QML is gone).
        The sub view models keep ``root``, so the tree is a reference cycle: left to the garbage collector it
        would be destroyed on whichever thread a collection happens to run, timers and thread pool included."""
        import shiboken6

        self._idle.stop()
        self._tick.stop()
        self._stuck.stop()
        self.worker.wait(10000)
        if shiboken6.isValid(self):
            shiboken6.delete(self)

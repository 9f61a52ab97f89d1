"""``kiosk demo`` with the touch UI: the virtual CCCD through pcscd, the PDF printer, SANE's test scanner, SQLite.

Why: anyone can try the whole product with no hardware. With a display the window opens and stays; with
none the UI runs offscreen and walks one scripted journey as a self-check (or keeps running with
``--forever``); ``--walkthrough DIR`` saves a PNG of every screen: in Vietnamese, in English, in large text
and in high contrast, plus the fee page, a tracking result for each status group and the "card cannot be
verified" page. The identify page shows the demo card's data and a button that feeds its QR, as the 2D
scanner would, so nobody has to read the docs to get past it.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _devices(settings: Any, use_pcscd: bool) -> tuple[Any, Any, Any, str]:
    """(card reader, scanner, virtual card handle or None, description)."""
    from kiosk.devices.scanner import SaneScanner, SimulatedScanner
    from kiosk.ui.simulated import SimulatedCardReader

    scanner = SaneScanner("test", resolution=75) if shutil.which("scanimage") else SimulatedScanner()
    if use_pcscd:
        try:
            from kiosk.devices.card.virtual import start_demo_card
            from kiosk.ui.card_port import PcscCardReader

            handle = start_demo_card(data_dir=settings.data_dir / "virtual-card", settings=settings)
            reader = PcscCardReader(settings, reader=handle.reader, trust_dir=handle.trust_dir)
            return reader, scanner, handle, f"virtual CCCD on pcscd ({handle.reader})"
        except Exception as exc:  # noqa: BLE001 - the demo still works with the simulated reader
            log.warning("virtual card unavailable (%s); using the simulated reader", exc)
    return SimulatedCardReader(), scanner, None, "simulated card reader"


def _citizen(handle: Any) -> tuple[str, str, str | None]:
    """(ID, DOB dd/mm/yyyy, QR text) of the card the demo serves."""
    if handle is not None and handle.citizen is not None:
        c = handle.citizen
        return c.id_number, c.birth.strftime("%d/%m/%Y"), c.qr_text()
    from kiosk.ui.simulated import DEMO_CITIZENS, demo_qr

    c0 = DEMO_CITIZENS[0]
    return str(c0["id_number"]), c0["date_of_birth"].strftime("%d/%m/%Y"), demo_qr(0)  # type: ignore[union-attr]


def _citizen_name(handle: Any) -> str:
    if handle is not None and handle.citizen is not None:
        return str(handle.citizen.full_name)
    from kiosk.ui.simulated import DEMO_CITIZENS

    return str(DEMO_CITIZENS[0]["full_name"])


def show_demo_card(ui: Any, handle: Any) -> None:
    """The identify page of ``kiosk demo`` names the demo card and offers "Quét mã QR thẻ mẫu"."""
    id_number, dob, qr = _citizen(handle)
    ui.vm.set_demo_card(_citizen_name(handle), id_number, dob, qr or "")


def apply_modes(d: Any, lang: str = "vi", large: bool = False, contrast: bool = False) -> None:
    """Language, text size and contrast as a citizen sets them with the header buttons (a finished visit
    returns to Vietnamese, normal text, normal contrast)."""
    vm = d.vm
    if vm.language != lang:
        d.tap("langEn" if lang == "en" else "langVi")
    while (vm.textScale > 1.45) != large:
        d.tap("largeText")
    if vm.highContrast != contrast:
        d.tap("highContrast")
    d.pump(60)


def run_journey(ui: Any, settings: Any, handle: Any, shot: Any = None, lang: str = "vi", large: bool = False,
                contrast: bool = False, extras: bool = False) -> dict[str, Any]:
    from kiosk.integrations.sms import outbox_path
    from kiosk.ui import journey
    from kiosk.ui.driver import Driver

    shot = shot or (lambda _name: None)
    d = Driver(ui.window, ui.vm)
    d.pump(100)
    apply_modes(d, lang, large, contrast)
    shot("welcome")
    id_number, dob, _qr = _citizen(handle)
    journey.identify_typed(d, id_number, dob, shot)

    def otp() -> str:
        from kiosk.ui.journey import last_code

        return last_code(outbox_path(settings))

    journey.create_account(d, "0912345678", otp, shot)
    journey.choose_procedure(d, "khai sinh", shot)
    journey.fill_form(d, journey.BIRTH_FORM, shot)
    journey.documents_and_submit(d, shot)
    result = {"code": ui.vm.submit.code, "print": ui.vm.submit.printState, "slip": ui.vm.submit.print_path}
    journey.finish_with_rating(d, 5, shot)
    apply_modes(d, lang, large, contrast)  # finishing returns the kiosk to Vietnamese, normal text and colours
    d.tap("startTrack")
    d.wait_page("track")
    shot("track")
    d.type_into("trackCode", result["code"])
    d.tap("trackLookup")
    d.wait_until(lambda: ui.vm.track.found, 10, "tracking")
    d.pump(250)  # the result card is scrolled into view once laid out
    shot("track-result")
    d.tap("trackDone")
    apply_modes(d, lang, large, contrast)
    ui.vm.staff.open()
    d.wait_page("staff")
    shot("staff")
    ui.vm.back()
    if extras:
        _extra_screens(ui, d, settings, shot, lang, large, contrast)
    return result


def _extra_screens(ui: Any, d: Any, settings: Any, shot: Any, lang: str, large: bool, contrast: bool) -> None:
    """The screens one journey does not reach: a dossier with a fee (the payment page), a tracking result for
    each status group, the keyboard, the help offer, "card cannot be verified"."""
    from kiosk.ui import journey
    from kiosk.ui.simulated import SimulatedCardReader

    app = ui.vm.services.app
    id_number, dob, _qr = _citizen(None)
    services = ui.vm.services
    real_reader = services._card_reader
    # a returning citizen files a procedure with a fee: the payment page
    services._card_reader = SimulatedCardReader(step_delay=0.01)
    try:
        apply_modes(d, lang, large, contrast)
        journey.identify_typed(d, id_number, dob)
        d.wait_until(lambda: ui.vm.page in ("account", "procedures"), 10, "account or procedures")
        if ui.vm.page == "account":
            d.tap("skipAccount")
        d.wait_page("procedures")
        d.type_into("search", "thuong tru")
        d.pump(80)
        d.tap("proc_0")
        d.wait_page("detail")
        shot("detail-fee")
        d.tap("startProcedure")
        d.wait_page("form")
        d.tap("formNext")  # nothing typed yet: a message under each required field, typed values kept
        d.pump(80)
        shot("form-errors")
        d.tap(f"f_{ui.vm.procedures.selected.form[0].name}")  # the on-screen keyboard, with Call staff on it
        d.wait_until(lambda: d.find("keyboard") is not None and d.find("keyboard").isVisible(), 5, "keyboard")
        shot("form-keyboard")
        d.tap("key_done")
        journey.fill_form(d, journey.form_values_for(ui.vm.procedures.selected))
        d.wait_page("documents")
        for it in ui.vm.documents.items:
            if it["required"]:
                d.tap(f"paper_{it['index']}")
        d.tap("documentsNext")
        d.wait_page("delivery")
        d.tap("deliveryNext")
        d.wait_page("payment")
        d.tap("pay_vietqr")
        shot("payment")
        ui.vm.set_help_offer_after(0.2)  # the real kiosk waits a minute on one step without progress
        d.wait_until(lambda: ui.vm.helpOffer, 5, "help offer")
        d.pump(60)
        shot("help-offer")
        d.tap("helpOfferContinue")
        ui.vm.set_help_offer_after(60)
        d.tap("paymentNext")
        d.wait_page("review")
        d.tap("submitDossier")
        d.wait_page("receipt", 20)
        d.wait_until(lambda: ui.vm.submit.printState in ("ok", "failed"), 20, "slip printed")
        d.wait_until(lambda: ui.vm.submit.paymentState == "waiting", 10, "VietQR")
        d.pump(100)
        shot("receipt-fee")
        ui.vm.finish("completed")
        d.wait_page("welcome")
        # a key the chip refuses (another date of birth): the error page with its three ways on
        apply_modes(d, lang, large, contrast)
        d.tap("startSubmit")
        d.wait_page("notice")
        d.tap("acceptNotice")
        d.wait_page("identify")
        d.tap("typeInstead")
        d.type_into("idNumber", id_number)
        d.type_into("dateOfBirth", "16/03/1986")  # the right year (the ID encodes it), another day
        d.tap("readTyped")
        d.wait_until(lambda: ui.vm.identify.step == "error", 10, "card error")
        d.pump(60)
        shot("identify-error")
        ui.vm._start_countdown()  # "Bạn còn đó không?" as it shows 10 s before an idle visit is wiped
        d.pump(80)
        shot("idle")
        ui.vm.stillHere()
        ui.vm.cancel()
        d.wait_page("welcome")
        # "card cannot be verified": a chip whose data does not match its signature
        services._card_reader = _ForgedReader()
        apply_modes(d, lang, large, contrast)
        d.tap("startSubmit")
        d.wait_page("notice")
        d.tap("acceptNotice")
        d.wait_page("identify")
        ui.vm.identify.submitQr(_qr or "")
        d.wait_until(lambda: ui.vm.identify.step == "error", 10, "card refused")
        d.pump(60)
        shot("identify-unverified")
        ui.vm.cancel()
    finally:
        services._card_reader = real_reader
    _account_screens(ui, d, settings, shot, lang, large, contrast)
    # a tracking result for each status group
    for status, name in _status_samples(app):
        apply_modes(d, lang, large, contrast)
        d.tap("startTrack")
        d.wait_page("track")
        d.type_into("trackCode", name)
        d.tap("trackLookup")
        d.wait_until(lambda: ui.vm.track.found, 10, "tracking")
        d.pump(250)
        shot(f"track-status-{status}")
        d.tap("trackDone")
        d.wait_page("welcome")


_PHONES = iter(range(10, 100))


def _account_screens(ui: Any, d: Any, settings: Any, shot: Any, lang: str, large: bool, contrast: bool) -> None:
    """"Tạo tài khoản" up to the summary for the second demo citizen, then cancelled (nothing is created, so
    every variant of the walkthrough can show these screens; a new phone number each time, as the OTP is
    limited per number and hour)."""
    from kiosk.integrations.sms import outbox_path
    from kiosk.ui.journey import last_code
    from kiosk.ui.simulated import DEMO_CITIZENS, SimulatedCardReader

    services = ui.vm.services
    real_reader = services._card_reader
    services._card_reader = SimulatedCardReader(step_delay=0.01)
    c1 = DEMO_CITIZENS[1]
    try:
        apply_modes(d, lang, large, contrast)
        d.tap("startAccount")
        d.wait_page("notice")
        d.tap("acceptNotice")
        d.wait_page("identify")
        d.tap("typeInstead")
        d.type_into("idNumber", str(c1["id_number"]))
        d.type_into("dateOfBirth", c1["date_of_birth"].strftime("%d/%m/%Y"))  # type: ignore[union-attr]
        d.tap("readTyped")
        d.wait_until(lambda: ui.vm.identify.step == "confirm", 20, "card read")
        d.tap("confirmYes")
        d.wait_until(lambda: ui.vm.account.step == "phone", 10, "phone step")
        d.type_into("phone", f"09880000{next(_PHONES):02d}")
        shot("account")
        d.tap("sendCode")
        d.wait_until(lambda: ui.vm.account.step == "otp", 10, "otp step")
        d.type_into("otpCode", last_code(outbox_path(settings)))
        shot("account-otp")
        d.tap("verifyCode")
        d.wait_until(lambda: ui.vm.account.step == "consents", 10, "consents step")
        shot("account-consents")
        d.tap("consentsNext")
        d.wait_until(lambda: ui.vm.account.step == "summary", 10, "summary")
        shot("account-summary")
        ui.vm.cancel()
        d.wait_page("welcome")
    finally:
        services._card_reader = real_reader


class _ForgedReader:
    """The simulated chip with data that does not match its signature (passive authentication failed)."""

    def read(self, key: Any, progress: Any = None) -> Any:
        from kiosk.ui.simulated import SimulatedCardReader

        result = SimulatedCardReader(step_delay=0.01).read(key, progress)
        result.passive_auth = "failed"
        return result


_SAMPLES: dict[str, list[int]] = {}


def _status_samples(app: Any) -> list[tuple[int, str]]:
    """One dossier per status group, moved there by an officer (made once per data folder run)."""
    key = str(app.settings.data_dir)
    if key in _SAMPLES:
        return list(zip((1, 4, 5, 9, 10, 3), _SAMPLES[key], strict=True))  # type: ignore[arg-type]
    from kiosk.core.dossiers import PersonData, Submission

    staff = app.staff
    try:
        officer = staff.add("demo.canbo", "officer", "Cán bộ mẫu", "482916").id
    except Exception:  # noqa: BLE001 - already there from an earlier run on this data folder
        officer = staff.authenticate("demo.canbo", "482916").id
    codes = []
    for _ in range(6):
        res = app.dossiers.submit(Submission(procedure_code="1.001193", channel="kiosk", kiosk_id=app.settings.kiosk_id,
                                             applicant=PersonData(id_number="038186001234", full_name="Nguyễn Thị Hương")))
        codes.append(res.code)
    a = app.actions
    a.accept(codes[1], officer)
    a.start_processing(codes[1], officer)
    a.accept(codes[2], officer)
    a.request_supplement(codes[2], officer, [{"name": "Giấy chứng sinh", "reason": "Bản chụp bị mờ, cần bản rõ hơn"}])
    for c in codes[3:5]:
        a.accept(c, officer)
        a.start_processing(c, officer)
        a.finish(c, officer)
    a.return_result(codes[4], officer, "counter")
    a.refuse(codes[5], officer, "Thủ tục không thuộc thẩm quyền của xã")
    _SAMPLES[key] = codes  # type: ignore[assignment]
    return list(zip((1, 4, 5, 9, 10, 3), codes, strict=True))


def run_ui_demo(args: Any) -> int:
    from kiosk.app import build_app
    from kiosk.cli import CliError
    from kiosk.config import load_settings

    walkthrough = getattr(args, "walkthrough", None)
    headless = walkthrough is not None or not has_display()
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    settings = load_settings(args.config)
    if settings.environment == "production":
        raise CliError("kiosk demo refuses a production configuration (it serves a virtual card)", 2)
    from kiosk.ui.application import acquire_single_instance, build_ui, ensure_gui_app
    from kiosk.ui.services import UiServices

    ensure_gui_app()
    lock = acquire_single_instance(settings.data_dir / "kiosk-ui.lock")
    if lock is None:
        raise CliError("another kiosk UI is already running on this data folder", 3)
    app = build_app(settings)
    reader, scanner, handle, what = _devices(settings, not getattr(args, "no_pcscd", False))
    print(f"kiosk demo: {what}; printer: {settings.printer.backend}; scanner: {scanner.name}; "
          f"database: {settings.effective_database_url}")
    try:
        if walkthrough is not None:
            return _walkthrough(app, settings, reader, scanner, handle, Path(walkthrough))
        services = UiServices(app, card_reader=reader, scanner=scanner)
        ui = build_ui(services, mode="offscreen" if headless else "windowed", install_excepthook=True)
        show_demo_card(ui, handle)
        if headless and not getattr(args, "forever", False):
            result = run_journey(ui, settings, handle)
            print(f"kiosk demo: self-check passed; dossier {result['code']}, slip {result['print']}: {result['slip']}")
            ui.close()
            return 0
        signal.signal(signal.SIGINT, lambda *_: ui.app.quit())
        from PySide6.QtCore import QTimer

        keepalive = QTimer()  # lets Python see Ctrl-C while Qt runs
        keepalive.start(300)
        keepalive.timeout.connect(lambda: None)
        rc = ui.app.exec()
        ui.close()
        return int(rc)
    finally:
        if handle is not None:
            handle.stop()
        app.close()
        lock.unlock()


def _walkthrough(app: Any, settings: Any, reader: Any, scanner: Any, handle: Any, out: Path) -> int:
    from kiosk.ui.application import build_ui
    from kiosk.ui.services import UiServices

    count = 0
    # folder, language, large text, high contrast
    variants = (("vi", "vi", False, False), ("en", "en", False, False), ("vi-large", "vi", True, False),
                ("vi-contrast", "vi", False, True), ("vi-large-contrast", "vi", True, True))
    for folder, lang, large, contrast in variants:
        ui = build_ui(UiServices(app, card_reader=reader, scanner=scanner), mode="offscreen")
        ui.window.resize(1280, 800)
        show_demo_card(ui, handle)
        n = [0]

        def shot(name: str, ui: Any = ui, folder: str = folder, n: list[int] = n) -> None:
            n[0] += 1
            path = out / folder / f"{n[0]:02d}-{name}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            ui.app.processEvents()
            ui.window.grabWindow().save(str(path), "PNG")

        run_journey(ui, settings, handle, shot, lang=lang, large=large, contrast=contrast, extras=True)
        count += n[0]
        ui.close()
    print(f"kiosk demo: {count} screens written to {out}")
    return 0

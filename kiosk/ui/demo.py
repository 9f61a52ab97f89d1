"""``kiosk demo`` with the touch UI: the virtual CCCD through pcscd, the PDF printer, SANE's test scanner, SQLite.

Why: anyone can try the whole product with no hardware. With a display the window opens and stays; with
none the UI runs offscreen and walks one scripted journey as a self-check (or keeps running with
``--forever``); ``--walkthrough DIR`` saves a PNG of every screen, in Vietnamese and in English.
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


def run_journey(ui: Any, settings: Any, handle: Any, shot: Any = None, lang: str = "vi") -> dict[str, Any]:
    from kiosk.integrations.sms import outbox_path
    from kiosk.ui import journey
    from kiosk.ui.driver import Driver

    shot = shot or (lambda _name: None)
    d = Driver(ui.window, ui.vm)
    d.pump(100)
    if lang != "vi":
        d.tap("langEn" if lang == "en" else "langVi")
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
    if lang == "en":  # finishing returns the kiosk to Vietnamese
        d.tap("langEn")
    d.tap("startTrack")
    d.wait_page("track")
    d.type_into("trackCode", result["code"])
    d.tap("trackLookup")
    d.wait_until(lambda: ui.vm.track.found, 10, "tracking")
    shot("track")
    d.tap("trackDone")
    ui.vm.staff.open()
    d.wait_page("staff")
    shot("staff")
    ui.vm.back()
    return result


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
    for lang in ("vi", "en"):
        ui = build_ui(UiServices(app, card_reader=reader, scanner=scanner), mode="offscreen")
        ui.window.resize(1280, 800)
        n = [0]

        def shot(name: str, ui: Any = ui, lang: str = lang, n: list[int] = n) -> None:
            n[0] += 1
            path = out / lang / f"{n[0]:02d}-{name}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            ui.app.processEvents()
            ui.window.grabWindow().save(str(path), "PNG")

        run_journey(ui, settings, handle, shot, lang=lang)
        count += n[0]
        ui.close()
    print(f"kiosk demo: {count} screens written to {out}")
    return 0

"""Every screen reads cleanly in every mode: no text elided, wider than its box, cut at the side or drawn over
another text, at 1280×800 and 1920×1080, in Vietnamese and English × normal and large text × normal and high
contrast (issue 15). One engine walks the citizen's screens once; at each screen the window is resized and
the modes switched as a citizen would (the view model's own slots), and kiosk.ui.driver measures every Text
item in scene coordinates."""

from __future__ import annotations

import time

import pytest

from kiosk.ui import journey
from kiosk.ui.simulated import DEMO_CITIZENS, SimulatedCardReader, demo_qr

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]

SIZES = ((1280, 800), (1920, 1080))
SCALES = (0, 2)  # TEXT_SCALES index: normal (1.0) and the largest "chữ lớn" step (1.6)


class _Audit:
    def __init__(self, ui, d) -> None:  # type: ignore[no-untyped-def]
        self.ui, self.d = ui, d
        self.problems: list[str] = []
        self.screens: list[str] = []
        self.checks = 0

    def _modes(self, lang: str, scale_index: int, contrast: bool) -> None:
        vm = self.ui.vm
        vm.setLanguage(lang)
        while vm._scale_index != scale_index:  # the header button cycles 1.0 → 1.3 → 1.6
            vm.cycleTextSize()
        vm.setHighContrast(contrast)

    def __call__(self, screen: str) -> None:
        self.screens.append(screen)
        vm, d = self.ui.vm, self.d
        before = (vm.language, vm._scale_index, vm.highContrast)
        for lang in ("vi", "en"):
            for w, h in SIZES:
                self.ui.window.resize(w, h)
                for scale_index in SCALES:
                    for contrast in (False, True):
                        self._modes(lang, scale_index, contrast)
                        d.settle()  # Layouts place their items in the polish step before a frame is drawn
                        self.checks += 1
                        for p in d.layout_problems():
                            self.problems.append(f"{screen} [{lang} {w}x{h} scale={scale_index} hc={contrast}] {p}")
        self.ui.window.resize(1280, 800)
        self._modes(*before)
        d.settle()


def test_no_text_elided_or_overlapping_on_any_screen_in_any_mode(ui_factory, outbox, app):  # type: ignore[no-untyped-def]
    from kiosk.integrations.sms import outbox_path  # noqa: F401  (the outbox fixture is the same file)
    from tests.ui.conftest import last_otp

    t0 = time.monotonic()
    reader = SimulatedCardReader(step_delay=0.002)
    ui, d = ui_factory(card_reader=reader)
    c0 = DEMO_CITIZENS[0]
    ui.vm.set_demo_card(str(c0["full_name"]), str(c0["id_number"]), c0["date_of_birth"].strftime("%d/%m/%Y"),  # type: ignore[union-attr]
                        demo_qr(0))
    audit = _Audit(ui, d)

    audit("welcome")
    d.tap("startSubmit")
    d.wait_page("notice")
    audit("notice")
    d.tap("acceptNotice")
    d.wait_page("identify")
    audit("identify: scan the QR (demo card shown)")
    d.tap("typeInstead")
    audit("identify: type the number")
    d.type_into("idNumber", "038186001234")
    d.type_into("dateOfBirth", "16/03/1986")  # another date: the chip refuses the key
    d.tap("readTyped")
    d.wait_until(lambda: ui.vm.identify.step == "error", 10, "card error")
    audit("identify: card error")
    d.tap("typeAfterError")
    d.type_into("dateOfBirth", "15/03/1986")
    d.tap("readTyped")
    d.wait_until(lambda: ui.vm.identify.step == "confirm", 10, "confirm")
    audit("identify: is this you?")
    d.tap("confirmYes")
    d.wait_until(lambda: ui.vm.account.step == "phone", 10, "phone step")
    audit("account: phone")
    d.type_into("phone", "0912345678")
    d.tap("sendCode")
    d.wait_until(lambda: ui.vm.account.step == "otp", 10, "otp step")
    audit("account: code")
    d.type_into("otpCode", last_otp(outbox))
    d.tap("verifyCode")
    d.wait_until(lambda: ui.vm.account.step == "consents", 10, "consents")
    audit("account: consents")
    d.tap("consentsNext")
    d.wait_until(lambda: ui.vm.account.step == "summary", 10, "summary")
    audit("account: summary")
    d.tap("createAccount")
    d.wait_until(lambda: ui.vm.account.step == "done", 10, "account created")
    audit("account: done")
    d.tap("accountContinue")
    d.wait_page("procedures")
    audit("procedures")
    d.type_into("search", "thuong tru")
    d.pump(80)
    d.tap("proc_0")
    d.wait_page("detail")
    audit("detail (with a fee)")
    d.tap("startProcedure")
    d.wait_page("form")
    audit("form")
    d.tap("formNext")  # nothing typed yet: a message under each required field
    d.pump(60)
    audit("form with messages")
    first = ui.vm.procedures.selected.form[0].name
    d.tap(f"f_{first}")
    d.wait_until(lambda: d.find("keyboard") is not None and d.find("keyboard").isVisible(), 5, "keyboard")
    assert d.item("key_callStaff").isVisible()  # calling staff stays one touch away on the keyboard
    audit("form with the keyboard")
    kb = d.find("keyboard")
    if kb is not None and kb.isVisible():
        d.tap("key_done")
    journey.fill_form(d, journey.form_values_for(ui.vm.procedures.selected))
    d.wait_page("documents")
    audit("documents")
    for it in ui.vm.documents.items:
        if it["required"]:
            d.tap(f"paper_{it['index']}")
    d.tap("documentsNext")
    d.wait_page("delivery")
    d.tap("delivery_postal")
    audit("delivery (by post)")
    d.tap("deliveryNext")
    d.wait_page("payment")
    d.tap("pay_vietqr")
    audit("payment")
    ui.vm.set_help_offer_after(0.05)
    d.wait_until(lambda: ui.vm.helpOffer, 5, "help offer")
    audit("help offer")
    d.tap("helpOfferContinue")
    ui.vm.set_help_offer_after(60)
    d.tap("paymentNext")
    d.wait_page("review")
    audit("review")
    d.tap("submitDossier")
    d.wait_page("receipt", 20)
    d.wait_until(lambda: ui.vm.submit.printState in ("ok", "failed"), 20, "slip")
    d.wait_until(lambda: ui.vm.submit.paymentState == "waiting", 10, "VietQR")
    audit("receipt with the VietQR")
    code = ui.vm.submit.code
    d.tap("receiptDone")
    d.wait_page("rating")
    audit("rating")
    d.tap("rate_5")
    d.wait_page("welcome")
    d.tap("startTrack")
    d.wait_page("track")
    audit("track (keyboard open)")
    d.type_into("trackCode", code)
    d.tap("key_done")  # the citizen closes the keyboard, then touches "Tra cứu"
    d.tap("trackLookup")
    d.wait_until(lambda: ui.vm.track.found, 10, "tracking")
    audit("track result")
    d.tap("trackDone")
    d.wait_page("welcome")
    d.tap("startTicket")
    d.wait_page("ticket")
    d.wait_until(lambda: ui.vm.ticket.fields, 10, "fields")
    audit("ticket: fields")
    d.tap("ticketField_0")
    d.wait_until(lambda: ui.vm.ticket.taken, 15, "ticket")
    audit("ticket: number")
    d.tap("ticketDone")
    d.wait_page("welcome")
    ui.vm.staff.open()
    d.wait_page("staff")
    audit("staff sign-in")
    ui.vm.cancel()
    d.wait_page("welcome")
    # "card cannot be verified": the chip's data does not match its signature
    ui.vm.services._card_reader = _ForgedReader()
    d.tap("startSubmit")
    d.wait_page("notice")
    d.tap("acceptNotice")
    d.wait_page("identify")
    ui.vm.identify.submitQr(demo_qr(0))
    d.wait_until(lambda: ui.vm.identify.step == "error" and ui.vm.identify.errorKind == "untrusted", 10, "refused")
    audit("identify: card cannot be verified")
    ui.vm._start_countdown()  # "Bạn còn đó không?" (10 s before an idle visit is wiped)
    d.wait_until(lambda: d.find("idleOverlay") is not None and d.find("idleOverlay").isVisible(), 5, "countdown")
    audit("are you still there?")
    ui.vm.stillHere()
    ui.vm.cancel()

    assert len(audit.screens) >= 30 and audit.checks == len(audit.screens) * 16
    assert not audit.problems, f"{len(audit.problems)} problems:\n" + "\n".join(audit.problems[:80])
    took = time.monotonic() - t0
    print(f"layout audit: {len(audit.screens)} screens x 16 modes = {audit.checks} checks in {took:.1f} s")
    assert took < 150  # the whole audit, ~500 checked screens (about a minute when the machine is not loaded)


class _ForgedReader:
    """The simulated chip, but its data does not match its signature (passive authentication failed)."""

    def read(self, key, progress=None):  # type: ignore[no-untyped-def]
        result = SimulatedCardReader(step_delay=0.002).read(key, progress)
        result.passive_auth = "failed"
        return result

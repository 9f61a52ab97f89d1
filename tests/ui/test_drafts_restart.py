"""A draft survives a "crash" only with consent, and only the same card reopens it (issue 7, session safety).

A restart is simulated by closing the UI without ending the visit (no wipe, as after a crash or a power cut)
and building new view models and QML on the same data folder.
"""

from __future__ import annotations

from typing import Any

from kiosk.ui.simulated import SimulatedCardReader

CARD = ("038186001234", "15/03/1986")


def _to_form(ui: Any, d: Any) -> None:
    vm = ui.vm
    vm.start("submit")
    vm.identify.acceptNotice()
    d.wait_page("identify", 10)
    vm.identify.submitTyped(*CARD)
    d.wait_until(lambda: vm.identify.step == "confirm", 20, "card read")
    vm.identify.confirm()
    d.wait_until(lambda: vm.page == "account" and not vm.account.busy, 10, "account")
    vm.account.proceed()
    d.wait_page("procedures", 10)
    vm.procedures.select("1.001193")
    vm.procedures.start()
    d.wait_page("form", 10)


def _read_card_again(ui: Any, d: Any) -> None:
    vm = ui.vm
    vm.start("submit")
    vm.identify.acceptNotice()
    d.wait_page("identify", 10)
    vm.identify.submitTyped(*CARD)
    d.wait_until(lambda: vm.identify.step == "confirm", 20, "card read")
    vm.identify.confirm()
    d.wait_until(lambda: not vm.account.busy and not vm.worker.busy, 10, "lookup")
    d.pump(50)


def _typed_field(ui: Any) -> str:
    fields = ui.vm.form.fields
    return next(f["name"] for f in fields if f["type"] in ("text", "textarea") and not f["prefilled"])


def test_consented_draft_is_offered_to_the_same_card_after_a_restart(ui_factory, settings) -> None:  # type: ignore[no-untyped-def]
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.0))
    _to_form(ui, d)
    assert ui.vm.draftConsent is False  # un-ticked by default
    name = _typed_field(ui)
    ui.vm.form.setValue(name, "Nguyễn Thị Bản Nháp")
    d.tap("draftConsent")  # the box on the form page
    d.wait_until(lambda: ui.vm.draftConsent, 5, "consent ticked")
    ui.vm.worker.wait(10000)
    drafts = settings.data_dir / "drafts"
    files = list(drafts.glob("*.draft"))
    assert len(files) == 1 and (files[0].stat().st_mode & 0o777) == 0o600
    assert "Bản Nháp".encode() not in files[0].read_bytes() and CARD[0].encode() not in files[0].read_bytes()
    ui.close()  # the "crash": nothing wiped

    ui2, d2 = ui_factory(card_reader=SimulatedCardReader(step_delay=0.0))
    assert ui2.vm.page == "welcome" and ui2.vm.draftOffer is False  # nothing shown on start-up
    _read_card_again(ui2, d2)
    d2.wait_until(lambda: ui2.vm.draftOffer, 10, "draft offer")
    ui2.vm.resumeDraft()
    d2.wait_page("form", 10)
    assert ui2.vm.form.values[name] == "Nguyễn Thị Bản Nháp"
    assert ui2.vm.draftConsent is True
    ui2.vm.cancel()  # cancel wipes the draft
    ui2.vm.worker.wait(10000)
    assert list(drafts.glob("*.draft")) == []


def test_without_consent_nothing_is_written(ui_factory, settings) -> None:  # type: ignore[no-untyped-def]
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.0))
    _to_form(ui, d)
    ui.vm.form.setValue(_typed_field(ui), "không lưu")
    ui.vm.goTo("documents")
    ui.vm.finish("timeout")
    ui.vm.worker.wait(10000)
    assert not (settings.data_dir / "drafts").exists()


def test_consented_draft_kept_on_timeout_and_wiped_on_untick(ui_factory, settings) -> None:  # type: ignore[no-untyped-def]
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.0))
    _to_form(ui, d)
    ui.vm.setDraftConsent(True)
    ui.vm.finish("timeout")
    ui.vm.worker.wait(10000)
    assert len(list((settings.data_dir / "drafts").glob("*.draft"))) == 1
    _read_card_again(ui, d)
    d.wait_until(lambda: ui.vm.draftOffer, 10, "draft offer")
    ui.vm.discardDraft()
    ui.vm.worker.wait(10000)
    assert list((settings.data_dir / "drafts").glob("*.draft")) == []

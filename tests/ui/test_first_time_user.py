"""Issue 15 point 1 through the real QML: what an elderly first-time user meets on each screen."""

from __future__ import annotations

import pytest

from kiosk.ui import journey
from kiosk.ui.simulated import DEMO_CITIZENS, SimulatedCardReader, demo_qr

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]


def test_demo_card_on_the_identify_page_and_one_step_at_a_time(ui_factory, app) -> None:  # type: ignore[no-untyped-def]
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))
    c0 = DEMO_CITIZENS[0]
    ui.vm.set_demo_card(str(c0["full_name"]), str(c0["id_number"]), "15/03/1986", demo_qr(0))
    d.tap("startSubmit")
    d.wait_page("notice")
    # the notice's only way forward is on screen, and it names the configured agency and hotline
    assert d.item("footerNext").isVisible() and d.text_of("acceptNotice").startswith("Tôi đã hiểu, tiếp tục")
    notice = d.text_of("noticeText")
    s = app.settings
    assert s.unit_name in notice and s.parent_body in notice and s.hotline in notice and "1900 0000" not in notice
    d.tap("acceptNotice")
    d.wait_page("identify")
    # one thing to do: the QR under the scanner (no "leave the card on the reader" at the same time)
    instruction = d.text_of("placeInstruction")
    assert "QR" in instruction and "đầu đọc" not in instruction
    assert d.text_of("pageTitle") == "Quét mã QR trên thẻ căn cước"
    demo = d.item("demoCard")
    assert demo.isVisible() and any("038186001234" in str(t.property("text")) and "15/03/1986" in str(t.property("text"))
                                    for t in _all_texts(demo))
    d.tap("scanDemoQr")  # the demo card's QR, as the 2D scanner would type it
    d.wait_until(lambda: ui.vm.identify.step == "confirm", 10, "card read from the demo QR")
    assert d.text_of("cardName") == "Nguyễn Thị Hương"
    assert d.text_of("confirmYes").startswith("Đúng, đây là tôi")  # the bottom bar's main action


def test_typed_date_placeholder_is_nobody_s_birth_date(ui_factory) -> None:  # type: ignore[no-untyped-def]
    ui, d = ui_factory()
    d.tap("startSubmit")
    d.wait_page("notice")
    d.tap("acceptNotice")
    d.wait_page("identify")
    d.tap("typeInstead")
    field = d.item("dateOfBirth_input")
    assert field.property("placeholderText") == "ngày/tháng/năm"
    for c in DEMO_CITIZENS:
        assert c["date_of_birth"].strftime("%d/%m/%Y") not in ui.vm.identify.dobError  # type: ignore[union-attr]


def test_header_reads_plainly_and_marks_the_language(ui_factory) -> None:  # type: ignore[no-untyped-def]
    ui, d = ui_factory()
    assert d.text_of("langVi") == "✓ Tiếng Việt" and d.text_of("langEn") == "English"
    labels = []
    for _ in range(3):
        labels.append(d.text_of("largeText"))
        d.tap("largeText")
    assert labels == ["Chữ lớn", "Chữ lớn hơn nữa", "Chữ bình thường"] and "×" not in "".join(labels)
    d.tap("highContrast")
    assert d.text_of("highContrast") == "Màu bình thường"
    d.tap("langEn")
    assert d.text_of("langEn") == "✓ English" and d.text_of("langVi") == "Tiếng Việt"
    title = d.item("headerTitle")
    assert not title.property("truncated") and title.property("text") == "Public service kiosk"


def test_telex_is_off_by_default_and_off_again_for_the_next_visitor(ui_factory, outbox) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import last_otp

    ui, d = ui_factory()
    kb = ui.vm.keyboard
    assert kb.property("telex") is False
    assert kb.type("a", 1, "a")["text"] == "aa"  # pressing "a" twice gives "aa", not "â"
    journey.identify_typed(d, "038186001234", "15/03/1986")
    journey.create_account(d, "0912345678", lambda: last_otp(outbox))
    journey.choose_procedure(d, "khai sinh")
    d.tap("f_child_full_name_input")
    d.wait_until(lambda: d.find("keyboard") is not None and d.find("keyboard").isVisible(), 5, "keyboard")
    assert d.item("key_callStaff").isVisible()  # the bottom bar is hidden: Call staff is on the keyboard
    assert d.item("key_telex").property("label") == "Telex"  # no tick: off
    d.tap("key_telex")
    assert kb.property("telex") is True
    d.tap("key_callStaff")
    assert "Đã gọi cán bộ" in ui.vm.message
    ui.vm.cancel()
    assert kb.property("telex") is False


def test_review_masks_the_card_holder_s_number_everywhere(ui_factory, outbox) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import last_otp

    ui, d = ui_factory()
    journey.identify_typed(d, "038186001234", "15/03/1986")
    journey.create_account(d, "0912345678", lambda: last_otp(outbox))
    journey.choose_procedure(d, "khai sinh")
    journey.fill_form(d, journey.BIRTH_FORM)
    d.wait_page("documents")
    for it in ui.vm.documents.items:
        if it["required"]:
            d.tap(f"paper_{it['index']}")
    d.tap("documentsNext")
    d.wait_page("delivery")
    d.tap("deliveryNext")
    d.wait_page("review")
    d.pump(60)
    page = d.find_all("pageLoader")[0].property("item")
    shown = [str(t.property("text")) for t in _all_texts(page)]
    assert not any("038186001234" in t for t in shown), [t for t in shown if "0381" in t]
    assert sum("038 ••• ••• 234" in t for t in shown) >= 2  # the applicant section and the form's own field


def _all_texts(item):  # type: ignore[no-untyped-def]
    out, stack = [], [item]
    while stack:
        it = stack.pop()
        if it.inherits("QQuickText") and it.isVisible():
            out.append(it)
        stack.extend(it.childItems())
    return out

"""The on-screen keyboard appears when a form field is touched (it is built only then) and types into it."""

from __future__ import annotations

import pytest

from kiosk.ui import journey
from tests.ui.conftest import last_otp

pytestmark = pytest.mark.ui


def test_keyboard_appears_for_a_field_and_types_with_tones(ui_factory, outbox):  # type: ignore[no-untyped-def]
    ui, d = ui_factory()
    journey.identify_typed(d, "038186001234", "15/03/1986")
    journey.create_account(d, "0912345678", lambda: last_otp(outbox))
    journey.choose_procedure(d, "khai sinh")
    assert d.find("keyboard") is None, "the keyboard is not built before a field needs it"
    d.tap("f_child_full_name_input")
    d.wait_until(lambda: d.find("keyboard") is not None and d.find("keyboard").isVisible(), 5, "keyboard shown")
    for key in ("key_a", "key_n"):
        d.tap(key)
    d.wait_until(lambda: ui.vm.form.values.get("child_full_name", "").lower().endswith("an"), 5, "typed text")

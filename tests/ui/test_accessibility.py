"""Accessibility basics through the real QML, on every page of a journey (and with the on-screen keyboard
open): each control a citizen can touch has an accessible name, a touch target of at least 9 mm at the
configured screen DPI (``screen_dpi``; 48 px on a 10-inch 1280×800 panel), and every text shown has a
contrast ratio of at least 4.5:1 against what is drawn behind it in the normal theme and 7:1 in high
contrast (WCAG 2.x relative luminance, from the colours the theme actually paints)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.ui import journey
from kiosk.ui.kiosk_view_model import PAGES
from kiosk.ui.simulated import SimulatedCardReader

pytestmark = [pytest.mark.ui, pytest.mark.sqlite_only]

INTERACTIVE = ("QQuickAbstractButton", "QQuickTextInput", "QQuickMouseArea")


def _classes(item: Any) -> list[str]:
    names, m = [], item.metaObject()
    while m is not None:
        names.append(m.className())
        m = m.superClass()
    return names


def _visible_items(root: Any) -> Iterator[Any]:
    stack = [root]
    while stack:
        it = stack.pop()
        if not it.isVisible() or it.opacity() == 0:
            continue
        yield it
        stack.extend(it.childItems())


def _enabled(item: Any) -> bool:
    return bool(item.isEnabled())


def _accessible_name(item: Any) -> str:
    from PySide6.QtGui import QAccessible

    it = item
    while it is not None:  # a MouseArea is named by the item it makes touchable
        iface = QAccessible.queryAccessibleInterface(it)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if name:
            return name
        if "QQuickMouseArea" not in _classes(item):
            return ""
        it = it.parentItem()
    return ""


def _luminance(c: Any) -> float:
    def ch(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())


def contrast(a: Any, b: Any) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _background(item: Any, window_colour: Any) -> Any:
    p = item.parentItem()
    while p is not None:
        bg = p.property("background") if "QQuickControl" in _classes(p) else None
        if bg is not None and bg.isVisible():
            col = bg.property("color")
            if col is not None and col.alpha() > 0:
                return col
        if "QQuickRectangle" in _classes(p):
            col = p.property("color")
            if col is not None and col.alpha() > 0:
                return col
        p = p.parentItem()
    return window_colour


def _journey(ui_factory: Any) -> tuple[Any, Any]:
    ui, d = ui_factory(card_reader=SimulatedCardReader(step_delay=0.005))
    journey.identify_typed(d, "038186001234", "15/03/1986")
    d.wait_page("account")
    d.tap("skipAccount")
    journey.choose_procedure(d, "khai sinh")
    return ui, d


def _each_page(ui: Any, d: Any) -> Iterator[str]:
    for page in PAGES:
        ui.vm.goTo(page)
        d.wait_until(lambda p=page: ui.vm.page == p, 5, page)
        d.pump(60)
        yield page
    ui.vm.goTo("form")  # and the on-screen keyboard, open on a field
    d.wait_page("form")
    d.item("f_child_full_name_input").forceActiveFocus()
    d.wait_until(lambda: d.find("keyboard") is not None and d.find("keyboard").isVisible(), 5, "keyboard")
    d.pump(60)
    yield "form+keyboard"


def test_controls_are_named_and_big_enough(ui_factory, settings):
    min_px = math.ceil(9.0 * settings.screen_dpi / 25.4)
    assert min_px >= 48  # the floor for a 10-inch 1280×800 panel
    ui, d = _journey(ui_factory)
    problems: set[str] = set()
    checked = 0
    for page in _each_page(ui, d):
        for it in _visible_items(ui.window.contentItem()):
            if not any(c in INTERACTIVE for c in _classes(it)) or not _enabled(it):
                continue
            if "QQuickTextInput" in _classes(it) and "QQuickTextField" not in _classes(it):
                continue  # the invisible scanner-wedge input of the Welcome page is not for touching
            checked += 1
            label = it.objectName() or (it.parentItem().objectName() if it.parentItem() is not None else "")
            label = f"{label or '?'} ({it.metaObject().className()})"
            if not _accessible_name(it).strip():
                problems.add(f"{page}: {label} has no accessible name")
            if it.width() < min_px or it.height() < min_px:
                problems.add(f"{page}: {label} is {it.width():.0f}×{it.height():.0f} px (< {min_px})")
    assert checked > 150
    assert not problems, "\n".join(sorted(problems))


@pytest.mark.parametrize("high_contrast,floor", [(False, 4.5), (True, 7.0)])
def test_text_contrast(ui_factory, high_contrast, floor):
    ui, d = _journey(ui_factory)
    ui.vm.setHighContrast(high_contrast)
    problems: set[str] = set()
    checked = 0
    for page in _each_page(ui, d):
        ui.vm.setHighContrast(high_contrast)  # (a page change keeps it; set again for the keyboard step)
        window_colour = ui.window.property("color")
        for it in _visible_items(ui.window.contentItem()):
            classes = _classes(it)
            if "QQuickText" not in classes and "QQuickTextInput" not in classes:
                continue
            text = it.property("text")
            if not text or not str(text).strip():
                continue
            p, disabled = it, False
            while p is not None:  # disabled controls are exempt (WCAG 1.4.3)
                disabled = disabled or not p.isEnabled()
                p = p.parentItem()
            if disabled:
                continue
            checked += 1
            ratio = contrast(it.property("color"), _background(it, window_colour))
            if ratio < floor:
                problems.add(f"{page}: {str(text)[:40]!r} {it.property('color').name()} on "
                             f"{_background(it, window_colour).name()} = {ratio:.2f}:1 (< {floor})")
    assert checked > 150
    assert not problems, "\n".join(sorted(problems))


def test_contrast_formula_matches_known_pairs():
    from PySide6.QtGui import QColor

    assert contrast(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#FFFFFF")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor("#FFFF00"), QColor("#000000")) == pytest.approx(19.56, abs=0.01)

"""Driving the real QML by objectName: used by the UI tests, ``kiosk demo`` self-check and ``--walkthrough``.

Why shared: the headless demo, the screenshots and the tests walk the same journey the same way (touch
events on the window at an item's centre), so what the tests prove is what the demo shows.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QRectF, Qt, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

MODAL_OVERLAYS = ("idleOverlay", "helpOfferOverlay", "draftOfferOverlay")
# Text item -> (its text, its alignment): reading the alignment costs a QML expression; keyed by the C++ object
# and checked against the text, so an address reused by a new item is read again
_ALIGNMENT_CACHE: dict[int, tuple[str, tuple[int, int]]] = {}


class DriverError(AssertionError):
    pass


class _FrameCounter(QObject):
    """Counts the window's frames on the GUI thread. A QObject child of the window with a declared slot, not a
    Python callable: Qt drops the queued connection when the window goes, so a frame signalled just before a
    test's teardown can never reach a driver (or a counter) that is already gone - which crashed UI runs
    under load when the connection held a plain bound method."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.count = 0
        self.times: deque[float] = deque(maxlen=64)  # perf_counter of the latest frames (benchmarks/journey.py)

    @Slot()
    def tick(self) -> None:
        self.count = self.count + 1
        self.times.append(time.perf_counter())


class Driver:
    def __init__(self, window: Any, vm: Any) -> None:
        self.window = window
        self.vm = vm
        self._touch = QTest.createTouchDevice()
        # frameSwapped comes from the render thread: count it on the GUI thread, never run Python there
        self._counter = _FrameCounter(window)
        window.frameSwapped.connect(self._counter.tick, Qt.ConnectionType.QueuedConnection)

    @property
    def _frames(self) -> int:
        try:
            return int(self._counter.count)
        except RuntimeError:  # the window (and its counter) is gone
            return -1

    def settle(self, timeout: float = 2.0) -> None:
        """Wait until the window has drawn a new frame. Layouts place items during the polish step that runs
        before a frame is drawn: an item that has just become visible (a new step of a page) can still be
        0×0 at a stale place until then, and a tap computed from it lands on nothing. Under load (``-n 2``,
        PostgreSQL) that gap grows long enough to lose taps, which is what made the journey test flaky."""
        seen = self._frames
        self.window.update()
        end = time.monotonic() + timeout
        while self._frames == seen and time.monotonic() < end:
            QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)

    def pump(self, ms: int = 10) -> None:
        """Process events for ``ms``. Deferred deletes (deleteLater) are left to a real event loop: running them
        from here (forced, or in a nested QEventLoop) crashed under load while a queued worker result was being
        delivered; benchmarks/startup.py runs them between sessions instead."""
        end = time.monotonic() + ms / 1000
        while True:
            QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if time.monotonic() >= end:
                break
            time.sleep(0.005)

    def wait_until(self, cond: Callable[[], Any], timeout: float = 10.0, what: str = "condition") -> Any:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            value = cond()
            if value:
                return value
            self.pump(20)
        import faulthandler
        import sys

        # what were the worker threads doing? (a stuck database call shows up here, not in the assertion)
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        raise DriverError(f"timed out waiting for {what} (page={self.vm.page}, worker busy={self.vm.worker.busy})")

    def _root_item(self) -> QQuickItem:
        root = self.window.contentItem()
        while root.parentItem() is not None:
            root = root.parentItem()
        return root

    def find_all(self, name: str) -> list[QQuickItem]:
        """Items by objectName in the visual tree (Repeater delegates are not QObject children, so
        window.findChild alone misses them)."""
        out: list[QQuickItem] = []
        stack = [self._root_item()]
        while stack:
            it = stack.pop()
            if it.objectName() == name:
                out.append(it)
            stack.extend(it.childItems())
        return out

    def find(self, name: str) -> QQuickItem | None:
        items = self.find_all(name)
        for it in items:
            if it.isVisible():
                return it
        alias = self._primary_alias(name)  # a page's main action lives in the bottom bar
        if alias is not None:
            return alias
        return items[0] if items else None

    def _primary_alias(self, name: str) -> QQuickItem | None:
        """The bottom bar's main button when the current page declares ``primaryName == name`` (e.g.
        "acceptNotice", "formNext"): scripts tap the action by its old name and reach the one visible copy."""
        loaders = self.find_all("pageLoader")
        page = loaders[0].property("item") if loaders else None
        if page is None or page.property("primaryName") != name:
            return None
        for it in self.find_all("footerNext"):
            if it.isVisible():
                return it
        return None

    def item(self, name: str, timeout: float = 5.0) -> QQuickItem:
        return self.wait_until(lambda: (i := self.find(name)) is not None and i.isVisible() and i, timeout, f"item {name!r}")

    def centre(self, item: QQuickItem) -> QPoint:
        flick = self._flickable_of(item)
        if flick is not None:
            self._scroll_into_view(flick, item)
        p = item.mapToScene(item.boundingRect().center())
        return QPoint(int(p.x()), int(p.y()))

    def _flickable_of(self, item: QQuickItem) -> QQuickItem | None:
        parent = item.parentItem()
        while parent is not None:
            if parent.inherits("QQuickFlickable"):
                return parent
            parent = parent.parentItem()
        return None

    def _scroll_into_view(self, flick: QQuickItem, item: QQuickItem) -> None:
        top = item.mapToItem(flick.property("contentItem"), 0, 0).y()
        height = flick.height()
        cy = flick.property("contentY")
        if top < cy or top + item.height() > cy + height:
            max_y = max(0.0, flick.property("contentHeight") - height)
            flick.setProperty("contentY", max(0.0, min(max_y, top - 40)))
            self.pump(30)

    def tap(self, name: str, touch: bool = True) -> None:
        self.item(name)
        self.settle()
        item = self.item(name)  # again: the settled frame may have replaced it
        if not item.isEnabled():
            raise DriverError(f"{name} is disabled")
        if item.width() <= 0 or item.height() <= 0:
            raise DriverError(f"{name} has no size yet; nothing to tap")
        pt = self.centre(item)
        self.last_touch_at = time.perf_counter()
        if touch:
            QTest.touchEvent(self.window, self._touch).press(0, pt, self.window).commit()
            QTest.touchEvent(self.window, self._touch).release(0, pt, self.window).commit()
        else:
            QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pt)
        self.pump(30)

    def frames_since(self, t: float) -> list[float]:
        """perf_counter times of the frames drawn at or after ``t`` (the latest 64 kept)."""
        try:
            return [x for x in self._counter.times if x >= t]
        except RuntimeError:
            return []

    def long_press(self, name: str, ms: int = 1700) -> None:
        """Hold a finger on an item for ``ms`` (the hidden staff entry opens after 1.5 s)."""
        self.item(name)
        self.settle()
        pt = self.centre(self.item(name))
        QTest.mousePress(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pt)
        self.pump(ms)
        QTest.mouseRelease(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pt)
        self.pump(30)

    def type_into(self, name: str, text: str) -> None:
        """Set a KField's text as a keyboard would (textEdited fires, so view models see it)."""
        self.item(name)
        inp = self.item(name + "_input")
        inp.setProperty("text", text)
        inp.textEdited.emit()  # type: ignore[attr-defined]
        self.pump(10)

    def scanner_types(self, name: str, text: str) -> None:
        """A keyboard-wedge barcode scanner: focus the hidden field, type the characters, press Enter."""
        item = self.wait_until(lambda: self.find(name), 5, name)
        item.forceActiveFocus()
        self.pump(10)
        for ch in text:  # QTest.keyClicks only takes widgets; a wedge scanner sends one key event per character
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QGuiApplication.sendEvent(self.window, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        QTest.keyClick(self.window, Qt.Key.Key_Return)
        self.pump(20)

    def text_of(self, name: str) -> str:
        return str(self.item(name).property("text"))

    def wait_page(self, page: str, timeout: float = 15.0) -> None:
        self.wait_until(lambda: self.vm.page == page, timeout, f"page {page}")
        self.pump(60)

    def screenshot(self, path: Path) -> Path:
        self.pump(80)
        img = self.window.grabWindow()
        path.parent.mkdir(parents=True, exist_ok=True)
        img.save(str(path), "PNG")
        return path


    # -- layout checks: nothing elided, cut or drawn over another text ----------------------------------
    def visible_texts(self) -> list[tuple[QQuickItem, QRectF, QRectF, Any]]:
        """Every Text item drawn now: the item, its painted rectangle in scene coordinates (the glyphs, placed
        by its alignment), the part of the scene its clipping ancestors (a scrolled Flickable) and the window
        leave visible, and that nearest clipping ancestor (None: the window). Items of a hidden branch, fully
        transparent or empty are left out."""
        out: list[tuple[QQuickItem, QRectF, QRectF, Any]] = []
        win = QRectF(0, 0, self.window.width(), self.window.height())

        def walk(item: QQuickItem, clip: QRectF, clipper: Any) -> None:
            if not item.isVisible() or item.opacity() <= 0.01:
                return
            if item.clip():
                clip = clip.intersected(item.mapRectToScene(item.boundingRect()))
                clipper = item
            if item.inherits("QQuickText") and str(item.property("text") or "").strip():
                out.append((item, self._painted_rect(item), clip, clipper))
            for child in item.childItems():
                walk(child, clip, clipper)

        # a modal overlay ("Bạn còn đó không?", the offer of help, a draft) covers the page: only it is read
        overlays = [o for name in MODAL_OVERLAYS for o in self.find_all(name) if o.isVisible()]
        for top in overlays or [self._root_item()]:
            walk(top, win, None)
        return out

    @staticmethod
    def _painted_rect(item: QQuickItem) -> QRectF:
        w, h = item.width(), item.height()
        cw, ch = float(item.property("contentWidth")), float(item.property("contentHeight"))
        align, valign = Driver._alignment(item)
        x = 0.0 if align & 0x1 else (w - cw if align & 0x2 else (w - cw) / 2)  # AlignLeft / AlignRight / centred
        y = 0.0 if valign & 0x20 else (h - ch if valign & 0x40 else (h - ch) / 2)  # AlignTop / AlignBottom / centred
        return item.mapRectToScene(QRectF(x, y, cw, ch))

    @staticmethod
    def _alignment(item: QQuickItem) -> tuple[int, int]:
        """(effective horizontal, vertical) alignment of a Text as ints: PySide6 cannot convert QQuickText's
        own enums from ``property()``, so they are read through a QML expression."""
        import shiboken6
        from PySide6.QtQml import QQmlExpression, qmlContext

        key = shiboken6.getCppPointer(item)[0]
        cached = _ALIGNMENT_CACHE.get(key)
        if cached is not None and cached[0] == str(item.property("text")):
            return cached[1]
        value = Driver._read_alignment(item, QQmlExpression, qmlContext)
        if len(_ALIGNMENT_CACHE) > 20000:
            _ALIGNMENT_CACHE.clear()
        _ALIGNMENT_CACHE[key] = (str(item.property("text")), value)
        return value

    @staticmethod
    def _read_alignment(item: QQuickItem, QQmlExpression: Any, qmlContext: Any) -> tuple[int, int]:  # noqa: N803
        ctx = qmlContext(item)
        if ctx is None:
            return 1, 0x20
        expr = QQmlExpression(ctx, item, "[effectiveHorizontalAlignment, verticalAlignment]")
        value, _undefined = expr.evaluate()
        try:
            return int(value[0]), int(value[1])
        except (TypeError, ValueError, IndexError):
            return 1, 0x20

    def layout_problems(self) -> list[str]:
        """Texts that are elided (``truncated``), wider than their box, cut sideways by a clipping parent or the
        window edge, or overlapping another text on screen. Empty when the screen reads cleanly."""
        problems: list[str] = []
        shown: list[tuple[QQuickItem, QRectF, QRectF, Any, str]] = []
        for item, rect, clip, clipper in self.visible_texts():
            text = str(item.property("text")).replace("\n", " ")[:60]
            if item.property("truncated"):
                problems.append(f"elided: {text!r}")
            if float(item.property("contentWidth")) > item.width() + 2:
                problems.append(f"wider than its box ({item.property('contentWidth'):.0f} > {item.width():.0f}): {text!r}")
            if rect.left() < clip.left() - 2 or rect.right() > clip.right() + 2:
                problems.append(f"cut at the side (x {rect.left():.0f}-{rect.right():.0f}, visible "
                                f"{clip.left():.0f}-{clip.right():.0f}): {text!r}")
            shown.append((item, rect, rect.intersected(clip), clipper, text))
        for i, (a, ra, va, ca, ta) in enumerate(shown):
            for b, rb, vb, cb, tb in shown[i + 1:]:
                # inside the same scrolled area: compared in full, scrolled out of view or not; across layers
                # (the page under the bottom bar): only what is on screen
                both = ra.intersected(rb) if ca is cb else va.intersected(vb)
                if both.width() > 2 and both.height() > 2 and not self._one_contains(a, b):
                    problems.append(f"overlap: {ta!r} and {tb!r}")
        return problems

    @staticmethod
    def _one_contains(a: QQuickItem, b: QQuickItem) -> bool:
        for x, y in ((a, b), (b, a)):
            p = y.parentItem()
            while p is not None:
                if p is x:
                    return True
                p = p.parentItem()
        return False

"""Fixtures for the UI tests: the real QML, offscreen, on the composed app with an isolated database.

Each test gets a fresh engine and window; the view model's worker is drained and the window closed in
teardown (pytest-qt has no QML fixtures; plain Qt APIs are the recommended way).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")

import kiosk.ui  # noqa: E402,F401  - first: repairs PySide6 6.12.0's lost None/True references (pyside_refcount)


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread() -> Iterator[None]:
    """After each UI test (pytest-qt has closed its widgets with deleteLater by then), run the deferred deletes
    and a garbage collection here, on the GUI thread, with no worker running. Left alone, a closed console
    window (a QMainWindow in a reference cycle with its panels) or a test's view-model tree would be destroyed
    by whichever thread next triggers a collection - often a worker thread of a later test, running SQLAlchemy
    - which destroys GUI objects from another thread and kills the process (the crashes seen under -n 2)."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def ui_factory(qapp, app, tmp_path: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from kiosk.ui.application import build_ui
    from kiosk.ui.driver import Driver
    from kiosk.ui.services import UiServices

    made: list[Any] = []

    def make(*, card_reader: Any = None, printer: Any = None, scanner: Any = None, idle_timeout_s: float | None = None,
             countdown_s: int = 10, simulated: bool = True) -> tuple[Any, Driver]:
        services = UiServices(app, card_reader=card_reader, printer=printer, scanner=scanner, simulated_devices=simulated)
        ui = build_ui(services, idle_timeout_s=idle_timeout_s, countdown_s=countdown_s, mode="offscreen")
        made.append(ui)
        d = Driver(ui.window, ui.vm)
        d.wait_until(lambda: ui.window.isExposed() or True, 5, "window")
        d.pump(50)
        return ui, d

    yield make
    for ui in made:
        ui.close()  # drains the worker, deletes the QML, then the view models, on this thread
    made.clear()
    qapp.processEvents()


@pytest.fixture
def outbox(settings) -> Path:  # type: ignore[no-untyped-def]
    from kiosk.integrations.sms import outbox_path

    return outbox_path(settings)


def last_otp(outbox: Path) -> str:
    import json
    import re

    lines = [json.loads(x) for x in outbox.read_text(encoding="utf-8").splitlines() if x.strip()]
    m = re.search(r"\b(\d{6})\b", lines[-1]["text"])
    assert m, "no code in the SMS"
    return m.group(1)


@pytest.fixture
def demo_card(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    """The project's virtual CCCD served through a real pcscd + vsmartcard-vpcd (fails, never skips, when
    they are missing: install with `apt-get install pcscd vsmartcard-vpcd`). Serialised with the card
    integration tests by the same lock file, since pcscd is one per machine. Indirect parametrisation
    passes start_demo_card options, e.g. {"forged": True} or {"cloned_aa": True}."""
    import fcntl
    import tempfile

    from kiosk.devices.card.virtual import PcscdUnavailable, port_listening, start_demo_card, start_pcscd
    from kiosk.devices.card.virtual.pcscd import find_pcscd

    try:
        find_pcscd()
    except PcscdUnavailable as exc:
        pytest.fail(str(exc))
    lock = Path(tempfile.gettempdir()) / "kiosk-card-pcscd.lock"
    with open(lock, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        started = None
        try:
            if not port_listening(35963):
                started = start_pcscd(tmp_path / "pcscd")
            handle = start_demo_card(data_dir=tmp_path, with_pcscd=False, wait=0, **getattr(request, "param", {}))
            handle.wait_ready(10.0)
            try:
                yield handle
            finally:
                handle.stop()
        finally:
            if started is not None and started.started:
                started.stop()
            fcntl.flock(fh, fcntl.LOCK_UN)

"""Long-running windows collect garbage on the GUI thread only and tell systemd they are alive."""

from __future__ import annotations

import gc
import socket
from pathlib import Path

import pytest


def test_gc_runs_on_the_gui_timer_and_systemd_is_notified(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.application import run_housekeeping

    sock_path = tmp_path / "notify.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(sock_path))
    server.settimeout(5)
    monkeypatch.setenv("NOTIFY_SOCKET", str(sock_path))
    monkeypatch.setenv("WATCHDOG_USEC", "2000000")  # 2 s → a ping every second
    import os

    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    was_enabled = gc.isenabled()
    timers = run_housekeeping(qapp, gc_interval_ms=50)
    on_gc = None
    try:
        assert not gc.isenabled(), "automatic collection must be off (it would run on worker threads)"
        assert server.recv(100).startswith(b"READY=1")
        collected: list[int] = []

        def on_gc(phase: str, info: object) -> None:
            if phase == "stop":
                collected.append(1)

        gc.callbacks.append(on_gc)
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(1300, loop.quit)
        loop.exec()
        assert collected, "the GUI-thread timer collected"
        assert server.recv(100) == b"WATCHDOG=1"
    finally:
        if on_gc in gc.callbacks:
            gc.callbacks.remove(on_gc)
        for t in timers:
            t.stop()
            t.deleteLater()
        if was_enabled:
            gc.enable()
        server.close()

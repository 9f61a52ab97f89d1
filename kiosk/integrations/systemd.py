"""systemd's notify protocol without libsystemd: READY=1, WATCHDOG=1, STATUS=… to $NOTIFY_SOCKET.

The unit (packaging/kiosk.service) is ``Type=notify`` with ``WatchdogSec=30``: the GUI thread sends
``ready()`` after the first frame and ``watchdog()`` from a QTimer every ``watchdog_interval()/2`` seconds,
so a hung event loop (not just a dead process) gets the kiosk restarted. Outside systemd every call is a
no-op returning False.
"""

from __future__ import annotations

import os
import socket


def _address() -> str | None:
    addr = os.environ.get("NOTIFY_SOCKET")
    if not addr:
        return None
    if addr.startswith("@"):  # abstract namespace
        return "\0" + addr[1:]
    return addr


def notify(state: str) -> bool:
    """Send one notify datagram (e.g. ``"READY=1"``); False when not under systemd or the send failed."""
    addr = _address()
    if addr is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(addr)
            sock.sendall(state.encode())
        return True
    except OSError:
        return False


def ready(status: str | None = None) -> bool:
    """The app is up (call once the first window is shown)."""
    return notify("READY=1" + (f"\nSTATUS={status}" if status else ""))


def watchdog() -> bool:
    """Keep-alive ping; call it from the GUI thread so that a blocked event loop stops the pings."""
    return notify("WATCHDOG=1")


def status(text: str) -> bool:
    return notify(f"STATUS={text}")


def stopping() -> bool:
    return notify("STOPPING=1")


def watchdog_interval() -> float | None:
    """Seconds between pings that keep systemd happy (half of WatchdogSec), or None when no watchdog is set
    for this process."""
    usec = os.environ.get("WATCHDOG_USEC")
    pid = os.environ.get("WATCHDOG_PID")
    if not usec:
        return None
    if pid and pid.isdigit() and int(pid) != os.getpid():
        return None
    try:
        value = int(usec)
    except ValueError:
        return None
    return value / 2_000_000 if value > 0 else None

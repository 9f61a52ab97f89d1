"""Child process of tests/integration/test_device_recovery.py: the card reader goes away and comes back.

Run inside a private mount namespace (``unshare --mount``) with a tmpfs on /run/pcscd, so the pcscd this
script starts, stops and restarts is its own: its socket is invisible to the machine's pcscd and to the other
card tests, and its vpcd reader listens on a free port from a private reader.conf.d. One process plays the
kiosk: a :class:`CardReaderService` and a :class:`CardMonitor` live across the whole scenario, so a read
that succeeds after the restart proves recovery without an app restart.

Prints one JSON object per step on stdout; the parent test asserts on them.
Usage: ``python device_recovery_card_child.py WORKDIR``
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.devices.card import CardError, CardReaderService, from_qr  # noqa: E402
from kiosk.devices.card.transport import CardEvent, CardMonitor  # noqa: E402
from kiosk.devices.card.virtual import (  # noqa: E402
    TestPki,
    VirtualCard,
    build_profile,
    demo_citizen,
    make_photo,
    port_listening,
)
from kiosk.devices.card.virtual.pcscd import VPCD_DRIVER, find_pcscd  # noqa: E402
from kiosk.devices.card.virtual.vpcd import VpcdCardThread  # noqa: E402

READER = "Virtual PCD 00 00"


def say(**kw: object) -> None:
    print(json.dumps(kw), flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Pcscd:
    """Our own pcscd (foreground child), with a reader.conf.d holding only a vpcd reader on ``port``."""

    def __init__(self, work: Path, port: int) -> None:
        self.port = port
        self.conf = work / "reader.conf.d"
        self.conf.mkdir(parents=True, exist_ok=True)
        (self.conf / "vpcd").write_text(
            f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:0x{port:04X}\n'
            f"LIBPATH {VPCD_DRIVER}\nCHANNELID 0x{port:04X}\n"
        )
        self.log = work / "pcscd.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [find_pcscd(), "--foreground", "--config", str(self.conf)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        with_reader = (self.conf / "vpcd").exists()
        deadline = time.monotonic() + 10
        while not (Path("/run/pcscd/pcscd.comm").exists() and (port_listening(self.port) or not with_reader)):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"pcscd did not start: {self.log.read_text(errors='replace')[-500:]}")
            time.sleep(0.02)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.proc = None


def main(work: Path) -> int:
    subprocess.run(["mount", "-t", "tmpfs", "kiosk-pcscd", "/run/pcscd"], check=True)
    os.environ["KIOSK_ENVIRONMENT"] = "test"
    citizen = demo_citizen()
    pki = TestPki.generate()
    trust = pki.write_csca(work / "csca")
    profile = build_profile(citizen, make_photo(), pki)
    port = free_port()
    pcscd = Pcscd(work, port)
    cards: list[VpcdCardThread] = []

    def insert_card() -> None:
        t = VpcdCardThread(VirtualCard(profile), port=port)
        t.start()
        if not t.connected.wait(10):
            raise RuntimeError(f"virtual card did not connect: {t.error}")
        cards.append(t)

    events: list[CardEvent] = []
    lock = threading.Lock()

    def on_event(e: CardEvent) -> None:
        with lock:
            events.append(e)

    def kinds() -> list[str]:
        with lock:
            return [e.kind for e in events]

    def read(step: str, wait: float) -> None:
        t0 = time.monotonic()
        try:
            r = service.read(from_qr(citizen.qr_text()), wait_for_card=wait)
            say(step=step, ok=True, id=r.card.id_number, pa=r.passive_auth, s=round(time.monotonic() - t0, 2))
        except CardError as exc:
            say(step=step, ok=False, error=type(exc).__name__, vi=exc.message_vi, en=str(exc))

    service = CardReaderService(READER, trust)
    monitor: CardMonitor | None = None
    try:
        pcscd.start()
        insert_card()
        monitor = service.monitor(on_event)
        read("before", 10)

        pcscd.stop()  # the reader service goes away mid-session (USB unplug of the whole stack alike)
        read("service_down", 0)
        deadline = time.monotonic() + 10
        while "service_down" not in kinds() and time.monotonic() < deadline:
            time.sleep(0.05)
        say(step="monitor_down", events=kinds())

        (pcscd.conf / "vpcd").rename(work / "vpcd.off")  # the service is back, the reader is not
        pcscd.start()
        read("no_reader", 0)
        pcscd.stop()

        (work / "vpcd.off").rename(pcscd.conf / "vpcd")  # reader plugged back in, card on it
        pcscd.start()
        insert_card()
        read("after", 10)
        seen = len(events)
        deadline = time.monotonic() + 10
        while "inserted" not in kinds()[seen:] and time.monotonic() < deadline:
            time.sleep(0.05)
        say(step="monitor_after", events=kinds())
    finally:
        if monitor is not None:
            monitor.stop()
        for c in cards:
            c.stop()
        pcscd.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

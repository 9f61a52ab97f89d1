"""Startup and memory of the kiosk touch UI (issue 7).

Two figures, printed as a table; the script never fails (a missed goal is reported, not raised):

1. **Time to first frame** of ``kiosk run --first-frame`` (offscreen, the same start-up code as ``kiosk run``,
   quits at the first ``frameSwapped``) beside a bare QML ``ApplicationWindow`` started the same way (a fresh
   Python process with PySide6). Like hyperfine: one warm-up run each, then N alternating runs; we report
   median, min and max, measured from spawning the process to the child's first-frame timestamp
   (CLOCK_MONOTONIC is shared by all processes). Goal: kiosk median <= 1.5 x bare window median. Also the
   time until kiosk run prints ``ready`` (settings read, lock taken, database open, catalogue synced: the
   Welcome buttons enabled).
2. **RSS across 50 simulated sessions** in one process: the real QML offscreen, the view models driven through
   identify (simulated card) -> skip account -> procedure -> form -> documents (simulated scanner) -> delivery ->
   submit (SQLite) -> receipt (PDF slip) -> rating -> wipe, 50 times. VmRSS from /proc/self/status after
   session 1, 10 and 50. Goal: RSS < 250 MB and growth from session 1 to 50 < 10 MB.

Run: ``.venv/bin/python benchmarks/startup.py [--runs 10] [--sessions 50]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = r"""
import os, sys, time
os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv)
engine = QQmlApplicationEngine()
engine.loadData(QByteArray(b'''
import QtQuick
import QtQuick.Controls.Basic
ApplicationWindow { width: 1280; height: 800; visible: true; Label { anchors.centerIn: parent; text: "Hello" } }
'''), QUrl.fromLocalFile(os.path.join(os.getcwd(), "bare.qml")))  # a file: base URL, or imports go to the network
win = engine.rootObjects()[0]
seen = []
from PySide6.QtCore import QTimer
def swapped():
    if not seen:
        seen.append(time.monotonic()); QTimer.singleShot(0, app.quit)
win.frameSwapped.connect(swapped)
QTimer.singleShot(30000, app.quit)
app.exec()
print(f"first-frame {seen[0]:.6f}" if seen else "first-frame none", flush=True)
"""


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_CONTROLS_STYLE="Basic", KIOSK_DATA_DIR=str(data_dir),
               KIOSK_ENVIRONMENT="test", PYTHONPATH=str(ROOT))
    return env


def _time_once(cmd: list[str], env: dict[str, str]) -> tuple[float | None, float | None]:
    """(first frame, ready) in seconds from the spawn; ready (the Welcome buttons enabled) only from kiosk run."""
    t0 = time.monotonic()
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=str(ROOT))
    except subprocess.TimeoutExpired:
        sys.stderr.write(f"timed out: {cmd[-1][:40]!r}\n")
        return None, None
    seen: dict[str, float] = {}
    for line in proc.stdout.splitlines():
        word, _, value = line.partition(" ")
        if word in ("first-frame", "ready") and value not in ("", "none"):
            seen[word] = float(value) - t0
    if "first-frame" not in seen:
        sys.stderr.write(f"no first frame from {cmd[-1]!r}: rc={proc.returncode} {proc.stderr[-400:]}\n")
    return seen.get("first-frame"), seen.get("ready")


READY = "kiosk run: Welcome ready"


def first_frame(runs: int) -> dict[str, list[float]]:
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        env = _env(Path(tmp) / "data")
        cmds = {"bare ApplicationWindow": [py, "-c", BARE],
                "kiosk run": [py, "-m", "kiosk", "run", "--first-frame"]}
        for cmd in cmds.values():  # warm-up: page cache, first-run database migration
            _time_once(cmd, env)
        out: dict[str, list[float]] = {k: [] for k in [*cmds, READY]}
        for _ in range(runs):
            for name, cmd in cmds.items():  # alternate, so load drifts hit both alike
                t, ready = _time_once(cmd, env)
                if t is not None:
                    out[name].append(t)
                if ready is not None:
                    out[READY].append(ready)
    return out


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def sessions(count: int) -> dict[int, float]:
    """RSS (MB) after selected sessions; runs in this process."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    tmp = tempfile.mkdtemp(prefix="kiosk-bench-rss-")
    os.environ["KIOSK_DATA_DIR"] = str(Path(tmp) / "data")
    os.environ["KIOSK_ENVIRONMENT"] = "test"
    sys.path.insert(0, str(ROOT))
    import gc
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.app import build_app
    from kiosk.config import load_settings
    from kiosk.core.clock import FixedClock
    from kiosk.devices.scanner import SimulatedScanner
    from kiosk.ui.application import build_ui
    from kiosk.ui.driver import Driver
    from kiosk.ui.journey import BIRTH_FORM
    from kiosk.ui.services import UiServices
    from kiosk.ui.simulated import SimulatedCardReader

    # A kiosk starts on a database that was migrated at installation (`kiosk db upgrade`), so migrate it in
    # another process: the measured process then never imports alembic, as in the field.
    subprocess.run([sys.executable, "-m", "kiosk", "db", "upgrade"], env=dict(os.environ), cwd=str(ROOT),
                   check=True, capture_output=True)
    settings = load_settings(data_dir=Path(tmp) / "data", environment="test")
    app = build_app(settings, clock=FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))))
    ui = build_ui(UiServices(app, card_reader=SimulatedCardReader(step_delay=0.0), scanner=SimulatedScanner()),
                  mode="offscreen")
    d = Driver(ui.window, ui.vm)
    vm = ui.vm
    marks: dict[int, float] = {0: rss_mb()}
    for n in range(1, count + 1):
        vm.start("submit")
        vm.identify.acceptNotice()
        d.wait_page("identify", 10)
        vm.identify.submitTyped("038186001234", "15/03/1986")
        d.wait_until(lambda: vm.identify.step == "confirm", 20, "card read")
        vm.identify.confirm()
        d.wait_until(lambda: vm.page == "account" and not vm.account.busy, 10, "account")
        vm.account.proceed()  # continue without an account
        d.wait_page("procedures", 10)
        vm.procedures.select("1.001193")  # đăng ký khai sinh
        vm.procedures.start()
        d.wait_page("form", 10)
        for name, value in BIRTH_FORM.items():
            vm.form.setValue(name, value[7:] if value.startswith("select:") else (True if value == "tick" else value))
        vm.form.next()
        d.wait_page("documents", 10)
        vm.documents.scan(0)
        d.wait_until(lambda: vm.documents.items[0]["pageCount"] >= 1, 15, "scan")
        for it in vm.documents.items[1:]:
            if it["required"]:
                vm.documents.setPaper(it["index"], True)
        vm.documents.next()
        d.wait_page("delivery", 10)
        vm.submit.deliveryNext()
        if vm.page == "payment":
            vm.goTo("review")
        d.wait_page("review", 10)
        vm.submit.submitDossier()
        d.wait_page("receipt", 20)
        d.wait_until(lambda: vm.submit.printState in ("ok", "failed"), 20, "slip")
        vm.submit.toRating()
        vm.submit.rate(5)
        vm.worker.wait(10000)
        d.pump(20)
        # what app.exec() does between two visits: delete the pages the Loader unloaded (the test driver's
        # processEvents() never runs deferred deletes; without this RSS grows ~6 MB per session here only)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        if n in (1, 10, 25, count):
            marks[n] = rss_mb()
    ui.close()
    app.close()
    return marks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--sessions", type=int, default=50)
    args = ap.parse_args(argv)
    try:
        ff = first_frame(args.runs)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, never fails
        print(f"first-frame runs stopped: {type(exc).__name__}: {exc}")
        ff = {}
    print(f"\nTime to first frame (offscreen, {args.runs} runs each, process spawn -> first frameSwapped)")
    print(f"{'':28}{'median':>10}{'min':>10}{'max':>10}")
    med: dict[str, float] = {}
    for name, xs in ff.items():
        if xs:
            med[name] = statistics.median(xs)
            print(f"{name:28}{med[name] * 1000:>8.0f}ms{min(xs) * 1000:>8.0f}ms{max(xs) * 1000:>8.0f}ms")
        else:
            print(f"{name:28}{'no data':>10}")
    if "kiosk run" in med and "bare ApplicationWindow" in med:
        ratio = med["kiosk run"] / med["bare ApplicationWindow"]
        print(f"ratio kiosk / bare: {ratio:.2f}x (goal <= 1.5x: {'met' if ratio <= 1.5 else 'MISSED'})")
    # RSS in a child process, so the timings above do not share its heap
    proc = subprocess.run([sys.executable, __file__, "--rss-only", str(args.sessions)], env=_env(Path("/nonexistent")),
                          capture_output=True, text=True, timeout=1800, cwd=str(ROOT))
    print(proc.stdout, end="")
    if proc.returncode != 0:
        print(f"RSS run failed (rc {proc.returncode}): {proc.stderr[-800:]}")
    return 0


def rss_main(count: int) -> int:
    try:
        t0 = time.monotonic()
        marks = sessions(count)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, never fails
        print(f"RSS run stopped: {type(exc).__name__}: {exc}")
        return 0
    print(f"\nRSS across {count} simulated sessions (one process, real QML offscreen, {time.monotonic() - t0:.0f} s)")
    print(f"{'after session':16}{'VmRSS':>10}")
    for n, mb in marks.items():
        print(f"{('start' if n == 0 else n)!s:16}{mb:>8.1f}MB")
    first, last = marks.get(1), marks.get(count)
    if first is not None and last is not None:
        growth = last - first
        print(f"peak {max(marks.values()):.1f} MB (goal < 250 MB: {'met' if max(marks.values()) < 250 else 'MISSED'}); "
              f"growth 1 -> {count}: {growth:+.1f} MB (goal < 10 MB: {'met' if growth < 10 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--rss-only":
        sys.exit(rss_main(int(sys.argv[2]) if len(sys.argv) > 2 else 50))
    sys.exit(main())

"""`kiosk run` start-up: the Welcome page is drawn before the settings, the lock and the database (issue 7).

Each case runs `kiosk run --first-frame` in a fresh process (offscreen), as benchmarks/startup.py does: the
settings are read only after the first frame now, so a bad configuration or a second instance must still end
in one plain line and the same exit code as when they were checked first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_CONTROLS_STYLE="Basic", KIOSK_DATA_DIR=str(tmp_path / "data"),
               KIOSK_ENVIRONMENT="test", **extra)
    return subprocess.run([sys.executable, "-m", "kiosk", "run", "--first-frame"], env=env, capture_output=True,
                          text=True, timeout=120, cwd=str(ROOT))


def test_first_frame_then_ready(tmp_path: Path) -> None:
    p = _run(tmp_path)
    assert p.returncode == 0, p.stderr
    lines = dict(line.split(" ", 1) for line in p.stdout.split("\n") if line)
    frame, ready = float(lines["first-frame"]), float(lines["ready"])  # CLOCK_MONOTONIC seconds
    assert 0 < frame <= ready < frame + 60
    assert "Traceback" not in p.stderr and "QML" not in p.stderr, p.stderr
    assert not (tmp_path / "data" / "kiosk-ui.lock").exists()  # released at exit


def test_bad_config_after_the_first_frame_is_one_line_and_exit_2(tmp_path: Path) -> None:
    p = _run(tmp_path, KIOSK_AGENCY_CODE="bad")
    assert p.returncode == 2, (p.stdout, p.stderr)
    err = p.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kiosk: configuration error: agency_code"), p.stderr
    assert "ready" not in p.stdout


def test_second_instance_is_one_line_and_exit_3(tmp_path: Path) -> None:
    from PySide6.QtCore import QLockFile

    (tmp_path / "data").mkdir()
    lock = QLockFile(str(tmp_path / "data" / "kiosk-ui.lock"))  # held by this (live) test process
    assert lock.tryLock(0)
    try:
        p = _run(tmp_path)
    finally:
        lock.unlock()
    assert p.returncode == 3, (p.stdout, p.stderr)
    assert p.stderr.strip().splitlines() == ["kiosk: another kiosk UI is already running (lock file in the data folder)"]
    assert "ready" not in p.stdout

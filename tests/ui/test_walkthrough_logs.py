"""Issue 14 point 4: a full kiosk walkthrough (``kiosk -v demo --walkthrough DIR``: every screen, four times,
chip read, account with OTP, form, scans, submission, receipt, payment) with logging at DEBUG written to
files; no log holds the citizen's ID number, name, date of birth or phone number in any common spelling.
The walkthrough's database must hold them (so the grep is looking at a run that really had them), and every
file the run left in the data folder is 0600 (folders 0700)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.textfold import fold

pytestmark = [pytest.mark.ui, pytest.mark.slow, pytest.mark.timeout(900)]

CITIZEN_ID = "038186001234"  # DEMO_CITIZENS[0], the card the demo reads
NAME = "Nguyễn Thị Hương"
PHONE = "0912345678"  # the number the walkthrough registers


def _needles() -> list[str]:
    i = CITIZEN_ID
    return [
        i, f"{i[:3]} {i[3:6]} {i[6:9]} {i[9:]}", f"{i[:3]}-{i[3:6]}-{i[6:9]}-{i[9:]}", f"{i[:3]}.{i[3:6]}.{i[6:9]}.{i[9:]}",
        NAME, fold(NAME), NAME.upper(), "15/03/1986", "1986-03-15",
        PHONE, "+84" + PHONE[1:], "84" + PHONE[1:], f"{PHONE[:4]} {PHONE[4:7]} {PHONE[7:]}", f"{PHONE[:4]}.{PHONE[4:7]}.{PHONE[7:]}",
    ]


def test_walkthrough_logs_hold_no_personal_data(tmp_path: Path) -> None:
    data, shots, logs = tmp_path / "data", tmp_path / "shots", tmp_path / "logs"
    logs.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_ENVIRONMENT="demo", KIOSK_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "xdg"), PYTHONUNBUFFERED="1")
    with (logs / "stdout.log").open("wb") as out, (logs / "debug.log").open("wb") as err:
        r = subprocess.run([sys.executable, "-m", "kiosk", "-v", "demo", "--walkthrough", str(shots)],
                           env=env, stdout=out, stderr=err, timeout=840)
    debug = (logs / "debug.log").read_text(encoding="utf-8", errors="replace")
    assert r.returncode == 0, debug[-3000:]
    assert " DEBUG " in debug  # logging really ran at DEBUG
    assert len(list(shots.rglob("*.png"))) > 50

    # the run had the citizen: the database holds the ID, the name and the phone
    con = sqlite3.connect(data / "kiosk.sqlite3")
    try:
        row = con.execute("SELECT full_name, phone FROM citizens WHERE id_number = ?", (CITIZEN_ID,)).fetchone()
        dossiers = con.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    finally:
        con.close()
    assert row is not None and row[0] == NAME and dossiers >= 4

    # every log of the run, and any log file it wrote into its data folder
    log_files = [*logs.iterdir(), *data.rglob("*.log")]
    found = {str(p.name): [n for n in _needles() if n in p.read_text(encoding="utf-8", errors="replace")]
             for p in log_files}
    assert not any(found.values()), found

    loose = [f"{stat.S_IMODE(p.stat().st_mode):o} {p}" for p in [data, *data.rglob("*")]
             if not p.is_symlink() and stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert not loose, loose

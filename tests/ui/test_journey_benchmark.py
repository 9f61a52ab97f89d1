"""benchmarks/journey.py keeps its contract: exactly one line per visit on stdout, in the issue's format, from a
real run through the QML (both visits end with a printed slip)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.ui]
ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^(returning|new): taps=(\d+) typed=(\d+) pages=(\d+) seconds=(\d+\.\d) max_gap_ms=(\d+)$")


def test_journey_benchmark_prints_the_contract_lines(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "journey.py"), "--step-delay", "0.01"],
                       capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.strip().splitlines()
    assert [LINE.match(x).group(1) for x in lines if LINE.match(x)] == ["returning", "new"], r.stdout  # type: ignore[union-attr]
    assert len(lines) == 2, r.stdout
    figures = {m.group(1): [int(m.group(i)) for i in (2, 3, 4)] for m in map(LINE.match, lines) if m}
    assert figures["returning"][0] < figures["new"][0]  # no account step the second time
    assert "slip: ok" in r.stderr and "goal returning" in r.stderr

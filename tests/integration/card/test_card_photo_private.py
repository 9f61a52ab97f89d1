"""Issue 14 point 4: ``kiosk card read --photo FILE`` writes the face image 0600 from the first byte, also
under a loose umask, through real pcscd + vpcd and the project's virtual CCCD."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.devices.card.virtual import CardOptions

pytestmark = pytest.mark.integration
READER = "Virtual PCD 00 00"


def test_card_photo_is_private(virtual_card, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions())
    photo = tmp_path / "faces" / "face.jpg"
    cmd = [sys.executable, "-m", "kiosk", "card", "read", "--reader", READER, "--qr", h.citizen.qr_text(),
           "--photo", str(photo), "--json"]
    r = subprocess.run(["sh", "-c", 'umask 022 && exec "$@"', "sh", *cmd], capture_output=True, text=True,
                       timeout=60, env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    assert photo.read_bytes() == h.photo
    assert stat.S_IMODE(photo.stat().st_mode) == 0o600 and stat.S_IMODE(photo.parent.stat().st_mode) == 0o700

"""SANE scanners through the ``scanimage`` command, and a simulated scanner that draws a test page.

Why ``scanimage`` instead of python bindings: it is in Debian's sane-utils, needs no compiled extension,
and a crash in a scanner driver then cannot take the kiosk process down. The SANE ``test`` backend
(``-d test``) gives CI a real SANE round trip without hardware. Calls block: run them on a worker thread.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from kiosk.devices.scanner.model import ScannedPage, ScannerError

_NO_SCANNER = ("Không tìm thấy máy quét. Bạn có thể nộp giấy tờ tại quầy, hoặc gọi cán bộ.",
               "No scanner found. You can hand in the paper at the counter, or call staff.")
_FAILED = ("Máy quét gặp lỗi. Vui lòng thử lại, hoặc nộp giấy tờ tại quầy.",
           "The scanner failed. Please try again, or hand in the paper at the counter.")


def _size(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as img:
        return img.size


class SaneScanner:
    """One page per call: ``scanimage -d DEVICE --format=png`` into ``out_file``."""

    def __init__(self, device: str | None = None, resolution: int = 150, mode: str = "Gray",
                 timeout_s: float = 60.0) -> None:
        self.device, self.resolution, self.mode, self.timeout_s = device, resolution, mode, timeout_s
        self.name = f"sane:{device or 'default'}"

    def scan_page(self, out_file: Path) -> ScannedPage:
        exe = shutil.which("scanimage")
        if exe is None:
            raise ScannerError(*_NO_SCANNER, detail="scanimage not installed (apt-get install sane-utils)")
        out_file.parent.mkdir(parents=True, exist_ok=True)
        cmd = [exe, "--format=png", f"--resolution={self.resolution}", f"--mode={self.mode}", "-o", str(out_file)]
        if self.device:
            cmd[1:1] = ["-d", self.device]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=self.timeout_s, check=False)
        except subprocess.TimeoutExpired:
            raise ScannerError(*_FAILED, detail="timeout") from None
        if proc.returncode != 0 or not out_file.is_file() or out_file.stat().st_size == 0:
            err = proc.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
            if "no SANE devices" in err[0] or "open of device" in err[0]:
                raise ScannerError(*_NO_SCANNER, detail=err[0])
            raise ScannerError(*_FAILED, detail=err[0])
        w, h = _size(out_file)
        return ScannedPage(out_file, w, h)


class SimulatedScanner:
    """Draws an A4-shaped grey page with ruled lines and a page number (no SANE needed)."""

    name = "simulated"

    def __init__(self) -> None:
        self.count = 0

    def scan_page(self, out_file: Path) -> ScannedPage:
        from PIL import Image, ImageDraw

        self.count += 1
        img = Image.new("L", (248, 350), 250)
        d = ImageDraw.Draw(img)
        d.rectangle((20, 24, 228, 44), fill=90)
        for y in range(64, 320, 14):
            d.line((20, y, 20 + (y * 37 % 180) + 20, y), fill=150, width=3)
        d.text((110, 326), str(self.count), fill=40)
        out_file.parent.mkdir(parents=True, exist_ok=True)
        img.save(out_file, "PNG")
        return ScannedPage(out_file, img.width, img.height)


def open_scanner(kind: str = "auto", device: str | None = None) -> SaneScanner | SimulatedScanner:
    """``sane`` (real or the ``test`` device), ``simulated``, or ``auto`` (SANE when scanimage exists)."""
    if kind == "simulated" or (kind == "auto" and shutil.which("scanimage") is None):
        return SimulatedScanner()
    return SaneScanner(device)

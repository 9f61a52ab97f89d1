"""The scanner interface the kiosk flow uses: scan one page into a file, or fail with a plain message.

Why: citizens complain about "empty" dossiers from silent upload failures (domain.md §9.3); every scan
therefore returns the page file with its size (for a thumbnail and a page count on screen) or raises
:class:`ScannerError` carrying a Vietnamese and an English message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class ScannerError(Exception):
    def __init__(self, vi: str, en: str, detail: str = "") -> None:
        super().__init__(en + (f" ({detail})" if detail else ""))
        self.vi, self.en, self.detail = vi, en, detail


@dataclass(frozen=True)
class ScannedPage:
    path: Path
    width: int
    height: int


class Scanner(Protocol):
    name: str

    def scan_page(self, out_file: Path) -> ScannedPage: ...

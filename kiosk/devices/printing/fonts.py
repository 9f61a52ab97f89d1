"""The bundled Be Vietnam Pro font, registered once per process for reportlab and cached for Pillow.

Why: reportlab's built-in Type 1 fonts have no Vietnamese glyphs (ễ, ậ, ự come out as boxes), and parsing a
TTF costs ~6 ms each, so every renderer calls :func:`register_fonts` and only the first call pays.  The same
files feed Pillow when text is rasterised for an ESC/POS printer.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
REGULAR = "BeVietnamPro"
BOLD = "BeVietnamPro-Bold"
ITALIC = "BeVietnamPro-Italic"
FONT_FILES: dict[str, Path] = {
    REGULAR: FONT_DIR / "BeVietnamPro-Regular.ttf",
    BOLD: FONT_DIR / "BeVietnamPro-Bold.ttf",
    ITALIC: FONT_DIR / "BeVietnamPro-Italic.ttf",
}

_lock = threading.Lock()
_registered = False
registration_count = 0  # how many times the fonts were actually parsed (tests and the benchmark read it)


def register_fonts() -> None:
    """Register the three faces with reportlab (idempotent, thread-safe, once per process)."""
    global _registered, registration_count
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, path in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        registration_count += 1
        _registered = True


@lru_cache(maxsize=32)
def pil_font(name: str, size_px: int):  # type: ignore[no-untyped-def]
    """A Pillow FreeType font of the bundled face at ``size_px`` (cached)."""
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT_FILES[name]), size_px)

"""Every character the forms can print is in the bundled Be Vietnam Pro font (all three faces).

Covers: every string literal in the renderers and the form-data module, every name in the procedure
catalogue (resources/catalogue/procedures.toml) and every string of the Qt translations (*.ts), when present.
"""

from __future__ import annotations

import ast
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.devices.printing.fonts import FONT_FILES

ROOT = Path(__file__).resolve().parents[3]
RESOURCES = ROOT / "kiosk" / "resources"
RENDER_SOURCES = [
    ROOT / "kiosk" / "form_content.py",
    *sorted((ROOT / "kiosk" / "devices" / "printing").glob("*.py")),
]
IGNORED = set("\n\r\t")


@cache
def cmaps() -> dict[str, set[int]]:
    return {name: set(TTFont(name + "-cov", str(path)).face.charToGlyph) for name, path in FONT_FILES.items()}


def missing(texts: dict[str, str]) -> dict[str, list[str]]:
    """{where: missing characters} for the texts, over every face."""
    out: dict[str, list[str]] = {}
    for where, text in texts.items():
        for face, cmap in cmaps().items():
            gone = sorted({ch for ch in text if ch not in IGNORED and ord(ch) not in cmap})
            if gone:
                out[f"{where} [{face}]"] = [f"{c!r} U+{ord(c):04X}" for c in gone]
    return out


def _literals(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}  # not printed
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def _catalogue_names(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            here = f"{path}.{key}" if path else str(key)
            if isinstance(value, str) and (key == "name" or key.startswith("name_") or key.endswith("_name")):
                yield here, value
            else:
                yield from _catalogue_names(value, here)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _catalogue_names(value, f"{path}[{i}]")


def test_font_covers_vietnamese_alphabet() -> None:
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    import unicodedata

    vowels = "aăâeêioôơuưy"
    composed = {unicodedata.normalize("NFC", v + t) for v in vowels + vowels.upper() for t in tones}
    text = letters + letters.upper() + "".join(sorted(composed)) + "0123456789.,:;-–—()/%·"
    assert missing({"alphabet": text}) == {}


def test_font_covers_every_renderer_string() -> None:
    texts = {f"{p.name}:{i}": s for p in RENDER_SOURCES for i, s in enumerate(_literals(p))}
    assert texts, "no renderer strings found"
    assert missing(texts) == {}


def test_font_covers_catalogue_names() -> None:
    catalogue = RESOURCES / "catalogue" / "procedures.toml"
    if not catalogue.exists():
        pytest.fail(f"{catalogue} is missing: the catalogue must ship with the app")
    names = dict(_catalogue_names(tomllib.loads(catalogue.read_text(encoding="utf-8"))))
    assert names, "no names found in the catalogue"
    assert missing(names) == {}


def test_font_covers_translations() -> None:
    texts: dict[str, str] = {}
    for ts in sorted((RESOURCES / "translations").glob("*.ts")):
        for i, el in enumerate(ET.parse(ts).getroot().iter()):
            if el.tag in ("source", "translation", "numerusform") and el.text:
                # the screen's own marks (✓ ⚠ › ‹ ⌫ ⇧ ★) are drawn by Qt's fallback font and never printed;
                # tests/ui/test_qml_static.py allows the same set
                texts[f"{ts.name}:{i}"] = "".join(c for c in el.text if c not in "✓⚠›‹⌫⇧★")
    assert missing(texts) == {}  # vacuous until translations are added; then every string is checked

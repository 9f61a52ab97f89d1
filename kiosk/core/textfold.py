"""Diacritic-insensitive text folding for search ("đăng ký kết hôn" and "dang ky ket hon" must meet).

Citizens at a kiosk often type without tones (a foreign keyboard, a hurry, an old habit from SMS), so every
search compares folded text. NFD splits a letter from its tone and vowel marks, which we drop; "đ"/"Đ" are
separate letters in Unicode that do not decompose, so they are mapped to "d"/"D" by hand. Unidecode would
also do this but is GPL, and we need nothing beyond Vietnamese Latin script.
"""

from __future__ import annotations

import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def strip_marks(text: str) -> str:
    """``text`` without tone and vowel marks, case kept ("Hồ sơ Đã" -> "Ho so Da"): what an SMS sent in the
    GSM-7 alphabet can carry."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def fold(text: str) -> str:
    """Lower-case, tone-free, đ-free form of ``text`` ("Đăng ký" -> "dang ky"); spacing is kept as given."""
    return strip_marks(text.casefold())


def fold_words(text: str) -> str:
    """:func:`fold` plus collapsed whitespace and punctuation, for comparing phrases."""
    folded = fold(text)
    cleaned = "".join(ch if ch.isalnum() else " " for ch in folded)
    return " ".join(cleaned.split())

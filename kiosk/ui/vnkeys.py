"""Vietnamese typing for the on-screen keyboard: tone and mark buttons, and Telex.

Why our own: Qt Virtual Keyboard (the only ready Vietnamese layout) is GPL-3/commercial, and its
long-press diacritics are slow for older citizens (docs/UI.md, "keyboard decision"). Here a word is edited
as a whole: a tone button (sắc, huyền, hỏi, ngã, nặng) or a mark button (â ê ô, ă, ơ ư, đ) changes the word
left of the cursor, and Telex keys (s f r x j z, aa ee oo aw ow uw w dd) do the same while typing. Tone
placement follows the classic rule used on government documents ("Thanh Hóa", "thủy").
Pure Python, no Qt: the keyboard view model calls it.
"""

from __future__ import annotations

import unicodedata

TONES = {"": "", "sac": "\u0301", "huyen": "\u0300", "hoi": "\u0309", "nga": "\u0303", "nang": "\u0323"}
_TONE_MARKS = {v: k for k, v in TONES.items() if v}
TELEX_TONES = {"s": "sac", "f": "huyen", "r": "hoi", "x": "nga", "j": "nang", "z": ""}
VOWELS = set("aăâeêioôơuưy")
# base letter + shape mark -> letter
_SHAPES = {
    ("a", "circumflex"): "â", ("e", "circumflex"): "ê", ("o", "circumflex"): "ô",
    ("a", "breve"): "ă", ("o", "horn"): "ơ", ("u", "horn"): "ư", ("d", "dbar"): "đ",
}
_PLAIN = {"â": "a", "ă": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"}


def _split(ch: str) -> tuple[str, str, bool]:
    """(letter without tone, tone name, upper?) of one character."""
    upper = ch.isupper()
    c = ch.lower()
    decomposed = unicodedata.normalize("NFD", c)
    tone = ""
    kept = ""
    for part in decomposed:
        if part in _TONE_MARKS:
            tone = _TONE_MARKS[part]
        else:
            kept += part
    return unicodedata.normalize("NFC", kept), tone, upper


def _join(letter: str, tone: str, upper: bool) -> str:
    out = unicodedata.normalize("NFC", letter + TONES[tone])
    return out.upper() if upper else out


def _tone_index(letters: list[str]) -> int | None:
    """Index of the vowel that carries the tone in a syllable (letters without tones, lower case)."""
    idx = [i for i, c in enumerate(letters) if c in VOWELS]
    if not idx:
        return None
    # "qu" and "gi" + vowel: the u / i belongs to the consonant
    if len(idx) > 1 and idx[0] == 1 and letters[0] in "qg" and letters[1] in "ui":
        idx = idx[1:]
    start = idx[0]
    cluster = [start]
    for i in idx[1:]:
        if i == cluster[-1] + 1:
            cluster.append(i)
        else:
            break
    for i in cluster:
        if letters[i] in "ăâêôơư":
            # ươ: the tone goes on ơ
            if letters[i] == "ư" and i + 1 in cluster and letters[i + 1] == "ơ":
                return i + 1
            return i
    if len(cluster) == 1:
        return cluster[0]
    if len(cluster) >= 3:
        return cluster[1]
    has_final = cluster[-1] + 1 < len(letters)
    return cluster[1] if has_final else cluster[0]


def _word_bounds(text: str, cursor: int) -> tuple[int, int]:
    start = cursor
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start, cursor


def apply_tone(word: str, tone: str) -> str:
    parts = [_split(c) for c in word]
    letters = [p[0] for p in parts]
    i = _tone_index(letters)
    if i is None:
        return word
    current = [p[1] for p in parts]
    new_tone = "" if current[i] == tone and tone else tone  # pressing the same tone twice removes it
    out = []
    for j, (letter, _t, up) in enumerate(parts):
        out.append(_join(letter, new_tone if j == i else "", up))
    return "".join(out)


def apply_shape(word: str, shape: str) -> str:
    """Add a shape mark (circumflex, breve, horn, dbar) to the last letter that can take it; keeps the tone."""
    parts = [_split(c) for c in word]
    tone = next((t for _l, t, _u in parts if t), "")
    targets = {"circumflex": "aeo", "breve": "a", "horn": "ou", "dbar": "d"}[shape]
    for i in range(len(parts) - 1, -1, -1):
        letter, _t, up = parts[i]
        plain = _PLAIN.get(letter, letter)
        if plain in targets:
            new = _SHAPES[(plain, shape)]
            if letter == new:  # toggle off
                new = plain
            parts[i] = (new, "", up)
            if shape == "horn" and plain == "o" and i > 0 and _PLAIN.get(parts[i - 1][0], parts[i - 1][0]) == "u":
                parts[i - 1] = ("ư", "", parts[i - 1][2])  # uo -> ươ
            rebuilt = "".join(_join(letter2, "", u2) for letter2, _t2, u2 in parts)
            return apply_tone(rebuilt, tone) if tone else rebuilt
    return word


def edit(text: str, cursor: int, action: str) -> tuple[str, int]:
    """Apply ``tone:<name>`` or ``shape:<name>`` to the word left of ``cursor``; returns (text, cursor)."""
    kind, _, name = action.partition(":")
    start, end = _word_bounds(text, cursor)
    if start == end:
        return text, cursor
    word = text[start:end]
    new = apply_tone(word, name) if kind == "tone" else apply_shape(word, name)
    return text[:start] + new + text[end:], start + len(new)


def telex(text: str, cursor: int, key: str) -> tuple[str, int]:
    """Type ``key`` at ``cursor`` with Telex rules; returns (text, cursor)."""
    start, end = _word_bounds(text, cursor)
    word = text[start:end]
    k = key.lower()
    if word:
        new: str | None = None
        last = _split(word[-1])[0]
        if k in TELEX_TONES and any(_split(c)[0] in VOWELS for c in word):
            new = apply_tone(word, TELEX_TONES[k])
        elif k in "aeo" and _PLAIN.get(last, last) == k:
            new = apply_shape(word, "circumflex")
        elif k == "d" and last in "dđ":
            new = apply_shape(word, "dbar")
        elif k == "w":
            if any(_PLAIN.get(_split(c)[0], _split(c)[0]) in "ou" for c in word[-2:]):
                new = apply_shape(word, "horn")
            elif any(_split(c)[0] in "aă" for c in word[-2:]):
                new = apply_shape(word, "breve")
        if new is not None and new != word:
            return text[:start] + new + text[end:], start + len(new)
    return text[:cursor] + key + text[cursor:], cursor + len(key)

"""The privacy notice and the optional consent purposes, loaded from resources/consents.toml.

Why data and not code: these are legal texts. They change with the law or the agency's lawyer, and every
recorded consent must point at the exact wording the citizen saw (domain.md §10: explicit, per purpose,
provable, withdrawable). The file carries a version for the notice and one for the consent texts; a Consent
row stores the latter.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CONSENTS_FILE = Path(__file__).resolve().parent.parent / "resources" / "consents.toml"


def _reflow(text: str) -> str:
    """Paragraphs separated by blank lines; line breaks inside a paragraph are only for the file's width."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


@dataclass(frozen=True)
class ConsentPurpose:
    key: str
    title_vi: str
    title_en: str
    text_vi: str
    text_en: str

    def title(self, lang: str = "vi") -> str:
        return self.title_en if lang == "en" else self.title_vi

    def text(self, lang: str = "vi") -> str:
        return self.text_en if lang == "en" else self.text_vi


@dataclass(frozen=True)
class PrivacyNotice:
    version: str
    title_vi: str
    title_en: str
    text_vi: str
    text_en: str

    def title(self, lang: str = "vi") -> str:
        return self.title_en if lang == "en" else self.title_vi

    def text(self, lang: str = "vi", *, controller: str, hotline: str) -> str:
        raw = self.text_en if lang == "en" else self.text_vi
        return raw.replace("{controller}", controller).replace("{hotline}", hotline)


@dataclass(frozen=True)
class ConsentTexts:
    notice: PrivacyNotice
    version: str  # of the consent texts; stored on every Consent row
    purposes: tuple[ConsentPurpose, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.purposes)

    def purpose(self, key: str) -> ConsentPurpose:
        for p in self.purposes:
            if p.key == key:
                return p
        raise KeyError(key)


def parse_consent_texts(data: dict) -> ConsentTexts:  # type: ignore[type-arg]
    n = data["notice"]
    notice = PrivacyNotice(
        version=str(n["version"]),
        title_vi=n["title_vi"],
        title_en=n["title_en"],
        text_vi=_reflow(n["text_vi"]),
        text_en=_reflow(n["text_en"]),
    )
    c = data["consents"]
    purposes = tuple(
        ConsentPurpose(
            key=p["key"],
            title_vi=p["title_vi"],
            title_en=p["title_en"],
            text_vi=_reflow(p["text_vi"]),
            text_en=_reflow(p["text_en"]),
        )
        for p in c["purposes"]
    )
    keys = [p.key for p in purposes]
    if len(set(keys)) != len(keys):
        raise ValueError("consents.toml: duplicate purpose key")
    return ConsentTexts(notice=notice, version=str(c["version"]), purposes=purposes)


def load_consent_texts(path: Path | None = None) -> ConsentTexts:
    if path is None:
        return _bundled()
    with Path(path).open("rb") as f:
        return parse_consent_texts(tomllib.load(f))


@lru_cache(maxsize=1)
def _bundled() -> ConsentTexts:
    with CONSENTS_FILE.open("rb") as f:
        return parse_consent_texts(tomllib.load(f))

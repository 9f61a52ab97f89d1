"""The search fold: Vietnamese with or without tones, đ included, must compare equal."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.textfold import fold, fold_words

VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
)
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + "bcghklmnpqrstvx0123456789 .,-"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đăng ký kết hôn", "dang ky ket hon"),
        ("ĐỒNG THÁP", "dong thap"),
        ("đường Nguyễn Trãi", "duong nguyen trai"),
        ("Thường trú", "thuong tru"),
        ("Lý lịch tư pháp", "ly lich tu phap"),
        ("dang ky ket hon", "dang ky ket hon"),
        ("", ""),
    ],
)
def test_fold_examples(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_every_vowel_with_marks_folds_to_its_base() -> None:
    for group, base in [("aàáảãạăằắẳẵặâầấẩẫậ", "a"), ("eèéẻẽẹêềếểễệ", "e"), ("oòóỏõọôồốổỗộơờớởỡợ", "o"),
                        ("uùúủũụưừứửữự", "u"), ("iìíỉĩị", "i"), ("yỳýỷỹỵ", "y")]:
        for ch in group + group.upper():
            assert fold(ch) == base, ch


def test_composed_and_decomposed_input_fold_the_same() -> None:
    text = "Chứng thực bản sao"
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


def test_fold_words_collapses_punctuation_and_spaces() -> None:
    assert fold_words("  Cấp bản sao trích lục hộ tịch,  bản sao GKS ") == "cap ban sao trich luc ho tich ban sao gks"
    assert fold_words("Khai sinh – thường trú – BHYT") == "khai sinh thuong tru bhyt"


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_fold_is_ascii_idempotent_and_length_preserving_on_vietnamese(text: str) -> None:
    folded = fold(text)
    assert folded.isascii()
    assert fold(folded) == folded
    assert len(folded) == len(text)
    assert folded == folded.lower()

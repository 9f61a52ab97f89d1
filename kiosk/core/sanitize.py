"""Validation of untrusted text from the barcode scanner and the kiosk's forms.

Every string that crosses into the domain is NFC-normalised (Vietnamese typed on different keyboards
arrives composed or decomposed), stripped, length-limited, and refused when it carries control characters,
bidirectional overrides or other invisible format characters (which can hide or reorder text on a receipt
or a staff screen), lone surrogates or noncharacters. Failures raise :class:`InputRejected` with a
Vietnamese and an English message, never anything else.
"""

from __future__ import annotations

import unicodedata

from kiosk.core.codes import DossierCode, DossierCodeError, parse_code

MAX_SCAN = 512  # a QR/barcode payload the kiosk accepts from the scanner
MAX_FIELD = 200  # a one-line form field
MAX_TEXT = 2000  # a multi-line note
_ALLOWED_FORMAT = {"\u200c", "\u200d"}  # ZWNJ/ZWJ appear in some legitimate text; everything else Cf is refused


class InputRejected(ValueError):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


def _bad_char(ch: str, allow_newlines: bool) -> bool:
    if allow_newlines and ch in "\n\t":
        return False
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs", "Co", "Zl", "Zp"):
        return True
    if cat == "Cf" and ch not in _ALLOWED_FORMAT:
        return True
    cp = ord(ch)
    return (0xFDD0 <= cp <= 0xFDEF) or (cp & 0xFFFE) == 0xFFFE or cat == "Cn"


def clean_text(value: object, *, max_len: int = MAX_FIELD, label: str = "field", allow_newlines: bool = False,
               required: bool = False) -> str:
    """The cleaned string, or InputRejected. ``max_len`` counts characters after normalisation."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InputRejected(f"Giá trị của {label} không hợp lệ.", f"{label}: expected text")
    if len(value) > 4 * max_len + 16:  # refuse huge input before doing any work on it
        raise InputRejected(f"{label} quá dài.", f"{label}: too long")
    if allow_newlines:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", value).strip()
    if any(_bad_char(ch, allow_newlines) for ch in text):
        raise InputRejected(
            f"{label} chứa ký tự không hợp lệ.", f"{label}: contains control or invisible characters"
        )
    if len(text) > max_len:
        raise InputRejected(f"{label} dài quá {max_len} ký tự.", f"{label}: longer than {max_len} characters")
    if required and not text:
        raise InputRejected(f"Vui lòng nhập {label}.", f"{label} is required")
    return text


def clean_scan(value: object, *, max_len: int = MAX_SCAN) -> str:
    """A scanner payload: the scanner's own line ending (CR, LF, CRLF, TAB) is dropped, then clean_text."""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            raise InputRejected("Mã quét không đọc được.", "scan: not UTF-8") from None
    if isinstance(value, str):
        value = value.rstrip("\r\n\t")
    return clean_text(value, max_len=max_len, label="mã quét", required=True)


def scanned_dossier_code(value: object) -> DossierCode:
    """A dossier code from the scanner (a receipt's barcode) or typed in; InputRejected if it is not one."""
    text = clean_scan(value, max_len=64)
    try:
        return parse_code(text)
    except DossierCodeError:
        raise InputRejected(
            "Mã hồ sơ không đúng định dạng (ví dụ 000.00.06.H56-261125-0001).",
            "not a dossier code (e.g. 000.00.06.H56-261125-0001)",
        ) from None

"""Checks on who a citizen says they are: the 12-digit personal ID number and Vietnamese phone numbers.

The ID has no check digit (domain.md §11): we validate 12 digits, the province-of-birth-registration code,
and that the century/sex digit agrees with the date of birth. An unknown province code is a warning, not a
rejection, because the code table is no longer guaranteed by law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import phonenumbers

PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu", "079": "TP. Hồ Chí Minh",
    "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
    "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}

_ID_RE = re.compile(r"[0-9]{12}")  # ASCII digits: \d would also take other scripts' digits
MAX_INPUT = 64  # longer than any ID or phone number written with spaces


class InvalidIdNumber(ValueError):
    """Message in Vietnamese in ``vi`` and English in ``en``."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


@dataclass(frozen=True)
class IdNumberInfo:
    number: str
    province_code: str
    province: str | None
    sex: str  # "Nam" | "Nữ"
    birth_century: int  # 1900, 2000, ...
    birth_year_2: int
    warnings: list[str] = field(default_factory=list)


def parse_id_number(text: str, date_of_birth: date | None = None) -> IdNumberInfo:
    """Validate a 12-digit personal ID (CCCD / thẻ căn cước); any other input raises InvalidIdNumber."""
    if not isinstance(text, str | None) or (text and len(text) > MAX_INPUT):
        raise InvalidIdNumber("Số định danh phải gồm đúng 12 chữ số.", "The ID number must have exactly 12 digits.")
    if date_of_birth is not None and not isinstance(date_of_birth, date):
        raise InvalidIdNumber("Ngày sinh không hợp lệ.", "The date of birth is not valid.")
    number = re.sub(r"[\s.-]", "", text or "")
    if not _ID_RE.fullmatch(number):
        raise InvalidIdNumber("Số định danh phải gồm đúng 12 chữ số.", "The ID number must have exactly 12 digits.")
    ppp, g, yy = number[:3], int(number[3]), int(number[4:6])
    century = 1900 + 100 * (g // 2)
    sex = "Nam" if g % 2 == 0 else "Nữ"
    warnings: list[str] = []
    province = PROVINCE_CODES.get(ppp)
    if province is None:
        warnings.append("unknown_province_code")
    if date_of_birth is not None:
        if date_of_birth.year // 100 * 100 != century or date_of_birth.year % 100 != yy:
            raise InvalidIdNumber(
                "Số định danh không khớp với năm sinh. Vui lòng kiểm tra lại.",
                "The ID number does not match the year of birth. Please check it.",
            )
    return IdNumberInfo(number, ppp, province, sex, century, yy, warnings)


def is_valid_id_number(text: str, date_of_birth: date | None = None) -> bool:
    try:
        parse_id_number(text, date_of_birth)
    except InvalidIdNumber:
        return False
    return True


class InvalidPhone(ValueError):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


def normalise_phone(text: str, mobile_only: bool = True) -> str:
    """Return the number in E.164 (+84…). A number need not be registered to the citizen:
    identity comes from the chip, the phone only receives messages."""
    raw = (text or "").strip() if isinstance(text, str | None) else ""
    if not raw or len(raw) > 20:
        raise InvalidPhone("Vui lòng nhập số điện thoại.", "Please enter a phone number.")
    try:
        num = phonenumbers.parse(raw, "VN")
    except (phonenumbers.NumberParseException, ValueError, IndexError):  # the library on odd input
        raise InvalidPhone("Số điện thoại không hợp lệ.", "That is not a valid phone number.") from None
    if not phonenumbers.is_valid_number(num):
        raise InvalidPhone(
            "Số điện thoại không hợp lệ (ví dụ: 0912 345 678).",
            "That is not a valid phone number (e.g. 0912 345 678).",
        )
    if mobile_only and phonenumbers.number_type(num) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise InvalidPhone(
            "Cần số điện thoại di động để nhận tin nhắn.", "A mobile number is needed to receive text messages."
        )
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    num = phonenumbers.parse(e164, "VN")
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)


def mask_phone(e164: str) -> str:
    """0912 *** 678 style, for screens and receipts seen by others."""
    national = re.sub(r"\D", "", display_phone(e164))
    return national[:4] + " *** " + national[-3:]

"""Checking a filled-in procedure form against the catalogue's field rules, with Vietnamese and English messages.

The UI shows the Vietnamese message under the field (English when the citizen switched language) and must
never lose what was typed, so checking returns a message per field instead of raising, plus the cleaned
values (dates parsed, numbers converted, phone numbers in E.164) for the dossier.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import phonenumbers

if TYPE_CHECKING:
    from kiosk.core.catalogue import FormField, Procedure

_ID_RE = re.compile(r"[0-9]{12}")  # ASCII digits only (\d takes any script's digits)
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DMY_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_TRUE = {"1", "true", "yes", "on", "co", "có", "x"}
_FALSE = {"0", "false", "no", "off", "khong", "không", ""}


@dataclass(frozen=True)
class FormError:
    vi: str
    en: str

    def text(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en

    def __str__(self) -> str:
        return self.vi


@dataclass
class FormCheck:
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, FormError] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_date(value: object) -> date | None:
    """dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd; None if it is not a real date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        m = _DMY_RE.fullmatch(s)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date.fromisoformat(s)
    except ValueError:
        return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_one(f: FormField, value: object, today: date) -> tuple[Any, FormError | None]:
    lv, le = f.label_vi, f.label_en
    v = f.validation
    if f.type == "checkbox":
        if value is None or isinstance(value, bool):
            checked = bool(value)
        elif str(value).strip().casefold() in _TRUE:
            checked = True
        elif str(value).strip().casefold() in _FALSE:
            checked = False
        else:
            return value, FormError(f"{lv}: giá trị không hợp lệ.", f"{le}: invalid value.")
        if f.required and not checked:
            return checked, FormError(f"Vui lòng đánh dấu xác nhận: {lv}.", f"Please tick to confirm: {le}.")
        return checked, None
    if _blank(value):
        if f.required:
            verb_vi, verb_en = ("chọn", "choose") if f.type == "select" else ("nhập", "fill in")
            return None, FormError(f"Vui lòng {verb_vi} {lv}.", f"Please {verb_en} {le}.")
        return None, None

    if f.type == "date":
        d = parse_date(value)
        if d is None:
            return value, FormError(
                f"{lv}: ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.",
                f"{le}: not a valid date; use dd/mm/yyyy.",
            )
        if v.not_in_future and d > today:
            return d, FormError(f"{lv} không được sau ngày hôm nay.", f"{le} cannot be later than today.")
        return d, None
    if f.type == "number":
        s = str(value).strip().replace(" ", "")
        try:
            num: float | int = int(s) if re.fullmatch(r"-?\d+", s) else float(s.replace(",", "."))
        except ValueError:
            return value, FormError(f"{lv} phải là một số.", f"{le} must be a number.")
        if isinstance(num, float) and not math.isfinite(num):  # "nan", "inf", "1e999" are not numbers here
            return value, FormError(f"{lv} phải là một số.", f"{le} must be a number.")
        if v.min is not None and num < v.min:
            return num, FormError(f"{lv} phải từ {v.min:g} trở lên.", f"{le} must be at least {v.min:g}.")
        if v.max is not None and num > v.max:
            return num, FormError(f"{lv} không được lớn hơn {v.max:g}.", f"{le} must be at most {v.max:g}.")
        return num, None
    if f.type == "select":
        s = str(value).strip()
        if f.option_label(s) is None:
            return s, FormError(f"{lv}: lựa chọn không hợp lệ.", f"{le}: not one of the choices.")
        return s, None

    # text-like types
    s = str(value).strip()
    if f.type == "id_number":
        s = re.sub(r"[\s.]", "", s)
        if not _ID_RE.fullmatch(s):
            return s, FormError(
                f"{lv} phải gồm đúng 12 chữ số.", f"{le} must be exactly 12 digits."
            )
    elif f.type == "phone":
        try:
            num_obj = phonenumbers.parse(s, "VN")
            valid = phonenumbers.is_valid_number(num_obj)
        except phonenumbers.NumberParseException:
            valid = False
        if not valid:
            return s, FormError(
                f"{lv}: số điện thoại không hợp lệ (ví dụ 0912 345 678).",
                f"{le}: not a valid phone number (e.g. 0912 345 678).",
            )
        s = phonenumbers.format_number(num_obj, phonenumbers.PhoneNumberFormat.E164)
    elif f.type == "email" and not _EMAIL_RE.fullmatch(s):
        return s, FormError(f"{lv}: địa chỉ thư điện tử không hợp lệ.", f"{le}: not a valid e-mail address.")
    if v.min_length is not None and len(s) < v.min_length:
        return s, FormError(f"{lv} phải có ít nhất {v.min_length} ký tự.", f"{le} needs at least {v.min_length} characters.")
    if v.max_length is not None and len(s) > v.max_length:
        return s, FormError(f"{lv} không được dài quá {v.max_length} ký tự.", f"{le} must be at most {v.max_length} characters.")
    if v.pattern is not None and not re.fullmatch(v.pattern, s):
        return s, FormError(f"{lv} không đúng định dạng.", f"{le} is not in the expected format.")
    return s, None


def check_form(procedure: Procedure, values: Mapping[str, object], today: date | None = None) -> FormCheck:
    """Check every field of ``procedure.form``; values for unknown names are ignored."""
    from kiosk.core.catalogue import today_local

    today = today or today_local()
    result = FormCheck()
    for f in procedure.form:
        cleaned, error = _check_one(f, values.get(f.name), today)
        result.values[f.name] = cleaned
        if error is not None:
            result.errors[f.name] = error
    return result


def form_errors(procedure: Procedure, values: Mapping[str, object], today: date | None = None) -> dict[str, FormError]:
    return check_form(procedure, values, today).errors


def validate_form(
    procedure: Procedure, values: Mapping[str, object], lang: str = "vi", today: date | None = None
) -> dict[str, str]:
    """{field name: message} for every field that is not acceptable; empty when the form can be submitted."""
    return {name: err.text(lang) for name, err in form_errors(procedure, values, today).items()}

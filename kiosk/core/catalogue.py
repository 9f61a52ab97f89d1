"""The procedure catalogue (danh mục TTHC) as validated data with effective dates.

Procedures, their fees, documents and form fields change with the law (domain.md §1: the rules changed on
01/07/2025 and Luật Hộ tịch 03/2026 switches civil-status rules on 01/03/2027), so they live in a TOML file,
not in code. Every change is a new *version* of a procedure with its own effective range, and a dossier keeps
the version it was received under. This module parses that file into pydantic models, refuses a bad file
*whole* (a half-loaded catalogue at a kiosk is worse than the old one), and answers the questions the kiosk
asks: which version applies today, which are popular, what matches "ket hn".

Pure Python: no SQL, no Qt. Persistence is in kiosk.core.catalogue_store; form checking in
kiosk.core.catalogue_forms is re-exported here for convenience.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from rapidfuzz import fuzz

from kiosk.core.catalogue_errors import dotted_loc, find_top_key, locate, message
from kiosk.core.textfold import fold_words
from kiosk.core.timelimits import TimeLimit, TimeLimitKind

BUNDLED_NAME = "procedures.toml"
DATA_DIR_NAME = "catalogue.toml"
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

FieldName = Literal[
    "Hộ tịch",
    "Chứng thực",
    "Cư trú",
    "Hộ kinh doanh",
    "Lý lịch tư pháp",
    "Liên thông",
    "Đất đai",
    "Xây dựng",
    "Bảo trợ xã hội",
]
Level = Literal["toan_trinh", "mot_phan"]
FormFieldType = Literal[
    "text", "date", "select", "phone", "email", "id_number", "number", "textarea", "checkbox"
]
# Where a form value can come from without typing: the CCCD chip (DG13) or the signed-in account.
PrefillSource = Literal[
    "id_number",
    "old_id_number",
    "full_name",
    "date_of_birth",
    "sex",
    "nationality",
    "ethnicity",
    "religion",
    "place_of_origin",
    "place_of_residence",
    "date_of_issue",
    "date_of_expiry",
    "father_name",
    "mother_name",
    "spouse_name",
    "phone",
    "email",
]
FeeUnit = Literal["dossier", "copy", "page", "case"]

NATIONAL_CODE_RE = re.compile(r"^\d\.\d{6}(\.[A-Z0-9]{2,4})?$")
PROVISIONAL_CODE_RE = re.compile(r"^[A-Z][A-Z0-9.\-]{1,39}$")
FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")

LEVEL_TEXT = {
    "toan_trinh": ("Toàn trình", "Fully online"),
    "mot_phan": ("Một phần", "Partly online"),
}
FEE_UNIT_TEXT = {
    "dossier": ("hồ sơ", "dossier"),
    "copy": ("bản", "copy"),
    "page": ("trang", "page"),
    "case": ("trường hợp", "case"),
}


class CatalogueError(Exception):
    """A catalogue cannot be used or a lookup failed; ``errors`` holds one line per problem."""

    def __init__(self, errors: str | Sequence[str]) -> None:
        self.errors: list[str] = [errors] if isinstance(errors, str) else list(errors)
        super().__init__("\n".join(self.errors))


# -- models -----------------------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class SelectOption(_Strict):
    value: str = Field(min_length=1, max_length=60)
    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Validation(_Strict):
    """Rules a filled-in value must meet; only the ones that make sense for the field's type are allowed."""

    min_length: int | None = Field(default=None, ge=0)
    max_length: int | None = Field(default=None, ge=1)
    pattern: str | None = None  # a Python regular expression the whole value must match
    min: float | None = None  # number fields
    max: float | None = None
    options: tuple[SelectOption, ...] | None = None  # select fields
    not_in_future: bool = False  # date fields (a birth or death date)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"pattern {v!r} is not a valid regular expression: {exc}") from None
        return v

    @model_validator(mode="after")
    def _ranges(self) -> Validation:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min must not be greater than max")
        if self.min_length is not None and self.max_length is not None and self.min_length > self.max_length:
            raise ValueError("min_length must not be greater than max_length")
        if self.options is not None:
            values = [o.value for o in self.options]
            dupes = sorted({v for v in values if values.count(v) > 1})
            if dupes:
                raise ValueError(f"duplicate option values: {', '.join(dupes)}")
        return self


_TEXTUAL = {"text", "textarea", "id_number", "phone", "email"}


class FormField(_Strict):
    name: str
    label_vi: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    type: FormFieldType
    required: bool = False
    validation: Validation = Validation()
    prefill: PrefillSource | None = None
    help_vi: str = ""
    help_en: str = ""

    @field_validator("name")
    @classmethod
    def _identifier(cls, v: str) -> str:
        if not FIELD_NAME_RE.fullmatch(v):
            raise ValueError("must be a lower-case identifier (a-z, 0-9, _), e.g. child_full_name")
        return v

    @model_validator(mode="after")
    def _fits_type(self) -> FormField:
        v = self.validation
        if self.type == "select" and not v.options:
            raise ValueError(f"select field '{self.name}' needs validation.options (a non-empty list)")
        if self.type != "select" and v.options is not None:
            raise ValueError(f"field '{self.name}' of type {self.type} cannot have options (only select)")
        if self.type != "number" and (v.min is not None or v.max is not None):
            raise ValueError(f"field '{self.name}': min/max apply only to number fields")
        if self.type not in _TEXTUAL and (
            v.pattern is not None or v.max_length is not None or v.min_length is not None
        ):
            raise ValueError(f"field '{self.name}': pattern/min_length/max_length apply only to text-like fields")
        if self.type != "date" and v.not_in_future:
            raise ValueError(f"field '{self.name}': not_in_future applies only to date fields")
        return self

    def option_label(self, value: str, lang: str = "vi") -> str | None:
        for option in self.validation.options or ():
            if option.value == value:
                return option.vi if lang == "vi" else option.en
        return None


class Document(_Strict):
    """A paper in the dossier (thành phần hồ sơ) with the counts printed on the receipt."""

    name_vi: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    originals: int = Field(default=0, ge=0, le=20)  # bản chính
    certified_copies: int = Field(default=0, ge=0, le=20)  # bản sao có chứng thực
    photocopies: int = Field(default=0, ge=0, le=20)  # bản photo
    required: bool = True
    note_vi: str = ""
    note_en: str = ""

    @model_validator(mode="after")
    def _some_copy(self) -> Document:
        if self.originals + self.certified_copies + self.photocopies == 0:
            raise ValueError("a document needs at least one of originals, certified_copies, photocopies")
        return self


class TimeLimitSpec(_Strict):
    kind: TimeLimitKind
    amount: float = Field(default=0, ge=0, le=365)
    note_vi: str = ""  # extended cases, e.g. "+5 ngày làm việc nếu phải xác minh"
    note_en: str = ""

    @model_validator(mode="after")
    def _amount_fits_kind(self) -> TimeLimitSpec:
        if self.kind in ("same_day", "none") and self.amount:
            raise ValueError(f"amount must be 0 (or absent) when kind is {self.kind}")
        if self.kind not in ("same_day", "none") and self.amount <= 0:
            raise ValueError(f"amount must be greater than 0 when kind is {self.kind}")
        return self

    def to_time_limit(self) -> TimeLimit:
        return TimeLimit(kind=self.kind, amount=self.amount)

    as_time_limit = to_time_limit  # both spellings are in use


class Procedure(_Strict):
    """One version of one administrative procedure (thủ tục hành chính)."""

    provisional: bool = False  # the code is a placeholder until the official one is verified
    code: str
    version: str = Field(min_length=1, max_length=40)
    effective_from: date
    effective_to: date | None = None  # inclusive
    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    field: FieldName
    field_en: str = Field(min_length=1)
    authority_vi: str = ""
    authority_en: str = ""
    level: Level
    in_person_vi: str = Field(default="", validate_default=True)
    in_person_en: str = ""
    time_limit: TimeLimitSpec
    fee_counter: int = Field(default=0, ge=0)  # đồng, paid at the counter
    fee_online: int = Field(default=0, ge=0)  # đồng, when filed online
    fee_unit: FeeUnit = "dossier"
    fee_note_vi: str = ""
    fee_note_en: str = ""
    popular: int | None = Field(default=None, ge=1, le=99)
    keywords: tuple[str, ...] = ()
    note_vi: str = ""
    note_en: str = ""
    documents: tuple[Document, ...] = Field(min_length=1)
    form: tuple[FormField, ...] = Field(min_length=1)

    # Checks that involve two keys are field validators on the later key (pydantic validates in declaration
    # order), so an error carries that key's name and the loader can point at its line.
    @field_validator("code")
    @classmethod
    def _code_shape(cls, v: str, info: ValidationInfo) -> str:
        if NATIONAL_CODE_RE.fullmatch(v):
            return v
        if not PROVISIONAL_CODE_RE.fullmatch(v):
            raise ValueError("must look like 1.001193 (national) or 1.000948.H38 (province), or an upper-case placeholder")
        if not info.data.get("provisional"):
            raise ValueError(f"{v!r} is not a national TTHC code; set provisional = true if it is a placeholder")
        return v

    @field_validator("effective_to")
    @classmethod
    def _range(cls, v: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("effective_from")
        if v is not None and start is not None and v < start:
            raise ValueError(f"is before effective_from ({start.isoformat()})")
        return v

    @field_validator("in_person_vi")
    @classmethod
    def _in_person(cls, v: str, info: ValidationInfo) -> str:
        if info.data.get("level") == "mot_phan" and not v:
            raise ValueError("a 'mot_phan' procedure must say what is done in person")
        return v

    @field_validator("form")
    @classmethod
    def _unique_names(cls, v: tuple[FormField, ...]) -> tuple[FormField, ...]:
        names = [f.name for f in v]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"form field names must be unique; repeated: {', '.join(dupes)}")
        return v

    # -- convenience -------------------------------------------------------------------------------------
    @property
    def limit(self) -> TimeLimit:
        return self.time_limit.to_time_limit()

    def in_effect(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def level_text(self, lang: str = "vi") -> str:
        vi, en = LEVEL_TEXT[self.level]
        return vi if lang == "vi" else en

    def fee_for(self, online: bool) -> int:
        return self.fee_online if online else self.fee_counter

    def form_field(self, name: str) -> FormField:
        for f in self.form:
            if f.name == name:
                return f
        raise KeyError(name)


@dataclass(frozen=True)
class FieldSummary:
    """A lĩnh vực (field/sector) and how many procedures are in it."""

    name: str
    name_en: str
    count: int


# -- the catalogue ------------------------------------------------------------------------------------------


def today_local() -> date:
    return datetime.now(LOCAL_TZ).date()


_HAYSTACK_WEIGHTS = {"name": 1.0, "name_en": 0.95, "keyword": 0.97, "field": 0.6}
SEARCH_THRESHOLD = 62.0


class Catalogue:
    """All versions of all procedures; lookups pick the version in effect on a date (default: today)."""

    def __init__(self, procedures: Sequence[Procedure], source: str = "<memory>") -> None:
        self.source = source
        self._versions: dict[str, list[Procedure]] = {}
        for p in procedures:
            self._versions.setdefault(p.code.upper(), []).append(p)
        for versions in self._versions.values():
            versions.sort(key=lambda p: p.effective_from)
        self._haystacks: dict[tuple[str, str], list[tuple[str, float]]] = {
            (p.code, p.version): _haystack(p) for p in procedures
        }

    # containers
    def __len__(self) -> int:
        return len(self._versions)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip().upper() in self._versions

    def __iter__(self) -> Iterator[Procedure]:
        return iter(self.all_versions())

    def codes(self) -> list[str]:
        return [vs[0].code for vs in self._versions.values()]

    def all_versions(self) -> list[Procedure]:
        return [p for vs in self._versions.values() for p in vs]

    def versions(self, code: str) -> list[Procedure]:
        try:
            return list(self._versions[code.strip().upper()])
        except KeyError:
            raise CatalogueError(f"unknown procedure code '{code}'") from None

    def get(self, code: str, on: date | None = None) -> Procedure:
        """The version of ``code`` in effect on ``on``; CatalogueError if the code is unknown or not in effect."""
        on = on or today_local()
        versions = self.versions(code)
        for p in versions:
            if p.in_effect(on):
                return p
        ranges = ", ".join(
            f"{p.version} ({p.effective_from.isoformat()}–{p.effective_to.isoformat() if p.effective_to else '…'})"
            for p in versions
        )
        raise CatalogueError(f"procedure {versions[0].code} has no version in effect on {on.isoformat()} (versions: {ranges})")

    def list(self, on: date | None = None) -> list[Procedure]:
        """One version per procedure in effect on ``on``, in catalogue order."""
        on = on or today_local()
        out: list[Procedure] = []
        for versions in self._versions.values():
            out.extend(p for p in versions if p.in_effect(on))
        return out

    def fields(self, on: date | None = None) -> list[FieldSummary]:
        counts: dict[str, FieldSummary] = {}
        for p in self.list(on):
            prev = counts.get(p.field)
            counts[p.field] = FieldSummary(p.field, p.field_en, (prev.count if prev else 0) + 1)
        return list(counts.values())

    def popular(self, on: date | None = None, limit: int | None = None) -> list[Procedure]:
        ranked = sorted((p for p in self.list(on) if p.popular is not None), key=lambda p: p.popular or 0)
        return ranked[:limit] if limit is not None else ranked

    def search(self, query: str, limit: int = 10, on: date | None = None) -> list[Procedure]:
        return [p for p, _ in self.search_scored(query, limit=limit, on=on)]

    def search_scored(self, query: str, limit: int = 10, on: date | None = None) -> list[tuple[Procedure, float]]:
        """Diacritic-insensitive, typo-tolerant search over names, English names, keywords and codes."""
        raw = query.strip().upper()
        q = fold_words(query)
        if not q:
            return []
        scored: list[tuple[Procedure, float]] = []
        for p in self.list(on):
            if raw == p.code.upper():
                score = 200.0
            elif len(raw) >= 3 and p.code.upper().startswith(raw) and any(c.isdigit() for c in raw):
                score = 150.0
            else:
                score = max(
                    (w * (0.65 * fuzz.partial_ratio(q, h) + 0.35 * fuzz.ratio(q, h)) for h, w in self._haystacks[(p.code, p.version)]),
                    default=0.0,
                )
            if score >= SEARCH_THRESHOLD:
                if p.popular is not None:
                    score += max(0, 13 - p.popular) * 0.2  # small nudge towards the commonly used
                scored.append((p, round(score, 2)))
        scored.sort(key=lambda ps: (-ps[1], ps[0].popular or 999, ps[0].code))
        return scored[:limit]


def _haystack(p: Procedure) -> list[tuple[str, float]]:
    items = [(fold_words(p.name), _HAYSTACK_WEIGHTS["name"]), (fold_words(p.name_en), _HAYSTACK_WEIGHTS["name_en"])]
    items += [(fold_words(k), _HAYSTACK_WEIGHTS["keyword"]) for k in p.keywords]
    items += [(fold_words(p.field), _HAYSTACK_WEIGHTS["field"]), (fold_words(p.field_en), _HAYSTACK_WEIGHTS["field"])]
    return [(h, w) for h, w in items if h]


# -- loading ------------------------------------------------------------------------------------------------

_TOP_LEVEL_KEYS = {"schema_version", "catalogue", "procedure"}
SCHEMA_VERSION = 1


class _CatalogueMeta(_Strict):
    title: str = ""
    region: str = ""
    updated: date | None = None
    note: str = ""


def bundled_catalogue_path() -> Path:
    return Path(str(resources.files("kiosk").joinpath("resources", "catalogue", BUNDLED_NAME)))


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Load and validate a catalogue file (default: the bundled one); CatalogueError lists every problem."""
    p = Path(path) if path is not None else bundled_catalogue_path()
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogueError(f"{p}: catalogue file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{p}: cannot read catalogue file: {exc}") from None
    return parse_catalogue(text, source=p.name)


class _SettingsLike(Protocol):
    catalogue_file: Path | None
    data_dir: Path


def configured_catalogue_path(settings: _SettingsLike) -> Path:
    """settings.catalogue_file, else <data_dir>/catalogue.toml if an import put one there, else the bundled file."""
    if settings.catalogue_file is not None:
        return Path(settings.catalogue_file)
    imported = Path(settings.data_dir) / DATA_DIR_NAME
    if imported.is_file():
        return imported
    return bundled_catalogue_path()


def load_configured_catalogue(settings: _SettingsLike) -> Catalogue:
    path = configured_catalogue_path(settings)
    if settings.catalogue_file is not None and not path.is_file():
        raise CatalogueError(f"catalogue file {path} (setting catalogue_file) does not exist")
    return load_catalogue(path)


def parse_catalogue(text: str, source: str = BUNDLED_NAME) -> Catalogue:
    """Validate catalogue TOML text; every error is reported as ``source:line: procedure CODE field 'x': msg``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = m.group(1) if m else "1"
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) if m else str(exc)
        raise CatalogueError(f"{source}:{line}: TOML syntax error: {msg}") from None

    lines = text.splitlines()
    errors: list[str] = []
    for key in data:
        if key not in _TOP_LEVEL_KEYS:
            errors.append(f"{source}:{find_top_key(lines, key)}: unknown top-level key '{key}' (allowed: {', '.join(sorted(_TOP_LEVEL_KEYS))})")
    if data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        errors.append(f"{source}:{find_top_key(lines, 'schema_version')}: schema_version must be {SCHEMA_VERSION}")
    if "catalogue" in data:
        try:
            _CatalogueMeta.model_validate(data["catalogue"])
        except ValidationError as exc:
            for err in exc.errors():
                errors.append(f"{source}:{find_top_key(lines, 'catalogue')}: catalogue field '{dotted_loc(err['loc'])}': {message(err)}")
    raw_procs = data.get("procedure")
    if not isinstance(raw_procs, list) or not raw_procs:
        errors.append(f"{source}:1: no [[procedure]] tables found")
        raise CatalogueError(errors)

    starts = [i for i, ln in enumerate(lines) if re.match(r"^\s*\[\[\s*procedure\s*\]\]", ln)]
    blocks = [(s, starts[i + 1] if i + 1 < len(starts) else len(lines)) for i, s in enumerate(starts)]
    if len(blocks) != len(raw_procs):  # e.g. procedure = [...] written inline: fall back to whole-file search
        blocks = [(0, len(lines))] * len(raw_procs)

    procs: list[_Placed] = []
    for raw, (start, end) in zip(raw_procs, blocks, strict=True):
        code = raw.get("code", "?") if isinstance(raw, dict) else "?"
        try:
            procs.append(_Placed(Procedure.model_validate(raw), lines, start, end))
        except ValidationError as exc:
            errs = exc.errors()
            for err in errs:
                loc = tuple(err["loc"])
                if err.get("type") == "too_short" and any(len(o["loc"]) > len(loc) and tuple(o["loc"][: len(loc)]) == loc for o in errs):
                    continue  # "needs at least 1 item" only because that item was itself rejected
                # a missing key has no line of its own: point at the table or item that lacks it
                line = locate(lines, start, end, loc[:-1] if err.get("type") == "missing" else loc)
                where = f" field '{dotted_loc(loc)}'" if loc else ""
                errors.append(f"{source}:{line}: procedure {code}{where}: {message(err)}")

    errors.extend(_cross_checks(procs, source))
    if errors:
        raise CatalogueError(errors)
    return Catalogue([item.proc for item in procs], source=source)


@dataclass(frozen=True)
class _Placed:
    """A validated procedure and where its [[procedure]] block sits in the file."""

    proc: Procedure
    lines: list[str]
    start: int
    end: int

    @property
    def line(self) -> int:
        return self.start + 1

    def line_of(self, key: str) -> int:
        return locate(self.lines, self.start, self.end, (key,))


def _cross_checks(procs: list[_Placed], source: str) -> list[str]:
    errors: list[str] = []
    seen: dict[tuple[str, str], _Placed] = {}
    by_code: dict[str, list[_Placed]] = {}
    for item in procs:
        p = item.proc
        key = (p.code.upper(), p.version)
        if key in seen:
            errors.append(
                f"{source}:{item.line_of('version')}: procedure {p.code} field 'version': duplicate version "
                f"'{p.version}' (first defined in the [[procedure]] at line {seen[key].line})"
            )
            continue
        seen[key] = item
        by_code.setdefault(p.code.upper(), []).append(item)
    for versions in by_code.values():
        versions.sort(key=lambda it: it.proc.effective_from)
        for a, b in zip(versions, versions[1:], strict=False):
            pa, pb = a.proc, b.proc
            if pa.effective_to is None or pa.effective_to >= pb.effective_from:
                a_end = pa.effective_to.isoformat() if pa.effective_to else "open-ended"
                errors.append(
                    f"{source}:{b.line_of('effective_from')}: procedure {pb.code} field 'effective_from': version "
                    f"'{pb.version}' starts {pb.effective_from.isoformat()} while version '{pa.version}' "
                    f"(line {a.line}) is in effect until {a_end}; effective ranges of one code must not overlap"
                )
    ranks: dict[int, _Placed] = {}
    for item in procs:
        p = item.proc
        if p.popular is None:
            continue
        other = ranks.get(p.popular)
        if other and other.proc.code.upper() != p.code.upper():
            errors.append(
                f"{source}:{item.line_of('popular')}: procedure {p.code} field 'popular': rank {p.popular} "
                f"is already used by {other.proc.code} (line {other.line})"
            )
        else:
            ranks.setdefault(p.popular, item)
    return errors


# Form checking lives in its own module; re-exported so callers need one import.
from kiosk.core.catalogue_forms import FormCheck, FormError, check_form, form_errors, validate_form  # noqa: E402

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Document",
    "FieldSummary",
    "FormCheck",
    "FormError",
    "FormField",
    "Procedure",
    "SelectOption",
    "TimeLimitSpec",
    "Validation",
    "bundled_catalogue_path",
    "check_form",
    "configured_catalogue_path",
    "form_errors",
    "load_catalogue",
    "load_configured_catalogue",
    "parse_catalogue",
    "validate_form",
]

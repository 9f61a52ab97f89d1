"""Where the chip's access key comes from: the printed QR, the MRZ text, or a typed ID + date of birth.

Why: BAC needs document number + birth date + expiry, PACE-CAN needs the last 6 ID digits. The QR and a
typed ID give no exact expiry, so the candidates of the renewal rules (ages 14/25/40/60, the 2-year rule,
"no expiry" = 991231) are derived and tried in order, at most three. Errors never echo the input.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .errors import CardParseError
from .mrz import MrzError, parse_td1

MAX_ATTEMPTS = 3
RENEWAL_AGES = (14, 25, 40, 60)
NO_EXPIRY = "991231"
MIN_BIRTH_YEAR = 1900


def _digits(text: str) -> bool:
    """ASCII digits only (``str.isdigit`` also accepts '²', '٣'… which ``int`` then rejects or misreads)."""
    return text.isascii() and text.isdigit()


class KeySourceError(CardParseError):
    """The QR/MRZ/typed data cannot be used; the message names the problem, never the value."""


@dataclass(frozen=True)
class BacCandidate:
    doc_number: str
    birth: str  # yymmdd
    expiry: str  # yymmdd


@dataclass
class KeySource:
    """Everything needed to open the chip; a value object the UI builds from what the citizen gave."""

    id_number: str
    birth: str  # yymmdd
    expiry_candidates: list[str] = field(default_factory=list)  # yymmdd, most likely first
    doc_number: str | None = None  # from the MRZ (otherwise the last 9 ID digits)
    origin: str = "typed"  # "qr" | "mrz" | "typed"

    @property
    def can(self) -> str:
        return self.id_number[-6:]

    def bac_candidates(self) -> list[BacCandidate]:
        doc = self.doc_number or self.id_number[-9:]
        return [BacCandidate(doc, self.birth, e) for e in self.expiry_candidates[:MAX_ATTEMPTS]]

    def __repr__(self) -> str:  # never show the key material
        return f"KeySource(origin={self.origin!r}, candidates={len(self.expiry_candidates)})"

    def wipe(self) -> None:
        self.id_number = ""
        self.birth = ""
        self.expiry_candidates = []
        self.doc_number = None


def _yymmdd(d: date) -> str:
    return d.strftime("%y%m%d")


def _birthday(dob: date, year: int) -> date:
    try:
        return dob.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)


def expiry_candidates(dob: date, issued: date | None = None, today: date | None = None) -> list[str]:
    """Expiry dates to try, most likely first (chip.md §1.4): at most three, ``991231`` last."""
    today = today or date.today()
    milestones = [_birthday(dob, dob.year + age) for age in RENEWAL_AGES if dob.year + age <= 9999]
    out: list[str] = []
    if issued is not None:
        age_at_issue = issued.year - dob.year - ((issued.month, issued.day) < (dob.month, dob.day))
        upcoming = [m for m in milestones if m > issued]
        if age_at_issue < 58 and upcoming:
            first = upcoming[0]
            after = _yymmdd(upcoming[1]) if len(upcoming) > 1 else NO_EXPIRY
            if (first - issued).days < 730:  # issued within 2 years of a milestone: valid to the next one
                out += [after, _yymmdd(first)]
            else:
                out += [_yymmdd(first), after]
    else:
        out += [_yymmdd(m) for m in milestones if m > today][:2]
    out.append(NO_EXPIRY)
    unique = list(dict.fromkeys(out))
    return unique[:MAX_ATTEMPTS]


def _check_id(id_number: str) -> str:
    if not isinstance(id_number, str):
        raise KeySourceError("the ID number must have 12 digits")
    id_number = id_number.strip()
    if len(id_number) != 12 or not _digits(id_number):
        raise KeySourceError("the ID number must have 12 digits")
    return id_number


def _check_birth(dob: date, today: date | None = None) -> date:
    """A date of birth the renewal rules can work with: from 1900 up to today (a year 9990 ends here)."""
    today = today or date.today()
    if not date(MIN_BIRTH_YEAR, 1, 1) <= dob <= today:
        raise KeySourceError("the date of birth is not between 1900 and today")
    return dob


def _ddmmyyyy(text: str, what: str) -> date:
    text = text.strip()
    if len(text) != 8 or not _digits(text):
        raise KeySourceError(f"{what} in the QR must be ddmmyyyy")
    try:
        return date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError as exc:
        raise KeySourceError(f"{what} in the QR is not a valid date") from exc


@dataclass(repr=False)
class QrData:
    id_number: str
    old_id: str | None
    full_name: str
    birth_date: date
    sex: str
    address: str
    issue_date: date | None
    expiry_date: date | None = None


def parse_qr(text: str) -> QrData:
    """Parse the CCCD QR: ID|old ID|name|DOB ddmmyyyy|sex|address|issue ddmmyyyy[|expiry]."""
    if not isinstance(text, str) or len(text) > 2000:
        raise KeySourceError("QR text is not a CCCD QR")
    text = unicodedata.normalize("NFC", text.strip().strip("\x00"))
    fields = text.split("|")
    if len(fields) not in (7, 8):
        raise KeySourceError("the CCCD QR has 7 fields separated by |")
    id_number = _check_id(fields[0])
    old = fields[1].strip() or None
    if old is not None and (not _digits(old) or len(old) not in (9, 12)):
        raise KeySourceError("the old ID number in the QR must be 9 or 12 digits")
    dob = _check_birth(_ddmmyyyy(fields[3], "date of birth"))
    issued = _ddmmyyyy(fields[6], "issue date") if fields[6].strip() else None
    if issued is not None and not dob <= issued <= date.today():
        raise KeySourceError("the issue date in the QR is not between the date of birth and today")
    expiry = None
    if len(fields) == 8 and fields[7].strip():
        expiry = _ddmmyyyy(fields[7], "expiry date")
    return QrData(id_number, old, fields[2].strip(), dob, fields[4].strip(), fields[5].strip(), issued, expiry)


def from_qr(text: str, today: date | None = None) -> KeySource:
    qr = parse_qr(text)
    cands = expiry_candidates(qr.birth_date, qr.issue_date, today)
    if qr.expiry_date is not None:
        cands = [_yymmdd(qr.expiry_date)] + [c for c in cands if c != _yymmdd(qr.expiry_date)]
    return KeySource(qr.id_number, _yymmdd(qr.birth_date), cands[:MAX_ATTEMPTS], origin="qr")


def from_mrz(text: str) -> KeySource:
    try:
        td = parse_td1(text)
    except MrzError as exc:
        raise KeySourceError(str(exc)) from exc
    id_number = td.id_number or ""
    if not id_number:
        # a TD1 without the 12-digit ID: BAC still works, PACE-CAN cannot
        id_number = "000" + td.document_number if _digits(td.document_number) else ""
        if not id_number:
            raise KeySourceError("the MRZ does not hold a CCCD number")
    return KeySource(id_number, td.birth_date, [td.expiry_date], doc_number=td.document_number, origin="mrz")


def from_typed(id_number: str, dob: date | str, expiry: date | str | None = None, today: date | None = None) -> KeySource:
    id_number = _check_id(id_number)
    dob_d = _check_birth(_iso(dob, "date of birth"), today)
    if expiry is not None:
        cands = [_yymmdd(_iso(expiry, "expiry date")) if not _is_no_expiry(expiry) else NO_EXPIRY]
    else:
        cands = expiry_candidates(dob_d, None, today)
    return KeySource(id_number, _yymmdd(dob_d), cands, origin="typed")


def _is_no_expiry(value: date | str) -> bool:
    return isinstance(value, str) and value.strip() in ("", NO_EXPIRY, "9999-12-31")


def _iso(value: date | str, what: str) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) > 40:
        raise KeySourceError(f"{what} must be YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError, TypeError) as exc:
        raise KeySourceError(f"{what} must be YYYY-MM-DD") from exc

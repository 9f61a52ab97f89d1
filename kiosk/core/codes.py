"""Dossier codes (mã hồ sơ): ``{agency code}-{yyMMdd}-{NNNN}``, a per-agency, per-day sequence.

The format is pure; the counter lives in the database (kiosk.models.sequences) and is bumped in the same
transaction as the dossier insert, so a rolled-back submission leaves no gap and two processes never get the
same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.config import AGENCY_CODE_RE

CODE_RE = re.compile(r"^(?P<agency>\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(?P<day>\d{6})-(?P<seq>\d{4,})$")
MAX_PER_DAY = 9999


class DossierCodeError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class DossierCode:
    agency: str
    day: date
    seq: int

    def __str__(self) -> str:
        return format_code(self.agency, self.day, self.seq)


def format_code(agency: str, day: date, seq: int) -> str:
    if not AGENCY_CODE_RE.fullmatch(agency):
        raise DossierCodeError(f"invalid agency code {agency!r}")
    if not 1 <= seq:
        raise DossierCodeError("sequence numbers start at 1")
    if seq > MAX_PER_DAY:
        raise DossierCodeError(f"more than {MAX_PER_DAY} dossiers in one day for {agency}")
    return f"{agency}-{day:%y%m%d}-{seq:04d}"


def parse_code(text: str) -> DossierCode:
    m = CODE_RE.fullmatch(text.strip())
    if not m:
        raise DossierCodeError(f"not a dossier code: {text!r} (expected 000.00.06.H56-261125-0001)")
    try:  # codes exist only from 2000 on: yy is always 20yy (strptime would read 69-99 as 19xx)
        day = datetime.strptime("20" + m["day"], "%Y%m%d").date()
    except ValueError as exc:
        raise DossierCodeError(f"not a dossier code: bad date in {text!r}") from exc
    return DossierCode(m["agency"], day, int(m["seq"]))


def looks_like_code(text: str) -> bool:
    try:
        parse_code(text)
    except DossierCodeError:
        return False
    return True

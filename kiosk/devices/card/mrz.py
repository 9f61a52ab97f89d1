"""Machine-readable zone (TD1, 3×30) of the CCCD: check digits, parsing, and the BAC fields.

Why: the key for BAC comes from the MRZ (document number, birth date, expiry); the MRZ in DG1 is also
shown to staff. Check digits catch OCR/typing mistakes before they cost a BAC attempt.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import CardParseError

_WEIGHTS = (7, 3, 1)


class MrzError(CardParseError):
    """The MRZ text is malformed or a check digit does not match (never includes the text)."""


def _value(ch: str) -> int:
    if "0" <= ch <= "9":  # ASCII only: str.isdigit() also accepts '²', '٣'…
        return ord(ch) - 48
    if "A" <= ch <= "Z":
        return ord(ch) - 55
    if ch == "<":
        return 0
    raise MrzError("invalid MRZ character")


def check_digit(field: str) -> str:
    return str(sum(_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(field)) % 10)


@dataclass(frozen=True)
class Td1:
    document_code: str
    issuing_state: str
    document_number: str  # 9 chars: last 9 digits of the ID on a CCCD
    optional1: str  # the full 12-digit ID on a CCCD
    birth_date: str  # yymmdd
    sex: str
    expiry_date: str  # yymmdd
    nationality: str
    optional2: str
    names: str  # "SURNAME<<GIVEN<NAMES"
    text: str  # the 90 characters

    @property
    def id_number(self) -> str | None:
        digits = self.optional1[:12]
        return digits if digits.isascii() and digits.isdigit() else None

    @property
    def name(self) -> str:
        surname, _, given = self.names.partition("<<")
        return " ".join(p for p in (surname.replace("<", " ").strip(), given.replace("<", " ").strip()) if p)

    @property
    def lines(self) -> list[str]:
        return [self.text[0:30], self.text[30:60], self.text[60:90]]


def normalise(text: str) -> str:
    """Accept the MRZ as 3 lines or 90 characters; tolerate spaces, lower case and « for <."""
    if not isinstance(text, str) or len(text) > 400:
        raise MrzError("a TD1 MRZ has 3 lines of 30 characters")
    cleaned = "".join(text.split()).upper().replace("«", "<")
    if len(cleaned) != 90:
        raise MrzError("a TD1 MRZ has 3 lines of 30 characters")
    for ch in cleaned:
        _value(ch)
    return cleaned


def parse_td1(text: str, *, verify: bool = True) -> Td1:
    t = normalise(text)
    l1, l2, l3 = t[0:30], t[30:60], t[60:90]
    td = Td1(
        document_code=l1[0:2],
        issuing_state=l1[2:5],
        document_number=l1[5:14],
        optional1=l1[15:30],
        birth_date=l2[0:6],
        sex=l2[7],
        expiry_date=l2[8:14],
        nationality=l2[15:18],
        optional2=l2[18:29],
        names=l3,
        text=t,
    )
    if verify:
        if check_digit(l1[5:14]) != l1[14]:
            raise MrzError("document number check digit mismatch")
        if check_digit(l2[0:6]) != l2[6]:
            raise MrzError("birth date check digit mismatch")
        if check_digit(l2[8:14]) != l2[14]:
            raise MrzError("expiry date check digit mismatch")
        if l1[15:27].isdigit() and l1[29] != "<" and check_digit(l1[15:27]) != l1[29]:
            raise MrzError("ID number check digit mismatch")
        composite = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
        if check_digit(composite) != l2[29]:
            raise MrzError("composite check digit mismatch")
    return td


def build_td1(id_number: str, birth: str, sex: str, expiry: str, surname: str, given: str) -> str:
    """Compose a CCCD TD1 MRZ (used by the virtual card profiles and tests)."""
    doc = id_number[-9:]
    opt1 = (id_number + "<<").ljust(14, "<")
    l1 = f"IDVNM{doc}{check_digit(doc)}{opt1}"
    l1 = l1 + check_digit(id_number) if len(l1) == 29 else l1[:29] + check_digit(id_number)
    nat_opt = "VNM" + "<" * 11
    l2_wo = f"{birth}{check_digit(birth)}{sex}{expiry}{check_digit(expiry)}{nat_opt}"
    composite = l1[5:30] + l2_wo[0:7] + l2_wo[8:15] + l2_wo[18:29]
    l2 = l2_wo + check_digit(composite)
    names = (surname.replace(" ", "<") + "<<" + given.replace(" ", "<"))[:30].ljust(30, "<")
    return l1 + l2 + names

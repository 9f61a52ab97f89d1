"""The one typed object holding what was read from a card, and the result of a read.

Why: the rest of the app (forms, dossiers, UI) uses :class:`CardData` only — never raw data groups — and
the session calls :meth:`CardData.wipe` on finish, cancel or idle timeout. ``repr`` shows no personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Literal

PassiveAuth = Literal["verified", "chain_unverified", "failed"]
ActiveAuth = Literal["verified", "failed", "absent"]
ChipAuth = Literal["verified", "failed", "absent", "unsupported"]

JSON_CARD_KEYS = (
    "id_number",
    "full_name",
    "date_of_birth",
    "sex",
    "nationality",
    "ethnicity",
    "religion",
    "place_of_origin",
    "place_of_residence",
    "identifying_marks",
    "date_of_issue",
    "date_of_expiry",
    "father_name",
    "mother_name",
    "spouse_name",
    "old_id_number",
    "mrz",
)


@dataclass(repr=False)
class CardData:
    id_number: str | None = None
    full_name: str | None = None
    date_of_birth: date | str | None = None
    sex: str | None = None
    nationality: str | None = None
    ethnicity: str | None = None
    religion: str | None = None
    place_of_origin: str | None = None
    place_of_residence: str | None = None
    identifying_marks: str | None = None
    date_of_issue: date | str | None = None
    date_of_expiry: date | str | None = None  # a date, or text such as "Không thời hạn"
    father_name: str | None = None
    mother_name: str | None = None
    spouse_name: str | None = None
    old_id_number: str | None = None
    mrz: str | None = None  # three TD1 lines joined by "\n"
    photo_jpeg: bytes | None = None
    extra_fields: dict[int, object] = field(default_factory=dict)  # DG13 fields not mapped above, raw

    def __repr__(self) -> str:
        return "CardData(<personal data hidden>)"

    def to_json_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key in JSON_CARD_KEYS:
            value = getattr(self, key)
            out[key] = value.isoformat() if isinstance(value, date) else value
        return out

    def wipe(self) -> None:
        """Drop every personal value (best effort in Python: references are released)."""
        for f in fields(self):
            if f.name == "extra_fields":
                self.extra_fields.clear()
            else:
                setattr(self, f.name, None)


@dataclass
class ReadStats:
    apdus: int = 0
    read_binary: int = 0
    bytes: int = 0
    seconds: float = 0.0
    reauth: int = 0
    resumed: int = 0
    extended_length: bool = False
    block_size: int = 0

    def to_json_dict(self) -> dict[str, object]:
        return {"apdus": self.apdus, "read_binary": self.read_binary, "bytes": self.bytes, "seconds": round(self.seconds, 3)}


@dataclass(repr=False)
class ReadResult:
    card: CardData
    auth: Literal["BAC", "PACE"]
    passive_auth: PassiveAuth
    active_auth: ActiveAuth
    stats: ReadStats
    passive_auth_detail: str = ""
    raw_files: dict[str, bytes] = field(default_factory=dict)  # "SOD", "DG1", … exactly as read
    require_trusted_chain: bool = False  # the site's trust policy at read time (kiosk.devices.card.trust)
    chip_auth: ChipAuth = "absent"  # Chip Authentication with DG14's key (kiosk.devices.card.chipauth)

    def __repr__(self) -> str:
        return (f"ReadResult(auth={self.auth}, passive_auth={self.passive_auth}, active_auth={self.active_auth}, "
                f"chip_auth={self.chip_auth})")

    def to_json_dict(self) -> dict[str, object]:
        return {
            "card": self.card.to_json_dict(),
            "auth": self.auth,
            "passive_auth": self.passive_auth,
            "active_auth": self.active_auth,
            "chip_auth": self.chip_auth,
            "stats": self.stats.to_json_dict(),
        }

    def ensure_trusted(self) -> ReadResult:
        """Apply the trust policy (kiosk.devices.card.trust): raise PassiveAuthFailed when the data does not
        match its signature, ActiveAuthFailed when the chip failed active authentication, CardNotVerified
        when the policy requires a trusted chain and the Document Signer does not chain to the store."""
        from .trust import refusal

        err = refusal(self, self.require_trusted_chain)
        if err is not None:
            raise err
        return self

    def wipe(self) -> None:
        self.card.wipe()
        self.raw_files.clear()

"""A simulated card reader with the same interface as the real one, for the early UI tests and offline demos.

Why: the screens had to be built and tested before the chip package could read the virtual card through
pcscd. This reader checks the access key like a chip does (ID + date of birth must match a demo citizen,
otherwise AccessDenied), reports progress in steps, and can be told to fail the next read with any of the
card package's typed errors, so error screens are testable. Production never uses it (open_card_reader
picks the pcscd reader when the card package provides one).
"""

from __future__ import annotations

import io
import time
from datetime import date

from kiosk.devices.card import errors as card_errors
from kiosk.devices.card.keys import KeySource
from kiosk.devices.card.model import CardData, ReadResult, ReadStats

DEMO_CITIZENS: list[dict[str, object]] = [
    {
        "id_number": "038186001234",
        "full_name": "Nguyễn Thị Hương",
        "date_of_birth": date(1986, 3, 15),
        "sex": "Nữ",
        "nationality": "Việt Nam",
        "ethnicity": "Kinh",
        "religion": "Không",
        "place_of_origin": "Xã Quảng Hùng, Thành phố Sầm Sơn, Thanh Hóa",
        "place_of_residence": "Số 12 Lê Lợi, Phường Điện Biên, Thành phố Thanh Hóa, Thanh Hóa",
        "date_of_issue": date(2021, 6, 10),
        "date_of_expiry": date(2026, 3, 15),
        "father_name": "Nguyễn Văn Đức",
        "mother_name": "Lê Thị Mận",
    },
    {
        "id_number": "001058004321",
        "full_name": "Trần Văn Bình",
        "date_of_birth": date(1958, 11, 2),
        "sex": "Nam",
        "nationality": "Việt Nam",
        "ethnicity": "Kinh",
        "religion": "Không",
        "place_of_origin": "Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội",
        "place_of_residence": "Số 5 ngõ 32 Hàng Bạc, Phường Hoàn Kiếm, Hà Nội",
        "date_of_issue": date(2022, 1, 20),
        "date_of_expiry": "Không thời hạn",
        "father_name": "Trần Văn Lộc",
        "mother_name": "Phạm Thị Hoa",
        "spouse_name": "Đỗ Thị Lan",
    },
]


def demo_qr(index: int = 0) -> str:
    """The printed-QR text of a demo citizen (7 fields, as a 2D scanner types it)."""
    c = DEMO_CITIZENS[index]
    dob: date = c["date_of_birth"]  # type: ignore[assignment]
    issued: date = c["date_of_issue"]  # type: ignore[assignment]
    return "|".join([
        str(c["id_number"]), "", str(c["full_name"]), dob.strftime("%d%m%Y"), str(c["sex"]),
        str(c["place_of_residence"]), issued.strftime("%d%m%Y"),
    ])


def _photo(initials: str) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (120, 160), (205, 214, 226))
    d = ImageDraw.Draw(img)
    d.ellipse((30, 22, 90, 92), fill=(120, 132, 150))
    d.rounded_rectangle((14, 98, 106, 170), radius=30, fill=(120, 132, 150))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


class SimulatedCardReader:
    """Same interface as the pcscd reader: ``read(key, progress) -> ReadResult`` (blocking)."""

    def __init__(self, step_delay: float = 0.05, citizens: list[dict[str, object]] | None = None) -> None:
        self.step_delay = step_delay
        self.citizens = citizens or DEMO_CITIZENS
        self.fail_next: list[card_errors.CardError] = []
        self.reads = 0

    def read(self, key: KeySource, progress=None) -> ReadResult:  # type: ignore[no-untyped-def]
        self.reads += 1
        total = 18_000
        if self.fail_next:
            err = self.fail_next.pop(0)
            if progress:
                progress(total // 3, total)
            time.sleep(self.step_delay)
            raise err
        match = None
        for c in self.citizens:
            dob: date = c["date_of_birth"]  # type: ignore[assignment]
            if c["id_number"] == key.id_number and dob.strftime("%y%m%d") == key.birth:
                match = c
        time.sleep(self.step_delay)
        if match is None:
            raise card_errors.AccessDenied()
        for i in range(1, 7):
            if progress:
                progress(total * i // 6, total)
            time.sleep(self.step_delay)
        data = CardData(**{k: v for k, v in match.items()})  # type: ignore[arg-type]
        data.photo_jpeg = _photo("")
        return ReadResult(card=data, auth="PACE", passive_auth="chain_unverified", active_auth="absent",
                          stats=ReadStats(apdus=40, read_binary=12, bytes=total, seconds=self.step_delay * 7))

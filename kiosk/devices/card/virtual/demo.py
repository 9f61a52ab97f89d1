"""The demo citizen and a generated passport-style photo for ``kiosk demo`` and the tests.

Why: the whole product must work with no hardware and no real personal data. The citizen below is
invented (ID with a valid Hà Nội province code and the 1900s-female century digit), and the JPEG is drawn
with Pillow at run time to the 15–20 KB size of a real DG2.
"""

from __future__ import annotations

import datetime as dt
import io
import random

from .profile import Citizen


def demo_citizen() -> Citizen:
    return Citizen(
        id_number="001190012345",  # 001 = Hà Nội, 1 = female born 1900–1999, 90 = 1990
        full_name="Nguyễn Thị Hương",
        mrz_surname="NGUYEN",
        mrz_given="THI HUONG",
        birth=dt.date(1990, 3, 12),
        sex="Nữ",
        issue=dt.date(2021, 4, 15),
        expiry=dt.date(2030, 3, 12),
        place_of_origin="Xã Đông Sơn, Huyện Đông Sơn, Thanh Hóa",
        place_of_residence="Số 12 Ngõ 34 Phố Trần Phú, Phường Điện Biên, Quận Ba Đình, Hà Nội",
        identifying_marks="Nốt ruồi C:2cm trên trước đầu lông mày trái",
        father="Nguyễn Văn Hùng",
        mother="Trần Thị Lan",
        spouse=None,
        old_id="013456789",
    )


def elderly_citizen() -> Citizen:
    """A card issued after 60: expiry "Không thời hạn", MRZ 991231."""
    return Citizen(
        id_number="038055001122",  # 038 = Thanh Hóa, 0 = male born 1900s
        full_name="Lê Văn Bình",
        mrz_surname="LE",
        mrz_given="VAN BINH",
        birth=dt.date(1955, 7, 2),
        sex="Nam",
        issue=dt.date(2021, 6, 1),
        expiry=None,
        religion="Phật giáo",
        place_of_origin="Xã Quảng Xương, Thanh Hóa",
        place_of_residence="Thôn 3, Xã Quảng Tân, Huyện Quảng Xương, Thanh Hóa",
        identifying_marks="Sẹo chấm C:1cm dưới cằm",
        father=None,
        mother="Phạm Thị Đào",
        spouse="Hoàng Thị Mai",
    )


def make_photo(target_min: int = 15_000, target_max: int = 20_000, seed: int = 7) -> bytes:
    """A 360×480 portrait-like JPEG whose size falls in [target_min, target_max] bytes."""
    from PIL import Image, ImageDraw, ImageFilter

    rnd = random.Random(seed)
    img = Image.new("RGB", (360, 480), (226, 232, 240))
    draw = ImageDraw.Draw(img)
    # shoulder-length hair framing the face: the demo citizen is a woman (the kiosk shows this photo on
    # "Đây có phải là bạn?", and a short-haired drawing next to "Nguyễn Thị Hương" looked wrong)
    draw.rounded_rectangle((78, 62, 282, 372), radius=90, fill=(30, 24, 22))  # hair, behind
    draw.ellipse((40, 330, 320, 620), fill=(40, 60, 110))  # shoulders
    draw.rectangle((150, 290, 210, 360), fill=(224, 186, 160))  # neck
    draw.ellipse((95, 90, 265, 310), fill=(232, 196, 170))  # face
    draw.chord((95, 70, 265, 190), 180, 360, fill=(30, 24, 22))  # fringe
    draw.ellipse((135, 180, 160, 195), fill=(40, 30, 30))
    draw.ellipse((200, 180, 225, 195), fill=(40, 30, 30))
    draw.arc((150, 240, 210, 270), 10, 170, fill=(150, 70, 70), width=3)
    noise = Image.effect_noise((360, 480), 24).convert("RGB")
    img = Image.blend(img, noise, 0.10).filter(ImageFilter.SMOOTH)
    lo, hi = 5, 95
    best = b""
    while lo <= hi:
        q = (lo + hi) // 2
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=q, optimize=True)
        data = buf.getvalue()
        if len(data) < target_min:
            lo = q + 1
        elif len(data) > target_max:
            hi = q - 1
        else:
            return data
        best = data
    _ = rnd
    return best

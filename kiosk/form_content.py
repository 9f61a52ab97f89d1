"""What each printed form says, as plain data, and the Vietnamese formatting the forms share.

Why: the renderers (reportlab, ESC/POS) should only lay out text they are given, and the UI may show the
same content on screen.  Building these records from a dossier lives in ``kiosk.core.document_builder``; here
are only frozen dataclasses and formatters, with no reportlab, Qt or database import, so they are trivial to
test.  This module sits outside kiosk/core on purpose: core fills these records and kiosk/devices draws them,
and devices may not import core (tests/unit/test_layering.py), so both depend on this leaf instead.

Forms (domain.md §2, TT 03/2025/TT-VPCP Phụ lục I): Mẫu 01 receipt and appointment, the 80 mm kiosk slip,
Mẫu 02 supplement request, Mẫu 03 refusal, Mẫu 04 apology and request to extend, Mẫu 05 stop notice. Words
that depend on the dossier's state (payment, delivery, how each paper was handed in) are resolved by the
builder from kiosk.core.workflow and arrive here as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

DEFAULT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

TITLE_RECEIPT = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
TITLE_SUPPLEMENT = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
TITLE_REFUSAL = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
TITLE_APOLOGY = "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"
TITLE_STOP = "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
TITLE_SLIP = "PHIẾU NỘP HỒ SƠ"
MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
PENDING_TEXT = "Chờ tiếp nhận — phản hồi trong 8 giờ làm việc"



def format_vn_time(dt: datetime | None, tz: tzinfo | None = None) -> str:
    """``14 giờ 05 phút, ngày 25/11/2026`` in the office's time zone; an empty string for None."""
    if dt is None:
        return ""
    local = dt.astimezone(tz or DEFAULT_TZ)
    return f"{local.hour:02d} giờ {local.minute:02d} phút, ngày {local:%d/%m/%Y}"


def format_vn_short(dt: datetime | None, tz: tzinfo | None = None) -> str:
    """``14:05 25/11/2026`` for the narrow slip."""
    if dt is None:
        return ""
    local = dt.astimezone(tz or DEFAULT_TZ)
    return f"{local:%H:%M %d/%m/%Y}"


def format_date_line(place: str, dt: datetime, tz: tzinfo | None = None) -> str:
    """The place-and-date line under the motto: ``Thanh Hóa, ngày 25 tháng 11 năm 2026``."""
    local = dt.astimezone(tz or DEFAULT_TZ)
    return f"{place}, ngày {local.day:02d} tháng {local.month:02d} năm {local.year}"


def format_money(amount: int) -> str:
    """``1.500.000 đồng`` (Vietnamese grouping with dots)."""
    return f"{format_decimal(int(amount), locale='vi_VN')} đồng"


@dataclass(frozen=True, slots=True)
class AgencyHeader:
    parent_body: str
    unit_name: str
    place_name: str
    hotline: str
    website: str


@dataclass(frozen=True, slots=True)
class Applicant:
    full_name: str
    id_number: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """One paper of the dossier with its counts per kind of copy."""

    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0
    how: str = ""  # how it was handed in ("Bản quét (đã số hóa)", "Nộp bản giấy tại quầy", …)


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """Mẫu 01: giấy tiếp nhận hồ sơ và hẹn trả kết quả."""

    header: AgencyHeader
    dossier_code: str
    tracking_url: str
    issued_at: datetime
    applicant: Applicant
    procedure_code: str
    procedure_name: str
    documents: tuple[DocumentLine, ...]
    sets_count: int
    time_limit_text: str
    received_at: datetime | None  # when the time limit runs from (acceptance)
    due_at: datetime | None  # computed from received_at
    delivery: str = "counter"
    fee: int = 0
    payment_state: str = "none"
    delivery_options: tuple[tuple[str, bool], ...] = ()  # (label, chosen) for line 6
    payment_text: str = ""  # "Chưa nộp", "Đã nộp tại quầy", …
    fee_basis: str = ""  # "mức thu nộp trực tuyến" / "mức thu nộp trực tiếp"
    # not accepted yet: the due time lies between these (accepted at once / at the 8-working-hour deadline)
    due_earliest: datetime | None = None
    due_latest: datetime | None = None
    owner_name: str | None = None  # chủ hồ sơ, when not the person submitting
    book_number: str = "......"
    book_sequence: str = "......"
    note: str | None = None
    staff_name: str | None = None
    copies: int = 1
    tz: tzinfo = DEFAULT_TZ


@dataclass(frozen=True, slots=True)
class SlipData:
    """The 80 mm thermal slip handed out at the kiosk."""

    header: AgencyHeader
    dossier_code: str
    tracking_url: str
    procedure_name: str
    submitted_at: datetime
    received_at: datetime | None
    due_at: datetime | None
    pending: bool  # online/kiosk dossier not yet accepted by an official
    accept_deadline: datetime | None = None
    fee: int = 0
    payment_state: str = "none"
    payment_payload: str | None = None  # VietQR string when a fee is still unpaid
    kiosk_name: str | None = None
    tz: tzinfo = DEFAULT_TZ
    payment_text: str = ""
    fee_basis: str = ""
    due_earliest: datetime | None = None  # pending: the due time if accepted at once …
    due_latest: datetime | None = None  # … and if accepted at the 8-working-hour deadline
    documents: tuple[DocumentLine, ...] = ()  # the papers provided, with how


@dataclass(frozen=True, slots=True)
class SupplementItem:
    """A missing or wrong paper and why; the reason is stated once, in full."""

    name: str
    reason: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0


@dataclass(frozen=True, slots=True)
class SupplementData:
    """Mẫu 02: phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."""

    header: AgencyHeader
    dossier_code: str
    issued_at: datetime
    applicant: Applicant
    procedure_name: str
    submitted_at: datetime | None
    items: tuple[SupplementItem, ...]
    guidance: str = ""
    legal_basis: str | None = None
    staff_name: str | None = None
    staff_phone: str | None = None
    tz: tzinfo = DEFAULT_TZ


@dataclass(frozen=True, slots=True)
class RefusalData:
    """Mẫu 03: phiếu từ chối tiếp nhận giải quyết hồ sơ."""

    header: AgencyHeader
    dossier_code: str
    issued_at: datetime
    applicant: Applicant
    procedure_name: str
    submitted_at: datetime | None
    reason: str
    staff_name: str | None = None
    tz: tzinfo = DEFAULT_TZ


@dataclass(frozen=True, slots=True)
class StopData:
    """Mẫu 05 (TT 03/2025): thông báo dừng giải quyết hồ sơ."""

    header: AgencyHeader
    dossier_code: str
    issued_at: datetime
    applicant: Applicant
    procedure_name: str
    received_at: datetime | None
    reason: str
    staff_name: str | None = None
    tz: tzinfo = DEFAULT_TZ


@dataclass(frozen=True, slots=True)
class ApologyData:
    """Mẫu 04 (TT 03/2025): văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết."""

    header: AgencyHeader
    dossier_code: str
    issued_at: datetime
    applicant: Applicant
    procedure_name: str
    received_at: datetime | None
    old_due: datetime | None
    new_due: datetime
    reason: str
    staff_name: str | None = None
    tz: tzinfo = DEFAULT_TZ


@dataclass(frozen=True)
class ResultFileData:
    """The dossier's signed result (a PDF the agency issued), printed as it is: nothing is drawn on it."""

    dossier_code: str
    pdf: bytes
    title: str = "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"

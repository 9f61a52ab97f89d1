"""Shared shapes of the printing package: a rendered document, a print result, the printer interface.

Why: the kiosk flow and the staff console talk to one small interface (:class:`Printer`) whatever the back
end (PDF file, CUPS queue, raw ESC/POS), and get back a :class:`PrintResult` whose state they can show and
act on (retry, change paper) instead of an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

PageKind = Literal["a4", "80mm"]
PrintState = Literal["ok", "offline", "out_of_paper", "queue_missing", "error"]

MESSAGES: dict[str, tuple[str, str]] = {
    "ok": ("Đã in xong.", "Printed."),
    "offline": (
        "Máy in đang tắt hoặc mất kết nối. Vui lòng báo cán bộ; hồ sơ của bạn đã được lưu.",
        "The printer is off or disconnected. Please tell a staff member; your dossier is saved.",
    ),
    "out_of_paper": (
        "Máy in hết giấy. Vui lòng báo cán bộ để in lại; hồ sơ của bạn đã được lưu.",
        "The printer is out of paper. Please ask a staff member to reprint; your dossier is saved.",
    ),
    "queue_missing": (
        "Chưa cài đặt máy in này. Vui lòng báo cán bộ; hồ sơ của bạn đã được lưu.",
        "This printer is not set up. Please tell a staff member; your dossier is saved.",
    ),
    "error": (
        "Không in được phiếu. Cán bộ có thể in lại sau; hồ sơ của bạn đã được lưu.",
        "The slip could not be printed. Staff can reprint it later; your dossier is saved.",
    ),
}


@dataclass(frozen=True, slots=True)
class ThermalText:
    text: str
    size: float = 9.0  # points on the 80 mm page
    bold: bool = False
    align: Literal["left", "center"] = "left"


@dataclass(frozen=True, slots=True)
class ThermalQR:
    data: str
    size: float = 100.0  # points
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class ThermalRule:
    pass


@dataclass(frozen=True, slots=True)
class ThermalSpace:
    height: float = 4.0


ThermalItem = ThermalText | ThermalQR | ThermalRule | ThermalSpace


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """A form ready for any back end: the PDF bytes, and for slips the line model ESC/POS rasterises."""

    form: str  # "01" | "02" | "03" | "04" | "slip" | "test"
    dossier_code: str
    title: str
    pdf: bytes
    page: PageKind
    page_size_pt: tuple[float, float]
    thermal: tuple[ThermalItem, ...] | None = None
    qr_payloads: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PrintResult:
    state: PrintState
    message_vi: str
    message_en: str
    detail: str = ""  # technical detail for the staff log (never personal data)
    path: Path | None = None  # PDF back end: the file written
    job_id: str | None = None  # CUPS request id
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.state == "ok"

    @classmethod
    def make(cls, state: PrintState, detail: str = "", **kwargs: object) -> PrintResult:
        vi, en = MESSAGES[state]
        return cls(state=state, message_vi=vi, message_en=en, detail=detail, **kwargs)  # type: ignore[arg-type]


class Printer(Protocol):
    """One printer back end."""

    name: str

    def print_document(self, doc: RenderedDocument) -> PrintResult: ...

    def status(self) -> PrintResult: ...

"""Low-level reportlab drawing shared by the A4 forms and the slip: wrapped text, QR, barcode, a cursor.

Why: the forms are drawn straight on a canvas (no platypus) because it is several times faster and gives
exact control of a government layout; these helpers keep each form's code about *what* goes where.
QR codes are drawn as vector rectangles from qrcode's matrix, so they stay sharp at any resolution.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.graphics.barcode.code39 import Standard39
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kiosk.devices.printing.fonts import BOLD, ITALIC, REGULAR, register_fonts

MM = 72 / 25.4


def new_canvas(size: tuple[float, float], title: str) -> tuple[Canvas, io.BytesIO]:
    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=size, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("kiosk")
    c.setCreator("kiosk")
    return c, buf


def finish(c: Canvas, buf: io.BytesIO) -> bytes:
    c.showPage()
    c.save()
    return buf.getvalue()


def face(bold: bool = False, italic: bool = False) -> str:
    return BOLD if bold else ITALIC if italic else REGULAR


def width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(simpleSplit(para, font, size, max_width) or [""])
    return lines


def fit_size(text: str, font: str, size: float, max_width: float, minimum: float = 7.0) -> float:
    """The largest size ≤ ``size`` at which ``text`` fits on one line."""
    w = stringWidth(text, font, size)
    if w <= max_width:
        return size
    return max(minimum, size * max_width / w)


# Thermal slips use one fixed mask pattern: choosing the best of the eight by penalty score costs ~6 ms per
# QR in pure Python (most of a slip's render time) and every mask decodes; A4 forms keep the scored choice.
FAST_MASK = 0


@lru_cache(maxsize=64)
def qr_matrix(data: str, mask: int | None = None) -> tuple[tuple[bool, ...], ...]:
    """The module matrix (no quiet zone) of a QR with error correction M; cached for reprints.
    ``mask`` fixes the mask pattern (0-7); None lets the encoder score all eight."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=mask)
    qr.add_data(data.encode("utf-8"))
    qr.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in qr.get_matrix())


def draw_qr(c: Canvas, data: str, x: float, y: float, size: float, mask: int | None = None) -> None:
    """A QR of ``data`` with its lower-left corner at (x, y), ``size`` points wide (quiet zone outside)."""
    matrix = qr_matrix(data, mask)
    n = len(matrix)
    m = size / n
    path = c.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + 1) * m
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                path.rect(x + start * m, top, (col - start) * m, m)
            else:
                col += 1
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(path, fill=1, stroke=0)
    c.restoreState()


def draw_code39(c: Canvas, value: str, x: float, y: float, height: float, max_width: float) -> float:
    """A Code 39 barcode of ``value`` (no human-readable line; the code is printed as text nearby).

    Returns the drawn width."""
    bar = 0.72
    code = Standard39(value.upper(), barWidth=bar, barHeight=height, checksum=0, quiet=0, ratio=2.5)
    if code.width > max_width:
        bar = bar * max_width / code.width
        code = Standard39(value.upper(), barWidth=bar, barHeight=height, checksum=0, quiet=0, ratio=2.5)
    code.drawOn(c, x, y)
    return float(code.width)


class Cursor:
    """A top-down writing position with page breaks for the A4 forms."""

    def __init__(
        self,
        c: Canvas,
        top: float,
        bottom: float,
        left: float,
        right: float,
        on_new_page: Callable[[Cursor], None] | None = None,
    ) -> None:
        self.c, self.top, self.bottom, self.left, self.right = c, top, bottom, left, right
        self.y = top
        self.on_new_page = on_new_page

    @property
    def width(self) -> float:
        return self.right - self.left

    def ensure(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.c.showPage()
            self.y = self.top
            if self.on_new_page:
                self.on_new_page(self)

    def space(self, h: float) -> None:
        self.y -= h

    def paragraph(
        self,
        text: str,
        size: float = 11,
        *,
        bold: bool = False,
        italic: bool = False,
        indent: float = 0,
        leading: float | None = None,
        align: str = "left",
        first_indent: float = 0,
    ) -> None:
        font = face(bold, italic)
        lead = leading or size * 1.45
        avail = self.width - indent
        lines = wrap(text, font, size, avail - first_indent) if first_indent else wrap(text, font, size, avail)
        if first_indent and len(lines) > 1:  # re-wrap the rest at full width
            rest = " ".join(lines[1:])
            lines = lines[:1] + wrap(rest, font, size, avail)
        for i, line in enumerate(lines):
            self.ensure(lead)
            self.y -= lead
            base = self.y + (lead - size) * 0.45
            self.c.setFont(font, size)
            x = self.left + indent + (first_indent if i == 0 else 0)
            if align == "center":
                self.c.drawCentredString((self.left + self.right) / 2, base, line)
            else:
                self.c.drawString(x, base, line)

    def label_value(self, label: str, value: str, size: float = 11, *, bold_value: bool = False) -> None:
        """``Label: value`` where the value wraps under the start of the line."""
        lead = size * 1.45
        lw = width(label + " ", REGULAR, size)
        vfont = face(bold_value)
        first = wrap(value or "", vfont, size, self.width - lw)
        rest: list[str] = []
        if len(first) > 1:
            rest = wrap(" ".join(first[1:]), vfont, size, self.width)
        self.ensure(lead)
        self.y -= lead
        base = self.y + (lead - size) * 0.45
        self.c.setFont(REGULAR, size)
        self.c.drawString(self.left, base, label)
        self.c.setFont(vfont, size)
        self.c.drawString(self.left + lw, base, first[0] if first else "")
        for line in rest:
            self.ensure(lead)
            self.y -= lead
            self.c.setFont(vfont, size)
            self.c.drawString(self.left, self.y + (lead - size) * 0.45, line)


def draw_table(
    cur: Cursor,
    headers: list[str],
    widths: list[float],
    rows: list[list[str]],
    *,
    size: float = 10,
    header_size: float = 9.5,
    align: list[str] | None = None,
) -> None:
    """A ruled table; cells wrap, the header row repeats after a page break."""
    c = cur.c
    align = align or ["left"] * len(headers)
    pad = 3.0
    lead = size * 1.3
    hlead = header_size * 1.25

    def row_height(cells: list[str], font: str, fsize: float, flead: float) -> tuple[float, list[list[str]]]:
        wrapped = [wrap(t, font, fsize, w - 2 * pad) for t, w in zip(cells, widths, strict=True)]
        return max(len(w) for w in wrapped) * flead + 2 * pad, wrapped

    def draw_row(cells: list[str], font: str, fsize: float, flead: float, centre_all: bool) -> None:
        h, wrapped = row_height(cells, font, fsize, flead)
        cur.ensure(h)
        top = cur.y
        x = cur.left
        c.setLineWidth(0.6)
        c.setFont(font, fsize)
        for i, (lines, w) in enumerate(zip(wrapped, widths, strict=True)):
            c.rect(x, top - h, w, h, stroke=1, fill=0)
            block = len(lines) * flead
            y0 = top - (h - block) / 2 - flead + (flead - fsize) * 0.5 + 1
            for j, line in enumerate(lines):
                yy = y0 - j * flead
                if centre_all or align[i] == "center":
                    c.drawCentredString(x + w / 2, yy, line)
                else:
                    c.drawString(x + pad, yy, line)
            x += w
        cur.y = top - h

    def header() -> None:
        draw_row(headers, BOLD, header_size, hlead, True)

    previous = cur.on_new_page

    def repeat(cur2: Cursor) -> None:
        if previous:
            previous(cur2)
        header()

    header()
    cur.on_new_page = repeat
    try:
        for row in rows:
            draw_row(row, REGULAR, size, lead, False)
    finally:
        cur.on_new_page = previous

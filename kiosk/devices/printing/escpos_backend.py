"""Raw ESC/POS thermal printing with python-escpos, text rendered as 1-bit images.

Why: ESC/POS code pages do not cover Vietnamese reliably (printers and clones map them differently, and
python-escpos switches pages mid-line), so the slip is rasterised with Pillow and the bundled TTF at the
printer's dot width (from its capability profile) and sent as a raster image, followed by a cut.  That also
gives paper-status and cutter control the CUPS path lacks.  python-escpos takes ~0.5 s to import, so it is
imported only when this back end is used.
"""

from __future__ import annotations

import logging
from typing import Any

from PIL import Image, ImageDraw

from kiosk.devices.printing.fonts import BOLD, REGULAR, pil_font
from kiosk.devices.printing.model import (
    PrintResult,
    RenderedDocument,
    ThermalItem,
    ThermalQR,
    ThermalRule,
    ThermalSpace,
    ThermalText,
)
from kiosk.devices.printing.pdfdraw import FAST_MASK, qr_matrix
from kiosk.devices.printing.slip import CONTENT_W

log = logging.getLogger(__name__)


def _wrap_px(text: str, font: Any, max_px: int) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        words, line = para.split(" "), ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if font.getlength(candidate) <= max_px or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def rasterise(items: tuple[ThermalItem, ...], width_px: int) -> Image.Image:
    """The slip as one 1-bit image ``width_px`` dots wide (same layout as the PDF, scaled to dots)."""
    scale = width_px / CONTENT_W
    blocks: list[tuple[Image.Image, str]] = []
    for item in items:
        if isinstance(item, ThermalText):
            size = item.size * scale
            font = pil_font(BOLD if item.bold else REGULAR, max(8, round(size)))
            while item.align == "center" and item.size >= 14 and font.getlength(item.text) > width_px and size > 16:
                size -= 1
                font = pil_font(BOLD if item.bold else REGULAR, round(size))
            lead = round(size * 1.45)
            for line in _wrap_px(item.text, font, width_px):
                img = Image.new("L", (width_px, lead), 255)
                draw = ImageDraw.Draw(img)
                x = (width_px - font.getlength(line)) / 2 if item.align == "center" else 0
                draw.text((x, lead - round(size * 0.3)), line, font=font, fill=0, anchor="ls")
                blocks.append((img, "text"))
        elif isinstance(item, ThermalQR):
            matrix = qr_matrix(item.data, FAST_MASK)
            n = len(matrix)
            module = max(3, round(item.size * scale / n))
            side = module * n
            img = Image.new("L", (width_px, side + 2 * module), 255)
            draw = ImageDraw.Draw(img)
            x0 = (width_px - side) // 2
            for r, row in enumerate(matrix):
                for col, dark in enumerate(row):
                    if dark:
                        x = x0 + col * module
                        y = module + r * module
                        draw.rectangle((x, y, x + module - 1, y + module - 1), fill=0)
            blocks.append((img, "qr"))
            if item.caption:
                font = pil_font(REGULAR, round(7.5 * scale))
                cap = Image.new("L", (width_px, round(7.5 * scale * 1.4)), 255)
                d2 = ImageDraw.Draw(cap)
                d2.text((width_px / 2, cap.height - round(7.5 * scale * 0.35)), item.caption, font=font, fill=0, anchor="ms")
                blocks.append((cap, "text"))
        elif isinstance(item, ThermalRule):
            h = round(8 * scale)
            img = Image.new("L", (width_px, h), 255)
            draw = ImageDraw.Draw(img)
            for x in range(0, width_px, 10):
                draw.line((x, h // 2, x + 5, h // 2), fill=0, width=2)
            blocks.append((img, "rule"))
        elif isinstance(item, ThermalSpace):
            blocks.append((Image.new("L", (width_px, max(1, round(item.height * scale))), 255), "space"))
    total = sum(b.height for b, _ in blocks)
    page = Image.new("L", (width_px, max(1, total)), 255)
    y = 0
    for b, _ in blocks:
        page.paste(b, (0, y))
        y += b.height
    return page.point(lambda v: 255 if v > 150 else 0, mode="1")


def open_connection(connection: str, profile: str) -> Any:
    """A python-escpos printer for "usb:VID:PID", "serial:/dev/ttyUSB0[:baud]", "network:HOST[:PORT]",
    "file:/dev/usb/lp0" or "dummy"."""
    from escpos import printer as ep

    kind, _, rest = connection.partition(":")
    if kind == "usb":
        vid, _, pid = rest.partition(":")
        return ep.Usb(int(vid, 16), int(pid, 16), profile=profile)
    if kind == "serial":
        dev, _, baud = rest.partition(":")
        return ep.Serial(devfile=dev, baudrate=int(baud or 9600), profile=profile)
    if kind == "network":
        host, _, port = rest.partition(":")
        return ep.Network(host, port=int(port or 9100), timeout=5, profile=profile)
    if kind == "file":
        return ep.File(rest, profile=profile)
    if kind == "dummy":
        return ep.Dummy(profile=profile)
    raise ValueError(f"unknown ESC/POS connection {connection!r} (usb:, serial:, network:, file:, dummy)")


class EscposPrinter:
    """A thermal printer driven with raw ESC/POS; ``device`` may be a ready python-escpos object (tests)."""

    def __init__(self, connection: str, *, profile: str = "TM-T88V", device: Any | None = None) -> None:
        self.connection = connection
        self.profile = profile
        self.name = f"escpos:{connection.partition(':')[0]}"
        self._device = device

    def _printer(self) -> Any:
        if self._device is None:
            self._device = open_connection(self.connection, self.profile)
        return self._device

    def width_px(self) -> int:
        p = self._printer()
        try:
            return int(p.profile.profile_data["media"]["width"]["pixels"])
        except (KeyError, TypeError, ValueError, AttributeError):  # e.g. "Unknown" in the default profile
            return 512

    def status(self) -> PrintResult:
        try:
            p = self._printer()
        except Exception as exc:  # noqa: BLE001 - any connection failure means "offline" to the caller
            return PrintResult.make("offline", f"cannot open ESC/POS printer: {type(exc).__name__}: {exc}")
        if type(p).__name__ == "Dummy":
            return PrintResult.make("ok", "dummy ESC/POS printer")
        try:
            if hasattr(p, "is_online") and p.is_online() is False:
                return PrintResult.make("offline", "printer reports offline")
            paper = p.paper_status() if hasattr(p, "paper_status") else 2
        except Exception as exc:  # noqa: BLE001 - many models/connections cannot answer status queries
            log.debug("ESC/POS status query not supported: %s", exc)
            return PrintResult.make("ok", "status not available on this printer/connection")
        if paper == 0:
            return PrintResult.make("out_of_paper", "printer reports no paper")
        return PrintResult.make("ok", "paper near end" if paper == 1 else "ready")

    def print_document(self, doc: RenderedDocument) -> PrintResult:
        if doc.thermal is None:
            return PrintResult.make("error", f"form {doc.form} needs an A4 printer, not the thermal printer")
        state = self.status()
        if not state.ok:
            return state
        try:
            p = self._printer()
            image = rasterise(doc.thermal, self.width_px())
            p.image(image, impl="bitImageRaster", center=False)
            p.cut()
            if hasattr(p, "flush") and type(p).__name__ != "Dummy":
                p.flush()
        except Exception as exc:  # noqa: BLE001 - report as a state, never raise into the kiosk flow
            self._device = None if type(self._device).__name__ != "Dummy" else self._device
            return PrintResult.make("error", f"ESC/POS print failed: {type(exc).__name__}: {exc}")
        return PrintResult.make("ok", f"{image.height} dot lines sent")

"""The queue ticket slip (phiếu số thứ tự): the number in very large type, the field, the time, the people
ahead and the hotline.

Why built from the slip primitives: the ticket goes to the same 80 mm thermal printer as the receipt slip,
so it is a tuple of ``Thermal*`` items drawn by :func:`kiosk.devices.printing.slip.render_items` — the same
PDF for CUPS/file printing and the same ESC/POS raster. It carries no personal data.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, tzinfo
from typing import Any, Protocol

from kiosk.devices.printing.model import (
    Printer,
    PrintResult,
    RenderedDocument,
    ThermalItem,
    ThermalRule,
    ThermalSpace,
    ThermalText,
)
from kiosk.devices.printing.slip import render_items
from kiosk.form_content import format_vn_short

log = logging.getLogger(__name__)

TICKET_TITLE = "PHIẾU SỐ THỨ TỰ"
NUMBER_SIZE = 72.0  # points: about 25 mm tall digits, readable from the hall
TICKET_FORM = "ticket"


class Ticket(Protocol):
    """What the slip prints of a queue ticket (kiosk.core.queue.Ticket has this shape; devices do not import
    core)."""

    @property
    def number(self) -> str: ...

    @property
    def field(self) -> str: ...

    @property
    def issued_at(self) -> datetime: ...

    @property
    def ahead(self) -> int: ...

    @property
    def estimated_wait(self) -> timedelta | None: ...


def _wait_text(ticket: Ticket) -> str:
    if ticket.estimated_wait is None:
        return ""
    minutes = round(ticket.estimated_wait.total_seconds() / 60)
    return "Thời gian chờ dự kiến: dưới 5 phút" if minutes < 5 else f"Thời gian chờ dự kiến: khoảng {minutes} phút"


def ticket_items(
    ticket: Ticket,
    *,
    unit_name: str,
    hotline: str,
    kiosk_name: str | None = None,
    tz: tzinfo | None = None,
) -> tuple[ThermalItem, ...]:
    items: list[ThermalItem] = [
        ThermalText(unit_name.upper(), 8.5, bold=True, align="center"),
        ThermalSpace(3),
        ThermalText(TICKET_TITLE, 12, bold=True, align="center"),
        ThermalRule(),
        ThermalText(ticket.number, NUMBER_SIZE, bold=True, align="center"),
        ThermalSpace(6),
        ThermalText(f"Lĩnh vực: {ticket.field}", 10.5, bold=True, align="center"),
        ThermalRule(),
        ThermalText(f"Lấy số lúc: {format_vn_short(ticket.issued_at, tz)}", 9),
        ThermalText(f"Số người đang chờ trước bạn: {ticket.ahead}", 10, bold=True),
    ]
    if wait := _wait_text(ticket):
        items.append(ThermalText(wait, 9))
    items += [
        ThermalSpace(2),
        ThermalText("Vui lòng chú ý màn hình và loa gọi số. Phiếu chỉ có giá trị trong ngày.", 8.5),
        ThermalRule(),
        ThermalText(f"Đường dây nóng: {hotline}", 8),
    ]
    if kiosk_name:
        items.append(ThermalText(kiosk_name, 7.5))
    return tuple(items)


def render_ticket(
    ticket: Ticket,
    *,
    unit_name: str,
    hotline: str,
    kiosk_name: str | None = None,
    tz: tzinfo | None = None,
) -> RenderedDocument:
    items = ticket_items(ticket, unit_name=unit_name, hotline=hotline, kiosk_name=kiosk_name, tz=tz)
    day = ticket.issued_at.astimezone(tz).strftime("%Y%m%d") if tz else ticket.issued_at.strftime("%Y%m%d")
    return render_items(items, form=TICKET_FORM, code=f"STT-{day}-{ticket.number}", title=f"{TICKET_TITLE} {ticket.number}")


def render_ticket_for(settings: Any, ticket: Ticket) -> RenderedDocument:
    """The ticket with the site's name, hotline and kiosk name from the settings."""
    return render_ticket(
        ticket, unit_name=settings.unit_name, hotline=settings.hotline, kiosk_name=settings.kiosk_name, tz=settings.tz
    )


def print_ticket(settings: Any, ticket: Ticket, printer: Printer | None = None) -> PrintResult:
    """Render and print on the slip printer; never raises (the ticket already exists whatever happens)."""
    try:
        if printer is None:
            from kiosk.devices.printing.backends import make_printer

            printer = make_printer(settings)
        return printer.print_document(render_ticket_for(settings, ticket))
    except Exception as exc:  # noqa: BLE001 - a printer problem must not break the kiosk flow
        log.warning("ticket print failed: %s", type(exc).__name__)
        return PrintResult.make("error", f"{type(exc).__name__}: {exc}")


__all__ = ["TICKET_TITLE", "print_ticket", "render_ticket", "render_ticket_for", "ticket_items"]

"""ESC/POS: the slip goes out as raster images and a cut, never as code-page text."""

from __future__ import annotations

import zxingcpp
from escpos.printer import Dummy

from kiosk.core import vietqr
from kiosk.core.document_builder import slip_data
from kiosk.devices.printing.escpos_backend import EscposPrinter, rasterise
from kiosk.devices.printing.forms_a4 import render_receipt
from kiosk.devices.printing.slip import render_slip, render_test_slip

GS_V0 = b"\x1dv0"  # GS v 0: print raster bit image
CUT = b"\x1dV"  # GS V: cut
CODE_PAGE = b"\x1bt"  # ESC t n: select character code table


def test_slip_byte_stream_is_raster_and_cut(pending, settings) -> None:
    device = Dummy(profile="TM-T88V")
    doc = render_slip(slip_data(pending, settings))
    result = EscposPrinter("dummy", device=device).print_document(doc)
    assert result.ok, result.detail
    out = device.output
    assert GS_V0 in out and CUT in out
    assert out.rfind(CUT) > out.rfind(GS_V0)  # cut after the image
    assert CODE_PAGE not in out
    assert "Chờ".encode() not in out and "Chờ".encode("cp1258", "ignore") not in out  # no text mode at all


def test_raster_width_follows_profile_and_qr_decodes(pending, settings) -> None:
    doc = render_slip(slip_data(pending, settings))
    # width from the profile; a profile that does not know its width falls back to 512 dots
    for profile, width in (("TM-T88V", 512), ("POS-5890", 384), ("P822D", 576), ("default", 512)):
        printer = EscposPrinter("dummy", device=Dummy(profile=profile), profile=profile)
        assert printer.width_px() == width
    image = rasterise(doc.thermal, 512)
    assert image.mode == "1" and image.width == 512
    decoded = {b.text for b in zxingcpp.read_barcodes(image.convert("L"))}
    pay = vietqr.dossier_payment_payload(settings.bank.bin, settings.bank.account, pending.fee, pending.code)
    assert decoded == {settings.tracking_url(pending.code), pay}


def test_a4_form_is_refused_by_the_thermal_printer(accepted, settings) -> None:
    from kiosk.core.document_builder import receipt_data

    doc = render_receipt(receipt_data(accepted, settings))
    result = EscposPrinter("dummy", device=Dummy()).print_document(doc)
    assert result.state == "error" and "A4" in result.detail


def test_unreachable_network_printer_is_offline() -> None:
    printer = EscposPrinter("network:127.0.0.1:9")  # discard port: nothing listens
    result = printer.print_document(render_test_slip("t"))
    assert result.state in ("offline", "error") and not result.ok
    assert "hồ sơ của bạn đã được lưu" in result.message_vi

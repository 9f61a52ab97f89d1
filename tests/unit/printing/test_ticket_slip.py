"""The queue ticket slip: text of the PDF (number, field, time, people ahead, hotline, Vietnamese intact), the
80 mm page, the big number really drawn large, and the ESC/POS raster path."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _ticket(**kw):  # type: ignore[no-untyped-def]
    from kiosk.core.queue import Ticket

    base = dict(id=7, number="015", field="Hộ tịch", state="waiting", issued_at=datetime(2026, 11, 25, 2, 5, tzinfo=ZoneInfo("UTC")),
                kiosk_id="KIOSK-01", ahead=4, estimated_wait=timedelta(minutes=24))
    base.update(kw)
    return Ticket(**base)


def _render(t):  # type: ignore[no-untyped-def]
    from kiosk.devices.printing.ticket import render_ticket

    return render_ticket(t, unit_name="Trung tâm Phục vụ hành chính công", hotline="1900 1234", kiosk_name="Ki-ốt số 1", tz=VN)


def test_ticket_items_and_pdf_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.devices.printing.model import ThermalText
    from kiosk.devices.printing.ticket import NUMBER_SIZE

    doc = _render(_ticket())
    assert doc.form == "ticket" and doc.page == "80mm" and doc.dossier_code == "STT-20261125-015"
    assert abs(doc.page_size_pt[0] - 80 / 25.4 * 72) < 0.5 and doc.pdf.startswith(b"%PDF")
    big = [i for i in doc.thermal if isinstance(i, ThermalText) and i.text == "015"]
    assert big and big[0].size == NUMBER_SIZE and big[0].bold
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None, "pdftotext is missing: apt-get install poppler-utils (scripts/setup.sh does)"
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(doc.pdf)
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for needle in ("PHIẾU SỐ THỨ TỰ", "015", "Lĩnh vực: Hộ tịch", "Lấy số lúc: 09:05 25/11/2026",
                   "Số người đang chờ trước bạn: 4", "khoảng 24 phút", "Đường dây nóng: 1900 1234", "Ki-ốt số 1"):
        assert needle in text, needle


def test_short_wait_and_no_estimate() -> None:
    from kiosk.devices.printing.model import ThermalText

    texts = [i.text for i in _render(_ticket(ahead=0, estimated_wait=timedelta(0))).thermal if isinstance(i, ThermalText)]
    assert "Thời gian chờ dự kiến: dưới 5 phút" in texts and "Số người đang chờ trước bạn: 0" in texts
    texts = [i.text for i in _render(_ticket(estimated_wait=None)).thermal if isinstance(i, ThermalText)]
    assert not any("dự kiến" in t for t in texts)


def test_print_ticket_pdf_backend_and_raster(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.config import load_settings
    from kiosk.devices.printing.backends import PdfFilePrinter
    from kiosk.devices.printing.escpos_backend import rasterise
    from kiosk.devices.printing.ticket import print_ticket

    settings = load_settings(data_dir=tmp_path / "data", environment="test")
    res = print_ticket(settings, _ticket(), PdfFilePrinter(tmp_path / "slips"))
    assert res.ok and res.path is not None and res.path.name == "STT-20261125-015-ticket.pdf"
    image = rasterise(_render(_ticket()).thermal, 576)
    assert image.width == 576 and image.height > 300


def test_print_ticket_never_raises(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.config import load_settings
    from kiosk.devices.printing.ticket import print_ticket

    class Broken:
        name = "broken"

        def print_document(self, doc):  # type: ignore[no-untyped-def]
            raise OSError("usb gone")

    res = print_ticket(load_settings(data_dir=tmp_path / "data", environment="test"), _ticket(), Broken())  # type: ignore[arg-type]
    assert res.state == "error" and "usb gone" in res.detail

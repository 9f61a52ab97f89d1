"""Warm render time of Mẫu 01 and of the 80 mm slip against a one-line reportlab page, in the same run.

Why: the kiosk prints while the citizen waits; machines are noisy, so the figures that matter are ratios
to a trivial reportlab page measured side by side.  Goals: Mẫu 01 < 50 ms and slip < 30 ms warm on a
2-core machine, fonts registered once per process.  Prints figures; never fails.

    .venv/bin/python benchmarks/receipt.py [--runs 50]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), (statistics.quantiles(times, n=10)[-1] if runs >= 10 else max(times))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    try:
        from reportlab.pdfgen.canvas import Canvas

        from kiosk.core import vietqr
        from kiosk.devices.printing import fonts, pdfdraw
        from kiosk.devices.printing.forms_a4 import render_receipt
        from kiosk.devices.printing.slip import render_slip
        from kiosk.form_content import AgencyHeader, Applicant, DocumentLine, ReceiptData, SlipData

        t0 = time.perf_counter()
        fonts.register_fonts()
        first_registration = (time.perf_counter() - t0) * 1000

        now = datetime(2026, 11, 25, 7, 35, tzinfo=UTC)
        header = AgencyHeader("UBND TỈNH THANH HÓA", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Thanh Hóa",
                              "0237 3900 900", "https://dichvucong.gov.vn")
        code = "000.00.06.H56-261125-0007"
        url = f"https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?mahs={code}"
        receipt = ReceiptData(
            header=header, dossier_code=code, tracking_url=url, issued_at=now,
            applicant=Applicant("Nguyễn Thị Hường", "038190000123", "Số 12 đường Lê Lợi, phường Hạc Thành",
                                "0912345678", "huong@example.vn"),
            procedure_code="1.004222", procedure_name="Đăng ký thường trú",
            documents=(DocumentLine("Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", 1),
                       DocumentLine("Giấy tờ chứng minh chỗ ở hợp pháp", 0, 1, 1),
                       DocumentLine("Văn bản đồng ý của chủ hộ", 1)),
            sets_count=1, time_limit_text="7 ngày làm việc", received_at=now, due_at=now + timedelta(days=9),
            fee=20000, payment_state="paid_counter", staff_name="Trần Văn Đức", copies=2,
        )
        slip = SlipData(
            header=header, dossier_code=code, tracking_url=url, procedure_name="Đăng ký thường trú",
            submitted_at=now, received_at=None, due_at=None, pending=True, accept_deadline=now + timedelta(days=1),
            fee=20000, payment_state="unpaid",
            payment_payload=vietqr.dossier_payment_payload("970415", "113366668888", 20000, code),
            kiosk_name="Ki-ốt số 1",
        )

        def baseline() -> bytes:
            buf = io.BytesIO()
            c = Canvas(buf)
            c.setFont("Helvetica", 12)
            c.drawString(72, 720, "Hello, kiosk")
            c.showPage()
            c.save()
            return buf.getvalue()

        def cold_qr(fn: Callable[[], object]) -> Callable[[], object]:
            def run() -> object:
                pdfdraw.qr_matrix.cache_clear()
                return fn()
            return run

        t0 = time.perf_counter()
        render_receipt(receipt)
        first_receipt = (time.perf_counter() - t0) * 1000
        one_copy = ReceiptData(**{**{f: getattr(receipt, f) for f in receipt.__slots__}, "copies": 1})
        for fn in (baseline, lambda: render_slip(slip)):
            fn()  # warm
        rows = [
            ("baseline: one line of Helvetica", median_ms(baseline, args.runs)),
            ("Mẫu 01, 2 liên (QR cached)", median_ms(lambda: render_receipt(receipt), args.runs)),
            ("Mẫu 01, 2 liên (QR rebuilt)", median_ms(cold_qr(lambda: render_receipt(receipt)), args.runs)),
            ("Mẫu 01, 1 liên (QR rebuilt)", median_ms(cold_qr(lambda: render_receipt(one_copy)), args.runs)),
            ("slip + VietQR (QR cached)", median_ms(lambda: render_slip(slip), args.runs)),
            ("slip + VietQR (QR rebuilt)", median_ms(cold_qr(lambda: render_slip(slip)), args.runs)),
        ]
        base = rows[0][1][0]
        print(f"runs per figure: {args.runs}; font registration (first call) {first_registration:.1f} ms, "
              f"registrations in this process: {fonts.registration_count}; first Mẫu 01 {first_receipt:.1f} ms")
        print(f"{'what':36} {'median ms':>10} {'p90 ms':>8} {'× baseline':>11}")
        for name, (med, p90) in rows:
            print(f"{name:36} {med:10.2f} {p90:8.2f} {med / base:11.1f}")
        r01, rslip = rows[2][1][0], rows[5][1][0]
        print(f"goal Mẫu 01 < 50 ms: {'met' if r01 < 50 else 'NOT met'} ({r01:.1f} ms, QR rebuilt); "
              f"goal slip < 30 ms: {'met' if rslip < 30 else 'NOT met'} ({rslip:.1f} ms, QR rebuilt)")
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it never fails the build
        print(f"benchmark could not run: {type(exc).__name__}: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

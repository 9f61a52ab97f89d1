"""The report as an Excel workbook: one sheet of indicators, one sheet of the dossiers behind them.

Why openpyxl: pure Python, MIT, writes .xlsx without Office. Excel has no time zones, so instants are written
as office-local wall-clock times (the header says so).
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.core.report_labels import (
    CHANNEL_LABELS,
    SECTIONS,
    STATUS_SHORT,
    TIMING_LABELS,
    as_of_text,
    filters_text,
    indicator_rows,
)
from kiosk.core.reports import DossierRow, Report

INDICATOR_SHEET = "Chỉ tiêu"
DOSSIER_SHEET = "Hồ sơ"
DOSSIER_COLUMNS = [
    ("Mã hồ sơ", 26), ("Mã thủ tục", 14), ("Lĩnh vực", 16), ("Kênh nộp", 22), ("Trạng thái", 20), ("Ki-ốt", 10),
    ("Nộp lúc", 17), ("Tiếp nhận lúc", 17), ("Hẹn trả", 17), ("Kết thúc xử lý", 17), ("Trả kết quả", 17),
    ("Phí, lệ phí (đ)", 12), ("Thanh toán", 13), ("Số hóa", 8), ("KQ điện tử", 9), ("Tái sử dụng", 9),
    ("Số lần bổ sung", 9), ("Đánh giá", 8), ("Tiến độ", 11),
]


def _local(t: datetime | None, tz: ZoneInfo) -> datetime | None:
    return t.astimezone(tz).replace(tzinfo=None) if t is not None else None


def build_workbook(report: Report, rows: list[DossierRow], tz: ZoneInfo, *, unit_name: str = "") -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = INDICATOR_SHEET
    bold = Font(bold=True)
    ws.append([unit_name or "Báo cáo tổng hợp"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([f"Kỳ báo cáo: {report.period.label()}", f"Phạm vi: {filters_text(report.filters)}"])
    ws.append([f"Số liệu tính đến {as_of_text(report, tz)} (giờ địa phương)"])
    ws.append([])
    ws.append(["Nhóm", "Mã chỉ tiêu", "Chỉ tiêu", "Giá trị", "Mục tiêu", "Đánh giá"])
    for cell in ws[ws.max_row]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="E8EEF7")
    for r in indicator_rows(report):
        ws.append([SECTIONS[r.section], r.key, r.label.strip(" –"), r.value, r.target, r.verdict() or None])
        value_cell, target_cell = ws.cell(ws.max_row, 4), ws.cell(ws.max_row, 5)
        if r.kind == "rate":
            value_cell.number_format = "0.0%"
        elif r.kind == "score":
            value_cell.number_format = "0.00"
        if r.target is not None:
            target_cell.number_format = "0%"
    for col, width in zip("ABCDEF", (20, 30, 48, 12, 10, 11), strict=True):
        ws.column_dimensions[col].width = width

    ds = wb.create_sheet(DOSSIER_SHEET)
    ds.append([name for name, _ in DOSSIER_COLUMNS])
    for cell in ds[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, (_, width) in enumerate(DOSSIER_COLUMNS, start=1):
        ds.column_dimensions[ds.cell(1, i).column_letter].width = width
    ds.freeze_panes = "B2"
    for d in rows:
        ds.append([
            d.code, d.procedure_code, d.field, CHANNEL_LABELS.get(d.channel, d.channel),
            STATUS_SHORT.get(d.status, str(d.status)), d.kiosk_id,
            _local(d.submitted_at, tz), _local(d.received_at, tz), _local(d.due_at, tz), _local(d.finished_at, tz),
            _local(d.returned_at, tz), d.fee, d.payment_state, "Có" if d.digitised else "Không",
            "Có" if d.e_result else "Không", "Có" if d.reused else "Không", d.supplement_rounds, d.rating,
            TIMING_LABELS.get(d.timing or "", None),
        ])
        for col in range(7, 12):
            ds.cell(ds.max_row, col).number_format = "dd/mm/yyyy hh:mm"
    return wb


def render_report_xlsx(report: Report, rows: list[DossierRow], tz: ZoneInfo, **kw: Any) -> bytes:
    buf = BytesIO()
    build_workbook(report, rows, tz, **kw).save(buf)
    return buf.getvalue()


def write_report_xlsx(path: Path, report: Report, rows: list[DossierRow], tz: ZoneInfo, **kw: Any) -> Path:
    from kiosk.security import write_private_file

    write_private_file(path, render_report_xlsx(report, rows, tz, **kw))  # the dossier sheet names citizens
    return path

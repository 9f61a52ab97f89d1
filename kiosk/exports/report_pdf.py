"""The end-of-day summary as an A4 PDF: header, indicators against targets, and the 30-day chart.

Why reportlab graphics for the chart: Qt Charts / Qt Graphs are GPL-3 or commercial, and the PDF must be
produced headless by the command line anyway. Text uses the bundled Be Vietnam Pro (the receipts' font),
registered once per process, because reportlab's built-in fonts have no Vietnamese glyphs.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from kiosk.core.calendar import DEFAULT_TZ
from kiosk.core.report_labels import SECTIONS, as_of_text, filters_text, indicator_rows
from kiosk.core.reports import DayPoint, Report
from kiosk.devices.printing.fonts import BOLD, REGULAR, register_fonts

GREEN, RED, GREY = "#1b7f3b", "#b3261e", "#5f6368"
BAR_TOTAL, BAR_ONLINE = "#9db8d9", "#1f5fa8"


def series_chart(series: list[DayPoint], width: float = 480, height: float = 190) -> Any:
    """A reportlab Drawing: bars of dossiers received per day (all, and electronic) with a legend."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    register_fonts()
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34, 40, width - 44, height - 70
    totals = [p.received for p in series] or [0]
    online = [p.online for p in series] or [0]
    chart.data = [totals, online]
    chart.groupSpacing = 2
    chart.barSpacing = 0
    chart.bars[0].fillColor = colors.HexColor(BAR_TOTAL)
    chart.bars[1].fillColor = colors.HexColor(BAR_ONLINE)
    chart.bars.strokeColor = None
    top = max(totals + [1])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top + max(1, top // 10)
    chart.valueAxis.valueStep = max(1, (top + 4) // 5)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
    chart.valueAxis.visibleGrid = True
    step = max(1, len(series) // 10)
    chart.categoryAxis.categoryNames = [
        f"{p.day:%d/%m}" if i % step == 0 or i == len(series) - 1 else "" for i, p in enumerate(series)
    ]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 0
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = 40, height - 8
    legend.fontName = REGULAR
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx, legend.dy, legend.deltax = 8, 8, 150
    legend.colorNamePairs = [
        (colors.HexColor(BAR_TOTAL), "Hồ sơ tiếp nhận"),
        (colors.HexColor(BAR_ONLINE), "Trong đó nộp điện tử (trực tuyến, ki-ốt)"),
    ]
    d.add(legend)
    d.add(String(4, 4, "Số hồ sơ tiếp nhận theo ngày", fontName=REGULAR, fontSize=7, fillColor=colors.HexColor(GREY)))
    return d


def render_report_pdf(
    report: Report,
    series: list[DayPoint],
    *,
    unit_name: str = "",
    parent_body: str = "",
    generated_at: datetime | None = None,
) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12.5)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor(GREY))
    title = ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=14, leading=18, alignment=1, spaceAfter=2)
    centred = ParagraphStyle("centred", parent=base, alignment=1)
    h2 = ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3)

    story: list[Any] = []
    if parent_body or unit_name:
        story.append(Paragraph(f"{parent_body}<br/><b>{unit_name}</b>", base))
        story.append(Spacer(1, 4 * mm))
    heading = "BÁO CÁO TỔNG HỢP CUỐI NGÀY" if report.period.days == 1 else "BÁO CÁO TỔNG HỢP TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ"
    story.append(Paragraph(heading, title))
    story.append(Paragraph(f"Kỳ báo cáo: {report.period.label()} · Phạm vi: {filters_text(report.filters)}", centred))
    tz = generated_at.tzinfo if generated_at and generated_at.tzinfo else DEFAULT_TZ
    stamp = f" · Lập lúc {generated_at.astimezone(tz):%H:%M %d/%m/%Y}" if generated_at else ""
    story.append(Paragraph(f"Số liệu tính đến {as_of_text(report, tz)}{stamp}", small))
    story.append(Spacer(1, 3 * mm))

    rows = indicator_rows(report)
    data: list[list[Any]] = [["Chỉ tiêu", "Giá trị", "Mục tiêu", "Đánh giá"]]
    style_cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),
        ("FONT", (0, 0), (-1, 0), BOLD, 9),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d0d0")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            data.append([SECTIONS[section], "", "", ""])
            i = len(data) - 1
            style_cmds += [("FONT", (0, i), (-1, i), BOLD, 9), ("SPAN", (0, i), (-1, i)),
                           ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f5f5f5"))]
        data.append([row.label, row.display(), row.target_display(), row.verdict()])
        if row.meets_target is not None:
            i = len(data) - 1
            style_cmds.append(("TEXTCOLOR", (3, i), (3, i), colors.HexColor(GREEN if row.meets_target else RED)))
    table = Table(data, colWidths=[95 * mm, 30 * mm, 25 * mm, 25 * mm], repeatRows=1)
    table.setStyle(TableStyle(style_cmds))

    story.append(Paragraph(f"Biểu đồ {len(series)} ngày gần nhất", h2))
    story.append(series_chart(series))
    story.append(Paragraph("Các chỉ tiêu", h2))
    story.append(table)
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(
        "Số hồ sơ trước hạn / đúng hạn / trễ hạn: so sánh theo ngày (ngày kết thúc với ngày hẹn trả). "
        "Chỉ số 2.1 theo cách tính của Cổng DVCQG (QĐ 766): gồm cả hồ sơ đang giải quyết cuối kỳ, so sánh thời điểm "
        "kết thúc với thời điểm hẹn trả, yêu cầu bổ sung quá một lần tính là trễ hạn. "
        "3.6 chỉ tính khoản thanh toán do dịch vụ thanh toán xác nhận. "
        "Tỷ lệ tính trên mẫu số khác 0; “–” khi không có hồ sơ. Định nghĩa: docs/METRICS.md.", small))

    buf = BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
        title=heading, author=unit_name or "kiosk", subject=f"Kỳ báo cáo {report.period.label()}",
    )
    doc.build(story)
    return buf.getvalue()


def write_report_pdf(path: Path, report: Report, series: list[DayPoint], **kw: Any) -> Path:
    from kiosk.security import write_private_file

    write_private_file(path, render_report_pdf(report, series, **kw))
    return path

"""Vietnamese labels and the ordered list of indicator lines for a report.

Why one place: the PDF, the spreadsheet and the supervisor screen must show the same figures under the same
names, in the same order, judged against the same targets. They all read :func:`indicator_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from kiosk.core.reports import INDICATOR_IDS, Report
from kiosk.core.workflow import CHANNEL_LABELS_VI as CHANNEL_LABELS
from kiosk.core.workflow import STATUS_SHORT_VI as STATUS_SHORT  # noqa: F401 - re-exported for the screens

FAILURE_LABELS = {"card_read": "Đọc thẻ căn cước", "otp": "Mã OTP / VNeID", "printer": "Máy in", "scanner": "Máy quét"}
TIMING_LABELS = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Trễ hạn"}

LABELS: dict[str, str] = {
    "received_total": "Hồ sơ tiếp nhận",
    "submitted_total": "Hồ sơ nộp mới (mọi kênh)",
    "accepted": "Đã tiếp nhận (cấp giấy biên nhận)",
    "supplement_requested": "Yêu cầu bổ sung",
    "refused": "Từ chối tiếp nhận",
    "apologies": "Văn bản xin lỗi, hẹn lại",
    "pending_online_past_8h": "Trực tuyến chờ tiếp nhận quá 8 giờ làm việc",
    "in_progress": "Đang giải quyết",
    "due_today": "Đến hạn trong ngày",
    "due_soon": "Sắp trễ hạn (trong 1 ngày làm việc)",
    "overdue_in_progress": "Đang giải quyết quá hạn",
    "finished_total": "Đã giải quyết",
    "finished_early": "Trước hạn",
    "finished_on_time": "Đúng hạn",
    "finished_late": "Trễ hạn",
    "on_time_rate": "Tỷ lệ đã giải quyết trước và đúng hạn (theo ngày)",
    "online_rate": "3.3 Tỷ lệ hồ sơ nộp trực tuyến",
    "online_payment_rate": "3.6 Tỷ lệ thanh toán trực tuyến",
    "e_result_rate": "4.1 Tỷ lệ trả kết quả điện tử",
    "digitised_rate": "4.2 Tỷ lệ số hóa hồ sơ",
    "reuse_rate": "4.3 Tỷ lệ tái sử dụng dữ liệu",
    "satisfaction_rate": "5.4 Mức độ hài lòng",
    "rating_avg": "Điểm đánh giá trung bình (1–5)",
    "paid_online_officer": "Chuyển khoản do cán bộ xác nhận (không tính vào 3.6)",
    # QĐ 766 indicators (the report's "indicators" object)
    "1.4": "1.4 Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG",
    "2.1": "2.1 Tỷ lệ giải quyết trước hạn, đúng hạn",
    "2.2": "2.2 Thời gian giải quyết trung bình",
    "3.3": "3.3 Tỷ lệ hồ sơ nộp trực tuyến",
    "3.3_toan_trinh": "  – thủ tục trực tuyến toàn trình",
    "3.3_mot_phan": "  – thủ tục trực tuyến một phần",
    "3.6": "3.6 Tỷ lệ thanh toán trực tuyến",
    "4.1": "4.1 Tỷ lệ trả kết quả điện tử",
    "4.2": "4.2 Tỷ lệ số hóa hồ sơ",
    "4.3": "4.3 Tỷ lệ tái sử dụng dữ liệu",
    "5.4": "5.4 Mức độ hài lòng",
    "kiosk.sessions": "Lượt sử dụng ki-ốt",
    "kiosk.completion_rate": "Tỷ lệ lượt hoàn thành",
    "kiosk.median_session_seconds": "Thời gian trung vị một lượt",
    "kiosk.assisted_share": "Tỷ lệ lượt có cán bộ hỗ trợ",
}
SECTIONS = {
    "reception": "Tiếp nhận",
    "progress": "Tiến độ giải quyết",
    "indicators": "Chỉ số QĐ 766",
    "kiosk": "Vận hành ki-ốt",
}


@dataclass(frozen=True)
class IndicatorRow:
    section: str  # key of SECTIONS
    key: str  # metric key (drill-down key for dossier figures)
    label: str
    value: float | int | None
    kind: str  # count | rate | score | seconds | days
    target: float | None = None
    drillable: bool = True

    @property
    def meets_target(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return float(self.value) >= self.target - 1e-12

    def display(self) -> str:
        return format_value(self.value, self.kind)

    def target_display(self) -> str:
        return f"≥ {self.target * 100:.0f}%" if self.target is not None else ""

    def verdict(self) -> str:
        m = self.meets_target
        return "" if m is None else "Đạt" if m else "Chưa đạt"


def format_value(value: float | int | None, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "rate":
        return f"{float(value) * 100:.1f}%".replace(".", ",")
    if kind == "score":
        return f"{float(value):.2f}".replace(".", ",")
    if kind == "days":
        return f"{float(value):.2f} ngày".replace(".", ",")
    if kind == "seconds":
        s = int(round(float(value)))
        return f"{s // 60} phút {s % 60:02d} giây"
    return f"{int(value):,}".replace(",", ".")


def indicator_rows(report: Report) -> list[IndicatorRow]:
    r, k = report, report.kiosk
    rows: list[IndicatorRow] = [IndicatorRow("reception", "received_total", LABELS["received_total"], r.received_total, "count")]
    for ch, label in CHANNEL_LABELS.items():
        rows.append(IndicatorRow("reception", f"received_by_channel.{ch}", f"  – {label}", r.received_by_channel.get(ch, 0), "count"))
    for key in ("submitted_total", "accepted", "supplement_requested", "refused", "pending_online_past_8h", "apologies"):
        rows.append(IndicatorRow("reception", key, LABELS[key], getattr(r, key), "count"))
    for key in ("in_progress", "due_today", "due_soon", "overdue_in_progress", "finished_total", "finished_early",
                "finished_on_time", "finished_late"):
        rows.append(IndicatorRow("progress", key, LABELS[key], getattr(r, key), "count"))
    # the calendar-date rate of dossiers finished in the period (S1); QĐ 766 2.1 is below
    rows.append(IndicatorRow("progress", "on_time_rate", LABELS["on_time_rate"], r.on_time_rate, "rate"))
    indicators = r.indicators()
    for key in INDICATOR_IDS:
        x = indicators[key]
        rows.append(IndicatorRow("indicators", key, LABELS[key], x["rate"], "days" if key == "2.2" else "rate",
                                 x["target"]))
        if key == "3.6":
            rows.append(IndicatorRow("indicators", "paid_online_officer", LABELS["paid_online_officer"],
                                     r.paid_online_officer, "count"))
    rows.append(IndicatorRow("indicators", "rating_avg", LABELS["rating_avg"], r.rating_avg, "score"))
    rows += [
        IndicatorRow("kiosk", "kiosk.sessions", LABELS["kiosk.sessions"], k.sessions, "count", drillable=False),
        IndicatorRow("kiosk", "kiosk.completion_rate", LABELS["kiosk.completion_rate"], k.completion_rate, "rate", drillable=False),
        IndicatorRow("kiosk", "kiosk.median_session_seconds", LABELS["kiosk.median_session_seconds"],
                     k.median_session_seconds, "seconds", drillable=False),
        IndicatorRow("kiosk", "kiosk.assisted_share", LABELS["kiosk.assisted_share"], k.assisted_share, "rate", drillable=False),
    ]
    for item in k.top_failure_causes:
        cause = str(item["cause"])
        rows.append(IndicatorRow("kiosk", f"kiosk.failure.{cause}", f"  Lỗi: {FAILURE_LABELS.get(cause, cause)}",
                                 int(item["count"]), "count", drillable=False))
    return rows


def as_of_text(report: Report, tz: tzinfo) -> str:
    """ "hết ngày 19/11/2026" when the period is over, else the office-local time the figures were taken."""
    local = report.as_of.astimezone(tz)
    if local.date() > report.period.end:
        return f"hết ngày {report.period.end:%d/%m/%Y}"
    return f"{local:%H:%M ngày %d/%m/%Y}"


def filters_text(filters: Any) -> str:
    parts = []
    for key, label in (("agency_code", "Đơn vị"), ("kiosk_id", "Ki-ốt"), ("field", "Lĩnh vực"), ("procedure_code", "Thủ tục")):
        v = getattr(filters, key, None)
        if v:
            parts.append(f"{label}: {v}")
    return "; ".join(parts) or "Toàn bộ"

"""The supervisor's screen: PIN login (role supervisor/admin), today at a glance, targets, a 30-day chart and
the dossiers behind any figure.

Why a view model: QML only lays out what this object exposes (plain lists of maps); every figure comes from
kiosk.core.reports through a worker thread, so a slow branch database never freezes the window, and the
screen shows exactly the numbers the PDF and the spreadsheet show (same labels, same targets).
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.core.report_labels import LABELS, STATUS_SHORT, TIMING_LABELS, as_of_text, indicator_rows
from kiosk.core.reports import Period, Report, ReportFilters
from kiosk.ui.worker import Worker

log = logging.getLogger(__name__)

SUPERVISOR_ROLES = ("supervisor", "admin")
TARGET_KEYS = ("online_rate", "online_payment_rate", "on_time_rate", "digitised_rate")
GLANCE_KEYS = (
    "received_total", "accepted", "pending_online_past_8h", "due_today", "due_soon", "overdue_in_progress",
    "finished_total", "finished_late", "supplement_requested", "refused",
)
ALERT_KEYS = {"pending_online_past_8h", "overdue_in_progress", "finished_late"}
SHORT_LABELS = {
    "received_total": "Tiếp nhận", "accepted": "Đã tiếp nhận", "pending_online_past_8h": "Chờ tiếp nhận > 8 giờ",
    "due_today": "Đến hạn hôm nay", "due_soon": "Sắp trễ hạn", "overdue_in_progress": "Quá hạn đang xử lý",
    "finished_total": "Đã giải quyết", "finished_late": "Giải quyết trễ hạn",
    "supplement_requested": "Yêu cầu bổ sung", "refused": "Từ chối",
    "online_rate": "Nộp trực tuyến (3.3)", "online_payment_rate": "Thanh toán trực tuyến (3.6)",
    "on_time_rate": "Đúng hạn (2.1)", "digitised_rate": "Số hóa hồ sơ (4.2)",
}


class NotSupervisor(PermissionError):
    vi = "Tài khoản này không có quyền xem báo cáo giám sát."
    en = "This account may not open the supervisor summary."


def require_supervisor(identity: Any) -> Any:
    """The gate of this screen: only supervisors and admins."""
    if getattr(identity, "role", None) not in SUPERVISOR_ROLES:
        raise NotSupervisor(NotSupervisor.en)
    return identity


class SupervisorViewModel(QObject):
    changed = Signal()
    drillChanged = Signal()

    def __init__(self, app: Any, parent: QObject | None = None, *, worker: Worker | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.worker = worker or Worker(self)
        self._identity: Any = None
        self._error = ""
        self._busy = False
        self._day: date = app.reports.today()
        self._report: Report | None = None
        self._series: list[dict[str, Any]] = []
        self._drill_key = ""
        self._drill_rows: list[dict[str, Any]] = []
        self._message = ""

    # -- login -------------------------------------------------------------------------------------------
    @Slot(str, str)
    def login(self, username: str, pin: str) -> None:
        if not username.strip() or not pin:
            self._set_error("Vui lòng nhập tên đăng nhập và mã PIN.")
            return
        self._busy = True
        self._error = ""
        self.changed.emit()

        def work() -> Any:
            return require_supervisor(self.app.staff.authenticate(username, pin))

        self.worker.submit(work, self._logged_in, self._login_failed)

    def login_as(self, identity: Any) -> None:
        """Start with an already-authenticated identity (tests, or a console that checked the PIN)."""
        self._logged_in(require_supervisor(identity))

    def _logged_in(self, identity: Any) -> None:
        self._identity = identity
        self._busy = False
        self.changed.emit()
        self.refresh()

    def _login_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._set_error(getattr(exc, "vi", None) or "Không đăng nhập được. Vui lòng thử lại.")

    @Slot()
    def logout(self) -> None:
        identity, self._identity = self._identity, None
        self._report, self._series, self._drill_rows, self._drill_key = None, [], [], ""
        if identity is not None and hasattr(self.app, "staff"):
            self.worker.submit(lambda: self.app.staff.logout(identity, reason="logout"))
        self.changed.emit()
        self.drillChanged.emit()

    def _set_error(self, text: str) -> None:
        self._error = text
        self.changed.emit()

    # -- data --------------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        if self._identity is None:
            return
        self._busy = True
        self.changed.emit()
        day, reports = self._day, self.app.reports

        def work() -> tuple[Report, list[Any]]:
            return reports.summary(Period.day(day)), reports.daily_series(30, end=day)

        self.worker.submit(work, self._loaded, self._load_failed)

    def _loaded(self, value: tuple[Report, list[Any]]) -> None:
        self._report, series = value
        self._series = [
            {"day": p.day.strftime("%d/%m"), "received": p.received, "online": p.online, "late": p.late,
             "finished": p.finished}
            for p in series
        ]
        self._busy = False
        self._error = ""
        self.changed.emit()
        if self._drill_key:
            self.drill(self._drill_key)

    def _load_failed(self, exc: BaseException) -> None:
        log.warning("supervisor report failed: %s", type(exc).__name__)
        self._busy = False
        self._set_error("Không tải được số liệu. Kiểm tra kết nối cơ sở dữ liệu rồi bấm Làm mới.")

    @Slot(int)
    def shiftDay(self, delta: int) -> None:
        today = self.app.reports.today()
        self._day = min(today, self._day + timedelta(days=delta))
        self.refresh()

    @Slot()
    def goToday(self) -> None:
        self._day = self.app.reports.today()
        self.refresh()

    @Slot(str)
    def drill(self, key: str) -> None:
        if self._report is None:
            return
        self._drill_key = key
        day, reports = self._day, self.app.reports

        def work() -> list[Any]:
            return reports.rows_for_codes(reports.dossiers_behind(key, Period.day(day), ReportFilters()))

        self.worker.submit(work, self._drilled, self._load_failed)

    def _drilled(self, rows: list[Any]) -> None:
        tz = self.app.calendar.tz
        self._drill_rows = [
            {
                "code": r.code,
                "procedure": r.procedure_code,
                "status": STATUS_SHORT.get(r.status, str(r.status)),
                "due": r.due_at.astimezone(tz).strftime("%d/%m/%Y %H:%M") if r.due_at else "—",
                "timing": TIMING_LABELS.get(r.timing or "", ""),
            }
            for r in rows
        ]
        self.drillChanged.emit()

    @Slot()
    def closeDrill(self) -> None:
        self._drill_key, self._drill_rows = "", []
        self.drillChanged.emit()

    @Slot(str)
    def export(self, fmt: str) -> None:
        """Write the day's PDF or XLSX under <data dir>/reports and say where."""
        if self._report is None or fmt not in ("pdf", "xlsx"):
            return
        report, day, app = self._report, self._day, self.app

        def work() -> Path:
            out = Path(app.settings.data_dir) / "reports" / f"bao-cao-{day:%Y%m%d}.{fmt}"
            out.parent.mkdir(parents=True, exist_ok=True)
            if fmt == "pdf":
                from kiosk.exports.report_pdf import write_report_pdf

                return write_report_pdf(out, report, app.reports.daily_series(30, end=day),
                                        unit_name=app.settings.unit_name, parent_body=app.settings.parent_body,
                                        generated_at=app.calendar.local(app.clock.now()))
            from kiosk.exports.report_xlsx import write_report_xlsx

            return write_report_xlsx(out, report, app.reports.dossier_rows(Period.day(day)), app.settings.tz,
                                     unit_name=app.settings.unit_name)

        def done(path: Path) -> None:
            self._message = f"Đã lưu {path}"
            self.changed.emit()

        self.worker.submit(work, done, self._load_failed)

    # -- properties for QML ------------------------------------------------------------------------------
    @Property(bool, notify=changed)
    def loggedIn(self) -> bool:
        return self._identity is not None

    @Property(str, notify=changed)
    def staffName(self) -> str:
        return self._identity.full_name if self._identity is not None else ""

    @Property(str, notify=changed)
    def errorText(self) -> str:
        return self._error

    @Property(str, notify=changed)
    def messageText(self) -> str:
        return self._message

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=changed)
    def unitName(self) -> str:
        return str(self.app.settings.unit_name)

    @Property(str, notify=changed)
    def dayText(self) -> str:
        return f"{self._day:%d/%m/%Y}"

    @Property(bool, notify=changed)
    def isToday(self) -> bool:
        return self._day >= self.app.reports.today()

    @Property(str, notify=changed)
    def asOfText(self) -> str:
        return as_of_text(self._report, self.app.calendar.tz) if self._report else ""

    @Property("QVariantList", notify=changed)
    def glance(self) -> list[dict[str, Any]]:
        if self._report is None:
            return []
        j = self._report.to_json()
        return [
            {"key": k, "label": SHORT_LABELS[k], "value": int(j[k]), "alert": k in ALERT_KEYS and int(j[k]) > 0}
            for k in GLANCE_KEYS
        ]

    @Property("QVariantList", notify=changed)
    def queue(self) -> list[dict[str, Any]]:
        """The "Hàng chờ" card: queue tickets of the day (report ``queue``): issued, waiting now, median wait."""
        if self._report is None:
            return []
        q = self._report.queue or {}
        median = q.get("median_wait_minutes")
        median_text = "—" if median is None else f"{float(median):.1f}".replace(".", ",").removesuffix(",0") + " phút"
        return [
            {"key": "issued", "label": "Số đã phát", "value": str(int(q.get("issued") or 0))},
            {"key": "waiting", "label": "Đang chờ", "value": str(int(q.get("waiting") or 0))},
            {"key": "median_wait", "label": "Chờ trung vị", "value": median_text},
        ]

    @Property("QVariantList", notify=changed)
    def targets(self) -> list[dict[str, Any]]:
        if self._report is None:
            return []
        rows = {r.key: r for r in indicator_rows(self._report)}
        out = []
        for k in TARGET_KEYS:
            r = rows[k]
            out.append({
                "key": k, "label": SHORT_LABELS[k], "value": r.display(), "fraction": float(r.value or 0.0),
                "hasValue": r.value is not None, "target": float(r.target or 0.0), "targetText": r.target_display(),
                "met": bool(r.meets_target), "verdict": r.verdict() or "Chưa có số liệu",
            })
        return out

    @Property("QVariantList", notify=changed)
    def indicators(self) -> list[dict[str, Any]]:
        if self._report is None:
            return []
        return [
            {"key": r.key, "label": r.label, "value": r.display(), "target": r.target_display(),
             "verdict": r.verdict(), "drillable": r.drillable}
            for r in indicator_rows(self._report) if r.section in ("indicators", "kiosk")
        ]

    @Property("QVariantList", notify=changed)
    def series(self) -> list[dict[str, Any]]:
        return self._series

    @Property(int, notify=changed)
    def seriesMax(self) -> int:
        return max([p["received"] for p in self._series] + [1])

    @Property(str, notify=drillChanged)
    def drillTitle(self) -> str:
        if not self._drill_key:
            return ""
        label = SHORT_LABELS.get(self._drill_key) or LABELS.get(self._drill_key, self._drill_key)
        return f"{label}: {len(self._drill_rows)} hồ sơ"

    @Property(bool, notify=drillChanged)
    def drillOpen(self) -> bool:
        return bool(self._drill_key)

    @Property("QVariantList", notify=drillChanged)
    def drillRows(self) -> list[dict[str, Any]]:
        return self._drill_rows

    # plain accessors for tests
    @property
    def report(self) -> Report | None:
        return self._report

    @property
    def day(self) -> date:
        return self._day

    def set_day(self, d: date) -> None:
        self._day = d
        self.refresh()


"""The supervisor's screen: PIN login (role supervisor/admin), today at a glance, targets, a 30-day chart and
the dossiers behind any figure.

Why a view model: QML only lays out what this object exposes (plain lists of maps); every figure comes from
kiosk.core.reports through a worker thread, so a slow branch database never freezes the window, and the
screen shows exactly the numbers the PDF and the spreadsheet show (same labels, same targets). The view
decides nothing: whether a figure meets its target (``state``: met | unmet | none), the chart's axis and bar
heights, and the status line are computed here; QML only draws them.

Texts: English sources translated in the "Supervisor" context (the same context as Supervisor.qml's qsTr),
Vietnamese in kiosk/resources/translations/vi_texts.py; window.py installs the translator.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Property, QCoreApplication, QObject, Signal, Slot

from kiosk.core.report_labels import LABELS, STATUS_SHORT, TIMING_LABELS, indicator_rows
from kiosk.core.reports import Period, Report, ReportFilters
from kiosk.ui.worker import Worker

log = logging.getLogger(__name__)

SUPERVISOR_ROLES = ("supervisor", "admin")
CONTEXT = "Supervisor"
TARGET_KEYS = ("2.1", "3.3", "3.6", "4.2")  # QĐ 766 indicators shown as tiles against their targets
GLANCE_KEYS = (
    "received_total", "accepted", "pending_online_past_8h", "due_today", "due_soon", "overdue_in_progress",
    "finished_total", "finished_late", "supplement_requested", "refused",
)
ALERT_KEYS = {"pending_online_past_8h", "overdue_in_progress", "finished_late"}
SHORT_LABELS = {
    "received_total": QT_TRANSLATE_NOOP("Supervisor", "Received"),
    "accepted": QT_TRANSLATE_NOOP("Supervisor", "Accepted"),
    "pending_online_past_8h": QT_TRANSLATE_NOOP("Supervisor", "Online waiting over 8 h"),
    "due_today": QT_TRANSLATE_NOOP("Supervisor", "Due today"),
    "due_soon": QT_TRANSLATE_NOOP("Supervisor", "Nearly due"),
    "overdue_in_progress": QT_TRANSLATE_NOOP("Supervisor", "Overdue in progress"),
    "finished_total": QT_TRANSLATE_NOOP("Supervisor", "Solved"),
    "finished_late": QT_TRANSLATE_NOOP("Supervisor", "Solved late"),
    "supplement_requested": QT_TRANSLATE_NOOP("Supervisor", "More papers requested"),
    "refused": QT_TRANSLATE_NOOP("Supervisor", "Refused"),
    "2.1": QT_TRANSLATE_NOOP("Supervisor", "Early or on time (2.1)"),
    "3.3": QT_TRANSLATE_NOOP("Supervisor", "Filed online (3.3)"),
    "3.6": QT_TRANSLATE_NOOP("Supervisor", "Paid online (3.6)"),
    "4.2": QT_TRANSLATE_NOOP("Supervisor", "Digitised (4.2)"),
}


def tr(text: str) -> str:
    """``text`` (a source string marked above) in the screen's language (the "Supervisor" context)."""
    return QCoreApplication.translate(CONTEXT, text)


def judge(met: bool | None) -> str:
    """met | unmet | none: the only place the screen decides pass or fail (from the report's ``met``)."""
    return "none" if met is None else "met" if met else "unmet"


def verdict_text(state: str) -> str:
    if state == "met":
        return QCoreApplication.translate("Supervisor", "Met")
    if state == "unmet":
        return QCoreApplication.translate("Supervisor", "Not met")
    return ""


def percent(x: float | None) -> str:
    return "–" if x is None else f"{x * 100:.1f}%".replace(".", ",")


def chart_model(points: list[dict[str, Any]], ticks_wanted: int = 5) -> dict[str, Any]:
    """Axis and bars of the 30-day chart as fractions of the plot height: ``ticks`` [{value, y}] from 0 to the
    top value in round steps, and per day ``received``/``online`` heights, ``late`` and whether to label it."""
    peak = max([int(p["received"]) for p in points] + [1])
    step = max(1, -(-peak // ticks_wanted))
    top = step * -(-peak // step)
    n = len(points)
    return {
        "ticks": [{"value": v, "y": v / top} for v in range(0, top + 1, step)],
        "bars": [
            {"day": p["day"], "received": int(p["received"]) / top, "online": int(p["online"]) / top,
             "late": int(p["late"]) > 0, "labelled": i % 5 == 0 or i == n - 1}
            for i, p in enumerate(points)
        ],
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
        self._generation = 0  # of refresh(): only the latest result is shown

    # -- login -------------------------------------------------------------------------------------------
    @Slot(str, str)
    def login(self, username: str, pin: str) -> None:
        if not username.strip() or not pin:
            self._set_error(QCoreApplication.translate("Supervisor", "Enter your user name and PIN."))
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
        self._set_error(
            getattr(exc, "vi", None) or QCoreApplication.translate("Supervisor", "Could not log in. Please try again.")
        )

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
        self._generation += 1
        generation = self._generation

        def work() -> tuple[Report, list[Any]]:
            return reports.summary(Period.day(day)), reports.daily_series(30, end=day)

        def done(value: tuple[Report, list[Any]]) -> None:
            if generation == self._generation:  # a later refresh (another day) supersedes this one
                self._loaded(value)

        self.worker.submit(work, done, self._load_failed)

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
        self._set_error(QCoreApplication.translate(
            "Supervisor", "Could not load the figures. Check the database connection, then press Refresh."))

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
        due_word = QCoreApplication.translate("Supervisor", "due %1")
        self._drill_rows = []
        for r in rows:
            row = {
                "code": r.code,
                "procedure": r.procedure_code,
                "status": STATUS_SHORT.get(r.status, str(r.status)),
                "due": r.due_at.astimezone(tz).strftime("%d/%m/%Y %H:%M") if r.due_at else "—",
                "timing": TIMING_LABELS.get(r.timing or "", ""),
            }
            parts = [row["procedure"], row["status"], due_word.replace("%1", row["due"])]
            row["line"] = " · ".join(parts + ([row["timing"]] if row["timing"] else []))
            self._drill_rows.append(row)
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
            self._message = QCoreApplication.translate("Supervisor", "Saved %1").replace("%1", str(path))
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
        if self._report is None:
            return ""
        local = self._report.as_of.astimezone(self.app.calendar.tz)
        if local.date() > self._report.period.end:
            return QCoreApplication.translate("Supervisor", "the end of %1").replace("%1", f"{self._report.period.end:%d/%m/%Y}")
        return QCoreApplication.translate("Supervisor", "%1 on %2").replace("%1", f"{local:%H:%M}").replace("%2", f"{local:%d/%m/%Y}")

    @Property(str, notify=changed)
    def statusLine(self) -> str:
        """The line under the header: loading, the instant the figures describe, an error or a message."""
        parts = []
        if self._report is not None:
            parts.append(QCoreApplication.translate("Supervisor", "Figures as of %1").replace("%1", self.asOfText))
        if self._busy:
            parts.insert(0, QCoreApplication.translate("Supervisor", "Loading the figures…"))
        parts += [t for t in (self._error, self._message) if t]
        return "  ·  ".join(parts)

    @Property(bool, notify=changed)
    def statusAlert(self) -> bool:
        return bool(self._error)

    @Property("QVariantList", notify=changed)
    def glance(self) -> list[dict[str, Any]]:
        if self._report is None:
            return []
        j = self._report.to_json()
        return [
            {"key": k, "label": tr(SHORT_LABELS[k]), "value": int(j[k]), "alert": k in ALERT_KEYS and int(j[k]) > 0}
            for k in GLANCE_KEYS
        ]

    @Property("QVariantList", notify=changed)
    def queue(self) -> list[dict[str, Any]]:
        """The "Hàng chờ" card: queue tickets of the day (report ``queue``): issued, waiting now, median wait."""
        if self._report is None:
            return []
        q = self._report.queue or {}
        median = q.get("median_wait_minutes")
        minutes = f"{float(median or 0):.1f}".replace(".", ",").removesuffix(",0")
        median_text = "—" if median is None else QCoreApplication.translate("Supervisor", "%1 min").replace("%1", minutes)
        return [
            {"key": "issued", "label": QCoreApplication.translate("Supervisor", "Tickets issued"), "value": str(int(q.get("issued") or 0))},
            {"key": "waiting", "label": QCoreApplication.translate("Supervisor", "Waiting now"), "value": str(int(q.get("waiting") or 0))},
            {"key": "median_wait", "label": QCoreApplication.translate("Supervisor", "Median wait"), "value": median_text},
        ]

    @Property("QVariantList", notify=changed)
    def targets(self) -> list[dict[str, Any]]:
        if self._report is None:
            return []
        indicators = self._report.indicators()
        out = []
        for k in TARGET_KEYS:
            x = indicators[k]
            rate, target, state = x["rate"], x["target"], judge(x["met"])
            detail = ""
            if x["denominator"]:
                detail = QCoreApplication.translate("Supervisor", "%1 of %2 dossiers").replace("%1", str(x["numerator"])).replace("%2", str(x["denominator"]))
            out.append({
                "key": k, "label": tr(SHORT_LABELS[k]), "value": percent(rate), "detail": detail,
                "hasValue": rate is not None, "state": state, "met": state == "met",
                "bar": min(1.0, max(0.0, float(rate or 0.0))),
                "targetX": min(1.0, max(0.0, float(target or 0.0))), "hasTarget": target is not None,
                "targetText": QCoreApplication.translate("Supervisor", "target ≥ %1").replace("%1", f"{target * 100:.0f}%") if target is not None else "",
                "verdict": verdict_text(state) if rate is not None else QCoreApplication.translate("Supervisor", "No figures yet"),
            })
            out[-1]["verdictLine"] = " · ".join(t for t in (out[-1]["verdict"], detail) if t)
        return out

    @Property("QVariantList", notify=changed)
    def indicators(self) -> list[dict[str, Any]]:
        if self._report is None:
            return []
        out = []
        for r in indicator_rows(self._report):
            if r.section not in ("indicators", "kiosk"):
                continue
            state = judge(r.meets_target)
            out.append({"key": r.key, "label": r.label, "value": r.display(), "target": r.target_display(),
                        "state": state, "verdict": verdict_text(state), "drillable": r.drillable})
        return out

    @Property("QVariantList", notify=changed)
    def series(self) -> list[dict[str, Any]]:
        return self._series

    @Property("QVariantMap", notify=changed)
    def chart(self) -> dict[str, Any]:
        return chart_model(self._series)

    @Property(str, notify=drillChanged)
    def drillTitle(self) -> str:
        if not self._drill_key:
            return ""
        short = SHORT_LABELS.get(self._drill_key)
        label = tr(short) if short else LABELS.get(self._drill_key, self._drill_key).strip(" –")
        return QCoreApplication.translate("Supervisor", "%1: %2 dossiers").replace("%1", label).replace("%2", str(len(self._drill_rows)))

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


"""The report JSON carries the queue figures of the period under ``queue`` (waiting, median wait, served),
computed by kiosk.core.queue.queue_stats; the existing keys stay as they were."""

from __future__ import annotations

from datetime import date

from tests.conftest import vn
from tests.staff_helpers import PIN, cheap_argon2, make_app


def test_queue_figures_in_the_report(settings, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.reports import Period

    cheap_argon2(monkeypatch)
    app = make_app(settings, clock)
    try:
        officer = app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
        staff_id = officer.id if hasattr(officer, "id") else app.staff.get("lan").id
        q = app.queue
        clock.t = vn(2026, 11, 25, 8, 0)
        first = q.take_ticket("Hộ tịch", "KIOSK-01")
        clock.t = vn(2026, 11, 25, 8, 10)
        q.take_ticket("Cư trú", "KIOSK-01")
        q.take_ticket("Hộ tịch", "KIOSK-01")
        clock.t = vn(2026, 11, 25, 8, 20)  # the first waited 20 min
        assert q.call_next(1, staff_id).id == first.id
        clock.t = vn(2026, 11, 25, 8, 40)  # the second waited 30 min; the first is served by this call
        q.call_next(1, staff_id)
        clock.t = vn(2026, 11, 25, 9, 0)
        report = app.reports.summary(Period.day(date(2026, 11, 25)))
        j = report.to_json()
        for key in ("received_total", "received_by_channel", "kiosk_operations", "targets", "on_time_rate"):
            assert key in j
        assert j["queue"]["issued"] == 3
        assert j["queue"]["waiting"] == 1
        assert j["queue"]["served"] == 1
        assert j["queue"]["median_wait_minutes"] == 25.0
        other_day = app.reports.summary(Period.day(date(2026, 11, 24))).to_json()["queue"]
        assert other_day["issued"] == 0 and other_day["median_wait_minutes"] is None
    finally:
        app.close()

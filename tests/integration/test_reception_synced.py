"""QĐ 766 1.4 on real flows: a dossier counts as synced once the back office confirmed a delivery written at or
after its reception (the outbox sender records it on the dossier), and it stays counted after the retention
purge removes the delivered outbox rows."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from tests.staff_helpers import PIN, cheap_argon2, make_app, submit


def _dossier(app, code):  # type: ignore[no-untyped-def]
    from kiosk.models.tables import Dossier

    with app.session_factory() as s:
        return s.scalar(select(Dossier).where(Dossier.code == code))


def test_reception_on_record_after_delivery_and_after_purge(settings, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.retention import purge
    from kiosk.models.tables import OutboxEvent

    cheap_argon2(monkeypatch)
    app = make_app(settings, clock)
    try:
        staff = app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN).id
        code = submit(app)  # a kiosk dossier: status 1, not received yet
        assert app.sync_sender.run_once().delivered >= 1
        assert _dossier(app, code).reception_synced_at is None  # only the submission went: nothing received yet
        clock.advance(hours=1)
        app.actions.accept(code, staff)
        assert _dossier(app, code).reception_synced_at is None  # accepted, not delivered yet
        clock.advance(minutes=5)
        assert app.sync_sender.run_once().delivered >= 1
        d = _dossier(app, code)
        assert d.reception_synced_at == clock.now() and d.received_at < d.reception_synced_at

        clock.advance(days=31)  # delivered rows (their payload holds the applicant) go after 30 days …
        purge(app.session_factory, app.settings, clock.now())
        with app.session_factory() as s:
            assert s.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.dossier_code == code)) == 0
        assert _dossier(app, code).reception_synced_at is not None  # … the 1.4 record stays
    finally:
        app.close()


def test_indicator_counts_it(settings, clock, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from kiosk.cli import main

    cheap_argon2(monkeypatch)
    app = make_app(settings, clock)
    try:
        staff = app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN).id
        synced, unsynced = submit(app), submit(app)
        app.actions.accept(synced, staff)
        app.actions.accept(unsynced, staff)
        from kiosk.models.database import session_scope
        from kiosk.models.tables import OutboxEvent

        with session_scope(app.session_factory) as s:  # the second one's deliveries keep failing
            for ev in s.scalars(select(OutboxEvent).where(OutboxEvent.dossier_code == unsynced)):
                ev.next_attempt_at = clock.now() + timedelta(days=30)
        app.sync_sender.run_once()
        day = clock.now().date().isoformat()
    finally:
        app.close()
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.effective_database_url)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(settings.data_dir))
    capsys.readouterr()
    assert main(["report", "daily", "--date", day, "--format", "json"]) == 0
    ind = json.loads(capsys.readouterr().out)["indicators"]["1.4"]
    assert (ind["numerator"], ind["denominator"]) == (1, 2)

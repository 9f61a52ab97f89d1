"""Issue 14 point 4 on SQLite and PostgreSQL: retention purges what has served its purpose (and
``kiosk db purge --dry-run`` only counts), receipts written by ``kiosk receipt --out`` are private, and
pg_dump/pg_restore never get the database password on their command line."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from kiosk.cli import main
from tests.staff_helpers import cheap_argon2, make_app

ID = "001190012345"


@pytest.fixture
def app(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.effective_database_url)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(settings.data_dir))
    a = make_app(settings, clock)
    yield a
    a.close()


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def _submit_with_scan(app) -> str:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import DocumentInput, PersonData, Submission
    from kiosk.core.scan_store import new_staging_dir
    from kiosk.security import ensure_private_dir, write_private_file

    doc = ensure_private_dir(new_staging_dir(app.settings.data_dir / "scans") / "doc1")
    write_private_file(doc / "page1.png", b"\x89PNG page")
    person = PersonData(id_number=ID, full_name="Nguyễn Thị Hương", phone="0912345678", source="chip_verified",
                        date_of_birth=date(1990, 3, 15))
    return app.dossiers.submit(Submission(procedure_code="1.004873", applicant=person, kiosk_id="KIOSK-01",
                                          documents=[DocumentInput("Tờ khai", scanned_pages=1, scan_path=str(doc))])).code


def _age(path: Path, seconds: float) -> None:
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_retention_purge_and_dry_run(app, clock, capsys) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.retention import purge
    from kiosk.models.database import session_scope
    from kiosk.models.tables import Dossier, DossierDocument, LoginThrottle, OtpChallenge, OutboxEvent
    from kiosk.security import write_private_file

    old_code = _submit_with_scan(app)  # delivered to the back office, 31 days ago
    unsynced_code = _submit_with_scan(app)  # never delivered: its scans must stay
    start = clock.now()
    clock.advance(days=31)
    now = clock.now()
    with session_scope(app.session_factory) as s:
        s.execute(update(Dossier).where(Dossier.code == old_code).values(sync_state="synced"))
        s.execute(update(Dossier).where(Dossier.code == unsynced_code).values(sync_state="failed"))
        s.execute(update(OutboxEvent).where(OutboxEvent.dossier_code == old_code).values(sent_at=start))
        s.add_all([
            OtpChallenge(phone="+84912345678", code_hash="x", purpose="account", created_at=start,
                         expires_at=start + timedelta(minutes=5), wrong_tries=0),
            OtpChallenge(phone="+84912345678", code_hash="y", purpose="account", created_at=now,
                         expires_at=now + timedelta(minutes=5), wrong_tries=0),
            LoginThrottle(key_hash="a" * 64, failed_attempts=2, updated_at=start),
        ])
    receipts = app.settings.data_dir / "receipts"
    write_private_file(receipts / "old-01.pdf", b"%PDF")
    write_private_file(receipts / "new-01.pdf", b"%PDF")
    _age(receipts / "old-01.pdf", 8 * 86400)
    outbox = app.settings.data_dir / "sms-outbox.jsonl"
    write_private_file(outbox, "".join(json.dumps({"at": t.isoformat(), "to": "+84912345678", "text": "123456"}) + "\n"
                                       for t in (start, now)))
    emails = app.settings.data_dir / "email-outbox"
    write_private_file(emails / "1.eml", b"To: a@example.vn\n\nMau 01")
    write_private_file(emails / "2.eml", b"To: a@example.vn\n\nMau 02")
    _age(emails / "1.eml", 2 * 86400)
    stale = app.settings.data_dir / "session-scans" / "s-crashed"
    stale.mkdir(parents=True)
    (stale / "p.png").write_bytes(b"x")
    _age(stale, 2 * 3600)

    expected = {"scans": 1, "receipts": 1, "otp_challenges": 1, "outbox_delivered": 1, "sms_outbox_lines": 1,
                "email_outbox_files": 1, "login_throttle": 1, "session_scans": 1}
    dry = purge(app.session_factory, app.settings, now, dry_run=True)
    assert dry.counts == expected
    assert (receipts / "old-01.pdf").exists() and stale.exists() and len(outbox.read_text().splitlines()) == 2

    done = purge(app.session_factory, app.settings, now)
    assert done.counts == expected
    with app.session_factory() as s:
        docs = {d.dossier.code: d for d in s.scalars(select(DossierDocument))}
        assert docs[old_code].scan_path is None and docs[old_code].scans_purged_at is not None
        assert docs[old_code].scanned_pages == 1  # the count of pages stays with the dossier
        assert docs[unsynced_code].scan_path and Path(docs[unsynced_code].scan_path).is_dir()
        assert s.scalar(select(func.count()).select_from(OtpChallenge)) == 1
        assert s.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.dossier_code == old_code)) == 0
        assert s.scalar(select(func.count()).select_from(LoginThrottle)) == 0
    assert sorted(p.name for p in receipts.iterdir()) == ["new-01.pdf"]
    assert len(outbox.read_text().splitlines()) == 1 and _mode(outbox) == 0o600
    assert not stale.exists() and sorted(p.name for p in emails.iterdir()) == ["2.eml"]

    # the command line: nothing is left to purge; JSON counts
    capsys.readouterr()
    assert main(["db", "purge", "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["dry_run"] is True and set(report["counts"]) == set(expected)
    assert main(["db", "purge"]) == 0
    assert "deleted" in capsys.readouterr().out


def test_receipt_out_is_private(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = _submit_with_scan(app)
    out = tmp_path / "export" / "receipt.pdf"
    old = os.umask(0o022)
    try:
        assert main(["receipt", code, "--form", "slip", "--out", str(out)]) == 0
    finally:
        os.umask(old)
    assert _mode(out) == 0o600 and out.read_bytes().startswith(b"%PDF")


@pytest.mark.postgresql
def test_pg_password_goes_through_a_passfile_never_argv(postgresql_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The test server trusts local connections, so any password works: what matters is where it travels."""
    from sqlalchemy.engine import make_url

    import kiosk.models.backup as backup

    password = "s3cr:et\\pw-123"
    url = make_url(postgresql_url).set(password=password).render_as_string(hide_password=False)
    seen: list[dict[str, object]] = []
    real_run = subprocess.run

    def spy(args, **kw):  # type: ignore[no-untyped-def]
        env = kw.get("env") or {}
        passfile = env.get("PGPASSFILE")
        seen.append({
            "argv": list(args), "passfile": passfile,
            "mode": _mode(Path(passfile)) if passfile else None,
            "content": Path(passfile).read_text() if passfile else None,
            "pgpassword": env.get("PGPASSWORD"),
        })
        return real_run(args, **kw)

    monkeypatch.setattr(backup.subprocess, "run", spy)
    dest = tmp_path / "b" / "kiosk.bak"
    backup.backup(url, dest)
    backup.restore(url, dest)
    assert len(seen) == 2
    for call in seen:
        assert not any(password in str(a) for a in call["argv"])  # type: ignore[union-attr]
        assert call["mode"] == 0o600 and call["content"] == "*:*:*:*:s3cr\\:et\\\\pw-123\n"
        assert call["pgpassword"] in (None, os.environ.get("PGPASSWORD"))
        assert not Path(str(call["passfile"])).exists()  # removed afterwards
    assert _mode(dest) == 0o600

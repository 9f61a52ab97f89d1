"""Issue 14 point 2: identity records. Chip-verified data is never overwritten by typed data, each dossier
keeps its own snapshot of the applicant as received (forms and the portal payload show it), and staged scans
reach their final folder only after the commit. Runs on SQLite and PostgreSQL (``database_url``)."""

from __future__ import annotations

import os
import stat
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.staff_helpers import cheap_argon2, make_app

ID = "001190012345"
VERIFIED_NAME = "Nguyễn Thị Hương"


@pytest.fixture
def app(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    yield a
    a.close()


def _person(name: str, phone: str, source: str, **kw):  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import PersonData

    return PersonData(id_number=ID, full_name=name, phone=phone, source=source, date_of_birth=date(1990, 3, 15),
                      **kw)


def _submit(app, person, channel: str = "kiosk", documents=()):  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import Submission

    return app.dossiers.submit(Submission(procedure_code="1.004873", applicant=person, channel=channel,
                                          kiosk_id="KIOSK-01", documents=list(documents))).code


def _dossier(s, code):  # type: ignore[no-untyped-def]
    from kiosk.models.tables import Dossier

    return s.scalar(select(Dossier).where(Dossier.code == code))


def test_typed_walk_in_never_overwrites_a_verified_citizen(app, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.document_builder import receipt_data
    from kiosk.core.outbox import dossier_payload
    from kiosk.models.tables import Citizen

    first = _submit(app, _person(VERIFIED_NAME, "0912345678", "chip_verified",
                                 place_of_residence="Phường Ba Đình, Thanh Hóa"))
    clock.advance(minutes=30)
    walk_in = _submit(app, _person("Nguyen Thi Huong", "0987654321", "typed"), channel="counter")
    with app.session_factory() as s:
        c = s.scalar(select(Citizen).where(Citizen.id_number == ID))
        assert (c.full_name, c.phone, c.identity_source) == (VERIFIED_NAME, "0912345678", "chip_verified")
        assert c.verified_at is not None
        d1, d2 = _dossier(s, first), _dossier(s, walk_in)
        # what was typed stays with the walk-in dossier only
        assert d2.applicant_snapshot["full_name"] == "Nguyen Thi Huong"
        assert d2.applicant_snapshot["phone"] == "0987654321" and d2.applicant_snapshot["source"] == "typed"
        # fields not typed are taken from the citizen as it stood at that moment
        assert d2.applicant_snapshot["place_of_residence"] == "Phường Ba Đình, Thanh Hóa"
        assert receipt_data(d1, app.settings).applicant.full_name == VERIFIED_NAME
        assert receipt_data(d2, app.settings).applicant.full_name == "Nguyen Thi Huong"
        assert dossier_payload(d1)["applicant"]["phone"] == "0912345678"
    # the counter console's views read the same snapshot
    from kiosk.core.dossier_queries import DossierQueries

    queries = DossierQueries(app.session_factory, app.calendar, clock)
    walk = queries.detail(walk_in)
    assert walk.row.applicant_name == "Nguyen Thi Huong" and walk.applicant_phone == "0987654321"
    assert queries.detail(first).row.applicant_name == VERIFIED_NAME


def test_a_later_change_never_alters_an_earlier_dossier(app, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.document_builder import receipt_data
    from kiosk.core.outbox import dossier_payload
    from kiosk.models.tables import Citizen

    first = _submit(app, _person(VERIFIED_NAME, "0912345678", "chip_verified"))
    clock.advance(days=30)
    # a new card after a legal change of name, and a new phone number
    _submit(app, _person("Nguyễn Thị Hương Lan", "0933000111", "chip_verified"))
    with app.session_factory() as s:
        c = s.scalar(select(Citizen).where(Citizen.id_number == ID))
        assert (c.full_name, c.phone) == ("Nguyễn Thị Hương Lan", "0933000111")
        d1 = _dossier(s, first)
        assert receipt_data(d1, app.settings).applicant.full_name == VERIFIED_NAME
        assert receipt_data(d1, app.settings).applicant.phone == "0912345678"
        assert dossier_payload(d1)["applicant"]["full_name"] == VERIFIED_NAME


def test_typed_data_fills_gaps_and_typed_corrects_typed(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.tables import Citizen

    _submit(app, _person("Tran Van A", "", "typed"), channel="counter")
    _submit(app, _person("Trần Văn A", "0912000111", "typed"), channel="counter")
    with app.session_factory() as s:
        c = s.scalar(select(Citizen).where(Citizen.id_number == ID))
        assert (c.full_name, c.phone, c.identity_source) == ("Trần Văn A", "0912000111", "typed")
    # an unverified chip read outranks typed data, but not a verified one
    _submit(app, _person("Trần Văn Anh", "", "chip_unverified"))
    _submit(app, _person("Tran Van B", "0999888777", "typed"), channel="counter")
    with app.session_factory() as s:
        c = s.scalar(select(Citizen).where(Citizen.id_number == ID))
        assert (c.full_name, c.phone, c.identity_source) == ("Trần Văn Anh", "0912000111", "chip_unverified")
        assert c.verified_at is None


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def _stage(app, pages: int = 2) -> Path:  # type: ignore[no-untyped-def]
    from kiosk.core.scan_store import new_staging_dir
    from kiosk.security import ensure_private_dir, write_private_file

    doc = ensure_private_dir(new_staging_dir(app.settings.data_dir / "scans") / "doc1")
    for n in range(1, pages + 1):
        write_private_file(doc / f"page{n}.png", b"\x89PNG fake page")
    return doc


def test_scans_move_after_commit_and_vanish_on_failure(app) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import DocumentInput, SubmissionError
    from kiosk.models.tables import DossierDocument

    scans = app.settings.data_dir / "scans"
    staged = _stage(app)
    code = _submit(app, _person(VERIFIED_NAME, "0912345678", "chip_verified"),
                   documents=[DocumentInput("Tờ khai", originals=1, scanned_pages=2, scan_path=str(staged))])
    with app.session_factory() as s:
        [doc] = s.scalars(select(DossierDocument).where(DossierDocument.dossier_id == _dossier(s, code).id)).all()
    final = Path(doc.scan_path)
    assert final.parent.parent == scans.resolve() and sorted(p.name for p in final.iterdir()) == ["page1.png", "page2.png"]
    assert not staged.exists() and not staged.parent.exists()
    assert _mode(final) == 0o700 and _mode(final.parent) == 0o700 and _mode(final / "page1.png") == 0o600

    # a submission that fails (unknown procedure) leaves nothing of its scans on disk
    staged2 = _stage(app)
    from kiosk.core.dossiers import Submission

    with pytest.raises(SubmissionError):
        app.dossiers.submit(Submission(procedure_code="9.999999", applicant=_person(VERIFIED_NAME, "", "typed"),
                                       documents=[DocumentInput("Tờ khai", scanned_pages=2, scan_path=str(staged2))]))
    assert not staged2.parent.exists()
    assert sorted(p.name for p in scans.iterdir() if p.is_dir()) == sorted([".staging", final.parent.name])


def test_crash_leftovers_are_recovered_or_purged_at_start(app, settings, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import DocumentInput
    from kiosk.core.scan_store import recover_scans
    from kiosk.models.tables import DossierDocument

    scans = app.settings.data_dir / "scans"
    # (a) committed, but the process died before the move: simulate by putting the folder back into staging
    staged = _stage(app)
    code = _submit(app, _person(VERIFIED_NAME, "0912345678", "chip_verified"),
                   documents=[DocumentInput("Tờ khai", scanned_pages=2, scan_path=str(staged))])
    with app.session_factory() as s:
        [doc] = s.scalars(select(DossierDocument).where(DossierDocument.dossier_id == _dossier(s, code).id)).all()
    final = Path(doc.scan_path)
    staged.parent.mkdir(mode=0o700)
    os.replace(final, staged)
    # (b) a submission that never committed, (c) a final folder no dossier names (old code copied first)
    never = _stage(app)
    orphan = scans / "0123456789abcdef" / "doc1"
    orphan.mkdir(parents=True)
    (orphan / "page1.png").write_bytes(b"x")
    # (d) a staging folder of a submission running right now in another process: too young to touch
    old = time.time() - 7200
    for p in (staged.parent, never.parent, orphan.parent):
        os.utime(p, (old, old))
    running = _stage(app)
    crashed_session = app.settings.data_dir / "session-scans" / "s-old"
    crashed_session.mkdir(parents=True)
    (crashed_session / "doc0-p1.png").write_bytes(b"x")
    os.utime(crashed_session, (old, old))

    result = recover_scans(app.session_factory, scans, grace_s=3600)
    assert result.as_dict() == {"moved": 1, "staged_deleted": 1, "orphans_deleted": 1, "sessions_deleted": 0}
    assert sorted(p.name for p in final.iterdir()) == ["page1.png", "page2.png"]
    assert not never.parent.exists() and not orphan.parent.exists() and running.exists()
    # build_app runs the same recovery at start
    os.utime(running.parent, (old, old))
    from kiosk.app import build_app

    again = build_app(settings, clock=clock, sync_catalogue=False)
    again.close()
    assert not running.parent.exists() and final.exists() and not crashed_session.exists()


def test_login_lockout_does_not_reveal_accounts(app, clock) -> None:  # type: ignore[no-untyped-def]
    """The same sequence of answers for a real account and a name that does not exist, on both back ends."""
    from kiosk.core.staff import StaffAuthError
    from kiosk.models.tables import AuditEvent, LoginThrottle

    app.staff.add("lan", "officer", "Lan", "482915")

    def answers(name: str, n: int) -> list[tuple[str, str]]:
        out = []
        for _ in range(n):
            with pytest.raises(StaffAuthError) as e:
                app.staff.authenticate(name, "000999")
            out.append((e.value.vi, e.value.en))
        return out

    real, ghost = answers("lan", 6), answers("khong.co", 6)
    assert real == ghost and "khóa" in real[4][0] and "khóa" not in real[3][0]
    with app.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(LoginThrottle)) == 2
        lockouts = s.scalars(select(AuditEvent).where(AuditEvent.action == "staff.lockout")).all()
        assert len(lockouts) == 2
    clock.advance(minutes=16)
    assert app.staff.authenticate("lan", "482915").username == "lan"

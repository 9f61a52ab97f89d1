"""Helpers for the staff / dossier-action tests: a composed app with two procedures in the database (no
catalogue sync, so these tests do not depend on the catalogue files), cheap argon2, and dossier factories."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

PIN = "482915"
APPLICANT_ID = "001190012345"
APPLICANT_NAME = "Nguyễn Thị Hương"


def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    import kiosk.core.staff as staff

    monkeypatch.setattr(staff, "HASHER_PARAMS", dict(staff.CHEAP_HASHER_PARAMS))


def add_procedures(app: Any) -> None:
    from kiosk.models.database import session_scope
    from kiosk.models.tables import Procedure

    now = app.clock.now()
    with session_scope(app.session_factory) as s:
        s.add_all(
            [
                Procedure(
                    code="1.004873", version="test", name="Cấp Giấy xác nhận tình trạng hôn nhân", field="Hộ tịch",
                    level="toan_trinh", effective_from=date(2025, 7, 1), time_limit_kind="working_days",
                    time_limit_amount=3, fee_counter=0, fee_online=0, definition={}, imported_at=now,
                ),
                Procedure(
                    code="1.004222", version="test", name="Đăng ký thường trú", field="Cư trú",
                    level="toan_trinh", effective_from=date(2025, 7, 1), time_limit_kind="working_days",
                    time_limit_amount=7, fee_counter=20000, fee_online=10000, definition={}, imported_at=now,
                ),
            ]
        )


_TEMPLATE: dict[str, Path] = {}


def _sqlite_template() -> Path:
    """One migrated SQLite file per worker process; each test copies it instead of running Alembic again."""
    if "path" not in _TEMPLATE:
        from kiosk.models.database import open_database

        path = Path(tempfile.mkdtemp(prefix="kiosk-staff-tpl-")) / "template.sqlite3"
        engine, _ = open_database(f"sqlite:///{path}", migrate=True)
        engine.dispose()  # the last connection to close checkpoints the WAL into the file
        assert not path.with_name(path.name + "-wal").exists() or path.with_name(path.name + "-wal").stat().st_size == 0
        _TEMPLATE["path"] = path
    return _TEMPLATE["path"]


def make_app(settings: Any, clock: Any) -> Any:
    from kiosk.app import build_app

    url = settings.effective_database_url
    if url.startswith("sqlite:///"):
        target = Path(url.removeprefix("sqlite:///"))
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(_sqlite_template(), target)
    app = build_app(settings, clock=clock, sync_catalogue=False)
    add_procedures(app)
    return app


def submit(app: Any, *, channel: str = "kiosk", procedure: str = "1.004873", id_number: str = APPLICANT_ID,
           name: str = APPLICANT_NAME) -> str:
    from kiosk.core.dossiers import DocumentInput, PersonData, Submission

    sub = Submission(
        procedure_code=procedure,
        applicant=PersonData(id_number=id_number, full_name=name, phone="0912345678"),
        channel=channel,
        kiosk_id="KIOSK-01" if channel.startswith("kiosk") else None,
        documents=[DocumentInput("Tờ khai", originals=1, scanned_pages=1)],
    )
    return app.dossiers.submit(sub).code

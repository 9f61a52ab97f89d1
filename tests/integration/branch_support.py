"""Builders for the branch-mode, sync and crash tests: a procedure row, people, submissions, a service.

Importable by spawned worker processes (``tests.integration.branch_support``), so nothing here depends on
pytest fixtures.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.calendar import WorkCalendar
from kiosk.core.clock import Clock
from kiosk.core.dossiers import DocumentInput, DossierService, PersonData, Submission
from kiosk.models.database import session_scope
from kiosk.models.tables import Procedure

AGENCY = "000.00.06.H56"
PROCEDURE = "1.004222"


def add_procedure(factory: sessionmaker[Session], code: str = PROCEDURE) -> None:
    with session_scope(factory) as s:
        s.add(
            Procedure(
                code=code, version="branch-test", name="Đăng ký thường trú", field="Cư trú", level="toan_trinh",
                effective_from=date(2020, 1, 1), time_limit_kind="working_days", time_limit_amount=7,
                fee_counter=20000, fee_online=10000, definition={}, imported_at=datetime.now(UTC),
            )
        )


def person(n: int) -> PersonData:
    return PersonData(
        id_number=f"038186{n % 1_000_000:06d}", full_name="Nguyễn Thị Hương", date_of_birth=date(1986, 3, 15),
        sex="Nữ", place_of_residence="Thanh Hóa", phone="0912345678",
    )


def submission(n: int, channel: str = "kiosk", kiosk_id: str = "KIOSK-01") -> Submission:
    return Submission(
        PROCEDURE, person(n), channel=channel, kiosk_id=kiosk_id,
        form_data={"ly_do": "Chuyển nơi ở", "n": n},
        documents=[
            DocumentInput("Tờ khai thay đổi thông tin cư trú", originals=1, scanned_pages=2),
            DocumentInput("Giấy tờ chứng minh chỗ ở hợp pháp", certified_copies=1),
        ],
    )


def service(factory: sessionmaker[Session], clock: Clock | None = None) -> DossierService:
    return DossierService(factory, agency_code=AGENCY, calendar=WorkCalendar(), clock=clock)

"""Small builders shared by tests: a procedure row and a demo person, without the catalogue."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session, sessionmaker

from kiosk.core.dossiers import PersonData
from kiosk.models.database import session_scope
from kiosk.models.tables import Procedure


def add_procedure(
    factory: sessionmaker[Session],
    code: str = "1.004222",
    *,
    kind: str = "working_days",
    amount: float = 7,
    fee_counter: int = 20000,
    fee_online: int = 10000,
    field: str = "Cư trú",
) -> None:
    with session_scope(factory) as s:
        s.add(
            Procedure(
                code=code,
                version="test",
                name="Đăng ký thường trú",
                field=field,
                level="toan_trinh",
                effective_from=date(2020, 1, 1),
                time_limit_kind=kind,
                time_limit_amount=amount,
                fee_counter=fee_counter,
                fee_online=fee_online,
                definition={},
                imported_at=datetime.now(UTC),
            )
        )


def person(n: int = 0) -> PersonData:
    return PersonData(
        id_number=f"038186{n:06d}",
        full_name="Nguyễn Thị Hương",
        date_of_birth=date(1986, 3, 15),
        sex="Nữ",
        place_of_residence="Thanh Hóa",
    )

"""Sample dossiers for the printing tests: ORM rows written straight into a temporary SQLite database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.config import Settings, load_settings
from kiosk.models.database import open_database, session_scope
from kiosk.models.tables import Citizen, Dossier, DossierDocument, DossierEvent, Procedure, StaffUser

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ACCEPTED = "000.00.06.H56-261125-0007"
PENDING = "000.00.06.H56-261125-0008"
NAME = "Nguyễn Thị Hường"
STAFF = "Trần Văn Đức"
PROCEDURE = "Đăng ký thường trú"
SUPPLEMENT_REASON = "Hợp đồng thuê nhà chưa được công chứng, chứng thực theo quy định"
REFUSAL_REASON = "Thủ tục thuộc thẩm quyền của Công an tỉnh, không thuộc phạm vi tiếp nhận của xã"
APOLOGY_REASON = "Cần xác minh thêm thông tin về chỗ ở hợp pháp với cơ quan liên quan"
NEW_DUE = datetime(2026, 12, 8, 16, 0, tzinfo=VN)
STOP_REASON = "Người yêu cầu không còn đủ điều kiện đăng ký thường trú tại chỗ ở này"
OPTIONAL_PAPER = "Văn bản đồng ý của chủ hộ"


def make_settings(tmp_path: Path, **overrides: object) -> Settings:
    return load_settings(
        None,
        environment="test",
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}",
        hotline="0237 3900 900",
        **overrides,
    )


def populate(settings: Settings) -> None:
    _, factory = open_database(settings.effective_database_url)
    now = datetime(2026, 11, 25, 7, 35, tzinfo=UTC)  # 14:35 in Hà Nội time
    with session_scope(factory) as s:
        proc = Procedure(
            code="1.004222", version="2026.1", name=PROCEDURE, field="Cư trú", level="toan_trinh",
            effective_from=date(2025, 7, 1), time_limit_kind="working_days", time_limit_amount=7,
            fee_counter=20000, fee_online=10000, definition={}, imported_at=now,
        )
        citizen = Citizen(
            id_number="038190000123", full_name=NAME, current_address="Số 12 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
            phone="0912345678", email="huong@example.vn", created_at=now, updated_at=now,
        )
        staff = StaffUser(username="duc", full_name=STAFF, role="officer", pin_hash="x", created_at=now)
        s.add_all([proc, citizen, staff])
        s.flush()
        common = dict(
            agency_code="000.00.06.H56", procedure_id=proc.id, procedure_code=proc.code,
            procedure_version=proc.version, field=proc.field, applicant_id=citizen.id,
            time_limit_kind="working_days", time_limit_amount=7, created_at=now, updated_at=now,
        )
        accepted = Dossier(
            code=ACCEPTED, channel="counter", legal_channel=1, status=2, submitted_at=now, received_at=now,
            due_at=datetime(2026, 12, 4, 16, 0, tzinfo=VN), fee=20000, payment_state="paid_counter",
            delivery="counter", sets_count=1, **common,
        )
        accepted.documents = [
            DossierDocument(position=1, name="Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", originals=1, provision="paper"),
            DossierDocument(position=2, name="Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà)", certified_copies=1, photocopies=1,
                            provision="scanned", scanned_pages=2),
            DossierDocument(position=3, name=OPTIONAL_PAPER, originals=1, provision="not_provided"),
        ]
        accepted.events = [
            DossierEvent(at=now, action="accept", status_from=1, status_to=2, staff_id=staff.id, details={}),
            DossierEvent(at=now + timedelta(hours=1), action="supplement", staff_id=staff.id, details={
                "items": [{"name": "Hợp đồng thuê nhà", "reason": SUPPLEMENT_REASON},
                          {"name": "Văn bản đồng ý của chủ hộ", "reason": "Thiếu chữ ký của chủ hộ"}],
                "guidance": "Bổ sung bản sao có chứng thực hợp đồng thuê nhà và văn bản đồng ý có chữ ký của chủ hộ.",
            }),
            DossierEvent(at=now + timedelta(hours=2), action="refuse", staff_id=staff.id, details={"reason": REFUSAL_REASON}),
            DossierEvent(at=now + timedelta(hours=3), action="apologize", staff_id=staff.id,
                         details={"reason": APOLOGY_REASON, "new_due": NEW_DUE.isoformat()}),
            DossierEvent(at=now + timedelta(hours=4), action="stop", staff_id=staff.id, details={"reason": STOP_REASON}),
        ]
        pending = Dossier(
            code=PENDING, channel="kiosk", legal_channel=2, kiosk_id="KIOSK-01", status=1, submitted_at=now,
            accept_deadline=now + timedelta(days=1), fee=10000, payment_state="unpaid", **common,
        )
        pending.documents = [
            DossierDocument(position=1, name="Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", provision="scanned",
                            scanned_pages=1),
            DossierDocument(position=2, name=OPTIONAL_PAPER, provision="not_provided"),
        ]
        s.add_all([accepted, pending])


def sample_db(tmp_path: Path, **overrides: object) -> Settings:
    settings = make_settings(tmp_path, **overrides)
    populate(settings)
    return settings


# --- reading the rendered output back -------------------------------------------------------------------
def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """All text of a PDF as pdftotext extracts it (whitespace collapsed)."""
    import subprocess

    src = tmp_path / "doc-for-text.pdf"
    src.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(src), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())


def decode_pdf(pdf: bytes | Path, tmp_path: Path, page: int = 1, dpi: int = 150) -> list[tuple[str, str]]:
    """(format, text) of every barcode zxing-cpp finds on one page rasterised by pdftoppm."""
    import subprocess

    import zxingcpp
    from PIL import Image

    src = pdf if isinstance(pdf, Path) else tmp_path / "doc-for-qr.pdf"
    if not isinstance(pdf, Path):
        src.write_bytes(pdf)
    stem = tmp_path / f"page-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(src), str(stem)],
        check=True,
    )
    with Image.open(f"{stem}.png") as img:
        return [(str(b.format), b.text) for b in zxingcpp.read_barcodes(img.convert("L"))]


def load_dossier(settings: Settings, code: str):  # type: ignore[no-untyped-def]
    """(session, dossier); the caller closes the session."""
    from sqlalchemy import select

    _, factory = open_database(settings.effective_database_url)
    session = factory()
    return session, session.scalars(select(Dossier).where(Dossier.code == code)).one()

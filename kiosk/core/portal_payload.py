"""What the national portal (Cổng DVCQG) is sent for a dossier: the ``DongBoHoSoMC`` object and the
``CapNhatTienDoHoSoMC`` progress entries (../shared/docs/dvcqg.md §2-§3).

Why here: these are rules of the field (which status code, which date means what, which paper counts as
digitised or reused), so they live in core as pure functions over plain data (:class:`DossierView`), with no
I/O and no knowledge of the adapter that posts them. Code tables and field names that vary by province come
from a data file (``kiosk/resources/dvcqg/mapping.toml``, :class:`PortalMapping`), not from code.

Conventions of the portal: every scalar is a JSON string, dates are ``yyyyMMddHHmmss`` in office-local
time, ``""`` means "no value".
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from kiosk.core.workflow import legal_channel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kiosk.models.tables import Dossier

DEFAULT_MAPPING = Path(__file__).resolve().parent.parent / "resources" / "dvcqg" / "mapping.toml"
DOSSIER_SERVICE = "DongBoHoSoMC"
PROGRESS_SERVICE = "CapNhatTienDoHoSoMC"
END_STATUSES = (7, 8, 9, 10)  # NgayKetThucXuLy: processed, returned, stopped, withdrawn (refusal: NgayTuChoi)
NOT_RECEIVED = (1, 3)  # no NgayTiepNhan: waiting for acceptance, refused at reception


# -- plain data --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ApplicantView:
    full_name: str
    id_number: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class DocumentView:
    id: int
    name: str
    provision: str = "scanned"  # scanned | paper | not_provided | reused
    digitised_state: int = 0  # 0 none, 1 digitised, 2 reused from a dossier, 3 reused from a result
    scanned_pages: int = 0
    has_file: bool = False


@dataclass(frozen=True)
class EventView:
    id: int
    at: datetime
    action: str
    status_from: int | None
    status_to: int | None
    staff_name: str = ""
    staff_role: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PaymentView:
    amount: int
    state: str  # pending | paid | failed
    method: str = ""
    confirmed_by: str | None = None  # gateway | officer | dvcqg


@dataclass(frozen=True)
class DossierView:
    code: str
    agency_code: str
    procedure_code: str
    procedure_name: str
    field: str
    channel: str
    status: int
    submitted_at: datetime
    legal_channel: int | None = None
    received_at: datetime | None = None
    due_at: datetime | None = None
    finished_at: datetime | None = None
    returned_at: datetime | None = None
    fee: int = 0
    payment_state: str = "none"
    delivery: str = "counter"
    delivery_address: str = ""
    note: str = ""
    digitised: bool = False
    e_result: bool = False
    has_result_file: bool = False
    applicant: ApplicantView | None = None
    documents: tuple[DocumentView, ...] = ()
    events: tuple[EventView, ...] = ()
    payments: tuple[PaymentView, ...] = ()


@dataclass(frozen=True)
class PortalContext:
    """Site facts the payload needs and the dossier does not carry."""

    agency_name: str  # DonViXuLy
    unit_name: str = ""  # PhongBanXuLy of progress entries
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Ho_Chi_Minh"))
    # where the portal can download a file: "{code}" and "{file}" are filled in; "" = no link is sent
    file_url_template: str = ""


@dataclass(frozen=True)
class PortalMapping:
    """The data file: code tables and per-province field names."""

    raw: Mapping[str, Any]

    def table(self, name: str) -> Mapping[str, Any]:
        node: Any = self.raw
        for part in name.split("."):
            node = node.get(part, {}) if isinstance(node, Mapping) else {}
        return node if isinstance(node, Mapping) else {}

    def code(self, name: str, default: str = "") -> str:
        return str(self.table("codes").get(name, default))

    def lookup(self, table: str, key: object, default: str = "") -> str:
        value = self.table(table).get(str(key))
        return default if value is None else str(value)

    @property
    def renames(self) -> Mapping[str, str]:
        return {str(k): str(v) for k, v in self.table("rename").items()}


def load_mapping(path: str | Path | None = None) -> PortalMapping:
    """Read the mapping file (the bundled one by default); ValueError with the file name if it is bad."""
    p = Path(path) if path else DEFAULT_MAPPING
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"DVCQG mapping file {p}: {exc}") from None
    if raw.get("schema_version") != 1:
        raise ValueError(f"DVCQG mapping file {p}: schema_version must be 1")
    return PortalMapping(raw)


# -- scalars -----------------------------------------------------------------------------------------------
def portal_time(value: datetime | None, tz: ZoneInfo) -> str:
    """``yyyyMMddHHmmss`` in office-local time (24-hour clock); ``""`` for no value."""
    if value is None:
        return ""
    if value.tzinfo is None:
        raise ValueError("portal dates need an aware datetime")
    return value.astimezone(tz).strftime("%Y%m%d%H%M%S")


def _flag(m: PortalMapping, on: bool) -> str:
    return m.code("yes", "1") if on else m.code("no", "0")


def _legal_channel_of(channel: str) -> int | None:
    try:
        return int(legal_channel(channel))
    except ValueError:  # a channel the workflow does not know
        return None


def legal_channel_code(view: DossierView) -> str:
    """KenhThucHien: the dossier's legal channel (kiosk.core.workflow decides it at submission); rows older
    than that column get the workflow's rule for their channel with the default site setting."""
    value = view.legal_channel if view.legal_channel in (1, 2, 3) else _legal_channel_of(view.channel)
    return str(value or 1)


def online_payment_code(view: DossierView, m: PortalMapping) -> str:
    """DuocThanhToanTrucTuyen from the payment state: a paid payment confirmed by a payment service counts;
    cash, card, or a transfer an officer confirmed by hand does not."""
    for p in view.payments:
        if p.state == "paid" and p.confirmed_by in ("gateway", "dvcqg"):
            return m.lookup("thanh_toan", p.confirmed_by, "0")
    return m.lookup("thanh_toan", "none", "0")


# -- the dossier object ------------------------------------------------------------------------------------
def _document(view: DossierView, doc: DocumentView, m: PortalMapping, ctx: PortalContext) -> dict[str, Any]:
    reused_state = doc.digitised_state if doc.digitised_state in (2, 3) else (2 if doc.provision == "reused" else 0)
    digitised = doc.digitised_state in (1, 2, 3) or doc.scanned_pages > 0 or doc.provision == "reused"
    link = ""
    if ctx.file_url_template and doc.has_file:
        link = ctx.file_url_template.format(code=view.code, file=doc.id)
    return {
        "TepDinhKemId": str(doc.id),
        "TenTepDinhKem": doc.name,
        "IsDeleted": m.code("is_deleted", "False"),
        "MaThanhPhanHoSo": "",
        "DuongDanTaiTepTin": link,
        "DuocSoHoa": _flag(m, digitised),
        "DuocTaiSuDung": m.lookup("tai_su_dung", reused_state, "0"),
        "DuocLayTuKhoDMQG": m.code("duoc_lay_tu_kho_dmqg", "0"),
    }


def _fees(view: DossierView, m: PortalMapping) -> list[dict[str, Any]]:
    if view.fee <= 0:  # only fees with Gia ≠ 0 count (766, 3.6)
        return []
    per_proc = m.table("le_phi.procedures").get(view.procedure_code, {})
    base = m.table("le_phi")
    return [
        {
            "TenPhiLePhi": str(per_proc.get("ten", base.get("ten", "Lệ phí"))),
            "MaPhiLePhi": str(per_proc.get("ma", base.get("ma", ""))),
            "HinhThucThu": str(per_proc.get("hinh_thuc_thu", base.get("hinh_thuc_thu", "1"))),
            "Gia": str(int(view.fee)),
            "LoaiPhiLePhi": str(per_proc.get("loai", base.get("loai", "1"))),
        }
    ]


def _supplements(view: DossierView, m: PortalMapping, ctx: PortalContext) -> list[dict[str, Any]]:
    """One entry per supplement round: who asked for what and when, and when the papers came back."""
    out: list[dict[str, Any]] = []
    due: datetime | None = None
    open_round: dict[str, Any] | None = None
    for ev in view.events:
        if ev.action == "supplement":
            items = ev.details.get("items") or []
            text = "; ".join(
                f"{i.get('name', '')}: {i.get('reason', '')}" for i in items if isinstance(i, Mapping)
            )
            guidance = str(ev.details.get("guidance") or "")
            open_round = {
                "HoSoBoSungId": f"{view.code}-BS{len(out) + 1}",
                "NguoiYeuCauBoSung": ev.staff_name,
                "NoiDungBoSung": "; ".join(x for x in (text, guidance) if x) or "Bổ sung hồ sơ",
                "NgayBoSung": portal_time(ev.at, ctx.tz),
                "NguoiTiepNhanBoSung": "",
                "ThongTinTiepNhan": "",
                "NgayTiepNhanBoSung": "",
                "TrangThaiBoSung": m.lookup("bo_sung", "dang_cho", "0"),
                "DanhSachGiayToBoSung": [],
                "DanhSachLePhiBoSung": [],
                "NgayHenTraTruoc": portal_time(due, ctx.tz),
                "NgayHenTraMoi": "",
            }
            out.append(open_round)
        elif ev.action == "supplied" and open_round is not None:
            open_round["NguoiTiepNhanBoSung"] = ev.staff_name
            open_round["ThongTinTiepNhan"] = str(ev.details.get("note") or "")
            open_round["NgayTiepNhanBoSung"] = portal_time(ev.at, ctx.tz)
            open_round["TrangThaiBoSung"] = m.lookup("bo_sung", "da_nhan", "1")
            new_due = _parse(ev.details.get("new_due"))
            open_round["NgayHenTraMoi"] = portal_time(new_due, ctx.tz)
            open_round = None
        due = _parse(ev.details.get("new_due")) or _parse(ev.details.get("due")) or due
    return out


def _parse(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _results(view: DossierView, ctx: PortalContext) -> list[dict[str, Any]]:
    if not (view.e_result or view.has_result_file):
        return []
    link = ctx.file_url_template.format(code=view.code, file="ket-qua") if ctx.file_url_template else ""
    return [
        {
            "TenGiayTo": f"Kết quả giải quyết: {view.procedure_name}"[:500],
            "MaThanhPhanHoSo": "",
            "GiayToId": f"{view.code}-KQ",
            "DuongDanTepTinKetQua": link,
        }
    ]


def dossier_object(view: DossierView, m: PortalMapping, ctx: PortalContext) -> dict[str, Any]:
    """The ``DongBoHoSoMC`` object for one dossier (every field dvcqg.md §2 lists that the kiosk knows)."""
    tz = ctx.tz
    a = view.applicant
    status = m.lookup("trang_thai", view.status, str(view.status))
    received = view.received_at if view.status not in NOT_RECEIVED else None
    ended = view.finished_at if view.status in END_STATUSES else None
    refused = view.finished_at if view.status == 3 else None
    summary_max = int(m.table("codes").get("trich_yeu_max", 1000))
    summary = f"{view.procedure_name} - {a.full_name}" if a and a.full_name else view.procedure_name
    documents = [d for d in view.documents if d.provision != "not_provided"]
    ids: list[dict[str, str]] = []
    if a and a.id_number.isdigit() and len(a.id_number) in (9, 12):
        ids.append({"LoaiDinhDanh": m.lookup("loai_dinh_danh", len(a.id_number), "1"), "SoDinhDanh": a.id_number})
    obj: dict[str, Any] = {
        "MaHoSo": view.code,
        "MaTTHC": view.procedure_code,
        "TenTTHC": view.procedure_name,
        "MaLinhVuc": m.lookup("linh_vuc", view.field, ""),
        "TenLinhVuc": view.field,
        "SoBienNhan": view.code,
        "KenhThucHien": legal_channel_code(view),
        "ChuHoSo": a.full_name if a else "",
        "LoaiDoiTuong": m.code("loai_doi_tuong", "1"),
        "Email": a.email if a else "",
        "SoDienThoai": a.phone if a else "",
        "Fax": "",
        "ThongTinKhac": "",
        "GhiChu": view.note,
        "ThongTinTra": view.delivery_address if view.delivery == "postal" else "",
        "TrichYeuHoSo": summary[:summary_max],
        "NgayNopHoSo": portal_time(view.submitted_at, tz),
        "NgayTiepNhan": portal_time(received, tz),
        "NgayHenTra": portal_time(view.due_at if received else None, tz),
        "TrangThaiHoSo": status,
        "NgayTra": portal_time(view.returned_at if view.status == 10 else None, tz),
        "HinhThuc": m.lookup("hinh_thuc", view.delivery, "0"),
        "NgayKetThucXuLy": portal_time(ended, tz),
        "NgayTuChoi": portal_time(refused, tz),
        "DonViXuLy": ctx.agency_name,
        "NoiNopHoSo": m.code("noi_nop_ho_so", ""),
        "HoSoCoThanhPhanSoHoa": _flag(m, view.digitised or any(d.digitised_state > 0 for d in documents)),
        "TaiKhoanDuocXacThucVoiVNeID": m.code("tai_khoan_vneid", "0"),
        "DuocThanhToanTrucTuyen": online_payment_code(view, m),
        "DinhDanhCHS": ids,
        "TaiLieuNop": [_document(view, d, m, ctx) for d in documents],
        "DanhSachLePhi": _fees(view, m),
        "DanhSachHoSoBoSung": _supplements(view, m, ctx),
        "DanhSachGiayToKetQua": _results(view, ctx),
    }
    if not obj["MaLinhVuc"]:
        del obj["MaLinhVuc"]
    if not obj["NoiNopHoSo"]:
        del obj["NoiNopHoSo"]
    csdl = m.code("ma_csdl_dan_cu", "")
    if csdl and ids:
        obj["DSKetNoiCSDL"] = [{"MaCSDL": csdl}]
    return rename_fields(obj, m)


# -- progress entries ---------------------------------------------------------------------------------------
def progress_events(view: DossierView, m: PortalMapping) -> list[EventView]:
    """The events that are steps of the processing ("quá trình xử lý"), oldest first."""
    skip = set(m.table("tien_do").get("skip_actions", []) or [])
    return [e for e in view.events if e.status_to is not None and e.action not in skip]


def progress_entry(view: DossierView, ev: EventView, m: PortalMapping, ctx: PortalContext) -> dict[str, Any]:
    """One ``CapNhatTienDoHoSoMC`` entry for one dossier event. Statuses are reported as they are (5, 6, 8
    are not disguised as 9)."""
    if ev.status_to is None:
        raise ValueError("a progress entry needs a status")
    texts = m.table("tien_do.noi_dung")
    who_max = int(m.table("codes").get("nguoi_xu_ly_max", 50))
    step = m.table("tien_do")
    self_service = ev.action == "submit" and view.channel in ("kiosk", "kiosk_assisted", "online")
    default_who = step.get("nguoi_xu_ly_he_thong", "Ki-ốt") if self_service else step.get("nguoi_xu_ly_bo_phan", "")
    who = ev.staff_name or str(default_who or ctx.unit_name)
    content = str(texts.get(ev.action, texts.get("default", ev.action)))
    reason = ev.details.get("reason")
    if isinstance(reason, str) and reason.strip():
        content = f"{content}: {reason.strip()}"
    deadline = _parse(ev.details.get("new_due")) or _parse(ev.details.get("due"))
    entry = {
        "MaHoSo": view.code,
        "NguoiXuLy": who[:who_max],
        "ChucDanh": m.lookup("tien_do.chuc_danh", ev.staff_role, "") if ev.staff_role else "",
        "ThoiDiemXuLy": portal_time(ev.at, ctx.tz),
        "PhongBanXuLy": ctx.unit_name,
        "NoiDungXuLy": content[:1000],
        "TrangThai": m.lookup("trang_thai", ev.status_to, str(ev.status_to)),
        "NgayBatDau": portal_time(ev.at, ctx.tz),
        "NgayKetThucTheoQuyDinh": portal_time(deadline, ctx.tz),
    }
    return rename_fields(entry, m)


def progress_entries(
    view: DossierView, m: PortalMapping, ctx: PortalContext, *, already_sent: Iterable[int] = ()
) -> list[tuple[int, dict[str, Any]]]:
    """(event id, entry) for every processing step not in ``already_sent``, oldest first."""
    sent = set(already_sent)
    return [(e.id, progress_entry(view, e, m, ctx)) for e in progress_events(view, m) if e.id not in sent]


def rename_fields(obj: Any, m: PortalMapping) -> Any:
    """Apply the province's field names (recursively); a name mapped to "" is left out."""
    renames = m.renames
    if not renames:
        return obj
    if isinstance(obj, list):
        return [rename_fields(x, m) for x in obj]
    if not isinstance(obj, dict):
        return obj
    out: dict[str, Any] = {}
    for k, v in obj.items():
        name = renames.get(k, k)
        if name:
            out[name] = rename_fields(v, m)
    return out


# -- from the ORM -------------------------------------------------------------------------------------------
def dossier_view(session: Session, d: Dossier) -> DossierView:
    """A plain snapshot of an ORM dossier (reads its papers, history, payments and the officers' names)."""
    from sqlalchemy import select

    from kiosk.models.tables import StaffUser

    staff_ids = {e.staff_id for e in d.events if e.staff_id is not None}
    staff: dict[int, tuple[str, str]] = {}
    if staff_ids:
        for sid, name, role in session.execute(
            select(StaffUser.id, StaffUser.full_name, StaffUser.role).where(StaffUser.id.in_(staff_ids))
        ):
            staff[sid] = (name, role)
    # the applicant as received with this dossier (issue 14) wins over the citizen row as it is today
    snapshot = d.applicant_snapshot if isinstance(d.applicant_snapshot, Mapping) else {}
    c = d.applicant

    def person(key: str) -> str:
        value = snapshot.get(key) or (getattr(c, key, None) if c is not None else None)
        return str(value or "")

    applicant: ApplicantView | None = ApplicantView(
        person("full_name"), person("id_number"), person("phone"), person("email")
    )
    if not applicant.full_name and not applicant.id_number:
        applicant = None
    legal = d.legal_channel if d.legal_channel is not None else _legal_channel_of(d.channel)
    return DossierView(
        code=d.code,
        agency_code=d.agency_code,
        procedure_code=d.procedure_code,
        procedure_name=d.procedure.name if d.procedure is not None else d.procedure_code,
        field=d.field,
        channel=d.channel,
        status=int(d.status),
        submitted_at=d.submitted_at,
        legal_channel=legal,
        received_at=d.received_at,
        due_at=d.due_at,
        finished_at=d.finished_at,
        returned_at=d.returned_at,
        fee=int(d.fee or 0),
        payment_state=d.payment_state,
        delivery=d.delivery,
        delivery_address=d.delivery_address or "",
        note=d.note or "",
        digitised=bool(d.digitised),
        e_result=bool(d.e_result),
        has_result_file=bool(d.result_path),
        applicant=applicant,
        documents=tuple(
            DocumentView(
                id=doc.id, name=doc.name, provision=doc.provision or "scanned", digitised_state=int(doc.digitised_state or 0),
                scanned_pages=int(doc.scanned_pages or 0), has_file=bool(doc.scan_path),
            )
            for doc in d.documents
        ),
        events=tuple(
            EventView(
                id=e.id, at=e.at, action=e.action, status_from=e.status_from, status_to=e.status_to,
                staff_name=staff.get(e.staff_id, ("", ""))[0] if e.staff_id else "",
                staff_role=staff.get(e.staff_id, ("", ""))[1] if e.staff_id else "",
                details=dict(e.details or {}),
            )
            for e in d.events
        ),
        payments=tuple(
            PaymentView(amount=int(p.amount), state=p.state, method=p.method, confirmed_by=p.confirmed_by)
            for p in d.payments
        ),
    )

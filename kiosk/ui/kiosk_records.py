"""The kiosk's own bookkeeping rows: a KioskSession per citizen visit, help requests, the rating.

Why here and not in a page: these are small database writes the screens trigger (call staff, finish,
time out); each runs on the worker thread and never stores personal data (the citizen is a salted hash).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

# SQLAlchemy and the tables are imported inside each function (on the worker thread, after the first frame):
# the root view model imports this module before the Welcome page is drawn


def start_session(factory: Any, kiosk_id: str, now: datetime) -> int:
    from kiosk.models.database import session_scope
    from kiosk.models.tables import KioskSession

    with session_scope(factory) as s:
        row = KioskSession(kiosk_id=kiosk_id, started_at=now)
        s.add(row)
        s.flush()
        return row.id


def end_session(factory: Any, session_id: int, now: datetime, outcome: str, *, id_number: str | None = None,
                salt: str = "", dossier_id: int | None = None, rating: int | None = None,
                staff_id: int | None = None, failure_cause: str | None = None) -> None:
    from kiosk.core.audit import citizen_hash
    from kiosk.models.database import session_scope
    from kiosk.models.tables import KioskSession

    with session_scope(factory) as s:
        row = s.get(KioskSession, session_id)
        if row is None or row.ended_at is not None:
            return
        row.ended_at = now
        row.outcome = outcome
        if id_number:
            row.citizen_hash = citizen_hash(id_number, salt)
        if dossier_id is not None:
            row.dossier_id = dossier_id
        if rating is not None:
            row.rating = rating
        if staff_id is not None:
            row.assisted, row.staff_id = True, staff_id
        if failure_cause:
            row.failure_cause = failure_cause


def save_rating(factory: Any, dossier_id: int | None, session_id: int | None, rating: int) -> None:
    from kiosk.models.database import session_scope
    from kiosk.models.tables import Dossier, KioskSession

    with session_scope(factory) as s:
        if dossier_id is not None:
            d = s.get(Dossier, dossier_id)
            if d is not None:
                d.rating = rating
        if session_id is not None:
            row = s.get(KioskSession, session_id)
            if row is not None:
                row.rating = rating


def mark_page(factory: Any, session_id: int, page: str, since: datetime) -> None:
    """The visit reached a new page or step at ``since``: the console shows it and how long it has lasted."""
    from kiosk.models.database import session_scope
    from kiosk.models.tables import KioskSession

    with session_scope(factory) as s:
        row = s.get(KioskSession, session_id)
        if row is None or row.ended_at is not None:
            return
        row.current_page, row.page_since = page, since


def request_help(factory: Any, kiosk_id: str, kiosk_name: str, now: datetime, *, session_id: int | None = None,
                 page: str | None = None, page_since: datetime | None = None, reason: str = "button") -> int:
    """``reason``: "button" (the citizen pressed Call staff) or "offer" (accepted the kiosk's offer of help)."""
    from sqlalchemy import select

    from kiosk.models.database import session_scope
    from kiosk.models.tables import HelpRequest

    with session_scope(factory) as s:
        open_row = s.scalar(select(HelpRequest).where(HelpRequest.kiosk_id == kiosk_id, HelpRequest.state == "open"))
        if open_row is not None:  # pressing twice does not queue twice
            return open_row.id
        row = HelpRequest(kiosk_id=kiosk_id, kiosk_name=kiosk_name, created_at=now, state="open",
                          kiosk_session_id=session_id, page=page, page_since=page_since, reason=reason)
        s.add(row)
        s.flush()
        return row.id


# the kiosk's pages and steps as the counter console names them (staff read Vietnamese)
PAGE_NAMES_VI = {
    "welcome": "Màn hình chào", "notice": "Thông báo dữ liệu cá nhân", "identify": "Đọc thẻ căn cước",
    "account": "Tạo tài khoản", "procedures": "Chọn thủ tục", "detail": "Xem thủ tục", "form": "Điền tờ khai",
    "documents": "Giấy tờ", "delivery": "Cách nhận kết quả", "payment": "Lệ phí", "review": "Kiểm tra lại",
    "receipt": "Giấy tiếp nhận", "rating": "Đánh giá", "track": "Tra cứu hồ sơ", "staff": "Cán bộ đăng nhập",
    "ticket": "Lấy số thứ tự",
}


def where_and_how_long(page: str | None, since: datetime | None, now: datetime) -> str:
    """"Giấy tờ · 2 phút 05 giây": the page a citizen is on and how long they have been on it (console)."""
    if not page:
        return ""
    name = PAGE_NAMES_VI.get(page, page)
    if since is None:
        return name
    secs = max(0, int((now - since).total_seconds()))
    minutes, seconds = divmod(secs, 60)
    took = f"{minutes} phút {seconds:02d} giây" if minutes else f"{seconds} giây"
    return f"{name} · {took}"

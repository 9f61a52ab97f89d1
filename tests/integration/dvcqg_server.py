"""A contract stand-in for the national portal's integration adapter (VPCP envelope, dvcqg.md §1-§3), on
127.0.0.1:0 in a thread.

It checks every object it is sent against the field table written here from dvcqg.md (not from the kiosk's
builder): all scalars strings, required fields, ``yyyyMMddHHmmss`` dates that exist, code ranges, ``MaHoSo``
starting with the agency code, no unknown field names. Like the portal it keys dossiers by ``MaHoSo``: a second
insert is answered "đã tồn tại" (error_code "3"), an update of an unknown dossier is refused; progress entries
have no key, so it counts each (MaHoSo, ThoiDiemXuLy, TrangThai, NoiDungXuLy) it receives.

Faults, per service, one entry per call (``state.script[service]``): ``timeout`` (answer after the client
gave up, apply nothing), ``apply_then_timeout``, ``500``, ``apply_then_500``, ``503``, ``wrong_session``
(forget every session and answer as an expired session), ``http401``, ``refuse`` (a content refusal), ``ok``.
``error_code`` alternates between numbers and strings; progress replies are plain text ("… thành công").
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections import Counter
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

USERNAME = "kiosk-h56"
PASSWORD = "mật-khẩu-thử"

DATE_FIELDS = {
    "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy", "NgayTuChoi",
    "NgayBoSung", "NgayTiepNhanBoSung", "NgayHenTraTruoc", "NgayHenTraMoi",
    "ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh",
}
DOSSIER_FIELDS = {
    "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "SoBienNhan", "KenhThucHien", "ChuHoSo", "Email",
    "SoDienThoai", "Fax", "ThongTinKhac", "GhiChu", "ThongTinTra", "LoaiDoiTuong", "MaDoiTuong", "TrichYeuHoSo",
    "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "NgayTra", "HinhThuc", "NgayKetThucXuLy", "DonViXuLy",
    "NgayNopHoSo", "NgayTuChoi", "NoiNopHoSo", "HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID",
    "DuocThanhToanTrucTuyen", "DinhDanhCHS", "DSKetNoiCSDL", "TaiLieuNop", "DanhSachLePhi",
    "DanhSachTepDinhKemKhac", "DanhSachHoSoBoSung", "DanhSachGiayToKetQua",
}
REQUIRED = ("MaHoSo", "MaTTHC", "TenTTHC", "LoaiDoiTuong", "TrangThaiHoSo", "HinhThuc", "DonViXuLy", "NgayHenTra")
LIST_FIELDS = {
    "DinhDanhCHS": {"LoaiDinhDanh", "SoDinhDanh"},
    "DSKetNoiCSDL": {"MaCSDL"},
    "TaiLieuNop": {"TepDinhKemId", "TenTepDinhKem", "IsDeleted", "MaThanhPhanHoSo", "DuongDanTaiTepTin", "DuocSoHoa",
                   "DuocTaiSuDung", "DuocLayTuKhoDMQG", "MaKetQuaThayThe"},
    "DanhSachLePhi": {"TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia", "LoaiPhiLePhi"},
    "DanhSachTepDinhKemKhac": {"TenGiayTo", "SoLuong", "LoaiGiayTo"},
    "DanhSachHoSoBoSung": {"HoSoBoSungId", "NguoiYeuCauBoSung", "NoiDungBoSung", "NgayBoSung", "NguoiTiepNhanBoSung",
                           "ThongTinTiepNhan", "NgayTiepNhanBoSung", "TrangThaiBoSung", "DanhSachGiayToBoSung",
                           "DanhSachLePhiBoSung", "NgayHenTraTruoc", "NgayHenTraMoi"},
    "DanhSachGiayToKetQua": {"TenGiayTo", "MaThanhPhanHoSo", "GiayToId", "DuongDanTepTinKetQua", "MaGiayToKetQua"},
}
CODES = {
    "TrangThaiHoSo": {str(i) for i in range(1, 11)},
    "KenhThucHien": {"1", "2", "3"},
    "LoaiDoiTuong": {"1", "2", "3", "4"},
    "HinhThuc": {"0", "1"},
    "DuocThanhToanTrucTuyen": {"0", "1", "2", "3"},
    "HoSoCoThanhPhanSoHoa": {"0", "1"},
    "TaiKhoanDuocXacThucVoiVNeID": {"0", "1"},
    "DuocSoHoa": {"0", "1"},
    "DuocTaiSuDung": {"0", "1", "2"},
    "DuocLayTuKhoDMQG": {"0", "1"},
    "LoaiDinhDanh": {"1", "2"},
    "TrangThai": {str(i) for i in range(1, 11)},
}
PROGRESS_FIELDS = {"MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy", "NoiDungXuLy", "TrangThai",
                   "NgayBatDau", "NgayKetThucTheoQuyDinh"}
PROGRESS_REQUIRED = ("MaHoSo", "NguoiXuLy", "ThoiDiemXuLy", "NoiDungXuLy", "TrangThai")


def _check_scalars(obj: Any, where: str, problems: list[str]) -> None:
    if isinstance(obj, dict):
        for k, v in obj.items():
            _check_scalars(v, f"{where}.{k}", problems)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            _check_scalars(v, f"{where}[{i}]", problems)
    elif not isinstance(obj, str):
        problems.append(f"{where}: {type(obj).__name__}, not a string")
    elif where.rsplit(".", 1)[-1] in DATE_FIELDS and obj:
        if not re.fullmatch(r"\d{14}", obj):
            problems.append(f"{where}: {obj!r} is not yyyyMMddHHmmss")
        else:
            try:
                datetime.strptime(obj, "%Y%m%d%H%M%S")
            except ValueError:
                problems.append(f"{where}: {obj!r} is not a date")


def _check_codes(obj: dict[str, Any], where: str, problems: list[str]) -> None:
    for k, allowed in CODES.items():
        if k in obj and isinstance(obj[k], str) and obj[k] not in allowed:
            problems.append(f"{where}.{k}: {obj[k]!r} outside {sorted(allowed)}")


def check_dossier(obj: Any, madonvi: str) -> list[str]:
    """Every breach of the field table in one ``DongBoHoSoMC`` object."""
    problems: list[str] = []
    if not isinstance(obj, dict):
        return ["dossier: not an object"]
    _check_scalars(obj, "dossier", problems)
    for k in obj:
        if k not in DOSSIER_FIELDS:
            problems.append(f"dossier: unknown field {k}")
    for k in REQUIRED:
        if k not in obj or (k != "NgayHenTra" and obj[k] == ""):
            problems.append(f"dossier: {k} missing")
    status = obj.get("TrangThaiHoSo", "")
    # received (tiếp nhận), except while waiting (1), refused at reception (3), or a supplement request or a
    # withdrawal that came before acceptance (5, 7 may follow 1)
    if status not in ("1", "3", "5", "7") and not obj.get("NgayTiepNhan"):
        problems.append(f"dossier: NgayTiepNhan missing for status {status}")
    if status in ("9", "10") and not obj.get("NgayKetThucXuLy"):
        problems.append("dossier: NgayKetThucXuLy missing for a finished dossier")
    if status == "10" and not obj.get("NgayTra"):
        problems.append("dossier: NgayTra missing for a returned dossier")
    if status == "3" and not obj.get("NgayTuChoi"):
        problems.append("dossier: NgayTuChoi missing for a refused dossier")
    code = obj.get("MaHoSo", "")
    if not (isinstance(code, str) and code.startswith(madonvi + "-")):
        problems.append(f"dossier: MaHoSo {code!r} does not start with the agency code {madonvi}")
    if obj.get("SoBienNhan") not in (None, "") and not isinstance(obj.get("SoBienNhan"), str):
        problems.append("dossier: SoBienNhan")
    _check_codes(obj, "dossier", problems)
    for list_name, fields in LIST_FIELDS.items():
        value = obj.get(list_name)
        if value is None:
            continue
        if not isinstance(value, list):
            problems.append(f"dossier.{list_name}: not a list")
            continue
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                problems.append(f"dossier.{list_name}[{i}]: not an object")
                continue
            for k in item:
                if k not in fields:
                    problems.append(f"dossier.{list_name}[{i}]: unknown field {k}")
            _check_codes(item, f"dossier.{list_name}[{i}]", problems)
    for item in obj.get("DinhDanhCHS") or []:
        kind, number = item.get("LoaiDinhDanh"), item.get("SoDinhDanh", "")
        if not (isinstance(number, str) and number.isdigit() and len(number) == {"1": 12, "2": 9}.get(kind, -1)):
            problems.append("dossier.DinhDanhCHS: number does not match its kind")
    for item in obj.get("DanhSachLePhi") or []:
        if not (isinstance(item.get("Gia"), str) and item["Gia"].isdigit() and int(item["Gia"]) > 0):
            problems.append("dossier.DanhSachLePhi: Gia must be a positive whole number of đồng")
    return problems


def check_progress(entry: Any, madonvi: str) -> list[str]:
    problems: list[str] = []
    if not isinstance(entry, dict):
        return ["progress: not an object"]
    _check_scalars(entry, "progress", problems)
    for k in entry:
        if k not in PROGRESS_FIELDS:
            problems.append(f"progress: unknown field {k}")
    for k in PROGRESS_REQUIRED:
        if not entry.get(k):
            problems.append(f"progress: {k} missing")
    if len(str(entry.get("NguoiXuLy", ""))) > 50:
        problems.append("progress: NguoiXuLy longer than 50")
    if not str(entry.get("MaHoSo", "")).startswith(madonvi + "-"):
        problems.append("progress: MaHoSo does not start with the agency code")
    _check_codes(entry, "progress", problems)
    return problems


class ContractState:
    def __init__(self, madonvi: str, slow_s: float) -> None:
        self.lock = threading.Lock()
        self.madonvi = madonvi
        self.slow_s = slow_s
        self.sessions: set[str] = set()
        self.logins = 0
        self.script: dict[str, list[str]] = {}
        self.dossiers: dict[str, dict[str, Any]] = {}
        self.inserts: Counter[str] = Counter()  # accepted inserts per MaHoSo (must stay 1)
        self.updates: Counter[str] = Counter()
        self.exists_answers = 0
        self.progress: Counter[tuple[str, str, str, str]] = Counter()
        self.progress_by_code: dict[str, list[dict[str, Any]]] = {}
        self.problems: list[str] = []  # contract breaches seen (the test asserts there are none)
        self.calls: Counter[str] = Counter()

    def next_behaviour(self, service: str) -> str:
        with self.lock:
            queue = self.script.get(service) or []
            return queue.pop(0) if queue else "ok"

    # -- applying ------------------------------------------------------------------------------------------
    def apply_dossiers(self, data: list[Any], updating: bool) -> tuple[Any, str] | None:
        """None when applied; else (error_code, message)."""
        problems = [p for obj in data for p in check_dossier(obj, self.madonvi)]
        if problems:
            with self.lock:
                self.problems.extend(problems)
            return 2, "Dữ liệu không hợp lệ: " + "; ".join(problems[:5])
        with self.lock:
            for obj in data:
                code = obj["MaHoSo"]
                if not updating and code in self.dossiers:
                    self.exists_answers += 1
                    return "3", f"Hồ sơ {code} đã tồn tại trên hệ thống"
                if updating and code not in self.dossiers:
                    return -2, f"Hồ sơ {code} không tồn tại"
            for obj in data:
                code = obj["MaHoSo"]
                (self.updates if updating else self.inserts)[code] += 1
                self.dossiers[code] = obj
        return None

    def apply_progress(self, data: list[Any]) -> tuple[Any, str] | None:
        problems = [p for e in data for p in check_progress(e, self.madonvi)]
        with self.lock:
            unknown = [e.get("MaHoSo") for e in data if isinstance(e, dict) and e.get("MaHoSo") not in self.dossiers]
        if unknown:
            problems.append("progress for a dossier the portal does not have")
        if problems:
            with self.lock:
                self.problems.extend(problems)
            return 2, "Dữ liệu không hợp lệ: " + "; ".join(problems[:5])
        with self.lock:
            for e in data:
                self.progress[(e["MaHoSo"], e["ThoiDiemXuLy"], e["TrangThai"], e["NoiDungXuLy"])] += 1
                self.progress_by_code.setdefault(e["MaHoSo"], []).append(e)
        return None


def make_handler(state: ContractState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, code: int, obj: object, *, text: bool = False) -> None:
            raw = (obj if isinstance(obj, str) and text else json.dumps(obj, ensure_ascii=False)).encode()
            try:
                self.send_response(code)
                self.send_header("Content-Type", "text/plain; charset=utf-8" if text else "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_POST(self) -> None:  # noqa: N802
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                state.problems.append("body is not UTF-8 JSON")
                return self._send(400, {"error_code": 1, "message": "Bad JSON"})
            if self.path == "/login":
                return self._login(body)
            if self.path == "/service":
                return self._service(body)
            self._send(404, {"error_code": 404, "message": "no route"})

        def _login(self, body: dict[str, Any]) -> None:
            if body.get("username") != USERNAME or body.get("password") != PASSWORD:
                return self._send(200, {"error_code": 1, "message": "Sai tên đăng nhập hoặc mật khẩu"})
            token = uuid.uuid4().hex
            with state.lock:
                state.sessions.add(token)
                state.logins += 1
            self._send(200, {"error_code": 0, "session": token})

        def _service(self, body: dict[str, Any]) -> None:
            service = str(body.get("service", ""))
            with state.lock:
                state.calls[service] += 1
            behaviour = state.next_behaviour(service)
            if behaviour == "wrong_session":
                with state.lock:
                    state.sessions.clear()
            if behaviour == "http401":
                return self._send(401, {"error_code": 401, "message": "Unauthorized"})
            with state.lock:
                valid = body.get("session") in state.sessions
            if not valid:
                return self._send(200, {"error_code": "-1", "message": "Phiên làm việc không hợp lệ hoặc đã hết hạn"})
            if body.get("madonvi") != state.madonvi:
                state.problems.append(f"madonvi {body.get('madonvi')!r}")
                return self._send(200, {"error_code": 2, "message": "Mã đơn vị không đúng"})
            if behaviour == "timeout":
                time.sleep(state.slow_s)
                return self._send(504, {"error_code": 504, "message": "too late"})
            if behaviour in ("500", "503"):
                return self._send(int(behaviour), {"error_code": 500, "message": "Lỗi hệ thống"})
            if behaviour == "refuse":
                return self._send(200, {"error_code": 7, "message": "Mã thủ tục hành chính không có trong CSDL TTHC"})
            data = body.get("data")
            if service == "TraCuuHoSo":
                code = body.get("mahoso")
                with state.lock:
                    found = state.dossiers.get(str(code))
                return self._send(200, {"error_code": 0, "message": "", "result": [found] if found else []})
            if not isinstance(data, list) or not data:
                state.problems.append(f"{service}: data is not a non-empty list")
                return self._send(200, {"error_code": 2, "message": "data rỗng"})
            if service == "DongBoHoSoMC":
                flag = body.get("isUpdating")
                if flag not in ("True", "False"):
                    state.problems.append(f"isUpdating {flag!r}")
                    return self._send(200, {"error_code": 2, "message": "isUpdating"})
                error = state.apply_dossiers(data, flag == "True")
                if error is not None:
                    return self._send(200, {"error_code": error[0], "message": error[1]})
                reply: Any = {"error_code": "0", "message": "Đồng bộ thành công"}
                text = False
            elif service == "CapNhatTienDoHoSoMC":
                error = state.apply_progress(data)
                if error is not None:
                    return self._send(200, {"error_code": error[0], "message": error[1]})
                reply, text = "Cập nhật tiến độ hồ sơ thành công", True
            else:
                state.problems.append(f"unknown service {service!r}")
                return self._send(200, {"error_code": 9, "message": "Dịch vụ không tồn tại"})
            if behaviour == "apply_then_500":
                return self._send(500, {"error_code": 500, "message": "lost answer"})
            if behaviour == "apply_then_timeout":
                time.sleep(state.slow_s)
            self._send(200, reply, text=text)

    return Handler


class ContractServer:
    """``tls``: an ``ssl.SSLContext`` (server side) to serve HTTPS instead of HTTP."""

    def __init__(self, madonvi: str = "000.00.06.H56", slow_s: float = 0.8, tls: Any = None) -> None:
        self.state = ContractState(madonvi, slow_s)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self.state))
        self.httpd.daemon_threads = True
        self.scheme = "http"
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"{self.scheme}://{host}:{port}"

    def __enter__(self) -> ContractServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


# -- dossiers in every status, made through the real services (for the preview and sender tests) -------------
STATUS_GROUPS = {
    "waiting": {1},
    "received / in progress": {2, 4},
    "paused (supplement, financial)": {5, 6},
    "refused": {3},
    "ended early (withdrawn, stopped)": {7, 8},
    "finished (processed, returned)": {9, 10},
}


def add_officer(app: Any) -> int:
    from kiosk.models.database import session_scope
    from kiosk.models.tables import StaffUser

    with session_scope(app.session_factory) as s:
        staff = StaffUser(
            username="canbo.binh", full_name="Lê Văn Bình", role="officer", pin_hash="-", active=True,
            failed_attempts=0, created_at=app.clock.now(),
        )
        s.add(staff)
        s.flush()
        return int(staff.id)


def make_status_dossiers(app: Any, clock: Any) -> dict[int, str]:
    """One dossier in each status 1..10 (code by status), each moved there by the staff actions."""
    from dataclasses import replace

    from tests.integration.branch_support import submission

    officer = add_officer(app)
    acts = app.actions
    codes: dict[int, str] = {}

    def new(n: int, channel: str, **kw: Any) -> str:
        clock.advance(minutes=3)
        return app.dossiers.submit(replace(submission(n, channel=channel), **kw)).code

    def step(fn: Any, code: str, *args: Any, **kw: Any) -> None:
        clock.advance(minutes=7)
        fn(code, officer, *args, **kw)

    codes[1] = new(1, "kiosk")
    codes[2] = new(2, "counter")
    codes[4] = c = new(4, "counter")
    step(acts.start_processing, c)
    codes[5] = c = new(5, "kiosk")
    step(acts.accept, c)
    step(acts.request_supplement, c, [{"name": "Giấy tờ chứng minh chỗ ở hợp pháp", "reason": "Bản chụp bị mờ"}])
    codes[6] = c = new(6, "counter")
    step(acts.start_processing, c)
    step(acts.request_financial, c, 50000, "Lệ phí trước bạ")
    codes[3] = c = new(3, "kiosk_assisted")
    step(acts.refuse, c, "Thủ tục không thuộc thẩm quyền")
    codes[7] = c = new(7, "counter")
    step(acts.withdraw, c, "Công dân xin rút")
    codes[8] = c = new(8, "counter")
    step(acts.start_processing, c)
    step(acts.stop_processing, c, "Có tranh chấp")
    codes[9] = c = new(9, "kiosk")
    step(acts.accept, c)
    clock.advance(minutes=2)
    acts.confirm_gateway_payment(c, 10000, "VQR-0001")  # a payment service confirmed the transfer
    step(acts.finish, c)
    codes[10] = c = new(10, "counter", delivery="postal", delivery_address="12 Lê Lợi, Thanh Hóa")
    step(acts.request_supplement, c, [{"name": "Tờ khai", "reason": "Thiếu chữ ký"}], "Ký lại tờ khai")
    step(acts.supplied, c, note="Đã ký")
    step(acts.start_processing, c)
    step(acts.record_payment, c, "counter_cash", 20000)
    step(acts.finish, c)
    step(acts.return_result, c, "postal")
    return codes

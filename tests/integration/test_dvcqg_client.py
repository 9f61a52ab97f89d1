"""The DVCQG adapter client on its own: replies with error_code as a number or a string, plain-text success,
wrong credentials, and TLS that is verified (a self-signed adapter is refused unless its CA is configured)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.integrations.dvcqg.client import AlreadyExists, DvcqgClient, parse_error_code, parse_reply
from kiosk.integrations.sync.adapters import PermanentSyncError, TransientSyncError
from tests.integration.dvcqg_server import PASSWORD, USERNAME, ContractServer

AGENCY = "000.00.06.H56"


def reply(body: bytes, ctype: str = "application/json"):  # type: ignore[no-untyped-def]
    return parse_reply(httpx.Response(200, content=body, headers={"Content-Type": ctype}))


def test_error_codes_as_numbers_or_strings_and_text_replies() -> None:
    assert [parse_error_code(v) for v in (0, "0", "00", " -3 ", "x", None, True)] == [0, 0, 0, -3, None, None, None]
    assert reply(b'{"error_code": "0", "message": "ok"}').ok
    assert reply(b'{"error_code": 0}').ok
    assert not reply('{"error_code": "3", "message": "Hồ sơ đã tồn tại"}'.encode()).ok
    assert reply("Cập nhật tiến độ thành công".encode(), "text/plain").ok
    assert not reply("Lỗi".encode(), "text/plain").ok


@pytest.fixture
def contract() -> Iterator[ContractServer]:
    with ContractServer(AGENCY) as server:
        yield server


def obj(code: str) -> dict[str, object]:
    return {
        "MaHoSo": code, "MaTTHC": "1.004222", "TenTTHC": "Đăng ký thường trú", "LoaiDoiTuong": "1",
        "TrangThaiHoSo": "1", "HinhThuc": "0", "DonViXuLy": "UBND", "NgayHenTra": "", "NgayTiepNhan": "",
    }


def test_insert_twice_is_already_exists_and_wrong_password_is_permanent(contract: ContractServer) -> None:
    client = DvcqgClient(contract.url, USERNAME, PASSWORD, AGENCY, timeout_s=5)
    try:
        client.call("DongBoHoSoMC", [obj(f"{AGENCY}-261125-0001")], is_updating=False)
        with pytest.raises(AlreadyExists):
            client.call("DongBoHoSoMC", [obj(f"{AGENCY}-261125-0001")], is_updating=False)
        with pytest.raises(PermanentSyncError, match="error_code 2"):  # the contract refuses a foreign prefix
            client.call("DongBoHoSoMC", [obj("000.00.01.H22-261125-0001")], is_updating=False)
        contract.state.sessions.clear()  # the session expired on the adapter's side
        client.call("DongBoHoSoMC", [obj(f"{AGENCY}-261125-0001")], is_updating=True)
        assert client.logins == 2
    finally:
        client.close()
    wrong = DvcqgClient(contract.url, USERNAME, "sai", AGENCY, timeout_s=5)
    try:
        with pytest.raises(PermanentSyncError, match="login refused"):
            wrong.call("DongBoHoSoMC", [obj(f"{AGENCY}-261125-0002")], is_updating=False)
    finally:
        wrong.close()


def test_the_session_is_renewed_after_its_lifetime(contract: ContractServer) -> None:
    now = [100.0]
    client = DvcqgClient(contract.url, USERNAME, PASSWORD, AGENCY, timeout_s=5, session_ttl_s=600,
                         monotonic=lambda: now[0])
    try:
        client.call("DongBoHoSoMC", [obj(f"{AGENCY}-261125-0004")], is_updating=False)
        now[0] += 599
        client.call("DongBoHoSoMC", [obj(f"{AGENCY}-261125-0004")], is_updating=True)
        assert client.logins == 1
        now[0] += 2
        client.call("DongBoHoSoMC", [obj(f"{AGENCY}-261125-0004")], is_updating=True)
        assert client.logins == 2 and contract.state.logins == 2
    finally:
        client.close()


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "adapter.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp / "adapter.pem", tmp / "adapter.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


def test_tls_is_verified(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    with ContractServer(AGENCY, tls=ctx) as server:
        assert server.url.startswith("https://")
        untrusted = DvcqgClient(server.url, USERNAME, PASSWORD, AGENCY, timeout_s=5)
        try:
            with pytest.raises(TransientSyncError, match="network"):
                untrusted.login()
        finally:
            untrusted.close()
        assert server.state.logins == 0
        trusted = DvcqgClient(server.url, USERNAME, PASSWORD, AGENCY, timeout_s=5, verify=str(cert))
        try:
            trusted.call("DongBoHoSoMC", [obj(f"{AGENCY}-261125-0003")], is_updating=False)
        finally:
            trusted.close()
        assert server.state.inserts[f"{AGENCY}-261125-0003"] == 1 and server.state.problems == []

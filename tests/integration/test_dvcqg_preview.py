"""`kiosk sync preview` of dossiers in every status group (made by the staff actions, and seeded by the
demo simulation) passes the contract server's field checks, and the portal accepts what it prints."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from kiosk.cli import main
from kiosk.core.portal_payload import load_mapping
from kiosk.core.seed import Seeder
from kiosk.integrations.dvcqg.adapter import portal_context
from kiosk.integrations.dvcqg.adapter import preview as adapter_preview
from kiosk.integrations.dvcqg.client import DvcqgClient
from kiosk.models.tables import Dossier
from tests.integration.dvcqg_server import (
    PASSWORD,
    STATUS_GROUPS,
    USERNAME,
    ContractServer,
    check_dossier,
    check_progress,
    make_status_dossiers,
)

AGENCY = "000.00.06.H56"


@pytest.fixture
def contract() -> Iterator[ContractServer]:
    with ContractServer(AGENCY) as server:
        yield server


def preview(capsys: pytest.CaptureFixture[str], code: str, *extra: str) -> list[dict]:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["sync", "preview", code, *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_preview_of_every_status_group_passes_the_contract(  # type: ignore[no-untyped-def]
    app, clock, contract, database_url, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", database_url)
    by_status = make_status_dossiers(app, clock)
    Seeder(app.session_factory, app.calendar, agency_code=AGENCY, now=app.clock.now(), rng=random.Random(5)).seed(
        app.calendar.local(app.clock.now()).date().replace(day=18), 4, 8
    )
    with app.session_factory() as s:
        rows = s.execute(select(Dossier.code, Dossier.status)).all()
    assert {status for _, status in rows} == set(range(1, 11))
    for group, statuses in STATUS_GROUPS.items():
        assert any(st in statuses for _, st in rows), group

    via_cli = set(by_status.values())  # the command line for one dossier per status, the same function for the rest
    mapping, ctx = load_mapping(), portal_context(app.settings)
    client = DvcqgClient(contract.url, USERNAME, PASSWORD, AGENCY, timeout_s=5)
    try:
        for code, status in rows:
            if code in via_cli:
                data = preview(capsys, code)
                entries = preview(capsys, code, "--service", "CapNhatTienDoHoSoMC")
            else:
                with app.session_factory() as s:
                    data = adapter_preview(s, code, "DongBoHoSoMC", mapping, ctx)
                    entries = adapter_preview(s, code, "CapNhatTienDoHoSoMC", mapping, ctx)
            assert len(data) == 1
            assert check_dossier(data[0], AGENCY) == [], code
            assert data[0]["MaHoSo"] == code and data[0]["TrangThaiHoSo"] == str(status)
            assert entries, f"{code} has processing steps"
            assert all(check_progress(e, AGENCY) == [] for e in entries)
            assert entries[-1]["TrangThai"] == str(status)
            client.call("DongBoHoSoMC", data, is_updating=False)
            client.call("CapNhatTienDoHoSoMC", entries)
    finally:
        client.close()
    assert contract.state.problems == []
    assert set(contract.state.inserts) == {code for code, _ in rows}

    # what the kiosk knows ends up in the right fields
    got = {st: contract.state.dossiers[code] for st, code in by_status.items()}
    assert got[1]["NgayTiepNhan"] == "" and got[1]["NgayNopHoSo"] != ""
    with app.session_factory() as s:
        legal = dict(s.execute(select(Dossier.code, Dossier.legal_channel)).all())
    assert all(contract.state.dossiers[c]["KenhThucHien"] == str(legal[c]) for c in legal if legal[c] is not None)
    assert got[2]["KenhThucHien"] == "1" and got[3]["KenhThucHien"] in ("1", "2")  # counter 1; kiosk per setting
    assert got[3]["NgayTuChoi"] != "" and got[3]["NgayTiepNhan"] == ""
    assert got[10]["HinhThuc"] == "1" and got[10]["ThongTinTra"] == "12 Lê Lợi, Thanh Hóa"
    assert got[10]["NgayTra"] >= got[10]["NgayKetThucXuLy"] >= got[10]["NgayTiepNhan"]
    rounds = got[10]["DanhSachHoSoBoSung"]
    assert len(rounds) == 1 and rounds[0]["NguoiYeuCauBoSung"] == "Lê Văn Bình"
    assert "Thiếu chữ ký" in rounds[0]["NoiDungBoSung"] and rounds[0]["NgayTiepNhanBoSung"] != ""
    assert got[10]["DanhSachLePhi"][0]["Gia"] == "20000"
    assert got[10]["DuocThanhToanTrucTuyen"] == "0"  # cash at the counter is not online payment
    assert got[6]["TrangThaiHoSo"] == "6" and got[6]["DanhSachLePhi"][0]["Gia"] == "50000"
    assert got[5]["TaiLieuNop"][0]["DuocSoHoa"] == "1" and got[5]["TaiLieuNop"][1]["DuocSoHoa"] == "0"
    assert got[9]["DinhDanhCHS"] == [{"LoaiDinhDanh": "1", "SoDinhDanh": "038186000009"}]
    steps = contract.state.progress_by_code[by_status[8]]
    assert [e["TrangThai"] for e in steps] == ["2", "4", "8"]  # 8 is reported as 8, not disguised as 9
    assert steps[1]["NguoiXuLy"] == "Lê Văn Bình" and steps[2]["NoiDungXuLy"].endswith("Có tranh chấp")


def test_preview_of_an_unknown_code_is_one_line(database_url, monkeypatch, capsys, app) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATABASE_URL", database_url)
    assert main(["sync", "preview", "000.00.06.H56-261125-9999"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "không có hồ sơ" in err[0]

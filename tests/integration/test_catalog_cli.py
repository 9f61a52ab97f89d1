"""`kiosk catalog list|show|import` in-process, and the catalogue's round trip through the database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.cli import main
from kiosk.core.catalogue import bundled_catalogue_path, load_catalogue, parse_catalogue
from kiosk.core.catalogue_store import procedure_row, stored_procedure, sync_catalogue
from kiosk.models.database import open_database, session_scope
from kiosk.models.tables import Procedure as ProcedureRow


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "kiosk-data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(d))
    monkeypatch.delenv("KIOSK_CATALOGUE_FILE", raising=False)
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return d


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def procedure_count(data_dir: Path) -> int:
    engine, factory = open_database(f"sqlite:///{data_dir / 'kiosk.sqlite3'}")
    try:
        with session_scope(factory) as s:
            return int(s.scalar(select(func.count()).select_from(ProcedureRow)) or 0)
    finally:
        engine.dispose()


def bundled_text() -> str:
    return bundled_catalogue_path().read_text(encoding="utf-8")


# -- list / show -------------------------------------------------------------------------------------------


def test_list_text(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run(capsys, "catalog", "list", "--on", "2026-06-01")
    assert rc == 0 and err == ""
    assert "Đăng ký khai sinh" in out and "Đăng ký thường trú" in out
    assert "20.000đ / online 10.000đ" in out
    assert out.strip().splitlines()[-1].startswith("25 thủ tục")


def test_list_json_and_effective_date(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(capsys, "catalog", "list", "--json", "--on", "2026-06-01")
    assert rc == 0
    rows = json.loads(out)
    assert len(rows) == 25
    ks = next(r for r in rows if r["code"] == "1.001193")
    assert ks["version"] == "2025-07-01" and ks["time_limit"] == {"kind": "same_day", "amount": 0}
    rc, out, _ = run(capsys, "catalog", "list", "--json", "--on", "2027-03-01")
    rows = json.loads(out)
    assert next(r for r in rows if r["code"] == "1.001193")["version"] == "2027-03-01"


def test_show_text_and_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(capsys, "catalog", "show", "1.000894")
    assert rc == 0
    assert "Đăng ký kết hôn" in out and "Hai bên nam, nữ" in out and "groom_full_name" in out
    rc, out, _ = run(capsys, "catalog", "show", "1.004222", "--json")
    data = json.loads(out)
    assert (data["fee_counter"], data["fee_online"]) == (20000, 10000)
    assert data["form"] and data["documents"]
    rc, out, _ = run(capsys, "catalog", "show", "1.001193", "--on", "2027-06-01", "--json")
    assert json.loads(out)["version"] == "2027-03-01"


@pytest.mark.parametrize(
    ("argv", "code", "fragment"),
    [
        (["catalog", "show", "9.999999"], 1, "unknown procedure code '9.999999'"),
        (["catalog", "show", "1.004222", "--on", "2025-01-01"], 1, "no version in effect on 2025-01-01"),
        (["catalog", "list", "--on", "01/03/2027"], 2, "--on: expected a date as YYYY-MM-DD"),
        (["catalog", "import", "/nonexistent/catalogue.toml"], 1, "does not exist"),
    ],
)
def test_bad_input_is_one_clear_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, fragment: str
) -> None:
    rc, out, err = run(capsys, *argv)
    assert rc == code
    assert len(err.strip().splitlines()) == 1 and fragment in err
    assert "Traceback" not in err + out


# -- import ------------------------------------------------------------------------------------------------


def test_bad_file_is_rejected_whole(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = bundled_text()
    text = text.replace('time_limit = { kind = "working_days", amount = 7 }', 'time_limit = { kind = "weekly", amount = 7 }')
    text = text.replace("fee_counter = 20000\n", "fee_counter = 20000\nfee_cash = 1\n")
    text = text.replace("pattern = '[0-9]{6,30}'", "pattern = '[0-9'")
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")

    rc, out, err = run(capsys, "catalog", "import", str(bad))
    assert rc == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert all(ln.startswith("kiosk: bad.toml:") for ln in lines)
    assert any("field 'time_limit.kind': must be one of" in ln for ln in lines)
    assert any("field 'fee_cash': unknown key" in ln for ln in lines)
    assert any("not a valid regular expression" in ln for ln in lines)
    assert not (data_dir / "catalogue.toml").exists()
    assert not (data_dir / "kiosk.sqlite3").exists()  # the database was not even opened


def test_syntax_error_file(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text("schema_version = 1\n[[procedure]\ncode = 1\n", encoding="utf-8")
    rc, _, err = run(capsys, "catalog", "import", str(bad))
    assert rc == 1 and err.startswith("kiosk: broken.toml:2: TOML syntax error")


def test_import_round_trip(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a province's file: one renamed procedure and one with a province-suffixed code
    text = bundled_text().replace('name = "Tách hộ"', 'name = "Tách hộ (tỉnh)"')
    extra = """
[[procedure]]
code = "1.000948.H38"
version = "2026-01-01"
effective_from = 2026-01-01
name = "Thủ tục riêng của tỉnh"
name_en = "A provincial procedure"
field = "Bảo trợ xã hội"
field_en = "Social protection"
level = "toan_trinh"
time_limit = { kind = "working_hours", amount = 16 }
documents = [
  { name_vi = "Đơn đề nghị", name_en = "Application", originals = 1 },
]
form = [
  { name = "full_name", label_vi = "Họ tên", label_en = "Full name", type = "text", required = true, prefill = "full_name" },
]
"""
    src = tmp_path / "tinh.toml"
    src.write_text(text + extra, encoding="utf-8")

    rc, out, err = run(capsys, "catalog", "import", str(src))
    assert rc == 0, err
    assert "26 procedures (27 versions): 27 added, 0 updated, 0 unchanged" in out
    assert (data_dir / "catalogue.toml").read_text(encoding="utf-8") == src.read_text(encoding="utf-8")
    assert procedure_count(data_dir) == 27

    # later runs use the imported file
    rc, out, _ = run(capsys, "catalog", "show", "1.000948.H38", "--json", "--on", "2026-06-01")
    assert rc == 0 and json.loads(out)["time_limit"]["kind"] == "working_hours"
    rc, out, _ = run(capsys, "catalog", "list", "--on", "2026-06-01")
    assert "Tách hộ (tỉnh)" in out

    # importing the same file again changes nothing; importing the bundled one rewrites one version
    rc, out, _ = run(capsys, "catalog", "import", str(src))
    assert "0 added, 0 updated, 27 unchanged" in out
    rc, out, _ = run(capsys, "catalog", "import", str(bundled_catalogue_path()))
    assert "0 added, 1 updated, 25 unchanged" in out
    assert procedure_count(data_dir) == 27  # versions are never deleted: dossiers may point at them


def test_catalogue_file_setting_wins(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    only = tmp_path / "only.toml"
    only.write_text(bundled_text().split("# ============================================================ CHỨNG THỰC")[0], encoding="utf-8")
    monkeypatch.setenv("KIOSK_CATALOGUE_FILE", str(only))
    rc, out, _ = run(capsys, "catalog", "list", "--json", "--on", "2026-06-01")
    assert rc == 0 and {r["field"] for r in json.loads(out)} == {"Hộ tịch"}

    only.write_text("schema_version = 1\n", encoding="utf-8")
    rc, out, err = run(capsys, "catalog", "list")
    assert rc == 1 and err.strip() == "kiosk: only.toml:1: no [[procedure]] tables found"


# -- the store directly ------------------------------------------------------------------------------------


def test_sync_and_lookup_by_date(tmp_path: Path) -> None:
    engine, factory = open_database(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    cat = load_catalogue()
    try:
        with session_scope(factory) as s:
            added, unchanged = sync_catalogue(s, cat)
            assert (added, unchanged) == (26, 0)
        with session_scope(factory) as s:
            result = sync_catalogue(s, cat)
            assert (result.added, result.updated, result.unchanged) == (0, 0, 26)
        with session_scope(factory) as s:
            old = procedure_row(s, "1.001193", date(2027, 2, 28))
            new = procedure_row(s, "1.001193", date(2027, 3, 1))
            assert old is not None and new is not None
            assert (old.version, new.version) == ("2025-07-01", "2027-03-01")
            assert procedure_row(s, "1.001193", date(2025, 1, 1)) is None
            assert procedure_row(s, "9.999999", date(2026, 1, 1)) is None
            tt = procedure_row(s, "1.004222", date(2026, 1, 1))
            assert tt is not None
            assert (tt.fee_counter, tt.fee_online, tt.time_limit_kind, tt.time_limit_amount) == (20000, 10000, "working_days", 7)
            assert tt.imported_at.tzinfo is not None
            assert stored_procedure(tt) == cat.get("1.004222", date(2026, 1, 1))
    finally:
        engine.dispose()


def test_parse_catalogue_of_bundled_text_equals_load() -> None:
    assert parse_catalogue(bundled_text()).all_versions() == load_catalogue().all_versions()

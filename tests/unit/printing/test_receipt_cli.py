"""`kiosk receipt` and `kiosk printer test` through kiosk.cli.main."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from tests.unit.printing.printing_samples import ACCEPTED, PENDING, pdf_text


@pytest.fixture
def env(settings, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATABASE_URL", settings.effective_database_url)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(settings.data_dir))
    return settings


@pytest.mark.parametrize(("form", "needle"), [("01", "GIẤY TIẾP NHẬN"), ("02", "BỔ SUNG"), ("03", "TỪ CHỐI"),
                                             ("04", "XIN LỖI"), ("slip", "PHIẾU NỘP HỒ SƠ")])
def test_receipt_out(env, tmp_path: Path, form: str, needle: str) -> None:
    out = tmp_path / f"r-{form}.pdf"
    assert main(["receipt", ACCEPTED, "--form", form, "--out", str(out)]) == 0
    assert needle in pdf_text(out.read_bytes(), tmp_path)


def test_receipt_default_printer_writes_pdf(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["receipt", PENDING, "--form", "slip"]) == 0
    assert "ok:" in capsys.readouterr().out
    assert list((env.data_dir / "receipts").glob("*-slip.pdf"))


def test_unknown_code_one_line(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["receipt", "000.00.06.H56-000000-9999"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no dossier" in err


def test_missing_event(env, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["receipt", PENDING, "--form", "04"]) == 1
    assert "no apology recorded" in capsys.readouterr().err


def test_printer_test(env, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["printer", "test", "--printer", f"pdf:{tmp_path / 'pt'}"]) == 0
    [pdf] = (tmp_path / "pt").glob("*.pdf")
    assert "Nguyễn Thị Hường" in pdf_text(pdf.read_bytes(), tmp_path)
    assert main(["printer", "test", "--printer", "escpos:dummy"]) == 0
    assert main(["printer", "test", "--printer", "cups"]) == 1
    assert "queue_missing" in capsys.readouterr().out

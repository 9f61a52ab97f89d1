"""End to end through real pcscd + vsmartcard-vpcd + pyscard against the project's virtual CCCD:
BAC, PACE, wrong key, card pulled out mid-DG2 and resumed, tampered DG13, no CSCA, the CLI contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.devices.card import AccessDenied, NoCard, ReaderServiceDown, from_qr, from_typed, read_card
from kiosk.devices.card.virtual import CardOptions, start_virtual_card
from kiosk.devices.card.virtual.demo import demo_citizen

pytestmark = pytest.mark.integration
READER = "Virtual PCD 00 00"
CARD_KEYS = {
    "id_number", "full_name", "date_of_birth", "sex", "nationality", "ethnicity", "religion", "place_of_origin",
    "place_of_residence", "identifying_marks", "date_of_issue", "date_of_expiry", "father_name", "mother_name",
    "spouse_name", "old_id_number", "mrz",
}


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "card", *args], capture_output=True, text=True, timeout=60, env=full_env
    )


def test_bac_read_through_pcscd_no_csca(virtual_card) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions())
    r = read_card(from_qr(h.citizen.qr_text()), reader=READER)
    assert (r.auth, r.passive_auth, r.active_auth) == ("BAC", "chain_unverified", "verified")
    assert r.card.full_name == "Nguyễn Thị Hương" and r.card.photo_jpeg == h.photo
    assert r.stats.read_binary <= 10 and r.stats.seconds < 5


def test_pace_read_verified_with_trust(virtual_card) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions(pace=True))
    r = read_card(from_qr(h.citizen.qr_text()), reader=READER, trust_dir=h.trust_dir)
    assert (r.auth, r.passive_auth) == ("PACE", "verified")


def test_wrong_key_is_access_denied(virtual_card) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions())
    with pytest.raises(AccessDenied):
        read_card(from_typed(h.citizen.id_number, "1990-03-13"), reader=READER)
    res = _cli("read", "--reader", READER, "--id", h.citizen.id_number, "--dob", "1990-03-13", "--json")
    assert res.returncode == 5, res.stderr
    assert res.stdout == "" and len(res.stderr.strip().splitlines()) == 1


def test_card_pulled_mid_dg2_resumes(virtual_card) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions(extended_length=False, pull_after=50))
    progress: list[tuple[int, int]] = []
    r = read_card(from_qr(h.citizen.qr_text()), reader=READER, progress=lambda d, t: progress.append((d, t)))
    assert h.thread.pulled == 1 and r.stats.resumed == 1
    assert r.card.photo_jpeg == h.photo
    assert all(a[0] <= b[0] for a, b in zip(progress, progress[1:], strict=False))
    dg2_start = sum(len(v) for k, v in r.raw_files.items() if k != "DG2")
    assert any(d > dg2_start for d, _ in progress[:-1])  # the pull happened after DG2 had started


def test_tampered_dg13_cli_exit_7_with_json(virtual_card) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions(), tampered_dg13=True)
    res = _cli("read", "--reader", READER, "--qr", h.citizen.qr_text(), "--trust", str(h.trust_dir), "--json")
    assert res.returncode == 7, res.stderr
    out = json.loads(res.stdout)
    assert out["passive_auth"] == "failed"
    assert len(res.stderr.strip().splitlines()) == 1


def test_cli_json_contract(virtual_card, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions(pace=True))
    photo = tmp_path / "face.jpg"
    res = _cli("read", "--reader", READER, "--qr", h.citizen.qr_text(), "--photo", str(photo), "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert set(out) == {"card", "auth", "passive_auth", "active_auth", "chip_auth", "stats"}
    assert set(out["card"]) == CARD_KEYS
    assert set(out["stats"]) == {"apdus", "read_binary", "bytes", "seconds"}
    assert out["auth"] == "PACE" and out["passive_auth"] == "chain_unverified" and out["active_auth"] == "verified"
    c = out["card"]
    assert c["full_name"] == "Nguyễn Thị Hương" and c["date_of_birth"] == "1990-03-12" and c["spouse_name"] is None
    assert photo.read_bytes() == h.photo and "photo" not in res.stdout


def test_cli_mrz_and_elderly_profile(virtual_card) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions(), profile="elderly")
    res = _cli("read", "--reader", READER, "--mrz", h.citizen.mrz(), "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["card"]["date_of_expiry"] == "Không thời hạn"


def test_no_card_is_exit_4(pcscd: None) -> None:
    with pytest.raises(NoCard):
        read_card(from_qr(demo_citizen().qr_text()), reader=READER)
    res = _cli("read", "--reader", READER, "--qr", demo_citizen().qr_text(), "--json")
    assert res.returncode == 4 and len(res.stderr.strip().splitlines()) == 1


def test_service_down_is_exit_3(tmp_path: Path) -> None:
    env = {"PCSCLITE_CSOCK_NAME": str(tmp_path / "no-pcscd.comm")}
    res = _cli("read", "--qr", demo_citizen().qr_text(), "--json", env=env)
    assert res.returncode == 3, res.stderr
    assert "pcscd" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_service_down_exception_in_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from kiosk.devices.card import transport

    def down() -> tuple[object, int]:
        raise ReaderServiceDown("0x8010001D")

    monkeypatch.setattr(transport, "_context", down)
    with pytest.raises(ReaderServiceDown):
        read_card(from_qr(demo_citizen().qr_text()))


def test_usage_errors_exit_2() -> None:
    assert _cli("read", "--id", "001190012345", "--json").returncode == 2
    assert _cli("read", "--qr", "not a qr", "--json").returncode == 2
    assert _cli("read", "--json").returncode == 2
    for args in (("--id", "001190012345", "--dob", "9999-12-31"), ("--qr", demo_citizen().qr_text(), "--wait", "nan"),
                 ("--qr", "001190012345||A|12039995|Nữ|Hà Nội|15042021")):
        res = _cli("read", *args, "--json")
        assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_virtual_card_refused_in_production() -> None:
    from types import SimpleNamespace

    from kiosk.devices.card import VirtualCardRefused
    from kiosk.devices.card.virtual import build_profile, make_photo
    from kiosk.devices.card.virtual.profile import TestPki

    profile = build_profile(demo_citizen(), make_photo(), TestPki.generate())
    with pytest.raises(VirtualCardRefused):
        start_virtual_card(profile, settings=SimpleNamespace(environment="production"))
    res = _cli("emulate", "demo", "--seconds", "1", env={"KIOSK_ENVIRONMENT": "production"})
    assert res.returncode == 2 and "production" in res.stderr

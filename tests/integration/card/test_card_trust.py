"""The trust policy end to end through real pcscd + vsmartcard-vpcd: a chip signed under the test CSCA of the
trust store, one signed under a forger's own CSCA (same names, not in the store), one whose active
authentication fails (a copied chip). The CLI contract: 0 verified or no store, 8 store given but no chain
(JSON still printed, one line on stderr), 7 failed AA."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.devices.card import ActiveAuthFailed, CardNotVerified, from_qr, read_card
from kiosk.devices.card.trust import TrustPolicy, check_badge
from kiosk.devices.card.virtual import CardOptions
from kiosk.devices.card.virtual.profile import TestPki

pytestmark = pytest.mark.integration
READER = "Virtual PCD 00 00"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KIOSK_ENVIRONMENT="test")
    return subprocess.run([sys.executable, "-m", "kiosk", "card", *args], capture_output=True, text=True, timeout=60,
                          env=env)


def test_verified_chain_exit_0(virtual_card) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions(), with_dg14=True)
    res = _cli("read", "--reader", READER, "--qr", h.citizen.qr_text(), "--trust", str(h.trust_dir), "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert (out["passive_auth"], out["active_auth"]) == ("verified", "verified")
    assert res.stderr == ""
    r = read_card(from_qr(h.citizen.qr_text()), reader=READER, trust_dir=h.trust_dir, require_trusted_chain=True)
    assert r.ensure_trusted() is r and check_badge(r) is r
    assert r.raw_files.get("DG14")  # DG14 named the AA hash, and AA verified with it


def test_forged_csca_exit_8_with_json(virtual_card) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions(), forged=True)
    res = _cli("read", "--reader", READER, "--qr", h.citizen.qr_text(), "--trust", str(h.trust_dir), "--json")
    assert res.returncode == 8, res.stderr
    out = json.loads(res.stdout)
    assert out["passive_auth"] == "chain_unverified" and out["card"]["full_name"] == "Nguyễn Thị Hương"
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot be verified" in lines[0] and "Traceback" not in res.stderr
    assert h.citizen.id_number not in res.stderr
    # no trust store given: the forged chip reads as before (exit 0, chain_unverified)
    res = _cli("read", "--reader", READER, "--qr", h.citizen.qr_text(), "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["passive_auth"] == "chain_unverified"
    # the kiosk's policy: accepted in demo/test unless required, refused when required, never for a badge
    lenient = read_card(from_qr(h.citizen.qr_text()), reader=READER, trust_dir=h.trust_dir)
    assert lenient.passive_auth == "chain_unverified" and lenient.ensure_trusted() is lenient
    strict = read_card(from_qr(h.citizen.qr_text()), reader=READER, trust_dir=h.trust_dir, require_trusted_chain=True)
    with pytest.raises(CardNotVerified):
        strict.ensure_trusted()
    with pytest.raises(CardNotVerified):
        check_badge(lenient)
    assert TrustPolicy(require_trusted_chain=True).refusal(lenient) is not None


def test_genuine_chip_against_another_store_exit_8(virtual_card, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions())
    other = TestPki.generate().write_csca(tmp_path / "other-store").parent
    res = _cli("read", "--reader", READER, "--qr", h.citizen.qr_text(), "--trust", str(other), "--json")
    assert res.returncode == 8, res.stderr
    assert json.loads(res.stdout)["passive_auth"] == "chain_unverified"
    empty = tmp_path / "empty-store"
    empty.mkdir()
    res = _cli("read", "--reader", READER, "--qr", h.citizen.qr_text(), "--trust", str(empty), "--json")
    assert res.returncode == 8 and json.loads(res.stdout)["passive_auth"] == "chain_unverified"


def test_cloned_chip_aa_failure_exit_7(virtual_card) -> None:  # type: ignore[no-untyped-def]
    h = virtual_card(CardOptions(), cloned_aa=True)
    res = _cli("read", "--reader", READER, "--qr", h.citizen.qr_text(), "--trust", str(h.trust_dir), "--json")
    assert res.returncode == 7, res.stderr
    out = json.loads(res.stdout)
    assert (out["passive_auth"], out["active_auth"]) == ("verified", "failed")
    assert len(res.stderr.strip().splitlines()) == 1 and "active authentication" in res.stderr
    r = read_card(from_qr(h.citizen.qr_text()), reader=READER, trust_dir=h.trust_dir)
    with pytest.raises(ActiveAuthFailed):
        r.ensure_trusted()  # refused whatever the policy


def test_chip_authentication_cli(virtual_card) -> None:  # type: ignore[no-untyped-def]
    """DG14 Chip Authentication through pcscd: the genuine chip verifies (exit 0), a copy whose chip holds
    another CA key fails (exit 7, JSON printed)."""
    h = virtual_card(CardOptions(pace=True), with_ca=True)
    res = _cli("read", "--reader", READER, "--qr", h.citizen.qr_text(), "--trust", str(h.trust_dir), "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert (out["passive_auth"], out["active_auth"], out["chip_auth"]) == ("verified", "verified", "verified")
    h.stop()
    h2 = virtual_card(CardOptions(), with_ca=True, cloned_ca=True)
    res = _cli("read", "--reader", READER, "--qr", h2.citizen.qr_text(), "--trust", str(h2.trust_dir), "--json")
    assert res.returncode == 7, res.stderr
    assert json.loads(res.stdout)["chip_auth"] == "failed" and "chip authentication" in res.stderr

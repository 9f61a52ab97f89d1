"""Chip Authentication (DG14) against the virtual card in-process: a chip holding DG14's key verifies and
reading continues under the new session keys; a copied chip (another CA key) fails and the trust policy
refuses it; a DG14 listed in EF.SOD but hidden by the chip fails too; with BAC and with PACE."""

from __future__ import annotations

import functools

import pytest

from kiosk.devices.card import ChipAuthFailed, keys, read_card
from kiosk.devices.card.virtual.card import CardOptions, VirtualCard
from kiosk.devices.card.virtual.demo import demo_citizen
from kiosk.devices.card.virtual.direct import DirectTransport
from kiosk.devices.card.virtual.profile import TestPki, build_profile

PHOTO = b"\xff\xd8\xff\xe0" + bytes(2000) + b"\xff\xd9"


@functools.lru_cache(maxsize=1)
def _pki() -> TestPki:
    return TestPki.generate()


def _read(opts: CardOptions, **profile_kw: bool):  # type: ignore[no-untyped-def]
    citizen = demo_citizen()
    profile = build_profile(citizen, PHOTO, _pki(), with_dg15=True, **profile_kw)
    t = DirectTransport(VirtualCard(profile, opts))
    return read_card(keys.from_qr(citizen.qr_text()), transport=t, trust_dir=None), t


@pytest.mark.parametrize("pace", [False, True])
def test_chip_with_dg14_key_verifies(pace: bool) -> None:
    r, t = _read(CardOptions(pace=pace), with_ca=True)
    assert (r.chip_auth, r.active_auth, r.passive_auth) == ("verified", "verified", "chain_unverified")
    assert r.ensure_trusted() is r and r.to_json_dict()["chip_auth"] == "verified"
    mse = [a for a in t.sent if a[1:4] == b"\x22\x41\xa4"]  # MSE:Set AT for CA, sent under SM (CLA 0C)
    assert len(mse) == 1 and mse[0][0] == 0x0C


def test_copied_chip_fails_chip_authentication() -> None:
    r, _ = _read(CardOptions(), with_ca=True, cloned_ca=True)
    assert (r.chip_auth, r.active_auth) == ("failed", "verified")
    with pytest.raises(ChipAuthFailed) as e:
        r.ensure_trusted()  # whatever the policy
    assert e.value.exit_code == 7 and "sao chép" in e.value.message_vi


def test_dg14_without_ca_is_absent() -> None:
    r, _ = _read(CardOptions(), with_dg14=True)
    assert r.chip_auth == "absent" and r.raw_files["DG14"]


def test_dg14_listed_but_hidden_fails() -> None:
    citizen = demo_citizen()
    profile = build_profile(citizen, PHOTO, _pki(), with_dg15=True, with_ca=True)
    del profile.files[0x010E]  # EF.SOD still lists DG14
    r = read_card(keys.from_qr(citizen.qr_text()), transport=DirectTransport(VirtualCard(profile, CardOptions())))
    assert r.chip_auth == "failed"

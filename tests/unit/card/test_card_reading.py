"""The whole reading logic against the virtual card in-process (no pcscd): access control, adaptive
blocks, resume after the card is pulled, passive and active authentication outcomes."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from kiosk.devices.card import AccessDenied, keys, read_card
from kiosk.devices.card.reading import atr_extended_length
from kiosk.devices.card.virtual.card import CardOptions, VirtualCard, build_atr
from kiosk.devices.card.virtual.demo import demo_citizen, elderly_citizen, make_photo
from kiosk.devices.card.virtual.direct import DirectTransport
from kiosk.devices.card.virtual.profile import TestPki, build_profile


@functools.lru_cache(maxsize=1)
def _pki() -> TestPki:
    return TestPki.generate()


@functools.lru_cache(maxsize=1)
def _photo() -> bytes:
    return make_photo()


def _read(opts: CardOptions, *, key: keys.KeySource | None = None, trust: Path | None = None, citizen=None, **kw):  # type: ignore[no-untyped-def]
    citizen = citizen or demo_citizen()
    profile = build_profile(citizen, _photo(), _pki(), tampered_dg13=kw.pop("tampered", False), with_dg15=kw.pop("dg15", True))
    t = DirectTransport(VirtualCard(profile, opts))
    result = read_card(key or keys.from_qr(citizen.qr_text()), trust_dir=trust, transport=t, **kw)
    return result, t


def test_bac_read_chain_unverified_without_csca() -> None:
    r, _ = _read(CardOptions())
    assert (r.auth, r.passive_auth, r.active_auth) == ("BAC", "chain_unverified", "verified")
    assert r.card.full_name == "Nguyễn Thị Hương" and r.card.photo_jpeg == _photo()
    assert 15_000 <= len(_photo()) <= 20_000


def test_pace_read_verified_with_trust_dir(tmp_path: Path) -> None:
    _pki().write_csca(tmp_path)
    r, _ = _read(CardOptions(pace=True), trust=tmp_path)
    assert (r.auth, r.passive_auth) == ("PACE", "verified")


def test_pace_failure_falls_back_to_bac() -> None:
    citizen = demo_citizen()
    profile = build_profile(citizen, _photo(), _pki())
    profile.can = "999999"  # the card's CAN is not the last 6 ID digits
    t = DirectTransport(VirtualCard(profile, CardOptions(pace=True)))
    r = read_card(keys.from_qr(citizen.qr_text()), transport=t)
    assert r.auth == "BAC"


def test_wrong_key_three_attempts_with_reselect() -> None:
    wrong = keys.from_typed("001190012345", "1990-03-13")
    with pytest.raises(AccessDenied) as err:
        _read(CardOptions(), key=wrong)
    assert "Vui lòng" in err.value.message_vi


def test_wrong_key_sends_at_most_three_bac_attempts() -> None:
    citizen = demo_citizen()
    t = DirectTransport(VirtualCard(build_profile(citizen, _photo(), _pki()), CardOptions()))
    with pytest.raises(AccessDenied):
        read_card(keys.from_typed(citizen.id_number, "1990-03-13"), transport=t)
    ext_auth = [a for a in t.sent if a[1] == 0x82]
    selects = [a for a in t.sent if a[1] == 0xA4 and a[2] == 0x04]
    assert len(ext_auth) == 3 and len(selects) == 3


def test_tampered_dg13_fails_passive_auth(tmp_path: Path) -> None:
    _pki().write_csca(tmp_path)
    r, _ = _read(CardOptions(), trust=tmp_path, tampered=True)
    assert r.passive_auth == "failed"
    from kiosk.devices.card import PassiveAuthFailed

    with pytest.raises(PassiveAuthFailed):
        r.ensure_trusted()


def test_other_csca_leaves_chain_unverified(tmp_path: Path) -> None:
    TestPki.generate().write_csca(tmp_path)
    r, _ = _read(CardOptions(), trust=tmp_path)
    assert r.passive_auth == "chain_unverified"


def test_no_dg15_means_aa_absent_and_elderly_no_expiry() -> None:
    citizen = elderly_citizen()
    r, _ = _read(CardOptions(), citizen=citizen, dg15=False)
    assert r.active_auth == "absent"
    assert r.card.date_of_expiry == "Không thời hạn"
    assert r.card.mother_name == "Phạm Thị Đào" and r.card.father_name is None


def test_adaptive_extended_uses_4x_fewer_reads_than_baseline() -> None:
    adaptive, _ = _read(CardOptions())
    baseline, _ = _read(CardOptions(), adaptive=False, block_size=0xE0)
    assert adaptive.stats.extended_length
    assert adaptive.stats.read_binary * 4 <= baseline.stats.read_binary
    assert adaptive.card.photo_jpeg == baseline.card.photo_jpeg


@pytest.mark.parametrize("pace", [False, True])
def test_adaptive_short_never_more_than_baseline(pace: bool) -> None:
    opts = CardOptions(extended_length=False, pace=pace)
    adaptive, _ = _read(opts)
    baseline, _ = _read(CardOptions(extended_length=False, pace=pace), adaptive=False, block_size=0xE0)
    assert adaptive.stats.read_binary <= baseline.stats.read_binary


def test_probe_when_atr_is_silent_then_falls_back() -> None:
    r, _ = _read(CardOptions(extended_length=False, advertise_capabilities=False))
    assert not r.stats.extended_length and r.stats.reauth == 1
    r2, _ = _read(CardOptions(advertise_capabilities=False))
    assert r2.stats.extended_length and r2.stats.reauth == 0


def test_max_block_on_the_card_is_respected() -> None:
    r, _ = _read(CardOptions(max_block=100, extended_length=False))
    assert r.card.photo_jpeg == _photo()
    assert r.stats.read_binary > len(_photo()) / 100


def test_card_error_during_read_shrinks_block() -> None:
    class Flaky(DirectTransport):
        def transmit(self, apdu: bytes) -> tuple[bytes, int]:
            if apdu[1] == 0xB0 and len(self.sent) in (30, 31):
                self.sent.append(apdu)
                return b"", 0x6700  # plain error: SM lost, reader must re-authenticate
            return super().transmit(apdu)

    citizen = demo_citizen()
    t = Flaky(VirtualCard(build_profile(citizen, _photo(), _pki()), CardOptions(extended_length=False)))
    r = read_card(keys.from_qr(citizen.qr_text()), transport=t)
    assert r.card.photo_jpeg == _photo() and r.stats.reauth >= 1 and r.stats.block_size < 231


@pytest.mark.parametrize("pace", [False, True])
def test_pulled_card_resumes_from_last_offset(pace: bool) -> None:
    progress: list[tuple[int, int]] = []
    r, t = _read(CardOptions(pace=pace, extended_length=False, pull_after=50), progress=lambda d, n: progress.append((d, n)))
    assert t.pulled and r.stats.resumed == 1
    assert r.card.photo_jpeg == _photo()
    assert progress[-1][0] == progress[-1][1]
    assert all(a[0] <= b[0] for a, b in zip(progress, progress[1:], strict=False))  # never starts over


def test_mf_select_answers_6d00() -> None:
    card = VirtualCard(build_profile(demo_citizen(), _photo(), _pki()), CardOptions())
    assert card.process(bytes.fromhex("00A4000C023F00")) == b"\x6d\x00"


def test_atr_capabilities() -> None:
    assert atr_extended_length(build_atr(True)) is True
    assert atr_extended_length(build_atr(False)) is False
    assert atr_extended_length(build_atr(None)) is None
    assert atr_extended_length(b"") is None


def test_active_auth_rsa_iso9796_2_and_ecdsa() -> None:
    import hashlib
    import os

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from kiosk.devices.card.active import verify_signature

    key = rsa.generate_private_key(65537, 1024)
    nums = key.private_numbers()
    n, d = nums.public_numbers.n, nums.d
    k = (n.bit_length() + 7) // 8
    challenge = os.urandom(8)
    m1 = os.urandom(k - 2 - 20)
    m = b"\x6a" + m1 + hashlib.sha1(m1 + challenge).digest() + b"\xbc"
    sig = pow(int.from_bytes(m, "big"), d, n).to_bytes(k, "big")
    spki = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert verify_signature(spki, challenge, sig)
    assert not verify_signature(spki, os.urandom(8), sig)
    assert not verify_signature(b"junk", challenge, sig)

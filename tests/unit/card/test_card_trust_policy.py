"""Passive authentication's chain checks (issuer signature, dates, key usage) and the trust policy, on EF.SOD
files built by the virtual card's profile code with throw-away PKIs; plus the fail-closed contract of
``passive.verify`` on malformed certificates."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.devices.card import passive
from kiosk.devices.card.datagroups import build_dg1, build_dg13
from kiosk.devices.card.errors import ActiveAuthFailed, CardNotVerified, PassiveAuthFailed
from kiosk.devices.card.model import CardData, ReadResult, ReadStats
from kiosk.devices.card.trust import TrustPolicy, check_badge, refusal
from kiosk.devices.card.virtual.demo import demo_citizen
from kiosk.devices.card.virtual.profile import TestPki, build_sod

NOW = dt.datetime.now(dt.UTC)


def _dgs() -> dict[int, bytes]:
    c = demo_citizen()
    return {1: build_dg1(c.mrz()), 13: build_dg13(c.dg13_fields())}


def _verify(signer: TestPki, store: list[TestPki], at: dt.datetime | None = None) -> passive.PaOutcome:
    dgs = _dgs()
    return passive.verify(build_sod(dgs, signer), dgs, [p.csca_cert for p in store], at)


def test_genuine_chain_verified_and_no_store_unverified() -> None:
    pki = TestPki.generate()
    assert _verify(pki, [pki]).status == "verified"
    out = _verify(pki, [])
    assert (out.status, out.detail) == ("chain_unverified", "no CSCA configured")


def test_forgers_own_csca_with_the_same_names_does_not_chain() -> None:
    genuine = TestPki.generate()
    forger = TestPki.forger_of(genuine)
    assert forger.ds_cert.issuer == genuine.csca_cert.subject  # only the signatures differ
    out = _verify(forger, [genuine])
    assert out.status == "chain_unverified" and "no trusted CSCA" in out.detail
    assert _verify(forger, [forger]).status == "verified"  # the forger's own store would accept it


def test_expired_document_signer_is_not_verified() -> None:
    pki = TestPki.generate(ds_validity=(NOW - dt.timedelta(days=4000), NOW - dt.timedelta(hours=1)))
    out = _verify(pki, [pki])
    assert out.status == "chain_unverified" and "validity" in out.detail
    assert _verify(pki, [pki], at=NOW - dt.timedelta(hours=2)).status == "verified"  # the CSCA dates from NOW-1d


def test_document_signer_not_yet_valid_is_not_verified() -> None:
    pki = TestPki.generate(ds_validity=(NOW + dt.timedelta(days=2), NOW + dt.timedelta(days=400)))
    assert _verify(pki, [pki]).status == "chain_unverified"


def test_key_usage_is_checked() -> None:
    no_ds_usage = TestPki.generate(ds_digital_signature=False)
    out = _verify(no_ds_usage, [no_ds_usage])
    assert out.status == "chain_unverified" and "digitalSignature" in out.detail
    no_ca_usage = TestPki.generate(csca_key_cert_sign=False)
    out = _verify(no_ca_usage, [no_ca_usage])
    assert out.status == "chain_unverified" and "keyCertSign" in out.detail


def test_expired_csca_is_not_verified() -> None:
    pki = TestPki.generate()
    out = _verify(pki, [pki], at=NOW + dt.timedelta(days=3651))  # after both certificates expired
    assert out.status == "chain_unverified"


def test_malformed_certificate_in_sod_fails_never_raises() -> None:
    """Every single-byte corruption of the Document Signer certificate inside EF.SOD gives an outcome, never
    an exception; a corruption of the signed part (tbsCertificate) is never ``verified``. (Outside it, e.g.
    the unused-bits byte of the signature BIT STRING, the signed content and signature are unchanged.)"""
    import warnings

    from asn1crypto import x509 as a_x509
    from cryptography.hazmat.primitives import serialization

    pki = TestPki.generate()
    dgs = _dgs()
    sod = build_sod(dgs, pki)
    cert = pki.ds_cert.public_bytes(serialization.Encoding.DER)
    start = sod.index(cert)
    tbs = a_x509.Certificate.load(cert)["tbs_certificate"].dump()
    tbs_start = start + cert.index(tbs)
    statuses = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cryptography warns about the non-positive serials some flips make
        for i in range(start, start + len(cert)):
            for delta in (0x01, 0x80):
                bad = bytearray(sod)
                bad[i] ^= delta
                out = passive.verify(bytes(bad), dgs, [pki.csca_cert])
                assert out.status in ("verified", "failed", "chain_unverified"), (i, out)
                if tbs_start <= i < tbs_start + len(tbs):
                    assert out.status != "verified", (i, out)
                statuses.add(out.status)
    assert "failed" in statuses and "chain_unverified" in statuses
    assert passive.verify(b"\x77\x03\x30\x01\x00", dgs, []).status == "failed"


def _result(pa: str, aa: str = "absent") -> ReadResult:
    return ReadResult(CardData(full_name="x"), "BAC", pa, aa, ReadStats(), "why")  # type: ignore[arg-type]


@pytest.mark.parametrize(("pa", "aa", "lenient", "strict"), [
    ("verified", "verified", None, None),
    ("verified", "absent", None, None),
    ("chain_unverified", "verified", None, CardNotVerified),
    ("failed", "verified", PassiveAuthFailed, PassiveAuthFailed),
    ("verified", "failed", ActiveAuthFailed, ActiveAuthFailed),
    ("chain_unverified", "failed", ActiveAuthFailed, ActiveAuthFailed),
])
def test_policy_table(pa: str, aa: str, lenient: type | None, strict: type | None) -> None:
    for require, expected in ((False, lenient), (True, strict)):
        err = refusal(_result(pa, aa), require)
        assert (type(err) if err else None) is expected
    r = _result(pa, aa)
    if strict is None:
        assert check_badge(r) is r
    else:
        with pytest.raises(strict):
            check_badge(r)


def test_policy_from_settings_defaults_by_environment(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.config import CardSettings

    class S:
        def __init__(self, environment: str, **card: object) -> None:
            self.environment = environment
            self.card = CardSettings(**card)

    assert TrustPolicy.from_settings(S("production")).require_trusted_chain is True
    assert TrustPolicy.from_settings(S("demo")).require_trusted_chain is False
    assert TrustPolicy.from_settings(S("test", require_trusted_chain=True)).require_trusted_chain is True
    assert TrustPolicy.from_settings(S("production", require_trusted_chain=False)).require_trusted_chain is False
    assert TrustPolicy.from_settings(S("demo", trust_dir=tmp_path)).trust_dir == tmp_path
    with pytest.raises(CardNotVerified) as e:
        TrustPolicy(require_trusted_chain=True).check(_result("chain_unverified"))
    assert e.value.exit_code == 8 and "Không xác thực được thẻ này" in e.value.message_vi


def test_console_walk_in_read_applies_the_policy_and_wipes() -> None:
    """operations.read_identity (the counter's 'Đọc thẻ căn cước'): a refused chip raises the card error
    and its data is wiped; an accepted one gives the form's fields."""
    from kiosk.ui.console import operations

    class Reader:
        def __init__(self, result: ReadResult) -> None:
            self.result = result

        def read(self, key: object) -> ReadResult:
            return self.result

    strict = _result("chain_unverified")
    strict.require_trusted_chain = True
    with pytest.raises(CardNotVerified):
        operations.read_identity(Reader(strict), None)
    assert strict.card.full_name is None  # wiped
    cloned = _result("verified", "failed")
    with pytest.raises(ActiveAuthFailed):
        operations.read_identity(Reader(cloned), None)
    ok = _result("chain_unverified")
    assert operations.read_identity(Reader(ok), None)["name"] == "x" and ok.card.full_name is None


def test_badge_login_never_passes_a_refused_chip_as_verified() -> None:
    """operations.badge_login hands StaffService the chip's status; every refusal reaches it as not verified."""
    from kiosk.ui.console import operations

    seen: list[tuple[str, str]] = []

    class Staff:
        def authenticate_badge(self, id_number: str, pin: str, *, chip_status: str, kiosk_id: str | None) -> str:
            seen.append((id_number, chip_status))
            return "ok"

    class Reader:
        def __init__(self, result: ReadResult) -> None:
            self.result = result

        def read(self, key: object) -> ReadResult:
            return self.result

    cases = {("chain_unverified", "verified", "absent"): "chain_unverified", ("failed", "verified", "absent"): "failed",
             ("verified", "failed", "absent"): "aa_failed", ("verified", "verified", "failed"): "ca_failed",
             ("verified", "verified", "verified"): "verified"}
    for (pa, aa, ca), expected in cases.items():
        r = _result(pa, aa)
        r.chip_auth = ca  # type: ignore[assignment]
        r.card.id_number = "038085001234"
        operations.badge_login(Staff(), Reader(r), None, "123456")
        assert seen[-1] == ("038085001234" if expected == "verified" else "", expected)
        assert r.card.id_number is None  # wiped

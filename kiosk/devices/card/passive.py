"""Passive authentication: data-group hashes vs EF.SOD, SOD signature vs the Document Signer, DSC → CSCA.

Why: it is the only proof that the data on the chip was issued by the state. Three outcomes: ``verified``
(all checks incl. the chain to a CSCA in the trust store), ``chain_unverified`` (hashes and signature
fine, but the Document Signer does not chain to a valid CSCA in the trust store — or no store is
configured) and ``failed`` (a hash or signature does not match, or EF.SOD/its certificate is malformed).
Every outcome carries a reason (``detail``). What the kiosk does with each outcome is decided in one
place, :mod:`kiosk.devices.card.trust`.

Chain checks (``_chain``): the DSC's issuer name and signature match a CSCA of the store; the CSCA is a
CA (basicConstraints) with keyCertSign; the DSC has digitalSignature; both are within their validity
dates at the time of the check. Not checked: CRLs, the ICAO PKD, name constraints, certificate policies.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import cms, core
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from .ber import read_tlv
from .errors import CardParseError

log = logging.getLogger(__name__)

HASHES = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


class DataGroupHash(core.Sequence):
    _fields = [("data_group_number", core.Integer), ("data_group_hash_value", core.OctetString)]


class DataGroupHashValues(core.SequenceOf):
    _child_spec = DataGroupHash


class LDSVersionInfo(core.Sequence):
    _fields = [("lds_version", core.PrintableString), ("unicode_version", core.PrintableString)]


class LDSSecurityObject(core.Sequence):
    _fields = [
        ("version", core.Integer),
        ("hash_algorithm", cms.DigestAlgorithm),
        ("data_group_hash_values", DataGroupHashValues),
        ("lds_version_info", LDSVersionInfo, {"optional": True}),
    ]


class SodError(CardParseError):
    """EF.SOD cannot be parsed."""


@dataclass
class Sod:
    signed_data: cms.SignedData
    lds: LDSSecurityObject
    econtent: bytes

    @property
    def hash_name(self) -> str:
        return self.lds["hash_algorithm"]["algorithm"].native

    @property
    def dg_hashes(self) -> dict[int, bytes]:
        return {h["data_group_number"].native: h["data_group_hash_value"].native for h in self.lds["data_group_hash_values"]}

    @property
    def certificates(self) -> list[x509.Certificate]:
        """The certificates carried in EF.SOD (the DSC); SodError when one cannot be loaded."""
        try:
            certs = self.signed_data["certificates"]
            if not certs:
                return []
            return [x509.load_der_x509_certificate(c.chosen.dump()) for c in certs if c.name == "certificate"]
        except Exception as exc:  # noqa: BLE001 - asn1crypto/cryptography raise many types on bad DER
            raise SodError("EF.SOD carries a malformed certificate") from exc


def parse_sod(data: bytes) -> Sod:
    try:
        outer = read_tlv(data)
        if outer.tag != 0x77:
            raise SodError("EF.SOD has an unexpected tag")
        info = cms.ContentInfo.load(outer.value)
        if info["content_type"].native != "signed_data":
            raise SodError("EF.SOD is not CMS SignedData")
        sd = info["content"]
        econtent = sd["encap_content_info"]["content"].native
        if not isinstance(econtent, bytes):
            raise SodError("EF.SOD has no LDS security object")
        lds = LDSSecurityObject.load(econtent)
        _ = lds.native  # force parsing now, inside the try
        for h in lds["data_group_hash_values"]:
            if not isinstance(h["data_group_number"].native, int) or not isinstance(
                h["data_group_hash_value"].native, bytes
            ):
                raise SodError("EF.SOD has a malformed data group hash")
        _ = sd["signer_infos"].native
        return Sod(sd, lds, econtent)
    except SodError:
        raise
    except Exception as exc:  # noqa: BLE001 - asn1crypto raises ValueError, TypeError, KeyError, OverflowError…
        raise SodError("EF.SOD is malformed") from exc


@dataclass
class PaOutcome:
    status: str  # verified | chain_unverified | failed
    detail: str = ""
    mismatched: list[int] = field(default_factory=list)


def _verify_sig(public_key: object, signature: bytes, data: bytes, digest: str, sig_alg: str) -> None:
    h = HASHES.get(digest, hashes.SHA256)()
    if isinstance(public_key, rsa.RSAPublicKey):
        if "pss" in sig_alg:
            public_key.verify(signature, data, padding.PSS(padding.MGF1(h), padding.PSS.AUTO), h)
        else:
            public_key.verify(signature, data, padding.PKCS1v15(), h)
    elif isinstance(public_key, ec.EllipticCurvePublicKey):
        public_key.verify(signature, data, ec.ECDSA(h))
    else:
        raise InvalidSignature("unsupported key type")


def _signed_hash(sig_alg_oid: str) -> str | None:
    for name in ("sha512", "sha384", "sha256", "sha224", "sha1"):
        if name in sig_alg_oid:
            return name
    return None


def load_trust_store(path: Path | None) -> list[x509.Certificate]:
    """CSCA certificates from a folder of PEM/DER files or ICAO master lists (.ml / CMS).

    The signature of a master list is not checked: put only files obtained through a trusted channel here."""
    if path is None:
        return []
    files = [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else []
    out: list[x509.Certificate] = []
    for f in files:
        raw = f.read_bytes()
        try:
            if b"-----BEGIN CERTIFICATE-----" in raw:
                out.extend(x509.load_pem_x509_certificates(raw))
                continue
            try:
                out.append(x509.load_der_x509_certificate(raw))
                continue
            except ValueError:
                pass
            out.extend(_master_list_certs(raw))
        except Exception:  # noqa: BLE001 - one unreadable file must not hide the others
            log.warning("trust store: skipped an unreadable file")
    return out


def _master_list_certs(raw: bytes) -> list[x509.Certificate]:
    info = cms.ContentInfo.load(raw)
    content = info["content"]["encap_content_info"]["content"].native
    seq = core.Sequence.load(content)  # CscaMasterList ::= SEQUENCE { version, certList SET OF Certificate }

    class _CertSet(core.SetOf):
        _child_spec = a_x509.Certificate

    certs = _CertSet.load(seq[1].dump())
    return [x509.load_der_x509_certificate(c.dump()) for c in certs]


def verify(
    sod_raw: bytes, data_groups: dict[int, bytes], trust: list[x509.Certificate], at: datetime | None = None
) -> PaOutcome:
    """Run every PA check on the files exactly as read. Never raises, whatever the input: anything that
    cannot be checked is ``failed`` with a reason (fail closed)."""
    try:
        return _verify(sod_raw, data_groups, trust, at or datetime.now(UTC))
    except Exception as exc:  # noqa: BLE001 - documented never to raise: an unexpected error fails the card
        log.warning("passive authentication could not run: %s", type(exc).__name__)
        return PaOutcome("failed", f"EF.SOD cannot be checked ({type(exc).__name__})")


def _verify(sod_raw: bytes, data_groups: dict[int, bytes], trust: list[x509.Certificate], at: datetime) -> PaOutcome:
    try:
        sod = parse_sod(sod_raw)
    except SodError as exc:
        return PaOutcome("failed", str(exc))
    algo = sod.hash_name
    if algo not in HASHES:
        return PaOutcome("failed", "unsupported hash algorithm")
    expected = sod.dg_hashes
    mismatched = [n for n, raw in data_groups.items() if expected.get(n) != hashlib.new(algo, raw).digest()]
    if mismatched:
        return PaOutcome("failed", "data group hash mismatch", sorted(mismatched))
    signers = sod.signed_data["signer_infos"]
    if len(signers) != 1:
        return PaOutcome("failed", "EF.SOD must have one signer")
    si = signers[0]
    try:
        certs = sod.certificates
    except SodError as exc:
        return PaOutcome("failed", str(exc))
    try:
        dsc = _signer_cert(si, certs)
    except Exception:  # noqa: BLE001 - cryptography parses certificate fields lazily and raises on bad DER
        return PaOutcome("failed", "the document signer certificate is malformed")
    if dsc is None:
        return PaOutcome("failed", "no document signer certificate in EF.SOD matches its signer")
    digest_name = si["digest_algorithm"]["algorithm"].native
    if digest_name not in HASHES:
        return PaOutcome("failed", "unsupported digest algorithm")
    try:
        attrs = si["signed_attrs"]
        if attrs is not None and len(attrs):
            md = next((a["values"][0].native for a in attrs if a["type"].native == "message_digest"), None)
            if md != hashlib.new(digest_name, sod.econtent).digest():
                return PaOutcome("failed", "message digest mismatch")
            signed = attrs.dump(force=True)
            signed = b"\x31" + signed[1:]
        else:
            signed = sod.econtent
        sig_alg = si["signature_algorithm"]["algorithm"].dotted + " " + str(si["signature_algorithm"]["algorithm"].native)
        _verify_sig(dsc.public_key(), si["signature"].native, signed, digest_name, sig_alg)
    except InvalidSignature:
        return PaOutcome("failed", "SOD signature does not verify with the document signer")
    except Exception as exc:  # noqa: BLE001 - a key or signature the libraries cannot even load
        return PaOutcome("failed", f"SOD signature cannot be checked: {type(exc).__name__}")
    return PaOutcome(*_chain(dsc, trust, at))


def _signer_cert(si: cms.SignerInfo, certs: list[x509.Certificate]) -> x509.Certificate | None:
    """The certificate the SignerInfo names (issuer + serial, or subject key identifier)."""
    sid = si["sid"]
    for cert in certs:
        if sid.name == "issuer_and_serial_number":
            ias = sid.chosen
            # the issuer as encoded in the certificate itself (not re-encoded), and asn1crypto's comparison
            issuer = a_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))["tbs_certificate"]["issuer"]
            if ias["serial_number"].native == cert.serial_number and (
                ias["issuer"].dump() == issuer.dump() or ias["issuer"] == issuer
            ):
                return cert
        elif sid.name == "subject_key_identifier":
            try:
                ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
            except x509.ExtensionNotFound:
                continue
            if ski == sid.chosen.native:
                return cert
    return None


def _within(cert: x509.Certificate, at: datetime) -> bool:
    return cert.not_valid_before_utc <= at <= cert.not_valid_after_utc


def _key_usage(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _chain(dsc: x509.Certificate, trust: list[x509.Certificate], at: datetime) -> tuple[str, str]:
    """Does the Document Signer chain to a CSCA of the store, with dates and key usage right?"""
    if not trust:
        return "chain_unverified", "no CSCA configured"
    issuers = []
    for csca in trust:
        if csca.subject != dsc.issuer:
            continue
        try:
            dsc.verify_directly_issued_by(csca)
        except Exception:  # noqa: BLE001 - InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm
            continue
        issuers.append(csca)
    if not issuers:
        return "chain_unverified", "no trusted CSCA issued the document signer"
    ku = _key_usage(dsc)
    if ku is None or not ku.digital_signature:
        return "chain_unverified", "the document signer certificate lacks the digitalSignature key usage"
    if not _within(dsc, at):
        return "chain_unverified", "the document signer certificate is outside its validity dates"
    reason = ""
    for csca in issuers:
        cku = _key_usage(csca)
        if not _is_ca(csca) or cku is None or not cku.key_cert_sign:
            reason = "the issuing CSCA is not a CA with the keyCertSign key usage"
        elif not _within(csca, at):
            reason = "the issuing CSCA certificate is outside its validity dates"
        else:
            return "verified", "chained to a trusted CSCA"
    return "chain_unverified", reason

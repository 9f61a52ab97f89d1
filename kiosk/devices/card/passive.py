"""Passive authentication: data-group hashes vs EF.SOD, SOD signature vs the Document Signer, DSC → CSCA.

Why: it is the only proof that the data on the chip was issued by the state. Three outcomes: ``verified``
(all checks incl. the chain to a CSCA in the trust store), ``chain_unverified`` (hashes and signature
fine, no trusted CSCA — the usual case today) and ``failed`` (a hash or signature does not match).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import cms, core
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from .ber import BerError, read_tlv

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


class SodError(ValueError):
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
        certs = self.signed_data["certificates"]
        if not certs:
            return []
        return [x509.load_der_x509_certificate(c.chosen.dump()) for c in certs if c.name == "certificate"]


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
        lds = LDSSecurityObject.load(econtent)
        _ = lds.native  # force parsing now, inside the try
        return Sod(sd, lds, econtent)
    except (BerError, ValueError, TypeError, KeyError) as exc:
        if isinstance(exc, SodError):
            raise
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
    """CSCA certificates from a folder of PEM/DER files or ICAO master lists (.ml / CMS)."""
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
        except ValueError:
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


def verify(sod_raw: bytes, data_groups: dict[int, bytes], trust: list[x509.Certificate]) -> PaOutcome:
    """Run every PA check on the files exactly as read; never raises for a bad card, returns ``failed``."""
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
    certs = sod.certificates
    if not certs:
        return PaOutcome("failed", "no document signer certificate in EF.SOD")
    dsc = certs[0]
    digest_name = si["digest_algorithm"]["algorithm"].native
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
    except (ValueError, TypeError, KeyError) as exc:
        return PaOutcome("failed", f"SOD signature cannot be checked: {type(exc).__name__}")
    return PaOutcome(*_chain(dsc, trust))


def _chain(dsc: x509.Certificate, trust: list[x509.Certificate]) -> tuple[str, str]:
    if not trust:
        return "chain_unverified", "no CSCA configured"
    for csca in trust:
        if csca.subject != dsc.issuer:
            continue
        try:
            dsc.verify_directly_issued_by(csca)
        except (ValueError, TypeError, InvalidSignature):
            continue
        return "verified", "chained to a trusted CSCA"
    return "chain_unverified", "no trusted CSCA issued the document signer"

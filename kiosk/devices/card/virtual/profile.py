"""Card profiles for the virtual CCCD: a citizen's data → DG1/DG2/DG13/DG15/EF.COM + an EF.SOD signed
by a test Document Signer under a test CSCA generated at run time.

Why: tests and the demo need cards whose passive authentication really verifies (or really fails when
DG13 is tampered with). Keys are generated with ``cryptography`` on each run; only the CSCA *certificate*
is written out (for ``--trust``). Nothing here is for production use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import cms
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from ..ber import tlv
from ..datagroups import build_dg1, build_dg2, build_dg13, build_dg14
from ..mrz import build_td1
from ..passive import LDSSecurityObject
from .card import CardProfile

LDS_SECURITY_OBJECT_OID = "2.23.136.1.1.1"
FID = {1: 0x0101, 2: 0x0102, 13: 0x010D, 14: 0x010E, 15: 0x010F}


@dataclass
class TestPki:
    """A throw-away CSCA and Document Signer (EC P-256), generated per run."""

    __test__ = False  # not a pytest test class

    csca_key: ec.EllipticCurvePrivateKey
    csca_cert: x509.Certificate
    ds_key: ec.EllipticCurvePrivateKey
    ds_cert: x509.Certificate

    @classmethod
    def generate(
        cls,
        country: str = "VN",
        *,
        ds_validity: tuple[dt.datetime, dt.datetime] | None = None,
        ds_digital_signature: bool = True,
        csca_key_cert_sign: bool = True,
    ) -> TestPki:
        """A CSCA and a DSC under it. The switches make certificates a strict chain check must refuse
        (an expired DSC, a DSC without digitalSignature, a CSCA without keyCertSign)."""
        now = dt.datetime.now(dt.UTC)
        ds_from, ds_to = ds_validity or (now - dt.timedelta(days=1), now + dt.timedelta(days=3650))
        csca_key = ec.generate_private_key(ec.SECP256R1())
        csca_name = x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Kiosk test PKI (not valid)"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Kiosk Test CSCA"),
        ])
        csca_cert = (
            x509.CertificateBuilder().subject_name(csca_name).issuer_name(csca_name)
            .public_key(csca_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(not csca_key_cert_sign, False, False, False, False, csca_key_cert_sign, True, False, False),
                critical=True,
            )
            .sign(csca_key, hashes.SHA256())
        )
        ds_key = ec.generate_private_key(ec.SECP256R1())
        ds_name = x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Kiosk test PKI (not valid)"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Kiosk Test Document Signer"),
        ])
        ds_cert = (
            x509.CertificateBuilder().subject_name(ds_name).issuer_name(csca_name)
            .public_key(ds_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(ds_from).not_valid_after(ds_to)
            .add_extension(
                x509.KeyUsage(ds_digital_signature, not ds_digital_signature, False, False, False, False, False, False,
                              False),
                critical=True,
            )
            .sign(csca_key, hashes.SHA256())
        )
        return cls(csca_key, csca_cert, ds_key, ds_cert)

    @classmethod
    def forger_of(cls, genuine: TestPki) -> TestPki:
        """A forger's own CSCA + DSC carrying the *same names* as ``genuine`` (names are public), so only the
        signatures tell them apart: passive authentication passes up to the chain, which must fail."""
        forged = cls.generate()
        now = dt.datetime.now(dt.UTC)
        csca_cert = (
            x509.CertificateBuilder().subject_name(genuine.csca_cert.subject).issuer_name(genuine.csca_cert.subject)
            .public_key(forged.csca_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .sign(forged.csca_key, hashes.SHA256())
        )
        ds_cert = (
            x509.CertificateBuilder().subject_name(genuine.ds_cert.subject).issuer_name(genuine.csca_cert.subject)
            .public_key(forged.ds_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
            .sign(forged.csca_key, hashes.SHA256())
        )
        return cls(forged.csca_key, csca_cert, forged.ds_key, ds_cert)

    def write_csca(self, directory: Path) -> Path:
        """Write the CSCA certificate (public only) as PEM into ``directory`` for ``--trust``."""
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "kiosk-test-csca.pem"
        path.write_bytes(self.csca_cert.public_bytes(serialization.Encoding.PEM))
        return path


def build_sod(data_groups: dict[int, bytes], pki: TestPki, hash_name: str = "sha256") -> bytes:
    lds = LDSSecurityObject({
        "version": 0,
        "hash_algorithm": {"algorithm": hash_name},
        "data_group_hash_values": [
            {"data_group_number": n, "data_group_hash_value": hashlib.new(hash_name, raw).digest()}
            for n, raw in sorted(data_groups.items())
        ],
    })
    econtent = lds.dump()
    attrs = cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": [LDS_SECURITY_OBJECT_OID]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.new(hash_name, econtent).digest()]}),
    ])
    signature = pki.ds_key.sign(attrs.dump(), ec.ECDSA(hashes.SHA256()))
    ds = a_x509.Certificate.load(pki.ds_cert.public_bytes(serialization.Encoding.DER))
    signer = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({
            "issuer_and_serial_number": cms.IssuerAndSerialNumber({"issuer": ds.issuer, "serial_number": ds.serial_number})
        }),
        "digest_algorithm": {"algorithm": hash_name},
        "signed_attrs": attrs,
        "signature_algorithm": {"algorithm": "sha256_ecdsa"},
        "signature": signature,
    })
    sd = cms.SignedData({
        "version": "v3",
        "digest_algorithms": [{"algorithm": hash_name}],
        "encap_content_info": {"content_type": LDS_SECURITY_OBJECT_OID, "content": econtent},
        "certificates": [ds],
        "signer_infos": [signer],
    })
    return tlv(0x77, cms.ContentInfo({"content_type": "signed_data", "content": sd}).dump())


@dataclass
class Citizen:
    """The data printed on / stored in a CCCD (all values exactly as the chip would hold them)."""

    id_number: str
    full_name: str
    mrz_surname: str
    mrz_given: str
    birth: dt.date
    sex: str  # "Nam" | "Nữ"
    issue: dt.date
    expiry: dt.date | None  # None = "Không thời hạn"
    nationality: str = "Việt Nam"
    ethnicity: str = "Kinh"
    religion: str = "Không"
    place_of_origin: str = ""
    place_of_residence: str = ""
    identifying_marks: str = ""
    father: str | None = None
    mother: str | None = None
    spouse: str | None = None
    old_id: str | None = None
    extra: dict[int, object] = field(default_factory=dict)

    @property
    def expiry_yymmdd(self) -> str:
        return self.expiry.strftime("%y%m%d") if self.expiry else "991231"

    def mrz(self) -> str:
        sex = "M" if self.sex == "Nam" else "F"
        return build_td1(self.id_number, self.birth.strftime("%y%m%d"), sex, self.expiry_yymmdd, self.mrz_surname, self.mrz_given)

    def dg13_fields(self) -> dict[int, object]:
        f: dict[int, object] = {
            1: ("P", self.id_number),
            2: self.full_name,
            3: ("P", self.birth.strftime("%d/%m/%Y")),
            4: self.sex,
            5: self.nationality,
            6: self.ethnicity,
            7: self.religion,
            8: self.place_of_origin,
            9: self.place_of_residence,
            10: self.identifying_marks,
            11: ("P", self.issue.strftime("%d/%m/%Y")),
            12: self.expiry.strftime("%d/%m/%Y") if self.expiry else "Không thời hạn",
            13: [self.father, self.mother],
            14: [self.spouse] if self.spouse else None,
            15: ("P", self.old_id) if self.old_id else None,
        }
        f.update(self.extra)
        return f

    def qr_text(self) -> str:
        return "|".join([
            self.id_number, self.old_id or "", self.full_name, self.birth.strftime("%d%m%Y"), self.sex,
            self.place_of_residence, self.issue.strftime("%d%m%Y"),
        ])


def build_profile(
    citizen: Citizen,
    photo_jpeg: bytes,
    pki: TestPki,
    *,
    tampered_dg13: bool = False,
    with_dg15: bool = False,
    with_dg14: bool = False,
    cloned_aa: bool = False,
    with_ca: bool = False,
    cloned_ca: bool = False,
) -> CardProfile:
    """The card's files with EF.SOD signed by ``pki``'s Document Signer.

    ``cloned_aa``: DG15 (and EF.SOD) carry one AA key but the chip signs with another, as a copy of a
    genuine card's files onto a blank chip would — active authentication fails. ``with_dg14``: a DG14
    naming the AA hash (ecdsa-plain-SHA256). ``with_ca``: DG14 also offers Chip Authentication (ECDH P-256,
    AES-128); ``cloned_ca``: the chip's CA key is not DG14's (chip authentication fails)."""
    dgs: dict[int, bytes] = {
        1: build_dg1(citizen.mrz()),
        2: build_dg2(photo_jpeg),
        13: build_dg13(citizen.dg13_fields()),
    }
    aa_key = None
    if with_dg15:
        aa_key = ec.generate_private_key(ec.SECP256R1())
        spki = aa_key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        dgs[15] = tlv(0x6F, spki)
        if cloned_aa:
            aa_key = ec.generate_private_key(ec.SECP256R1())  # the copy's chip does not hold DG15's key
    ca_key = None
    if with_dg14 or with_ca:
        ca_spki = None
        if with_ca:
            ca_key = ec.generate_private_key(ec.SECP256R1())
            ca_spki = ca_key.public_key().public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            if cloned_ca:
                ca_key = ec.generate_private_key(ec.SECP256R1())
        dgs[14] = build_dg14("sha256", ca_spki)
    sod = build_sod(dgs, pki)
    served = dict(dgs)
    if tampered_dg13:
        served[13] = _tamper(dgs[13])
    tags = b"".join({1: b"\x61", 2: b"\x75", 13: b"\x6D", 14: b"\x6E", 15: b"\x6F"}[n] for n in sorted(dgs))
    com = tlv(0x60, tlv(0x5F01, b"0107") + tlv(0x5F36, b"040000") + tlv(0x5C, tags))
    files = {FID[n]: raw for n, raw in served.items()}
    files[0x011D] = sod
    files[0x011E] = com
    return CardProfile(
        doc_number=citizen.id_number[-9:],
        birth=citizen.birth.strftime("%y%m%d"),
        expiry=citizen.expiry_yymmdd,
        can=citizen.id_number[-6:],
        files=files,
        aa_key=aa_key,
        ca_key=ca_key,
    )


def _tamper(dg13: bytes) -> bytes:
    """Change one text byte (keeping the BER valid), as a forger editing the address would."""
    data = bytearray(dg13)
    for i in range(len(data) - 1, 0, -1):
        if 0x61 <= data[i] <= 0x79:  # a lower-case ASCII letter inside a UTF8String
            data[i] += 1
            return bytes(data)
    raise ValueError("nothing to tamper with")

"""Fuzzing every parser that reads outside input: does each fail closed with its own error type?

Parsers and the only exceptions each may raise (anything else is a *foreign* exception: a caller that
catches the module's own type would crash on it):

    BER, DG1, DG2, DG13, DG14, DG15, EF.SOD, MRZ, card QR   CardParseError (kiosk.devices.card.errors)
    passive.verify (EF.SOD + data groups)                    nothing at all (documented never to raise)
    VietQR                                                    VietQRError
    personal ID, phone                                        InvalidIdNumber, InvalidPhone
    scanner text, dossier code                                InputRejected, DossierCodeError

Inputs: random bytes/text and mutations of valid samples (the virtual CCCD's data groups and EF.SOD, its
MRZ and QR, a VietQR payload with the CRC recomputed after the edit so parsing goes past the checksum, valid
IDs and phone numbers), deeply nested BER, non-ASCII digits, impossible dates, inf/nan/negative amounts.

    .venv/bin/python benchmarks/fuzz.py [--total 120000] [--seed 1]

Prints inputs per second per parser and every distinct foreign exception (type, message, an example);
exits 1 when there is any. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.setrecursionlimit(1000)  # the interpreter's default: a parser must not depend on a raised limit

from kiosk.core.codes import DossierCodeError, parse_code  # noqa: E402
from kiosk.core.identity import InvalidIdNumber, InvalidPhone, normalise_phone, parse_id_number  # noqa: E402
from kiosk.core.sanitize import InputRejected, clean_scan, scanned_dossier_code  # noqa: E402
from kiosk.core.vietqr import VietQRError, build_payload, parse_payload, with_crc  # noqa: E402
from kiosk.devices.card import ber, keys, passive  # noqa: E402
from kiosk.devices.card.datagroups import (  # noqa: E402
    card_data_from,
    parse_dg1,
    parse_dg2,
    parse_dg13_fields,
    parse_dg14,
    parse_dg15,
)
from kiosk.devices.card.errors import CardParseError  # noqa: E402
from kiosk.devices.card.mrz import parse_td1  # noqa: E402
from kiosk.devices.card.virtual.demo import demo_citizen  # noqa: E402
from kiosk.devices.card.virtual.profile import TestPki, build_profile  # noqa: E402

ODD_DIGITS = "²³¹٣۴੫०𝟗①⁹"
MUTATION_BYTES = (0x00, 0x30, 0x31, 0x7F, 0x80, 0x81, 0x82, 0x84, 0x85, 0xFF)


@dataclass
class Target:
    name: str
    parse: Callable[[object], object]
    own: tuple[type[BaseException], ...]
    inputs: Callable[[random.Random], object]
    weight: float = 1.0


@dataclass
class Result:
    count: int = 0
    seconds: float = 0.0
    foreign: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)  # (type, msg) -> (n, example)


# -- samples ------------------------------------------------------------------------------------------------
class Samples:
    def __init__(self) -> None:
        self.citizen = demo_citizen()
        self.pki = TestPki.generate()
        photo = b"\xff\xd8\xff\xe0" + bytes(300) + b"\xff\xd9"
        profile = build_profile(self.citizen, photo, self.pki, with_dg15=True, with_dg14=True)
        f = profile.files
        self.dg = {1: f[0x0101], 2: f[0x0102], 13: f[0x010D], 14: f[0x010E], 15: f[0x010F]}
        self.sod = f[0x011D]
        self.trust = [self.pki.csca_cert]
        self.mrz = self.citizen.mrz()
        self.qr = self.citizen.qr_text()
        self.vietqr = build_payload("970436", "0011001234567", 20000, bill_number="000.00.06.H56-261125-0001")


def mutate_bytes(rng: random.Random, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(rng.randint(1, 6)):
        if not data:
            break
        i = rng.randrange(len(data))
        op = rng.randrange(5)
        if op == 0:
            data[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            data[i] = rng.choice(MUTATION_BYTES)
        elif op == 2:
            data[i:i] = rng.randbytes(rng.randint(1, 8))
        elif op == 3:
            del data[i : i + rng.randint(1, 8)]
        else:
            del data[i:]
    return bytes(data)


def nested_ber(rng: random.Random) -> bytes:
    value = ber.tlv(0x0C, rng.randbytes(rng.randint(0, 4)))
    tag = rng.choice((0x30, 0x31, 0xA0))
    for _ in range(rng.randint(1, 3000)):
        value = ber.tlv(tag, value)
    if rng.random() < 0.5:  # as a DG13 field
        fld = ber.tlv(0x30, ber.tlv(0x02, b"\x02") + value)
        value = ber.tlv(0x6D, ber.tlv(0x30, ber.tlv(0x02, b"\x01") + ber.tlv(0x31, fld)))
    return value


def any_bytes(rng: random.Random, bases: list[bytes]) -> bytes:
    r = rng.random()
    if r < 0.2:
        return rng.randbytes(rng.randint(0, 600))
    if r < 0.25:
        return nested_ber(rng)
    return mutate_bytes(rng, rng.choice(bases))


def random_text(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, n)))


def any_text(rng: random.Random, n: int = 80) -> str:
    pool = [chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(0, n))]
    return "".join(c for c in pool if not 0xD800 <= ord(c) <= 0xDFFF) + (chr(0xD800) if rng.random() < 0.02 else "")


def mutate_text(rng: random.Random, base: str, alphabet: str) -> str:
    chars = list(base)
    for _ in range(rng.randint(1, 4)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.randrange(3)
        if op == 0:
            chars[i] = rng.choice(alphabet)
        elif op == 1:
            chars.insert(i, rng.choice(alphabet))
        else:
            del chars[i]
    return "".join(chars)


def ddmmyyyy(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return f"{rng.randint(0, 39):02d}{rng.randint(0, 19):02d}{rng.randint(0, 9999):04d}"
    return random_text(rng, "0123456789" + ODD_DIGITS + "/-", 10)


def qr_input(rng: random.Random, s: Samples) -> str:
    if rng.random() < 0.1:
        return any_text(rng)
    fields = s.qr.split("|")
    for i in (3, 6):
        if rng.random() < 0.5:
            fields[i] = ddmmyyyy(rng)
    if rng.random() < 0.3:
        fields[0] = random_text(rng, "0123456789" + ODD_DIGITS, 13)
    if rng.random() < 0.4:
        fields.append(ddmmyyyy(rng))
    return "|".join(fields)


AMOUNTS = ("inf", "-inf", "nan", "NaN", "-5", "1e400", "1e5", "0x10", "9" * 13, "9" * 14, "20000.5", "٣٠٠٠", "²", " 5", "")


def vietqr_input(rng: random.Random, s: Samples) -> str:
    r = rng.random()
    if r < 0.1:
        return any_text(rng, 200)
    body = s.vietqr[:-8]
    if r < 0.4:  # another amount, CRC recomputed
        amount = rng.choice(AMOUNTS)
        body = body.replace("540520000", f"54{len(amount):02d}{amount}")
        return with_crc(body)
    alphabet = "0123456789ABCDEFXYZ. -" + ODD_DIGITS + "é\x00"
    edited = mutate_text(rng, body, alphabet)
    return with_crc(edited) if rng.random() < 0.8 else edited


def id_input(rng: random.Random) -> tuple[object, date | None]:
    r = rng.random()
    if r < 0.4:
        text = f"{rng.randint(0, 999):03d}{rng.randint(0, 9)}{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}"
        text = mutate_text(rng, text, "0123456789 .-" + ODD_DIGITS) if rng.random() < 0.5 else text
    elif r < 0.8:
        text = random_text(rng, "0123456789 .-x" + ODD_DIGITS, 20)
    else:
        text = any_text(rng, 30)
    dob = date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.5 else None
    return text, dob


def phone_input(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        base = rng.choice(("0912345678", "+84912345678", "84 912 345 678", "024 3825 1234", "1900 1234"))
        return mutate_text(rng, base, "0123456789+-() x#*;" + ODD_DIGITS)
    if r < 0.8:
        return random_text(rng, "0123456789+-() ext.;" + ODD_DIGITS, 25)
    return any_text(rng, 25)


def scan_input(rng: random.Random) -> object:
    r = rng.random()
    if r < 0.5:
        return mutate_text(rng, "000.00.06.H56-261125-0001", "0123456789.-HAZ " + ODD_DIGITS + "\u202e\x00")
    if r < 0.8:
        return rng.randbytes(rng.randint(0, 100))
    return any_text(rng, 100)


def targets(s: Samples) -> list[Target]:
    dg_bases = list(s.dg.values()) + [s.sod]
    card_own = (CardParseError,)

    def dg13(data: object) -> object:
        return card_data_from(parse_dg13_fields(data), None)  # type: ignore[arg-type]

    def ber_all(data: object) -> object:
        return list(ber.walk(data))  # type: ignore[arg-type]

    def sod(data: object) -> object:
        parsed = passive.parse_sod(data)  # type: ignore[arg-type]
        return parsed.dg_hashes, parsed.certificates

    def verify(data: object) -> object:
        out = passive.verify(data, s.dg, s.trust)  # type: ignore[arg-type]
        assert out.status in ("verified", "chain_unverified", "failed")
        return out

    def id_number(arg: object) -> object:
        text, dob = arg  # type: ignore[misc]
        return parse_id_number(text, dob)

    def scan(value: object) -> object:
        clean_scan(value)
        return scanned_dossier_code(value)

    return [
        Target("BER", ber_all, card_own, lambda r: any_bytes(r, dg_bases)),
        Target("DG1", parse_dg1, card_own, lambda r: any_bytes(r, [s.dg[1]])),  # type: ignore[arg-type]
        Target("DG2", parse_dg2, card_own, lambda r: any_bytes(r, [s.dg[2]])),  # type: ignore[arg-type]
        Target("DG13", dg13, card_own, lambda r: any_bytes(r, [s.dg[13]])),
        Target("DG14", lambda d: parse_dg14(d).aa_hash, card_own, lambda r: any_bytes(r, [s.dg[14]])),  # type: ignore[arg-type]
        Target("DG15", parse_dg15, card_own, lambda r: any_bytes(r, [s.dg[15]])),  # type: ignore[arg-type]
        Target("SOD", sod, card_own, lambda r: any_bytes(r, [s.sod]), weight=0.5),
        Target("PA verify", verify, (), lambda r: any_bytes(r, [s.sod]), weight=0.3),
        Target("MRZ", parse_td1, card_own, lambda r: mutate_text(  # type: ignore[arg-type]
            r, s.mrz, "0123456789ABCXYZ<«aé " + ODD_DIGITS) if r.random() < 0.8 else any_text(r, 100)),
        Target("card QR", keys.from_qr, card_own, lambda r: qr_input(r, s)),  # type: ignore[arg-type]
        Target("VietQR", parse_payload, (VietQRError,), lambda r: vietqr_input(r, s)),  # type: ignore[arg-type]
        Target("ID number", id_number, (InvalidIdNumber,), id_input),
        Target("phone", normalise_phone, (InvalidPhone,), phone_input),  # type: ignore[arg-type]
        Target("scan / code", scan, (InputRejected, DossierCodeError), scan_input),
        Target("dossier code", parse_code, (DossierCodeError,), lambda r: mutate_text(  # type: ignore[arg-type]
            r, "000.00.06.H56-261125-0001", "0123456789.-HAZ" + ODD_DIGITS)),
    ]


def run(total: int, seed: int) -> tuple[dict[str, Result], list[Target]]:
    samples = Samples()
    ts = targets(samples)
    weights = sum(t.weight for t in ts)
    results: dict[str, Result] = {}
    for n, t in enumerate(ts):
        rng = random.Random(seed * 1000 + n)
        count = max(1, round(total * t.weight / weights))
        inputs = [t.inputs(rng) for _ in range(count)]
        res = Result(count=count)
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cryptography's notes on odd certificates
            for value in inputs:
                try:
                    t.parse(value)
                except t.own:
                    pass
                except Exception as exc:  # noqa: BLE001 - this is what we are looking for
                    key = (type(exc).__name__, str(exc)[:120])
                    seen, example = res.foreign.get(key, (0, repr(value)[:160]))
                    res.foreign[key] = (seen + 1, example)
        res.seconds = time.perf_counter() - start
        results[t.name] = res
    return results, ts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--total", type=int, default=120_000, help="inputs over all parsers (default 120,000)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    results, ts = run(args.total, args.seed)
    own = {t.name: ", ".join(e.__name__ for e in t.own) or "(never raises)" for t in ts}
    print(f"{'parser':<14}{'inputs':>9}{'inputs/s':>11}{'foreign':>9}  own error type")
    for name, r in results.items():
        rate = r.count / r.seconds if r.seconds else float("inf")
        print(f"{name:<14}{r.count:>9,}{rate:>11,.0f}{sum(n for n, _ in r.foreign.values()):>9}  {own[name]}")
    total = sum(r.count for r in results.values())
    seconds = sum(r.seconds for r in results.values())
    foreign = [(name, k, v) for name, r in results.items() for k, v in r.foreign.items()]
    print(f"{'total':<14}{total:>9,}{total / seconds:>11,.0f}{sum(v[0] for _, _, v in foreign):>9}")
    for name, (etype, msg), (n, example) in foreign:
        print(f"FOREIGN {name}: {etype}: {msg} (x{n}); e.g. {example}")
    return 1 if foreign else 0


if __name__ == "__main__":
    sys.exit(main())

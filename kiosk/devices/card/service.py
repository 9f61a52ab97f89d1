"""The blocking read of a CCCD, end to end: connect, access control, adaptive reading, PA, AA, parsing.

Why: this is the one entry point the UI (on a worker thread), the CLI and the demo call. It returns one
:class:`ReadResult` or raises one typed :class:`~kiosk.devices.card.errors.CardError`; nothing from the
card is logged.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from . import active, chipauth, passive
from .datagroups import (
    DataGroupError,
    card_data_from,
    parse_dg1,
    parse_dg2,
    parse_dg13_fields,
    parse_dg14,
    parse_dg15,
)
from .errors import CardRemoved, ReadFailed
from .keys import KeySource
from .model import ReadResult, ReadStats
from .reading import FileReader, FileState
from .session import Authenticator, Channel, SessionLost
from .transport import PcscTransport, Transport

log = logging.getLogger(__name__)

FIDS = {"SOD": 0x011D, 1: 0x0101, 2: 0x0102, 13: 0x010D, 14: 0x010E, 15: 0x010F}
READ_ORDER = (1, 13, 14, 15, 2)  # DG2 (largest) last
Progress = Callable[[int, int], None]


def read_card(
    key_source: KeySource,
    reader: str | None = None,
    trust_dir: Path | str | None = None,
    progress: Progress | None = None,
    *,
    try_pace: bool = True,
    adaptive: bool = True,
    block_size: int = 0xE0,
    wait_for_card: float = 0.0,
    reinsert_timeout: float = 20.0,
    transport: Transport | None = None,
    require_trusted_chain: bool = False,
) -> ReadResult:
    """Read and verify the card on ``reader`` (name substring; None = first reader). Blocking.

    Raises ReaderServiceDown, NoReader, NoCard, AccessDenied, CardRemoved or ReadFailed. A card whose
    data does not match its signature is *returned* with ``passive_auth == "failed"`` (likewise a
    failed AA or an unverified chain); :meth:`ReadResult.ensure_trusted` applies the trust policy
    (``require_trusted_chain`` is stored on the result for it).
    """
    started = time.monotonic()
    own = transport is None
    if transport is None:
        transport = PcscTransport(reader, wait_for_card=wait_for_card)
    stats = ReadStats()
    try:
        ch = Channel(transport, stats)
        auth = Authenticator(ch, key_source, try_pace=try_pace)
        try:
            try:
                method = auth.first()
            except CardRemoved:  # the reader still held a stale card state: connect afresh once
                transport.reconnect(max(2.0, wait_for_card))
                method = auth.first()
        except SessionLost as exc:
            raise ReadFailed("secure messaging failed during access") from exc
        fr = FileReader(
            ch, auth, transport, adaptive=adaptive, block_size=block_size,
            reinsert_timeout=reinsert_timeout, progress=progress,
        )
        files = _read_files(fr)
        result = _assemble(files, ch, fr, method, trust_dir, stats)
        result.require_trusted_chain = require_trusted_chain
    finally:
        stats.seconds = time.monotonic() - started
        if own:
            transport.close()
    log.info(
        "card read: auth=%s pa=%s aa=%s apdus=%d read_binary=%d bytes=%d %.2fs",
        result.auth, result.passive_auth, result.active_auth, stats.apdus, stats.read_binary, stats.bytes, stats.seconds,
    )
    return result


def _read_files(fr: FileReader) -> dict[object, bytes]:
    sod = FileState("SOD", FIDS["SOD"])
    fr.finish(sod)
    if sod.absent:
        raise ReadFailed("the card has no EF.SOD")
    try:
        listed = set(passive.parse_sod(bytes(sod.data)).dg_hashes)
    except passive.SodError:
        listed = {1, 2, 13}
    states = [FileState(f"DG{n}", FIDS[n]) for n in READ_ORDER if n in listed or n in (1, 2, 13)]
    for st in states:  # first chunk of every file: the progress total is known early
        fr.first_chunk(st)
    for st in states:
        fr.finish(st)
    out: dict[object, bytes] = {"SOD": bytes(sod.data)}
    for st, n in zip(states, [int(s.name[2:]) for s in states], strict=True):
        if not st.absent:
            out[n] = bytes(st.data)
    for n in (1, 2):
        if n not in out:
            raise ReadFailed(f"the card has no DG{n}")
    return out


def _assemble(
    files: dict[object, bytes], ch: Channel, fr: FileReader, method: str, trust_dir: Path | str | None, stats: ReadStats
) -> ReadResult:
    dgs = {n: raw for n, raw in files.items() if isinstance(n, int)}
    trust = passive.load_trust_store(Path(trust_dir) if trust_dir else None)
    pa = passive.verify(files["SOD"], dgs, trust)
    try:
        listed = set(passive.parse_sod(files["SOD"]).dg_hashes)
    except passive.SodError:
        listed = set()
    aa = "absent"
    if 15 in dgs:
        aa = _active_auth(ch, fr, dgs[15], dgs.get(14))
    elif 15 in listed:  # EF.SOD says the chip has an AA key but the chip hides DG15: a downgrade, refuse
        aa = "failed"
    ca = "absent"
    if 14 in dgs:  # after AA: chip authentication switches secure messaging to new keys
        try:
            ca = chipauth.authenticate(ch, parse_dg14(dgs[14]), dgs[14])
        except DataGroupError:
            ca = "failed"
    elif 14 in listed:
        ca = "failed"
    try:
        td1 = parse_dg1(dgs[1])
        dg13 = parse_dg13_fields(dgs[13]) if 13 in dgs else None
        card = card_data_from(dg13, td1)
        card.photo_jpeg = parse_dg2(dgs[2])
    except DataGroupError as exc:
        if pa.status != "failed":
            raise ReadFailed(str(exc)) from exc
        from .model import CardData

        card = CardData()
    raw = {("SOD" if k == "SOD" else f"DG{k}"): v for k, v in files.items()}
    return ReadResult(card, method, pa.status, aa, stats, pa.detail, raw, chip_auth=ca)  # type: ignore[arg-type]


def _active_auth(ch: Channel, fr: FileReader, dg15: bytes, dg14: bytes | None) -> str:
    try:
        spki = parse_dg15(dg15)
        hash_name = parse_dg14(dg14).aa_hash if dg14 is not None else None
    except DataGroupError:
        return "failed"
    challenge = os.urandom(8)
    try:
        sig = active.internal_authenticate(ch.send, challenge)
    except SessionLost:
        return "failed"
    if sig is None:
        return "failed"
    return "verified" if active.verify_signature(spki, challenge, sig, hash_name) else "failed"

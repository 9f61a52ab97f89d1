"""A card session: counts APDUs, applies secure messaging, and runs access control (PACE, then BAC).

Why: reading must be able to re-establish access at any time (SM lost after an error, card pulled out
and put back) with the method and key that already worked, without asking the citizen again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from . import bac, pace
from .apdu import Command
from .ber import BerError, header_length
from .errors import AccessDenied, ReadFailed
from .keys import BacCandidate, KeySource
from .model import ReadStats
from .sm import SecureMessaging, SMError
from .transport import Transport

log = logging.getLogger(__name__)

EMRTD_AID = bytes.fromhex("A0000002471001")
FID_CARD_ACCESS = 0x011C


class SessionLost(Exception):
    """Secure messaging broke (unprotected error, bad MAC): re-authenticate and carry on."""


@dataclass
class AuthState:
    method: str = ""  # "BAC" | "PACE"
    pace_info: pace.PaceInfo | None = None
    bac_candidate: BacCandidate | None = None


class Channel:
    """Sends commands through the transport, wrapping them in SM when a session is open."""

    def __init__(self, transport: Transport, stats: ReadStats) -> None:
        self.transport = transport
        self.stats = stats
        self.sm: SecureMessaging | None = None

    def plain(self, cmd: Command) -> tuple[bytes, int]:
        self.stats.apdus += 1
        return self.transport.transmit(cmd.to_bytes())

    def send(self, cmd: Command) -> tuple[bytes, int]:
        if self.sm is None:
            return self.plain(cmd)
        wrapped = self.sm.protect(cmd)
        self.stats.apdus += 1
        data, sw = self.transport.transmit(wrapped.to_bytes())
        try:
            return self.sm.unprotect(data, sw)
        except SMError as exc:
            self.sm = None
            raise SessionLost(str(exc)) from exc


def select_aid(ch: Channel) -> int:
    _, sw = ch.send(Command(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID))
    return sw


def read_card_access(ch: Channel) -> bytes | None:
    """EF.CardAccess, selected directly (SELECT MF answers 6D00 on CCCDs); None when absent."""
    _, sw = ch.plain(Command(0x00, 0xA4, 0x02, 0x0C, FID_CARD_ACCESS.to_bytes(2, "big")))
    if sw != 0x9000:
        return None
    data, sw = ch.plain(Command(0x00, 0xB0, 0x00, 0x00, le=256))
    if sw not in (0x9000, 0x6282) or not data:
        return None
    try:
        _, total = header_length(data)
    except BerError:
        return None
    while len(data) < total:
        more, sw = ch.plain(Command(0x00, 0xB0, len(data) >> 8, len(data) & 0xFF, le=min(256, total - len(data))))
        if sw not in (0x9000, 0x6282) or not more:
            return None
        data += more
    return data[:total]


class Authenticator:
    """First access (PACE-CAN when offered, else BAC over ≤3 expiry candidates) and re-access."""

    def __init__(self, channel: Channel, key: KeySource, try_pace: bool = True) -> None:
        self.ch = channel
        self.key = key
        self.try_pace = try_pace
        self.state = AuthState()

    def first(self) -> str:
        ch = self.ch
        if self.try_pace:
            infos = []
            try:
                raw = read_card_access(ch)
                infos = pace.parse_card_access(raw) if raw else []
            except pace.PaceFailed:
                infos = []
            if infos:
                info = infos[0]
                try:
                    ch.sm = pace.authenticate(ch.plain, info, self.key.can, pace.PASSWORD_CAN)
                    if select_aid(ch) == 0x9000:
                        self.state = AuthState("PACE", pace_info=info)
                        return "PACE"
                    log.info("PACE done but the application did not select; falling back to BAC")
                except (pace.PaceFailed, SessionLost) as exc:
                    log.info("PACE failed (%s); falling back to BAC", type(exc).__name__)
                ch.sm = None
        for i, cand in enumerate(self.key.bac_candidates()):
            if self._bac(cand):
                self.state = AuthState("BAC", bac_candidate=cand)
                return "BAC"
            log.info("BAC attempt %d refused", i + 1)
        raise AccessDenied()

    def _bac(self, cand: BacCandidate) -> bool:
        ch = self.ch
        ch.sm = None
        sw = select_aid(ch)
        if sw != 0x9000:
            raise ReadFailed(f"SELECT eMRTD application {sw:04X}")
        keys = bac.derive_keys(bac.mrz_information(cand.doc_number, cand.birth, cand.expiry))
        try:
            ch.sm = bac.authenticate(ch.plain, keys)
            return True
        except bac.BacFailed:
            return False

    def again(self) -> None:
        """Re-open access with what worked the first time (after SM loss or re-insertion)."""
        ch = self.ch
        ch.sm = None
        self.ch.stats.reauth += 1
        st = self.state
        if st.method == "PACE" and st.pace_info is not None:
            try:
                ch.sm = pace.authenticate(ch.plain, st.pace_info, self.key.can, pace.PASSWORD_CAN)
                if select_aid(ch) == 0x9000:
                    return
            except (pace.PaceFailed, SessionLost):
                pass
            raise ReadFailed("PACE failed on re-authentication")
        if st.bac_candidate is None or not self._bac(st.bac_candidate):
            raise ReadFailed("BAC failed on re-authentication")

"""The trust policy for chip data: which read results the kiosk may use, decided in this one place.

Why one place: the citizen kiosk, the counter console's walk-in read, the command line and the staff badge
login must refuse the same cards for the same reasons. A chip signed by a forger's own CSCA passes every
hash and signature check of passive authentication and only fails the chain to a *trusted* CSCA, so the
site's policy has to say whether an unverified chain is acceptable:

* ``card.trust_dir``: CSCA certificates (PEM/DER files or ICAO master lists) of the issuing authority.
* ``card.require_trusted_chain``: refuse a chip whose Document Signer does not chain to that store. When
  unset it is True with ``environment = "production"`` and False in demo/test.

Always refused, whatever the settings: passive authentication ``failed`` (data does not match its
signature), active authentication ``failed`` (the chip does not hold DG15's private key: a copy) and chip
authentication ``failed`` (likewise for DG14's key).
A staff badge is a login factor, so it needs ``verified`` whatever the policy (:func:`check_badge`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ActiveAuthFailed, CardError, CardNotVerified, ChipAuthFailed, PassiveAuthFailed
from .model import ReadResult


@dataclass(frozen=True)
class TrustPolicy:
    trust_dir: Path | None = None
    require_trusted_chain: bool = False

    @classmethod
    def from_settings(cls, settings: Any) -> TrustPolicy:
        """From the whole Settings (needs ``environment``) or, leniently, from ``Settings.card`` alone."""
        card = getattr(settings, "card", settings)
        environment = getattr(settings, "environment", None)
        require = getattr(card, "require_trusted_chain", None)
        if require is None:
            require = environment == "production"
        return cls(getattr(card, "trust_dir", None), bool(require))

    def refusal(self, result: ReadResult) -> CardError | None:
        """The error to show for this result under the policy, or None when the kiosk may use the data."""
        return refusal(result, self.require_trusted_chain)

    def check(self, result: ReadResult) -> ReadResult:
        err = self.refusal(result)
        if err is not None:
            raise err
        return result


def refusal(result: ReadResult, require_trusted_chain: bool) -> CardError | None:
    if result.passive_auth == "failed":
        return PassiveAuthFailed(result.passive_auth_detail or None)
    if result.active_auth == "failed":
        return ActiveAuthFailed()
    if result.chip_auth == "failed":
        return ChipAuthFailed()
    if result.passive_auth != "verified" and require_trusted_chain:
        return CardNotVerified(result.passive_auth_detail or None)
    return None


def check_badge(result: ReadResult) -> ReadResult:
    """A chip used as a staff login factor: passive authentication must be ``verified`` (chain to a trusted
    CSCA, whatever ``require_trusted_chain`` says) and active authentication must not have failed."""
    err = refusal(result, True)
    if err is not None:
        raise err
    return result

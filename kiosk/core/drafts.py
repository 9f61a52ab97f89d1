"""Drafts that survive a crash or a power loss, only for a citizen who agreed to it (issue 7).

Why this shape:

- **Consent first.** Nothing is ever written unless the citizen ticked "Lưu bản nháp nếu máy gặp sự cố";
  the caller only calls :meth:`DraftStore.save` when that box is ticked.
- **Little in it.** A draft holds the procedure code, the page reached and the form values the citizen typed
  (the caller leaves out every field prefilled from the chip: the same card, read again, fills them anew).
  Never the photo, the scans or other card data.
- **Only the same card opens it.** The file name is ``citizen_hash(id_number, salt)`` (the salted hash the
  audit log uses), and the content is AES-GCM encrypted with a key derived by scrypt from the ID number and
  the site's salt. The ID number itself is stored nowhere. Caveat: a 12-digit ID number has a small key
  space; the protection rests on the site salt staying secret (it lives in the root-only secrets file) plus
  the scrypt cost, not on the ID number alone.
- **Short-lived.** A draft expires after 24 hours (checked against the time inside the encrypted content and
  against the file's modification time, so expired files are purged without any key).

No Qt here; the kiosk view model calls it on the worker thread (scrypt takes tens of milliseconds).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.core.clock import Clock, SystemClock

DRAFT_TTL = timedelta(hours=24)
_SUFFIX = ".draft"
_VERSION = 1
_NONCE_BYTES = 12


@dataclass(frozen=True)
class Draft:
    """What a draft gives back: enough to reopen the form where the citizen was."""

    procedure_code: str
    values: dict[str, Any] = field(default_factory=dict)
    page: str = "form"
    saved_at: datetime | None = None


def _citizen_hash(id_number: str, salt: str) -> str:
    from kiosk.core.audit import citizen_hash

    return citizen_hash(id_number, salt)


class DraftStore:
    """Encrypted, consented drafts in one private folder (``<data dir>/drafts``, mode 0700, files 0600)."""

    def __init__(self, directory: Path, salt: str, clock: Clock | None = None, ttl: timedelta = DRAFT_TTL,
                 scrypt_n: int = 2**14) -> None:
        self.directory = Path(directory)
        self.salt = salt
        self.clock = clock or SystemClock()
        self.ttl = ttl
        self.scrypt_n = scrypt_n
        self._lock = threading.Lock()  # a save finishing on a worker never resurrects a draft just deleted

    # -- keys and names --------------------------------------------------------------------------------
    def path_for(self, id_number: str) -> Path:
        return self.directory / f"{_citizen_hash(id_number, self.salt)}{_SUFFIX}"

    def _key(self, id_number: str) -> bytes:
        # a salt of its own for this purpose, derived from the site's salt: the key is not the file name's HMAC
        kdf_salt = hashlib.sha256(b"kiosk-draft-key-v1\0" + self.salt.encode()).digest()
        return hashlib.scrypt(id_number.encode(), salt=kdf_salt, n=self.scrypt_n, r=8, p=1, dklen=32)

    # -- write -----------------------------------------------------------------------------------------
    def save(self, id_number: str, procedure_code: str, values: dict[str, Any], page: str = "form",
             still_wanted: Callable[[], bool] | None = None) -> Path | None:
        """Encrypt and write (atomically, 0600) the draft of this citizen; replaces an older one.

        ``still_wanted`` is asked under the store's lock right before the file is put in place (a consent
        withdrawn or a visit ended meanwhile: nothing is written, None is returned)."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if not id_number:
            raise ValueError("a draft needs the citizen's ID number (for its key)")
        from kiosk.security import ensure_private_dir

        ensure_private_dir(self.directory)  # 0700 (the drafts themselves are encrypted and 0600)
        os.chmod(self.directory, 0o700)
        path = self.path_for(id_number)
        body = json.dumps({"v": _VERSION, "procedure": procedure_code, "page": page,
                           "saved_at": self.clock.now().isoformat(), "values": values},
                          ensure_ascii=False, default=str).encode()
        nonce = os.urandom(_NONCE_BYTES)
        blob = nonce + AESGCM(self._key(id_number)).encrypt(nonce, body, path.name.encode())
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.directory)  # mkstemp creates it 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
                fh.flush()
                os.fsync(fh.fileno())  # a power loss right after must not leave half a file
            with self._lock:
                if still_wanted is not None and not still_wanted():
                    Path(tmp).unlink(missing_ok=True)
                    return None
                os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    # -- read ------------------------------------------------------------------------------------------
    def load(self, id_number: str) -> Draft | None:
        """The citizen's draft, or None (none, expired, or not readable with this card: then it is deleted)."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if not id_number:
            return None
        path = self.path_for(id_number)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            body = AESGCM(self._key(id_number)).decrypt(blob[:_NONCE_BYTES], blob[_NONCE_BYTES:], path.name.encode())
            data = json.loads(body)
            saved_at = datetime.fromisoformat(data["saved_at"])
            draft = Draft(procedure_code=str(data["procedure"]), values=dict(data.get("values") or {}),
                          page=str(data.get("page") or "form"), saved_at=saved_at)
        except (InvalidTag, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)  # another salt, a damaged file: useless to anyone
            return None
        if self.clock.now() - saved_at > self.ttl:
            path.unlink(missing_ok=True)
            return None
        return draft

    def exists(self, id_number: str) -> bool:
        return bool(id_number) and self.path_for(id_number).is_file()

    # -- wipe ------------------------------------------------------------------------------------------
    def delete(self, id_number: str | None) -> bool:
        """Remove the citizen's draft (submit, cancel, an idle timeout without consent). True if there was one."""
        if not id_number:
            return False
        path = self.path_for(id_number)
        with self._lock:
            existed = path.is_file()
            path.unlink(missing_ok=True)
        return existed

    def purge_expired(self) -> int:
        """Delete drafts older than the time limit, by file time (no key needed); leftovers of a crash too."""
        if not self.directory.is_dir():
            return 0
        limit = self.clock.now().timestamp() - self.ttl.total_seconds()
        removed = 0
        for p in self.directory.iterdir():
            if p.name.startswith(".tmp-") or (p.suffix == _SUFFIX and p.stat().st_mtime < limit):
                p.unlink(missing_ok=True)
                removed += 1
        return removed

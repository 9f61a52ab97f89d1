"""The signed result file of a dossier (QĐ 766 indicator 4.1): checked, then kept privately under the data dir.

Why: an officer who marks a dossier processed may attach the result the agency signed (a PDF). The dossier
then counts for 4.1 (``e_result``) and, when the citizen chose online delivery, the citizen can print it at a
kiosk with the dossier code and their ID number. The file carries personal data, so it is stored 0600 in a
0700 folder (kiosk.security), never left where the officer picked it. A file that is missing, not a PDF or
too large is refused with one bilingual message before anything changes.

Plain pathlib file I/O; no Qt, no reportlab.
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.core.workflow import ActionError
from kiosk.security import ensure_private_dir, write_private_file

MAX_RESULT_BYTES = 20 * 1024 * 1024  # a signed decision or certificate is a few hundred KB; scans stay well below
PDF_MAGIC = b"%PDF-"
_SAFE = re.compile(r"[^0-9A-Za-z.\-]")


def _bad(vi: str, en: str) -> ActionError:
    return ActionError(vi, en)


def read_result_file(path: str | Path) -> bytes:
    """The bytes of a result file the officer chose, or the one plain ActionError saying why it is refused."""
    p = Path(path).expanduser()
    if not p.is_file():
        raise _bad(f"Không tìm thấy tệp kết quả: {p.name}.", f"Result file not found: {p.name}.")
    size = p.stat().st_size
    if size > MAX_RESULT_BYTES:
        raise _bad(
            f"Tệp kết quả quá lớn ({size // (1024 * 1024)} MB; tối đa {MAX_RESULT_BYTES // (1024 * 1024)} MB).",
            f"The result file is too large ({size // (1024 * 1024)} MB; at most {MAX_RESULT_BYTES // (1024 * 1024)} MB).",
        )
    try:
        data = p.read_bytes()
    except OSError:
        raise _bad(f"Không đọc được tệp kết quả: {p.name}.", f"Cannot read the result file: {p.name}.") from None
    if not data.startswith(PDF_MAGIC) or b"%%EOF" not in data[-2048:]:
        raise _bad(
            "Tệp kết quả phải là tệp PDF (bản điện tử đã ký số).",
            "The result file must be a PDF (the signed electronic copy).",
        )
    return data


def result_target(results_dir: Path, code: str) -> Path:
    """Where the result of dossier ``code`` is kept."""
    return Path(results_dir) / f"{_SAFE.sub('_', code)}.pdf"


def store_result(results_dir: Path, code: str, data: bytes) -> Path:
    """Write the result 0600 (atomically) in the 0700 results folder; returns its path."""
    ensure_private_dir(Path(results_dir))
    return write_private_file(result_target(results_dir, code), data)


__all__ = ["MAX_RESULT_BYTES", "PDF_MAGIC", "read_result_file", "result_target", "store_result"]

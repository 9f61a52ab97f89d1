"""Turning pydantic errors on a catalogue file into `file:line: procedure CODE field 'x': message` lines.

tomllib keeps no positions, so the line of an offending key is found again in the TOML text: inside the
procedure's [[procedure]] block, following the error's path through keys, sub-tables, arrays of tables and
one-line inline tables. It is best-effort by design: when a key cannot be found (it is missing, say), the
nearest enclosing line found so far is used, at worst the [[procedure]] line itself.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any


def dotted_loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def message(err: Any) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}; got {err.get('input')!r}"
    if kind == "extra_forbidden":
        return "unknown key (not part of the catalogue schema)"
    if kind == "missing":
        return "required key is missing"
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    if msg.startswith("Input should be"):
        msg = "must be" + msg.removeprefix("Input should be")
        value = err.get("input")
        if isinstance(value, str | int | float | bool | date):
            msg += f"; got {value!r}"
    return msg


def find_top_key(lines: list[str], key: str) -> int:
    pat = re.compile(rf"^\s*(\[{re.escape(key)}\]|{re.escape(key)}\s*=)")
    for i, ln in enumerate(lines):
        if pat.match(ln):
            return i + 1
    return 1


_HEADER_RE = re.compile(r"^\s*\[")
_KEY_LINE_RE = re.compile(r"^\s*[A-Za-z0-9_\-]+\s*=")


def locate(lines: list[str], start: int, end: int, loc: tuple[Any, ...]) -> int:
    """Best-effort 1-based line of ``loc`` inside the [[procedure]] block lines[start:end].

    Handles the shapes the catalogue uses: plain keys, sub-tables ``[procedure.time_limit]``, arrays of
    tables ``[[procedure.documents]]`` and arrays of one-line inline tables (``form = [ {…}, {…} ]``).
    Falls back to the nearest enclosing line found so far (at worst the ``[[procedure]]`` line)."""
    cursor, lo, hi = start, start, end
    path: list[str] = []
    for part in loc:
        if isinstance(part, str):
            path.append(part)
            header = re.compile(r"^\s*\[\[?\s*procedure\." + r"\.".join(map(re.escape, path)) + r"\s*\]\]?")
            key = (
                re.compile(r"^\s*" + re.escape(part) + r"\s*=")
                if lo == start
                else re.compile(r"(^|[{,\s])" + re.escape(part) + r"\s*=")
            )
            found = next((i for i in range(lo, hi) if header.match(lines[i]) or key.search(lines[i])), None)
            if found is None:
                break
            cursor = found
            if header.match(lines[found]):
                lo = found + 1
                hi = next((i for i in range(lo, end) if _HEADER_RE.match(lines[i])), end)
            else:
                lo = found
        else:
            table = re.compile(r"^\s*\[\[\s*procedure\." + r"\.".join(map(re.escape, path)) + r"\s*\]\]")
            headers = [i for i in range(start, end) if table.match(lines[i])]
            if headers:
                if part >= len(headers):
                    break
                cursor = lo = headers[part]
                hi = next((i for i in range(lo + 1, end) if _HEADER_RE.match(lines[i])), end)
                lo += 1
                continue
            items: list[int] = []
            for i in range(cursor + 1, hi):
                stripped = lines[i].lstrip()
                if _HEADER_RE.match(lines[i]) and not stripped.startswith("[{") or _KEY_LINE_RE.match(lines[i]):
                    break
                if stripped.startswith("{"):
                    items.append(i)
            if part >= len(items):
                break
            cursor = lo = items[part]
            hi = items[part] + 1
    return cursor + 1

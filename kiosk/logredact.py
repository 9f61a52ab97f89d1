"""Defence in depth for the rule "personal data never reaches logs".

Code logs counts, codes and outcomes only; but a third-party exception message (a driver error, a failed
HTTP call) can quote what it was given. This filter rewrites every record before any handler sees it:
12-digit personal IDs, 9-digit old ID numbers and Vietnamese phone numbers are masked, in the message, its
arguments and the formatted traceback, also when written with spaces, dots or dashes ("001 090 000 123",
"001-090-000-123", "0912.345.678", "(+84) 912 345 678"). Dossier codes (``…-yyMMdd-NNNN``) are left alone.
"""

from __future__ import annotations

import logging
import re

_SEP = r"[ \t.\-\u00a0\u2010-\u2013]"  # space, tab, dot, hyphen, no-break space, Unicode hyphens/dashes
_START = r"(?<![\w.\-])"  # not inside a longer number or a dossier code (…H56-261125-0001)
_END = r"(?![\w\-])"
_PATTERNS = (
    # số định danh cá nhân: 12 digits, also written 3-3-3-3 or 4-4-4 with spaces, dots or dashes
    (re.compile(_START + r"(?:\d{12}|\d{3}(?:" + _SEP + r"\d{3}){3}|\d{4}(?:" + _SEP + r"\d{4}){2})" + _END), "<id>"),
    # phone: 0 / 84 / +84 / (+84) / 0084, then 9 digits with any single separators between them
    (re.compile(r"(?<![\w.\-+])(?:\(\+?84\)|\+84|0084|84|0)(?:" + _SEP + r"?\(?0?\)?)?(?:" + _SEP + r"?\d){9}" + _END), "<phone>"),
    # CMND: 9 digits, also 3-3-3
    (re.compile(_START + r"(?:\d{9}|\d{3}(?:" + _SEP + r"\d{3}){2})" + _END), "<old-id>"),
)


def redact(text: str) -> str:
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not lose the record
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.exc_info = None if record.exc_text else record.exc_info
        return True


def install(logger: logging.Logger | None = None) -> None:
    """Attach the filter to every handler of ``logger`` (default: the root logger), once."""
    logger = logger or logging.getLogger()
    for handler in logger.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())

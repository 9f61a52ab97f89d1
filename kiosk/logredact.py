"""Defence in depth for the rule "personal data never reaches logs".

Code logs counts, codes and outcomes only; but a third-party exception message (a driver error, a failed
HTTP call) can quote what it was given. This filter rewrites every record before any handler sees it:
12-digit personal IDs, 9-digit old ID numbers and Vietnamese phone numbers are masked, in the message, its
arguments and the formatted traceback. Dossier codes (``…-yyMMdd-NNNN``) are left alone.
"""

from __future__ import annotations

import logging
import re

_PATTERNS = (
    (re.compile(r"(?<![\d.-])\d{12}(?![\d-])"), "<id>"),  # số định danh cá nhân
    (re.compile(r"(?<![\d.-])(?:\+?84|0)(?:[\s.]?\d){9}(?!\d)"), "<phone>"),
    (re.compile(r"(?<![\d.-])\d{9}(?![\d-])"), "<old-id>"),  # CMND
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

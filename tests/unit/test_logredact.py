"""Personal data is masked in log output, tracebacks included; dossier codes stay readable."""

from __future__ import annotations

import io
import logging

from kiosk.logredact import install, redact


def test_ids_and_phones_are_masked_codes_kept() -> None:
    text = "citizen 038186001234 phone 0912 345 678 / +84912345678 old 013456789 dossier 000.00.06.H56-261125-0001"
    out = redact(text)
    assert "038186001234" not in out and "0912 345 678" not in out and "+84912345678" not in out
    assert "013456789" not in out
    assert "000.00.06.H56-261125-0001" in out


def test_handler_output_and_tracebacks_are_redacted() -> None:
    stream = io.StringIO()
    logger = logging.getLogger("kiosk.test.redact")
    logger.propagate = False
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    install(logger)
    try:
        logger.warning("lookup of %s failed", "001190012345")
        try:
            raise ValueError("IntegrityError: parameters ('001190012345', '0912345678')")
        except ValueError:
            logger.exception("submit failed")
    finally:
        logger.removeHandler(handler)
    out = stream.getvalue()
    assert "001190012345" not in out and "0912345678" not in out
    assert "lookup of <id> failed" in out and "ValueError" in out


def test_ids_with_separators_are_masked() -> None:
    for spelled in ("001 090 000 123", "001-090-000-123", "001.090.000.123", "0010 9000 0123", "001\u00a0090\u00a0000\u00a0123",
                    "001–090–000–123"):
        out = redact(f"CCCD: {spelled}.")
        assert out == "CCCD: <id>.", (spelled, out)
    assert redact("CMND 013 456 789") == "CMND <old-id>"


def test_phone_spellings_are_masked() -> None:
    for spelled in ("0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "091 234 5678", "+84912345678",
                    "+84 912 345 678", "(+84) 912 345 678", "+84 (0) 912 345 678", "84912345678", "0084912345678",
                    "+84-912-345-678"):
        out = redact(f"to {spelled}, done")
        assert out == "to <phone>, done", (spelled, out)


def test_codes_times_and_small_numbers_survive() -> None:
    text = ("dossier 000.00.06.H56-261125-0001 at 2026-11-25 09:00:00.123 took 0.123 s, fee 100000 đ, "
            "port 5432, pid 123456, 13 digits 1234567890123")
    assert redact(text) == text

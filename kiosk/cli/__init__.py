"""The `kiosk` command line: one argparse tree whose sub-commands live in small modules.

Each module in COMMAND_MODULES exposes ``register(subparsers)`` and sets ``func`` on its parsers.
A handler returns an exit code (int) or None for 0. Expected failures raise :class:`CliError`,
which prints one plain line on stderr and exits with its code; nothing a person can cause ever
ends in a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

COMMAND_MODULES = [
    "kiosk.cli.db_cmd",
    "kiosk.cli.catalog_cmd",
    "kiosk.cli.due_date_cmd",
    "kiosk.cli.demo_cmd",
    "kiosk.cli.card_cmd",
    "kiosk.cli.receipt_cmd",
    "kiosk.cli.staff_cmd",
    "kiosk.cli.dossier_cmd",
    "kiosk.cli.report_cmd",
    "kiosk.cli.supervisor_cmd",
    "kiosk.cli.run_cmd",
    "kiosk.cli.sync_cmd",
    "kiosk.cli.console_cmd",
    "kiosk.cli.queue_cmd",
    "kiosk.cli.audit_cmd",
    "kiosk.cli.hall_cmd",
]


class CliError(Exception):
    """An expected failure: message for stderr and an exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as argparse does, but no usage dump
        self.exit(2, f"kiosk: {message} (see --help)\n")


# Commands whose start-up time a person sees (the touch UI): `kiosk run …` builds a parser with only its own
# module, so it does not import every other command's module (the catalogue, the console, …) first.
FAST_COMMANDS = {"run": "kiosk.cli.run_cmd", "demo": "kiosk.cli.demo_cmd"}


def command_word(argv: list[str]) -> str | None:
    """The sub-command in ``argv`` (after the global options), or None; None too when help is asked for
    before it, so ``kiosk -h run`` still lists every command."""
    args = iter(argv)
    for a in args:
        if a == "--config":
            next(args, None)
        elif a.startswith("--config=") or a in ("-v", "--verbose"):
            continue
        elif a.startswith("-"):
            return None
        else:
            return a
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole tree, or with ``only`` (a module of COMMAND_MODULES) just that command's branch."""
    parser = _Parser(prog="kiosk", description="Kiosk for one-stop public-service reception")
    parser.add_argument("--config", help="TOML configuration file (default: the platform config dir)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES if only is None else [only]:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # that command group is not built yet
                continue
            raise
        module.register(sub)
    return parser


MAX_MESSAGE = 300


def one_line(message: object) -> str:
    """A message as one line of reasonable length (drivers put newlines and tabs in theirs)."""
    text = " ".join(str(message).split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _known_failure(exc: Exception) -> tuple[str, int] | None:
    """Failures a person causes by input or configuration, not bugs: a date beyond year 9999 or outside the
    years the holiday calendar covers, a database URL that is not one, a database that cannot be reached.
    (The message of a driver error has no parameters: engines hide them.)"""
    from kiosk.core.calendar import CalendarCoverageError

    if isinstance(exc, CalendarCoverageError):
        return str(exc), 2
    if isinstance(exc, OverflowError) and "date" in str(exc):  # e.g. the day after 9999-12-31
        return "a date is out of range (years 1-9999)", 2
    try:
        from sqlalchemy.exc import ArgumentError, DBAPIError
    except ImportError:  # pragma: no cover - sqlalchemy is a dependency
        return None
    if isinstance(exc, ArgumentError):
        text = str(exc) if type(exc).__name__ == "DatabaseUrlError" else f"the database URL is not valid ({exc})"
        return text, 2
    if isinstance(exc, DBAPIError) and exc.connection_invalidated is False and exc.statement is None:
        return f"cannot open the database: {exc.orig}", 1
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(FAST_COMMANDS.get(command_word(argv) or ""))
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from kiosk.logredact import install as install_log_redaction

    install_log_redaction()  # personal data never reaches the logs, whatever a library puts in a message
    from kiosk.security import set_private_umask

    set_private_umask()  # files the kiosk writes (database, PDFs, exports, photos) are 0600 from the first byte
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        rc = args.func(args)
    except CliError as exc:
        print(f"kiosk: {one_line(exc)}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("kiosk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and closed: not an error worth a message
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # last line of defence: one line, never a traceback
        from kiosk.config import ConfigError

        if isinstance(exc, ConfigError):
            print(f"kiosk: configuration error: {one_line(exc)}", file=sys.stderr)
            return 2
        known = _known_failure(exc)
        if known is not None:
            print(f"kiosk: {one_line(known[0])}", file=sys.stderr)
            return known[1]
        logging.getLogger("kiosk").debug("unexpected error", exc_info=True)
        print(f"kiosk: unexpected error: {type(exc).__name__}: {one_line(exc)}", file=sys.stderr)
        return 1
    return 0 if rc is None else int(rc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

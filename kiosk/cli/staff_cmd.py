"""`kiosk staff …`: staff accounts from the command line (add, list, disable, enable, set-pin, badge).

Why the PIN only ever comes from standard input: a PIN on the command line ends up in shell history and in
the process list. On a terminal it is asked twice without echo; from a pipe the first line is the PIN, so
provisioning scripts work (`printf '%s\\n' "$PIN" | kiosk staff add …`).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from kiosk.cli import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("staff", help="staff accounts (PIN from standard input)")
    ssub = p.add_subparsers(dest="staff_command", metavar="ACTION")

    add = ssub.add_parser("add", help="create a staff account; the PIN is read from standard input")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=("officer", "supervisor", "admin"))
    add.add_argument("--full-name", required=True, help="the officer's full name, as printed on forms")
    add.set_defaults(func=_add)

    ls = ssub.add_parser("list", help="list staff accounts")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    dis = ssub.add_parser("disable", help="disable an account (it can no longer log in)")
    dis.add_argument("username")
    dis.set_defaults(func=_disable)

    en = ssub.add_parser("enable", help="re-enable an account and clear its lock")
    en.add_argument("username")
    en.set_defaults(func=_enable)

    pin = ssub.add_parser("set-pin", help="set a new PIN (read from standard input)")
    pin.add_argument("username")
    pin.set_defaults(func=_set_pin)

    badge = ssub.add_parser("badge", help="link the officer's own chip card (12-digit ID) for badge login")
    badge.add_argument("username")
    g = badge.add_mutually_exclusive_group(required=True)
    g.add_argument("--id", dest="id_number", metavar="12DIGITS", help="the ID number on the officer's card")
    g.add_argument("--clear", action="store_true", help="unlink the card")
    badge.set_defaults(func=_badge)

    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


# -- shared with dossier_cmd ----------------------------------------------------------------------------
def open_app(args: argparse.Namespace) -> Any:
    """The composed app without the catalogue sync (staff and dossier actions do not need it)."""
    from sqlalchemy.exc import OperationalError

    from kiosk.app import build_app
    from kiosk.config import load_settings

    try:
        return build_app(load_settings(args.config), sync_catalogue=False)
    except OperationalError as exc:
        raise CliError(f"cannot open the database: {exc.orig}", 1) from None


def read_pin(prompt: str = "PIN: ", *, confirm: bool = False) -> str:
    """The PIN from standard input: twice without echo on a terminal, the first line from a pipe."""
    stdin = sys.stdin
    if stdin is not None and stdin.isatty():
        pin = getpass.getpass(prompt)
        if confirm and getpass.getpass("PIN (again): ") != pin:
            raise CliError("the two PINs differ", 2)
    else:
        line = stdin.readline() if stdin is not None else ""
        pin = line.rstrip("\r\n")
    if not pin:
        raise CliError("no PIN on standard input", 2)
    return pin


def staff_login(app: Any, username: str) -> Any:
    """Authenticate USERNAME with the PIN from standard input; one plain line on failure."""
    from kiosk.core.staff import StaffAuthError

    pin = read_pin(f"PIN for {username}: ")
    try:
        return app.staff.authenticate(username, pin)
    except StaffAuthError as exc:
        raise CliError(f"staff login refused: {exc.en}", 3) from None


def _run(args: argparse.Namespace, fn: Any) -> int:
    from kiosk.core.staff import StaffError

    app = open_app(args)
    try:
        return fn(app)
    except StaffError as exc:
        raise CliError(exc.en, 1) from None
    finally:
        app.close()


# -- handlers ---------------------------------------------------------------------------------------------
def _add(args: argparse.Namespace) -> int:
    pin = read_pin(f"New PIN for {args.username}: ", confirm=True)

    def go(app: Any) -> int:
        ident = app.staff.add(args.username, args.role, args.full_name, pin)
        print(f"added {ident.username} ({ident.role})")
        return 0

    return _run(args, go)


def _list(args: argparse.Namespace) -> int:
    def go(app: Any) -> int:
        users = app.staff.list()
        if args.json:
            print(json.dumps([u.as_json() for u in users], ensure_ascii=False))
            return 0
        now = app.clock.now()
        for u in users:
            state = "active" if u.active else "disabled"
            if u.locked_until and u.locked_until > now:
                state += f", locked until {u.locked_until.astimezone(app.settings.tz):%H:%M}"
            badge = ", badge" if u.has_badge else ""
            print(f"{u.username:<20} {u.role:<10} {state}{badge}  {u.full_name}")
        if not users:
            print("(no staff accounts)")
        return 0

    return _run(args, go)


def _disable(args: argparse.Namespace) -> int:
    def go(app: Any) -> int:
        app.staff.disable(args.username)
        print(f"disabled {args.username}")
        return 0

    return _run(args, go)


def _enable(args: argparse.Namespace) -> int:
    def go(app: Any) -> int:
        app.staff.enable(args.username)
        print(f"enabled {args.username}")
        return 0

    return _run(args, go)


def _set_pin(args: argparse.Namespace) -> int:
    pin = read_pin(f"New PIN for {args.username}: ", confirm=True)

    def go(app: Any) -> int:
        app.staff.set_pin(args.username, pin)
        print(f"PIN changed for {args.username}")
        return 0

    return _run(args, go)


def _badge(args: argparse.Namespace) -> int:
    def go(app: Any) -> int:
        app.staff.set_badge(args.username, None if args.clear else args.id_number)
        print(f"badge {'cleared' if args.clear else 'linked'} for {args.username}")
        return 0

    return _run(args, go)

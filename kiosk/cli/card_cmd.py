"""``kiosk card …``: read a CCCD chip to JSON, and run the project's virtual card.

Why: staff and scripts need the read without the UI (support, diagnostics, integration tests), and the
demo/CI need a card with no hardware. Exit codes: 0 read (chain verified, or no trust store given),
2 usage, 3 no reader / service down, 4 no card, 5 access denied, 6 card removed / read failed,
7 passive, active or chip authentication failed, 8 a trust store was given and the Document Signer does not chain
to it (dates and key usage included). With 7 and 8 the JSON is still printed, with one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from kiosk.cli import CliError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    card = subparsers.add_parser("card", help="read the chip ID card (CCCD) or run the virtual card")
    sub = card.add_subparsers(dest="card_command", metavar="ACTION")

    read = sub.add_parser("read", help="read the card on a reader and print it")
    read.add_argument("--reader", help="reader name (substring); default: configured or first reader")
    src = read.add_mutually_exclusive_group(required=True)
    src.add_argument("--qr", help="the text of the QR printed on the card")
    src.add_argument("--mrz", help="the MRZ (3 lines of 30 characters, or 90 characters)")
    src.add_argument("--id", dest="id_number", metavar="12DIGITS", help="the 12-digit ID number (with --dob)")
    read.add_argument("--dob", help="date of birth YYYY-MM-DD (with --id)")
    read.add_argument("--expiry", help="expiry date YYYY-MM-DD (with --id; default: derived)")
    read.add_argument("--trust", type=Path, help="folder of CSCA certificates (PEM/DER) or an ICAO master list")
    read.add_argument("--photo", type=Path, help="write the face JPEG to this file")
    read.add_argument("--json", action="store_true", help="print one JSON object")
    read.add_argument("--no-pace", action="store_true", help="do not try PACE, use BAC only")
    read.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help="wait this long for a card")
    read.set_defaults(func=_read)

    emu = sub.add_parser("emulate", help="serve the project's virtual CCCD on vpcd (never in production)")
    emu.add_argument("profile", metavar="PROFILE", help="demo | elderly")
    emu.add_argument("--pace", action="store_true", help="offer PACE-CAN (EF.CardAccess)")
    emu.add_argument("--no-extended", action="store_true", help="refuse extended-length APDUs")
    emu.add_argument("--hide-capabilities", action="store_true", help="no card capabilities in the ATR")
    emu.add_argument("--max-block", type=int, help="most bytes one READ BINARY returns")
    emu.add_argument("--mf-select-ok", action="store_true", help="answer SELECT MF with 9000 instead of 6D00")
    emu.add_argument("--pull-after", type=int, metavar="N", help="pull the card out after N commands (once)")
    emu.add_argument("--tampered-dg13", action="store_true", help="serve a DG13 that no longer matches EF.SOD")
    emu.add_argument("--no-dg15", action="store_true", help="no DG15 / active authentication")
    emu.add_argument("--dg14", action="store_true", help="add a DG14 naming the active-authentication hash")
    emu.add_argument("--forged-csca", action="store_true",
                     help="sign EF.SOD under a forger's own CSCA (same names, not in the printed trust dir)")
    emu.add_argument("--cloned-aa", action="store_true",
                     help="the chip's active-authentication key is not DG15's (a copied chip)")
    emu.add_argument("--chip-auth", action="store_true", help="offer Chip Authentication (DG14, ECDH P-256)")
    emu.add_argument("--cloned-ca", action="store_true", help="the chip's CA key is not DG14's (a copied chip)")
    emu.add_argument("--slot", type=int, choices=(0, 1), default=0, help="vpcd slot (port 35963 + slot)")
    emu.add_argument("--data-dir", type=Path, help="where to write the test CSCA certificate")
    emu.add_argument("--no-pcscd", action="store_true", help="do not start pcscd (it is managed elsewhere)")
    emu.add_argument("--seconds", type=float, help="stop after this many seconds (default: until Ctrl-C)")
    emu.set_defaults(func=_emulate)

    rd = sub.add_parser("readers", help="list PC/SC readers")
    rd.set_defaults(func=_readers)
    card.set_defaults(func=lambda _a: (card.print_help(), 2)[1])


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kiosk.config import load_settings

    return load_settings(getattr(args, "config", None))


def _key_source(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kiosk.devices.card import keys

    try:
        if args.qr is not None:
            return keys.from_qr(args.qr)
        if args.mrz is not None:
            return keys.from_mrz(args.mrz)
        if not args.dob:
            raise CliError("--id needs --dob YYYY-MM-DD", 2)
        return keys.from_typed(args.id_number, args.dob, args.expiry)
    except keys.KeySourceError as exc:
        raise CliError(f"cannot use the key data: {exc}", 2) from None


def _read(args: argparse.Namespace) -> int:
    if args.expiry and not args.id_number:
        raise CliError("--expiry goes with --id and --dob", 2)
    if not 0 <= args.wait <= 600:  # also refuses nan
        raise CliError("--wait must be between 0 and 600 seconds", 2)
    key = _key_source(args)
    settings = _settings(args)
    from kiosk.devices.card import CardError, read_card

    trust = args.trust if args.trust is not None else settings.card.trust_dir
    if trust is not None and not Path(trust).exists():
        raise CliError(f"trust store {trust} does not exist", 2)
    try:
        result = read_card(
            key,
            reader=args.reader or settings.card.reader,
            trust_dir=trust,
            try_pace=settings.card.try_pace and not args.no_pace,
            wait_for_card=args.wait,
        )
    except CardError as exc:
        raise CliError(exc.message_en, exc.exit_code) from None
    finally:
        key.wipe()
    try:
        if args.photo is not None and result.card.photo_jpeg:
            from kiosk.security import write_private_file

            write_private_file(args.photo, result.card.photo_jpeg)  # a face image: 0600 from the first byte
        payload = result.to_json_dict()
        if args.json:
            print(json.dumps(payload, ensure_ascii=False))
        else:
            _print_human(payload)
        if result.passive_auth == "failed":
            print("kiosk: passive authentication failed: the card data does not match its signature", file=sys.stderr)
            return 7
        if result.active_auth == "failed" or result.chip_auth == "failed":
            which = "active" if result.active_auth == "failed" else "chip"
            print(f"kiosk: {which} authentication failed: the chip may be a copy", file=sys.stderr)
            return 7
        if trust is not None and result.passive_auth != "verified":
            reason = result.passive_auth_detail or "no trusted CSCA"
            print(f"kiosk: the card cannot be verified against the trust store: {reason}", file=sys.stderr)
            return 8
        return 0
    finally:
        result.wipe()


def _print_human(payload: dict[str, object]) -> None:
    card = payload["card"]
    assert isinstance(card, dict)
    for key, value in card.items():
        if value is not None:
            print(f"{key:20} {value}")
    print(f"{'auth':20} {payload['auth']}")
    print(f"{'passive_auth':20} {payload['passive_auth']}")
    print(f"{'active_auth':20} {payload['active_auth']}")
    print(f"{'chip_auth':20} {payload['chip_auth']}")
    print(f"{'stats':20} {payload['stats']}")


def _emulate(args: argparse.Namespace) -> int:
    from kiosk.devices.card.errors import VirtualCardRefused
    from kiosk.devices.card.virtual import (
        PROFILES,
        CardOptions,
        PcscdUnavailable,
        ensure_allowed,
        start_demo_card,
    )

    try:
        ensure_allowed(_settings(args))
    except VirtualCardRefused as exc:
        raise CliError(exc.message_en, 2) from None
    if args.profile not in PROFILES:
        raise CliError(f"unknown profile {args.profile!r}; known: {', '.join(PROFILES)}", 2)
    options = CardOptions(
        pace=args.pace,
        extended_length=not args.no_extended,
        advertise_capabilities=not args.hide_capabilities,
        max_block=args.max_block,
        mf_select_6d00=not args.mf_select_ok,
        pull_after=args.pull_after,
    )
    try:
        handle = start_demo_card(
            args.profile, options, data_dir=args.data_dir, slot=args.slot, settings=_settings(args),
            with_pcscd=not args.no_pcscd, tampered_dg13=args.tampered_dg13, with_dg15=not args.no_dg15,
            with_dg14=args.dg14, forged=args.forged_csca, cloned_aa=args.cloned_aa,
            with_ca=args.chip_auth or args.cloned_ca, cloned_ca=args.cloned_ca,
            wait=0 if args.no_pcscd else 5.0,
        )
    except PcscdUnavailable as exc:
        raise CliError(str(exc), 3) from None
    assert handle.citizen is not None
    print(f"virtual card '{args.profile}' on reader: {handle.reader}")
    print(f"test CSCA (use with --trust): {handle.trust_dir}")
    print(f"QR text: {handle.citizen.qr_text()}")
    print("press Ctrl-C to stop", flush=True)
    try:
        deadline = None if args.seconds is None else time.monotonic() + args.seconds
        while handle.thread.is_alive() and (deadline is None or time.monotonic() < deadline):
            time.sleep(0.2)
        if handle.thread.error is not None:
            raise CliError(f"virtual card stopped: {handle.thread.error}", 3)
    except KeyboardInterrupt:
        pass
    finally:
        handle.stop()
    return 0


def _readers(args: argparse.Namespace) -> int:
    from kiosk.devices.card import CardError, list_readers

    try:
        names = list_readers()
    except CardError as exc:
        raise CliError(exc.message_en, exc.exit_code) from None
    if not names:
        raise CliError("no reader", 3)
    for n in names:
        print(n)
    return 0

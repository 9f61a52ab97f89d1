"""`kiosk catalog list|show|import`: inspect the procedure catalogue and install a province's own file.

An import is all-or-nothing: the file is validated first and, if anything is wrong, every problem is
printed (one per line, with the line number) and neither the database nor the active catalogue changes.
On success the procedures are written to the database and the file is copied to <data dir>/catalogue.toml,
which later runs pick up (unless the catalogue_file setting points elsewhere).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.cli import CliError
from kiosk.core.catalogue import (
    DATA_DIR_NAME,
    FEE_UNIT_TEXT,
    Catalogue,
    CatalogueError,
    Procedure,
    configured_catalogue_path,
    load_catalogue,
    load_configured_catalogue,
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("catalog", help="procedure catalogue: list, show, import")
    sub = p.add_subparsers(dest="catalog_command", metavar="ACTION")
    p.set_defaults(func=lambda _args: _usage(p))

    ls = sub.add_parser("list", help="procedures in effect on a date")
    ls.add_argument("--json", action="store_true", help="machine-readable output")
    ls.add_argument("--on", metavar="YYYY-MM-DD", help="effective date (default: today)")
    ls.set_defaults(func=cmd_list)

    show = sub.add_parser("show", help="one procedure in full")
    show.add_argument("code", metavar="CODE")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.add_argument("--on", metavar="YYYY-MM-DD", help="effective date (default: today)")
    show.set_defaults(func=cmd_show)

    imp = sub.add_parser("import", help="validate a catalogue file and make it the active one")
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(func=cmd_import)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _parse_on(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"--on: expected a date as YYYY-MM-DD, got {value!r}", 2) from None


def _print_errors(exc: CatalogueError) -> int:
    for line in exc.errors:
        print(f"kiosk: {line}", file=sys.stderr)
    return 1


def _settings(args: argparse.Namespace) -> Any:
    from kiosk.config import load_settings

    return load_settings(args.config)


def _catalogue(args: argparse.Namespace) -> Catalogue:
    return load_configured_catalogue(_settings(args))


def _fee_text(p: Procedure) -> str:
    if p.fee_counter == 0 and p.fee_online == 0:
        return "miễn phí"
    unit = "" if p.fee_unit == "dossier" else f"/{FEE_UNIT_TEXT[p.fee_unit][0]}"
    if p.fee_counter == p.fee_online:
        return f"{p.fee_counter:,}đ{unit}".replace(",", ".")
    return f"{p.fee_counter:,}đ / online {p.fee_online:,}đ{unit}".replace(",", ".")


def _summary(p: Procedure) -> dict[str, Any]:
    return {
        "code": p.code,
        "version": p.version,
        "provisional": p.provisional,
        "name": p.name,
        "name_en": p.name_en,
        "field": p.field,
        "level": p.level,
        "time_limit": {"kind": p.time_limit.kind, "amount": p.time_limit.amount},
        "fee_counter": p.fee_counter,
        "fee_online": p.fee_online,
        "effective_from": p.effective_from.isoformat(),
        "effective_to": p.effective_to.isoformat() if p.effective_to else None,
        "popular": p.popular,
    }


def cmd_list(args: argparse.Namespace) -> int:
    on = _parse_on(args.on)
    try:
        procedures = _catalogue(args).list(on)
    except CatalogueError as exc:
        return _print_errors(exc)
    if args.json:
        print(json.dumps([_summary(p) for p in procedures], ensure_ascii=False, indent=2))
        return 0
    for p in procedures:
        flag = "*" if p.provisional else " "
        print(f"{p.code:<18}{flag} {p.level_text():<10} {p.limit.describe_vi():<22} {_fee_text(p):<28} {p.name}")
    print(f"{len(procedures)} thủ tục / procedures" + (" (* = mã tạm, cần kiểm chứng)" if any(p.provisional for p in procedures) else ""))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    on = _parse_on(args.on)
    try:
        p = _catalogue(args).get(args.code, on)
    except CatalogueError as exc:
        return _print_errors(exc)
    if args.json:
        print(json.dumps(p.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return 0
    out = [
        f"{p.code}  {p.name}",
        f"  {p.name_en}",
        f"  Phiên bản / version: {p.version} (hiệu lực {p.effective_from.isoformat()} – {p.effective_to.isoformat() if p.effective_to else '…'})",
        f"  Lĩnh vực / field: {p.field} ({p.field_en})",
        f"  Mức độ / level: {p.level_text()} / {p.level_text('en')}",
    ]
    if p.in_person_vi:
        out.append(f"  Trực tiếp / in person: {p.in_person_vi}")
    limit = p.limit.describe_vi() + (f" — {p.time_limit.note_vi}" if p.time_limit.note_vi else "")
    out.append(f"  Thời hạn / time limit: {limit}")
    out.append(f"  Phí, lệ phí / fee: {_fee_text(p)}" + (f" — {p.fee_note_vi}" if p.fee_note_vi else ""))
    if p.note_vi:
        out.append(f"  Ghi chú / note: {p.note_vi}")
    out.append("  Thành phần hồ sơ / documents (bản chính, chứng thực, photo):")
    for i, d in enumerate(p.documents, 1):
        opt = "" if d.required else " [nếu có]"
        out.append(f"    {i}. {d.name_vi} ({d.originals}, {d.certified_copies}, {d.photocopies}){opt}")
    out.append("  Biểu mẫu / form fields:")
    for f in p.form:
        req = "*" if f.required else " "
        pre = f" ← {f.prefill}" if f.prefill else ""
        out.append(f"   {req} {f.name:<28} {f.type:<10} {f.label_vi}{pre}")
    print("\n".join(out))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from kiosk.core.catalogue_store import sync_catalogue
    from kiosk.models.database import open_database, session_scope

    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"catalogue file {source} does not exist")
    try:
        catalogue = load_catalogue(source)
    except CatalogueError as exc:
        return _print_errors(exc)

    settings = _settings(args)
    engine, factory = open_database(settings.effective_database_url)
    try:
        with session_scope(factory) as session:
            result = sync_catalogue(session, catalogue)
    finally:
        engine.dispose()

    target = Path(settings.data_dir) / DATA_DIR_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".catalogue-", suffix=".toml", dir=target.parent)
    os.close(fd)
    shutil.copyfile(source, tmp)
    os.replace(tmp, target)

    print(
        f"imported {len(catalogue)} procedures ({len(catalogue.all_versions())} versions): "
        f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged; saved as {target}"
    )
    active = configured_catalogue_path(settings)
    if active != target:
        print(f"kiosk: note: the catalogue_file setting still points to {active}; remove it to use the import", file=sys.stderr)
    return 0

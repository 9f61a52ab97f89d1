"""`kiosk demo`: the product working end to end with no hardware.

``kiosk demo --cli`` exercises the core on the configured database (the embedded SQLite file by default):
it adds a demo citizen and submits a kiosk-channel dossier waiting for acceptance through the same service
a kiosk uses, then prints the code, the expected due date and the acceptance deadline. Without ``--cli``
the touch UI starts (virtual card on pcscd, PDF printer, SANE test scanner, SQLite): windowed when there is
a display, otherwise offscreen with a scripted self-check (``--forever`` keeps it running; ``--walkthrough DIR``
saves every screen as PNG in Vietnamese and English).
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from kiosk.cli import CliError
from kiosk.cli.demo_seed_cmd import add_seed_arguments, run_seed

DEMO_PROCEDURE = "1.004222"  # Đăng ký thường trú: a fee that differs online vs counter, 7 working days
DEMO_CITIZEN = {
    "id_number": "038186001234",
    "full_name": "Nguyễn Thị Hương",
    "date_of_birth": date(1986, 3, 15),
    "sex": "Nữ",
    "place_of_origin": "Xã Hoằng Lộc, Tỉnh Thanh Hóa",
    "place_of_residence": "Số 12 Lê Lợi, Phường Hạc Thành, Tỉnh Thanh Hóa",
    "phone": "+84912345678",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="run the kiosk with simulated devices (--cli: a scripted core demo)")
    p.add_argument("--cli", action="store_true", help="no UI: submit one demo dossier and print it")
    p.add_argument("--json", action="store_true", help="with --cli: print JSON")
    p.add_argument("--procedure", default=DEMO_PROCEDURE, help="procedure code for --cli")
    p.add_argument("--forever", action="store_true", help="without a display: keep the offscreen UI running until Ctrl-C")
    p.add_argument("--walkthrough", metavar="DIR", help="run the journey headless, a PNG of every screen (vi and en) to DIR")
    p.add_argument("--no-pcscd", action="store_true", help="use the simulated card reader instead of the virtual card on pcscd")
    p.add_argument("action", nargs="?", choices=["seed"], help="seed: add synthetic dossiers (kiosk demo seed --days N --per-day M)")
    add_seed_arguments(p)
    p.set_defaults(func=run_demo)


def run_cli_demo(args: argparse.Namespace) -> int:
    from kiosk.app import build_app
    from kiosk.core.dossiers import PersonData, Submission, SubmissionError

    app = build_app(config_file=args.config)
    try:
        proc = _procedure(app, args.procedure)
        person = PersonData(**DEMO_CITIZEN)  # type: ignore[arg-type]
        form = _prefill(proc, person)
        docs = [_document_input(d) for d in getattr(proc, "documents", [])]
        from kiosk.core.dossiers import DocumentInput

        if not docs:
            docs = [DocumentInput(name="Tờ khai", originals=1)]
        try:
            result = app.dossiers.submit(
                Submission(
                    procedure_code=args.procedure,
                    applicant=person,
                    channel="kiosk",
                    form_data=form,
                    documents=docs,
                    kiosk_id=app.settings.kiosk_id,
                )
            )
        except SubmissionError as exc:
            raise CliError(str(exc), 1) from None
        tz = app.settings.tz
        out = {
            "code": result.code,
            "status": result.status,
            "procedure": args.procedure,
            "submitted_at": result.submitted_at.astimezone(tz).isoformat(),
            "expected_due": result.expected_due_at.astimezone(tz).isoformat() if result.expected_due_at else None,
            "accept_deadline": result.accept_deadline.astimezone(tz).isoformat() if result.accept_deadline else None,
            "fee": result.fee,
            "database": app.settings.effective_database_url,
        }
        if args.json:
            print(json.dumps(out, ensure_ascii=False))
        else:
            print(f"Mã hồ sơ / dossier code : {out['code']}")
            print(f"Thủ tục / procedure     : {args.procedure} {getattr(proc, 'name', '')}")
            print("Trạng thái / status     : 1 - chờ tiếp nhận (waiting for acceptance)")
            print(f"Hạn tiếp nhận / accept by: {_fmt(result.accept_deadline, tz)}")
            print(f"Hẹn trả dự kiến / due    : {_fmt(result.expected_due_at, tz)} (nếu tiếp nhận ngay / if accepted now)")
            print(f"Lệ phí / fee            : {result.fee:,} đồng".replace(",", "."))
            print(f"Cơ sở dữ liệu / database: {out['database']}")
    finally:
        app.close()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    if args.action == "seed":
        return run_seed(args)
    if args.cli:
        return run_cli_demo(args)
    try:
        from kiosk.ui.demo import run_ui_demo  # the touch UI, when installed
    except ImportError:
        return run_cli_demo(args)
    return int(run_ui_demo(args) or 0)


def _fmt(t, tz) -> str:  # type: ignore[no-untyped-def]
    return t.astimezone(tz).strftime("%H:%M %d/%m/%Y") if t else "—"


def _procedure(app, code: str):  # type: ignore[no-untyped-def]
    from kiosk.core.catalogue import CatalogueError

    try:
        return app.catalogue.get(code)
    except CatalogueError as exc:
        raise CliError(str(exc), 1) from None


def _prefill(proc, person) -> dict[str, object]:  # type: ignore[no-untyped-def]
    form: dict[str, object] = {}
    for f in getattr(proc, "form_fields", []):
        source = getattr(f, "prefill", None)
        if source and hasattr(person, source):
            value = getattr(person, source)
            form[f.name] = value.isoformat() if isinstance(value, date) else value
    return form


def _document_input(doc):  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import DocumentInput

    return DocumentInput(
        name=getattr(doc, "name_vi", None) or getattr(doc, "name", "Giấy tờ"),
        originals=getattr(doc, "originals", 0),
        certified_copies=getattr(doc, "certified_copies", 0),
        photocopies=getattr(doc, "photocopies", 0),
    )

"""`kiosk receipt CODE` prints or saves a dossier's form; `kiosk printer test` checks a printer.

Why: staff and installers need the same rendering and back ends the kiosk uses, from a terminal: reprint
a receipt, save Mẫu 02–04 as PDF, or prove that a newly installed printer prints Vietnamese and a QR. The
dossier's forms go through the App's services (kiosk.core.printing.PrintJobs on the configured printer, or
the one ``--printer`` names); only the printer test talks to a back end directly.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk.cli import CliError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("receipt", help="print or save a dossier's receipt or form (Mẫu 01–05, slip)")
    p.add_argument("code", help="dossier code (mã hồ sơ)")
    p.add_argument("--form", default="01", choices=["01", "02", "03", "04", "05", "slip"], help="form (default 01)")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--out", metavar="FILE.pdf", help="write the PDF here instead of printing")
    target.add_argument("--printer", metavar="NAME", help="pdf[:DIR] | cups:QUEUE | escpos[:CONN] | QUEUE")
    p.set_defaults(func=_receipt)

    pr = subparsers.add_parser("printer", help="printer tools")
    sub = pr.add_subparsers(dest="printer_command", metavar="ACTION")
    t = sub.add_parser("test", help="print a test slip (Vietnamese text + QR) and report the printer state")
    t.add_argument("--printer", metavar="NAME", help="pdf[:DIR] | cups:QUEUE | escpos[:CONN] | QUEUE")
    t.set_defaults(func=_printer_test)
    pr.set_defaults(func=lambda _args: pr.print_help() or 2)


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kiosk.config import load_settings

    return load_settings(getattr(args, "config", None))


def _report(result: Any) -> int:
    job_id = getattr(result, "job_id", None)  # a CUPS request id, when the back end gave one
    where = f" → {result.path}" if result.path else (f" (job {job_id})" if job_id else "")
    print(f"{result.state}: {result.message_vi} / {result.message_en}{where}")
    if not result.ok:
        if result.detail:
            print(f"detail: {result.detail}")
        return 1
    return 0


def _receipt(args: argparse.Namespace) -> int:
    from kiosk.app import build_app
    from kiosk.core.document_builder import MissingEventError
    from kiosk.core.printing import UnknownFormError

    app = build_app(_settings(args), sync_catalogue=False)
    try:
        try:
            content = app.print_jobs.content(args.code, args.form)
        except MissingEventError as exc:
            raise CliError(f"cannot print form {args.form} for {args.code}: {exc}") from None
        except LookupError:
            raise CliError(f"no dossier with code {args.code}") from None
        except UnknownFormError as exc:
            raise CliError(str(exc), 2) from None
        if args.out:
            out = Path(args.out)
            try:
                from kiosk.security import write_private_file

                write_private_file(out, app.printer.render_pdf(args.form, content))  # 0600: it names the citizen
            except OSError as exc:
                raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None
            print(f"written: {out}")
            return 0
        printer = app.form_printer(args.printer) if args.printer else None
        return _report(app.print_jobs.print_form(args.code, args.form, printer=printer))
    finally:
        app.close()


def _printer_test(args: argparse.Namespace) -> int:
    from kiosk.devices.printing.backends import make_printer
    from kiosk.devices.printing.slip import render_test_slip

    settings = _settings(args)
    printer = make_printer(settings, args.printer)
    status = printer.status()
    print(f"printer {printer.name}: {status.state} ({status.detail})")
    if not status.ok:
        return _report(status)
    doc = render_test_slip(printer.name, settings.tracking_url("TEST"))
    return _report(printer.print_document(doc))

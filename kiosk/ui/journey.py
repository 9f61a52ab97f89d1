"""Scripted citizen journeys over the real QML (demo self-check, --walkthrough screenshots, UI tests).

Why: one definition of "a new citizen submits a dossier" that the tests assert on and the demo shows;
``shot`` is called with a page name at each screen so the walkthrough can save a PNG of every screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.ui.driver import Driver

Shot = Callable[[str], None]


def _noop(_: str) -> None:
    pass


def identify_typed(d: Driver, id_number: str, dob: str, shot: Shot = _noop) -> None:
    d.tap("startSubmit")
    d.wait_page("notice")
    shot("notice")
    d.tap("acceptNotice")
    d.wait_page("identify")
    shot("identify")
    d.tap("typeInstead")
    d.type_into("idNumber", id_number)
    d.type_into("dateOfBirth", dob)
    shot("identify-typed")
    d.tap("readTyped")
    d.wait_until(lambda: d.vm.identify.step == "confirm", 20, "card read")
    d.pump(50)
    shot("confirm")
    d.tap("confirmYes")


def create_account(d: Driver, phone: str, otp_reader: Callable[[], str], shot: Shot = _noop) -> None:
    d.wait_until(lambda: d.vm.page in ("account", "procedures"), 10, "account or procedures")
    if d.vm.page == "procedures":  # a returning citizen: recognised by the ID, no second account
        return
    d.wait_until(lambda: d.vm.account.step == "phone", 10, "phone step")
    d.type_into("phone", phone)
    shot("account")
    d.tap("sendCode")
    d.wait_until(lambda: d.vm.account.step == "otp", 10, "otp step")
    d.type_into("otpCode", otp_reader())
    shot("account-otp")
    d.tap("verifyCode")
    d.wait_until(lambda: d.vm.account.step == "consents", 10, "consents step")
    shot("account-consents")
    d.tap("consentsNext")
    d.wait_until(lambda: d.vm.account.step == "summary", 10, "summary")
    d.tap("createAccount")
    d.wait_until(lambda: d.vm.account.step == "done", 10, "account created")
    shot("account-done")
    d.tap("accountContinue")


def choose_procedure(d: Driver, query: str, shot: Shot = _noop) -> None:
    d.wait_page("procedures")
    shot("procedures")
    d.type_into("search", query)
    d.pump(50)
    d.tap("proc_0")
    d.wait_page("detail")
    shot("detail")
    d.tap("startProcedure")
    d.wait_page("form")


def fill_form(d: Driver, values: dict[str, str], shot: Shot = _noop) -> None:
    """``values``: field name -> text; "select:<value>" taps an option, "tick" ticks a checkbox."""
    shot("form")
    for name, value in values.items():
        if value.startswith("select:"):
            d.tap(f"f_{name}_{value[7:]}")
        elif value == "tick":
            d.tap(f"f_{name}_box")
        else:
            d.type_into(f"f_{name}", value)
    d.tap("formNext")


def documents_and_submit(d: Driver, shot: Shot = _noop, scan_first: bool = True) -> None:
    d.wait_page("documents")
    items = d.vm.documents.items
    for it in items:
        if it["index"] == 0 and scan_first:
            d.tap("scan_0")
            d.wait_until(lambda: d.vm.documents.items[0]["pageCount"] >= 1, 15, "scan")
        elif it["required"]:
            d.tap(f"paper_{it['index']}")
    shot("documents")
    d.tap("documentsNext")
    d.wait_page("delivery")
    shot("delivery")
    d.tap("deliveryNext")
    if d.vm.submit.fee > 0:
        d.wait_page("payment")
        shot("payment")
        d.tap("paymentNext")
    d.wait_page("review")
    shot("review")
    d.tap("submitDossier")
    d.wait_page("receipt", 20)
    d.wait_until(lambda: d.vm.submit.printState in ("ok", "failed"), 20, "slip printed")
    shot("receipt")


def finish_with_rating(d: Driver, stars: int = 5, shot: Shot = _noop) -> None:
    d.tap("receiptDone")
    d.wait_page("rating")
    shot("rating")
    d.tap(f"rate_{stars}")
    d.wait_page("welcome")


BIRTH_FORM: dict[str, str] = {
    "requester_phone": "0912345678",
    "requester_relation": "select:me",
    "child_full_name": "Nguyễn Minh An",
    "child_date_of_birth": "05/09/2026",
    "child_sex": "select:nam",
    "child_place_of_birth": "Bệnh viện Đa khoa tỉnh Thanh Hóa",
    "child_ethnicity": "Kinh",
    "child_nationality": "Việt Nam",
    "child_home_town": "Thanh Hóa",
    "mother_full_name": "Nguyễn Thị Hương",
    "mother_id_number": "038186001234",
    "undertaking": "tick",
}


def form_values_for(procedure: Any) -> dict[str, str]:
    """Plausible answers for any catalogue form: the demo uses it for procedures it does not know."""
    out: dict[str, str] = {}
    for f in procedure.form:
        if not f.required:
            continue
        if f.type == "select":
            out[f.name] = "select:" + f.validation.options[0].value
        elif f.type == "checkbox":
            out[f.name] = "tick"
        elif f.type == "date":
            out[f.name] = "01/09/2026"
        elif f.type == "number":
            out[f.name] = str(int(f.validation.min or 1))
        elif f.type == "id_number":
            out[f.name] = "038186001234"
        elif f.type == "phone":
            out[f.name] = "0912345678"
        elif f.type == "email":
            out[f.name] = "demo@example.vn"
        else:
            out[f.name] = "Thanh Hóa"
    return out


def last_code(outbox_file: Any) -> str:
    """The latest 6-digit code in the demo SMS outbox (JSON lines)."""
    import json
    import re
    from pathlib import Path

    lines = [json.loads(x) for x in Path(outbox_file).read_text(encoding="utf-8").splitlines() if x.strip()]
    for entry in reversed(lines):
        m = re.search(r"\b(\d{6})\b", str(entry.get("text", "")))
        if m:
            return m.group(1)
    raise AssertionError("no code in the SMS outbox")

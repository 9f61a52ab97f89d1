"""The signed result file (QĐ 766 4.1), the citizen's fetch by code + ID, the citizen-safe history on the
tracking answer, and the reuse of an earlier scan (4.3) - on real SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.core.workflow import ActionError
from kiosk.models.tables import Account, AuditEvent, Consent, Dossier, DossierEvent, PrintJob
from tests.staff_helpers import APPLICANT_ID, APPLICANT_NAME, PIN, cheap_argon2, make_app

OTHER_ID = "038085001234"


def pdf_bytes(text: str = "Quyet dinh") -> bytes:
    """A small but well-formed one-page PDF (what a signed result looks like to the checks)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


@pytest.fixture
def kapp(settings, clock, monkeypatch):  # type: ignore[no-untyped-def]
    cheap_argon2(monkeypatch)
    a = make_app(settings, clock)
    a.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
    yield a
    a.close()


def staff_id(app) -> int:  # type: ignore[no-untyped-def]
    return app.staff.get("lan").id


def new_dossier(app, *, delivery: str = "online", id_number: str = APPLICANT_ID, docs=None) -> str:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import DocumentInput, PersonData, Submission

    sub = Submission(
        procedure_code="1.004873", channel="kiosk", kiosk_id="KIOSK-01", delivery=delivery,
        delivery_address="Số 1 Lê Lợi, Thanh Hóa" if delivery == "postal" else None,
        applicant=PersonData(id_number=id_number, full_name=APPLICANT_NAME, phone="0912345678"),
        documents=docs if docs is not None else [DocumentInput("Tờ khai", originals=1, scanned_pages=1)],
    )
    return app.dossiers.submit(sub).code


def accepted(app, **kw) -> str:  # type: ignore[no-untyped-def]
    code = new_dossier(app, **kw)
    app.actions.accept(code, staff_id(app))
    return code


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def dossier(app, code: str) -> Dossier:  # type: ignore[no-untyped-def]
    with app.session_factory() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        s.expunge(d)
        return d


# -- finish with a result file -------------------------------------------------------------------------
def test_finish_with_a_result_file_stores_it_private_and_sets_e_result(kapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = accepted(kapp)
    src = write(tmp_path, "ket-qua.pdf", pdf_bytes())
    src.chmod(0o644)
    r = kapp.actions.finish(code, staff_id(kapp), result_file=src)
    assert r.status_to == 9 and r.details["e_result"] is True
    d = dossier(kapp, code)
    assert d.e_result is True and d.result_path
    stored = Path(d.result_path)
    assert stored.parent == kapp.settings.data_dir / "results"
    assert stored.read_bytes() == src.read_bytes() and stored != src
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(stored.parent.stat().st_mode) == 0o700


def test_finish_without_a_file_still_works(kapp) -> None:  # type: ignore[no-untyped-def]
    code = accepted(kapp)
    assert kapp.actions.finish(code, staff_id(kapp)).status_to == 9
    d = dossier(kapp, code)
    assert d.e_result is False and d.result_path is None


@pytest.mark.parametrize("case", ["missing", "not_pdf", "too_large", "truncated"])
def test_a_bad_result_file_is_refused_and_the_dossier_is_not_finished(kapp, tmp_path, monkeypatch, case) -> None:  # type: ignore[no-untyped-def]
    import kiosk.core.result_files as rf

    code = accepted(kapp)
    if case == "missing":
        src = tmp_path / "nowhere.pdf"
    elif case == "not_pdf":
        src = write(tmp_path, "photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    elif case == "truncated":
        src = write(tmp_path, "half.pdf", pdf_bytes()[:60])
    else:
        monkeypatch.setattr(rf, "MAX_RESULT_BYTES", 100)
        src = write(tmp_path, "big.pdf", pdf_bytes())
    with pytest.raises(ActionError) as e:
        kapp.actions.finish(code, staff_id(kapp), result_file=src)
    assert e.value.vi and e.value.en and "\n" not in e.value.en
    d = dossier(kapp, code)
    assert d.status == 2 and d.e_result is False and d.result_path is None
    results = kapp.settings.data_dir / "results"
    assert not results.exists() or not any(results.iterdir())


def test_an_illegal_finish_keeps_no_copy_of_the_file(kapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = new_dossier(kapp)  # status 1: cannot be finished
    with pytest.raises(ActionError, match="Cannot mark processed"):
        kapp.actions.finish(code, staff_id(kapp), result_file=write(tmp_path, "r.pdf", pdf_bytes()))
    results = kapp.settings.data_dir / "results"
    assert not results.exists() or not any(results.iterdir())


# -- the citizen fetches it at the kiosk -----------------------------------------------------------------
def test_fetch_by_code_and_id_prints_the_result_and_records_it(kapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = accepted(kapp)
    src = write(tmp_path, "kq.pdf", pdf_bytes("Giay xac nhan"))
    kapp.actions.finish(code, staff_id(kapp), result_file=src)
    unknown = code[:-4] + "9999"
    # a wrong ID, an unknown code, a malformed ID: the same answer
    assert kapp.actions.fetch_result(code, OTHER_ID, kiosk_id="KIOSK-01") is None
    assert kapp.actions.fetch_result(unknown, APPLICANT_ID, kiosk_id="KIOSK-01") is None
    assert kapp.actions.fetch_result(code, APPLICANT_ID[:-1], kiosk_id="KIOSK-01") is None
    assert kapp.actions.citizen_result_ready(code, APPLICANT_ID) is True
    assert kapp.actions.citizen_result_ready(code, OTHER_ID) is False
    assert kapp.actions.fetch_result(code, APPLICANT_ID, kiosk_id="KIOSK-01") == code
    out = kapp.print_jobs.print_form(code, "result")
    assert out.ok, out.detail
    assert out.path is not None and Path(out.path).read_bytes() == src.read_bytes()
    with kapp.session_factory() as s:
        ev = s.scalars(select(DossierEvent).join(Dossier).where(Dossier.code == code)).all()[-1]
        assert ev.action == "result_fetched" and ev.staff_id is None and ev.status_from == ev.status_to == 9
        audit = s.scalars(select(AuditEvent).where(AuditEvent.dossier_code == code)).all()
        assert [a.action for a in audit].count("dossier.result_fetched") == 1
        assert s.scalar(select(PrintJob).where(PrintJob.dossier_code == code, PrintJob.form == "result")).state == "done"
        # the print at the kiosk is no processing step for the national portal; the result file is listed
        from kiosk.core.portal_payload import dossier_view, load_mapping, progress_events

        view = dossier_view(s, s.scalar(select(Dossier).where(Dossier.code == code)))
        assert [e.action for e in progress_events(view, load_mapping())][-1] == "finish"
        assert view.e_result is True


def test_no_fetch_for_counter_delivery_or_without_a_file(kapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter = accepted(kapp, delivery="counter")
    kapp.actions.finish(counter, staff_id(kapp), result_file=write(tmp_path, "a.pdf", pdf_bytes()))
    assert kapp.actions.fetch_result(counter, APPLICANT_ID) is None
    tr = kapp.actions.tracking(counter)
    assert tr["e_result"] is True and tr["delivery"] == "counter"
    plain = accepted(kapp)
    kapp.actions.finish(plain, staff_id(kapp))
    assert kapp.actions.fetch_result(plain, APPLICANT_ID) is None
    assert kapp.actions.tracking(plain)["e_result"] is False


def test_unpaid_fee_is_said_once_the_id_matches(kapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import DocumentInput, PersonData, Submission

    sub = Submission(procedure_code="1.004222", channel="kiosk", kiosk_id="KIOSK-01", delivery="online",
                     applicant=PersonData(id_number=APPLICANT_ID, full_name=APPLICANT_NAME, phone="0912345678"),
                     documents=[DocumentInput("Tờ khai", originals=1, scanned_pages=1)])
    code = kapp.dossiers.submit(sub).code
    kapp.actions.accept(code, staff_id(kapp))
    kapp.actions.finish(code, staff_id(kapp), result_file=write(tmp_path, "a.pdf", pdf_bytes()))
    assert kapp.actions.fetch_result(code, OTHER_ID) is None
    with pytest.raises(ActionError, match="not paid"):
        kapp.actions.fetch_result(code, APPLICANT_ID)


# -- history on the tracking answer ------------------------------------------------------------------------
def test_tracking_history_is_citizen_safe(kapp) -> None:  # type: ignore[no-untyped-def]
    code = accepted(kapp)
    sid = staff_id(kapp)
    kapp.actions.request_supplement(code, sid, [{"name": "Giấy chứng sinh", "reason": "Bản chụp không rõ"}],
                                    guidance="Gặp chị Lan ở quầy 3")
    tr = kapp.actions.tracking(code)
    acts = [h["action"] for h in tr["history"]]
    assert acts == ["submit", "accept", "supplement"]
    assert tr["history"][1]["text_vi"] == "Tiếp nhận" and tr["history"][1]["status_en"] == "Accepted"
    assert tr["history"][2]["items"] == [{"name": "Giấy chứng sinh", "reason": "Bản chụp không rõ"}]
    assert tr["next_step"].startswith("Nộp bổ sung") and tr["next_step_en"]
    kapp.actions.supplied(code, sid)
    kapp.actions.stop_processing(code, sid, "Ông Trần Văn Bình phát hiện con dấu làm giả")
    tr = kapp.actions.tracking(code)
    text = json.dumps(tr, ensure_ascii=False)
    for secret in ("Lan", "lan\"", "Trần Văn Bình", "con dấu", "quầy 3", APPLICANT_ID, APPLICANT_NAME):
        assert secret not in text, secret
    assert [h["action"] for h in tr["history"]][-1] == "stop"
    assert all(h["items"] == [] for h in tr["history"])  # the supplement is answered: its list is gone
    assert all(h["at"] for h in tr["history"])


# -- reuse of an earlier scan ------------------------------------------------------------------------------
def give_account(app, id_number: str, *, reuse: bool) -> None:  # type: ignore[no-untyped-def]
    from kiosk.models.database import session_scope
    from kiosk.models.tables import Citizen

    now = app.clock.now()
    with session_scope(app.session_factory) as s:
        c = s.scalar(select(Citizen).where(Citizen.id_number == id_number))
        acc = Account(citizen_id=c.id, phone="+84912345678", status="active", phone_verified_at=now, created_at=now)
        s.add(acc)
        s.flush()
        s.add(Consent(account_id=acc.id, purpose="keep_scans_for_reuse", text_version="consents-2026.1",
                      granted=reuse, at=now))


def scanned_dossier(app, tmp_path: Path, id_number: str = APPLICANT_ID) -> str:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import DocumentInput

    staged = app.dossiers.scans_dir / ".staging" / f"t-{id_number}-{len(list(tmp_path.iterdir()))}" / "doc1"
    staged.mkdir(parents=True)
    (staged / "page1.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return new_dossier(app, id_number=id_number, docs=[
        DocumentInput("Giấy chứng sinh", originals=1, scanned_pages=1, scan_path=str(staged)),
        DocumentInput("Tờ khai", originals=1, provision="paper"),
    ])


def test_reuse_is_offered_only_with_consent_and_marks_the_new_dossier(kapp, tmp_path, clock, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import DocumentInput, SubmissionError

    first = scanned_dossier(kapp, tmp_path)
    names = ["Giấy chứng sinh", "Tờ khai"]
    assert kapp.dossiers.reusable_scans(APPLICANT_ID, names) == {}  # no account yet
    give_account(kapp, APPLICANT_ID, reuse=False)
    assert kapp.dossiers.reusable_scans(APPLICANT_ID, names) == {}  # consent refused
    with kapp.session_factory.begin() as s:
        for c in s.scalars(select(Consent)):
            c.granted = True
    offers = kapp.dossiers.reusable_scans(APPLICANT_ID, names)
    assert list(offers) == ["Giấy chứng sinh"]  # "Tờ khai" was handed in on paper: nothing to reuse
    offer = offers["Giấy chứng sinh"]
    assert offer.dossier_code == first and offer.pages == 1 and offer.thumbnail.is_file()
    assert kapp.dossiers.reusable_scans(OTHER_ID, names) == {}

    # someone else cannot reuse it, even by naming the row
    with pytest.raises(SubmissionError):
        new_dossier(kapp, id_number=OTHER_ID, docs=[DocumentInput("Giấy chứng sinh", reused_from_document_id=offer.document_id)])

    clock.t = clock.t + timedelta(minutes=30)
    second = new_dossier(kapp, docs=[
        DocumentInput("Giấy chứng sinh", originals=1, provision="reused", reused_from_document_id=offer.document_id),
        DocumentInput("Tờ khai", originals=1, provision="paper"),
    ])
    with kapp.session_factory() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == second))
        doc = d.documents[0]
        assert d.reused is True
        assert (doc.provision, doc.digitised_state, doc.reused_from_document_id) == ("reused", 2, offer.document_id)
        assert doc.scan_path is None and doc.scanned_pages == 1  # a reference, no copy
        assert s.scalar(select(Dossier).where(Dossier.code == first)).reused is False

    # the daily report's 4.3 counts it: 1 of the 2 dossiers received (accepted) that day
    for c in (first, second):
        kapp.actions.accept(c, staff_id(kapp))
    monkeypatch.setenv("KIOSK_DATABASE_URL", kapp.settings.effective_database_url)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(kapp.settings.data_dir))
    from kiosk.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["report", "daily", "--date", "2026-11-25", "--format", "json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["indicators"]["4.3"]["numerator"] == 1 and rep["indicators"]["4.3"]["denominator"] == 2


def test_withdrawn_consent_refuses_reuse_at_submission(kapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.dossiers import DocumentInput, SubmissionError

    scanned_dossier(kapp, tmp_path)
    give_account(kapp, APPLICANT_ID, reuse=True)
    offer = kapp.dossiers.reusable_scans(APPLICANT_ID, ["Giấy chứng sinh"])["Giấy chứng sinh"]
    with kapp.session_factory.begin() as s:
        for c in s.scalars(select(Consent)):
            c.withdrawn_at = kapp.clock.now()
    with pytest.raises(SubmissionError):
        new_dossier(kapp, docs=[DocumentInput("Giấy chứng sinh", reused_from_document_id=offer.document_id)])


# -- the command line --------------------------------------------------------------------------------------
def test_cli_finish_with_result(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.cli import main
    from kiosk.config import load_settings
    from kiosk.core.clock import SystemClock

    cheap_argon2(monkeypatch)
    app = make_app(load_settings(), SystemClock())
    app.staff.add("lan", "officer", "Nguyễn Thị Lan", PIN)
    good, bad = accepted(app), accepted(app)
    data_dir = app.settings.data_dir
    app.close()

    def run(argv):  # type: ignore[no-untyped-def]
        monkeypatch.setattr("sys.stdin", io.StringIO(PIN + "\n"))
        rc = main(argv)
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return rc, out, err

    png = write(tmp_path, "scan.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    rc, _, err = run(["dossier", "finish", bad, "--staff", "lan", "--result", str(png), "--no-print", "--no-sms"])
    assert rc == 1 and err.count("\n") == 1 and "PDF" in err
    rc, out, err = run(["dossier", "finish", good, "--staff", "lan", "--result", str(write(tmp_path, "k.pdf", pdf_bytes())),
                        "--json", "--no-sms"])
    assert rc == 0, err
    assert json.loads(out)["status"] == 9
    stored = data_dir / "results" / f"{good}.pdf"
    assert stored.is_file() and stat.S_IMODE(stored.stat().st_mode) == 0o600
    rc, out, _ = run(["dossier", "show", bad, "--json"])
    assert rc == 0 and json.loads(out)["status"] == 2 and json.loads(out)["e_result"] is False
    rc, out, _ = run(["dossier", "show", good, "--json"])
    assert rc == 0 and json.loads(out)["e_result"] is True

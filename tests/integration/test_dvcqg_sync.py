"""The real outbox sender with the dvcqg adapter against the contract server, through timeouts, 5xx,
lost answers, expired and rejected sessions: every dossier is inserted once, later changes arrive as updates
(isUpdating=True), every processing step arrives once, and the dossier's portal state says what happened."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.cli import main
from kiosk.core.portal_payload import load_mapping
from kiosk.integrations.dvcqg.adapter import DvcqgAdapter, DvcqgSender, portal_context, preview
from kiosk.integrations.dvcqg.client import DvcqgClient
from kiosk.integrations.sync.backoff import Backoff
from kiosk.models.tables import Dossier, OutboxEvent, PortalProgress
from tests.integration.dvcqg_server import PASSWORD, USERNAME, ContractServer, make_status_dossiers

AGENCY = "000.00.06.H56"
TIMEOUT_S = 0.4


@pytest.fixture
def contract() -> Iterator[ContractServer]:
    with ContractServer(AGENCY, slow_s=TIMEOUT_S + 0.5) as server:
        yield server


def make_sender(app, contract: ContractServer, clock, *, lookup_first: bool = False, since=None) -> DvcqgSender:  # type: ignore[no-untyped-def]
    client = DvcqgClient(contract.url, USERNAME, PASSWORD, AGENCY, timeout_s=TIMEOUT_S)
    adapter = DvcqgAdapter(
        app.session_factory, client, load_mapping(), portal_context(app.settings), lookup_first=lookup_first,
        progress_batch=3, since=since,
    )
    return DvcqgSender(
        app.session_factory, adapter, clock=clock, backoff=Backoff(base_s=2, cap_s=30, rng=random.Random(3)),
        lease_s=60, fail_after=50,
    )


def drain(app, contract: ContractServer, clock, passes: int = 60, since=None) -> int:  # type: ignore[no-untyped-def]
    """Passes of the sender (a fresh one, as after a restart, every third pass), the clock moved past any
    back-off, until nothing is left to send."""
    sender = make_sender(app, contract, clock, since=since)
    try:
        for n in range(passes):
            sender.run_once()
            with app.session_factory() as s:
                unsent = s.scalar(select(OutboxEvent.id).where(OutboxEvent.sent_at.is_(None)).limit(1))
            if unsent is None and sender.adapter.enqueue_changed() == 0:
                return n + 1
            clock.advance(seconds=61)
            if n % 3 == 2:
                sender.adapter.close()
                sender = make_sender(app, contract, clock, since=since)
    finally:
        sender.adapter.close()
    raise AssertionError("the portal never caught up")


def expected(app, code: str) -> tuple[dict, list[dict]]:  # type: ignore[no-untyped-def,type-arg]
    mapping, ctx = load_mapping(), portal_context(app.settings)
    with app.session_factory() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        obj = preview(s, code, "DongBoHoSoMC", mapping, ctx)[0]
        from kiosk.core.portal_payload import dossier_view, progress_entries

        steps = [e for _, e in progress_entries(dossier_view(s, d), mapping, ctx)]
    return obj, steps


def assert_portal_matches(app, contract: ContractServer) -> None:  # type: ignore[no-untyped-def]
    st = contract.state
    assert st.problems == []
    with app.session_factory() as s:
        codes = list(s.scalars(select(Dossier.code)))
    assert set(st.dossiers) == set(codes), "every dossier arrived"
    assert set(st.inserts.values()) == {1}, "each inserted once"
    assert set(st.progress.values()) == {1}, "each processing step once"
    for code in codes:
        obj, steps = expected(app, code)
        assert st.dossiers[code] == obj, f"{code}: the portal holds the current snapshot"
        assert st.progress_by_code[code] == steps, f"{code}: every step, in order"


def test_every_dossier_once_updates_as_updates_steps_once_through_faults(app, clock, contract) -> None:  # type: ignore[no-untyped-def]
    codes = make_status_dossiers(app, clock)
    st = contract.state
    st.script = {
        "DongBoHoSoMC": ["timeout", "500", "apply_then_500", "wrong_session", "apply_then_timeout", "http401", "503",
                         "ok", "apply_then_500"],
        "CapNhatTienDoHoSoMC": ["500", "wrong_session", "timeout", "http401", "ok", "503"],
    }
    drain(app, contract, clock)
    assert_portal_matches(app, contract)
    assert st.exists_answers >= 2, "inserts whose answer was lost came back as 'đã tồn tại' and went as updates"
    assert st.logins >= 3, "sessions renewed after the wrong-session answers"
    with app.session_factory() as s:
        states = dict(s.execute(select(Dossier.code, Dossier.portal_state)).all())
        errors = set(s.scalars(select(Dossier.portal_error)))
        assert s.scalar(select(PortalProgress.id).limit(1)) is not None
    assert set(states.values()) <= {"sent", "updated"} and errors == {None}
    inserted_only = {c for c, v in states.items() if v == "sent"}
    assert all(st.updates[c] == 0 for c in inserted_only)

    # later changes travel as full snapshots with isUpdating=True, and only the new steps follow
    before_updates, before_steps = dict(st.updates), sum(st.progress.values())
    officer = 1
    clock.advance(hours=1)
    app.actions.finish(codes[4], officer)
    app.actions.accept(codes[1], officer)
    st.script = {"DongBoHoSoMC": ["timeout", "wrong_session"], "CapNhatTienDoHoSoMC": ["apply_then_500"][:0]}
    drain(app, contract, clock)
    assert_portal_matches(app, contract)
    for status in (1, 4):
        code = codes[status]
        assert st.updates[code] == before_updates.get(code, 0) + 1
        assert st.inserts[code] == 1
    assert st.dossiers[codes[4]]["TrangThaiHoSo"] == "9" and st.dossiers[codes[1]]["TrangThaiHoSo"] == "2"
    assert sum(st.progress.values()) == before_steps + 2
    with app.session_factory() as s:
        assert s.scalar(select(Dossier.portal_state).where(Dossier.code == codes[4])) == "updated"


def test_a_refusal_marks_the_dossier_failed_with_the_reason_until_it_goes_through(app, clock, contract) -> None:  # type: ignore[no-untyped-def]
    code = make_status_dossiers(app, clock)[2]
    contract.state.script = {"DongBoHoSoMC": ["refuse"] * 30}
    sender = make_sender(app, contract, clock)
    try:
        report = sender.run_once()
        assert report.failed >= 1
        with app.session_factory() as s:
            d = s.scalar(select(Dossier).where(Dossier.code == code))
            assert d.portal_state == "failed" and "error_code 7" in (d.portal_error or "")
            assert d.portal_synced_at is None
    finally:
        sender.adapter.close()
    contract.state.script = {}
    drain(app, contract, clock)
    with app.session_factory() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d.portal_state == "sent" and d.portal_error is None and d.portal_synced_at is not None
    assert_portal_matches(app, contract)


@pytest.mark.parametrize("lookup_first", [True, False])
def test_a_dossier_the_portal_already_has_is_updated_not_inserted(app, clock, contract, lookup_first: bool) -> None:  # type: ignore[no-untyped-def]
    codes = make_status_dossiers(app, clock)
    obj, _ = expected(app, codes[9])
    contract.state.dossiers[codes[9]] = obj  # e.g. sent by an earlier installation of the kiosk
    sender = make_sender(app, contract, clock, lookup_first=lookup_first)
    try:
        for _ in range(3):
            sender.run_once()
    finally:
        sender.adapter.close()
    st = contract.state
    assert st.inserts[codes[9]] == 0 and st.updates[codes[9]] == 1
    assert st.exists_answers == (0 if lookup_first else 1)
    assert (st.calls["TraCuuHoSo"] > 0) is lookup_first
    assert st.problems == []


def test_cli_run_once_and_status_with_the_password_from_the_secrets_file(  # type: ignore[no-untyped-def]
    app, clock, contract, database_url, tmp_path: Path, monkeypatch, capsys
) -> None:
    make_status_dossiers(app, clock)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[sync.dvcqg]\npassword = "{PASSWORD}"\n', encoding="utf-8")
    os.chmod(secrets, 0o600)
    monkeypatch.setenv("KIOSK_SECRETS_FILE", str(secrets))
    monkeypatch.setenv("KIOSK_DATABASE_URL", database_url)
    monkeypatch.setenv("KIOSK_SYNC__ADAPTER", "dvcqg")
    monkeypatch.setenv("KIOSK_SYNC__DVCQG__ADAPTER_URL", contract.url)
    monkeypatch.setenv("KIOSK_SYNC__DVCQG__USERNAME", USERNAME)
    capsys.readouterr()
    assert main(["sync", "run", "--once"]) == 0
    assert capsys.readouterr().out.startswith("dvcqg: delivered 10,")  # the oldest event of each dossier
    for _ in range(8):  # later events of a dossier wait for the older ones: one pass each
        assert main(["sync", "status", "--json"]) == 0
        status = json.loads(capsys.readouterr().out)
        if status["pending"] == 0:
            break
        assert main(["sync", "run", "--once"]) == 0
        capsys.readouterr()
    assert status["adapter"] == "dvcqg" and status["pending"] == 0
    assert status["dossiers_by_portal_state"] == {"sent": 10}
    assert status["progress_entries_sent"] == sum(contract.state.progress.values()) > 10
    assert contract.state.problems == [] and set(contract.state.inserts.values()) == {1}


def test_a_lost_answer_to_a_step_batch_repeats_that_batch_only(app, clock, contract) -> None:  # type: ignore[no-untyped-def]
    """The portal has no key for progress entries: when it stores a batch and the answer is lost, the kiosk
    cannot know and sends the batch again. The repeat is bounded to that one batch (3 entries here)."""
    make_status_dossiers(app, clock)
    contract.state.script = {"CapNhatTienDoHoSoMC": ["apply_then_500"]}
    drain(app, contract, clock)
    counts = contract.state.progress
    repeated = [k for k, n in counts.items() if n > 1]
    assert 1 <= len(repeated) <= 3 and set(counts.values()) == {1, 2}
    assert contract.state.problems == [] and set(contract.state.inserts.values()) == {1}


def test_dossiers_before_the_cut_over_are_not_sent(app, clock, contract) -> None:  # type: ignore[no-untyped-def]
    codes = make_status_dossiers(app, clock)
    with app.session_factory() as s:
        submitted = dict(s.execute(select(Dossier.code, Dossier.submitted_at)).all())
    since = submitted[codes[6]]
    drain(app, contract, clock, since=since)
    assert set(contract.state.dossiers) == {c for c, t in submitted.items() if t >= since}
    assert 0 < len(contract.state.dossiers) < len(submitted)
    with app.session_factory() as s:
        assert s.scalar(select(OutboxEvent.id).where(OutboxEvent.sent_at.is_(None)).limit(1)) is None

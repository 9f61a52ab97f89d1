"""Real pcscd + vsmartcard-vpcd for the card integration tests, serialised across xdist workers.

pcscd is one per machine, so each test holds an exclusive fcntl lock while it uses it. A pcscd that is
already running with vpcd is reused; one we start is stopped by PID at the end of this worker's session
(under the lock, so no other worker is mid-test). Missing packages fail the test with how to install them.
"""

from __future__ import annotations

import fcntl
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.devices.card.virtual import (
    CardOptions,
    PcscdHandle,
    PcscdUnavailable,
    VirtualCardHandle,
    port_listening,
    start_demo_card,
    start_pcscd,
)
from kiosk.devices.card.virtual.pcscd import find_pcscd

LOCK_PATH = Path(tempfile.gettempdir()) / "kiosk-card-pcscd.lock"


@pytest.fixture(scope="session")
def _pcscd_owner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PcscdHandle]]:
    owned: dict[str, PcscdHandle] = {}
    yield owned
    handle = owned.get("pcscd")
    if handle is not None:
        with open(LOCK_PATH, "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            handle.stop()


@pytest.fixture
def pcscd(_pcscd_owner: dict[str, PcscdHandle], tmp_path: Path) -> Iterator[None]:
    try:
        find_pcscd()
    except PcscdUnavailable as exc:
        pytest.fail(str(exc))
    with open(LOCK_PATH, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            if not port_listening(35963):
                handle = start_pcscd(tmp_path / "pcscd")
                if handle.started:
                    old = _pcscd_owner.get("pcscd")
                    if old is not None:
                        old.stop()
                    _pcscd_owner["pcscd"] = handle
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@pytest.fixture
def virtual_card(pcscd: None, tmp_path: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    handles: list[VirtualCardHandle] = []

    def start(options: CardOptions | None = None, **kw: object) -> VirtualCardHandle:
        h = start_demo_card(options=options, data_dir=tmp_path, with_pcscd=False, wait=0, **kw)  # type: ignore[arg-type]
        handles.append(h)
        h.wait_ready(10.0)
        return h

    yield start
    for h in handles:
        h.stop()

"""Build the one-folder app with PyInstaller (installer.spec) and smoke-test the frozen binary offscreen.

Runs in the normal suite (it is part of the definition of done, so it never skips). The build takes about
two minutes on the 2-core CI machines, in parallel with the rest under ``-n 2``; it is cached under
``.pytest_cache/frozen/<key>/``, where the key hashes installer.spec, pyproject.toml, every file of the
``kiosk`` package and the installed distributions, so an unchanged tree reuses the last build. Set
``KIOSK_FROZEN_REBUILD=1`` to force a fresh build.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".pytest_cache" / "frozen"
SIZE_GOAL_MB = 300

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


def _apparent_size_mb(folder: Path) -> float:
    """Unpacked size as a user sees it: the sum of regular file sizes (symlinks not counted twice)."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def _source_key() -> str:
    """A hash of everything that goes into the build: the spec, the package, and the installed libraries."""
    h = hashlib.sha256()
    for name in ("installer.spec", "pyproject.toml"):
        h.update(name.encode() + b"\0" + (ROOT / name).read_bytes())
    for f in sorted((ROOT / "kiosk").rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
            h.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes())
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    h.update("\n".join(dists).encode() + sys.version.encode())
    return h.hexdigest()[:16]


def _build(dest: Path) -> float:
    """Run PyInstaller into a scratch folder beside ``dest`` and move the result into place; seconds."""
    scratch = dest.with_name(dest.name + f".build-{os.getpid()}")
    shutil.rmtree(scratch, ignore_errors=True)
    start = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(scratch / "dist"),
         "--workpath", str(scratch / "work"), str(ROOT / "installer.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1000,
    )
    took = time.monotonic() - start
    assert r.returncode == 0, r.stderr[-4000:]
    (scratch / "build-seconds").write_text(f"{took:.0f}\n")
    shutil.rmtree(scratch / "work", ignore_errors=True)
    scratch.rename(dest)
    return took


@pytest.fixture
def frozen_app() -> Iterator[Path]:
    """dist/kiosk of the current sources: reused from the cache, or built (one builder at a time)."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not installed: ./scripts/setup.sh (it is in the test extra)", pytrace=False)
    CACHE.mkdir(parents=True, exist_ok=True)
    key = _source_key()
    dest = CACHE / key
    with open(CACHE / ".lock", "w") as lock:  # another session may be building the same tree
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.environ.get("KIOSK_FROZEN_REBUILD") == "1":
            shutil.rmtree(dest, ignore_errors=True)
        if not (dest / "dist" / "kiosk" / "kiosk").is_file():
            shutil.rmtree(dest, ignore_errors=True)
            took = _build(dest)
            print(f"frozen app: built in {took:.0f} s")
        else:
            print(f"frozen app: cached build {key} (built in {(dest / 'build-seconds').read_text().strip()} s)")
        for old in CACHE.iterdir():  # keep only the current build: each is ~290 MB
            if old.is_dir() and old.name != key and ".build-" not in old.name:
                shutil.rmtree(old, ignore_errors=True)
    yield dest / "dist" / "kiosk"


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(
        QT_QPA_PLATFORM="offscreen", KIOSK_ENVIRONMENT="test", KIOSK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg"), KIOSK_DATABASE_URL=f"sqlite:///{tmp_path / 'data' / 'k.sqlite3'}",
        LANG="C.UTF-8",
    )
    return env


def _ok(exe: Path, argv: list[str], env: dict[str, str], cwd: Path, timeout: int = 180) -> str:
    out = subprocess.run([str(exe), *argv], capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    assert out.returncode == 0, (argv, out.stdout[-2000:], out.stderr[-4000:])
    return out.stdout


def test_frozen_app_builds_and_starts(frozen_app: Path, tmp_path: Path) -> None:
    exe = frozen_app / "kiosk"
    assert exe.is_file()
    size = _apparent_size_mb(frozen_app)
    print(f"frozen app: {size:.0f} MB unpacked (goal < {SIZE_GOAL_MB} MB)")
    assert size < SIZE_GOAL_MB, f"frozen app is {size:.0f} MB unpacked; filter more in installer.spec"

    env = _env(tmp_path)
    assert "--smoke" in _ok(exe, ["run", "--help"], env, tmp_path)
    _ok(exe, ["--help"], env, tmp_path)
    # migrations, the SQLAlchemy dialect and the backup API all work from the bundle
    _ok(exe, ["db", "upgrade"], env, tmp_path)
    _ok(exe, ["db", "current"], env, tmp_path)
    _ok(exe, ["sync", "status", "--json"], env, tmp_path)
    _ok(exe, ["db", "backup", str(tmp_path / "k.bak")], env, tmp_path)
    # every kiosk page in both languages: proves the filtered bundle kept each QML module we import
    assert "OK" in _ok(exe, ["run", "--smoke"], env, tmp_path)
    # the counter console (QtWidgets)
    _ok(exe, ["console", "--screenshot", str(tmp_path / "console.png")], env, tmp_path)
    assert (tmp_path / "console.png").stat().st_size > 0
    _hall_screen_runs(exe, env, tmp_path)


def _hall_screen_runs(exe: Path, env: dict[str, str], tmp_path: Path) -> None:
    """The hall screen (its QML lives beside its Python) loads and keeps running, voice on (mock engine).

    Part of the one test above, so that under xdist the build never blocks a second worker."""
    p = subprocess.Popen([str(exe), "hall", "--voice", "--tts-engine", "mock"], env=env, cwd=tmp_path,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        rc = p.wait(timeout=8)
    except subprocess.TimeoutExpired:
        rc = None  # still showing the hall screen: it loaded
    finally:
        if p.poll() is None:
            p.terminate()
        _, err = p.communicate(timeout=30)
    assert rc is None, f"hall screen exited with {rc}: {err[-3000:]}"
    assert "Traceback" not in err, err[-3000:]

"""Files holding personal data or secrets are private; secrets come from the environment or a root-only
file; test hooks cannot be switched on in production."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from kiosk.config import ConfigError, enabled_test_hooks, load_settings


def trust_store() -> Path:
    """A folder with one real self-signed CSCA-like certificate (production refuses an empty trust store)."""
    import datetime as dt
    import tempfile

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, "CSCA test")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True).sign(key, hashes.SHA256()))
    folder = Path(tempfile.mkdtemp(prefix="kiosk-trust-"))
    (folder / "csca.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return folder


TRUST = trust_store()
PRODUCTION_TOML = (
    'environment = "production"\nlog_salt = "site-salt-123-long-enough"\n'
    '[sms]\nbackend = "http"\nhttp_url = "https://sms.example.vn/send"\n[email]\nbackend = "none"\n'
    f'[card]\ntrust_dir = "{TRUST}"\n'
)


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_data_dir_and_database_are_private(tmp_path: Path) -> None:
    from sqlalchemy import text

    from kiosk.app import build_app

    data = tmp_path / "kiosk-data"
    settings = load_settings(data_dir=data, environment="test")
    app = build_app(settings, sync_catalogue=False)
    try:
        with app.engine.begin() as conn:  # a write, so the WAL and shared-memory files exist
            conn.execute(text("CREATE TABLE IF NOT EXISTS t_probe (x INTEGER)"))
        db = data / "kiosk.sqlite3"
        assert mode(data) == 0o700
        assert mode(db) == 0o600
        for companion in (data / "kiosk.sqlite3-wal", data / "kiosk.sqlite3-shm"):
            if companion.exists():
                assert mode(companion) == 0o600
    finally:
        app.close()


def test_existing_loose_data_dir_is_tightened(tmp_path: Path) -> None:
    from kiosk.security import ensure_private_dir, secure_database_file

    d = tmp_path / "loose"
    d.mkdir(mode=0o755)
    (d / "kiosk.sqlite3").write_bytes(b"")
    (d / "kiosk.sqlite3").chmod(0o644)
    ensure_private_dir(d)
    secure_database_file(f"sqlite:///{d / 'kiosk.sqlite3'}")
    assert mode(d) == 0o700 and mode(d / "kiosk.sqlite3") == 0o600


def _secrets(tmp_path: Path, perms: int) -> Path:
    p = tmp_path / "secrets.toml"
    p.write_text('[sync]\ntoken = "from-file"\n[sms]\nhttp_token = "sms-secret"\n')
    p.chmod(perms)
    return p


def test_secrets_file_root_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_SECRETS_FILE", str(_secrets(tmp_path, 0o600)))
    s = load_settings()
    assert s.sync.token == "from-file" and s.sms.http_token == "sms-secret"
    monkeypatch.setenv("KIOSK_SYNC__TOKEN", "from-env")  # the environment wins
    assert load_settings().sync.token == "from-env"


@pytest.mark.parametrize("perms", [0o644, 0o640, 0o604, 0o660])
def test_secrets_file_readable_by_others_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, perms: int) -> None:
    monkeypatch.setenv("KIOSK_SECRETS_FILE", str(_secrets(tmp_path, perms)))
    with pytest.raises(ConfigError, match="chmod 600"):
        load_settings()


def test_missing_secrets_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_SECRETS_FILE", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings()


def test_production_config_file_must_be_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_ENVIRONMENT")
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(PRODUCTION_TOML)
    cfg.chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_settings(cfg)
    cfg.chmod(0o600)
    assert load_settings(cfg).environment == "production"
    cfg.chmod(0o644)
    cfg.write_text('environment = "demo"\n')
    assert load_settings(cfg).environment == "demo"  # only production is strict


def test_virtual_card_refused_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_ENVIRONMENT", "production")
    monkeypatch.setenv("KIOSK_CARD__VIRTUAL_CARD", "true")
    with pytest.raises(ConfigError, match="virtual_card"):
        load_settings()
    monkeypatch.setenv("KIOSK_ENVIRONMENT", "demo")
    assert load_settings().card.virtual_card is True


def test_flagged_test_hooks_are_found() -> None:
    class Ui(BaseModel):
        fake_printer: bool = Field(default=False, json_schema_extra={"test_hook": True})
        title: str = "x"

    class Root(BaseModel):
        ui: Ui = Field(default_factory=Ui)

    assert enabled_test_hooks(Root()) == []
    assert enabled_test_hooks(Root(ui=Ui(fake_printer=True))) == ["ui.fake_printer"]


def test_http_sync_needs_a_base_url() -> None:
    with pytest.raises(ConfigError, match="base_url"):
        load_settings(sync={"adapter": "http"})
    s = load_settings(sync={"adapter": "http", "base_url": "https://example.invalid/api"})
    assert s.sync.adapter == "http"


# -- production guard (issue 14 point 3) ------------------------------------------------------------------
def _production(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    monkeypatch.setenv("KIOSK_ENVIRONMENT", "production")
    monkeypatch.setenv("KIOSK_LOG_SALT", "a-site-secret-of-enough-length")
    monkeypatch.setenv("KIOSK_SMS__BACKEND", "http")
    monkeypatch.setenv("KIOSK_SMS__HTTP_URL", "https://sms.example.vn/send")
    monkeypatch.setenv("KIOSK_EMAIL__BACKEND", "none")
    monkeypatch.setenv("KIOSK_CARD__TRUST_DIR", str(TRUST))
    for k, v in env.items():
        monkeypatch.setenv(k, v)


def test_production_accepts_a_clean_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    _production(monkeypatch, KIOSK_SYNC__ADAPTER="http", KIOSK_SYNC__BASE_URL="https://motcua.example.gov.vn/api")
    assert load_settings().environment == "production"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"KIOSK_SMS__BACKEND": "demo"}, 'sms.backend = "demo"'),
        ({"KIOSK_SMS__HTTP_URL": "http://sms.example.vn/send"}, "sms.http_url"),
        ({"KIOSK_EMAIL__BACKEND": "demo"}, 'email.backend = "demo"'),
        ({"KIOSK_SYNC__ADAPTER": "http", "KIOSK_SYNC__BASE_URL": "http://motcua.example.gov.vn/api"}, "sync.base_url"),
        ({"KIOSK_SYNC__BASE_URL": "HTTP://motcua.example.gov.vn/api"}, "sync.base_url"),  # set but unused: refused too
        ({"KIOSK_WEBSITE": "http://dichvucong.gov.vn"}, "website"),
        ({"KIOSK_TRACKING_URL_TEMPLATE": "http://x.vn/?c={code}"}, "tracking_url_template"),
        ({"KIOSK_SYNC__VERIFY_TLS": "false"}, "sync.verify_tls = false"),
    ],
)
def test_production_refuses_demo_sms_plain_urls_and_unverified_tls(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], named: str
) -> None:
    _production(monkeypatch, **env)
    with pytest.raises(ConfigError) as e:
        load_settings()
    message = str(e.value)
    assert "\n" not in message and message.startswith(named), message
    monkeypatch.setenv("KIOSK_ENVIRONMENT", "demo")
    load_settings()  # the same values are fine outside production


def test_production_problem_sees_any_group_and_dict_values() -> None:
    from kiosk.config import production_problem

    class Pay(BaseModel):
        callback_url: str = "http://pay.example.vn/cb"

    class Cfg(BaseModel):
        payments: Pay = Pay()
        extra: dict[str, str] = {"hook": "https://ok.example.vn"}

    assert production_problem(Cfg()) == (
        "payments.callback_url uses a plain-text URL (http://) in production: use https://"
    )
    assert production_problem(Cfg(payments=Pay(callback_url="https://pay.example.vn/cb"))) is None
    assert production_problem(Cfg(payments=Pay(callback_url="https://p"), extra={"hook": "http://x"})) == (
        "extra.hook uses a plain-text URL (http://) in production: use https://"
    )


def test_build_app_refuses_settings_changed_in_code(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from kiosk.app import build_app

    _production(monkeypatch, KIOSK_DATA_DIR=str(tmp_path / "d"))
    settings = load_settings()
    bad = settings.model_copy(update={"sms": settings.sms.model_copy(update={"backend": "demo"})})
    with pytest.raises(ConfigError, match=r'^sms\.backend = "demo"'):
        build_app(bad, sync_catalogue=False)
    assert not (tmp_path / "d").exists()  # refused before anything was written


def test_cli_start_refuses_with_one_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_ENVIRONMENT="production", KIOSK_LOG_SALT="a-site-secret-of-enough-length",
               KIOSK_DATA_DIR=str(tmp_path / "d"), KIOSK_SMS__BACKEND="http",
               KIOSK_SMS__HTTP_URL="https://sms.example.vn/send", KIOSK_EMAIL__BACKEND="none",
               KIOSK_CARD__TRUST_DIR=str(TRUST), KIOSK_SYNC__VERIFY_TLS="false")
    r = subprocess.run([sys.executable, "-m", "kiosk", "db", "upgrade"], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "sync.verify_tls = false" in lines[0] and "Traceback" not in r.stderr, r.stderr


# -- file modes from the first write (issue 14 point 4) ---------------------------------------------------
@pytest.fixture
def loose_umask():  # type: ignore[no-untyped-def]
    """The helpers must not rely on the process umask (build_app and the CLI set 077; a library may not)."""
    import os

    old = os.umask(0o022)
    yield
    os.umask(old)


def test_private_helpers_ignore_the_umask(tmp_path: Path, loose_umask) -> None:  # type: ignore[no-untyped-def]
    from kiosk.security import (
        copy_private,
        ensure_private_dir,
        open_private,
        tighten_tree,
        write_private_file,
    )

    d = ensure_private_dir(tmp_path / "a" / "b" / "c")
    assert mode(tmp_path / "a") == mode(tmp_path / "a" / "b") == mode(d) == 0o700
    f = write_private_file(d / "x.pdf", b"%PDF")
    assert mode(f) == 0o600 and f.read_bytes() == b"%PDF"
    assert not [p for p in d.iterdir() if p.name.endswith(".part")]
    with open_private(tmp_path / "new" / "log.jsonl", "a", encoding="utf-8") as fh:
        fh.write("x\n")
    assert mode(tmp_path / "new") == 0o700 and mode(tmp_path / "new" / "log.jsonl") == 0o600
    loose = tmp_path / "loose.txt"
    loose.write_text("old")
    loose.chmod(0o644)
    with open_private(loose, "a") as fh:  # an existing file of ours is tightened
        fh.write("more")
    assert mode(loose) == 0o600 and loose.read_text() == "oldmore"
    assert mode(copy_private(loose, tmp_path / "copy.txt")) == 0o600
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "f").write_text("x")
    tighten_tree(tree)
    assert mode(tree / "sub") == 0o700 and mode(tree / "sub" / "f") == 0o600


def test_demo_sms_outbox_and_pdf_receipts_are_private(tmp_path: Path, loose_umask) -> None:  # type: ignore[no-untyped-def]
    from kiosk.devices.printing.backends import PdfFilePrinter
    from kiosk.devices.printing.model import RenderedDocument
    from kiosk.integrations.sms import DemoSmsSink

    outbox = tmp_path / "data" / "sms-outbox.jsonl"
    DemoSmsSink(outbox).send("+84912345678", "Mã xác thực 123456")
    assert mode(outbox.parent) == 0o700 and mode(outbox) == 0o600
    outbox.chmod(0o644)  # written by an older version
    DemoSmsSink(outbox).send("+84912345678", "again")
    assert mode(outbox) == 0o600 and len(outbox.read_text().splitlines()) == 2

    doc = RenderedDocument(form="01", dossier_code="000.00.06.H56-261125-0001", title="Mẫu 01",
                           pdf=b"%PDF-1.4 test", page="a4", page_size_pt=(595.0, 842.0))
    result = PdfFilePrinter(tmp_path / "receipts").print_document(doc)
    assert result.ok, result
    [pdf] = (tmp_path / "receipts").iterdir()
    assert mode(tmp_path / "receipts") == 0o700 and mode(pdf) == 0o600


def test_sqlite_database_via_engine_and_db_upgrade_is_private(tmp_path: Path, loose_umask) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from kiosk.models.database import create_db_engine

    db = tmp_path / "fresh" / "kiosk.sqlite3"
    engine = create_db_engine(f"sqlite:///{db}")
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x INTEGER)"))
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    finally:
        engine.dispose()
    assert mode(db.parent) == 0o700 and mode(db) == 0o600


def test_kiosk_db_upgrade_creates_private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import subprocess
    import sys

    data = tmp_path / "var" / "lib" / "kiosk"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_ENVIRONMENT="test", KIOSK_DATA_DIR=str(data))
    r = subprocess.run(["sh", "-c", f"umask 022 && {sys.executable} -m kiosk db upgrade"], env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert mode(data) == 0o700 and mode(data / "kiosk.sqlite3") == 0o600


def test_a_shared_sticky_folder_is_never_tightened(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """/tmp-like folders (sticky, world-writable) stay open even when a private file or folder is made in them."""
    import stat as st

    from kiosk.security import ensure_private_dir, write_private_file

    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    ensure_private_dir(shared)
    write_private_file(shared / "x.pdf", b"%PDF")
    assert st.S_IMODE(shared.stat().st_mode) == 0o1777
    assert st.S_IMODE((shared / "x.pdf").stat().st_mode) == 0o600


def test_production_refuses_an_empty_trust_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With the production default (require_trusted_chain) and no CSCA certificate every card would be refused:
    start-up says so in one line instead of a kiosk that turns every citizen away."""
    empty = tmp_path / "trust"
    empty.mkdir()
    (empty / "README.txt").write_text("put the CSCA certificates here")
    for where in (None, empty):
        _production(monkeypatch)
        if where is None:
            monkeypatch.delenv("KIOSK_CARD__TRUST_DIR")
        else:
            monkeypatch.setenv("KIOSK_CARD__TRUST_DIR", str(where))
        with pytest.raises(ConfigError, match=r"^card\.trust_dir has no CSCA certificates"):
            load_settings()
    monkeypatch.setenv("KIOSK_CARD__REQUIRE_TRUSTED_CHAIN", "false")  # a written site decision: allowed
    assert load_settings().card.require_trusted_chain is False

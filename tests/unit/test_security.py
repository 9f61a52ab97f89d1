"""Files holding personal data or secrets are private; secrets come from the environment or a root-only
file; test hooks cannot be switched on in production."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from kiosk.config import ConfigError, enabled_test_hooks, load_settings


PRODUCTION_TOML = (
    'environment = "production"\nlog_salt = "site-salt-123-long-enough"\n'
    '[sms]\nbackend = "http"\nhttp_url = "https://sms.example.vn/send"\n'
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

"""Configuration: defaults that make `kiosk demo` work, overridden by a TOML file and KIOSK_* variables.

Precedence (highest first): constructor arguments, environment (``KIOSK_…``; nested groups with ``__``,
e.g. ``KIOSK_OFFICE_HOURS__MORNING_START=07:30``), the TOML file, defaults. The TOML file is the one given
with ``--config`` / ``KIOSK_CONFIG``, else ``<platform config dir>/kiosk.toml`` when it exists.
A bad value raises :class:`ConfigError` naming the setting.
"""

from __future__ import annotations

import os
import re
from datetime import date, time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

APP_NAME = "kiosk"
AGENCY_CODE_RE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")


class ConfigError(Exception):
    """The configuration cannot be used; the message names the setting."""


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "kiosk.toml"


class OfficeHours(BaseModel):
    morning_start: time = time(7, 0)
    morning_end: time = time(11, 30)
    afternoon_start: time = time(13, 30)
    afternoon_end: time = time(17, 0)
    # a same-day ("trong ngày") request received after this time is due the next working day
    same_day_cutoff: time = time(15, 0)

    @model_validator(mode="after")
    def _ordered(self) -> OfficeHours:
        seq = [self.morning_start, self.morning_end, self.afternoon_start, self.afternoon_end]
        if any(a >= b for a, b in zip(seq, seq[1:], strict=False)):
            raise ValueError("office hours must be increasing: morning_start < morning_end < afternoon_start < afternoon_end")
        return self


class PrinterSettings(BaseModel):
    backend: Literal["pdf", "cups", "escpos"] = "pdf"
    output_dir: Path | None = None  # pdf backend; default <data dir>/receipts
    cups_queue: str | None = None
    escpos_connection: str | None = None  # e.g. "usb:0x04b8:0x0202", "serial:/dev/ttyUSB0", "network:10.0.0.5"
    escpos_profile: str = "TM-T88V"
    receipt_copies: int = Field(default=2, ge=1, le=3)  # "liên" of Mẫu 01


class BankSettings(BaseModel):
    """The agency's account for VietQR fee payment."""

    bin: str = "970415"  # demo value (VietinBank BIN); set the real one per agency
    account: str = "113366668888"
    account_name: str = "TRUNG TAM PHUC VU HANH CHINH CONG"

    @field_validator("bin")
    @classmethod
    def _bin(cls, v: str) -> str:
        if not re.fullmatch(r"\d{6}", v):
            raise ValueError("bank BIN must be 6 digits")
        return v


class SmsSettings(BaseModel):
    backend: Literal["demo", "http"] = "demo"
    outbox_file: Path | None = None  # demo sink; default <data dir>/sms-outbox.jsonl
    http_url: str | None = None
    http_body_template: str = '{{"to": "{phone}", "text": "{text}"}}'
    http_token: str | None = None
    otp_ttl_s: int = 300
    otp_max_sends_per_hour: int = 3
    otp_max_wrong_tries: int = 5
    # Status messages ("Hồ sơ … đã có kết quả") go out WITHOUT diacritics by default: plain GSM-7 text fits 160
    # characters in one SMS part, the cheapest; Vietnamese marks need UCS-2, 70 characters a part, so each
    # message costs about two to three parts. true keeps the marks (e.g. when the gateway's price allows it).
    unicode: bool = False


class CardSettings(BaseModel):
    reader: str | None = None  # substring of the PC/SC reader name; None = first reader
    trust_dir: Path | None = None  # CSCA certificates (PEM/DER) or ICAO master list
    # refuse chips whose Document Signer does not chain to trust_dir; None = True in production, else False
    require_trusted_chain: bool | None = None
    try_pace: bool = True
    # after the QR is scanned the kiosk asks for the card on the reader: how long it waits for it (an elderly
    # hand may need a while) before saying "no card" and offering Thử lại
    wait_for_card_s: float = Field(default=20.0, ge=0, le=120)
    virtual_card: bool = False  # the project's emulated CCCD; refused in production


class EmailSettings(BaseModel):
    """E-mail to citizens who consented (kiosk.core.contact): Mẫu 01 at acceptance, Mẫu 02 at a supplement
    request, a note when the result is ready. SMTP always upgrades with STARTTLS and verifies the certificate."""

    backend: Literal["none", "demo", "smtp"] = "demo"  # demo: .eml files in <data dir>/email-outbox (not production)
    host: str | None = None
    port: int = Field(default=587, ge=1, le=65535)
    sender: str = "kiosk@demo.local"
    username: str | None = None
    password: str | None = None  # secret: KIOSK_EMAIL__PASSWORD or the secrets file, never the config file
    verify_tls: bool = True
    ca_file: Path | None = None
    timeout_s: float = Field(default=20.0, gt=0, le=120)
    outbox_dir: Path | None = None  # demo backend


class VoiceSettings(BaseModel):
    """Spoken guidance ("Nghe hướng dẫn"): the citizen turns it on per visit; off again when the visit ends."""

    engine: Literal["espeak-ng", "qt", "none"] = "espeak-ng"  # espeak-ng: offline, Vietnamese voice; none hides it
    rate_wpm: int = Field(default=140, ge=80, le=260)  # words per minute; slower than espeak's 175 for older ears


class DvcqgSettings(BaseModel):
    """The national portal's integration adapter (sync.adapter = "dvcqg", kiosk.integrations.dvcqg).
    username/password are secrets: KIOSK_SYNC__DVCQG__PASSWORD or [sync.dvcqg] in the secrets file."""

    adapter_url: str | None = None  # ADAPTER_URL of the VPCP adapter or the province's LGSP proxy (https)
    auth_path: str = "/login"  # POST {"username","password"} -> {"error_code":0,"session":...}
    service_path: str = "/service"  # POST {"session","madonvi","service","isUpdating","data"}
    username: str | None = None
    password: str | None = None
    madonvi: str | None = None  # agency code sent as madonvi; default: agency_code (MaHoSo starts with it)
    agency_name: str | None = None  # DonViXuLy; default: unit_name
    mapping_file: Path | None = None  # code tables and field names; default: the bundled mapping.toml
    file_url_template: str = ""  # where the portal downloads a scan/result: "{code}", "{file}"; "" = no links
    lookup_first: bool = False  # TraCuuHoSo before the first send ([A]) instead of insert-then-update ([B])
    progress_batch: int = Field(default=10, ge=1, le=100)  # progress entries per call ([B] sends 10)
    session_ttl_s: float = Field(default=1800.0, gt=0)  # log in again after this long even without an error
    since: date | None = None  # cut-over: dossiers submitted before this day (office time) are never sent


class WorkflowSettings(BaseModel):
    """Site rules of the dossier workflow (kiosk.core.workflow)."""

    # Whether dossiers filed at the kiosk (self-service or assisted) are "trực tuyến" (KenhThucHien 2): the
    # citizen fills in, scans and signs an electronic dossier, pays the online fee and QĐ 766 indicator 3.3
    # counts it as filed online. The national portal, though, counts channel 2 only for dossiers filed under
    # the citizen's own DVCQG/VNeID account (docs dvcqg.md §6); a province whose sync rejects kiosk dossiers
    # as channel 2 sets this to false: they become "trực tiếp" (channel 1) and pay the counter fee.
    kiosk_counts_as_online: bool = True


class SyncSettings(BaseModel):
    """Sync to the provincial one-stop system / national portal (kiosk.integrations.sync)."""

    adapter: Literal["local", "http", "dvcqg"] = "local"  # local: the branch database is the back office
    base_url: str | None = None  # http adapter: e.g. https://motcua.example.gov.vn/api/kiosk
    token: str | None = None  # secret: KIOSK_SYNC__TOKEN or the KIOSK_SECRETS_FILE, never the config file
    events_path: str = "/events"
    status_path: str = "/dossiers/{code}/status"
    status_field: str = "status"
    field_map: dict[str, str] = Field(default_factory=dict)  # local payload path -> remote key
    timeout_s: float = Field(default=10.0, gt=0, le=120)
    verify_tls: bool = True
    ca_file: Path | None = None
    interval_s: float = Field(default=15.0, gt=0)
    pull_every_s: float = Field(default=300.0, gt=0)
    backoff_base_s: float = Field(default=5.0, gt=0)
    backoff_cap_s: float = Field(default=900.0, gt=0)
    fail_after: int = Field(default=8, ge=1)  # attempts before the dossier shows sync_state "failed"
    # claim lease of one delivery: must outlive the slowest call (4 x timeout_s for http) plus 1 s (sync.sender)
    lease_s: float = Field(default=120.0, gt=0, le=3600)
    dvcqg: DvcqgSettings = Field(default_factory=DvcqgSettings)

    @model_validator(mode="after")
    def _http_needs_url(self) -> SyncSettings:
        if self.adapter == "http" and not self.base_url:
            raise ValueError("sync.base_url is required when sync.adapter is http")
        if self.adapter == "dvcqg" and not (self.dvcqg.adapter_url and self.dvcqg.username and self.dvcqg.password):
            raise ValueError(
                "sync.dvcqg.adapter_url, username and password are required when sync.adapter is dvcqg "
                "(the password from the secrets file)"
            )
        if self.adapter == "dvcqg" and self.lease_s < 8 * self.timeout_s + 1:  # a delivery makes up to 8 calls
            raise ValueError(
                f"sync.lease_s ({self.lease_s:g}) must be at least 8 x sync.timeout_s + 1 = {8 * self.timeout_s + 1:g}"
            )
        if "{code}" not in self.status_path:
            raise ValueError("sync.status_path must contain {code}")
        if self.adapter != "local" and self.lease_s < 4 * self.timeout_s + 1:
            raise ValueError(
                f"sync.lease_s ({self.lease_s:g}) must be at least 4 x sync.timeout_s + 1 = {4 * self.timeout_s + 1:g}"
            )
        return self


class RetentionSettings(BaseModel):
    """How long personal data stays on the kiosk/branch (kiosk.core.retention, `kiosk db purge`).

    domain.md §10 (Law 91/2025/QH15, ND 356/2025; ND 13/2023 before): keep personal data only as long as the
    purpose needs it; the kiosk holds a transient session and the back office keeps the dossier under the
    archives law (Luật Lưu trữ 33/2024). So the kiosk's copies go once the back office has them."""

    # scans of a dossier, once it is delivered to the back office (sync_state "synced") and this many days
    # after submission: covers acceptance (8 working hours), a supplement round and the officer's check
    scans_days: int = Field(default=30, ge=1, le=3650)
    # receipt/form PDFs written by the pdf printer: the paper is the citizen's; any form can be re-rendered
    # from the database (`kiosk receipt CODE`), so the file is only a print spool
    receipts_days: int = Field(default=7, ge=0, le=3650)
    # OTP challenges, after they expire: the rate limit needs the last hour only; a day allows a complaint check
    otp_days: int = Field(default=1, ge=0, le=365)
    # outbox events after delivery: the payload is the applicant's data; 30 days to reconcile with the remote
    outbox_sent_days: int = Field(default=30, ge=1, le=3650)
    # the demo SMS outbox (phone + code in clear): lines older than this are dropped; also the demo e-mail .eml files
    sms_outbox_days: int = Field(default=1, ge=0, le=365)
    # kiosk session scan folders left by a crash (a session lasts minutes; idle wipe is 2 minutes)
    session_scans_hours: int = Field(default=1, ge=0, le=168)


# Settings that exist only for tests and demos; a production configuration must leave them off. Other
# groups can flag a field the same way with Field(json_schema_extra={"test_hook": True}).
TEST_HOOKS = ("card.virtual_card",)


def enabled_test_hooks(model: BaseModel, prefix: str = "") -> list[str]:
    """Dotted names of test-only settings that are switched on."""
    found: list[str] = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        dotted = f"{prefix}{name}"
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if value and (dotted in TEST_HOOKS or extra.get("test_hook")):
            found.append(dotted)
        if isinstance(value, BaseModel):
            found.extend(enabled_test_hooks(value, f"{dotted}."))
    return found


DEMO_LOG_SALT = "kiosk-demo-salt"


def _walk_settings(model: BaseModel, prefix: str = "") -> list[tuple[str, object]]:
    """(dotted name, value) of every leaf setting, nested groups and dict values included."""
    out: list[tuple[str, object]] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        dotted = f"{prefix}{name}"
        if isinstance(value, BaseModel):
            out.extend(_walk_settings(value, f"{dotted}."))
        elif isinstance(value, dict):
            out.extend((f"{dotted}.{k}", v) for k, v in value.items())
        else:
            out.append((dotted, value))
    return out


_PLAIN_URL = re.compile(r"^\s*(http|ws|ftp)://", re.IGNORECASE)


def production_problem(settings: BaseModel) -> str | None:
    """The first setting a production site must not have, as one line naming it; None when all is well.

    Refused: the demo SMS back end (phone numbers and codes in a local file) and any other ``backend = "demo"``
    (e.g. e-mail to .eml files), any plain-text URL
    (``http://``, ``ws://``, ``ftp://``, in any group: portal/sync, SMS gateway, payments, …) and any
    ``verify_tls = false``."""
    for dotted, value in _walk_settings(settings):
        if dotted == "sms.backend" and value == "demo":
            return ('sms.backend = "demo" is not allowed in production (it writes phone numbers and codes to a '
                    'local file): set sms.backend = "http" and sms.http_url')
        if dotted.rsplit(".", 1)[-1] == "backend" and value == "demo":
            return (f'{dotted} = "demo" is not allowed in production (demo back ends keep personal data in local '
                    f'files in clear)')
        if dotted.rsplit(".", 1)[-1] == "verify_tls" and value is False:
            return f"{dotted} = false is not allowed in production: certificates must be checked"
        if isinstance(value, str) and _PLAIN_URL.match(value):
            return f"{dotted} uses a plain-text URL ({value.split(':', 1)[0]}://) in production: use https://"
    card = getattr(settings, "card", None)
    if card is not None and getattr(card, "require_trusted_chain", None) is not False:
        folder = getattr(card, "trust_dir", None)
        certs = [p for p in Path(folder).iterdir() if p.suffix.lower() in TRUST_FILE_SUFFIXES] \
            if folder is not None and Path(folder).is_dir() else []
        if not certs:
            return ("card.trust_dir has no CSCA certificates: production refuses every chip whose signer does not "
                    "chain to it, so no citizen could be identified; put the CSCA certificates (.pem/.der/.crt/.cer) "
                    "there, or set card.require_trusted_chain = false as a written site decision")
    return None


TRUST_FILE_SUFFIXES = (".pem", ".der", ".crt", ".cer", ".ml")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="KIOSK_", env_nested_delimiter="__", extra="forbid", validate_default=True
    )

    environment: Literal["production", "demo", "test"] = "demo"
    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None  # default: sqlite file in data_dir
    agency_code: str = "000.00.06.H56"
    parent_body: str = "UBND TỈNH THANH HÓA"
    unit_name: str = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    place_name: str = "Thanh Hóa"
    kiosk_id: str = "KIOSK-01"
    kiosk_name: str = "Ki-ốt số 1"
    office_hours: OfficeHours = Field(default_factory=OfficeHours)
    timezone: str = "Asia/Ho_Chi_Minh"
    hotline: str = "0237 3900 900"  # demo value (Thanh Hóa area code): set the agency's own line
    website: str = "https://dichvucong.gov.vn"
    tracking_url_template: str = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?mahs={code}"
    idle_timeout_s: int = Field(default=120, ge=15, le=3600)
    # the touch screen's pixel density: touch targets are at least 9 mm (48 px on a 10-inch 1280×800 panel)
    screen_dpi: float = Field(default=135.0, ge=60, le=600)
    staff_session_timeout_s: int = Field(default=600, ge=60, le=86400)
    printer: PrinterSettings = Field(default_factory=PrinterSettings)
    bank: BankSettings = Field(default_factory=BankSettings)
    sms: SmsSettings = Field(default_factory=SmsSettings)
    card: CardSettings = Field(default_factory=CardSettings)
    sync: SyncSettings = Field(default_factory=SyncSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    workflow: WorkflowSettings = Field(default_factory=WorkflowSettings)
    voice: VoiceSettings = Field(default_factory=VoiceSettings)
    email: EmailSettings = Field(default_factory=EmailSettings)
    catalogue_file: Path | None = None  # default: the bundled catalogue
    # keyed hashes of ID numbers (audit, badges, OTP, drafts): a secret per site, from the secrets file
    log_salt: str = DEMO_LOG_SALT

    @field_validator("agency_code")
    @classmethod
    def _agency(cls, v: str) -> str:
        if not AGENCY_CODE_RE.fullmatch(v):
            raise ValueError("agency code must look like 000.00.06.H56 (QCVN 102:2016)")
        return v

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {v!r}") from exc
        return v

    @field_validator("tracking_url_template")
    @classmethod
    def _tracking(cls, v: str) -> str:
        if "{code}" not in v:
            raise ValueError("tracking URL template must contain {code}")
        return v

    @model_validator(mode="after")
    def _production_guard(self) -> Settings:
        if self.environment == "production" and self.card.virtual_card:
            raise ValueError("card.virtual_card cannot be enabled in a production configuration")
        if self.environment == "production" and (hooks := enabled_test_hooks(self)):
            raise ValueError(f"test hooks cannot be enabled in a production configuration: {', '.join(hooks)}")
        if self.environment == "production" and (self.log_salt == DEMO_LOG_SALT or len(self.log_salt) < 16):
            raise ValueError(
                "log_salt must be a secret of at least 16 characters in production (KIOSK_LOG_SALT or the "
                "secrets file): it keys the hashes of citizens' ID numbers"
            )
        if self.environment == "production" and (problem := production_problem(self)):
            raise ValueError(problem)
        return self

    # -- derived values -------------------------------------------------------------------------------
    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'kiosk.sqlite3'}"

    def tracking_url(self, code: str) -> str:
        return self.tracking_url_template.format(code=code)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        from pydantic_settings import InitSettingsSource

        from kiosk.security import load_secrets_file

        secrets = load_secrets_file()  # KIOSK_SECRETS_FILE: root-only TOML, refused if others can read it
        if secrets:
            sources.append(InitSettingsSource(settings_cls, init_kwargs=secrets))
        toml_path = _CONFIG_FILE_CONTEXT.get("path")
        if toml_path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_path))
        return tuple(sources)


_CONFIG_FILE_CONTEXT: dict[str, Path | None] = {"path": None}


def _format_validation_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()))
        msg = err.get("msg", "invalid value").removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}" if loc else msg)  # whole-settings checks name their setting themselves
    return "; ".join(parts)


def load_settings(config_file: str | Path | None = None, **overrides: object) -> Settings:
    """Build the settings, raising ConfigError with the setting's name when a value is bad."""
    path: Path | None = None
    if config_file is None:
        config_file = os.environ.get("KIOSK_CONFIG")
    if config_file is not None:
        path = Path(config_file)
        if not path.is_file():
            raise ConfigError(f"config file {path} does not exist")
    elif default_config_file().is_file():
        path = default_config_file()
    _CONFIG_FILE_CONTEXT["path"] = path
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
        if path is not None and settings.environment == "production":
            from kiosk.security import check_private_file

            check_private_file(path, "config file")  # holds site settings: kiosk user only (chmod 600)
        return settings
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(exc)) from None
    except ValueError as exc:  # e.g. malformed TOML
        where = f" in {path}" if path else ""
        raise ConfigError(f"cannot read configuration{where}: {exc}") from None
    finally:
        _CONFIG_FILE_CONTEXT["path"] = None

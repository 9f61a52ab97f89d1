"""Build the configured sync adapter and sender (the composition root calls this)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.integrations.sync.adapters import LocalAdapter, SyncAdapter
from kiosk.integrations.sync.backoff import Backoff
from kiosk.integrations.sync.sender import OutboxSender

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from kiosk.config import Settings, SyncSettings
    from kiosk.core.clock import Clock


def build_adapter(cfg: SyncSettings) -> SyncAdapter:
    if cfg.adapter == "local":
        return LocalAdapter()
    if cfg.adapter == "dvcqg":
        raise ValueError("the dvcqg adapter needs the database and the site settings: use build_sender")
    from kiosk.integrations.sync.http_adapter import HttpAdapter

    assert cfg.base_url  # checked by SyncSettings
    verify: bool | str = str(cfg.ca_file) if cfg.ca_file else cfg.verify_tls
    return HttpAdapter(
        cfg.base_url,
        token=cfg.token,
        events_path=cfg.events_path,
        status_path=cfg.status_path,
        status_field=cfg.status_field,
        field_map=cfg.field_map,
        timeout_s=cfg.timeout_s,
        verify=verify,
    )


def build_sender(
    cfg: SyncSettings, session_factory: sessionmaker[Session], clock: Clock | None = None, *, site: Settings | None = None
) -> OutboxSender:
    sender_cls: type[OutboxSender] = OutboxSender
    adapter: SyncAdapter
    if cfg.adapter == "dvcqg":  # national portal: needs the site's agency code, unit name and time zone too
        from kiosk.integrations.dvcqg.adapter import DvcqgSender, build_dvcqg_adapter

        sender_cls, adapter = DvcqgSender, build_dvcqg_adapter(cfg, session_factory, site)
    else:
        adapter = build_adapter(cfg)
    return sender_cls(
        session_factory,
        adapter,
        clock=clock,
        backoff=Backoff(base_s=cfg.backoff_base_s, cap_s=cfg.backoff_cap_s),
        fail_after=cfg.fail_after,
        lease_s=cfg.lease_s,
    )

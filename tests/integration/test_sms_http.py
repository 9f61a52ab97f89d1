"""The SMS senders against real I/O: the HTTP adapter talks to a real local HTTP server (a thread on
127.0.0.1, port chosen by the OS, so xdist workers never collide) that records what it receives and can
answer 200, fail with 500, or stall past the client's timeout; the demo sink writes a real JSONL file."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.config import ConfigError
from kiosk.integrations.sms import (
    DemoSmsSink,
    HttpSmsSender,
    SmsError,
    make_sms_sender,
    outbox_path,
    read_outbox,
)

pytestmark = pytest.mark.integration

PHONE = "+84912345678"
TEXT = 'Mã xác thực của bạn là 123456, "hiệu lực" 5 phút.\nKhông chia sẻ mã này. \\o/'
TEMPLATE = '{{"to": "{phone}", "text": "{text}"}}'
STALL_S = 3.0


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Gateway:
    base: str
    requests: list[Recorded] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:  # noqa: N802 (http.server API)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.gateway.requests.append(
            Recorded("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        )
        if self.path.startswith("/slow"):
            time.sleep(STALL_S)
        status = 500 if self.path.startswith("/fail") else 200
        payload = json.dumps({"ok": status == 200, "echo": body.decode("utf-8", "replace")}).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except OSError:  # the client gave up (timeout test)
            pass

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    gateway: Gateway


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    server = _Server(("127.0.0.1", 0), _Handler)
    host, port = server.server_address[:2]
    server.gateway = Gateway(base=f"http://{host}:{port}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.gateway
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _no_personal_data(err: SmsError) -> None:
    msg = str(err)
    assert PHONE not in msg and "912345678" not in msg and "123456" not in msg and "xác thực" not in msg


# -- HTTP adapter ----------------------------------------------------------------------------------------


def test_body_from_template_with_json_escaping_and_bearer_token(gateway: Gateway) -> None:
    HttpSmsSender(gateway.base + "/send", TEMPLATE, token="s3cret", timeout=2).send(PHONE, TEXT)
    (req,) = gateway.requests
    assert req.method == "POST" and req.path == "/send"
    assert req.headers["authorization"] == "Bearer s3cret"
    assert req.headers["content-type"].startswith("application/json")
    assert json.loads(req.body.decode("utf-8")) == {"to": PHONE, "text": TEXT}
    assert "Mã xác thực".encode() in req.body  # UTF-8 as is, not mangled


def test_no_authorization_header_without_a_token(gateway: Gateway) -> None:
    HttpSmsSender(gateway.base + "/send", TEMPLATE, timeout=2).send(PHONE, "xin chào")
    (req,) = gateway.requests
    assert "authorization" not in req.headers


def test_operator_specific_template(gateway: Gateway) -> None:
    template = '{{"brandname": "UBND", "messages": [{{"dest": "{phone}", "content": "{text}", "unicode": 1}}]}}'
    HttpSmsSender(gateway.base + "/v2/sms?x=1", template, timeout=2).send(PHONE, TEXT)
    (req,) = gateway.requests
    assert req.path == "/v2/sms?x=1"
    assert json.loads(req.body) == {
        "brandname": "UBND", "messages": [{"dest": PHONE, "content": TEXT, "unicode": 1}],
    }


def test_http_500_is_an_sms_error_without_personal_data(gateway: Gateway) -> None:
    with pytest.raises(SmsError) as ei:
        HttpSmsSender(gateway.base + "/fail", TEMPLATE, token="t", timeout=2).send(PHONE, TEXT)
    assert ei.value.status_code == 500 and "500" in str(ei.value)
    _no_personal_data(ei.value)
    assert len(gateway.requests) == 1  # no silent retry (a retry could double-send a code)


def test_timeout_is_an_sms_error(gateway: Gateway) -> None:
    started = time.monotonic()
    with pytest.raises(SmsError) as ei:
        HttpSmsSender(gateway.base + "/slow", TEMPLATE, timeout=0.5).send(PHONE, TEXT)
    assert time.monotonic() - started < STALL_S
    assert "0.5 s" in str(ei.value) and ei.value.status_code is None
    _no_personal_data(ei.value)


def test_unreachable_gateway_is_an_sms_error(gateway: Gateway) -> None:
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(SmsError) as ei:
        HttpSmsSender(f"http://127.0.0.1:{port}/send", TEMPLATE, timeout=2).send(PHONE, TEXT)
    _no_personal_data(ei.value)


@pytest.mark.parametrize("template", ['{"to": "{phone}"}', "{phone} {message}", "{0}"])
def test_a_broken_template_is_refused_at_construction(template: str) -> None:
    with pytest.raises(ValueError, match="http_body_template"):
        HttpSmsSender("http://127.0.0.1:9/send", template)


def test_otp_flow_through_the_http_gateway(gateway: Gateway, database_url: str, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.core.accounts import AccountService
    from kiosk.models.database import open_database

    engine, factory = open_database(database_url)
    try:
        svc = AccountService(
            factory, HttpSmsSender(gateway.base + "/send", TEMPLATE, token="t", timeout=2), clock, log_salt="s"
        )
        ticket = svc.send_otp("0912345678")
        assert ticket.phone_masked == "0912 *** 678"
        sent = json.loads(gateway.requests[-1].body)
        assert sent["to"] == PHONE
        code = re.search(r"là (\d{6}),", sent["text"]).group(1)  # type: ignore[union-attr]
        assert svc.verify_otp("0912345678", code).phone_e164 == PHONE
        # a failing gateway becomes an OtpError the screen can show
        from kiosk.core.otp import OtpError

        svc.sms = svc.otp.sms = HttpSmsSender(gateway.base + "/fail", TEMPLATE, timeout=2)
        clock.advance(seconds=30)
        with pytest.raises(OtpError) as ei:
            svc.send_otp("0912345678")
        assert ei.value.reason == "sms_failed"
    finally:
        engine.dispose()


# -- configuration ---------------------------------------------------------------------------------------


def test_make_sms_sender_follows_the_settings(settings, gateway: Gateway) -> None:  # type: ignore[no-untyped-def]
    demo = make_sms_sender(settings)
    assert isinstance(demo, DemoSmsSink) and demo.outbox_file == settings.data_dir / "sms-outbox.jsonl"
    assert outbox_path(settings) == demo.outbox_file

    http_settings = settings.model_copy(
        update={"sms": settings.sms.model_copy(update={
            "backend": "http", "http_url": gateway.base + "/send", "http_token": "abc",
        })}
    )
    sender = make_sms_sender(http_settings)
    assert isinstance(sender, HttpSmsSender)
    sender.send(PHONE, "x")
    assert gateway.requests[-1].headers["authorization"] == "Bearer abc"

    no_url = settings.model_copy(update={"sms": settings.sms.model_copy(update={"backend": "http"})})
    with pytest.raises(ConfigError, match="http_url"):
        make_sms_sender(no_url)


# -- demo sink -------------------------------------------------------------------------------------------


def test_demo_sink_appends_json_lines(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    outbox = tmp_path / "nested" / "sms-outbox.jsonl"
    sink = DemoSmsSink(outbox, clock=clock)
    assert read_outbox(outbox) == []
    for i in range(5):
        sink.send(PHONE, f"{TEXT} #{i}")
    lines = outbox.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    first = json.loads(lines[0])
    assert first == {"at": clock.now().isoformat(), "to": PHONE, "text": f"{TEXT} #0"}
    assert [e["text"][-2:] for e in read_outbox(outbox, limit=2)] == ["#3", "#4"]


def test_read_outbox_skips_torn_lines(tmp_path: Path) -> None:
    outbox = tmp_path / "sms-outbox.jsonl"
    DemoSmsSink(outbox).send(PHONE, "một")
    with outbox.open("a", encoding="utf-8") as f:
        f.write('{"at": "2026-')  # a crash mid-write
    assert [e["text"] for e in read_outbox(outbox)] == ["một"]
    DemoSmsSink(outbox).send(PHONE, "hai")  # the torn tail does not swallow the next message
    assert [e["text"] for e in read_outbox(outbox)] == ["một", "hai"]


def test_demo_sink_is_safe_with_concurrent_senders(tmp_path: Path) -> None:
    outbox = tmp_path / "sms-outbox.jsonl"
    sink = DemoSmsSink(outbox)
    threads = [threading.Thread(target=lambda n=n: [sink.send(PHONE, f"{n}-{i}") for i in range(50)]) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    entries = read_outbox(outbox, limit=1000)
    assert len(entries) == 200 and len({e["text"] for e in entries}) == 200


def test_demo_sink_unwritable_is_an_sms_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SmsError) as ei:
        DemoSmsSink(blocker / "sms.jsonl").send(PHONE, TEXT)
    _no_personal_data(ei.value)

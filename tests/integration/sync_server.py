"""A local stand-in for the provincial one-stop system's JSON API (127.0.0.1:0, in a thread).

Like a real portal it dedupes by ``event_id`` (a repeated event is answered 200 and not applied again) and
upserts dossiers by code. ``script`` makes it misbehave, one entry per POST: ``500`` (refuse, apply
nothing), ``apply_then_500`` (apply, then answer 500: the sender will deliver again), ``slow`` (answer after
the client's timeout, applying nothing), ``apply_then_slow`` (apply, answer too late), ``400`` (refuse for
good), ``409_other`` (a conflict that names another event), ``409_bare`` (a conflict naming nothing), ``ok``.
``duplicate_status = 409`` answers a repeated event with 409 naming it (as many portals do) instead of 200;
``ok_delay_s`` makes every applying answer slow but still within the client's timeout.

For exactly-once checks it counts, per event id, the POSTs (``posts``), and the POSTs that came after the
server had already answered that event with a success the client received in time (``after_success``).
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "s3cret-token"


class PortalState:
    def __init__(self, slow_s: float) -> None:
        self.lock = threading.Lock()
        self.script: list[str] = []
        self.slow_s = slow_s
        self.received: list[str] = []  # every POSTed event id, duplicates included
        self.applied: Counter[str] = Counter()  # event id -> times applied (must stay 1)
        self.events: dict[str, dict[str, Any]] = {}
        self.dossiers: dict[str, dict[str, Any]] = {}
        self.statuses: dict[str, int] = {}
        self.unauthorised = 0
        self.duplicate_status = 200
        self.ok_delay_s = 0.0
        self.posts: Counter[str] = Counter()
        self.answered_ok: set[str] = set()
        self.after_success: Counter[str] = Counter()

    def next_behaviour(self) -> str:
        with self.lock:
            return self.script.pop(0) if self.script else "ok"

    def apply(self, body: dict[str, Any]) -> bool:
        with self.lock:
            eid = body["event_id"]
            if eid in self.events:
                return False
            self.events[eid] = body
            self.applied[eid] += 1
            self.dossiers[body["dossier_code"]] = body["data"]
            self.statuses.setdefault(body["dossier_code"], 1)
            return True


def make_handler(state: PortalState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def _answer(self, code: int, obj: object) -> None:
            raw = json.dumps(obj).encode()
            try:
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                pass

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                state.unauthorised += 1
                self._answer(401, {"error": "unauthorised"})
                return False
            return True

        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            if not self._authorised():
                return
            assert self.headers.get("Idempotency-Key") == body["event_id"]
            eid = body["event_id"]
            with state.lock:
                state.received.append(eid)
                state.posts[eid] += 1
                if eid in state.answered_ok:
                    state.after_success[eid] += 1
            behaviour = state.next_behaviour()
            if behaviour == "500":
                return self._answer(500, {"error": "internal"})
            if behaviour == "400":
                return self._answer(400, {"error": "bad dossier"})
            if behaviour == "slow":
                time.sleep(state.slow_s)
                return self._answer(503, {"error": "too late"})
            if behaviour == "409_other":
                return self._answer(409, {"error": "conflict", "event_id": "00000000-0000-4000-8000-000000000000"})
            if behaviour == "409_bare":
                return self._answer(409, {"error": "conflict"})
            if state.ok_delay_s and behaviour == "ok":
                time.sleep(state.ok_delay_s)
            new = state.apply(body)
            if behaviour == "apply_then_500":
                return self._answer(500, {"error": "lost answer"})
            if behaviour == "apply_then_slow":
                time.sleep(state.slow_s)
                return self._answer(200, {"ok": True, "duplicate": not new})
            if not new and state.duplicate_status == 409:
                self._answer(409, {"error": "duplicate", "event_id": eid})
            else:
                self._answer(200, {"ok": True, "duplicate": not new})
            with state.lock:
                state.answered_ok.add(eid)

        def do_GET(self) -> None:  # noqa: N802
            if not self._authorised():
                return
            parts = self.path.strip("/").split("/")  # dossiers/<code>/status
            if len(parts) == 3 and parts[0] == "dossiers" and parts[2] == "status":
                with state.lock:
                    status = state.statuses.get(parts[1])
                if status is None:
                    return self._answer(404, {"error": "unknown"})
                return self._answer(200, {"TrangThaiHoSo": status})
            self._answer(404, {"error": "no route"})

    return Handler


class PortalServer:
    def __init__(self, slow_s: float = 0.6) -> None:
        self.state = PortalState(slow_s)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self.state))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> PortalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)

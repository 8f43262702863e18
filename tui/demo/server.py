"""The demo's feeds over real HTTP on 127.0.0.1, one step of the story at a time.

The monitor polls it exactly as it polls a real site: conditional GET, ETag, 304. The step
is moved by whoever drives the demo (`advance()`), never by requests, so a poll that
happens twice within a step (a retry, the dashboard's manual refresh) sees the same feed
and gets a 304 — the replay stays deterministic however the polls fall.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tui.demo.feeds import content_type, etag_for, render_feed
from tui.demo.story import OUTLETS, STEPS, Outlet


@dataclass(frozen=True, slots=True)
class _Rendered:
    body: bytes
    etag: str


class DemoServer:
    """Serves `/<outlet-slug>.xml` for the current step. Use as a context manager."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._lock = threading.Lock()
        self._step = -1  # before the first advance(): the first step is served anyway
        self._cache: dict[tuple[str, int], _Rendered] = {}
        self._served: set[str] = set()  # outlets fetched since the last advance()
        self.requests = 0
        self._httpd = ThreadingHTTPServer((host, port), _make_handler(self))
        self._httpd.daemon_threads = True
        self.host = host
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="storywatch-demo-server",
            daemon=True,
        )

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> DemoServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the story clock ---------------------------------------------------------------------

    @property
    def step(self) -> int:
        """The step being served (0 before the first advance)."""
        with self._lock:
            return max(self._step, 0)

    @property
    def last_step(self) -> int:
        return len(STEPS) - 1

    @property
    def finished(self) -> bool:
        with self._lock:
            return self._step >= self.last_step

    def advance(self) -> bool:
        """Move to the next step. False (and no move) when the story is already over."""
        with self._lock:
            if self._step >= self.last_step:
                return False
            self._step += 1
            self._served.clear()
            return True

    def all_polled(self) -> bool:
        """Has every outlet's feed been fetched since the last advance?

        A live driver waits for this before moving on, so a slow poll never skips a step.
        """
        with self._lock:
            return len(self._served) == len(OUTLETS)

    # -- content -----------------------------------------------------------------------------

    def url(self, outlet: Outlet) -> str:
        return f"http://{self.host}:{self.port}/{outlet.slug}.xml"

    def mark_served(self, outlet: Outlet) -> None:
        with self._lock:
            self._served.add(outlet.slug)

    def feed(self, outlet: Outlet) -> _Rendered:
        step = self.step
        key = (outlet.slug, step)
        with self._lock:
            cached = self._cache.get(key)
        if cached is None:
            body = render_feed(outlet, step)
            cached = _Rendered(body, etag_for(body))
            with self._lock:
                self._cache[key] = cached
        return cached


def _make_handler(server: DemoServer) -> type[BaseHTTPRequestHandler]:
    outlets = {f"/{o.slug}.xml": o for o in OUTLETS}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            server.requests += 1
            outlet = outlets.get(self.path.split("?", 1)[0])
            if outlet is None:
                self._send(404, b"not found\n", {"Content-Type": "text/plain"})
                return
            rendered = server.feed(outlet)
            server.mark_served(outlet)
            headers = {"Content-Type": content_type(outlet), "ETag": rendered.etag}
            wanted = self.headers.get("If-None-Match") or ""
            if rendered.etag in (tag.strip() for tag in wanted.split(",")):
                self._send(304, b"", headers)
                return
            self._send(200, rendered.body, headers)

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # a dashboard is drawing on this terminal: no request log on stderr

    return Handler

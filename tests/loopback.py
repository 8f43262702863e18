"""A small, real HTTP server on 127.0.0.1 whose answers each test scripts.

It runs stdlib's ThreadingHTTPServer in a daemon thread, so the code under test talks to a
real socket: real headers, real chunking, real connection drops. Nothing is mocked.

    with LoopbackServer() as server:
        server.route("/feed.xml", Reply(body=b"<rss/>", headers={"ETag": '"v1"'}))
        server.route("/moved", redirect("/feed.xml"))
        server.route("/flaky", [Reply(status=503), Reply(body=b"<rss/>")])  # last one repeats
        server.route("/cond", conditional(b"<rss/>", etag='"v1"'))  # 304 when it matches
        server.route("/slow", Reply(body=b"x" * 100, drip=0.5))  # one byte per 0.5 s
        server.route("/never", Reply(hang=True))  # accepts, never answers
        url = server.url("/feed.xml")
        ...
        assert server.requests[0].headers["If-None-Match"] == '"v1"'

A route is a `Reply`, a list of them (served in turn, the last one repeated), or a callable
taking the `Recorded` request and returning a `Reply`. Unknown paths get 404. In pytest:

    @pytest.fixture
    def server() -> Iterator[LoopbackServer]:
        with LoopbackServer() as s:
            yield s
"""

from __future__ import annotations

import contextlib
import gzip as gzip_module
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    """One scripted response."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    gzip: bool = False  # gzip `body` and send Content-Encoding: gzip
    # None: send the real length; -1: send none and close the connection to end the body
    # (close-delimited, as old servers do); any other int: send that, even if it lies.
    content_length: int | None = None
    drip: float | None = None  # send the body one byte at a time, sleeping this long between
    hang: bool = False  # read the request, then send nothing until the server stops
    truncate_after: int | None = None  # send only this many body bytes, then drop the connection


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status=status, headers={"Location": location})


@dataclass(frozen=True)
class Recorded:
    """A request as the server saw it."""

    method: str
    path: str
    headers: Mapping[str, str]  # as sent; lookups are case-insensitive via `header()`

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)


Route = Reply | list[Reply] | Callable[[Recorded], Reply]


def conditional(
    body: bytes, *, etag: str | None = None, last_modified: str | None = None
) -> Callable[[Recorded], Reply]:
    """A feed that answers 304 when the client sends back its ETag or Last-Modified."""
    headers = {"Content-Type": "application/rss+xml"}
    if etag:
        headers["ETag"] = etag
    if last_modified:
        headers["Last-Modified"] = last_modified

    def answer(request: Recorded) -> Reply:
        if (etag and request.header("If-None-Match") == etag) or (
            last_modified and request.header("If-Modified-Since") == last_modified
        ):
            return Reply(status=304, headers=headers)
        return Reply(headers=headers, body=body)

    return answer


class LoopbackServer:
    """A scripted HTTP server on 127.0.0.1 and an ephemeral port, running in a thread."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._routes: dict[str, Route] = {}
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd = _QuietServer(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True  # a hung handler must not block shutdown
        self.port: int = self._httpd.server_address[1]
        # A short poll interval keeps stop() (and so each test's teardown) fast.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> LoopbackServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()  # releases hanging and dripping handlers
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, reply: Route) -> str:
        """Script `path` (query string included, if any); returns its full URL."""
        with self._lock:
            self._routes[path] = reply
            self._served[path] = 0
        return self.url(path)

    def hits(self, path: str) -> int:
        """How many requests `path` has had."""
        return sum(1 for r in self.requests if r.path == path)

    def _reply_for(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
            route = self._routes.get(request.path)
            if route is None:
                return Reply(status=404, body=b"not found")
            if isinstance(route, Reply):
                return route
            if isinstance(route, list):
                index = min(self._served[request.path], len(route) - 1)
                self._served[request.path] += 1
                return route[index]
        return route(request)  # outside the lock: a callable may be slow


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients dropping connections is routine in these tests; anything else is a bug.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _make_handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like real feed servers
        # Headers and body go out in separate writes; with Nagle on, each response
        # stalled ~40 ms waiting for the client's delayed ACK.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

        def do_GET(self) -> None:
            request = Recorded(self.command, self.path, dict(self.headers.items()))
            # The client hanging up early is often exactly what the test wanted.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._send(server._reply_for(request))

        do_HEAD = do_GET

        def _send(self, reply: Reply) -> None:
            if reply.hang:
                server.stopping.wait()
                self.close_connection = True
                return
            body = gzip_module.compress(reply.body) if reply.gzip else reply.body
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.gzip:
                self.send_header("Content-Encoding", "gzip")
            if reply.content_length is None:
                self.send_header("Content-Length", str(len(body)))
            elif reply.content_length >= 0:
                self.send_header("Content-Length", str(reply.content_length))
            close = reply.content_length == -1 or reply.truncate_after is not None
            if close:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if self.command == "HEAD":
                return
            if reply.truncate_after is not None:
                body = body[: reply.truncate_after]
            if reply.drip is None:
                self.wfile.write(body)
                return
            for i in range(len(body)):
                if server.stopping.wait(reply.drip if i else 0):
                    break
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()

    return Handler


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released): connecting is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll `predicate` until true or `timeout` passes; for asserting on server-side effects."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()

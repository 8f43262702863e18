"""Loopback HTTP server for the benchmark feeds (stdlib ThreadingHTTPServer, HTTP/1.1).

Serves `/feeds/<i>.xml` for i in [0, N) from memory, with a strong ETag and a
Last-Modified, and answers 304 to a conditional GET whose If-None-Match matches (or,
without one, whose If-Modified-Since is not older than Last-Modified). Optional per-request
latency (`--latency-ms`) and gzip (`--gzip`, when the client accepts it).

`/stats` returns JSON counters (requests, 200s, 304s, conditional requests, bytes sent,
user agents); `/stats/reset` zeroes them. On start it prints one line, `PORT <n>`,
to stdout (port 0 = a random free port).

    uv run python bench/server.py --feeds 100 --entries 50 [--latency-ms 20] [--gzip]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import socket
import sys
import threading
import time
from collections import Counter
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import feedgen

LAST_MODIFIED = format_datetime(feedgen.BASE_TIME, usegmt=True)


class FeedStore:
    def __init__(self, bodies: list[bytes], *, latency: float = 0.0, use_gzip: bool = False):
        self.bodies = bodies
        self.gzipped = [gzip.compress(b, 6) for b in bodies] if use_gzip else None
        self.etags = [f'"{hashlib.sha1(b).hexdigest()[:20]}"' for b in bodies]
        self.latency = latency
        self.lock = threading.Lock()
        self.stats: Counter[str] = Counter()
        self.agents: Counter[str] = Counter()

    def count(self, **kwargs: int) -> None:
        with self.lock:
            self.stats.update(kwargs)

    def snapshot(self) -> dict[str, object]:
        with self.lock:
            return {**self.stats, "user_agents": dict(self.agents)}

    def reset(self) -> None:
        with self.lock:
            self.stats.clear()
            self.agents.clear()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "bench-feeds/1"
    store: FeedStore  # set on the subclass made by `serve`

    def log_message(self, format: str, *args: object) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        # Headers and body in one write: two small writes meet delayed ACKs (40 ms stalls).
        self._headers_buffer.append(b"\r\n")
        if body and self.command != "HEAD":
            self._headers_buffer.append(body)
        self.flush_headers()
        self.store.count(bytes_sent=len(body))

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        store = self.store
        path = self.path.split("?", 1)[0]
        if path == "/stats":
            body = json.dumps(store.snapshot()).encode()
            self._send(200, body, {"Content-Type": "application/json"})
            return
        if path == "/stats/reset":
            store.reset()
            self._send(200, b"{}", {"Content-Type": "application/json"})
            return
        if store.latency:
            time.sleep(store.latency)
        index = _feed_index(path, len(store.bodies))
        if index is None:
            store.count(requests=1, status_404=1)
            self._send(404, b"not found", {"Content-Type": "text/plain"})
            return
        etag = store.etags[index]
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        with store.lock:
            store.stats.update(requests=1, conditional=1 if (inm or ims) else 0)
            store.agents[self.headers.get("User-Agent", "")] += 1
        validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Cache-Control": "max-age=60"}
        if _not_modified(inm, ims, etag):
            store.count(status_304=1)
            self._send(304, b"", validators)
            return
        body = store.bodies[index]
        headers = {"Content-Type": "application/rss+xml; charset=utf-8", **validators}
        if feedgen.is_atom(index):
            headers["Content-Type"] = "application/atom+xml; charset=utf-8"
        if store.gzipped is not None and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = store.gzipped[index]
            headers["Content-Encoding"] = "gzip"
        headers["Vary"] = "Accept-Encoding"
        store.count(status_200=1)
        self._send(200, body, headers)


def _feed_index(path: str, n: int) -> int | None:
    if not (path.startswith("/feeds/") and path.endswith(".xml")):
        return None
    stem = path[len("/feeds/") : -len(".xml")]
    if not stem.isdigit() or int(stem) >= n:
        return None
    return int(stem)


def _not_modified(inm: str | None, ims: str | None, etag: str) -> bool:
    if inm is not None:  # RFC 9110: If-None-Match wins over If-Modified-Since
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return etag in tags or "*" in tags
    if ims:
        try:
            return parsedate_to_datetime(ims) >= feedgen.BASE_TIME
        except (TypeError, ValueError):
            return False
    return False


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # The listen backlog: the default 5 drops SYNs when 8+ clients connect at once, and
    # each dropped SYN costs the client a 1 s retransmit.
    request_queue_size = 256


def serve(store: FeedStore, port: int = 0) -> ThreadingHTTPServer:
    handler = type("BoundHandler", (Handler,), {"store": store})
    return Server(("127.0.0.1", port), handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--gzip", action="store_true")
    args = parser.parse_args()
    bodies = feedgen.make_feeds(args.feeds, args.entries, args.seed)
    store = FeedStore(bodies, latency=args.latency_ms / 1000, use_gzip=args.gzip)
    server = serve(store, args.port)
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()

"""Fetcher against a real HTTP server on 127.0.0.1 (tests/loopback.py) and real files."""

from __future__ import annotations

import asyncio
import gc
import os
import socket
import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator
from email.utils import formatdate
from pathlib import Path

import httpx
import pytest

from tests.loopback import LoopbackServer, Reply, closed_port, conditional, redirect
from tui.core.config import Settings
from tui.core.fetch import ACCEPT, ACCEPT_ENCODING, Fetcher

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
MB = 1024 * 1024


def settings(**overrides: float | int) -> Settings:
    values: dict[str, float | int] = {"timeout": 5, "deadline": 10}
    values.update(overrides)
    return Settings.model_validate(values)


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with Fetcher(settings()) as f:
        yield f


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """~200 KB of gzip that inflates to 200 MB of zeros, built without holding 200 MB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MB)
    parts = [compressor.compress(zeros) for _ in range(200)]
    return b"".join([*parts, compressor.flush()])


async def test_200_returns_body_validators_and_sends_polite_headers(
    server: LoopbackServer, fetcher: Fetcher
) -> None:
    url = server.route(
        "/feed.xml",
        Reply(
            body=FEED,
            headers={
                "ETag": '"v1"',
                "Last-Modified": "Tue, 01 Oct 2024 10:00:00 GMT",
                "Content-Type": "application/rss+xml",
                "Cache-Control": "public, max-age=300",
            },
        ),
    )
    result = await fetcher.fetch(url)
    assert (result.status, result.http_status, result.error) == ("ok", 200, None)
    assert result.body == FEED
    assert result.etag == '"v1"'
    assert result.last_modified == "Tue, 01 Oct 2024 10:00:00 GMT"
    assert result.headers["content-type"] == "application/rss+xml"
    assert result.max_age == 300
    assert result.bytes_read == len(FEED)
    sent = server.requests[0]
    assert sent.header("Accept") == ACCEPT
    assert sent.header("Accept-Encoding") == ACCEPT_ENCODING == "gzip, deflate"  # no brotli here
    assert (sent.header("User-Agent") or "").startswith("storywatch/")
    assert sent.header("If-None-Match") is None


async def test_conditional_get_gives_not_modified(server: LoopbackServer, fetcher: Fetcher) -> None:
    stamp = "Tue, 01 Oct 2024 10:00:00 GMT"
    url = server.route("/feed.xml", conditional(FEED, etag='"v1"', last_modified=stamp))
    first = await fetcher.fetch(url)
    again = await fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert (again.status, again.http_status, again.body, again.error) == (
        "not_modified",
        304,
        None,
        None,
    )
    assert server.requests[1].header("If-None-Match") == '"v1"'
    assert server.requests[1].header("If-Modified-Since") == stamp


async def test_gzip_body_is_inflated(server: LoopbackServer, fetcher: Fetcher) -> None:
    url = server.route("/gz", Reply(body=FEED * 50, gzip=True))
    result = await fetcher.fetch(url)
    assert result.body == FEED * 50
    assert result.bytes_read < len(FEED * 50)  # counted off the wire, still compressed


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
async def test_deflate_both_flavours(server: LoopbackServer, fetcher: Fetcher, wbits: int) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    body = packer.compress(FEED) + packer.flush()
    url = server.route("/d", Reply(body=body, headers={"Content-Encoding": "deflate"}))
    assert (await fetcher.fetch(url)).body == FEED


async def test_500_is_an_error_sentence(server: LoopbackServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(server.route("/x", Reply(status=500, body=b"oops")))
    assert (result.status, result.http_status) == ("error", 500)
    assert result.error == "HTTP 500 Internal Server Error"
    assert result.body is None


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [
        ("120", 120.0),
        # Measured against the response's own Date header: immune to our clock skew.
        ("{in 90 s}", 90.0),
    ],
    ids=["seconds", "http-date"],
)
async def test_429_retry_after(
    server: LoopbackServer, fetcher: Fetcher, retry_after: str, expected: float
) -> None:
    value = retry_after.replace("{in 90 s}", formatdate(time.time() + 90, usegmt=True))
    url = server.route("/busy", Reply(status=429, headers={"Retry-After": value}))
    result = await fetcher.fetch(url)
    assert result.error == "HTTP 429 Too Many Requests"
    assert result.retry_after == pytest.approx(expected, abs=3)


async def test_slow_drip_hits_the_total_deadline(server: LoopbackServer) -> None:
    url = server.route("/drip", Reply(body=b"x" * 100, drip=0.5))
    async with Fetcher(settings(timeout=5, deadline=2)) as fetcher:
        result = await fetcher.fetch(url)
    assert result.error == "timed out after 2 s (deadline)"
    assert 1.9 <= result.elapsed < 4
    assert 0 < result.bytes_read < 100  # some bytes did arrive: per-read timeouts never fired


async def test_hang_times_out(server: LoopbackServer) -> None:
    async with Fetcher(settings(timeout=1, deadline=5)) as fetcher:
        result = await fetcher.fetch(server.route("/hang", Reply(hang=True)))
    assert result.error == "no data from 127.0.0.1 for 1 s (timeout)"
    assert result.elapsed < 3


async def test_gzip_bomb_is_capped_in_memory(server: LoopbackServer, gzip_bomb: bytes) -> None:
    url = server.route("/bomb", Reply(body=gzip_bomb, headers={"Content-Encoding": "gzip"}))
    async with Fetcher(settings(max_body_bytes=MB)) as fetcher:
        gc.collect()
        tracemalloc.start()
        try:
            result = await fetcher.fetch(url)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    print(f"gzip bomb: {len(gzip_bomb) / 1024:.0f} KB on the wire, peak {peak / MB:.2f} MB traced")
    assert result.error == "response larger than 1 MB after decompression (limit max_body_bytes)"
    assert peak < 10 * MB


async def test_huge_body_without_content_length(server: LoopbackServer) -> None:
    url = server.route("/big", Reply(body=bytes(3 * MB), content_length=-1))
    async with Fetcher(settings(max_body_bytes=MB)) as fetcher:
        result = await fetcher.fetch(url)
    assert result.error == "response larger than 1 MB after decompression (limit max_body_bytes)"
    assert result.bytes_read < 2 * MB  # stopped reading soon after the cap


async def test_content_length_over_cap_is_refused_before_reading(server: LoopbackServer) -> None:
    # The server claims 20 MB but would drip: reading any of it would take many seconds.
    url = server.route("/claims", Reply(body=b"x" * 10, content_length=20 * MB, drip=1))
    async with Fetcher(settings(max_body_bytes=MB)) as fetcher:
        result = await fetcher.fetch(url)
    assert (
        result.error == "response is 20 MB (Content-Length), over the 1 MB limit (max_body_bytes)"
    )
    assert result.bytes_read == 0
    assert result.elapsed < 1


async def test_redirect_loop(server: LoopbackServer, fetcher: Fetcher) -> None:
    server.route("/a", redirect("/b"))
    server.route("/b", redirect("/a"))
    result = await fetcher.fetch(server.url("/a"))
    assert result.error == f"redirect loop: {server.url('/b')} -> {server.url('/a')}"


async def test_too_many_redirects(server: LoopbackServer, fetcher: Fetcher) -> None:
    for hop in range(7):
        server.route(f"/r{hop}", redirect(f"/r{hop + 1}"))
    server.route("/r7", Reply(body=FEED))
    assert (await fetcher.fetch(server.url("/r2"))).status == "ok"  # five hops are fine
    assert (await fetcher.fetch(server.url("/r1"))).error == "too many redirects (>5)"


async def test_redirect_to_ftp(server: LoopbackServer, fetcher: Fetcher) -> None:
    result = await fetcher.fetch(server.route("/ftp", redirect("ftp://example.org/feed.xml")))
    assert result.error == "redirect to unsupported scheme 'ftp' (ftp://example.org/feed.xml)"


async def test_relative_redirect_is_resolved(server: LoopbackServer, fetcher: Fetcher) -> None:
    server.route("/news/old", redirect("feed.xml", status=301))
    server.route("/news/feed.xml", Reply(body=FEED))
    result = await fetcher.fetch(server.url("/news/old"))
    assert (result.status, result.body) == ("ok", FEED)
    assert result.url == server.url("/news/old")
    assert result.final_url == server.url("/news/feed.xml")


async def test_connection_refused(fetcher: Fetcher) -> None:
    port = closed_port()
    result = await fetcher.fetch(f"http://127.0.0.1:{port}/feed")
    assert result.error == f"connection refused by 127.0.0.1:{port}"


async def test_reserved_invalid_name_fails_fast_offline(fetcher: Fetcher) -> None:
    result = await fetcher.fetch("http://nope.invalid/feed.xml")
    assert result.error == "host name not found: nope.invalid"
    assert result.elapsed < 1


class _UnresolvableTransport(httpx.AsyncBaseTransport):
    """Stands in for the OS resolver failing, which a test cannot cause reliably offline."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc


async def test_resolver_failure_is_named() -> None:
    async with Fetcher(settings(), transport=_UnresolvableTransport()) as fetcher:
        result = await fetcher.fetch("https://feeds.example.net/rss")
    assert result.error == "host name not found: feeds.example.net"


async def test_empty_200_is_ok_and_left_to_the_parser(
    server: LoopbackServer, fetcher: Fetcher
) -> None:
    result = await fetcher.fetch(server.route("/empty", Reply(body=b"")))
    assert (result.status, result.body, result.error) == ("ok", b"", None)


async def test_truncated_body(server: LoopbackServer, fetcher: Fetcher) -> None:
    url = server.route("/cut", Reply(body=FEED, content_length=len(FEED) + 500, truncate_after=20))
    result = await fetcher.fetch(url)
    assert result.status == "error"
    assert result.error is not None
    assert result.error.startswith(
        "127.0.0.1 closed the connection before the whole response arrived"
    )


async def test_local_path_and_file_url(tmp_path: Path, fetcher: Fetcher) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(FEED)
    by_path = await fetcher.fetch(str(path))
    by_url = await fetcher.fetch(path.as_uri())
    for result in (by_path, by_url):
        assert (result.status, result.http_status, result.body) == ("ok", None, FEED)
        assert result.etag is not None
    unchanged = await fetcher.fetch(path.as_uri(), etag=by_url.etag)
    assert (unchanged.status, unchanged.body) == ("not_modified", None)
    path.write_bytes(FEED + b"\n")
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    assert (await fetcher.fetch(str(path), etag=by_path.etag)).status == "ok"


async def test_local_file_errors(tmp_path: Path, fetcher: Fetcher) -> None:
    missing = tmp_path / "gone.xml"
    assert (await fetcher.fetch(str(missing))).error == f"file not found: {missing}"
    assert (await fetcher.fetch(missing.as_uri())).error == f"file not found: {missing}"
    directory = await fetcher.fetch(str(tmp_path))
    assert directory.error == f"{tmp_path} is a directory, not a feed file"


async def test_local_file_over_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(bytes(2 * MB))
    async with Fetcher(settings(max_body_bytes=MB)) as fetcher:
        result = await fetcher.fetch(str(path))
    assert result.error == "response larger than 1 MB after decompression (limit max_body_bytes)"


async def test_cancellation_propagates(server: LoopbackServer, fetcher: Fetcher) -> None:
    """Ctrl-C must stop a fetch: CancelledError is never turned into an error result."""
    task = asyncio.create_task(fetcher.fetch(server.route("/hang", Reply(hang=True))))
    await asyncio.sleep(0.2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_concurrent_fetches_share_one_client(server: LoopbackServer) -> None:
    urls = [server.route(f"/f{i}", Reply(body=FEED, drip=0.002)) for i in range(12)]
    async with Fetcher(settings(concurrency=4)) as fetcher:
        started = time.monotonic()
        results = await asyncio.gather(*(fetcher.fetch(url) for url in urls))
        took = time.monotonic() - started
    assert all(r.body == FEED for r in results)
    assert took < 5

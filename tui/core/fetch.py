"""Polite, bounded fetching of one feed URL (http, https, a local path or file://).

httpx lives behind this module only, so swapping it is one file. Every fetch is bounded
in time (a total deadline, not only httpx's per-read timeout) and in memory (the body is
inflated by hand with a hard cap, so a gzip bomb never expands past `max_body_bytes`).
`Fetcher.fetch` never raises except `CancelledError`: failures become an error result
whose `error` is a sentence the user can act on.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import sys
import time
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Literal
from urllib.parse import urljoin, urlsplit

# httpx's __init__ imports its command-line client, `httpx._main`, only to re-export `main`;
# that pulls in rich, click and pygments (a fifth of a 304 poll's start-up, ~10 MB). An
# empty stand-in makes the import fail softly: httpx then defines a stub `main` instead.
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", types.ModuleType("httpx._main"))

import httpx

from tui.core.config import Settings
from tui.core.fetch_body import (
    ACCEPT_ENCODING,
    CappedInflater,
    FetchError,
    describe_size,
    file_path,
    read_file,
)
from tui.core.http11 import LeanTransport
from tui.core.schedule import parse_max_age, parse_retry_after

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
)
MAX_REDIRECTS = 5
PERMANENT_REDIRECTS = frozenset({301, 308})


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # the URL asked for
    final_url: str  # after redirects
    # Where a permanent redirect (301/308) at the start of the chain says the feed now
    # lives; None when there was none. Only an unbroken run of permanent hops counts.
    moved_to: str | None
    status: Literal["ok", "not_modified", "error"]
    http_status: int | None
    body: bytes | None  # decompressed body, only for "ok"
    headers: Mapping[str, str]  # lower-cased names; hand to feedparser
    etag: str | None  # verbatim, to store and send back
    last_modified: str | None
    retry_after: float | None  # seconds, clamped to [0, 24 h]
    max_age: float | None  # Cache-Control max-age, seconds, clamped
    error: str | None  # one sentence a user can act on
    elapsed: float
    bytes_read: int  # raw bytes off the wire (or the disk)


@dataclass(slots=True)
class _Partial:
    """What is known so far about a fetch, so an error late on still reports it."""

    final_url: str
    moved_to: str | None = None
    http_status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    bytes_read: int = 0


def _reason(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _describe_exception(exc: BaseException, url: str, settings: Settings) -> str:
    """Turn any failure into one sentence naming what to check."""
    if isinstance(exc, FetchError):
        return str(exc)
    parts = urlsplit(url)
    host = parts.hostname or url
    where = f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    chain: list[BaseException] = []
    cursor: BaseException | None = exc
    while cursor is not None and len(chain) < 10:
        chain.append(cursor)
        cursor = cursor.__cause__ or cursor.__context__
    if any(isinstance(e, socket.gaierror) for e in chain):
        return f"host name not found: {host}"
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return f"connection refused by {where}"
    if any(isinstance(e, ssl.SSLCertVerificationError) for e in chain):
        return f"TLS certificate of {host} not trusted: {exc}"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"could not connect to {where} within {settings.timeout:g} s (timeout)"
    if isinstance(exc, httpx.TimeoutException):
        return f"no data from {host} for {settings.timeout:g} s (timeout)"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} closed the connection before the whole response arrived ({exc})"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if "name or service" in text or "nodename" in text or "getaddrinfo" in text:
            return f"host name not found: {host}"
        return f"could not connect to {where}: {exc}"
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return f"invalid URL {url!r}: {exc}"
    if isinstance(exc, httpx.HTTPError | OSError):
        return f"network error talking to {host}: {exc}"
    return f"unexpected error fetching {url}: {type(exc).__name__}: {exc}"


async def _check_redirect_target(response: httpx.Response) -> None:
    """Refuse a redirect to another scheme before httpx builds a request for it.

    httpx prepares the next request even with follow_redirects=False, and for a Location
    such as `javascript:x` it raises an InvalidURL that names the feed's own URL instead.
    """
    if not response.has_redirect_location:
        return
    location = response.headers["location"]
    try:
        target = urljoin(str(response.request.url), location)
        scheme = urlsplit(target).scheme.lower()
        httpx.URL(target)
    except (ValueError, httpx.InvalidURL):  # urlsplit raises ValueError for "http://[::1"
        raise FetchError(f"redirect to an invalid URL: {location!r}") from None
    if scheme not in ("http", "https"):
        raise FetchError(f"redirect to unsupported scheme {scheme!r} ({target})")


class Fetcher:
    """One shared HTTP client; at most `settings.concurrency` fetches at a time."""

    def __init__(
        self,
        settings: Settings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self._clock = clock
        # The deadline starts once a fetch has its slot, so queued fetches don't time out.
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._client = httpx.AsyncClient(
            headers={
                "User-Agent": settings.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            timeout=httpx.Timeout(settings.timeout),
            limits=httpx.Limits(
                max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency
            ),
            follow_redirects=False,  # followed by hand: scheme check, loop check, hop count
            event_hooks={"response": [_check_redirect_target]},
            # A fifth of httpx's own per-request cost, for what a poller needs (http11.py).
            transport=transport or LeanTransport(max_idle=settings.concurrency),
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        async with self._slots:
            started = self._clock()
            partial = _Partial(final_url=url)
            deadline = asyncio.timeout(self._settings.deadline)
            try:
                async with deadline:
                    return await self._fetch(url, etag, last_modified, partial, started)
            except Exception as exc:  # every failure becomes a result; CancelledError propagates
                if isinstance(exc, TimeoutError) and deadline.expired():
                    message = f"timed out after {self._settings.deadline:g} s (deadline)"
                else:
                    message = _describe_exception(exc, partial.final_url, self._settings)
            return self._result(url, partial, "error", started, error=message)

    def _result(
        self,
        url: str,
        partial: _Partial,
        status: Literal["ok", "not_modified", "error"],
        started: float,
        *,
        body: bytes | None = None,
        error: str | None = None,
    ) -> FetchResult:
        headers = partial.headers
        retry_after = None
        if "retry-after" in headers:
            now = datetime.now(UTC)
            # The server's own Date keeps our clock skew out of the wait.
            with contextlib.suppress(KeyError, TypeError, ValueError, IndexError):
                now = parsedate_to_datetime(headers["date"])
            retry_after = parse_retry_after(headers["retry-after"], now)
        max_age = parse_max_age(headers["cache-control"]) if "cache-control" in headers else None
        return FetchResult(
            url=url,
            final_url=partial.final_url,
            moved_to=partial.moved_to,
            status=status,
            http_status=partial.http_status,
            body=body,
            headers=dict(headers),
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            retry_after=retry_after,
            max_age=max_age,
            error=error,
            elapsed=self._clock() - started,
            bytes_read=partial.bytes_read,
        )

    async def _fetch(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        partial: _Partial,
        started: float,
    ) -> FetchResult:
        path = file_path(url)
        if path is not None:
            limit = self._settings.max_body_bytes
            file_etag, data, modified = await asyncio.to_thread(read_file, path, limit, etag)
            partial.headers = {"etag": file_etag, "last-modified": modified}
            partial.bytes_read = len(data or b"")
            status: Literal["ok", "not_modified"] = "ok" if data is not None else "not_modified"
            return self._result(url, partial, status, started, body=data)

        conditional: dict[str, str] = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        current = url
        visited = {url}
        permanent_so_far = True  # a permanent hop after a temporary one moves nothing
        for _hop in range(MAX_REDIRECTS + 1):
            partial.final_url = current
            host = urlsplit(current).hostname or ""
            if host.rstrip(".").lower().endswith(".invalid"):
                # RFC 6761: ".invalid" never resolves; don't wait on an offline resolver.
                raise FetchError(f"host name not found: {host}")
            request = self._client.build_request("GET", current, headers=conditional)
            response = await self._client.send(request, stream=True)
            try:
                partial.http_status = response.status_code
                partial.headers = {k.lower(): v for k, v in response.headers.items()}
                if response.has_redirect_location:
                    target = urljoin(current, response.headers["location"])
                    scheme = urlsplit(target).scheme.lower()
                    if scheme not in ("http", "https"):
                        raise FetchError(f"redirect to unsupported scheme {scheme!r} ({target})")
                    if target in visited:
                        raise FetchError(f"redirect loop: {current} -> {target}")
                    visited.add(target)
                    if response.status_code in PERMANENT_REDIRECTS and permanent_so_far:
                        partial.moved_to = target
                    else:
                        permanent_so_far = False
                    current = target
                    continue
                if response.status_code == 304:
                    # A 304 has no body; reading its (empty) end lets httpx keep the
                    # connection, so the common "unchanged" poll costs no new TCP/TLS setup.
                    await response.aread()
                    return self._result(url, partial, "not_modified", started)
                if not response.is_success:
                    return self._result(
                        url, partial, "error", started, error=_reason(response.status_code)
                    )
                body = await self._read_body(response, partial)
                return self._result(url, partial, "ok", started, body=body)
            finally:
                await response.aclose()
        raise FetchError(f"too many redirects (>{MAX_REDIRECTS})")

    async def _read_body(self, response: httpx.Response, partial: _Partial) -> bytes:
        limit = self._settings.max_body_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            # Inflating hardly ever shrinks a body: refuse before reading a byte.
            raise FetchError(
                f"response is {describe_size(int(declared))} (Content-Length), over the "
                f"{describe_size(limit)} limit (max_body_bytes)"
            )
        encoding = response.headers.get("content-encoding", "").strip().lower()
        inflater = CappedInflater(encoding, limit)
        async for chunk in response.aiter_raw():
            partial.bytes_read += len(chunk)
            inflater.feed(chunk)
        return inflater.finish()

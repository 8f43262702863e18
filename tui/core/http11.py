"""A lean HTTP/1.1 transport for httpx: asyncio streams and h11, keep-alive, nothing else.

httpx's own transport goes through httpcore's connection pool and anyio's socket streams:
for a conditional GET answered 304 that is ~1 ms of CPU, measured (bench/poll.py), of
which the bytes on the wire are a few microseconds. An all-304 poll of 500 feeds spent
most of its time there. This transport keeps httpx's client (requests, responses,
headers, timeouts, redirects by hand in `fetch`, proxies from the environment, which
httpx mounts on transports of its own) and does only what a feed poller needs: one
request at a time per connection, kept alive per origin, bodies streamed as they arrive.

Failures are raised as the httpx exceptions httpcore would give, with the OS error as
their cause (`fetch._describe_exception` reads the chain): ConnectError/ConnectTimeout,
ReadTimeout/WriteTimeout, ReadError/WriteError, RemoteProtocolError.
"""

from __future__ import annotations

import asyncio
import select
import ssl
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import h11
import httpx

DEFAULT_PORTS = {"http": 80, "https": 443}
READ_SIZE = 64 * 1024
# Like httpx's default: an idle connection older than this may have been dropped by the
# server or a middlebox, so it is closed rather than reused.
KEEPALIVE_EXPIRY = 5.0

Origin = tuple[str, str, int]


@dataclass(eq=False)
class _Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    h11: h11.Connection = field(default_factory=lambda: h11.Connection(h11.CLIENT))
    idle_since: float = 0.0

    def usable(self, now: float) -> bool:
        """May this idle connection carry another request? Not if the server closed it,
        sent something unasked for, or it sat idle past the expiry."""
        if self.writer.is_closing() or self.reader.at_eof():
            return False
        if now - self.idle_since > KEEPALIVE_EXPIRY:
            return False
        return not _readable(self.writer.get_extra_info("socket"))

    def close(self) -> None:
        self.writer.close()


def _readable(sock: Any) -> bool:
    """Data (or EOF) waiting on an idle socket means it cannot be reused."""
    if sock is None or sock.fileno() < 0:
        return True
    if sys.platform == "win32" or not hasattr(select, "poll"):
        ready, _, _ = select.select([sock.fileno()], [], [], 0)
        return bool(ready)
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLIN)
    return bool(poller.poll(0))


class _Stale(Exception):
    """A kept-alive connection was found closed before any byte of the response."""


class LeanTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 for http and https URLs; at most `max_idle` idle connections per origin."""

    def __init__(
        self,
        *,
        max_idle: int = 8,
        ssl_context: Callable[[], ssl.SSLContext] = httpx.create_ssl_context,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max_idle = max_idle
        self._make_ssl_context = ssl_context
        self._ssl_context: ssl.SSLContext | None = None  # built on the first https request
        self._idle: dict[Origin, list[_Connection]] = {}
        self._clock = clock
        self.connections_opened = 0  # for tests: keep-alive really reuses

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if url.scheme not in DEFAULT_PORTS:
            raise httpx.UnsupportedProtocol(f"unsupported scheme {url.scheme!r}", request=request)
        origin = (url.scheme, url.host, url.port or DEFAULT_PORTS[url.scheme])
        timeouts = request.extensions.get("timeout", {})
        connection = self._take_idle(origin)
        if connection is not None:
            try:
                return await self._exchange(connection, origin, request, timeouts, reused=True)
            except _Stale:
                pass  # closed by the server while idle: once more, on a new connection
        connection = await self._connect(origin, request, timeouts.get("connect"))
        return await self._exchange(connection, origin, request, timeouts, reused=False)

    def _take_idle(self, origin: Origin) -> _Connection | None:
        idle = self._idle.get(origin)
        now = self._clock()
        while idle:
            connection = idle.pop()
            if connection.usable(now):
                return connection
            connection.close()
        return None

    def _release(self, origin: Origin, connection: _Connection) -> None:
        state = connection.h11
        if state.our_state is h11.DONE and state.their_state is h11.DONE:
            try:
                state.start_next_cycle()
            except h11.LocalProtocolError:
                connection.close()
                return
            idle = self._idle.setdefault(origin, [])
            if len(idle) < self._max_idle:
                connection.idle_since = self._clock()
                idle.append(connection)
                return
        connection.close()

    async def _connect(
        self, origin: Origin, request: httpx.Request, seconds: float | None
    ) -> _Connection:
        scheme, host, port = origin
        context = None
        if scheme == "https":
            if self._ssl_context is None:
                self._ssl_context = self._make_ssl_context()
            context = self._ssl_context
        try:
            async with asyncio.timeout(seconds):
                reader, writer = await asyncio.open_connection(
                    host,
                    port,
                    ssl=context,
                    server_hostname=host if context else None,
                    happy_eyeballs_delay=0.25,
                    limit=READ_SIZE,
                )
        except TimeoutError as exc:
            raise httpx.ConnectTimeout(f"timed out connecting to {host}", request=request) from exc
        except OSError as exc:  # DNS, refused, unreachable, TLS (ssl.SSLError is an OSError)
            raise httpx.ConnectError(str(exc) or type(exc).__name__, request=request) from exc
        self.connections_opened += 1
        return _Connection(reader, writer)

    async def _exchange(
        self,
        connection: _Connection,
        origin: Origin,
        request: httpx.Request,
        timeouts: dict[str, float | None],
        *,
        reused: bool,
    ) -> httpx.Response:
        """Send the request and read the response head; the body streams afterwards."""
        try:
            state = connection.h11
            target = request.url.raw_path
            head = h11.Request(method=request.method, target=target, headers=request.headers.raw)
            await self._send(connection, request, state.send(head), timeouts)
            async for chunk in request.stream:  # type: ignore[union-attr]
                await self._send(connection, request, state.send(h11.Data(chunk)), timeouts)
            await self._send(connection, request, state.send(h11.EndOfMessage()), timeouts)
            while True:
                event = await _next_event(connection, request, timeouts.get("read"), reused)
                if isinstance(event, h11.Response):
                    break
                reused = False  # an informational (1xx) response: the server is there
        except BaseException:
            connection.close()
            raise
        return httpx.Response(
            status_code=event.status_code,
            headers=list(event.headers.raw_items()),  # names as the server spelled them
            stream=_Body(self, connection, origin, request, timeouts.get("read")),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": bytes(event.reason)},
        )

    async def _send(
        self,
        connection: _Connection,
        request: httpx.Request,
        data: bytes | None,
        timeouts: dict[str, float | None],
    ) -> None:
        if not data:
            return
        try:
            async with asyncio.timeout(timeouts.get("write")):
                connection.writer.write(data)
                await connection.writer.drain()
        except TimeoutError as exc:
            raise httpx.WriteTimeout("timed out sending the request", request=request) from exc
        except OSError as exc:
            raise httpx.WriteError(str(exc) or type(exc).__name__, request=request) from exc

    async def aclose(self) -> None:
        for idle in self._idle.values():
            for connection in idle:
                connection.close()
        self._idle.clear()


async def _next_event(
    connection: _Connection, request: httpx.Request, seconds: float | None, reused: bool = False
) -> Any:
    """The next h11 event, reading from the socket as needed. On a kept-alive connection
    that closes before the first byte, `_Stale` (the caller tries a new connection)."""
    state = connection.h11
    while True:
        try:
            event = state.next_event()
        except h11.RemoteProtocolError as exc:
            raise httpx.RemoteProtocolError(str(exc), request=request) from exc
        if event is not h11.NEED_DATA:
            return event
        try:
            async with asyncio.timeout(seconds):
                data = await connection.reader.read(READ_SIZE)
        except TimeoutError as exc:
            raise httpx.ReadTimeout("timed out reading the response", request=request) from exc
        except OSError as exc:
            if reused:
                raise _Stale from exc
            raise httpx.ReadError(str(exc) or type(exc).__name__, request=request) from exc
        if reused:
            if not data:
                raise _Stale
            reused = False  # the server answered: whatever follows is this response's
        state.receive_data(data)


class _Body(httpx.AsyncByteStream):
    """A response body as it arrives; the connection goes back to the pool at its end."""

    def __init__(
        self,
        transport: LeanTransport,
        connection: _Connection,
        origin: Origin,
        request: httpx.Request,
        timeout: float | None,
    ) -> None:
        self._transport = transport
        self._connection: _Connection | None = connection
        self._origin = origin
        self._request = request
        self._timeout = timeout

    async def __aiter__(self) -> AsyncIterator[bytes]:
        connection = self._connection
        if connection is None:
            return
        try:
            while True:
                event = await _next_event(connection, self._request, self._timeout)
                if isinstance(event, h11.Data):
                    yield bytes(event.data)
                elif isinstance(event, h11.EndOfMessage):
                    break
                elif isinstance(event, h11.ConnectionClosed):
                    raise httpx.RemoteProtocolError(
                        "connection closed before the body ended", request=self._request
                    )
        except BaseException:
            self._connection = None
            connection.close()
            raise
        self._connection = None
        self._transport._release(self._origin, connection)

    async def aclose(self) -> None:
        # A body not read to its end leaves the connection mid-response: it cannot be reused.
        if self._connection is not None:
            self._connection.close()
            self._connection = None

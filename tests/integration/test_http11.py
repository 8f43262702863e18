"""The lean HTTP/1.1 transport (`tui.core.http11`) on real sockets: TLS, keep-alive, and a
kept-alive connection the server dropped. (Plain-HTTP failures are in test_fetch.py and
tests/faults/test_network.py, which run through it.)"""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.loopback import LoopbackServer, Reply
from tui.core.config import Settings
from tui.core.fetch import Fetcher
from tui.core.http11 import LeanTransport

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
SETTINGS = Settings.model_validate({"timeout": 5, "deadline": 10})


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made by the openssl command)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed: cannot make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_server(certificate: tuple[Path, Path]) -> Iterator[LoopbackServer]:
    cert, key = certificate
    server = LoopbackServer()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server._httpd.socket = context.wrap_socket(server._httpd.socket, server_side=True)
    with server:
        yield server


def https_url(server: LoopbackServer, path: str) -> str:
    return server.url(path).replace("http://", "https://")


async def test_https_with_a_trusted_certificate_keeps_one_connection(
    tls_server: LoopbackServer, certificate: tuple[Path, Path]
) -> None:
    url = https_url(tls_server, "/feed.xml")
    tls_server.route("/feed.xml", Reply(body=FEED, headers={"ETag": '"v1"'}))
    transport = LeanTransport(ssl_context=lambda: ssl.create_default_context(cafile=certificate[0]))
    async with Fetcher(SETTINGS, transport=transport) as fetcher:
        first = await fetcher.fetch(url)
        second = await fetcher.fetch(url)
    assert (first.status, first.body, first.etag) == ("ok", FEED, '"v1"')
    assert second.status == "ok"
    assert transport.connections_opened == 1  # the TLS handshake happened once


async def test_https_with_an_untrusted_certificate_is_named(
    tls_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    url = https_url(tls_server, "/feed.xml")
    tls_server.route("/feed.xml", Reply(body=FEED))
    async with Fetcher(SETTINGS) as fetcher:  # the default transport, the system's trust
        result = await fetcher.fetch(url)
    assert result.status == "error"
    assert result.error is not None
    assert result.error.startswith("TLS certificate of 127.0.0.1 not trusted")


@pytest.fixture
async def drops_second_request() -> AsyncIterator[tuple[str, list[int]]]:
    """A server that answers the first request of each connection and then, like one whose
    idle timeout fires just as the next request arrives, closes without answering."""
    served: list[int] = []
    connections = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        number = connections
        await reader.readuntil(b"\r\n\r\n")
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: keep-alive\r\n\r\n%s"
            % (len(FEED), FEED)
        )
        await writer.drain()
        served.append(number)
        await reader.readuntil(b"\r\n\r\n")  # the next request: dropped unanswered
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        yield f"http://127.0.0.1:{port}/feed.xml", served
        server.close()


async def test_a_dropped_kept_alive_connection_is_retried_on_a_new_one(
    drops_second_request: tuple[str, list[int]],
) -> None:
    url, served = drops_second_request
    transport = LeanTransport()
    async with Fetcher(SETTINGS, transport=transport) as fetcher:
        first = await fetcher.fetch(url)
        second = await fetcher.fetch(url)
    assert (first.status, second.status) == ("ok", "ok"), second.error
    assert served == [1, 2]  # the second answer came from a second connection
    assert transport.connections_opened == 2

"""Bounded bodies: inflating a response with a hard cap, and reading local feed files.

No httpx here: these are the parts of fetching that a swap of HTTP client keeps.
A gzip bomb must never expand past `max_body_bytes` in memory, so bodies are inflated
by hand in slices instead of letting the client decode them.
"""

from __future__ import annotations

import importlib
import os
import zlib
from email.utils import formatdate
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

# Inflate in slices this big: memory stays flat even when one network chunk is a bomb.
_INFLATE_STEP = 64 * 1024


def _load_brotli() -> Any:
    for name in ("brotli", "brotlicffi"):
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    return None


_brotli = _load_brotli()
# Only advertise what we can inflate ourselves: httpx's own decoding is bypassed.
ACCEPT_ENCODING = "gzip, deflate, br" if _brotli else "gzip, deflate"


class FetchError(Exception):
    """A failure whose message is already fit for the user."""


def describe_size(n: int) -> str:
    return f"{n / 1_048_576:g} MB" if n >= 1_048_576 else f"{n / 1024:g} KB"


def _too_large(limit: int) -> FetchError:
    return FetchError(
        f"response larger than {describe_size(limit)} after decompression (limit max_body_bytes)"
    )


class CappedInflater:
    """Inflate one Content-Encoding incrementally, never holding more than `limit` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.body = bytearray()
        self.encoding = encoding
        self._raw_deflate_tried = False
        self._zlib: Any = None
        self._brotli: Any = None
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)  # zlib-wrapped, per the RFC...
        elif encoding == "br" and _brotli is not None:
            self._brotli = _brotli.Decompressor()
        elif encoding not in ("", "identity"):
            raise FetchError(f"server used an unsupported Content-Encoding {encoding!r}")

    def _append(self, data: bytes) -> None:
        if len(self.body) + len(data) > self.limit:
            raise _too_large(self.limit)
        self.body += data

    def feed(self, raw: bytes) -> None:
        if self._zlib is not None:
            self._inflate(raw)
        elif self._brotli is not None:
            # brotli has no output limit: feed small slices and check after each.
            for i in range(0, len(raw), 1024):
                self._append(self._brotli.process(raw[i : i + 1024]))
        else:
            self._append(raw)

    def _inflate(self, data: bytes) -> None:
        try:
            while data and not self._zlib.eof:
                room = self.limit - len(self.body)
                # Ask for one byte more than fits: getting it proves the body is too big.
                self._append(self._zlib.decompress(data, min(room + 1, _INFLATE_STEP)))
                data = self._zlib.unconsumed_tail
        except zlib.error as exc:
            if self.encoding == "deflate" and not self.body and not self._raw_deflate_tried:
                # ...but many servers send raw deflate: retry the same bytes that way.
                self._raw_deflate_tried = True
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                self._inflate(data)
                return
            raise FetchError(f"corrupt {self.encoding} body from server: {exc}") from None

    def finish(self) -> bytes:
        if self._zlib is not None and not self._zlib.eof and self.body:
            self._append(self._zlib.flush())
        return bytes(self.body)


def file_path(url: str) -> str | None:
    """The local path a feed URL names, or None for http(s)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise FetchError(f"file URL on another host is not supported: {url}")
        return url2pathname(parts.path)
    if scheme in ("http", "https"):
        return None
    return url  # a plain path (a one-letter "scheme" is a Windows drive)


def read_file(path: str, limit: int, etag: str | None) -> tuple[str, bytes | None, str]:
    """(pseudo-ETag, body or None when unchanged, Last-Modified) for a local file."""
    try:
        with open(os.path.expanduser(path), "rb") as handle:
            stat = os.fstat(handle.fileno())
            # mtime+size stand in for an ETag: an unchanged file is "not modified".
            file_etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
            modified = formatdate(stat.st_mtime, usegmt=True)
            if etag == file_etag:
                return file_etag, None, modified
            if stat.st_size > limit:
                raise _too_large(limit)
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise FetchError(f"file not found: {path}") from None
    except PermissionError:
        raise FetchError(f"permission denied reading {path}") from None
    except IsADirectoryError:
        raise FetchError(f"{path} is a directory, not a feed file") from None
    if len(data) > limit:  # the file grew while we read it
        raise _too_large(limit)
    return file_etag, data, modified

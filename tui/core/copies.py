"""Copies are one voice: is this report the same text as one another outlet already carried?

Wire copy is republished by many outlets. Counting each as a source would turn one agency's
figure into five "confirmations", and its update into five changes. A report is a *copy* of
an earlier one when both hold:
- the same article by URL (`url_key`: scheme, "www."/"m."/"amp." hosts, AMP paths, tracking
  parameters and trailing slashes ignored) or near-identical text (`resemblance` of word
  5-shingle bottom-k sketches of at least COPY_RESEMBLANCE);
- the same figures: the same numbers in the same order (`numbers_of`). A "copy" that states
  another figure says something of its own and is judged as any report.
Pure functions; `store.figure_ledger` stores sketches and finds candidates.
"""

from __future__ import annotations

import re
import zlib
from urllib.parse import parse_qsl, urlencode, urlsplit

SHINGLE_WORDS = 5
SKETCH_SIZE = 32  # bottom-k: the 32 smallest shingle hashes
MIN_SHINGLES = 12  # shorter texts ("Quake kills 5,000") are too generic to call copies
COPY_RESEMBLANCE = 0.8
_WORD = re.compile(r"\w+")
_DIGIT_GROUPS = re.compile(r"(?<=\d)[,.](?=\d)")  # "1,240" and "1240" are one word
_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:\.\d+)?")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_\w+|ocid|cmpid|ref|src|smid|taid|amp)$")
_HOST_PREFIX = re.compile(r"^(?:www\d*|m|amp|mobile)\.")
_AMP_PATH = re.compile(r"/(?:amp|amp\.html)$")
# A link that `urlsplit` would take apart as scheme, host and path alone, nothing to strip
# or decode: the same key without it (it costs ~10 us a link, 25,000 links a first poll).
_PLAIN_URL = re.compile(r"https?://([A-Za-z0-9.-]+)((?:/[^?#\s\x00-\x1f\x7f]*)?)\Z")
_NOT_DIGIT = re.compile(r"\D")


def url_key(url: str | None) -> str | None:
    """An article's URL, without what differs between copies of one page."""
    if not url:
        return None
    url = url.strip()
    if simple := _PLAIN_URL.match(url):  # most links: no user, port, query or fragment
        host, path = simple.groups()
        return _HOST_PREFIX.sub("", host.lower()) + _AMP_PATH.sub("", path).rstrip("/")
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    hostname = parts.hostname  # a property that parses the netloc at every read
    if parts.scheme not in ("http", "https") or not hostname:
        return None
    host = _HOST_PREFIX.sub("", hostname.lower())
    path = _AMP_PATH.sub("", parts.path).rstrip("/")
    if not parts.query:  # most article links: no parameters to drop or sort
        return host + path
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower()))
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def sketch(text: str) -> tuple[int, ...]:
    """The bottom-k sketch of the text's word 5-shingles (empty when the text is too short)."""
    words = _WORD.findall(_DIGIT_GROUPS.sub("", text.casefold()))
    if len(words) < MIN_SHINGLES + SHINGLE_WORDS - 1:
        return ()
    hashes = {
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    return tuple(sorted(hashes)[:SKETCH_SIZE])


def resemblance(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard resemblance of two texts from their sketches (0 if either is empty)."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:SKETCH_SIZE]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


def numbers_of(text: str) -> str:
    """The numbers a text states, in order, digits only: "2,500 ... 3 000" -> "2500 3000"."""
    return " ".join(_NOT_DIGIT.sub("", m) for m in _NUMBER.findall(text))


def sketch_text(sketch_: tuple[int, ...]) -> str:
    return " ".join(str(h) for h in sketch_)


def sketch_from_text(stored: str) -> tuple[int, ...]:
    return tuple(int(h) for h in stored.split())

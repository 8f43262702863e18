"""Table tests for telling copies apart (tui/core/copies.py)."""

from __future__ import annotations

import pytest

from tui.core.copies import COPY_RESEMBLANCE, numbers_of, resemblance, sketch, url_key

WIRE = (
    "Rescuers pulled more survivors from the rubble on Tuesday as the number of people "
    "killed by the flood in the river valley rose to 1,240, the civil protection agency "
    "said, while aid convoys struggled to reach villages cut off by landslides."
)

URLS = [
    ("same-page-www", "https://www.example.org/news/flood-toll/", "https://example.org/news/flood-toll"),
    ("amp-path", "https://example.org/news/flood-toll/amp", "https://example.org/news/flood-toll"),
    ("amp-host", "https://amp.example.org/news/flood-toll", "https://example.org/news/flood-toll"),
    ("tracking-params", "https://example.org/a?utm_source=x&id=7", "https://example.org/a?id=7"),
    ("scheme", "http://example.org/a", "https://example.org/a"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), [u[1:] for u in URLS], ids=[u[0] for u in URLS])
def test_url_key_ignores_what_copies_differ_in(a: str, b: str) -> None:
    assert url_key(a) == url_key(b)


DIFFERENT_URLS = [
    # an article id in the query is the article
    ("article-id", "https://example.org/a?id=7", "https://example.org/a?id=8"),
    ("other-path", "https://example.org/news/a", "https://example.org/news/b"),
    ("other-site", "https://example.org/a", "https://example.net/a"),
]


@pytest.mark.parametrize(
    ("a", "b"), [u[1:] for u in DIFFERENT_URLS], ids=[u[0] for u in DIFFERENT_URLS]
)
def test_url_key_keeps_articles_apart(a: str, b: str) -> None:
    assert url_key(a) != url_key(b)


PLAIN_URLS = [
    "https://www.Example.org/news/flood-toll/",
    "http://m.example.org/news/flood-toll/amp",
    "https://amp.example.org/news/flood-toll/amp.html",
    "https://example.org",
    "https://example.org.//",
    " https://example.org/news/caf\u00e9 ",
]


@pytest.mark.parametrize("url", PLAIN_URLS)
def test_url_key_plain_links_keyed_as_urlsplit_keys_them(url: str) -> None:
    # A link with no query is keyed without `urlsplit`; a tracking parameter sends the same
    # link through it, and is dropped, so both ways must give one key.
    assert url_key(url) == url_key(url.strip() + "?utm_source=feed")


@pytest.mark.parametrize("bad", [None, "", "not a url", "ftp://example.org/a", "mailto:x@y"])
def test_url_key_none_for_non_web(bad: str | None) -> None:
    assert url_key(bad) is None


RESEMBLES = [
    ("identical", WIRE, WIRE, True),
    ("case-and-punctuation", WIRE.upper().replace(",", ""), WIRE, True),
    # an outlet's own line at the end keeps it a copy
    ("tail-added", WIRE + " Read more on our live page.", WIRE, True),
    ("rewritten", "The flood toll climbed to 1,240 on Tuesday according to civil protection "
     "officials, who said landslides had cut off several villages and slowed aid convoys "
     "heading up the river valley.", WIRE, False),
    ("too-short-never-a-copy", "Flood toll rises to 1,240", "Flood toll rises to 1,240", False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "same"), [r[1:] for r in RESEMBLES], ids=[r[0] for r in RESEMBLES]
)
def test_resemblance(a: str, b: str, same: bool) -> None:
    assert (resemblance(sketch(a), sketch(b)) >= COPY_RESEMBLANCE) is same


NUMBERS = [
    ("grouped", "rose to 1,240 from 980", "1240 980"),
    ("spaces-as-groups", "stands at 31 643 today", "31643"),
    ("decimals", "a 7.8 magnitude quake", "7.8"),
    ("none", "no figures here", ""),
]


@pytest.mark.parametrize(("text", "numbers"), [r[1:] for r in NUMBERS], ids=[r[0] for r in NUMBERS])
def test_numbers_of(text: str, numbers: str) -> None:
    assert numbers_of(text) == numbers.replace(".", "")

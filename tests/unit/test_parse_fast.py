"""The fast parse path: when it is trusted, and that it then reads feeds as feedparser does."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.feedgen import Item, atom, rss
from tui.core.parse import NotAFeed, parse_feed
from tui.core.parse_fast import FastFacts, FastFeed, fallback_reason, fast_entries

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "feedparser-tests"
REALFEEDS = SHARED / "realfeeds" / "files"
NOW = datetime(2026, 12, 1, tzinfo=UTC)

CLEAN = FastFacts(
    starts_with_markup=True,
    declared_encodings=("UTF-8",),
    is_utf8=True,
    version="rss20",
    bozo=False,
    entries=3,
    unmatched_entries=False,
    unparsed_dates=0,
    escaped_links=0,
    c1_references=0,
    ambiguous_entries=0,
)


@pytest.mark.parametrize(
    ("change", "falls_back", "why"),
    [
        ({}, False, "well-formed UTF-8 RSS: the fast path's home ground"),
        ({"declared_encodings": ()}, False, "no declaration: XML's default is UTF-8"),
        ({"declared_encodings": ("us-ascii",)}, False, "ASCII is a subset of UTF-8"),
        ({"version": "atom10"}, False, "Atom is read as well as RSS"),
        ({"starts_with_markup": False}, True, "JSON or junk: feedparser gives the verdict"),
        ({"is_utf8": False}, True, "undeclared ISO-8859-1 bytes: feedparser detects it"),
        ({"declared_encodings": ("EUC-JP",)}, True, "EUC-JP: feedparser decodes it right"),
        ({"declared_encodings": ("utf-8", "euc-kr")}, True, "the HTTP charset wins over XML"),
        ({"declared_encodings": ("iso-8859-1",)}, True, "Latin-1 declared, even if bytes decode"),
        ({"bozo": True}, True, "malformed XML: feedparser's recovery is the reference"),
        ({"version": ""}, True, "not a feed: feedparser explains why"),
        ({"version": "json11"}, True, "JSON Feed: feedparser does not read it, so neither do we"),
        ({"entries": 0}, True, "no entries: feedparser names the feed type in its reason"),
        ({"unmatched_entries": True}, True, "entries cannot be matched to their bytes"),
        ({"unparsed_dates": 1}, True, "a date it could not read would become first-seen"),
        ({"escaped_links": 2}, True, "double-escaped &amp; in links: feedparser unescapes"),
        ({"c1_references": 1}, True, "&#x97; means an em dash to feedparser"),
        ({"ambiguous_entries": 1}, True, "media:description, two authors, base64, ..."),
    ],
)
def test_fallback_rule(change: dict[str, object], falls_back: bool, why: str) -> None:
    reason = fallback_reason(replace(CLEAN, **change))  # type: ignore[arg-type]
    assert (reason is not None) == falls_back, why


WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


@pytest.mark.parametrize("render", [rss, atom], ids=["rss", "atom"])
def test_plain_feeds_take_the_fast_path(render: object) -> None:
    body = render([Item("g1", "Troops leave", "<p>About 2,500</p><p>remain.</p>", WHEN)])  # type: ignore[operator]
    assert isinstance(fast_entries(body, {}), FastFeed)
    assert parse_feed(body, now=NOW) == parse_feed(body, now=NOW, fast=False)


def test_header_charset_sends_the_feed_to_feedparser() -> None:
    body = rss([Item("g1", "Troops leave", "<p>Text</p>", WHEN)])
    reason = fast_entries(body, {"Content-Type": "application/rss+xml; charset=EUC-KR"})
    assert isinstance(reason, str)
    assert "EUC-KR" in reason


def test_pubdate_is_not_copied_into_updated() -> None:
    """feedparser-rs fills `updated` from pubDate; the repair clears it, as feedparser has it."""
    body = rss([Item("g1", "Troops leave", "<p>Text</p>", WHEN)])
    (report,) = parse_feed(body, now=NOW).reports
    assert report.updated is None
    assert report.published == WHEN


def _documents(root: Path) -> list[Path]:
    if not root.is_dir():
        pytest.skip(f"{root} is absent (the shared data sits beside the checkout)")
    return [p for p in sorted(root.rglob("*")) if p.is_file() and p.suffix != ".md"]


def _assert_same_wherever_fast(root: Path, minimum_fast: int) -> None:
    fast = 0
    for path in _documents(root):
        body = path.read_bytes()
        if not body.strip() or not isinstance(fast_entries(body, {}), FastFeed):
            continue
        fast += 1
        try:
            reference = parse_feed(body, now=NOW, fast=False)
        except NotAFeed as error:
            pytest.fail(f"{path}: fast path used where feedparser says {error}")
        got = parse_feed(body, now=NOW)
        assert got.title == reference.title, path
        assert got.reports == reference.reports, path
    # Guard against a rule that quietly declines everything.
    assert fast >= minimum_fast


def test_corpus_reads_the_same_both_ways() -> None:
    _assert_same_wherever_fast(CORPUS, minimum_fast=900)


def test_real_feeds_read_the_same_both_ways() -> None:
    _assert_same_wherever_fast(REALFEEDS, minimum_fast=45)

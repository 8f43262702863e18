"""81 real outlets' feeds through the whole pipeline: loopback HTTP -> parse -> filter ->
figures -> SQLite, each served with the Content-Type its outlet would send.

The files live in ../shared/realfeeds (see its SOURCES.md); the project never needs them,
so the test skips, saying why, when they are absent. What the test checks, per feed:

- the feed is ok (no error, validators kept, a 304 on re-poll, no revision on a full re-read);
- the number of distinct items stored is what the file holds: one per (id, title), so an
  item the file lists twice is stored once, and two items sharing a link are both kept;
- stored titles are the reference decoding's (feedparser's, through the same HTML-to-text
  the boundary uses), and no title or text carries mojibake or U+FFFD;
- dates are sensible: each item's own date when it has one (localised month names
  included), the first-seen time when it has none.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import feedparser
import pytest

from tests.feedgen import feeds_toml
from tests.loopback import LoopbackServer, Recorded, Reply
from tests.pipeline import monitor_for, rows
from tui.core.config import parse_config
from tui.core.parse import parse_feed
from tui.core.text import clean_line, html_to_text

REALFEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "realfeeds"
pytestmark = pytest.mark.skipif(
    not (REALFEEDS / "sources.json").is_file(),
    reason=f"real-feed corpus not found at {REALFEEDS} (it is shared data, not part of the repo)",
)
# After every snapshot (the newest item is dated 2026-08-13), so no real date is "future".
NOW = datetime(2026, 8, 14, 12, 0, tzinfo=UTC)

STORY = """
[story]
title = "world news"
keywords = [["government", "president", "police", "minister", "killed", "people", "Regierung"]]

[settings]
interval = 600
deadline = 30
timeout = 10
concurrency = 8
"""

# Mojibake of European text: UTF-8 bytes read as Latin-1/cp1252 give a lead character in
# U+00C2..U+00F4 followed by what was a continuation byte. Such a pair is mojibake only if
# re-encoding it yields valid UTF-8 for a Latin character (so "ß“" in German or "äť" in
# Slovak, which look alike, are not flagged).
_SUSPECT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0178\u02c6-\u02dc\u2013-\u2122]")


def _mojibake(text: str) -> list[str]:
    found = []
    for match in _SUSPECT.finditer(text):
        pair = match.group()
        try:
            repaired = pair.encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue
        if "\u0080" <= repaired <= "\u024f" or "\u2010" <= repaired <= "\u203a":
            found.append(pair)
    return found


def _sources() -> list[dict[str, Any]]:
    if not (REALFEEDS / "sources.json").is_file():
        return []
    data: list[dict[str, Any]] = json.loads((REALFEEDS / "sources.json").read_text("utf-8"))
    return data


def content_type(source: dict[str, Any]) -> str:
    """What the outlet's server would send: the format's media type, the declared charset.

    A file with no XML declaration gets no charset (UOL relied on a header we do not have,
    so the pipeline must notice that its bytes are not UTF-8 by itself).
    """
    fmt = source["format"]
    media = (
        "application/atom+xml"
        if "Atom" in fmt
        else "application/rdf+xml"
        if "RDF" in fmt
        else "application/rss+xml"
    )
    declared = source["decl_encoding"]
    return media if declared == "(none)" else f"{media}; charset={declared}"


def _title(raw: object) -> str:
    return clean_line(html_to_text(str(raw or ""))) or "(untitled)"


def reference(body: bytes, headers: dict[str, str]) -> Any:
    """feedparser's reading, the reference decoding.

    It is right even for 066 laut.de (declares ISO-8859-1, bytes are UTF-8): feedparser
    re-reads a field as UTF-8 when its Latin-1 reading is mojibake. A parser that trusts the
    declaration is wrong there, and `_mojibake` below catches it independently.
    """
    return feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False)


def distinct_items(parsed: Any) -> Counter[str]:
    """Title -> how many distinct items carry it: one per (id or link, title) pair."""
    pairs = {
        (str(e.get("id") or e.get("link") or ""), _title(e.get("title"))) for e in parsed.entries
    }
    return Counter(title for _, title in pairs)


def _feed_name(source: dict[str, Any]) -> str:
    return str(source["file"]).removeprefix("files/").removesuffix(".xml")


def served(body: bytes, media: str, etag: str) -> Callable[[Recorded], Reply]:
    """The feed with its real Content-Type; 304 when the client sends the ETag back."""
    headers = {"Content-Type": media, "ETag": etag}

    def answer(request: Recorded) -> Reply:
        if request.header("If-None-Match") == etag:
            return Reply(status=304, headers={"ETag": etag})
        return Reply(headers=headers, body=body)

    return answer


@pytest.fixture(scope="module")
def polled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[int]]]:
    """Every real feed polled three times: full, 304, and a full re-read of the same bytes."""
    import asyncio

    db = tmp_path_factory.mktemp("realfeeds") / "sw.db"
    counts: dict[str, list[int]] = {}
    with LoopbackServer() as server:
        urls = {}
        for source in _sources():
            body = (REALFEEDS / source["file"]).read_bytes()
            name = _feed_name(source)
            path = f"/{name}.xml"
            server.route(path, served(body, content_type(source), f'"{source["sha256"][:16]}"'))
            urls[name] = server.url(path)
        config = parse_config(STORY + feeds_toml(urls))
        monitor = monitor_for(config, db, clock=lambda: NOW)

        async def cycles() -> None:
            try:
                for label in ("first", "not-modified", "re-read"):
                    if label == "re-read":  # a server that ignores validators
                        for source in _sources():
                            body = (REALFEEDS / source["file"]).read_bytes()
                            path = f"/{_feed_name(source)}.xml"
                            server.route(
                                path,
                                Reply(headers={"Content-Type": content_type(source)}, body=body),
                            )
                    done = await monitor.poll_cycle()
                    counts[label] = [done.feeds_failed, done.new_reports, done.new_revisions]
            finally:
                await monitor.aclose()

        asyncio.run(cycles())
    return db, counts


def test_every_feed_is_ok_and_stable(polled: tuple[Path, dict[str, list[int]]]) -> None:
    db, counts = polled
    failing = rows(db, "SELECT name, last_error FROM feeds WHERE consecutive_failures > 0")
    assert failing == []
    assert counts["first"][0] == 0
    # Unchanged feeds: a 304 each, then the same bytes again add no report and no revision.
    assert counts["not-modified"] == [0, 0, 0]
    assert counts["re-read"] == [0, 0, 0]
    statuses = rows(db, "SELECT status, count(*) FROM polls GROUP BY status ORDER BY status")
    n = len(_sources())
    assert statuses == [("not_modified", n), ("ok", 2 * n)]


@pytest.mark.parametrize("source", _sources(), ids=_feed_name)
def test_stored_items_match_the_file(
    polled: tuple[Path, dict[str, list[int]]], source: dict[str, Any]
) -> None:
    db, _ = polled
    body = (REALFEEDS / source["file"]).read_bytes()
    parsed = reference(body, {"content-type": content_type(source)})
    expected = distinct_items(parsed)
    stored = rows(
        db,
        "SELECT r.title, v.text, r.published, r.date_is_first_seen FROM reports r "
        "JOIN feeds f ON f.id = r.feed_id JOIN report_versions v ON v.report_id = r.id "
        "WHERE f.name = ?",
        (_feed_name(source),),
    )
    assert len(stored) == sum(expected.values()), "distinct items stored != items in the file"
    assert Counter(str(title) for title, *_ in stored) == expected
    for title, text, *_ in stored:
        assert not _mojibake(f"{title}\n{text}"), title
        assert "\ufffd" not in f"{title}{text}", title

    # Dates: the items' own, within the file's range; first seen only where it gives none.
    dated = [(str(p), bool(first)) for *_, p, first in stored]
    own = [p for p, first in dated if not first]
    if source["dated"] == source["items"]:
        assert len(own) == len(stored), "an item with a date was dated when first seen"
    if source["dated"] == 0:
        assert own == [], "an undated item got a date"
    if own:
        low, high = date.fromisoformat(source["date_min"]), date.fromisoformat(source["date_max"])
        days = [datetime.fromisoformat(p).date() for p in own]
        # One day of slack each way: SOURCES.md gives local dates, we store UTC.
        assert low - timedelta(days=1) <= min(days) and max(days) <= high + timedelta(days=1)
    for p, first in dated:
        if first:
            assert datetime.fromisoformat(p) == NOW


def test_figures_come_from_on_story_reports_only(polled: tuple[Path, dict[str, list[int]]]) -> None:
    db, _ = polled
    on_story = rows(db, "SELECT count(*) FROM reports WHERE on_story = 1")[0][0]
    assert isinstance(on_story, int) and on_story > 20  # the filter ran on real text
    off = rows(
        db,
        "SELECT count(*) FROM claims c JOIN reports r ON r.id = c.report_id WHERE r.on_story = 0",
    )
    assert off == [(0,)]
    assert rows(db, "SELECT count(*) > 0 FROM claims") == [(1,)]


HEADERS = {
    "no-content-type": {},
    "text-xml-no-charset": {"content-type": "text/xml"},  # RFC 3023 would say us-ascii
    "claims-utf-8": {"content-type": "application/xml; charset=utf-8"},
    "octet-stream": {"content-type": "application/octet-stream"},
}


def test_titles_do_not_depend_on_what_the_server_says() -> None:
    """Misconfigured servers are common: the bytes and the XML declaration decide.

    Only files with non-ASCII bytes are tried: a charset cannot change pure ASCII.
    """
    wrong = []
    for source in _sources():
        body = (REALFEEDS / source["file"]).read_bytes()
        if body.isascii():
            continue
        served = parse_feed(body, {"content-type": content_type(source)}, now=NOW)
        titles = [r.title for r in served.reports]
        for label, headers in HEADERS.items():
            if [r.title for r in parse_feed(body, headers, now=NOW).reports] != titles:
                wrong.append(f"{_feed_name(source)} with {label}")
    assert wrong == []

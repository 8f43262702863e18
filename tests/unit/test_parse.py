"""Feed bytes become typed, safe reports at the boundary."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.feedgen import Item, atom, rss
from tui.core.parse import NotAFeed, parse_feed

NOW = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
WHEN = datetime(2025, 9, 9, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize("render", [rss, atom], ids=["rss", "atom"])
def test_entries_become_reports(render: object) -> None:
    body = render([Item("g1", "US troops leave Iraq", "<p>About 2,500</p><p>remain.</p>", WHEN)])  # type: ignore[operator]
    parsed = parse_feed(body, now=NOW)
    (report,) = parsed.reports
    assert report.entry_id == "g1"
    assert report.title == "US troops leave Iraq"
    assert report.text == "About 2,500\n\nremain."
    assert report.published == WHEN
    assert report.link == "https://example.com/g1"
    assert not report.date_is_first_seen


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        pytest.param(b"", "empty body", id="empty"),
        pytest.param(b"   \n", "empty body", id="whitespace"),
        pytest.param(b"<!DOCTYPE html><html><body>Log in</body></html>", "HTML page", id="html"),
        pytest.param(b"just some text", "not", id="plain-text"),
    ],
)
def test_not_a_feed(body: bytes, reason: str) -> None:
    with pytest.raises(NotAFeed, match=reason):
        parse_feed(body, now=NOW)


@pytest.mark.parametrize("render", [rss, atom], ids=["rss", "atom"])
def test_a_feed_with_no_entries_is_a_feed(render: object) -> None:
    """A new section or a quiet week: valid, healthy, nothing to store yet."""
    parsed = parse_feed(render([], title="Quiet desk"), now=NOW)  # type: ignore[operator]
    assert parsed.reports == ()
    assert parsed.title == "Quiet desk"


def test_missing_guid_falls_back_to_link_then_content_hash() -> None:
    body = (
        b"<rss version='2.0'><channel><title>t</title>"
        b"<item><title>A</title><link>https://example.com/a</link></item>"
        b"<item><title>B</title><description>text</description></item>"
        b"</channel></rss>"
    )
    first, second = parse_feed(body, now=NOW).reports
    assert first.entry_id == "https://example.com/a"
    assert second.entry_id.startswith("sha256:")
    assert parse_feed(body, now=NOW).reports[1].entry_id == second.entry_id  # stable


@pytest.mark.parametrize(
    ("date", "first_seen"),
    [
        pytest.param("Tue, 09 Sep 2025 08:30:00 GMT", False, id="good"),
        pytest.param("Mon, 01 Jan 1900 00:00:00 GMT", True, id="absurdly-old"),
        pytest.param("Fri, 01 Jan 2100 00:00:00 GMT", True, id="far-future"),
        pytest.param("not a date", True, id="garbage"),
    ],
)
def test_absurd_dates_fall_back_to_first_seen(date: str, first_seen: bool) -> None:
    body = (
        "<rss version='2.0'><channel><title>t</title><item><guid>x</guid><title>A</title>"
        f"<pubDate>{date}</pubDate></item></channel></rss>"
    ).encode()
    (report,) = parse_feed(body, now=NOW).reports
    assert report.date_is_first_seen is first_seen
    assert (report.published == NOW) is first_seen


def test_hostile_text_is_made_safe() -> None:
    html = "<script>steal()</script><p>ok\x1b]0;owned\x07 [@click=app.quit]x[/]</p>"
    body = rss([Item("h", "Title\x1b[31m red\u202e", html, WHEN, link="javascript:alert(1)")])
    (report,) = parse_feed(body, now=NOW).reports
    assert report.text == "ok [@click=app.quit]x[/]"
    assert report.title == "Title red"
    assert report.link is None  # never openable

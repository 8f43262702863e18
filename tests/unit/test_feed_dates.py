"""Localised RFC 822 dates, the ones feedparser cannot read, and in-document repeats."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.feedgen import Item, rss
from tui.core.feed_dates import parse_localised_date
from tui.core.parse import parse_feed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Seg, 24 Set 2018 19:42:40 -0300",
            datetime(2018, 9, 24, 22, 42, 40, tzinfo=UTC),
            id="portuguese-day-and-month",
        ),
        pytest.param(
            "mar., 4 févr. 2025 10:00:00 GMT",
            datetime(2025, 2, 4, 10, tzinfo=UTC),
            id="french-mar-is-tuesday-before-the-day-number",
        ),
        pytest.param(
            "Mo, 3 Mär 2025 08:00 +0100",
            datetime(2025, 3, 3, 7, tzinfo=UTC),
            id="german-umlaut-month",
        ),
        pytest.param(
            "lun, 12 dic 2024 10:00:00",
            datetime(2024, 12, 12, 10, tzinfo=UTC),
            id="spanish-no-zone-is-utc",
        ),
        pytest.param(
            "Thu, 15 May 2014 02:11:21 Z",
            datetime(2014, 5, 15, 2, 11, 21, tzinfo=UTC),
            id="z-zone",
        ),
        pytest.param("2 hours ago", None, id="relative-text-is-not-a-date"),
        pytest.param("Mi, 1 Okt 2025 25:99:00 +0100", None, id="impossible-time"),
        pytest.param("Seg, Set", None, id="no-numbers"),
        pytest.param("", None, id="empty"),
    ],
)
def test_localised_dates(text: str, expected: datetime | None) -> None:
    assert parse_localised_date(text) == expected


def test_a_portuguese_pubdate_dates_the_item() -> None:
    body = (
        b"<rss><channel><title>t</title><item><title>A</title><link>https://e.com/a</link>"
        b"<pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item></channel></rss>"
    )
    (report,) = parse_feed(body, now=datetime(2018, 9, 25, tzinfo=UTC)).reports
    assert not report.date_is_first_seen
    assert report.published == datetime(2018, 9, 24, 22, 42, 40, tzinfo=UTC)


WHEN = datetime(2025, 9, 9, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        pytest.param(
            [
                Item("a", "Floods close roads", "", WHEN),
                Item("a", "Floods close roads", "<p>Long text.</p>", WHEN),
            ],
            [("a", "Long text.")],
            id="repeat-keeps-the-fuller-copy",
        ),
        pytest.param(
            [
                Item("a", "Bahn: Streit im Stellwerk", "x", WHEN),
                Item("a", "Streit im Stellwerk", "y", WHEN),
            ],
            [("a", "x"), ("a#", "y")],
            id="same-id-other-title-is-another-item",
        ),
        pytest.param(
            [Item("a", "One", "x", WHEN), Item("b", "Two", "y", WHEN)],
            [("a", "x"), ("b", "y")],
            id="distinct-ids-untouched",
        ),
    ],
)
def test_entries_sharing_an_id(items: list[Item], expected: list[tuple[str, str]]) -> None:
    reports = parse_feed(rss(items), now=WHEN).reports
    assert [
        (r.entry_id[: len(e)], r.text) for r, (e, _) in zip(reports, expected, strict=True)
    ] == expected
    # Stable: the derived id is the same on every parse, so a re-poll finds the same items.
    assert [r.entry_id for r in parse_feed(rss(items), now=WHEN).reports] == [
        r.entry_id for r in reports
    ]

"""Odd clocks and dates: far-future items, dates without a zone, a feed that stamps every item
with the time it was fetched. Each sorts sensibly and none raises a storm of "new" reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from tests.loopback import LoopbackServer, Reply
from tests.pipeline import config_for, monitor_for, rows

START = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)


def _doc(items: list[tuple[str | None, str | None, str, str]]) -> bytes:
    """(guid, link, title, pubDate text) -> an RSS document."""
    body = ""
    for guid, link, title, date in items:
        body += f"<item><title>{title}</title><description>Rain in {title}.</description>"
        body += f"<guid isPermaLink='false'>{guid}</guid>" if guid else ""
        body += f"<link>{link}</link>" if link else ""
        body += f"<pubDate>{date}</pubDate></item>"
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>T</title>"
        f"<link>https://e.example/</link><description>d</description>{body}</channel></rss>"
    ).encode()


async def _three_polls(
    server: LoopbackServer, tmp_path: Path, answer: Callable[[datetime], bytes]
) -> tuple[Path, list[int]]:
    """Poll three times, an hour apart on the monitor's clock; new reports per poll."""
    clock = [START]
    server.route("/f.xml", lambda _req: Reply(body=answer(clock[0])))
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for({"Odd": server.url("/f.xml")}), db, clock=lambda: clock[0])
    new = []
    try:
        for _ in range(3):
            finished = await monitor.poll_cycle()
            assert finished.feeds_failed == 0, finished.errors
            new.append(finished.new_reports + finished.new_revisions)
            clock[0] += timedelta(hours=1)
    finally:
        await monitor.aclose()
    return db, new


def _stored(db: Path) -> list[tuple[object, ...]]:
    return rows(
        db, "SELECT title, published, date_is_first_seen FROM reports "
        "ORDER BY published DESC, id DESC",
    )  # fmt: skip


async def test_items_stamped_with_the_fetch_time_are_not_new_at_every_fetch(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """Some CMSs stamp every item with the time of the request, and some items have no GUID
    and no link: identity must not hang on the date, or every poll is a flood of "new"."""

    def stamped(now: datetime) -> bytes:
        when = format_datetime(now)
        return _doc([("g1", None, "Leeds", when), (None, None, "Hull", when),
                     (None, "https://e.example/york", "York", when)])  # fmt: skip

    db, new = await _three_polls(server, tmp_path, stamped)
    assert new == [3, 0, 0]
    # Each keeps the time it was first seen (the feed's stamp then), not the latest stamp.
    assert {str(p) for _, p, _ in _stored(db)} == {START.isoformat()}


async def test_far_future_dates_sort_as_first_seen_and_stay_put(
    server: LoopbackServer, tmp_path: Path
) -> None:
    def future(_now: datetime) -> bytes:
        return _doc([
            ("g1", None, "Leeds", "Fri, 01 Jan 2100 00:00:00 GMT"),   # a typo'd year
            ("g2", None, "Hull", "Sun, 10 Sep 2028 12:00:00 GMT"),    # three years ahead
            ("g3", None, "York", format_datetime(START - timedelta(hours=2))),
        ])  # fmt: skip

    db, new = await _three_polls(server, tmp_path, future)
    assert new == [3, 0, 0]
    stored = _stored(db)
    # Not on top of the timeline forever: dated when first seen, flagged as such.
    assert [(t, first) for t, _, first in stored] == [("Hull", 1), ("Leeds", 1), ("York", 0)]
    assert {str(p) for t, p, _ in stored if t != "York"} == {START.isoformat()}


async def test_dates_without_a_zone_never_land_after_the_fetch(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """A zone-less local time east of UTC, read as UTC, is hours ahead: it must not sort
    above reports that really came later, so nothing is dated after it was seen."""

    def zoneless(_now: datetime) -> bytes:
        ahead = START + timedelta(hours=8)  # Beijing's wall clock, no zone given
        return _doc([
            ("g1", None, "Leeds", ahead.strftime("%Y-%m-%d %H:%M:%S")),
            ("g2", None, "Hull", ahead.strftime("%a, %d %b %Y %H:%M:%S")),
            ("g3", None, "York", (START - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S")),
        ])  # fmt: skip

    db, new = await _three_polls(server, tmp_path, zoneless)
    assert new == [3, 0, 0]
    stored = _stored(db)
    assert max(datetime.fromisoformat(str(p)) for _, p, _ in stored) <= START
    york = next(p for t, p, _ in stored if t == "York")
    assert datetime.fromisoformat(str(york)) == START - timedelta(hours=1)  # read as UTC

"""Identity that survives real feeds: churning GUIDs, items that come back, noisy re-serialising."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

from tests.feedgen import Item, rss
from tests.loopback import LoopbackServer, Recorded, Reply
from tests.pipeline import DAY1, config_for, monitor_for, one, rows
from tui.core.models import Event, NewReport, NewRevision
from tui.core.monitor import Monitor

STORY_TEXT = "<p>About 2,500 US troops remain in Iraq, the Pentagon said on Monday.</p>"


def _items(salt: str, *, names: tuple[str, ...] = ("a", "b", "c"), extra: str = "") -> list[Item]:
    return [
        Item(
            f"urn:uuid:{salt}-{name}",
            f"US troops leave Iraq base {name}",
            STORY_TEXT + extra,
            DAY1,
            link=f"https://news.example/{name}?utm_source=rss&utm_campaign={salt}",
        )
        for name in names
    ]


async def _poll(monitor: Monitor) -> list[Event]:
    events: list[Event] = []
    await monitor.poll_cycle(listener=events.append)
    return events


def _new(events: list[Event]) -> list[str]:
    return [e.title for e in events if isinstance(e, NewReport | NewRevision)]


async def test_guids_that_churn_at_every_fetch_do_not_flood_the_store(
    server: LoopbackServer, tmp_path: Path
) -> None:
    fetch = itertools.count()

    def churning(_: Recorded) -> Reply:
        # A CMS that mints a fresh GUID (and a fresh campaign parameter) on every render.
        return Reply(body=rss(_items(f"render{next(fetch)}")))

    server.route("/churn.xml", churning)
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for({"Churn": server.url("/churn.xml")}), db)
    try:
        assert len(_new(await _poll(monitor))) == 3
        for _ in range(4):
            assert _new(await _poll(monitor)) == []
    finally:
        await monitor.aclose()
    assert one(db, "SELECT count(*) FROM reports") == 3
    assert one(db, "SELECT count(*) FROM report_versions") == 3
    # Figures were read once per article, not once per render.
    assert one(db, "SELECT count(DISTINCT version_id) FROM claims") == 3


async def test_an_item_that_drops_out_and_comes_back_is_not_new(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.route(
        "/wire.xml",
        [
            Reply(body=rss(_items("1", names=("a", "b")))),
            Reply(body=rss(_items("2", names=("b",)))),  # "a" falls off the front page
            Reply(body=rss(_items("3", names=("a", "b")))),  # and is back, GUID re-minted
        ],
    )
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for({"Wire": server.url("/wire.xml")}), db)
    try:
        assert len(_new(await _poll(monitor))) == 2
        assert _new(await _poll(monitor)) == []
        assert _new(await _poll(monitor)) == []
    finally:
        await monitor.aclose()
    assert one(db, "SELECT count(*) FROM reports") == 2


async def test_two_items_with_one_title_and_link_but_both_listed_stay_two(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """The fallback never merges items the feed lists side by side under their own ids."""
    same = [
        Item(f"g{i}", "Live: Iraq updates", STORY_TEXT, DAY1, link="https://n.example/live")
        for i in (1, 2)
    ]
    server.route("/live.xml", Reply(body=rss(same)))
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for({"Live": server.url("/live.xml")}), db)
    try:
        await _poll(monitor)
        await _poll(monitor)
    finally:
        await monitor.aclose()
    assert rows(db, "SELECT entry_id FROM reports ORDER BY entry_id") == [("g1",), ("g2",)]


async def test_noise_is_not_a_revision_but_an_edit_is(
    server: LoopbackServer, tmp_path: Path
) -> None:
    noisy = STORY_TEXT.replace("<p>", "<p class='lead'><span>").replace("</p>", "</span></p>")
    server.route(
        "/noisy.xml",
        [
            Reply(body=rss(_items("1", names=("a",), extra="<p>120 shares</p>"))),
            # Other markup, other spacing, another campaign parameter, a counter ticked up.
            Reply(
                body=rss(
                    [
                        Item(
                            "urn:uuid:1-a",
                            "US troops leave  Iraq base a",
                            noisy + "<br/><p> 348  shares</p>",
                            DAY1,
                            link="https://news.example/a?utm_source=twitter&fbclid=x1",
                        )
                    ]
                )
            ),
            Reply(body=rss(_items("1", names=("a",), extra="<p>Now 2,000 remain.</p>"))),
        ],
    )
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for({"Noisy": server.url("/noisy.xml")}), db)
    try:
        await _poll(monitor)
        assert _new(await _poll(monitor)) == []
        revised = await _poll(monitor)
    finally:
        await monitor.aclose()
    assert [e.revision for e in revised if isinstance(e, NewRevision)] == [2]
    assert one(db, "SELECT revisions FROM reports") == 2


async def test_keys_stored_before_the_revision_scheme_do_not_make_everything_edited(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """A database from an older storywatch holds plain hashes: upgrading is not an edit storm."""
    server.route("/wire.xml", Reply(body=rss(_items("1"))))
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for({"Wire": server.url("/wire.xml")}), db)
    try:
        await _poll(monitor)
        # Back to the old key form: a bare sha256 hex digest, no scheme prefix.
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE report_versions SET content_hash = substr(content_hash, 4)")
        assert _new(await _poll(monitor)) == []
        assert _new(await _poll(monitor)) == []
    finally:
        await monitor.aclose()
    assert one(db, "SELECT count(*) FROM report_versions WHERE content_hash LIKE 'r2:%'") == 3

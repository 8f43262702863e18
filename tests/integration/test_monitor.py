"""The whole poll path against a real loopback HTTP server and a real SQLite file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.feedgen import Item, atom, rss
from tests.loopback import LoopbackServer, Reply, conditional
from tests.pipeline import DAY1, config_for, monitor_for, rows
from tui.core.models import Event, FeedFailed, FigureChanged, NewRevision
from tui.core.monitor import Monitor

ON_STORY = Item(
    "iraq-1",
    "US begins moving troops out of Iraqi bases",
    "<p>About 2,500 US troops remain in Iraq, the Pentagon said on Monday.</p>",
    DAY1,
)
OFF_STORY = Item("weather-1", "Heatwave grips the Gulf", "<p>Temperatures hit 50C.</p>", DAY1)


async def poll(monitor: Monitor) -> list[Event]:
    events: list[Event] = []
    await monitor.poll_cycle(listener=events.append)
    return events


async def test_first_poll_then_not_modified(server: LoopbackServer, tmp_path: Path) -> None:
    db = tmp_path / "sw.db"
    server.route("/wire.xml", conditional(rss([ON_STORY, OFF_STORY]), etag='"v1"'))
    monitor = monitor_for(config_for({"Wire": server.url("/wire.xml")}), db)
    try:
        await poll(monitor)
        assert rows(db, "SELECT entry_id, on_story, revisions FROM reports ORDER BY entry_id") == [
            ("iraq-1", 1, 1),
            ("weather-1", 0, 1),
        ]
        assert rows(db, "SELECT etag, consecutive_failures FROM feeds") == [('"v1"', 0)]
        claims = rows(db, "SELECT figure, value, speaker FROM claims")
        assert ("US troops in Iraq", 2500.0, "Pentagon") in claims
        # Off-story reports are stored but never mined for figures.
        assert rows(
            db,
            "SELECT count(*) FROM claims c JOIN reports r ON r.id = c.report_id "
            "WHERE r.on_story = 0",
        ) == [(0,)]

        # Full-text search covers the story's reports, not the off-story ones.
        fts = "SELECT count(*) FROM report_versions_fts WHERE report_versions_fts MATCH '{}'"
        assert rows(db, fts.format("Pentagon")) == [(1,)]
        assert rows(db, fts.format("Heatwave")) == [(0,)]

        await poll(monitor)
        assert server.requests[-1].header("If-None-Match") == '"v1"'
        assert rows(db, "SELECT status FROM polls ORDER BY id") == [("ok",), ("not_modified",)]
        assert rows(db, "SELECT count(*) FROM report_versions") == [(2,)]
    finally:
        await monitor.aclose()


async def poll_an_edit(
    server: LoopbackServer, db: Path, render: Callable[[list[Item]], bytes], text: str
) -> list[Event]:
    """Poll ON_STORY, then the same entry with `text` as its body; the second poll's events."""
    edited = Item(ON_STORY.guid, ON_STORY.title, text, ON_STORY.published)
    server.route("/wire.xml", [Reply(body=render([ON_STORY])), Reply(body=render([edited]))])
    monitor = monitor_for(config_for({"Wire": server.url("/wire.xml")}), db)
    try:
        await poll(monitor)
        return await poll(monitor)
    finally:
        await monitor.aclose()


async def test_changed_entry_becomes_a_revision_and_a_revised_figure(
    server: LoopbackServer, tmp_path: Path
) -> None:
    db = tmp_path / "sw.db"
    text = "<p>About 2,000 US troops remain in Iraq, the Pentagon said on Monday.</p>"
    events = await poll_an_edit(server, db, atom, text)
    assert any(isinstance(e, NewRevision) and e.revision == 2 for e in events)
    (change,) = [e for e in events if isinstance(e, FigureChanged)]
    assert (change.figure, change.verdict.value) == ("US troops in Iraq", "revised")
    assert (change.old_value, change.new_value) == ("about 2,500", "about 2,000")
    assert rows(db, "SELECT version FROM report_versions ORDER BY version") == [(1,), (2,)]
    assert rows(db, "SELECT revisions FROM reports") == [(2,)]


async def test_rewording_is_a_revision_but_not_a_figure_change(
    server: LoopbackServer, tmp_path: Path
) -> None:
    text = "<p>Roughly 2,500 US troops are still in Iraq, according to the Pentagon.</p>"
    events = await poll_an_edit(server, tmp_path / "sw.db", rss, text)
    assert any(isinstance(e, NewRevision) for e in events)
    assert not [e for e in events if isinstance(e, FigureChanged)]


async def test_a_failing_feed_backs_off_and_keeps_what_was_stored(
    server: LoopbackServer, tmp_path: Path
) -> None:
    db = tmp_path / "sw.db"
    server.route("/wire.xml", [Reply(body=rss([ON_STORY])), Reply(status=500)])
    server.route("/other.xml", Reply(body=rss([OFF_STORY])))
    config = config_for({"Wire": server.url("/wire.xml"), "Other": server.url("/other.xml")})
    monitor = monitor_for(config, db)
    try:
        await poll(monitor)
        events = await poll(monitor)
        await poll(monitor)
        next_in = monitor.schedule.next_in("Wire")
    finally:
        await monitor.aclose()
    failures = [e for e in events if isinstance(e, FeedFailed)]
    assert [f.feed for f in failures] == ["Wire"]
    assert "500" in failures[0].error
    assert rows(
        db, "SELECT name, consecutive_failures, total_failures FROM feeds ORDER BY name"
    ) == [
        ("Other", 0, 0),
        ("Wire", 2, 2),
    ]
    assert rows(db, "SELECT count(*) FROM reports") == [(2,)]  # nothing lost
    assert next_in > 600  # backed off beyond the normal interval


async def test_retry_after_is_honoured(server: LoopbackServer, tmp_path: Path) -> None:
    db = tmp_path / "sw.db"
    server.route("/wire.xml", Reply(status=429, headers={"Retry-After": "3600"}))
    monitor = monitor_for(config_for({"Wire": server.url("/wire.xml")}), db)
    try:
        await poll(monitor)
        assert monitor.schedule.next_in("Wire") >= 3590  # honoured, less the time the test took
    finally:
        await monitor.aclose()


async def test_html_instead_of_a_feed_is_an_error_that_deletes_nothing(
    server: LoopbackServer, tmp_path: Path
) -> None:
    db = tmp_path / "sw.db"
    login = b"<!DOCTYPE html><html><body><form>Sign in</form></body></html>"
    server.route("/wire.xml", [Reply(body=rss([ON_STORY])), Reply(body=login)])
    monitor = monitor_for(config_for({"Wire": server.url("/wire.xml")}), db)
    try:
        await poll(monitor)
        events = await poll(monitor)
    finally:
        await monitor.aclose()
    (failure,) = [e for e in events if isinstance(e, FeedFailed)]
    assert "HTML page" in failure.error
    assert rows(db, "SELECT count(*) FROM reports") == [(1,)]
    assert rows(db, "SELECT status, error IS NOT NULL FROM polls ORDER BY id") == [
        ("ok", 0),
        ("error", 1),
    ]


async def test_local_paths_and_file_urls_use_the_same_path(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(rss([ON_STORY]))
    (tmp_path / "b.xml").write_bytes(atom([ON_STORY]))
    db = tmp_path / "sw.db"
    config = config_for({"Path": str(tmp_path / "a.xml"), "Uri": (tmp_path / "b.xml").as_uri()})
    monitor = monitor_for(config, db)
    try:
        await poll(monitor)
        await poll(monitor)  # unchanged files: nothing new
    finally:
        await monitor.aclose()
    assert rows(
        db,
        "SELECT f.name, r.entry_id FROM reports r JOIN feeds f ON f.id = r.feed_id ORDER BY f.name",
    ) == [("Path", "iraq-1"), ("Uri", "iraq-1")]
    assert rows(db, "SELECT count(*) FROM report_versions") == [(2,)]

"""`storywatch prune` trims what no feature needs and never what a figure or change rests on."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.feedgen import Item, rss
from tests.loopback import LoopbackServer, Reply
from tests.pipeline import DAY1, config_for, config_text, monitor_for, one, rows, story_item
from tui.cli import main
from tui.core.monitor import Monitor

LONG = "<p>" + "Markets were calm and the weather was mild across the region. " * 60 + "</p>"


def _off(i: int, extra: str = "") -> Item:
    return Item(f"off-{i}", f"Heatwave grips the Gulf, day {i}", LONG + extra, DAY1)


async def _poll(monitor: Monitor) -> None:
    await monitor.poll_cycle()


async def test_prune_keeps_figures_changes_and_identity(
    server: LoopbackServer, tmp_path: Path
) -> None:
    db = tmp_path / "sw.db"
    first = [story_item(1, 2500), *(_off(i) for i in range(20))]
    # The story item's figure changes (a change row); off-story items get a revision each.
    second = [story_item(1, 2000), *(_off(i, "<p>Updated.</p>") for i in range(20))]
    server.route("/wire.xml", [Reply(body=rss(first)), Reply(body=rss(second))])
    urls = {"Wire": server.url("/wire.xml")}
    monitor = monitor_for(config_for(urls), db)
    try:
        await _poll(monitor)
        await _poll(monitor)
    finally:
        await monitor.aclose()
    claims, changes = (
        one(db, "SELECT count(*) FROM claims"),
        one(db, "SELECT count(*) FROM changes"),
    )
    assert claims >= 2 and changes >= 1
    story_versions = rows(
        db,
        "SELECT v.id, v.text FROM report_versions v JOIN reports r ON r.id = v.report_id "
        "WHERE r.on_story = 1 ORDER BY v.id",
    )
    assert len(story_versions) == 2
    off_keys = rows(
        db,
        "SELECT r.entry_id, v.content_hash FROM reports r JOIN report_versions v "
        "ON v.report_id = r.id AND v.version = r.revisions WHERE r.on_story = 0",
    )
    config = tmp_path / "feeds.toml"
    config.write_text(config_text(urls), encoding="utf-8")
    size_before = db.stat().st_size

    args = ["--config", str(config), "--db", str(db), "prune", "--off-story-older-than", "30d"]
    result = CliRunner().invoke(main, [*args, "--vacuum"])
    assert result.exit_code == 0, result.output
    assert "cleared the text of 20 off-story reports" in result.output
    assert "deleted 20 old versions and 2 poll log rows" in result.output

    # Off-story: rows, titles and revision keys stay, text and earlier versions go.
    assert one(db, "SELECT count(*) FROM reports") == 21
    off_versions = (
        "SELECT count(*), max(length(v.text)) FROM report_versions v "
        "JOIN reports r ON r.id = v.report_id WHERE r.on_story = 0"
    )
    assert rows(db, off_versions) == [(20, 0)]
    assert (
        rows(
            db,
            "SELECT r.entry_id, v.content_hash FROM reports r JOIN report_versions v "
            "ON v.report_id = r.id AND v.version = r.revisions WHERE r.on_story = 0",
        )
        == off_keys
    )
    # The story: every version, figure and change untouched.
    assert (
        rows(
            db,
            "SELECT v.id, v.text FROM report_versions v JOIN reports r ON r.id = v.report_id "
            "WHERE r.on_story = 1 ORDER BY v.id",
        )
        == story_versions
    )
    assert one(db, "SELECT count(*) FROM claims") == claims
    assert one(db, "SELECT count(*) FROM changes") == changes
    assert db.stat().st_size < size_before

    # Identity survives: the same items again are neither new nor revised.
    monitor = monitor_for(config_for(urls), db)
    try:
        finished = await monitor.poll_cycle()
    finally:
        await monitor.aclose()
    assert (finished.new_reports, finished.new_revisions, finished.feeds_failed) == (0, 0, 0)

    # A second prune finds nothing more; a recent cutoff keeps everything.
    result = CliRunner().invoke(main, args)
    assert "cleared the text of 0 off-story reports" in result.output


def test_prune_refuses_a_bad_age_and_a_missing_database(tmp_path: Path) -> None:
    db = str(tmp_path / "none.db")
    result = CliRunner().invoke(main, ["--db", db, "prune", "--off-story-older-than", "soon"])
    assert result.exit_code == 2 and "not an age such as 30d" in result.output
    result = CliRunner().invoke(main, ["--db", db, "prune"])
    assert result.exit_code == 1 and "no database yet" in result.output
    assert not (tmp_path / "none.db").exists()

"""Issue 12, getting data in and out: OPML both ways, change-log formats, the Atom
changes feed, and Datasette metadata. Each runs the real `storywatch` process.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import feedparser
import listparser
import pytest

from tests.feedgen import rss
from tests.integration.test_cli_everyday import FIRST, SECOND, sw, write_config
from tests.loopback import LoopbackServer, Reply

COMMENTED = """\
# My story. This comment must survive an import.
[story]
title = "US troop withdrawal from Iraq"
keywords = [["Iraq"], ["troop*"]]

[[feeds]]
name = "Wire"  # the fast one
url = "https://wire.example/world.rss"
"""

OPML = """<?xml version="1.0" encoding="utf-8"?>
<opml version="1.0"><head><title>from my reader</title></head><body>
  <outline text="World">
    <outline text="Wire again" type="rss" xmlUrl="https://wire.example/world.rss"/>
    <outline text="Desk &amp; Co" type="rss" xmlUrl="https://desk.example/feed"/>
  </outline>
  <outline text="Wire" type="rss" xmlUrl="https://other.example/rss"/>
  <outline text="Mail list" type="rss" xmlUrl="mailto:someone@example.com"/>
</body></opml>
"""


def test_opml_import_keeps_comments_skips_duplicates_then_round_trips(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text(COMMENTED)
    opml_file = tmp_path / "reader.opml"
    opml_file.write_text(OPML)
    result = sw("opml", "import", str(opml_file), "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert "skipped Wire again: already in feeds.toml (https://wire.example/world.rss)" in (
        result.stdout
    )
    assert "skipped Mail list: 'mailto:someone@example.com' is not an http(s) feed" in (
        result.stdout
    )
    assert f"added 2 feeds to {config}" in result.stdout
    text = config.read_text()
    assert text.startswith("# My story. This comment must survive an import.\n")
    assert 'name = "Wire"  # the fast one' in text
    assert sw("check", "--config", str(config), "--db", str(tmp_path / "x.db")).returncode == 0

    exported = sw("opml", "export", "--config", str(config))
    assert exported.returncode == 0, exported.stderr
    parsed = listparser.parse(exported.stdout.encode())
    assert not parsed.bozo
    assert parsed.meta.title == "US troop withdrawal from Iraq"
    assert [(f.title, f.url) for f in parsed.feeds] == [
        ("Wire", "https://wire.example/world.rss"),
        ("Desk & Co", "https://desk.example/feed"),
        ("Wire (2)", "https://other.example/rss"),  # names stay unique
    ]
    # Importing our own export changes nothing: every feed is a duplicate.
    again = tmp_path / "again.opml"
    again.write_text(exported.stdout)
    before = config.read_text()
    result = sw("opml", "import", str(again), "--config", str(config))
    assert "added 0 feeds" in result.stdout and config.read_text() == before


def test_opml_import_refuses_a_file_with_no_feeds(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text(COMMENTED)
    bad = tmp_path / "notes.opml"
    bad.write_text("these are notes, not OPML")
    result = sw("opml", "import", str(bad), "--config", str(config))
    assert result.returncode == 2
    assert "no feeds found" in result.stderr and config.read_text() == COMMENTED


@pytest.fixture
def two_changes(server: LoopbackServer, tmp_path: Path) -> tuple[Path, Path]:
    server.route("/wire.xml", [Reply(body=rss([FIRST])), Reply(body=rss([SECOND, FIRST]))])
    config = write_config(
        tmp_path, {"Wire": server.url("/wire.xml")}, settings='changes_feed = "out/changes.xml"'
    )
    db = tmp_path / "sw.db"
    for _ in range(2):
        assert sw("poll", "--once", "--config", str(config), "--db", str(db)).returncode == 0
    return config, db


def test_changes_formats(two_changes: tuple[Path, Path]) -> None:
    config, db = two_changes
    paths = ["--config", str(config), "--db", str(db)]

    as_json = sw("changes", "--format", "json", *paths).stdout
    assert as_json == sw("changes", "--json", *paths).stdout  # json is today's JSON Lines
    assert [json.loads(line)["verdict"] for line in as_json.splitlines()] == ["changed", "new"]

    rows = list(csv.DictReader(io.StringIO(sw("changes", "--format", "csv", *paths).stdout)))
    assert [(r["verdict"], r["old"], r["new"], r["new_feed"]) for r in rows] == [
        ("changed", "About 2,500", "Some 2,000", "Wire"),
        ("new", "", "About 2,500", "Wire"),
    ]

    markdown = sw("changes", "--format", "markdown", *paths).stdout.splitlines()
    assert markdown[0].startswith("| detected | figure |") and markdown[1].startswith("|---")
    assert "| US troops in Iraq | changed | About 2,500 (officials) |" in markdown[2]

    atom = sw("changes", "--format", "atom", *paths).stdout
    feed = feedparser.parse(atom)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "US troop withdrawal from Iraq: figure changes"
    first = feed.entries[0]
    assert first.title == "US troops in Iraq: About 2,500 → Some 2,000 (changed, Wire)"
    assert first.link == "https://example.com/b"
    for line in (
        "Figure: US troops in Iraq",
        "Old: About 2,500",
        "New: Some 2,000",
        "Outlet: Wire",
    ):
        assert line in first.content[0].value
    assert len({e.id for e in feed.entries}) == 2


def test_every_poll_rewrites_the_changes_feed(two_changes: tuple[Path, Path]) -> None:
    config, _ = two_changes
    out = config.parent / "out" / "changes.xml"  # relative to the config file
    feed = feedparser.parse(out.read_bytes())
    assert not feed.bozo
    assert [e.title.split(" (")[1] for e in feed.entries] == ["changed, Wire)", "new, Wire)"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["changes.xml"]  # no temp left


def test_datasette_metadata_matches_the_database(two_changes: tuple[Path, Path]) -> None:
    config, db = two_changes
    result = sw("metadata", "--config", str(config), "--db", str(db))
    assert result.returncode == 0, result.stderr
    meta = json.loads(result.stdout)
    (name, database) = next(iter(meta["databases"].items()))
    assert name == db.stem  # Datasette names a database by its file
    with sqlite3.connect(db) as conn:
        for table, info in database["tables"].items():
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            assert columns, f"{table} is not in the database"
            assert set(info["columns"]) <= columns, (table, set(info["columns"]) - columns)
            assert set(info.get("units", {})) <= columns
        answers = {}
        for query, canned in database["queries"].items():
            answers[query] = conn.execute(canned["sql"], {"figure": "US troops in Iraq"}).fetchall()
    assert len(answers["figure_history"]) == 2
    assert answers["reports_that_revised_a_figure"] == []
    assert set(database["queries"]) == {
        "changes_this_week",
        "figure_history",
        "reports_that_revised_a_figure",
    }

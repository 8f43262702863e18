"""The command line contract: exit codes, output forms, and a clean stop mid-poll."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.cli_config import write_config
from tests.feedgen import Item, rss
from tests.loopback import LoopbackServer, Reply, wait_for
from tui.cli import main

DAY1 = datetime(2025, 9, 8, 9, 0, tzinfo=UTC)
DAY2 = datetime(2025, 9, 9, 9, 0, tzinfo=UTC)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_check_reports_every_problem_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nname = "a"\nurl = "ftp://x"\nintervall = 3\n')
    code, out, err = run("--config", str(path), "--db", str(tmp_path / "x.db"), "check")
    assert code == 2
    assert "feeds.toml: feeds[0].url: scheme 'ftp' is not supported" in err
    assert "feeds.toml: feeds[0].intervall: unknown key (did you mean 'interval'?)" in err
    assert f"config:   {path}" in out


def test_poll_once_then_changes_and_history(server: LoopbackServer, tmp_path: Path) -> None:
    first = Item(
        "a",
        "US troops in Iraq",
        "<p>About 2,500 US troops remain in Iraq, the Pentagon said.</p>",
        DAY1,
    )
    second = Item(
        "b",
        "Iraq troop cut",
        "<p>Some 2,000 US troops remain in Iraq, the Pentagon said.</p>",
        DAY2,
    )
    server.route("/wire.xml", [Reply(body=rss([first])), Reply(body=rss([second, first]))])
    server.route("/dead.xml", Reply(status=503))
    config = write_config(
        tmp_path, {"Wire": server.url("/wire.xml"), "Dead": server.url("/dead.xml")}
    )
    db = str(tmp_path / "sw.db")

    for _ in range(2):
        code, out, _ = run("--config", str(config), "--db", db, "poll", "--once")
        assert code == 0  # ran, even though one feed failed
    assert "1 failed" in out and "Dead: HTTP 503" in out

    code, out, _ = run("--config", str(config), "--db", db, "changes", "--json")
    assert code == 0
    changes = [json.loads(line) for line in out.splitlines()]
    assert [(c["figure"], c["verdict"]) for c in changes] == [
        ("US troops in Iraq", "changed"),
        ("US troops in Iraq", "new"),
    ]
    changed = changes[0]
    assert changed["old"]["value"] == 2500 and changed["new"]["value"] == 2000
    assert changed["new"]["feed"] == "Wire" and changed["new"]["source"] == "Pentagon"
    assert changed["within_margin"] is False
    for field in (
        "value",
        "low",
        "high",
        "bound",
        "surface",
        "source",
        "feed",
        "report_url",
        "report_id",
        "published",
    ):
        assert field in changed["old"]

    code, out, _ = run(
        "--config", str(config), "--db", db, "history", "US troops in Iraq", "--json"
    )
    assert [json.loads(line)["value"] for line in out.splitlines()] == [2500, 2000]

    code, out, _ = run("--config", str(config), "--db", db, "feeds")
    assert "FAILING x2" in out and "HTTP 503" in out


def test_extract_reads_stdin_as_json_lines(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["--config", str(tmp_path / "none.toml"), "extract", "-", "--json"],
        input="Iraqi sources put the number of US troops in Iraq at over 3,000.",
    )
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (row["low"], row["bound"], row["thing"], row["place"]) == (
        3000,
        "lower",
        "troops",
        "Iraq",
    )
    assert row["key"].startswith("count|troops|")


def test_commands_that_read_say_when_there_is_no_database(tmp_path: Path) -> None:
    config = write_config(tmp_path, {})
    code, _, err = run("--config", str(config), "--db", str(tmp_path / "none.db"), "changes")
    assert code == 1
    assert "no database yet" in err


def test_a_foreign_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    config = write_config(tmp_path, {})
    foreign = tmp_path / "notes.db"
    foreign.write_bytes(b"these are my notes, not a database")
    code, _, err = run("--config", str(config), "--db", str(foreign), "poll", "--once")
    assert code == 1
    assert "not an SQLite database" in err
    assert foreign.read_bytes() == b"these are my notes, not a database"


@pytest.mark.slow
def test_sigterm_during_a_poll_leaves_no_partial_rows(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """A poller stopped mid-cycle exits cleanly; every stored feed is whole.

    The slow feed never answers and neither its read timeout nor the fetch deadline can
    end it first (both far beyond the test's waits), so the cycle is surely still running
    when SIGTERM comes, however loaded the machine. Each wait is on a condition, with a
    generous limit: on a busy machine start-up alone can take tens of seconds."""
    items = [
        Item(
            f"g{i}",
            f"US troops leave Iraq base {i}",
            f"<p>About {2000 + i} US troops remain in Iraq, the Pentagon said.</p>",
            DAY1,
        )
        for i in range(30)
    ]
    feeds = {f"Fast{i}": server.route(f"/fast{i}.xml", Reply(body=rss(items))) for i in range(6)}
    feeds["Slow"] = server.route("/slow.xml", Reply(hang=True))  # until the server stops
    config = write_config(tmp_path, feeds, settings="timeout = 3600", deadline=3600)
    db = tmp_path / "sw.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--config", str(config), "--db", str(db), "poll"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert wait_for(lambda: server.hits("/slow.xml") > 0, timeout=120)
        assert wait_for(lambda: _count(db, "polls") >= 6, timeout=120)
        time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # Every polled feed is whole: all 30 reports, each with its version and figures.
        per_feed = conn.execute(
            "SELECT f.name, count(r.id) FROM feeds f LEFT JOIN reports r ON r.feed_id = f.id "
            "GROUP BY f.name"
        ).fetchall()
        assert {n for n, c in per_feed if c not in (0, 30)} == set()
        assert conn.execute(
            "SELECT count(*) FROM reports r WHERE NOT EXISTS "
            "(SELECT 1 FROM report_versions v WHERE v.report_id = r.id)"
        ).fetchone() == (0,)
        polled = conn.execute(
            "SELECT count(*) FROM feeds WHERE last_polled_at IS NOT NULL"
        ).fetchone()
        assert polled == conn.execute("SELECT count(DISTINCT feed_id) FROM polls").fetchone()
        assert dict(per_feed)["Slow"] == 0  # it was interrupted, so nothing of it was stored
        # Stopped mid-cycle: the six fast feeds' polls are recorded, the slow one's is not.
        assert conn.execute("SELECT count(*) FROM polls").fetchone() == (6,)


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0

"""Two dashboards and a headless poller on one database for 1,000 commits.

All three are real storywatch processes: `storywatch poll` polls feeds that change at
every fetch (each poll of each feed is a commit); two dashboards watch the same file and
are driven like users (change log, feeds screen, search, acknowledge all: reads and
writes). Nothing may fail with a lock error, and the WAL must stay bounded: readers never
hold a snapshot long enough to stop checkpoints.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.feedgen import feeds_toml, rss
from tests.loopback import LoopbackServer, Recorded, Reply, wait_for
from tests.pipeline import STORY, story_item

pytestmark = pytest.mark.slow

COMMITS = 1_000
FEEDS = 25
WAL_LIMIT = 16 << 20  # 1,000 unbounded commits of these feeds would pass 40 MB


def _polls(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return int(conn.execute("SELECT count(*) FROM polls").fetchone()[0])
    except sqlite3.Error:
        return 0


def _log(folder: Path, name: str) -> str:
    return (folder / f"{name}.log").read_text(encoding="utf-8", errors="replace")


def test_two_dashboards_and_a_poller_share_one_database(
    server: LoopbackServer, tmp_path: Path
) -> None:
    counter = itertools.count()

    def changing(_: Recorded) -> Reply:
        n = next(counter)  # a new entry at every fetch: every poll writes
        return Reply(body=rss([story_item(n, 2000 + n % 7), story_item(n + 1, 2500)]))

    urls = {f"Wire{i}": server.route(f"/w{i}.xml", changing) for i in range(FEEDS)}
    config = tmp_path / "feeds.toml"
    story = STORY.format(deadline=30, timeout=10, max_body=10 << 20)
    config.write_text(story.replace("interval = 600", "interval = 0.5") + feeds_toml(urls))
    db = tmp_path / "shared.db"
    wal = tmp_path / "shared.db-wal"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    base = [sys.executable, "-m", "tui", "--config", str(config), "--db", str(db)]
    # Output goes to files: an unread pipe fills up and blocks the process writing to it.
    logs = {name: (tmp_path / f"{name}.log").open("w") for name in ("poller", "dash0", "dash1")}
    poller = subprocess.Popen([*base, "poll"], stdout=logs["poller"], stderr=subprocess.STDOUT,
                              env=env)  # fmt: skip
    outs = [tmp_path / f"dash{i}.json" for i in range(2)]
    dashboards: list[subprocess.Popen[str]] = []
    wal_sizes: list[int] = []
    try:
        assert wait_for(lambda: _polls(db) > 0, timeout=60)
        for out in outs:
            dashboards.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "tests.faults.dashboard_driver",
                        str(config),
                        str(db),
                        str(out),
                    ],
                    stdout=logs[out.stem],
                    stderr=subprocess.STDOUT,
                    env=env,
                )
            )
        deadline = time.monotonic() + 600
        while _polls(db) < COMMITS and time.monotonic() < deadline:
            assert poller.poll() is None, _log(tmp_path, "poller")
            for i, dash in enumerate(dashboards):
                assert dash.poll() is None, _log(tmp_path, f"dash{i}")
            wal_sizes.append(wal.stat().st_size if wal.exists() else 0)
            time.sleep(0.5)
        assert _polls(db) >= COMMITS
        for dash in dashboards:
            dash.terminate()
            dash.wait(timeout=60)
        poller.terminate()
        poller.wait(timeout=60)
    finally:
        for proc in [poller, *dashboards]:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        for handle in logs.values():
            handle.close()
    print(
        f"polls {_polls(db)}, WAL max {max(wal_sizes) / 1e6:.1f} MB over {len(wal_sizes)} samples"
    )
    assert max(wal_sizes) < WAL_LIMIT, f"WAL reached {max(wal_sizes) / 1e6:.1f} MB"
    assert poller.returncode == 0, _log(tmp_path, "poller")
    for name in logs:
        assert "locked" not in _log(tmp_path, name).lower(), _log(tmp_path, name)
    for out in outs:
        result = json.loads(out.read_text(encoding="utf-8"))
        assert result["errors"] == [], result["errors"]
        assert result["mode"] == "watching" and result["actions"] >= 5
    with sqlite3.connect(db) as conn:
        errors = conn.execute("SELECT error FROM polls WHERE error IS NOT NULL").fetchall()
        assert errors == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

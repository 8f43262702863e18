"""A poll that finds nothing new loads nothing it does not use.

An all-304 poll of many feeds is mostly the process's start-up (issue 11): the second
`storywatch poll --once` on unchanged feeds must not import pydantic (its validated
feeds.toml is remembered), the parser, the extractor, the report writer or the ledger.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from tests.cli_config import write_config
from tests.feedgen import Item, rss
from tests.loopback import LoopbackServer, conditional

HEAVY = (
    "pydantic",
    "tui.core.config_schema",
    "tui.core.parse",
    "tui.core.analyse",
    "tui.core.claims.figures",
    "tui.core.claims.extract",
    "tui.core.figure_pool",
    "tui.core.store.report_writer",
    "tui.core.store.ledger_index",
    "tui.core.ledger",
    "multiprocessing",
)
POLL_AND_LIST_MODULES = """
import sys
from tui.cli import main
try:
    main(sys.argv[1:], prog_name="storywatch")
except SystemExit as done:
    assert not done.code, done.code
print("MODULES", " ".join(sorted(sys.modules)))
"""


def _poll(config: Path, db: Path, cache: Path) -> tuple[str, set[str]]:
    env = {**os.environ, "STORYWATCH_CACHE": str(cache)}
    args = ["--config", str(config), "--db", str(db), "poll", "--once"]
    done = subprocess.run(
        [sys.executable, "-c", POLL_AND_LIST_MODULES, *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    listing = done.stdout.rsplit("MODULES ", 1)[1]
    return done.stdout, set(listing.split())


def test_an_all_304_poll_imports_no_parser_extractor_or_pydantic(
    server: LoopbackServer, tmp_path: Path
) -> None:
    item = Item(
        "a",
        "US troops in Iraq",
        "<p>About 2,500 US troops remain in Iraq, the Pentagon said.</p>",
        datetime(2025, 9, 8, 9, 0, tzinfo=UTC),
    )
    body = rss([item])
    feeds = {
        f"Feed {i}": server.route(f"/f{i}.xml", conditional(body, etag=f'"{i}"')) for i in range(3)
    }
    config = write_config(tmp_path, feeds)
    db, cache = tmp_path / "sw.db", tmp_path / "cache"
    first, loaded = _poll(config, db, cache)
    assert "3 new reports" in first and "tui.core.parse" in loaded
    again, loaded = _poll(config, db, cache)
    assert "0 new reports" in again and "0 failed" in again
    heavy = sorted(m for m in loaded if m.startswith(HEAVY))
    assert heavy == []

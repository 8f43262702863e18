"""A cycle writes its feeds in the config's order: the same feeds give the same ledger
whichever order the network answers in (`monitor.WRITE_ORDER_HOLD`).

Each report is judged against the words written before it, so feeds written in the order
they land gave other change rows from one run to the next. Here the bench's generated
feeds (the repo's story and figures, reports of one story across many outlets) are served
twice: at once, and with delays that make them land in the reverse order. The change log
must be the same, row for row.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from bench.feedgen import make_feeds
from bench.poll import write_config
from tests.loopback import LoopbackServer, Recorded, Reply
from tui.cli import main
from tui.core.monitor import WRITE_ORDER_HOLD

FEEDS = 10
ENTRIES = 30
STEP = 0.08  # seconds between two feeds' answers: the last config feed answers first


def _served(body: bytes, delay: float) -> Callable[[Recorded], Reply]:
    def answer(request: Recorded) -> Reply:
        time.sleep(delay)
        return Reply(headers={"Content-Type": "application/rss+xml"}, body=body)

    return answer


def _change_log(tmp_path: Path, delays: list[float]) -> list[dict[str, object]]:
    bodies = make_feeds(FEEDS, ENTRIES)
    tmp_path.mkdir()
    with LoopbackServer() as server:
        for i, (body, delay) in enumerate(zip(bodies, delays, strict=True)):
            server.route(f"/feeds/{i}.xml", _served(body, delay))
        config, db = tmp_path / "feeds.toml", tmp_path / "story.db"
        write_config(config, server.port, FEEDS, 8)
        runner = CliRunner()
        polled = runner.invoke(main, ["--config", str(config), "--db", str(db), "poll", "--once"])
        assert polled.exit_code == 0, polled.output
    listed = runner.invoke(main, ["--config", str(config), "--db", str(db), "changes", "--json"])
    assert listed.exit_code == 0, listed.output
    changes = [json.loads(line) for line in listed.stdout.splitlines()]
    for change in changes:
        change.pop("detected_at")  # the clock's reading at the poll, not the feeds' content
    return changes


def test_feeds_landing_in_another_order_give_the_same_change_log(tmp_path: Path) -> None:
    assert (FEEDS - 1) * STEP < WRITE_ORDER_HOLD  # within the wait, the order is kept
    at_once = _change_log(tmp_path / "at-once", [0.0] * FEEDS)
    later_first = [(FEEDS - 1 - i) * STEP for i in range(FEEDS)]
    reversed_order = _change_log(tmp_path / "reversed", later_first)
    # Why: the first is a backlog several outlets report on; only a fixed write order
    # makes each report's verdict (and every id) the same in both runs.
    assert sum(1 for c in at_once if c["verdict"] != "new") > 10  # the ledger had work
    assert reversed_order == at_once

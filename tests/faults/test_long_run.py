"""Running for days: bounded memory, bounded logs, clock jumps, a parse that hangs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.soak import soak
from tests.feedgen import rss
from tests.loopback import LoopbackServer, Reply
from tests.pipeline import NOW, config_for, monitor_for, one, rows, story_item
from tui.core import monitor as monitor_module
from tui.headless import StateChangeLog


class Clocks:
    """A fake monotonic clock and a fake wall clock, moved by hand and independently."""

    def __init__(self) -> None:
        self.mono = 1000.0
        self.wall = NOW

    def monotonic(self) -> float:
        return self.mono

    def clock(self) -> datetime:
        return self.wall


async def test_a_hundred_identical_failures_log_one_line_and_recovery_one_more(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.route("/wire.xml", [Reply(status=503)] * 100 + [Reply(body=rss([story_item(1)]))])
    server.route("/calm.xml", Reply(body=rss([story_item(2)]), headers={"ETag": '"c"'}))
    config = config_for({"Wire": server.url("/wire.xml"), "Calm": server.url("/calm.xml")})
    lines: list[str] = []
    log = StateChangeLog(say=lines.append)
    monitor = monitor_for(config, tmp_path / "sw.db")
    try:
        for _ in range(101):
            await monitor.poll_cycle(listener=log)
    finally:
        await monitor.aclose()
    wire = [line for line in lines if line.startswith("Wire")]
    assert wire == [
        "Wire: failing: HTTP 503 Service Unavailable",
        "Wire: recovered",
        "Wire: 1 new report, 0 revisions",
    ]
    assert [line for line in lines if line.startswith("Calm")] == [
        "Calm: 1 new report, 0 revisions"
    ]
    assert one(tmp_path / "sw.db", "SELECT count(*) FROM polls") == 202  # the database keeps all


@pytest.mark.parametrize("jump", [timedelta(days=1), timedelta(hours=-1), timedelta(days=-400)])
async def test_a_wall_clock_jump_causes_no_burst_and_no_negative_wait(
    server: LoopbackServer, tmp_path: Path, jump: timedelta
) -> None:
    feeds = {
        f"F{i}": server.route(f"/f{i}.xml", Reply(body=rss([story_item(i)]))) for i in range(5)
    }
    clocks = Clocks()
    monitor = monitor_for(
        config_for(feeds), tmp_path / "sw.db", clock=clocks.clock, monotonic=clocks.monotonic
    )
    try:
        first = await monitor.poll_cycle(only_due=True)
        clocks.wall += jump  # the wall clock jumps; the monotonic one does not
        clocks.mono += 1
        after_jump = await monitor.poll_cycle(only_due=True)
        waits = [monitor.schedule.next_in(name) for name in feeds]
        clocks.mono += 661  # one interval (+10% jitter) later on the monotonic clock
        later = await monitor.poll_cycle(only_due=True)
    finally:
        await monitor.aclose()
    assert (first.feeds_polled, after_jump.feeds_polled, later.feeds_polled) == (5, 0, 5)
    assert all(530 <= w <= 660 for w in waits), waits
    assert len(server.requests) == 10


@pytest.fixture
def slow_analyse(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Make parsing a body that contains b"HANG" block until the test releases it.

    The seam is the module-level `analyse_feed` name `tui.core.monitor` calls at run time
    (with parse_workers=0 it runs on a thread, so the patched function is the one used).
    """
    release = threading.Event()
    from tui.core.analyse import analyse_feed as real

    def digest(body: bytes, *args: Any, **kwargs: Any) -> Any:
        if b"HANG" in body:
            release.wait(30)
        if b"CRASH" in body:
            raise RuntimeError("extractor bug")
        return real(body, *args, **kwargs)

    monkeypatch.setattr(monitor_module, "analyse_feed", digest)
    yield release
    release.set()


async def test_a_parse_that_hangs_is_abandoned_at_the_deadline(
    server: LoopbackServer, tmp_path: Path, slow_analyse: threading.Event
) -> None:
    hang = rss([story_item(1)]).replace(b"</channel>", b"<!-- HANG --></channel>")
    feeds = {
        "Hang": server.route("/hang.xml", Reply(body=hang, headers={"ETag": '"h"'})),
        **{
            f"Ok{i}": server.route(f"/ok{i}.xml", Reply(body=rss([story_item(10 + i)])))
            for i in range(3)
        },
    }
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for(feeds, deadline=1), db)
    started = time.monotonic()
    try:
        finished = await monitor.poll_cycle()
    finally:
        elapsed = time.monotonic() - started
        slow_analyse.set()
        await monitor.aclose()
    assert finished.errors == (("Hang", "parsing took longer than 1 s; skipped this poll"),)
    # The parse hangs for 30 s: a cycle well under that abandoned it rather than waited (a
    # tighter bound measured the machine's load, not the deadline).
    assert elapsed < 15
    assert rows(db, "SELECT name, etag, consecutive_failures FROM feeds ORDER BY name")[0] == (
        "Hang",
        None,  # the ETag is not kept, so the next poll fetches the body again
        1,
    )
    assert one(db, "SELECT count(*) FROM reports") == 3


async def test_a_digest_crash_is_recorded_and_the_cycle_goes_on(
    server: LoopbackServer, tmp_path: Path, slow_analyse: threading.Event
) -> None:
    crash = rss([story_item(1)]).replace(b"</channel>", b"<!-- CRASH --></channel>")
    feeds = {
        "Crash": server.route("/crash.xml", Reply(body=crash)),
        "Ok": server.route("/ok.xml", Reply(body=rss([story_item(2)]))),
    }
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for(feeds), db)
    try:
        finished = await monitor.poll_cycle()
    finally:
        await monitor.aclose()
    assert finished.errors == (("Crash", "could not read the feed (RuntimeError: extractor bug)"),)
    assert one(db, "SELECT count(*) FROM reports") == 1


@pytest.mark.slow
async def test_memory_stays_flat_over_many_cycles() -> None:
    """A short soak (the long one is bench/soak.py): growth after warm-up < 20 MB.

    Fetch limits far beyond any real need: on a loaded machine (tracemalloc slows every
    allocation) a poll past the usual 30 s deadline failed, and abandoned work is not the
    memory this test measures. Every poll must succeed, so the same work is measured."""
    result = await soak(100, 20, samples=10, new_entry_every=10, deadline=3600, read_timeout=3600)
    traced, rss = result.growth()
    print(
        f"\n{result.curve()}\ngrowth after warm-up: tracemalloc {traced:+.1f} MB, RSS {rss:+.1f} MB"
    )
    assert result.requests == 100 * 20
    assert result.failed == 0
    assert result.reports > 20
    assert traced < 20
    assert rss < 20

"""kill -9 the poller at random moments, many times over: the file is always whole.

A real `python -m tui ... poll` subprocess ingests many feeds × entries from a loopback
server; it is SIGKILLed after a random delay, then the file is checked: integrity, and
every feed's reports, versions, figures, changes and fetch state all-or-nothing. The
feeds change between kills, so later runs add revisions on top of earlier data.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.helpers import broken_invariants, integrity
from tests.feedgen import Item, rss
from tests.loopback import LoopbackServer, Recorded, Reply, wait_for
from tests.pipeline import DAY1, config_text, one

FEEDS = 6  # under PROCESS_POOL_THRESHOLD: parsing on a thread, no worker start-up per run
ENTRIES = 40
KILLS = 50
# Fetch limits and waits far beyond need: they are not what these tests prove, and on a
# loaded machine a 20 s parse deadline failed the baseline poll or a 20 s wait timed out.
LIMITS = {"deadline": 3600.0, "timeout": 3600.0}
WAIT = 180.0  # seconds: the longest any one step may take before the test gives up


class ChangingFeeds:
    """Feeds whose entries change with `generation`, each with a matching ETag."""

    def __init__(self) -> None:
        self.generation = 0
        self._lock = threading.Lock()
        self._cache: dict[tuple[int, int], bytes] = {}

    def body(self, feed: int) -> bytes:
        key = (feed, self.generation)
        with self._lock:
            if key not in self._cache:
                items = [
                    Item(
                        f"f{feed}-e{e}",
                        f"US troops leave Iraq base {feed}-{e}",
                        # A figure that moves with the generation: revisions and changes.
                        f"<p>About {2000 + 10 * ((e + self.generation) % 7):,} US troops "
                        f"remain in Iraq, the Pentagon said. Some {100 + e} soldiers left "
                        f"Syria for Kuwait.</p>",
                        DAY1,
                    )
                    for e in range(ENTRIES)
                ]
                self._cache[key] = rss(items, title=f"Feed {feed}")
            return self._cache[key]

    def route(self, feed: int) -> object:
        def answer(request: Recorded) -> Reply:
            etag = f'"g{self.generation}"'
            if request.header("If-None-Match") == etag:
                return Reply(status=304, headers={"ETag": etag})
            return Reply(body=self.body(feed), headers={"ETag": etag})

        return answer


def _requests_beyond(server: LoopbackServer, seen: int) -> Callable[[], bool]:
    return lambda: len(server.requests) > seen


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _reap_group(pgid: int) -> int:
    """SIGKILL what is left of the poller's process group (its parse workers); 1 if any was."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return 0
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)
    return 1


def _reports_by_feed(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return dict(
            conn.execute(
                "SELECT f.name, count(r.id) FROM feeds f LEFT JOIN reports r ON r.feed_id = f.id "
                "GROUP BY f.name"
            ).fetchall()
        )
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_9_at_random_moments_never_leaves_a_half_written_feed(
    server: LoopbackServer, tmp_path: Path
) -> None:
    feeds = ChangingFeeds()
    urls = {f"F{i}": server.route(f"/f{i}.xml", feeds.route(i)) for i in range(FEEDS)}  # type: ignore[arg-type]
    config = tmp_path / "feeds.toml"
    config.write_text(config_text(urls, **LIMITS))
    db = tmp_path / "sw.db"
    rng = random.Random(20250910)
    command = [sys.executable, "-m", "tui", "--config", str(config), "--db", str(db), "poll"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    started = time.monotonic()
    delays: list[float] = []
    killed_mid_run = 0
    orphans = 0
    # A complete first run: the baseline data, and how long fetching + ingest takes.
    baseline = subprocess.Popen(
        [*command[:-1], "poll", "--once"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert wait_for(lambda: len(server.requests) > 0, timeout=WAIT)
    first_request = time.monotonic()
    out, err = baseline.communicate(timeout=WAIT)
    work = time.monotonic() - first_request
    assert baseline.returncode == 0, err.decode()
    assert b"0 failed" in out, out.decode()
    print(f"\nbaseline poll --once: {work:.2f} s from the first request to exit")
    for run in range(KILLS):
        feeds.generation += 1  # new content every run: each run writes revisions and changes
        seen = len(server.requests)
        log = tmp_path / f"run{run}.err"
        with log.open("wb") as errors:
            # Its own session, so that what the kill leaves behind can be found and cleaned.
            proc = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=errors, env=env, start_new_session=True
            )
            # Wait for its first request, then kill anywhere in fetching and ingesting.
            assert wait_for(_requests_beyond(server, seen), timeout=WAIT)
            delay = rng.uniform(0.0, work * 1.1)
            delays.append(delay)
            time.sleep(delay)
            if proc.poll() is None:
                killed_mid_run += 1
            proc.send_signal(signal.SIGKILL)  # the poller only, as `kill -9 <pid>` does
            proc.wait(timeout=WAIT)
        assert proc.returncode in (-signal.SIGKILL, 0), log.read_text()[-2000:]
        orphans += _reap_group(proc.pid)
        if not db.exists():
            continue
        assert integrity(db) == "ok", f"run {run}: integrity"
        broken = broken_invariants(db)
        assert broken == {}, f"run {run} (killed after {delay:.2f} s): {broken}"
        # All-or-nothing per feed: a feed has none or all of its entries.
        partial = {n: c for n, c in _reports_by_feed(db).items() if c not in (0, ENTRIES)}
        assert partial == {}, f"run {run}: feeds with some of their entries: {partial}"
    elapsed = time.monotonic() - started
    stored = one(db, "SELECT count(*) FROM reports")
    versions = one(db, "SELECT count(*) FROM report_versions")
    claims = one(db, "SELECT count(*) FROM claims")
    changes = one(db, "SELECT count(*) FROM changes")
    print(
        f"\n{KILLS} kill -9 runs in {elapsed:.0f} s ({killed_mid_run} killed while running; "
        f"delays {min(delays):.2f}-{max(delays):.2f} s): {stored} reports, {versions} versions, "
        f"{claims} claims, {changes} changes; integrity ok and all-or-nothing after every kill; "
        f"{orphans} runs left parse-worker processes behind"
    )
    assert killed_mid_run >= KILLS * 0.9
    assert int(str(stored)) > 0 and int(str(versions)) > int(str(stored))  # revisions happened


@pytest.mark.slow
def test_kill_9_during_a_pooled_parse_leaves_no_processes_behind(
    server: LoopbackServer, tmp_path: Path
) -> None:
    feeds = ChangingFeeds()
    # Workers asked for, and at least PROCESS_POOL_THRESHOLD feeds: parsing runs in them.
    urls = {f"F{i}": server.route(f"/f{i}.xml", feeds.route(i)) for i in range(10)}  # type: ignore[arg-type]
    config = tmp_path / "feeds.toml"
    text = config_text(urls, **LIMITS)
    config.write_text(text.replace("[settings]\n", "[settings]\nparse_workers = 2\n", 1))
    db = tmp_path / "sw.db"
    command = [sys.executable, "-m", "tui", "--config", str(config), "--db", str(db), "poll"]
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    assert wait_for(_requests_beyond(server, 0), timeout=WAIT)
    time.sleep(0.3)  # fetched, now parsing in the pool
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=WAIT)
    # Orphaned workers must notice their parent is gone and exit by themselves: wait for
    # that (however long a loaded machine takes) rather than a fixed 3 s; only if some are
    # still there after WAIT is what is left reaped and counted.
    wait_for(lambda: not _group_alive(proc.pid), timeout=WAIT)
    left = _reap_group(proc.pid)
    assert integrity(db) == "ok"
    assert left == 0


@pytest.mark.slow
def test_kill_9_while_the_figure_worker_reads_leaves_no_processes_behind(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """A poll of many feeds reads figures in a worker process: the poller killed while it
    does leaves no worker behind, and the file whole."""
    feeds = ChangingFeeds()
    urls = {f"F{i}": server.route(f"/f{i}.xml", feeds.route(i)) for i in range(10)}  # type: ignore[arg-type]
    config = tmp_path / "feeds.toml"
    config.write_text(config_text(urls, **LIMITS))
    db = tmp_path / "sw.db"
    command = [sys.executable, "-m", "tui", "--config", str(config), "--db", str(db), "poll"]
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )

    def worker_running() -> bool:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        with contextlib.suppress(OSError):
            return bool(children.read_text().split())
        return False

    assert wait_for(worker_running, timeout=WAIT), "no figure worker was started"
    time.sleep(0.2)  # reading figures now
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=WAIT)
    wait_for(lambda: not _group_alive(proc.pid), timeout=WAIT)
    left = _reap_group(proc.pid)
    if db.exists():
        assert integrity(db) == "ok"
        assert broken_invariants(db) == {}
    assert left == 0

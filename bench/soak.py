"""Long-run memory soak: many poll cycles of many feeds on a fake clock, memory sampled.

A loopback server (tests/loopback.py) answers most polls 304 (conditional GET) and now and
then serves a feed with new entries, so the run exercises fetch, parse, extract and store
the way days of polling do, only fast. The monitor gets a fake monotonic clock and a fake
wall clock, both advanced by one interval per cycle, so every feed is due every cycle.

Prints the memory curve (tracemalloc current and RSS, MB, against the cycle number) and the
growth after warm-up. The full run is long; tests/faults/test_long_run.py runs a short one.

    uv run python bench/soak.py                      # 10,000 cycles x 50 feeds
    uv run python bench/soak.py --cycles 1000 --feeds 20 --no-tracemalloc
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.feedgen import Item, rss
from tests.loopback import LoopbackServer, Recorded, Reply
from tui.core.config import parse_config
from tui.core.monitor import Monitor

START = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
INTERVAL = 600.0
CONFIG = """
[story]
title = "US troop withdrawal from Iraq"
keywords = [["Iraq", "Syria"], ["troop*", "soldier*"]]

[settings]
interval = 600
deadline = {deadline}
timeout = {timeout}
concurrency = 8

[[figures]]
name = "US troops in Iraq"
things = ["troops", "soldiers"]
places = ["Iraq"]
actors = ["US"]
"""


@dataclass
class Sample:
    cycle: int
    traced_mb: float  # tracemalloc current (0 when tracemalloc is off)
    rss_mb: float
    seconds: float


@dataclass
class SoakResult:
    cycles: int
    feeds: int
    samples: list[Sample] = field(default_factory=list)
    requests: int = 0
    reports: int = 0
    failed: int = 0  # polls that ended in an error (a fetch or parse past its limits...)
    seconds: float = 0.0

    def growth(self, warmup_fraction: float = 0.2) -> tuple[float, float]:
        """(tracemalloc, RSS) growth in MB from the end of warm-up to the end of the run."""
        warm = [s for s in self.samples if s.cycle >= self.cycles * warmup_fraction]
        first, last = warm[0], warm[-1]
        return last.traced_mb - first.traced_mb, last.rss_mb - first.rss_mb

    def curve(self) -> str:
        lines = ["cycle    traced MB    RSS MB    elapsed s"]
        lines += [
            f"{s.cycle:>6} {s.traced_mb:>10.1f} {s.rss_mb:>9.1f} {s.seconds:>10.1f}"
            for s in self.samples
        ]
        return "\n".join(lines)


def rss_mb() -> float:
    """Resident set size from /proc (Linux); 0 elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class FeedSite:
    """One feed that answers 304 until it is given a new entry, with a fresh ETag each time."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.items: list[Item] = []
        self.version = 0
        self.body = b""
        self.add()

    def add(self) -> None:
        n = len(self.items)
        self.items = [
            Item(
                f"f{self.index}-e{n}",
                f"US troops leave Iraq base {self.index}-{n}",
                f"<p>About {2000 + n:,} US troops remain in Iraq, the Pentagon said; "
                f"{n} soldiers moved to Kuwait.</p>",
                START + timedelta(minutes=n),
            ),
            *self.items,
        ][:20]  # a feed shows its latest 20 entries, like real ones
        self.version += 1
        self.body = rss(self.items, title=f"Feed {self.index}")

    def answer(self, request: Recorded) -> Reply:
        etag = f'"v{self.version}"'
        if request.header("If-None-Match") == etag:
            return Reply(status=304, headers={"ETag": etag})
        return Reply(body=self.body, headers={"ETag": etag, "Content-Type": "application/rss+xml"})


async def soak(
    cycles: int,
    feeds: int,
    *,
    samples: int = 20,
    new_entry_every: int = 25,
    use_tracemalloc: bool = True,
    db: Path | None = None,
    progress: bool = False,
    deadline: float = 30,
    read_timeout: float = 10,
) -> SoakResult:
    """Run `cycles` poll cycles over `feeds` feeds; each cycle one feed in `new_entry_every`
    (on average) gets a new entry. Returns the sampled memory curve. `deadline` and
    `read_timeout` are `[settings]`' deadline and timeout (seconds)."""
    rng = random.Random(7)
    result = SoakResult(cycles, feeds)
    sample_every = max(cycles // samples, 1)
    with tempfile.TemporaryDirectory() as tmp, LoopbackServer() as server:
        db = db or Path(tmp) / "soak.db"
        # Headers and body go out in two writes: without TCP_NODELAY, Nagle plus delayed
        # ACKs stall each 200 response by ~40 ms and the run measures the kernel, not us.
        server._httpd.RequestHandlerClass.disable_nagle_algorithm = True  # type: ignore[attr-defined]
        sites = [FeedSite(i) for i in range(feeds)]
        urls = {f"Feed{i}": server.route(f"/f{i}.xml", site.answer) for i, site in enumerate(sites)}
        config = parse_config(
            CONFIG.format(deadline=deadline, timeout=read_timeout)
            + "".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in urls.items())
        )
        mono = {"t": 1000.0}
        wall = {"t": START}
        monitor = Monitor(
            config,
            db,
            clock=lambda: wall["t"],
            monotonic=lambda: mono["t"],
            rng=random.Random(1),
            parse_workers=0,
        )
        if use_tracemalloc:
            tracemalloc.start()
        started = time.perf_counter()
        try:
            for cycle in range(cycles + 1):
                if cycle % sample_every == 0 or cycle == cycles:
                    gc.collect()
                    traced = tracemalloc.get_traced_memory()[0] / 1e6 if use_tracemalloc else 0
                    sample = Sample(cycle, traced, rss_mb(), time.perf_counter() - started)
                    result.samples.append(sample)
                    if progress:
                        print(
                            f"{sample.cycle:>6} {sample.traced_mb:>8.1f} {sample.rss_mb:>8.1f}",
                            f"{sample.seconds:>7.1f}",
                            flush=True,
                        )
                if cycle == cycles:
                    break
                for site in sites:
                    if rng.random() < 1 / new_entry_every:
                        site.add()
                await monitor.poll_cycle(only_due=True)
                mono["t"] += INTERVAL * 1.2  # past the ±10% jitter: every feed is due again
                wall["t"] += timedelta(seconds=INTERVAL * 1.2)
                server.requests.clear()  # the test server's own log must not grow
        finally:
            await monitor.aclose()
            if use_tracemalloc:
                tracemalloc.stop()
        result.seconds = time.perf_counter() - started
        import sqlite3

        conn = sqlite3.connect(db)
        result.reports = int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])
        result.requests = int(conn.execute("SELECT count(*) FROM polls").fetchone()[0])
        failed = conn.execute("SELECT count(*) FROM polls WHERE status = 'error'").fetchone()
        result.failed = int(failed[0])
        conn.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cycles", type=int, default=10_000)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--samples", type=int, default=25)
    parser.add_argument("--no-tracemalloc", action="store_true")
    args = parser.parse_args()
    print(f"soak: {args.cycles} cycles x {args.feeds} feeds", flush=True)
    result = asyncio.run(
        soak(
            args.cycles,
            args.feeds,
            samples=args.samples,
            use_tracemalloc=not args.no_tracemalloc,
            progress=True,
        )
    )
    traced, rss = result.growth()
    print(result.curve())
    print(
        f"{result.requests} polls, {result.reports} reports stored in {result.seconds:.0f} s; "
        f"growth after warm-up: tracemalloc {traced:+.1f} MB, RSS {rss:+.1f} MB"
    )


if __name__ == "__main__":
    main()

"""Churn soak: how the database grows over many polls, and what `storywatch prune` gives back.

N feeds of realistic entries (bench/feedgen.py: 150-400-word HTML, ~1 in 10 on the story
with figures) are served from a loopback server as a sliding window of the newest 50.
Each cycle about 5% of each window is new (Poisson, mean `--churn` x 50) and some
entries are revised (a sentence added, `--revise` of the window); the monitor polls
every feed once per cycle on a fake clock advanced by 10 minutes.

Prints the growth curve (database bytes against cycles and reports), the bytes each new
report and each poll row costs (from SQLite's dbstat), the size after `prune` (all
off-story text older than the run's end) and VACUUM, and a year projected from those
per-item costs. `--readme` writes the result into bench/README.md.

    uv run python bench/churn.py                     # 50 feeds x 100 cycles (~5 min)
    uv run python bench/churn.py --feeds 10 --cycles 20   # quick look
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.feedgen import feed_entries
from tests.feedgen import Item, rss
from tests.loopback import LoopbackServer, Recorded, Reply
from tui.core.config import parse_config
from tui.core.monitor import Monitor
from tui.core.store import Store
from tui.core.store.prune import prune

WINDOW = 50
INTERVAL = timedelta(minutes=10)
START = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
CONFIG = """
[story]
title = "US troop withdrawal from Iraq"
keywords = [["Iraq", "Syria"], ["troop*", "soldier*"]]
exclude = ["football"]

[settings]
interval = 600
deadline = 60
timeout = 30
concurrency = 8

[[figures]]
name = "US troops in Iraq"
things = ["troops", "soldiers"]
places = ["Iraq"]
actors = ["US"]
"""
README_MARK = "## Storage over months (churn soak)"
INTRO = """`bench/churn.py`: the real poll path (`Monitor.poll_cycle`, loopback HTTP, SQLite in a
temp dir) over a sliding window of 50 generated entries per feed; each cycle ~5% of each
window is new and 1% of it is revised. Bytes come from SQLite (`page_count`, `dbstat` per
table), so the WAL's pages count as if checkpointed. The per-report cost is the database
minus the empty schema and the poll log, over the reports stored; the year is those
measured costs times a year's items (the real-feeds corpus in ../shared/realfeeds carries
a median of 12.5 new items per feed per day, quartiles 8-20; 25 and 50 shown for busier
feeds), with ~10% of reports on the story as in `feedgen.py`. Growth is linear (table)."""


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: small means only, which is all this needs."""
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class ChurningFeed:
    """A feed showing the newest `WINDOW` of a long pool of entries; ETag per version."""

    def __init__(self, index: int, cycles: int, churn: float, revise: float) -> None:
        self.rng = random.Random(index)
        pool = feed_entries(index, WINDOW + int(cycles * churn * WINDOW * 2) + 20)
        self.pool = list(reversed(pool))  # oldest first: new entries come from the end
        self.churn, self.revise = churn, revise
        self.end = WINDOW
        self.edits: dict[int, int] = {}
        self.version = 0
        self.body = b""
        self._render()

    def advance(self) -> None:
        self.end = min(len(self.pool), self.end + _poisson(self.rng, self.churn * WINDOW))
        for position in range(max(0, self.end - WINDOW), self.end):
            if self.rng.random() < self.revise:
                self.edits[position] = self.edits.get(position, 0) + 1
        self._render()

    def _render(self) -> None:
        items = []
        for position in range(self.end - 1, max(0, self.end - WINDOW) - 1, -1):
            entry = self.pool[position]
            edits = self.edits.get(position, 0)
            html = str(entry["html"]) + "".join(
                f"<p>Update {n + 1}: officials gave new details on Tuesday.</p>"
                for n in range(edits)
            )
            items.append(
                Item(str(entry["guid"]), str(entry["title"]), html,
                     entry["published"], link=str(entry["link"]))  # type: ignore[arg-type]
            )  # fmt: skip
        self.version += 1
        self.body = rss(items, title=f"Feed {id(self)}")

    def answer(self, request: Recorded) -> Reply:
        etag = f'"v{self.version}"'
        if request.header("If-None-Match") == etag:
            return Reply(status=304, headers={"ETag": etag})
        return Reply(body=self.body, headers={"ETag": etag, "Content-Type": "application/rss+xml"})


@dataclass
class Sample:
    cycle: int
    reports: int
    versions: int
    polls: int
    db_bytes: int
    wal_bytes: int


def _sizes(db: Path) -> tuple[dict[str, int], Sample]:
    with Store(db, readonly=True) as store:
        conn = store.conn
        tables = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
        counts = [
            int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in ("reports", "report_versions", "polls")
        ]
        # Pages as this connection sees them (the WAL's included): the size once checkpointed.
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        page = int(conn.execute("PRAGMA page_size").fetchone()[0])
    wal = db.with_name(db.name + "-wal")
    sample = Sample(0, *counts, pages * page, wal.stat().st_size if wal.exists() else 0)
    return tables, sample


def _empty_bytes(folder: Path) -> int:
    """An empty database with the schema: the fixed cost, not counted per item."""
    path = folder / "empty.db"
    Store(path).close()
    return _sizes(path)[1].db_bytes


async def churn(feeds: int, cycles: int, churn_rate: float, revise: float, db: Path) -> dict:  # type: ignore[type-arg]
    sites = [ChurningFeed(i, cycles, churn_rate, revise) for i in range(feeds)]
    samples: list[Sample] = []
    now = [START]
    with LoopbackServer() as server:
        urls = {f"feed{i:03d}": server.route(f"/f{i}.xml", s.answer) for i, s in enumerate(sites)}
        toml = CONFIG + "".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in urls.items())
        monitor = Monitor(parse_config(toml), db, clock=lambda: now[0], parse_workers=1)
        started = time.perf_counter()
        try:
            for cycle in range(cycles + 1):
                if cycle:
                    for site in sites:
                        site.advance()
                    now[0] += INTERVAL
                await monitor.poll_cycle()
                if cycle % max(1, cycles // 10) == 0 or cycle == cycles:
                    _, sample = _sizes(db)
                    sample.cycle = cycle
                    samples.append(sample)
                    print(f"cycle {cycle:>4}: {sample.reports:>6} reports "
                          f"{sample.db_bytes / 1e6:7.1f} MB", flush=True)  # fmt: skip
        finally:
            await monitor.aclose()
        seconds = time.perf_counter() - started
    tables, end = _sizes(db)
    with Store(db) as store:
        on_story = int(store.conn.execute("SELECT sum(on_story) FROM reports").fetchone()[0])
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pruned = prune(store, older_than=timedelta(0), now=now[0] + INTERVAL, vacuum=True)
    after_tables, after = _sizes(db)
    empty = _empty_bytes(db.parent)
    return {
        "empty": empty,
        "samples": samples, "tables": tables, "after_tables": after_tables, "end": end,
        "after": after, "pruned": pruned, "seconds": seconds, "on_story": on_story,
        "feeds": feeds, "cycles": cycles, "churn": churn_rate, "revise": revise,
    }  # fmt: skip


def _bytes_per(tables: dict[str, int], names: tuple[str, ...], count: int) -> float:
    return sum(size for name, size in tables.items() if name.startswith(names)) / max(count, 1)


def report(result: dict) -> str:  # type: ignore[type-arg]
    end, after, samples = result["end"], result["after"], result["samples"]
    tables, after_tables = result["tables"], result["after_tables"]
    polls = ("polls", "polls_feed")
    poll_cost = _bytes_per(tables, polls, end.polls)
    fixed = result["empty"]
    item_bytes = end.db_bytes - fixed - sum(s for n, s in tables.items() if n.startswith(polls))
    item_cost = item_bytes / end.reports
    item_cost_pruned = (
        after.db_bytes - fixed - sum(s for n, s in after_tables.items() if n.startswith(polls))
    ) / end.reports
    lines = [
        f"{result['feeds']} feeds x {result['cycles']} cycles, window {WINDOW}, "
        f"{result['churn']:.0%} new per cycle, {result['revise']:.0%} of the window revised "
        f"per cycle; {end.reports:,} reports ({result['on_story']:,} on the story), "
        f"{end.versions:,} versions, {end.polls:,} polls; {result['seconds']:.0f} s",
        "",
        f"Empty database (schema only): {result['empty'] / 1e3:.0f} KB.",
        "",
        "| cycle | reports | versions | database MB | WAL MB |",
        "|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {s.cycle} | {s.reports:,} | {s.versions:,} | {s.db_bytes / 1e6:.1f} | "
        f"{s.wal_bytes / 1e6:.1f} |"
        for s in samples
    ]
    pruned = result["pruned"]
    lines += [
        "",
        "* per new report (versions, figures, FTS, indexes included): "
        f"**{item_cost / 1e3:.1f} KB**; after `prune --off-story-older-than 0d --vacuum`: "
        f"**{item_cost_pruned / 1e3:.1f} KB**",
        f"* per poll log row: **{poll_cost:.0f} bytes**",
        f"* prune: cleared {pruned.texts_cleared:,} texts, deleted {pruned.versions_deleted:,} old"
        f" versions and {pruned.polls_deleted:,} poll rows; {end.db_bytes / 1e6:.1f} MB -> "
        f"{after.db_bytes / 1e6:.1f} MB",
        "",
        "A year of 50 feeds polled every 10 minutes (2.63 M poll rows), from those measured costs:",
        "",
        "| new items per feed per day | reports in a year | unpruned | pruned monthly (30 days of"
        " off-story text kept) |",
        "|---:|---:|---:|---:|",
    ]
    poll_rows = 50 * 144 * 365
    for per_day in (12.5, 25, 50):
        reports = int(50 * per_day * 365)
        raw = reports * item_cost + poll_rows * poll_cost
        month = int(50 * per_day * 30)
        kept = reports * item_cost_pruned + month * (item_cost - item_cost_pruned)
        kept += 50 * 144 * 30 * poll_cost
        lines.append(f"| {per_day:g} | {reports:,} | {raw / 1e9:.2f} GB | {kept / 1e9:.2f} GB |")
    return "\n".join(lines)


def write_readme(text: str) -> None:
    """Replace this section of bench/README.md (or add it at the end); keep the others."""
    readme = Path(__file__).with_name("README.md")
    body = readme.read_text(encoding="utf-8")
    head, _, rest = body.partition(README_MARK)
    nxt = rest.find("\n## ")
    tail = rest[nxt:] if rest and nxt >= 0 else ""
    section = f"{README_MARK}\n\n{INTRO}\n\n{text}\n"
    readme.write_text(f"{head.rstrip()}\n\n{section}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--churn", type=float, default=0.05)
    parser.add_argument("--revise", type=float, default=0.01)
    parser.add_argument("--readme", action="store_true", help="write into bench/README.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(churn(args.feeds, args.cycles, args.churn, args.revise,
                                   Path(tmp) / "churn.db"))  # fmt: skip
    text = report(result)
    print(text)
    if args.readme:
        write_readme(text)


if __name__ == "__main__":
    main()

"""Dashboard benchmark: 100,000 reports and 1,000,000 figures.

    uv run python bench/tui.py [--reports 100000] [--claims 1000000] [--db PATH] [--runs 5]

Measures, as medians over runs: time to first paint (app mounted and figures panel
populated), keypress-to-repaint of a history page down, peak RSS; and prints EXPLAIN QUERY
PLAN for the dashboard's hot queries. A built database is reused when --db exists.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core.config import parse_config
from tui.core.store import Store
from tui.core.store.refs import FigureRef
from tui.messages import HistoryLoaded

FIGURES = [
    ("US troops in Iraq", "count|troops|presence|Iraq|US", 2500),
    ("US troops in Syria", "count|troops|presence|Syria|US", 900),
    ("Withdrawal deadline", "date|withdrawal|movement|-|US", 1.79e9),
    (None, "count|troops|presence|Kuwait|US", 1000),
    (None, "count|troops|presence|Erbil|coalition", 400),
    (None, "count|troops|casualty|Iraq|US", 3),
]
SOURCES = ["the Pentagon", "Reuters", "AP", "Iraqi sources", "officials", "BBC"]
CONFIG = """
[story]
title = "US troop withdrawal from Iraq"
[[figures]]
name = "US troops in Iraq"
things = ["troops"]
[[figures]]
name = "US troops in Syria"
things = ["troops"]
[[figures]]
name = "Withdrawal deadline"
things = ["withdrawal"]
"""


def build(path: Path, reports: int, claims: int) -> None:
    """Bulk inserts in a few big transactions (executemany), then ANALYZE."""
    rng = random.Random(7)
    store = Store(path)
    conn = store.conn
    started = time.perf_counter()
    with store.write() as db:
        for i in range(8):
            db.execute(
                "INSERT INTO feeds (name, url, last_polled_at, last_success_at) VALUES "
                "(?, ?, '2024-09-04T12:00:00+00:00', '2024-09-04T12:00:00+00:00')",
                [f"Feed {i}", f"https://example.org/{i}.xml"],
            )
    # FTS triggers would index every insert; drop them for the bulk load, rebuild once.
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master "
        "WHERE type = 'trigger' AND tbl_name = 'report_versions'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    base = 1_600_000_000
    per_report = max(claims // reports, 1)
    batch = 20_000
    conn.execute("BEGIN IMMEDIATE")
    for start in range(0, reports, batch):
        ids = range(start + 1, min(start + batch, reports) + 1)
        conn.executemany(
            "INSERT INTO reports (id, feed_id, entry_id, link, title, published, first_seen_at, "
            "last_changed_at, on_story) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
            [
                (
                    i,
                    i % 8 + 1,
                    f"e{i}",
                    f"https://example.org/r/{i}",
                    f"Report {i} on US troops",
                    _iso(base + i * 60),
                    _iso(base + i * 60),
                    _iso(base + i * 60),
                )
                for i in ids
            ],
        )
        conn.executemany(
            "INSERT INTO report_versions (id, report_id, version, title, text, content_hash, "
            "seen_at) VALUES (?, ?, 1, ?, ?, ?, ?)",
            [
                (
                    i,
                    i,
                    f"Report {i} on US troops",
                    f"About {2500 + i % 50:,} US troops remain in Iraq, officials said ({i}).",
                    f"h{i}",
                    _iso(base + i * 60),
                )
                for i in ids
            ],
        )
        rows = []
        for i in ids:
            for j in range(per_report):
                figure, key, value = FIGURES[(i + j) % len(FIGURES)]
                rows.append(
                    (
                        i,
                        i,
                        key,
                        figure,
                        f"{value:,.0f}",
                        key.split("|")[0],
                        "approx",
                        value + rng.randint(-50, 50),
                        value,
                        SOURCES[(i * 7 + j) % 6],
                        "current" if j % 10 else "historic",
                        "A sentence.",
                        6,
                        11,
                        _iso(base + i * 60),
                    )
                )
        conn.executemany(
            "INSERT INTO claims (report_id, version_id, key, figure, surface, kind, bound, low, "
            'high, value, speaker, predicate, as_of, sentence, start, "end", observed_at) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'presence', ?, ?, ?, ?, ?)",
            rows,
        )
    conn.execute("UPDATE claims SET value = low")
    # one change in a hundred claims, the newest 20 unacknowledged
    conn.execute(
        "INSERT INTO changes (claim_id, old_claim_id, key, figure, verdict, detected_at, "
        "acknowledged_at) SELECT id, id - 6, key, figure, CASE id % 3 WHEN 0 THEN 'changed' "
        "WHEN 1 THEN 'disputed' ELSE 'revised' END, observed_at, observed_at FROM claims "
        "WHERE id % 100 = 0 AND id > 6"
    )
    conn.execute(
        "UPDATE changes SET acknowledged_at = NULL WHERE id IN "
        "(SELECT id FROM changes ORDER BY id DESC LIMIT 20)"
    )
    conn.execute("COMMIT")
    for _, sql in triggers:
        conn.execute(sql)
    conn.execute("INSERT INTO report_versions_fts(report_versions_fts) VALUES ('rebuild')")
    conn.execute("ANALYZE")
    store.close()
    print(f"built {path} in {time.perf_counter() - started:.1f} s")


def _iso(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(seconds))


def explain(path: Path) -> None:
    from tui.core.store import figures, history, timeline

    store = Store(path, readonly=True)
    ref = FigureRef("US troops in Iraq")
    where, params = ref.where()
    checks = {
        "summary window": (
            f"SELECT c.id FROM claims c JOIN reports r ON r.id = c.report_id "
            f"WHERE {where} ORDER BY c.observed_at DESC, c.id DESC LIMIT 300",
            params,
        ),
        "history page": (
            f"SELECT c.id FROM claims c WHERE {where} AND (c.observed_at, c.id) < (:at, :id) "
            "ORDER BY c.observed_at DESC, c.id DESC LIMIT 100",
            {**params, "at": "2030", "id": 10**9},
        ),
        "timeline": (
            "SELECT r.id FROM reports r WHERE r.on_story = 1 ORDER BY r.published DESC, r.id DESC "
            "LIMIT 200",
            {},
        ),
        "markers": (
            "SELECT c.report_id FROM changes ch JOIN claims c ON c.id = ch.claim_id "
            "WHERE c.report_id IN (1, 2, 3)",
            {},
        ),
    }
    for name, (sql, args) in checks.items():
        plan = [str(r["detail"]) for r in store.query(f"EXPLAIN QUERY PLAN {sql}", args)]
        print(f"  plan {name}: {' / '.join(plan)}")
    for name, func in (
        (
            "figure_summaries",
            lambda: figures.figure_summaries(store, [n for n, _, _ in FIGURES if n]),
        ),
        ("reports_timeline", lambda: timeline.reports_timeline(store)),
        ("history_count", lambda: history.history_count(store, ref)),
        ("history_page", lambda: history.history_page(store, ref, after=("2021", 10**9))),
    ):
        started = time.perf_counter()
        func()
        print(f"  {name}: {(time.perf_counter() - started) * 1000:.1f} ms")
    store.close()


async def one_run(path: Path) -> tuple[float, list[float]]:
    """First paint from a cold app; page-down latency measured inside the app: from the
    key's action to the first refresh after the new page is in the table."""
    from textual.widgets import DataTable

    from tui.launch import build_app
    from tui.screens import history
    from tui.widgets.figure_card import FigureCard

    pages: list[float] = []
    pressed: list[float] = []

    class TimedHistory(history.HistoryScreen):
        def action_page(self, step: int) -> None:
            pressed.append(time.perf_counter())
            super().action_page(step)

        def on_history_loaded(self, message: HistoryLoaded) -> None:
            super().on_history_loaded(message)
            if pressed:
                tick = pressed.pop()
                self.call_after_refresh(lambda: pages.append(time.perf_counter() - tick))

    started = time.perf_counter()
    app = build_app(parse_config(CONFIG), path, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query(FigureCard):
            await pilot.pause(0.005)
        first_paint = time.perf_counter() - started
        app.push_screen(TimedHistory(FigureRef("US troops in Iraq")))
        await pilot.pause()
        table = app.screen.query_one("#history", DataTable)
        while table.row_count == 0:
            await pilot.pause(0.005)
        table.focus()
        for _ in range(10):
            count = len(pages)
            await pilot.press("pagedown")
            while len(pages) == count:
                await pilot.pause(0.005)
    return first_paint, pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/storywatch-bench.db"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.reports, args.claims)
    explain(args.db)
    paints, pages = [], []
    for _ in range(args.runs):
        paint, page = asyncio.run(one_run(args.db))
        paints.append(paint)
        pages.extend(page)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"first paint   median {statistics.median(paints) * 1000:.0f} ms  (target < 1500)")
    print(
        f"history page  median {statistics.median(pages) * 1000:.1f} ms  "
        f"max {max(pages) * 1000:.1f} ms  (target < 100)"
    )
    print(f"peak RSS      {rss_mb:.0f} MB  (target < 250)")


if __name__ == "__main__":
    main()

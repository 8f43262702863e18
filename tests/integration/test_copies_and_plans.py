"""Copies are one voice, plans sit beside the level: the real pipeline into real SQLite.

A wire story runs on one outlet, then verbatim on two more (over loopback HTTP): only the wire
outlet's own words may raise changes, and the figure's sources show the origin with its copy
count. A plan stated beside the level (claims given to ingest directly, so the test does not
depend on how the extractor words tense) never changes the level and shows beside it.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from tests.feedgen import Item, feeds_toml, rss
from tests.loopback import LoopbackServer, Reply
from tui.cli import main
from tui.core.analyse import AnalysedFeed, AnalysedReport
from tui.core.claims import FigureNamer
from tui.core.config import parse_config
from tui.core.models import AsOf, Bound, Claim, Report
from tui.core.monitor import Monitor
from tui.core.store import Store
from tui.core.store.figures import level_and_plan, summarise
from tui.core.store.history import history_count, history_page
from tui.core.store.poll_writer import LedgerContext, PollRecord, ensure_feeds, write_feed_poll
from tui.core.store.refs import FigureRef

CONFIG = """
[story]
title = "Flood in the river valley"
keywords = [["flood*"]]

[[figures]]
name = "Flood deaths in Syria"
things = ["dead", "killed", "people"]
places = ["Syria"]

"""


def day(n: int) -> datetime:
    return datetime(2025, 3, n, 9, 0, tzinfo=UTC)


def wire(guid: str, deaths: int, when: datetime, link: str) -> Item:
    return Item(
        guid,
        f"Flood toll rises to {deaths:,}",
        f"<p>Rescuers searched the rubble on Tuesday as the number of people killed in "
        f"Syria by the flood rose to {deaths:,}, the civil protection agency said, while "
        f"aid convoys struggled to reach villages cut off by landslides and broken bridges.</p>",
        when,
        link,
    )


FIRST = wire("w-1", 120, day(2), "https://wire.example/flood-120")
SECOND = wire("w-2", 310, day(3), "https://wire.example/flood-310")


def copy(item: Item, outlet: str) -> Item:
    return Item(
        f"{outlet}-{item.guid}",
        item.title,
        item.html,
        item.published,
        f"https://{outlet}.example/{item.guid}",
    )


# Poll by poll: the wire, two republishers (each a poll behind), and a local paper.
STEPS = [
    (day(2), {"wire": [FIRST], "daily": [], "herald": []}),
    (day(3), {"wire": [SECOND, FIRST], "daily": [copy(FIRST, "daily")],
              "herald": [copy(FIRST, "herald")]}),
    (day(4), {"wire": [SECOND, FIRST], "daily": [copy(SECOND, "daily"), copy(FIRST, "daily")],
              "herald": [copy(SECOND, "herald")]}),
]  # fmt: skip


async def test_copies_are_one_voice(tmp_path: Path) -> None:
    db = tmp_path / "story.db"
    with LoopbackServer() as server:
        outlets = ["wire", "daily", "herald"]
        toml = CONFIG + feeds_toml({o: server.url(f"/{o}.xml") for o in outlets})
        now = [STEPS[0][0]]
        monitor = Monitor(
            parse_config(toml), db, clock=lambda: now[0], rng=random.Random(3), parse_workers=1
        )
        try:
            for when, served in STEPS:
                now[0] = when
                for outlet, items in served.items():
                    server.route(f"/{outlet}.xml", Reply(body=rss(items)))
                await monitor.poll_cycle()
        finally:
            await monitor.aclose()

    with sqlite3.connect(db) as conn:
        changes = conn.execute(
            """SELECT ch.figure, ch.verdict, n.surface, f.name, n.as_of FROM changes ch
               JOIN claims n ON n.id = ch.claim_id JOIN reports r ON r.id = n.report_id
               JOIN feeds f ON f.id = r.feed_id WHERE ch.figure IS NOT NULL ORDER BY ch.id"""
        ).fetchall()
        copies = conn.execute(
            """SELECT f.name, r.entry_id, o.entry_id FROM reports r JOIN feeds f ON f.id = r.feed_id
               JOIN reports o ON o.id = r.copy_of ORDER BY r.id"""
        ).fetchall()
    # Four copies found, each pointing at the wire's own report.
    assert sorted(copies) == [
        ("daily", "daily-w-1", "w-1"),
        ("daily", "daily-w-2", "w-2"),
        ("herald", "herald-w-1", "w-1"),
        ("herald", "herald-w-2", "w-2"),
    ]
    # Only the wire's words are judged: no copy confirms, changes or disputes anything.
    deaths = [c for c in changes if c[0] == "Flood deaths in Syria"]
    assert deaths == [
        ("Flood deaths in Syria", "new", "120", "wire", "current"),
        ("Flood deaths in Syria", "changed", "310", "wire", "current"),
    ]
    with Store(db, readonly=True) as store:
        toll = summarise(store, FigureRef("Flood deaths in Syria"))
        rows = history_page(store, FigureRef("Flood deaths in Syria"))
        total = history_count(store, FigureRef("Flood deaths in Syria"))
    # One voice, carried by three outlets: the copies are not sources of their own.
    assert [(v.display, v.outlets) for v in toll.values] == [("310", 3)]
    # The history lists each of the wire's reports once, its two copies folded into it.
    assert [(r.display, r.feed, r.outlets, r.copy) for r in rows] == [
        ("310", "wire", 3, False),
        ("120", "wire", 3, False),
    ]
    assert total == 2


def troops(value: float, bound: Bound, as_of: AsOf, start: int) -> Claim:
    high = value if bound != "lower" else None
    low = 0.0 if bound == "upper" else value
    return Claim(
        f"{value:,.0f}", "count", bound, low, high, None, "troops", "Iraq", "US", "Pentagon",
        "presence", as_of, "", start, start + 5,
    )  # fmt: skip


def report(guid: str, when: datetime, *claims: Claim) -> AnalysedReport:
    text = f"US troops in Iraq ({guid})"
    item = Report(guid, text, f"https://example.com/{guid}", None, when, None, text)
    return AnalysedReport(item, guid, True, claims)


def test_plans_are_their_own_ledger_beside_the_level(tmp_path: Path) -> None:
    config_text = (
        '[story]\ntitle = "t"\nkeywords = [["Iraq"]]\n[[figures]]\nname = "US troops in Iraq"\n'
        'things = ["troops"]\nplaces = ["Iraq"]\nactors = ["US"]\n'
        + feeds_toml({"wire": "https://example.com/feed"})
    )
    config = parse_config(config_text)
    ledger = LedgerContext(FigureNamer(config.figures), timedelta(hours=72))
    polls = [
        report("a", day(2), troops(2500, "approx", "current", 0),
               troops(2000, "upper", "planned", 40)),
        # The plan is cut: a change of the plan, not of the level.
        report("b", day(9), troops(1500, "upper", "planned", 0)),
        # The level moves: compared with the level, never with the plan.
        report("c", day(16), troops(2000, "approx", "current", 0)),
    ]  # fmt: skip
    with Store(tmp_path / "story.db") as store:
        ensure_feeds(store, {"wire": "https://example.com/feed"})
        for item in polls:
            when = item.report.published
            record = PollRecord("wire", when, 1, "ok", 200)
            write_feed_poll(store, record, AnalysedFeed("wire", None, (item,)), ledger, now=when)
        changes = store.query(
            """SELECT ch.verdict, o.surface AS old, n.surface AS new, n.as_of FROM changes ch
               JOIN claims n ON n.id = ch.claim_id LEFT JOIN claims o ON o.id = ch.old_claim_id
               ORDER BY ch.id"""
        )
        summary = summarise(store, FigureRef("US troops in Iraq"))
    assert [tuple(c.values()) for c in changes] == [
        ("new", None, "2,500", "current"),
        ("new", None, "2,000", "planned"),
        ("changed", "2,000", "1,500", "planned"),
        ("changed", "2,500", "2,000", "current"),
    ]
    assert level_and_plan(summary) == "about 2,000 now · up to 1,500 planned"

    # `changes --json` says of each change which ledger it is in: the plan's or the level's.
    (tmp_path / "feeds.toml").write_text(config_text, encoding="utf-8")
    paths = ["--config", str(tmp_path / "feeds.toml"), "--db", str(tmp_path / "story.db")]
    result = CliRunner().invoke(main, [*paths, "changes", "--json"])
    assert result.exit_code == 0, result.output
    printed = [json.loads(line) for line in result.output.splitlines()]
    assert [(c["verdict"], c["as_of"], c["new"]["surface"]) for c in reversed(printed)] == [
        ("new", "current", "2,500"),
        ("new", "planned", "2,000"),
        ("changed", "planned", "1,500"),
        ("changed", "current", "2,000"),
    ]

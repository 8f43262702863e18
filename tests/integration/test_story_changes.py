"""A whole story, poll by poll: the exact list of changes the ledger must record.

The US count in Iraq moves 2,500 -> 2,000, Iraqi sources dispute it, the Syria count
moves 900 -> 700, the deadline moves, one article is revised, and rewordings and
historic figures change nothing. Real loopback HTTP, real SQLite, the real pipeline.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tests.feedgen import Item, atom, rss
from tests.loopback import LoopbackServer, Reply
from tui.core.config import parse_config
from tui.core.monitor import Monitor


def day(n: int) -> datetime:
    return datetime(2025, 9, n, 9, 0, tzinfo=UTC)


CONFIG = """
[story]
title = "US troop withdrawal from Iraq"
keywords = [["Iraq", "Syria"], ["troop*", "soldier*", "withdraw*"]]

[settings]
interval = 600
dispute_window_hours = 72

[[figures]]
name = "US troops in Iraq"
things = ["troops", "soldiers"]
places = ["Iraq"]
actors = ["US"]

[[figures]]
name = "US troops in Syria"
things = ["troops", "soldiers"]
places = ["Syria"]
actors = ["US"]

[[figures]]
name = "Withdrawal deadline"
kind = "date"
things = ["withdrawal"]
"""

OPENING = Item(
    "a-1",
    "US begins pulling troops from two Iraqi bases",
    "<p>About 2,500 US troops are stationed in Iraq, according to the Pentagon. "
    "The first phase of the withdrawal is due to be finished by the end of September.</p>"
    "<p>Around 900 US soldiers remain in Syria, the Pentagon said. The US had 5,200 troops "
    "in Iraq in 2020.</p>",
    day(2),
)
IRAQI_VIEW = Item(
    "b-1",
    "Baghdad disputes the US troop figures",
    "<p>Iraqi sources put the number of American troops in Iraq at over 3,000.</p>",
    day(3),
)
REWORDED = Item(
    "a-2",
    "What the Iraq troop drawdown means",
    "<p>Roughly 2,500 American soldiers remain in Iraq, the Pentagon said.</p>",
    day(4),
)
SYRIA_UPDATE = Item(
    "c-1",
    "Pentagon trims its Syria presence",
    "<p>About 700 US troops remain in Syria, the Pentagon said on Wednesday.</p>",
    day(10),
)
IRAQ_CUT = Item(
    "a-3",
    "US troop numbers in Iraq fall",
    "<p>About 2,000 US troops remain in Iraq, the Pentagon said on Friday.</p>",
    day(12),
)
DEADLINE_MOVED = Item(
    "b-2",
    "Iraq withdrawal timetable slips",
    "<p>Officials said the withdrawal would now be completed by the end of 2026.</p>",
    day(15),
)
IRAQ_CUT_REVISED = Item(
    IRAQ_CUT.guid,
    IRAQ_CUT.title,
    "<p>About 1,800 US troops remain in Iraq, the Pentagon said on Friday.</p>",
    day(12),
)

# What each outlet serves at each poll (feeds accumulate, newest first).
STEPS: list[tuple[datetime, dict[str, list[Item]]]] = [
    (day(2), {"a": [OPENING], "b": [], "c": []}),
    (day(3), {"a": [OPENING], "b": [IRAQI_VIEW], "c": []}),
    (day(4), {"a": [REWORDED, OPENING], "b": [IRAQI_VIEW], "c": []}),
    (day(10), {"a": [REWORDED, OPENING], "b": [IRAQI_VIEW], "c": [SYRIA_UPDATE]}),
    (day(12), {"a": [IRAQ_CUT, REWORDED, OPENING], "b": [IRAQI_VIEW], "c": [SYRIA_UPDATE]}),
    (day(15), {"a": [IRAQ_CUT], "b": [DEADLINE_MOVED, IRAQI_VIEW], "c": [SYRIA_UPDATE]}),
    (day(16), {"a": [IRAQ_CUT_REVISED], "b": [DEADLINE_MOVED], "c": [SYRIA_UPDATE]}),
]

EXPECTED = [
    ("US troops in Iraq", "new", None, "About 2,500"),
    ("Withdrawal deadline", "new", None, "by the end of September"),
    ("US troops in Syria", "new", None, "Around 900"),
    ("US troops in Iraq", "disputed", "About 2,500", "over 3,000"),
    ("US troops in Syria", "changed", "Around 900", "About 700"),
    # Compared with the Pentagon's latest word, the reworded 'Roughly 2,500' of 4 September.
    ("US troops in Iraq", "changed", "Roughly 2,500", "About 2,000"),
    ("Withdrawal deadline", "changed", "by the end of September", "by the end of 2026"),
    ("US troops in Iraq", "revised", "About 2,000", "About 1,800"),
]


async def test_the_story_produces_exactly_these_changes(tmp_path: Path) -> None:
    db = tmp_path / "story.db"
    with LoopbackServer() as server:
        toml = CONFIG + "".join(
            f'[[feeds]]\nname = "Outlet {o.upper()}"\nurl = "{server.url(f"/{o}.xml")}"\n'
            for o in "abc"
        )
        now = [STEPS[0][0]]
        monitor = Monitor(
            parse_config(toml), db, clock=lambda: now[0], rng=random.Random(7), parse_workers=0
        )
        try:
            for when, served in STEPS:
                now[0] = when
                for outlet, items in served.items():
                    render = atom if outlet == "b" else rss
                    body = render(items) if items else rss([])
                    server.route(f"/{outlet}.xml", Reply(body=body))
                await monitor.poll_cycle()
        finally:
            await monitor.aclose()

    with sqlite3.connect(db) as conn:
        found = conn.execute(
            """SELECT coalesce(ch.figure, ch.key), ch.verdict, o.surface, n.surface
               FROM changes ch JOIN claims n ON n.id = ch.claim_id
               LEFT JOIN claims o ON o.id = ch.old_claim_id
               WHERE ch.figure IS NOT NULL ORDER BY ch.id"""
        ).fetchall()
        historic = conn.execute(
            "SELECT count(*) FROM changes ch JOIN claims n ON n.id = ch.claim_id "
            "WHERE n.as_of = 'historic'"
        ).fetchone()
        revisions = conn.execute("SELECT entry_id, revisions FROM reports WHERE revisions > 1")
        assert revisions.fetchall() == [("a-3", 2)]
    assert found == EXPECTED, "\n".join(map(str, found))
    assert historic == (0,)  # "5,200 troops in Iraq in 2020" never raises a change

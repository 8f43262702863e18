"""The whole replay through the real monitor: loopback HTTP, a real SQLite file, the ledger.

The story was written to produce exactly the changes pinned here; if one moves, either the
extractor or the ledger changed behaviour, or the story text did.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tui.core.store import Store
from tui.core.store.changes import change_log
from tui.demo.runner import run_demo_headless
from tui.demo.story import ARTICLES

IRAQ, SYRIA, DEADLINE = "US troops in Iraq", "US troops in Syria", "Withdrawal deadline"


def _day(seconds: float) -> date:
    return datetime.fromtimestamp(seconds, UTC).date()


# (figure, verdict, old value, new value, outlet of the new report), oldest first.
EXPECTED = [
    (DEADLINE, "new", None, date(2025, 9, 30), "Tigris Wire"),
    (IRAQ, "new", None, 2500, "Tigris Wire"),
    (IRAQ, "disputed", 2500, 3000, "Gulf Courier"),  # "more than 3,000", Iraqi sources
    (SYRIA, "new", None, 900, "Levant Monitor"),
    # "plans to keep fewer than 2,000": the plan's own ledger starts, the level is untouched
    (IRAQ, "new", None, 2000, "Capitol Desk"),
    (SYRIA, "changed", 900, 700, "Levant Monitor"),
    (IRAQ, "changed", 2500, 2000, "Tigris Wire"),
    (IRAQ, "revised", 2500, 2000, "Capitol Desk"),  # the silently edited explainer
    (DEADLINE, "changed", date(2025, 9, 30), date(2026, 12, 31), "Capitol Desk"),
]
NAMED = {IRAQ, SYRIA, DEADLINE}


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    db_path = tmp_path_factory.mktemp("demo") / "demo.db"
    lines: list[str] = []
    assert run_demo_headless(db_path=db_path, speed=0, out=lines.append) == 0
    return db_path, lines


def _value(side: dict[str, Any] | None, figure: str) -> object:
    if side is None:
        return None
    return _day(side["value"]) if figure == DEADLINE else round(side["value"])


def _changes(db_path: Path) -> list[dict[str, Any]]:
    with Store(db_path, readonly=True) as store:
        return list(reversed(change_log(store, limit=1000)))


def _query(db_path: Path, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    with Store(db_path, readonly=True) as store:
        return store.query(sql, params or {})


def test_the_named_figures_change_exactly_as_the_story_says(played: tuple[Path, list[str]]) -> None:
    db_path, _ = played
    got = [
        (
            row["figure"],
            row["verdict"],
            _value(row["old"], row["figure"]),
            _value(row["new"], row["figure"]),
            row["new"]["feed"],
        )
        for row in _changes(db_path)
        if row["figure"] in NAMED
    ]
    assert got == EXPECTED


def test_who_says_what(played: tuple[Path, list[str]]) -> None:
    db_path, _ = played
    rows = {(r["figure"], r["verdict"]): r for r in _changes(db_path)}
    dispute = rows[(IRAQ, "disputed")]
    assert dispute["new"]["source"] == "Iraqi security sources"
    assert dispute["new"]["bound"] == "lower"
    assert dispute["old"]["source"] == "Pentagon"
    assert rows[(IRAQ, "changed")]["new"]["source"] == "Pentagon"
    assert rows[(SYRIA, "changed")]["new"]["source"] == "Pentagon"
    # Every move in the story is a real one: none may be shown as a "small move".
    for key in ((IRAQ, "changed"), (IRAQ, "revised"), (SYRIA, "changed"), (DEADLINE, "changed")):
        assert rows[key]["within_margin"] is False


def test_the_plan_sits_beside_the_level_and_the_copy_is_one_voice(
    played: tuple[Path, list[str]],
) -> None:
    """What the card and history screen show: the level, the plan beside it, and the wire
    report Levant Monitor ran word for word folded into Tigris Wire's ("· 2 outlets")."""
    from tui.core.store.figures import level_and_plan, summarise
    from tui.core.store.history import history_page
    from tui.core.store.refs import FigureRef

    db_path, _ = played
    plans = [r for r in _changes(db_path) if r["figure"] == IRAQ and r["as_of"] == "planned"]
    assert [(r["verdict"], r["new"]["surface"]) for r in plans] == [("new", "fewer than 2,000")]
    copied = _query(
        db_path,
        "SELECT f.name AS outlet, o.entry_id AS origin FROM reports r "
        "JOIN feeds f ON f.id = r.feed_id JOIN reports o ON o.id = r.copy_of",
    )
    assert copied == [
        {"outlet": "Levant Monitor", "origin": "tag:tigris-wire.example.com,2025:article-2"}
    ]
    # The copy never raised a change of its own.
    assert not [r for r in _changes(db_path) if r["new"]["report_id"] in _copy_ids(db_path)]
    with Store(db_path, readonly=True) as store:
        iraq = summarise(store, FigureRef(IRAQ))
        rows = history_page(store, FigureRef(IRAQ), limit=100)
    assert level_and_plan(iraq).endswith("· up to 2,000 planned")
    convoys = [r for r in rows if r.feed == "Tigris Wire" and r.outlets > 1]
    assert [(r.display, r.outlets) for r in convoys] == [("about 2,500", 2)]  # "roughly"
    assert not [r for r in rows if r.feed == "Levant Monitor" and "2,500" in r.display]


def _copy_ids(db_path: Path) -> set[int]:
    return {r["id"] for r in _query(db_path, "SELECT id FROM reports WHERE copy_of IS NOT NULL")}


def test_revisions_are_kept_and_rewording_changes_nothing(played: tuple[Path, list[str]]) -> None:
    db_path, _ = played
    revised = _query(
        db_path,
        "SELECT r.entry_id, count(v.id) AS versions FROM reports r "
        "JOIN report_versions v ON v.report_id = r.id GROUP BY r.id HAVING versions > 1",
    )
    expected = {a.guid for a in ARTICLES if len(a.versions) > 1}
    assert {row["entry_id"] for row in revised} == expected
    assert all(row["versions"] == 2 for row in revised)
    # The reworded Syria report restates its figure: a claim, but no change.
    reworded = next(a for a in ARTICLES if len(a.versions) > 1 and a.outlet == "levant-monitor")
    claims = _query(
        db_path,
        "SELECT c.id, ch.id AS change_id FROM claims c JOIN reports r ON r.id = c.report_id "
        "JOIN report_versions v ON v.id = c.version_id LEFT JOIN changes ch ON ch.claim_id = c.id "
        "WHERE r.entry_id = :guid AND v.version = 2",
        {"guid": reworded.guid},
    )
    assert claims and all(row["change_id"] is None for row in claims)


def test_off_story_reports_are_stored_but_never_mined(played: tuple[Path, list[str]]) -> None:
    db_path, _ = played
    off = _query(db_path, "SELECT entry_id FROM reports WHERE on_story = 0")
    assert {row["entry_id"] for row in off} == {a.guid for a in ARTICLES if not a.on_story}
    mined = _query(
        db_path,
        "SELECT count(*) AS n FROM claims c JOIN reports r ON r.id = c.report_id "
        "WHERE r.on_story = 0",
    )
    assert mined[0]["n"] == 0


def test_read_also_headlines_yield_no_figures(played: tuple[Path, list[str]]) -> None:
    db_path, _ = played
    article = next(a for a in ARTICLES if any(v.related for v in a.versions))
    rows = _query(
        db_path,
        "SELECT c.surface, c.sentence FROM claims c JOIN reports r ON r.id = c.report_id "
        "WHERE r.entry_id = :guid",
        {"guid": article.guid},
    )
    headlines = article.versions[0].related
    leaked = [r for r in rows if any(r["sentence"] in h or h in r["sentence"] for h in headlines)]
    assert rows, "the article's own figure is still read"
    assert leaked == []


def test_the_narration_and_the_log_are_printed(played: tuple[Path, list[str]]) -> None:
    _, lines = played
    text = "\n".join(lines)
    assert "step 1/10" in text and "step 10/10" in text
    assert "DISPUTED  US troops in Iraq: about 2,500 -> over 3,000 (Gulf Courier)" in text
    assert "REVISED   US troops in Iraq: about 2,500 -> about 2,000 (Capitol Desk)" in text
    log = lines[lines.index(next(line for line in lines if line.startswith("change log"))) :]
    assert any("REVISED" in line and "About 2,000 (Pentagon, Capitol Desk)" in line for line in log)


def test_a_short_run_uses_a_throwaway_database() -> None:
    lines: list[str] = []
    assert run_demo_headless(db_path=None, steps=2, out=lines.append) == 0
    assert any("DISPUTED" in line for line in lines)
    assert not any(line.startswith("database:") for line in lines)


@pytest.mark.slow  # ~10 s: the scheduler polls a feed at most once a second
async def test_the_dashboard_plays_the_same_story(tmp_path: Path) -> None:
    """The live path: the step ticker, the dashboard's own polling, the same verdicts."""
    launch = pytest.importorskip("tui.launch")
    from tui.demo.runner import StepTicker, demo_session
    from tui.demo.story import STEPS

    server, config, period = demo_session(speed=50)
    db_path = tmp_path / "live.db"
    app = launch.build_app(
        config, db_path, clock=lambda: STEPS[server.step].at, first_poll_delay=0.05
    )
    ticker = StepTicker(server, period)
    try:
        async with app.run_test() as pilot:
            ticker.start()
            for _ in range(200):
                await pilot.pause(0.1)
                if server.finished and server.all_polled():
                    break
            await pilot.pause(0.5)  # let the last poll's writes land
    finally:
        ticker.stop()
        server.stop()
    assert server.finished
    got = [
        (r["figure"], r["verdict"], r["new"]["feed"])
        for r in _changes(db_path)
        if r["figure"] in NAMED
    ]
    assert got == [(figure, verdict, feed) for figure, verdict, _, _, feed in EXPECTED]

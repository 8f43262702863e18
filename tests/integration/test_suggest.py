"""`storywatch suggest`: blocks for the busiest unnamed keys that, pasted, name those keys."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from tests.feedgen import feeds_toml
from tui.cli import main
from tui.core.analyse import AnalysedFeed, AnalysedReport
from tui.core.claims import FigureNamer
from tui.core.config import parse_config
from tui.core.models import Claim, Predicate, Report
from tui.core.store import Store
from tui.core.store.poll_writer import LedgerContext, PollRecord, ensure_feeds, write_feed_poll
from tui.core.suggest import suggest_text, suggestions

T0 = datetime(2025, 3, 2, 9, tzinfo=UTC)
HEAD = '[story]\ntitle = "t"\nkeywords = [["flood"]]\n'
FEEDS = feeds_toml({"wire": "https://example.com/feed"})
NAMED = """
[[figures]]
name = "Flood deaths in Spain"
things = ["deaths"]
places = ["Spain"]
"""


def claim(value: float, thing: str, place: str | None, predicate: Predicate) -> Claim:
    return Claim(
        f"{value:,.0f}", "count", "exact", value, value, None, thing, place, None, None,
        predicate, "current", "", 0, 5,
    )  # fmt: skip


def fill(db: Path, config_text: str) -> None:
    """Six reports: deaths in Spain (named), troops leaving France x3, tents in Spain x2."""
    config = parse_config(config_text)
    ledger = LedgerContext(FigureNamer(config.figures), timedelta(hours=72))
    stated = [
        claim(40, "deaths", "Spain", "casualty"),
        claim(300, "troops", "France", "movement"),
        claim(350, "troops", "France", "movement"),
        claim(500, "troops", "France", "movement"),
        claim(20, "tents", "Spain", "other"),
        claim(30, "tents", "Spain", "other"),
    ]
    with Store(db) as store:
        ensure_feeds(store, {"wire": "https://example.com/feed"})
        for i, c in enumerate(stated):
            when = T0 + timedelta(hours=i)
            text = f"flood report {i}"
            report = Report(f"r{i}", text, f"https://example.com/r{i}", None, when, None, text)
            analysed = AnalysedFeed("wire", None, (AnalysedReport(report, f"h{i}", True, (c,)),))
            write_feed_poll(
                store, PollRecord("wire", when, 1, "ok", 200), analysed, ledger, now=when
            )


def test_suggest_offers_the_busiest_unnamed_keys_and_they_work_pasted(tmp_path: Path) -> None:
    db = tmp_path / "story.db"
    config_text = HEAD + NAMED + FEEDS
    fill(db, config_text)
    namer = FigureNamer(parse_config(config_text).figures)
    with Store(db, readonly=True) as store:
        found = suggestions(store, namer, limit=5)
    # Busiest first; the named figure is not offered again.
    assert [(s.name, s.reports) for s in found] == [("Troops in France", 3), ("Tents in Spain", 2)]
    text = suggest_text(found)
    blocks = tomllib.loads(text)["figures"]
    # A movement of troops is not their default (presence): the block says so.
    assert blocks[0] == {
        "name": "Troops in France",
        "things": blocks[0]["things"],
        "places": ["France"],
        "kind": "count",
        "predicate": "movement",
    }
    assert "troops" in blocks[0]["things"]
    # Pasted into the config, the blocks name the keys they came from.
    pasted = FigureNamer(parse_config(HEAD + NAMED + text + FEEDS).figures)
    assert [pasted.name_for(s.key) for s in found] == ["Troops in France", "Tents in Spain"]
    with Store(db, readonly=True) as store:
        assert suggestions(store, pasted) == []


def test_suggest_command_prints_blocks(tmp_path: Path) -> None:
    db, config = tmp_path / "story.db", tmp_path / "feeds.toml"
    config.write_text(HEAD + NAMED + FEEDS, encoding="utf-8")
    fill(db, config.read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["--config", str(config), "--db", str(db), "suggest"])
    assert result.exit_code == 0, result.output
    assert tomllib.loads(result.output)["figures"][0]["name"] == "Troops in France"


def test_suggest_says_why_there_is_nothing_to_suggest(tmp_path: Path) -> None:
    """Before a poll it says to poll; after one whose figures are all named, "poll first"
    would send the user the wrong way: it says every figure is named."""
    db, config = tmp_path / "story.db", tmp_path / "feeds.toml"
    config.write_text(HEAD + NAMED + FEEDS, encoding="utf-8")
    paths = ["--config", str(config), "--db", str(db)]
    with Store(db):
        pass  # an empty ledger
    before = CliRunner().invoke(main, [*paths, "suggest"])
    assert before.exit_code == 0 and "poll first" in before.output
    fill(db, HEAD + NAMED + FEEDS)
    # name the two unnamed keys too: nothing is left to suggest
    everything = NAMED + (
        '[[figures]]\nname = "Troops in France"\nthings = ["troops"]\nplaces = ["France"]\n'
        'predicate = "movement"\n[[figures]]\nname = "Tents in Spain"\nthings = ["tents"]\n'
        'places = ["Spain"]\n'
    )
    config.write_text(HEAD + everything + FEEDS, encoding="utf-8")
    after = CliRunner().invoke(main, [*paths, "suggest"])
    assert after.exit_code == 0, after.output
    assert after.output == (
        "# Every figure the reports state is named by a [[figures]] block already.\n"
    )

"""A first poll brings a backlog, and feeds land in any order: a report written after a later
one still makes that later one a change. Real SQLite, the real poll writer; the claims are
given directly so the test does not depend on how the extractor reads a sentence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.analyse import AnalysedFeed, AnalysedReport
from tui.core.claims import FigureNamer
from tui.core.config import parse_config
from tui.core.models import Claim, Report
from tui.core.store import Store
from tui.core.store.poll_writer import LedgerContext, PollRecord, ensure_feeds, write_feed_poll

FEEDS = {"late": "https://late.example/feed", "early": "https://early.example/feed"}


def toll(value: int) -> Claim:
    return Claim(
        f"{value:,}", "count", "exact", value, value, None, "deaths", "Peru", None,
        "civil defence office", "casualty", "current", "", 0, 5,
    )  # fmt: skip


def report(guid: str, when: datetime, claim: Claim) -> AnalysedReport:
    text = f"Flood deaths in Peru ({guid})"
    item = Report(guid, text, f"https://example.com/{guid}", None, when, None, text)
    return AnalysedReport(item, guid, True, (claim,))


def test_a_first_sighting_becomes_a_change_when_an_earlier_word_lands(tmp_path: Path) -> None:
    config = parse_config(
        '[story]\ntitle = "t"\nkeywords = [["flood*"]]\n[[figures]]\nname = "Flood deaths"\n'
        'things = ["dead", "killed"]\nplaces = ["Peru"]\n'
    )
    ledger = LedgerContext(FigureNamer(config.figures), timedelta(hours=72))
    day2, day3 = datetime(2025, 3, 2, 9, tzinfo=UTC), datetime(2025, 3, 3, 9, tzinfo=UTC)
    # One poll: the feed with the newer report is written first, then the older one.
    written = [("late", report("b", day3, toll(310))), ("early", report("a", day2, toll(120)))]
    with Store(tmp_path / "story.db") as store:
        ensure_feeds(store, FEEDS)
        for feed, item in written:
            record = PollRecord(feed, day3, 1, "ok", 200)
            write_feed_poll(store, record, AnalysedFeed(feed, None, (item,)), ledger, now=day3)
        changes = store.query(
            """SELECT ch.verdict, o.surface AS old, n.surface AS new FROM changes ch
               JOIN claims n ON n.id = ch.claim_id LEFT JOIN claims o ON o.id = ch.old_claim_id
               ORDER BY ch.id"""
        )
    # Why: seen first, 310 was a first sighting; once 120 (said a day earlier) is known,
    # 310 is what it was in the story's time: the toll moving from 120.
    assert [tuple(c.values()) for c in changes] == [
        ("changed", "120", "310"),
        ("new", None, "120"),
    ]

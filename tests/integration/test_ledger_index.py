"""The in-memory ledger (`LedgerIndex`) must store exactly what the SQL reads (`SqlLedger`)
store: the same claims, changes, verdicts and `figure_latest` rows, ids included.

A seeded backlog written both ways into two real SQLite files, every ledger table compared.
The backlog is built to reach every read: feeds landing out of time order (first sightings
judged again), ties in time between speakers, disagreeing values inside the dispute window,
plans and levels, historic and thing-less claims, unnamed keys followed within one
speaker's words, copies of one text in several feeds, revisions in a second poll, and other
connections writing between feeds (the index must notice and reload).
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.analyse import AnalysedFeed, AnalysedReport
from tui.core.claims import FigureNamer
from tui.core.config import parse_config
from tui.core.models import Claim, Report
from tui.core.store import Store
from tui.core.store.poll_writer import LedgerContext, PollRecord, ensure_feeds, write_feed_poll

CONFIG = parse_config(
    '[story]\ntitle = "t"\nkeywords = [["flood*"]]\n'
    '[[figures]]\nname = "Flood deaths"\nthings = ["deaths"]\nplaces = ["Peru"]\n'
    '[[figures]]\nname = "Shelters"\nthings = ["shelters"]\n'
)
LEDGER = LedgerContext(FigureNamer(CONFIG.figures), timedelta(hours=72))
FEEDS = {f"feed-{i}": f"https://feed{i}.example/rss" for i in range(6)}
START = datetime(2025, 3, 1, 6, tzinfo=UTC)
# (thing, place, actor): a named figure with a place, one without, an unnamed key with a
# place, and an unnamed key with neither place nor actor (followed per speaker only).
KEYS = [("deaths", "Peru", None), ("shelters", None, None), ("injured", "Lima", None),
        ("missing", None, None), ("evacuated", None, "army")]  # fmt: skip
SOURCES = [None, None, "the civil defence office", "Civil Defence Office", "a mayor", "police"]
BOUNDS = ["exact", "exact", "approx", "lower", "upper", "range"]
VALUES = [120, 120, 125, 300, 310, 1000]
WORDS = "rain river town rescue water bridge road valley night crews homes roof mud".split()


def _claim(rng: random.Random, start: int) -> Claim:
    thing, place, actor = rng.choice(KEYS)
    value, bound = rng.choice(VALUES), rng.choice(BOUNDS)
    high = None if bound == "lower" else value * 2 if bound == "range" else value
    as_of = rng.choice(["current"] * 6 + ["planned", "historic"])
    if rng.random() < 0.05:
        thing = None  # counts nothing: stored, never judged
    return Claim(
        f"{value:,}", "count", bound, value, high, None, thing, place, actor,  # type: ignore[arg-type]
        rng.choice(SOURCES), "casualty", as_of, f"sentence {start}", start, start + 3,  # type: ignore[arg-type]
    )  # fmt: skip


def backlog(seed: int) -> list[list[tuple[str, AnalysedFeed]]]:
    """Polls of (feed, its analysed reports): a first poll's backlog, then revisions."""
    rng = random.Random(seed)
    first: dict[str, list[AnalysedReport]] = {feed: [] for feed in FEEDS}
    shared = " ".join(rng.choice(WORDS) for _ in range(60)) + " 310 dead"  # wire copy
    for feed in FEEDS:
        for n in range(rng.randint(3, 7)):
            # Few distinct times: ties between speakers and reports, and at the window's edges.
            when = START + timedelta(hours=rng.choice([0, 0, 5, 30, 30, 72, 77, 200]))
            copy = rng.random() < 0.2
            text = shared if copy else " ".join(rng.choice(WORDS) for _ in range(40)) + f" {n}"
            claims = tuple(_claim(rng, 10 * i) for i in range(rng.randint(0, 8)))
            report = Report(f"{feed}-{n}", f"Flood {n}", None, None, when, None, text)
            first[feed].append(AnalysedReport(report, f"{seed}{feed}{n}", True, claims))
    polls = [[(feed, AnalysedFeed(feed, None, tuple(items))) for feed, items in first.items()]]
    rng.shuffle(polls[0])  # feeds land in any order
    revised = []
    for feed, items in first.items():
        changed = []
        for item in items:
            if rng.random() < 0.4:
                report = item.report
                later = report.published + timedelta(hours=rng.choice([1, 50]))
                report = Report(report.entry_id, report.title, None, None, report.published,
                                later, report.text + " updated")  # fmt: skip
                # The same figures, some of them edited, and maybe one more.
                claims = tuple(
                    replace(c, low=c.low + 7, high=None if c.high is None else c.high + 7)
                    if rng.random() < 0.5 else c
                    for c in item.claims or ()
                ) + tuple(_claim(rng, 900) for _ in range(rng.randint(0, 1)))  # fmt: skip
                changed.append(AnalysedReport(report, f"{item.content_hash}+", True, claims))
        revised.append((feed, AnalysedFeed(feed, None, tuple(changed))))
    polls.append(revised)
    return polls


def store_backlog(
    db: Path, seed: int, *, reference: bool, between: Callable[[Path, int], None] | None = None
) -> None:
    with Store(db) as store:
        ensure_feeds(store, FEEDS)
        for k, poll in enumerate(backlog(seed)):
            now = START + timedelta(days=10 + k)
            for n, (feed, analysed) in enumerate(poll):
                record = PollRecord(feed, now, 1, "ok", 200)
                write_feed_poll(store, record, analysed, LEDGER, now=now, reference=reference)
                if between is not None:
                    between(db, n)


def ledger_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    tables = {"claims": "id", "changes": "id", "figure_latest": "identity, speaker_key",
              "reports": "id", "report_versions": "id", "polls": "id"}  # fmt: skip
    rows = {
        t: conn.execute(f"SELECT * FROM {t} ORDER BY {o}").fetchall() for t, o in tables.items()
    }
    conn.close()
    return rows


@pytest.mark.parametrize("seed", range(6))
def test_the_index_stores_what_the_sql_reads_store(tmp_path: Path, seed: int) -> None:
    store_backlog(tmp_path / "sql.db", seed, reference=True)
    store_backlog(tmp_path / "index.db", seed, reference=False)
    expected, got = ledger_rows(tmp_path / "sql.db"), ledger_rows(tmp_path / "index.db")
    # Why: the backlog must reach the ledger's every kind of verdict, or the test proves little.
    verdicts = {row[5] for row in expected["changes"]}
    assert {"new", "changed", "disputed", "revised"} <= verdicts
    assert len(expected["claims"]) > 100
    for table in expected:
        assert got[table] == expected[table], table


@pytest.mark.parametrize("seed", range(3))
def test_observations_read_again_from_the_file_are_the_same(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index keeps only its latest observations between feeds: forgotten ones are read
    back from the database when asked for, and judge the same."""
    import tui.core.store.ledger_index as ledger_index

    monkeypatch.setattr(ledger_index, "OBSERVATIONS_HELD", 3)
    store_backlog(tmp_path / "sql.db", seed, reference=True)
    store_backlog(tmp_path / "index.db", seed, reference=False)
    assert ledger_rows(tmp_path / "index.db") == ledger_rows(tmp_path / "sql.db")


def _acknowledge(db: Path, n: int) -> None:
    """Another connection (the dashboard) acknowledges changes between two feeds."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("UPDATE changes SET acknowledged_at = 'x' WHERE id % 3 = ?", [n % 3])
    conn.close()


def _forget(db: Path, n: int) -> None:
    """Another connection removes a speaker's latest words: the index must not keep them."""
    if n == 2:
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("DELETE FROM figure_latest WHERE speaker_key LIKE 'feed-%'")
        conn.close()


@pytest.mark.parametrize("between", [_acknowledge, _forget])
def test_another_writer_between_feeds_is_seen(
    tmp_path: Path, between: Callable[[Path, int], None]
) -> None:
    store_backlog(tmp_path / "sql.db", 1, reference=True, between=between)
    store_backlog(tmp_path / "index.db", 1, reference=False, between=between)
    assert ledger_rows(tmp_path / "index.db") == ledger_rows(tmp_path / "sql.db")


def test_a_feed_rolled_back_leaves_nothing_in_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A feed whose transaction fails (a full disk, a kill) is written again from scratch."""
    import tui.core.store.poll_writer as poll_writer

    record_poll = poll_writer._record_poll
    failures = iter([False, False, True] + [False] * 100)

    def flaky(*args: object, **kwargs: object) -> int:
        if next(failures):
            raise sqlite3.OperationalError("database or disk is full")
        return record_poll(*args, **kwargs)  # type: ignore[arg-type]

    store_backlog(tmp_path / "sql.db", 2, reference=True)
    monkeypatch.setattr(poll_writer, "_record_poll", flaky)
    db = tmp_path / "index.db"
    with Store(db) as store:
        ensure_feeds(store, FEEDS)
        for k, poll in enumerate(backlog(2)):
            now = START + timedelta(days=10 + k)
            for feed, analysed in poll:
                record = PollRecord(feed, now, 1, "ok", 200)
                try:
                    write_feed_poll(store, record, analysed, LEDGER, now=now)
                except sqlite3.OperationalError:  # the poller retries the feed
                    write_feed_poll(store, record, analysed, LEDGER, now=now)
    assert ledger_rows(db) == ledger_rows(tmp_path / "sql.db")


QUAKE = Path(__file__).resolve().parents[2].parent / "shared" / "stories" / "quake-2023"


@pytest.mark.skipif(
    not (QUAKE / "make_feeds.py").is_file(), reason="needs ../shared/stories/quake-2023"
)
def test_a_real_story_replayed_both_ways_stores_the_same_ledger(tmp_path: Path) -> None:
    """The quake replay's every poll of every feed, in one fixed order, into both stores."""
    import subprocess
    import sys

    from tui.core.analyse import analyse_feed
    from tui.core.config import load_config
    from tui.core.store.poll_writer import known_hashes
    from tui.core.story import StoryFilter

    feeds = tmp_path / "feeds"
    made = [sys.executable, str(QUAKE / "make_feeds.py"), str(feeds)]
    subprocess.run(made, check=True, capture_output=True, timeout=300)
    config = load_config(QUAKE / "story.toml")
    namer = FigureNamer(config.figures)
    ledger = LedgerContext(namer, timedelta(hours=config.settings.dispute_window_hours))
    story = StoryFilter.from_config(config.story)
    names = sorted(p.name for p in feeds.iterdir() if p.is_dir())
    stores = [Store(tmp_path / "sql.db"), Store(tmp_path / "index.db")]
    for store in stores:
        ensure_feeds(store, {name: f"https://{name}.example/feed" for name in names})
    polls = sorted({p.name for name in names for p in (feeds / name).glob("poll_*.xml")})
    for k, poll in enumerate(polls):
        now = START + timedelta(hours=6 * k)
        for name in names:
            analysed = analyse_feed(
                (feeds / name / poll).read_bytes(), {}, story=story, synonyms=namer.synonyms(),
                places=namer.places(), actors=namer.actors(),
                known_hashes=known_hashes(stores[0], name), now=now,
            )  # fmt: skip
            for reference, store in zip((True, False), stores, strict=True):
                record = PollRecord(name, now, 1, "ok", 200)
                write_feed_poll(store, record, analysed, ledger, now=now, reference=reference)
    for store in stores:
        store.close()
    expected, got = ledger_rows(tmp_path / "sql.db"), ledger_rows(tmp_path / "index.db")
    assert len(expected["claims"]) > 300, "the replay stored too few claims to prove much"
    assert {row[5] for row in expected["changes"]} >= {"new", "changed", "disputed"}
    for table in expected:
        assert got[table] == expected[table], table


class _Counting:
    """A connection that counts the statements sent to SQLite (executemany counts once)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn, self.sent = conn, 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)

    def execute(self, *args: object) -> sqlite3.Cursor:
        self.sent += 1
        return self._conn.execute(*args)  # type: ignore[arg-type]

    def executemany(self, *args: object) -> sqlite3.Cursor:
        self.sent += 1
        return self._conn.executemany(*args)  # type: ignore[arg-type]


def _statements(db: Path, per_report: int, *, reference: bool) -> tuple[int, int]:
    """(claims, statements) for one poll of 6 feeds x 5 reports of `per_report` figures."""
    rng = random.Random(7)
    with Store(db) as store:
        ensure_feeds(store, FEEDS)
        counting = _Counting(store.conn)
        store.conn = counting  # type: ignore[assignment]
        claims = 0
        for feed in FEEDS:
            items = []
            for n in range(5):
                when = START + timedelta(hours=rng.choice([0, 5, 30, 77]))
                text = " ".join(rng.choice(WORDS) for _ in range(40)) + f" {feed} {n}"
                found = tuple(_claim(rng, 10 * i) for i in range(per_report))
                report = Report(f"{feed}-{n}", f"Flood {n}", None, None, when, None, text)
                items.append(AnalysedReport(report, f"{feed}{n}", True, found))
                claims += len(found)
            analysed = AnalysedFeed(feed, None, tuple(items))
            record = PollRecord(feed, START + timedelta(days=10), 1, "ok", 200)
            now = START + timedelta(days=10)
            write_feed_poll(store, record, analysed, LEDGER, now=now, reference=reference)
    return claims, counting.sent


def test_judging_more_claims_sends_no_more_statements_per_claim(tmp_path: Path) -> None:
    """The point of the index: a report's claims are judged in memory and written in one
    batch, so tripling them adds next to no statements (the SQL reads send ~5 per claim)."""
    few, few_sent = _statements(tmp_path / "few.db", 4, reference=False)
    many, many_sent = _statements(tmp_path / "many.db", 12, reference=False)
    added = many - few
    assert many_sent - few_sent <= added / 5, (few_sent, many_sent, added)
    # Why the bound can fail: judged one query at a time, the same claims cost far more.
    few, few_sent = _statements(tmp_path / "few-sql.db", 4, reference=True)
    many, many_sent = _statements(tmp_path / "many-sql.db", 12, reference=True)
    assert many_sent - few_sent > 2 * added, (few_sent, many_sent, added)

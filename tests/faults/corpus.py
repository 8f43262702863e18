"""Run feedparser's test corpus through our parse -> figures -> store path.

Shared by tests/faults/test_corpus.py and anyone who needs a database full of hostile
real-world titles (the dashboard's rendering tests: `ingest_corpus(db)` then
`corpus_titles(db)`). Each corpus file is its own feed.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path

from tests.faults.helpers import CORPUS, corpus_files, read_corpus_file
from tests.pipeline import NOW
from tui.core.analyse import AnalysedFeed, analyse_feed
from tui.core.claims import FigureNamer
from tui.core.config import StorySection
from tui.core.parse import NotAFeed
from tui.core.store import Store
from tui.core.store.poll_writer import (
    LedgerContext,
    PollRecord,
    ensure_feeds,
    known_hashes,
    write_feed_poll,
)

# No keywords: every entry is on the story, so every file's text goes through the extractor.
EVERYTHING = StorySection(title="corpus", keywords=[])


def corpus_titles(db: Path) -> list[str]:
    """Every feed and report title stored from the corpus (for the dashboard's rendering test)."""
    with Store(db, readonly=True) as store:
        feeds = [str(r["title"]) for r in store.query("SELECT title FROM feeds WHERE title != ''")]
        reports = [str(r["title"]) for r in store.query("SELECT title FROM reports")]
    return feeds + reports


def ingest_corpus(db: Path) -> Counter[str]:
    """Analyse and write every corpus file into `db`; returns counts of what happened."""
    files = corpus_files()
    names = {str(p.relative_to(CORPUS)): p for p in files}
    counts: Counter[str] = Counter(files=len(files))
    ledger = LedgerContext(FigureNamer([]), timedelta(hours=72))
    with Store(db) as store:
        ensure_feeds(store, {name: path.as_uri() for name, path in names.items()})
        for name, path in names.items():
            case = read_corpus_file(path)
            analysed: AnalysedFeed | None = None
            error = None
            try:
                analysed = analyse_feed(
                    case.body,
                    case.headers,
                    story=EVERYTHING,
                    synonyms={},
                    known_hashes=known_hashes(store, name),
                    now=NOW,
                )
            except NotAFeed as exc:
                error = str(exc)
                assert error, name  # a rejection always has a reason
            record = PollRecord(
                feed=name,
                started_at=NOW,
                duration_ms=0,
                status="error" if error else "ok",
                http_status=200,
                bytes=len(case.body),
                error=error,
                warning=analysed.warning if analysed else None,
            )
            write_feed_poll(store, record, analysed, ledger, now=NOW)
            if error:
                counts["rejected"] += 1
            else:
                counts["stored"] += 1
                counts["warnings"] += bool(analysed and analysed.warning)
    return counts

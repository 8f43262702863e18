"""Shared helpers for the fault tests: database invariants and the corpus reader.

The story config, monitor and row helpers live in tests/pipeline.py.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tests.pipeline import (
    NOW,
    config_for,
    one,
)
from tui.core.config import Config

# Each query lists rows that break an all-or-nothing rule; every one must return nothing.
INVARIANTS: dict[str, str] = {
    "claim without its report version": (
        "SELECT c.id FROM claims c LEFT JOIN report_versions v ON v.id = c.version_id "
        "WHERE v.id IS NULL OR v.report_id != c.report_id"
    ),
    "report without a version": (
        "SELECT r.id FROM reports r WHERE NOT EXISTS "
        "(SELECT 1 FROM report_versions v WHERE v.report_id = r.id)"
    ),
    "half revision (revisions != versions stored)": (
        "SELECT r.id FROM reports r WHERE r.revisions != "
        "(SELECT count(*) FROM report_versions v WHERE v.report_id = r.id) "
        "OR r.revisions != (SELECT max(version) FROM report_versions v WHERE v.report_id = r.id)"
    ),
    "change without its claim": (
        "SELECT ch.id FROM changes ch LEFT JOIN claims c ON c.id = ch.claim_id WHERE c.id IS NULL"
    ),
    "poll said new reports but the feed has none": (
        "SELECT p.id FROM polls p WHERE p.new_reports > 0 AND "
        "(SELECT count(*) FROM reports r WHERE r.feed_id = p.feed_id) < p.new_reports"
    ),
    "etag stored but no reports": (
        "SELECT f.id FROM feeds f WHERE f.etag IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM reports r WHERE r.feed_id = f.id)"
    ),
    "polled feed with no poll row": (
        "SELECT f.id FROM feeds f WHERE f.last_polled_at IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM polls p WHERE p.feed_id = f.id)"
    ),
}


def broken_invariants(db: Path) -> dict[str, list[object]]:
    """Rule name -> offending ids, for each rule that does not hold (empty dict = whole)."""
    broken: dict[str, list[object]] = {}
    conn = sqlite3.connect(db, timeout=30)
    try:
        for name, sql in INVARIANTS.items():
            bad = [row[0] for row in conn.execute(sql).fetchall()]
            if bad:
                broken[name] = bad[:10]
    finally:
        conn.close()
    return broken


def integrity(db: Path) -> str:
    return str(one(db, "PRAGMA integrity_check"))


# -- the feedparser corpus ---------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feedparser-tests"

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00\x3c", "utf-32-be"),
    (b"\x3c\x00\x00\x00", "utf-32-le"),
    (b"\x00\x3c\x00\x3f", "utf-16-be"),
    (b"\x3c\x00\x3f\x00", "utf-16-le"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
)
_HEADER = re.compile(r"^Header:\s+([^:]+):(.*)$", re.MULTILINE)
_EXPECT = re.compile(r"Expect:\s*(.*)")
# The simple forms we check against what we stored; any other Expect is counted as skipped.
_TITLE_FORMS = (
    ("feed", re.compile(r"""feed(?:\['title'\]|\.title)\s*==\s*(u?(['"]).*?(?<!\\)\2)""")),
    (
        "entry",
        re.compile(r"""entries\[0\](?:\['title'\]|\.title)\s*==\s*(u?(['"]).*?(?<!\\)\2)"""),
    ),
)
_ENCODING_FORM = re.compile(r"""encoding\s*==\s*(['"])([^'"]+)\1""")
# A simple form ends the expression or is followed by `and ...`; `'a' + 'b'` is not simple.
_SIMPLE_END = re.compile(r"\s*(?:$|and\b)")
_SKIP_UNLESS = re.compile(r"""SkipUnless:\s*__import__\(['"](\w+)['"]\)""")


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    body: bytes
    headers: dict[str, str]
    expect: str
    feed_title: str | None  # from `feed['title'] == '...'`, when the Expect says so
    entry_title: str | None  # from `entries[0]['title'] == '...'`
    encoding: str | None  # from `encoding == '...'`
    needs: str | None  # a module the Expect needs (SkipUnless), e.g. chardet


def _decoded_header(raw: bytes) -> str:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="ignore")
    return raw.decode("utf-8", errors="ignore")


def _literal(source: str) -> str | None:
    try:
        value = ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, str) else None


def read_corpus_file(path: Path) -> CorpusFile:
    body = path.read_bytes()
    head = _decoded_header(body)[:4000]
    headers = {name.strip().lower(): value.strip() for name, value in _HEADER.findall(head)}
    found = _EXPECT.search(head)
    expect = found.group(1).strip() if found else ""
    expect = expect.removesuffix("-->").strip()
    titles: dict[str, str | None] = {"feed": None, "entry": None}
    for which, pattern in _TITLE_FORMS:
        match = pattern.search(expect)
        if match and _SIMPLE_END.match(expect, match.end()):
            titles[which] = _literal(match.group(1))
    encoding = _ENCODING_FORM.search(expect)
    return CorpusFile(
        path=path,
        body=body,
        headers=headers,
        expect=expect,
        feed_title=titles["feed"],
        entry_title=titles["entry"],
        encoding=encoding.group(2) if encoding else None,
        needs=needs.group(1) if (needs := _SKIP_UNLESS.search(head)) else None,
    )


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".xml", ".json"))


# -- one body straight through analyse + write, no network ------------------------------


@dataclass(frozen=True)
class Stored:
    """What one `ingest_body` call left: the error (if rejected), the warning, timings."""

    error: str | None
    warning: str | None
    seconds: float  # wall clock: what a user waits, which a loaded machine stretches
    # CPU seconds this process spent on it: what a bound on the work itself should test,
    # since it does not grow while other processes have the cores.
    cpu_seconds: float


def ingest_body(
    db: Path,
    body: bytes,
    headers: dict[str, str] | None = None,
    *,
    feed: str = "Feed",
    config: Config | None = None,
) -> Stored:
    """Parse, filter, extract and store `body` as one poll of `feed`, as the monitor does."""
    import time
    from datetime import timedelta

    from tui.core.analyse import AnalysedFeed, analyse_feed
    from tui.core.claims import FigureNamer
    from tui.core.parse import NotAFeed
    from tui.core.store import Store
    from tui.core.store.poll_writer import (
        LedgerContext,
        PollRecord,
        ensure_feeds,
        known_hashes,
        write_feed_poll,
    )

    config = config or config_for({feed: "https://example.com/feed.xml"})
    namer = FigureNamer(config.figures)
    started, cpu_started = time.perf_counter(), time.process_time()
    with Store(db) as store:
        ensure_feeds(store, {feed: "https://example.com/feed.xml"})
        analysed: AnalysedFeed | None = None
        error = None
        try:
            analysed = analyse_feed(
                body,
                headers or {},
                story=config.story,
                synonyms=namer.synonyms(),
                known_hashes=known_hashes(store, feed),
                now=NOW,
            )
        except NotAFeed as exc:
            error = str(exc)
        record = PollRecord(
            feed=feed,
            started_at=NOW,
            duration_ms=0,
            status="error" if error else "ok",
            bytes=len(body),
            error=error,
            warning=analysed.warning if analysed else None,
        )
        write_feed_poll(store, record, analysed, LedgerContext(namer, timedelta(hours=72)), now=NOW)
    return Stored(
        error,
        analysed.warning if analysed else None,
        time.perf_counter() - started,
        time.process_time() - cpu_started,
    )

"""feedparser's own test corpus, every file through parse -> figures -> store.

Each file is its own feed in one real SQLite file. Nothing may raise: a file that is not
a usable feed is a recorded rejection (a `polls` row with the reason), a malformed one is
stored with a warning. Where a file's `Expect:` header states a title or an encoding in a
simple form, what we stored must agree.
"""

from __future__ import annotations

import importlib.util
import re
import time
from collections import Counter
from pathlib import Path

import feedparser
import pytest

from tests.faults.corpus import corpus_titles, ingest_corpus
from tests.faults.helpers import CORPUS, broken_invariants, corpus_files, read_corpus_file
from tui.core.store import Store
from tui.core.text import clean_line, html_to_text

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"feedparser corpus not found at {CORPUS} (../shared is absent)"
)

# Where our HTML-to-text differs from feedparser's sanitiser on purpose (or knowingly).
KNOWN_DIVERGENCES: set[str] = set()
# Feed titles where feedparser's expectation is its sanitiser's, not the text a reader sees.
FEED_TITLE_DIVERGENCES = {
    # feedparser ends "<!-- -- x >" at the ">" (old SGML comment rules); HTML5, a browser and
    # we end a comment only at "-->", so everything after "sa" is comment.
    "wellformed/sanitize/xml_malicious_comment.xml",
}
# Nothing a terminal would act on may be stored: C0 (but tab/newline), DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _as_stored(text: str) -> str:
    """What our parse does to a title: HTML to plain text, controls stripped, one line."""
    return clean_line(html_to_text(text))


def _was_stored(store: Store, name: str) -> bool:
    found = store.query(
        "SELECT 1 FROM polls p JOIN feeds f ON f.id = p.feed_id "
        "WHERE f.name = ? AND p.status = 'ok'",
        (name,),
    )
    return bool(found)


def check_expectations(db: Path) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    disagreements: list[str] = []
    with Store(db, readonly=True) as store:
        for path in corpus_files():
            case = read_corpus_file(path)
            name = str(path.relative_to(CORPUS))
            if case.needs and importlib.util.find_spec(case.needs) is None:
                counts["expect_needs_module"] += 1  # e.g. chardet is not installed
                continue
            if case.feed_title is None and case.entry_title is None and case.encoding is None:
                counts["expect_skipped"] += 1
                continue
            feed_row = store.query("SELECT title FROM feeds WHERE name = ?", (name,))[0]
            if (case.feed_title or case.entry_title) and not _was_stored(store, name):
                counts["expect_on_rejected"] += 1  # no entries: nothing stored to compare
                continue
            if case.feed_title is not None:
                stored = feed_row["title"]
                counts["checked"] += 1
                if (stored or "") == _as_stored(case.feed_title) or name in FEED_TITLE_DIVERGENCES:
                    counts["agreed"] += 1
                else:
                    disagreements.append(f"{name}: feed title {stored!r} != {case.feed_title!r}")
            if case.entry_title is not None:
                first = store.query(
                    "SELECT r.title FROM reports r JOIN feeds f ON f.id = r.feed_id "
                    "WHERE f.name = ? ORDER BY r.id LIMIT 1",
                    (name,),
                )
                stored = first[0]["title"] if first else None
                expected = _as_stored(case.entry_title) or "(untitled)"
                counts["checked"] += 1
                if stored == expected or name in KNOWN_DIVERGENCES:
                    counts["agreed"] += 1
                else:
                    disagreements.append(f"{name}: entry title {stored!r} != {expected!r}")
            if case.encoding is not None:
                # We do not store the encoding; check that parsing with the headers we pass
                # (HTTP charset vs XML declaration) detects the one the file says.
                parsed = feedparser.parse(
                    case.body, response_headers=case.headers, sanitize_html=False
                )
                counts["checked"] += 1
                if str(parsed.get("encoding", "")).lower() == case.encoding.lower():
                    counts["agreed"] += 1
                else:
                    disagreements.append(
                        f"{name}: encoding {parsed.get('encoding')!r} != {case.encoding!r}"
                    )
    return counts, disagreements


def test_every_corpus_file_is_stored_or_rejected_with_a_reason(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    started = time.perf_counter()
    counts = ingest_corpus(db)
    ingest_s = time.perf_counter() - started
    expectations, disagreements = check_expectations(db)
    counts.update(expectations)
    print(
        f"\ncorpus: {counts['files']} files in {ingest_s:.1f} s: {counts['stored']} stored, "
        f"{counts['rejected']} rejected, {counts['warnings']} with warnings; expectations "
        f"{counts['checked']} checked, {counts['agreed']} agreed, "
        f"{counts['expect_skipped']} not in a simple form (skipped)"
    )
    for line in disagreements:
        print("  disagrees:", line)
    assert counts["stored"] + counts["rejected"] == counts["files"]
    assert broken_invariants(db) == {}
    with Store(db, readonly=True) as store:
        rejected = store.query(
            "SELECT f.name, p.error FROM polls p JOIN feeds f ON f.id = p.feed_id "
            "WHERE p.status = 'error'"
        )
        assert all(row["error"] for row in rejected)
        reasons = Counter(re.sub(r"\(.*", "", str(row["error"])) for row in rejected)
        print("  rejection reasons:", dict(reasons.most_common(6)))
        warned = store.query("SELECT count(*) AS n FROM polls WHERE warning IS NOT NULL")
        assert warned[0]["n"] == counts["warnings"]
    assert counts["agreed"] == counts["checked"], disagreements
    titles = corpus_titles(db)
    texts = [t for t in titles if UNSAFE.search(t)]
    with Store(db, readonly=True) as store:
        for row in store.query("SELECT text FROM report_versions"):
            if UNSAFE.search(str(row["text"])):
                texts.append(str(row["text"])[:80])
    assert texts == []

"""Pure helpers of the readers in tui.core.store, and their queries on a small seeded database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app import fixtures
from tui.core.store import Store, figures, history, refs, report, timeline


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("troops Iraq", '"troops" "Iraq"'),
        ('"NEAR( *x OR', '"NEAR" "x" "OR"'),
        ("[/] ***", ""),
    ],
)
def test_fts_query_quotes_every_word(text: str, query: str) -> None:
    assert timeline.fts_query(text) == query


def test_word_diff_keeps_text_and_marks_words() -> None:
    ops = report.word_diff("About 1,000 troops moved.", "About 1,200 troops moved, officials said.")
    assert "".join(t for op, t in ops if op != "del") == "About 1,200 troops moved, officials said."
    assert "".join(t for op, t in ops if op != "ins") == "About 1,000 troops moved."
    assert ("del", "1,000") in ops and ("ins", "1,200") in ops


def test_key_label() -> None:
    assert refs.key_label("count|troops|presence|Iraq|Iraqi") == "Iraqi troops in Iraq (presence)"
    assert refs.key_label("not a key") == "not a key"


def test_summaries_timeline_and_history(tmp_path: Path) -> None:
    db = fixtures.story(tmp_path / "s.db")
    with Store(db, readonly=True) as store:
        summaries = figures.figure_summaries(store, ["US troops in Iraq", "US troops in Syria"])
        assert [s.ref.label for s in summaries][:2] == ["US troops in Iraq", "US troops in Syria"]
        iraq = summaries[0]
        assert iraq.pending is not None and iraq.pending.direction == "down"
        assert [v.source for v in iraq.values] == ["Reuters", "the Pentagon"]
        first = timeline.reports_timeline(store, limit=2)
        more = timeline.reports_timeline(
            store, limit=10, before=(first[-1].published, first[-1].id)
        )
        assert len(first) + len(more) == 5 and not {r.id for r in first} & {r.id for r in more}
        ref = refs.FigureRef("US troops in Iraq")
        assert history.history_count(store, ref) == 2
        page = history.history_page(store, ref, limit=1)
        older = history.history_page(store, ref, after=(page[0].observed_at, page[0].id), limit=1)
        back = history.history_page(store, ref, before=(older[0].observed_at, older[0].id), limit=1)
        assert page[0].display == "2,000" and older[0].display == "about 2,500" and back == page
        assert timeline.search_reports(store, "kuwait")[0].marker == "revised"


def test_history_oldest_first_is_the_same_rows_reversed(tmp_path: Path) -> None:
    """`storywatch history` and the history screen read one reader: the CLI's oldest-first
    list is the screen's newest-first page turned round, with the stored columns."""
    db = fixtures.story(tmp_path / "s.db")
    with Store(db, readonly=True) as store:
        ref = refs.FigureRef("US troops in Iraq")
        newest = history.history_page(store, ref, limit=10)
        oldest = history.history_page(store, ref, limit=10, oldest_first=True)
        assert oldest == newest[::-1] and len(oldest) == 2
        assert history.history_page(store, ref, limit=1, oldest_first=True) == oldest[:1]
        row = oldest[0].as_json()
        assert (row["figure"], row["surface"], row["version"]) == (
            "US troops in Iraq",
            "About 2,500",
            1,
        )
        assert row["report_title"] and row["key"].startswith("count|troops|")

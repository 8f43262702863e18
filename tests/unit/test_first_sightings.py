"""A first poll's backlog asks, for most of its claims, for the earliest later first
sighting of the same figure (``figure_ledger.first_sighting_after``). It must be found
through the "new" changes alone (migration 0010), not by walking every later claim of the
figure: that walk made a 500-feed first poll's store stage quadratic (98 s of CPU)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tui.core.ledger import Observation
from tui.core.models import Claim
from tui.core.store import Store
from tui.core.store.figure_ledger import _said_before, first_sighting_after


def _observation() -> Observation:
    claim = Claim(
        surface="about 2,500", kind="count", bound="approx", low=2500.0, high=2500.0,
        unit=None, thing="troops", place="Iraq", actor="US", source="Pentagon",
        predicate="presence", as_of="current", sentence="About 2,500 US troops.",
        start=0, end=11,
    )  # fmt: skip
    return Observation(
        claim=claim,
        report="Wire\x1fa",
        revision=1,
        source="Pentagon",
        observed_at=datetime(2025, 9, 1, tzinfo=UTC),
    )


def _recording_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Store, list[tuple[str, Any]]]:
    """A real store whose queries are also written down, to ask SQLite how it runs them."""
    store = Store(tmp_path / "s.db")
    asked: list[tuple[str, Any]] = []
    query = store.query

    def recording(sql: str, params: Any = ()) -> list[dict[str, Any]]:
        asked.append((sql, params))
        return query(sql, params)

    monkeypatch.setattr(store, "query", recording)
    return store, asked


def _plan(store: Store, sql: str, params: Any) -> str:
    return " ".join(str(row[3]) for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


@pytest.mark.parametrize(
    ("identity", "index"),
    [
        pytest.param("figure:US troops in Iraq|current", "changes_new_figure", id="named"),
        pytest.param("count|troops|presence|Iraq|US|current", "changes_new_key", id="unnamed"),
    ],
)
def test_first_sightings_are_found_by_their_own_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, identity: str, index: str
) -> None:
    store, asked = _recording_store(tmp_path, monkeypatch)
    assert first_sighting_after(store, identity, "US troops in Iraq", _observation(), 1) is None
    ((sql, params),) = asked
    plan = _plan(store, sql, params)
    assert f"USING INDEX {index}" in plan, plan


@pytest.mark.parametrize(
    ("identity", "index"),
    [
        pytest.param("figure:US troops in Iraq|current", "claims_figure_speaker", id="named"),
        pytest.param("count|troops|presence|Iraq|US|current", "claims_key_speaker", id="unnamed"),
    ],
)
def test_a_speakers_earlier_word_is_an_index_seek(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, identity: str, index: str
) -> None:
    """The same backlog asks each claim for its speaker's latest earlier word (migration
    0011): not a walk back over every other speaker's claims of the figure."""
    store, asked = _recording_store(tmp_path, monkeypatch)
    assert _said_before(store, identity, "US troops in Iraq", _observation(), 1) == []
    sql, params = asked[-1]  # the second query narrows to the speaker
    assert "c.speaker = :speaker" in sql
    plan = _plan(store, sql, params)
    assert f"USING INDEX {index}" in plan, plan

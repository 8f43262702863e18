"""`poll_writer.write_polls` writes several feeds in one transaction, each a savepoint: a
feed that fails is rolled back alone, and a batch whose transaction is lost whole is
written again feed by feed."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.claims import FigureNamer
from tui.core.store import Store
from tui.core.store.db import BatchLost
from tui.core.store.poll_writer import LedgerContext, PollRecord, ensure_feeds, write_polls

NOW = datetime(2025, 9, 2, 8, 0, tzinfo=UTC)
LEDGER = LedgerContext(FigureNamer([]), timedelta(hours=72))


def _write(feed: str) -> tuple[PollRecord, None, datetime]:
    return PollRecord(feed=feed, started_at=NOW, duration_ms=1, status="ok"), None, NOW


def test_a_failing_feed_is_rolled_back_alone(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        ensure_feeds(store, {"a": "https://a.example/", "c": "https://c.example/"})
        # "b" has no row: its write fails inside the batch, between two that succeed.
        outcomes = write_polls(store, [_write("a"), _write("b"), _write("c")], LEDGER)
        polled = store.query("SELECT f.name FROM polls p JOIN feeds f ON f.id = p.feed_id")
    assert [isinstance(o, Exception) for o in outcomes] == [False, True, False]
    assert sorted(row["name"] for row in polled) == ["a", "c"]


def test_a_lost_batch_is_written_again_feed_by_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "s.db") as store:
        ensure_feeds(store, {"a": "https://a.example/", "b": "https://b.example/"})
        real_batch = Store.batch
        lost = []

        def losing_batch(self: Store):  # type: ignore[no-untyped-def]
            if lost:
                return real_batch(self)
            lost.append(True)
            raise BatchLost("rolled back")

        monkeypatch.setattr(Store, "batch", losing_batch)
        outcomes = write_polls(store, [_write("a"), _write("b")], LEDGER)
        count = store.conn.execute("SELECT count(*) FROM polls").fetchone()[0]
    assert lost and not any(isinstance(o, Exception) for o in outcomes)
    assert count == 2
    assert issubclass(BatchLost, sqlite3.Error)

"""Write one feed's poll into the database: reports, revisions, figures, changes, poll row.

Everything for one feed lands in one `BEGIN IMMEDIATE` transaction, so a crash or a
full disk never leaves half a report, a figure without its report, or fetch state
that claims a poll happened when its reports were not stored.

A poll without a body (304 Not Modified, a failure) writes only its poll row and the
feed's state, and loads nothing of the report writer (`report_writer`), the ledger or the
extractor: an all-304 poll of many feeds is mostly start-up, and these are a good part of it.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from tui.core.store.db import BatchLost, Store, iso

if TYPE_CHECKING:  # a poll that brought no body imports none of these (report_writer)
    from tui.core.analyse import AnalysedFeed
    from tui.core.claims import FigureNamer
    from tui.core.models import Claim, FigureChanged, NewReport, NewRevision
    from tui.core.store.ledger_index import LedgerIndex


@dataclass(frozen=True, slots=True)
class PollRecord:
    """What fetching one feed did, ready to be stored."""

    feed: str
    started_at: datetime
    duration_ms: int
    status: Literal["ok", "not_modified", "error"]
    http_status: int | None = None
    bytes: int = 0
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    warning: str | None = None
    next_poll_at: datetime | None = None
    # Where the feed lives after this poll, if a permanent redirect moved it (see Monitor).
    moved_to: str | None = None


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a feed's last poll left: its validators, its failure streak, where it moved."""

    etag: str | None
    last_modified: str | None
    consecutive_failures: int
    moved_to: str | None = None  # a permanent redirect's target, polled instead of the URL


@dataclass(slots=True)
class WriteResult:
    new_reports: list[NewReport] = field(default_factory=list)
    new_revisions: list[NewRevision] = field(default_factory=list)
    changes: list[FigureChanged] = field(default_factory=list)
    new_claims: int = 0
    consecutive_failures: int = 0


@dataclass(frozen=True, slots=True)
class LedgerContext:
    namer: FigureNamer
    dispute_window: timedelta
    # name_for's answers: a poll asks about the same few keys and speakers tens of
    # thousands of times (500 bench feeds: 52,000 claims, a few thousand keys).
    _names: dict[tuple[object, ...], str | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def name_for(self, claim: Claim) -> str | None:
        """`namer.name_for(claim)`, remembered: it reads the claim's key and source, and
        the sentence only for a sum (a bare sum's words may name its thing)."""
        sentence = claim.sentence if claim.kind == "money" else None
        memo = (claim.key, claim.source, sentence)
        found = self._names.get(memo, _UNNAMED)
        if found is _UNNAMED:
            if len(self._names) >= _NAMES_HELD:
                self._names.clear()
            found = self._names[memo] = self.namer.name_for(claim)
        return found  # type: ignore[return-value]


_UNNAMED = object()
_NAMES_HELD = 20_000


def ensure_feeds(store: Store, feeds: Mapping[str, str]) -> None:
    """Make sure every configured feed (name -> url) has a row; URLs follow the config."""
    with store.write() as db:
        for name, url in feeds.items():
            db.execute(
                # A new URL in feeds.toml supersedes a remembered permanent redirect.
                "INSERT INTO feeds (name, url) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET url = excluded.url, moved_to = "
                "CASE WHEN feeds.url = excluded.url THEN feeds.moved_to END",
                [name, url],
            )


def feed_states(store: Store) -> dict[str, FeedState]:
    """feed name -> what its last poll left, for every feed with a row."""
    rows = store.conn.execute(
        "SELECT name, etag, last_modified, consecutive_failures, moved_to FROM feeds"
    ).fetchall()
    return {row[0]: FeedState(*row[1:]) for row in rows}


def known_hashes(store: Store, feed: str) -> dict[str, str]:
    """entry id -> content hash of its latest stored version, for one feed."""
    rows = store.conn.execute(
        """SELECT r.entry_id, v.content_hash FROM reports r
           JOIN feeds f ON f.id = r.feed_id
           JOIN report_versions v ON v.report_id = r.id AND v.version = r.revisions
           WHERE f.name = ?""",
        [feed],
    )
    return {entry_id: digest for entry_id, digest in rows}


def write_feed_poll(
    store: Store,
    record: PollRecord,
    analysed: AnalysedFeed | None,
    ledger: LedgerContext | None,
    *,
    now: datetime,
    reference: bool = False,
) -> WriteResult:
    """Store one feed's poll in one transaction. Raises sqlite3 errors after rolling back.

    The ledger is judged in memory (`LedgerIndex`); `reference` judges it with one SQL
    query per read instead (`SqlLedger`), the same verdicts, for the equivalence test.
    """
    if analysed is None and not reference and _index_if_any(store) is None:
        # Nothing to judge, and no ledger in memory to keep in step with the file.
        result = WriteResult()
        with store.write() as db:
            row = db.execute("SELECT id FROM feeds WHERE name = ?", [record.feed]).fetchone()
            result.consecutive_failures = _record_poll(store, int(row[0]), record, result, now)
        return result
    from tui.core.store.ledger_index import ledger_index
    from tui.core.store.ledger_sql import SqlLedger
    from tui.core.store.report_writer import FeedWriter

    if analysed is not None and ledger is None:
        raise ValueError("a parsed feed is judged against a ledger: pass its LedgerContext")
    rows = SqlLedger(store) if reference else ledger_index(store)
    result = WriteResult()
    try:
        with store.write() as db:
            rows.begin()
            row = db.execute("SELECT id FROM feeds WHERE name = ?", [record.feed]).fetchone()
            feed_id = int(row[0])
            if analysed is not None and ledger is not None:
                writer = FeedWriter(store, feed_id, record.feed, ledger, now, rows, result)
                writer.reports(analysed.reports)
                db.execute(
                    "UPDATE feeds SET title = coalesce(?, title), entries = ? WHERE id = ?",
                    [analysed.title or None, len(analysed.reports), feed_id],
                )
            rows.flush()
            result.consecutive_failures = _record_poll(store, feed_id, record, result, now)
    except BaseException:
        rows.abandon()
        raise
    rows.commit()
    return result


def _index_if_any(store: Store) -> LedgerIndex | None:
    """The store's in-memory ledger if one was made (by an earlier feed with a body)."""
    module = sys.modules.get("tui.core.store.ledger_index")
    return None if module is None else module.existing_index(store)


Write = tuple[PollRecord, "AnalysedFeed | None", datetime]  # a feed's poll, stored at `now`


# Feeds written in one transaction at most (see `write_polls`).
BATCH_FEEDS = 32


def write_polls(
    store: Store, writes: Sequence[Write], ledger: LedgerContext | None
) -> list[WriteResult | Exception]:
    """Store each feed's poll, all or nothing for that feed; a failure is that feed's alone.

    Up to BATCH_FEEDS feeds share one transaction, each feed a savepoint of it: a commit
    writes every page the transaction touched (the claims' eight indexes, the full-text
    index's segments), so one commit for many feeds writes far fewer pages than one each
    (500 feeds, bench/store.py-like, 8 feeds a transaction: store CPU -12%, 32: -28%).
    Nothing is answered before its commit. Should the batch's transaction be lost whole
    (a full disk rolls it back) or its commit fail, every feed of it is written again in
    a transaction of its own, as if it had never been batched.
    """
    outcomes: list[WriteResult | Exception] = []
    for start in range(0, len(writes), BATCH_FEEDS):
        chunk = writes[start : start + BATCH_FEEDS]
        if len(chunk) == 1:
            outcomes += _write_each(store, chunk, ledger)
            continue
        try:
            with store.batch():
                done = _write_each(store, chunk, ledger)
        except sqlite3.Error:
            if (index := _index_if_any(store)) is not None:
                index.abandon()  # it holds rows that were never stored
            done = _write_each(store, chunk, ledger)
        outcomes += done
    return outcomes


def _write_each(
    store: Store, writes: Sequence[Write], ledger: LedgerContext | None
) -> list[WriteResult | Exception]:
    outcomes: list[WriteResult | Exception] = []
    for record, analysed, now in writes:
        try:
            outcomes.append(write_feed_poll(store, record, analysed, ledger, now=now))
        except BatchLost:
            raise  # the whole batch is gone: written again one by one
        except Exception as exc:  # a database fault: nothing was written for this feed
            outcomes.append(exc)
    return outcomes


def _record_poll(
    store: Store, feed_id: int, record: PollRecord, result: WriteResult, now: datetime
) -> int:
    store.conn.execute(
        """INSERT INTO polls (feed_id, started_at, duration_ms, status, http_status, bytes,
               new_reports, new_revisions, new_claims, new_changes, error, warning)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            feed_id,
            iso(record.started_at),
            record.duration_ms,
            record.status,
            record.http_status,
            record.bytes,
            len(result.new_reports),
            len(result.new_revisions),
            result.new_claims,
            len(result.changes),
            record.error,
            record.warning,
        ],
    )
    next_at = iso(record.next_poll_at) if record.next_poll_at else None
    store.conn.execute("UPDATE feeds SET moved_to = ? WHERE id = ?", [record.moved_to, feed_id])
    if record.status == "error":
        store.conn.execute(
            """UPDATE feeds SET consecutive_failures = consecutive_failures + 1,
                   total_failures = total_failures + 1,
                   first_error_at = CASE WHEN consecutive_failures = 0 THEN ?
                                         ELSE first_error_at END,
                   last_error_at = ?, last_error = ?, last_polled_at = ?, next_poll_at = ?
               WHERE id = ?""",
            [iso(now), iso(now), record.error, iso(now), next_at, feed_id],
        )
    else:
        # The first success resets the failure streak; validators are kept verbatim.
        store.conn.execute(
            """UPDATE feeds SET consecutive_failures = 0, first_error_at = NULL,
                   last_success_at = ?, last_polled_at = ?, next_poll_at = ?,
                   etag = coalesce(?, etag), last_modified = coalesce(?, last_modified)
               WHERE id = ?""",
            [iso(now), iso(now), next_at, record.etag, record.last_modified, feed_id],
        )
    row = store.conn.execute(
        "SELECT consecutive_failures FROM feeds WHERE id = ?", [feed_id]
    ).fetchone()
    return int(row[0])

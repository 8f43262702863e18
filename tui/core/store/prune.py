"""`storywatch prune`: trim what no feature needs, never what a figure or change rests on.

What goes, for reports last changed before the cutoff:
- the text of off-story reports (nine in ten of what feeds carry). Their report row, title,
  link and latest revision key stay, so an item that comes back is still known (not new)
  and an unchanged one is not taken for an edit;
- their earlier versions (only the latest key is ever compared);
- poll log rows older than the cutoff (the feeds table keeps each feed's health).

Never touched: on-story reports and all their versions, any report with a figure (claim)
or a change, feeds, claims, changes, the ledger. Each step is its own short write
transaction, so a dashboard or poller sharing the file is only briefly held up.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.revisions import SCHEME, revision_key
from tui.core.store.db import Store, iso

# A report "rests on" nothing only if no claim and no change points at it.
_UNTOUCHABLE = """
    r.on_story = 1
    OR EXISTS (SELECT 1 FROM claims c WHERE c.report_id = r.id)
    OR EXISTS (SELECT 1 FROM changes ch JOIN claims c ON c.id = ch.claim_id
               WHERE c.report_id = r.id)
"""
_PRUNABLE = f"""
    SELECT r.id FROM reports r
    WHERE r.last_changed_at < :cutoff AND NOT ({_UNTOUCHABLE})
"""


@dataclass(frozen=True, slots=True)
class PruneResult:
    texts_cleared: int
    versions_deleted: int
    polls_deleted: int
    bytes_before: int
    bytes_after: int


def database_bytes(store: Store) -> int:
    """The file's size as SQLite sees it: pages in use and free (the WAL not counted)."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    size = store.conn.execute("PRAGMA page_size").fetchone()[0]
    return int(pages) * int(size)


def prune(store: Store, *, older_than: timedelta, now: datetime, vacuum: bool) -> PruneResult:
    """Trim reports and polls older than `older_than` (see the module docstring)."""
    cutoff = {"cutoff": iso(now - older_than)}
    before = database_bytes(store)
    with store.write() as db:
        deleted = db.execute(
            f"""DELETE FROM report_versions WHERE report_id IN ({_PRUNABLE})
                AND version < (SELECT revisions FROM reports WHERE id = report_id)""",
            cutoff,
        ).rowcount
    with store.write() as db:
        # A key from an older scheme is recomputed from the text, so it must be made
        # current before the text goes, or the next fetch would look like an edit.
        stale = db.execute(
            f"""SELECT id, title, text FROM report_versions
                WHERE report_id IN ({_PRUNABLE}) AND text != ''
                  AND content_hash NOT LIKE :scheme""",
            {**cutoff, "scheme": SCHEME + "%"},
        ).fetchall()
        db.executemany(
            "UPDATE report_versions SET content_hash = ? WHERE id = ?",
            [(revision_key(title, text), version_id) for version_id, title, text in stale],
        )
        cleared = db.execute(
            f"""UPDATE report_versions SET text = ''
                WHERE report_id IN ({_PRUNABLE}) AND text != ''""",
            cutoff,
        ).rowcount
    with store.write() as db:
        polls = db.execute("DELETE FROM polls WHERE started_at < :cutoff", cutoff).rowcount
    if vacuum:
        _vacuum(store)
    return PruneResult(cleared, deleted, polls, before, database_bytes(store))


def _vacuum(store: Store) -> None:
    """Give the freed pages back to the file system, and empty the WAL."""
    try:
        store.conn.execute("VACUUM")
    except sqlite3.OperationalError as exc:
        # Another connection is mid-read: the pages stay free for reuse, nothing is lost.
        raise VacuumBusy(str(exc)) from None
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class VacuumBusy(Exception):
    """VACUUM could not get the database to itself (another storywatch is reading)."""


def parse_age(text: str) -> timedelta:
    """ "30d", "12h", "2w", "90m": an age for --off-story-older-than. Raises ValueError."""
    units = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
    value, unit = text.strip()[:-1], text.strip()[-1:].lower()
    if unit not in units or not value.isdigit():
        raise ValueError(f"{text!r} is not an age such as 30d, 12h or 2w")
    return timedelta(seconds=int(value) * units[unit])

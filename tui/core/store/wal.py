"""Keep the write-ahead log bounded when readers never stop.

SQLite checkpoints the WAL after each commit, but only "passively": it can copy frames
back while readers work, yet it can only start the log over when no reader is inside it.
With a dashboard or two refreshing all the time, that moment may never come, and the WAL
file grows with every commit (measured: 21 MB after 900 commits, two dashboards and a
poller). So the poller, after a cycle, forces a TRUNCATE checkpoint once the WAL passes
a limit: it waits (the busy timeout) for the readers of the moment to finish, then empties
the log; new readers read the database file meanwhile.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.core.store.db import Store

WAL_LIMIT_BYTES = 8 << 20


def wal_bytes(db_path: Path) -> int:
    try:
        return db_path.with_name(db_path.name + "-wal").stat().st_size
    except OSError:
        return 0


def keep_wal_bounded(store: Store, limit: int = WAL_LIMIT_BYTES) -> bool:
    """Empty the WAL if it has grown past `limit`. True if a checkpoint ran to the end.

    Never raises for a busy database: the next cycle tries again.
    """
    if wal_bytes(store.path) <= limit:
        return False
    try:
        busy, _, _ = store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:
        return False
    return not busy

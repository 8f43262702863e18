"""The SQLite file: opening it (schema current, migrations run), connections, write transactions.

One file, WAL mode, foreign keys on, ISO-8601 UTC text times. Every write runs in
`BEGIN IMMEDIATE` so that a dashboard and a headless poller can share the file: a
deferred transaction that reads and then writes fails at once with "database is locked"
if the other connection committed in between, whatever the busy timeout.

A `Store` wraps one connection and must stay on the thread that opened it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.core.store.schema import migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do."""


class BatchLost(sqlite3.OperationalError):
    """A `Store.batch()` transaction was rolled back whole: none of its writes was stored."""


def iso(moment: datetime) -> str:
    """The one text form of a time in the database: UTC, seconds, with offset."""
    if moment.tzinfo is None:  # local time: its meaning can depend on `fold`, keep it exact
        return moment.astimezone(UTC).replace(microsecond=0).isoformat()
    return _iso_aware(moment)


# A poll writes the same few moments thousands of times (every claim of a report carries
# its report's time): each is converted once. Equal aware datetimes are the same instant.
@functools.lru_cache(maxsize=4096)
def _iso_aware(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


@functools.lru_cache(maxsize=4096)
def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _check_file(path: Path) -> bool:
    """Refuse files that are not ours before SQLite touches them. True if the file exists."""
    if not path.exists():
        return False
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database: {exc.strerror}") from None
    if head != SQLITE_MAGIC:
        what = "is empty" if not head else "is not an SQLite database"
        raise StoreError(
            f"{path}: {what}; storywatch will not overwrite it. Move it aside or pass another --db."
        )
    return True


class Store:
    """One connection to the storywatch database, schema guaranteed current."""

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self._batched = False  # inside `batch()`: each `write()` is a savepoint
        existed = _check_file(self.path)
        if not existed and readonly:
            raise StoreError(f"{self.path}: no database yet (run `storywatch poll` first)")
        if existed and not readonly and not os.access(self.path, os.W_OK):
            # SQLite would open it read-only and fail only at the first write, mid-poll.
            raise StoreError(f"{self.path}: {_explain(sqlite3.OperationalError('readonly'))}")
        if not existed:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path.parent}: cannot create folder: {exc}") from None
        try:
            conn = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            self.conn = conn
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self._prepare(existed)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {_explain(exc)}") from None

    def _prepare(self, existed: bool) -> None:
        if existed:
            self._refuse_foreign_or_newer()
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")
        self.conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a crash loses no commit
        pending = migrations.pending(self.conn)
        if pending and existed and migrations.applied(self.conn):
            self._backup_before_migrating()
        migrations.apply(self.conn)

    def _refuse_foreign_or_newer(self) -> None:
        tables = set(self.table_names())
        ours = set(migrations.names)
        applied = set(migrations.applied(self.conn)) if tables else set()
        if tables and not applied:
            raise StoreError(
                f"{self.path}: this SQLite file belongs to another program "
                f"(tables: {', '.join(sorted(tables)[:5])}); storywatch will not touch it"
            )
        unknown = applied - ours
        if unknown:
            raise StoreError(
                f"{self.path}: made by a newer storywatch (schema {', '.join(sorted(unknown))}); "
                "upgrade storywatch to open it"
            )

    def _backup_before_migrating(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.before-migration-{stamp}")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(self.path, backup)

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, taken with BEGIN IMMEDIATE; rolled back on any error.

        Inside `batch()` it is a savepoint of the batch's transaction instead: rolled back
        alone on an error, committed with the batch."""
        if self._batched:
            yield from self._savepoint()
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self._rollback()
            raise
        else:
            self._commit()

    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        if not self.conn.in_transaction:  # an error already rolled the whole batch back
            raise BatchLost("the batch's transaction was rolled back")
        self.conn.execute("SAVEPOINT one_write")
        try:
            yield self.conn
        except BaseException:
            if not self.conn.in_transaction:
                raise
            self.conn.execute("ROLLBACK TO one_write")
            self.conn.execute("RELEASE one_write")
            raise
        if not self.conn.in_transaction:
            raise BatchLost("the batch's transaction was rolled back")
        self.conn.execute("RELEASE one_write")

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for several `write()`s, each a savepoint of it: one commit instead
        of one each (a commit writes every page the write touched, the full-text index's
        too). Raises `BatchLost` when an error (a full disk, an I/O error) rolled the whole
        transaction back, or the error of the COMMIT: then none of its writes was stored."""
        if self._batched:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._batched = True
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        else:
            if not self.conn.in_transaction:
                raise BatchLost("the batch's transaction was rolled back")
            self._commit()
        finally:
            self._batched = False

    def _rollback(self) -> None:
        """Roll back the open transaction, if an error has not already ended it."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _commit(self) -> None:
        """COMMIT, rolled back when the commit itself fails (a full disk at the last page)."""
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def query(
        self, sql: str, params: Sequence[object] | Mapping[str, object] = ()
    ) -> list[dict[str, Any]]:
        """Rows as dicts. Runs outside any long transaction so the WAL can checkpoint."""
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def table_names(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [name for (name,) in rows]

    def set_page_cache(self, kib: int) -> None:
        """SQLite's page cache for this connection, in KiB (filled only as pages are read)."""
        self.conn.execute(f"PRAGMA cache_size = -{int(kib)}")

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap polling for 'did the file change?'."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _explain(exc: sqlite3.DatabaseError) -> str:
    message = str(exc)
    if "readonly" in message or "read-only" in message:
        return "the database is read-only (check the file's and its folder's permissions)"
    if "unable to open" in message:
        return "cannot open the database file (does the folder exist and is it writable?)"
    if "malformed" in message or "not a database" in message:
        return "the database file is damaged or not a database; storywatch will not overwrite it"
    if "full" in message:
        return "the disk is full: free some space; nothing was written"
    return message


__all__ = ["Store", "StoreError", "iso", "parse_iso"]

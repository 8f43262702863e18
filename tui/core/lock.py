"""Who is polling this database? An advisory lock file beside it.

A dashboard that finds a headless poller already holding the lock does not poll
itself: it watches the database instead, so the two never fetch the same feeds twice.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import IO


class PollerLock:
    """An exclusive, non-blocking `flock` on `<db>.poller.lock`, released on close or exit."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".poller.lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """True if this process is now the poller; False if another process is."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

"""Who is polling this database? An advisory lock file beside it.

A dashboard that finds a headless poller already holding the lock does not poll
itself: it watches the database instead, so the two never fetch the same feeds twice.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from pathlib import Path
from typing import IO, Any

# flock on POSIX, msvcrt.locking on Windows. A platform with neither gets no exclusion
# (a dashboard there also polls) rather than an import error.
# Imported by name (typed Any) so the code is the same on every platform and for mypy.


def _optional(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


fcntl = _optional("fcntl")  # POSIX
msvcrt = _optional("msvcrt")  # Windows


def _try_lock(handle: IO[str]) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    if msvcrt is not None:  # pragma: no cover - Windows
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    return True


def _unlock(handle: IO[str]) -> None:
    with contextlib.suppress(OSError):
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_UN)
        elif msvcrt is not None:  # pragma: no cover - Windows
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


class PollerLock:
    """An exclusive, non-blocking lock on `<db>.poller.lock`, released on close or exit."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".poller.lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """True if this process is now the poller; False if another process is."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+")
        if not _try_lock(handle):
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
            _unlock(self._handle)
            self._handle.close()
            self._handle = None

"""The wall clock every part of storywatch reads: now, in UTC, to the second.

Stored times are whole seconds (`store.db.iso`); a clock that said more would make two
reads of the same moment compare unequal. Tests pass their own clock instead.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)

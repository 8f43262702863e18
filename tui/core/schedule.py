"""When is each feed next polled? Pure rules plus a small monotonic-clock timetable.

Nothing here does I/O. `next_poll_delay` decides a delay from what the last fetch said;
`Schedule` remembers, per feed, the monotonic time it is next due.
"""

from __future__ import annotations

import math
import random
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# Longest we ever wait: a server (or a long outage) must not park a feed for days.
MAX_DELAY = 24 * 3600.0
# Shortest we ever wait: "Retry-After: 0" or a tiny interval must not become a hot loop.
MIN_DELAY = 1.0
# Backoff doubles per failure; past 2**64 the float would only overflow.
_MAX_DOUBLINGS = 64


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def parse_retry_after(value: str, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date.

    Clamped to [0, 24 h]; a date in the past means 0; anything unparseable is None
    (a broken header must not stop polling). `now` should be the response's Date
    header when there is one, so a skewed local clock does not distort the wait.
    """
    text = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _clamp(float(text), 0.0, MAX_DELAY)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    # RFC 9110 dates are GMT, but "-0000" (and a naive `now`) parse as naive.
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    return _clamp((when - now).total_seconds(), 0.0, MAX_DELAY)


def parse_max_age(cache_control: str) -> float | None:
    """`max-age` (or `s-maxage`, which wins) from Cache-Control, clamped to [0, 24 h]."""
    found: dict[str, float] = {}
    for directive in cache_control.split(","):
        name, _, arg = directive.strip().partition("=")
        name = name.strip().lower()
        arg = arg.strip().strip('"')
        if name in ("max-age", "s-maxage") and arg.isdigit():
            found[name] = _clamp(float(arg), 0.0, MAX_DELAY)
    return found.get("s-maxage", found.get("max-age"))


def backoff_delay(
    consecutive_failures: int, interval: float, *, cap: float = 6 * 3600, rng: random.Random
) -> float:
    """interval × 2^(failures-1), at most `cap` (or `interval` if that is longer), × U(0.8, 1).

    Never infinite: a feed that has been down for a week is still tried every `cap`
    seconds. The jitter only shortens, so the cap holds and failing feeds drift apart.
    """
    if consecutive_failures <= 0:
        return interval
    ceiling = max(cap, interval)
    doublings = min(consecutive_failures - 1, _MAX_DOUBLINGS)
    base = min(ceiling, interval * 2.0**doublings)
    return base * rng.uniform(0.8, 1.0)


def next_poll_delay(
    *,
    interval: float,
    ok: bool,
    consecutive_failures: int,
    retry_after: float | None,
    max_age: float | None,
    rng: random.Random,
    jitter: float = 0.1,
    cap: float = 6 * 3600,
) -> float:
    """Seconds from now until this feed's next poll.

    `consecutive_failures` counts the fetch just made when it failed.

    =====================  ======================================  ===============================
    situation              delay                                   why
    =====================  ======================================  ===============================
    success (incl. 304)    interval × U(1-jitter, 1+jitter)        feeds added together drift apart
    failure                backoff_delay(failures, interval, cap)  a broken feed costs less per try
    Retry-After present    ≥ clamp(retry_after, MIN_DELAY, cap)    the server said "not before"
    max-age present        ≥ min(max_age, cap)                     no new data can appear sooner
    always                 ≥ MIN_DELAY                             no hot loop, whatever the input
    =====================  ======================================  ===============================
    """
    if ok:
        delay = interval * rng.uniform(1.0 - jitter, 1.0 + jitter)
    else:
        delay = backoff_delay(max(consecutive_failures, 1), interval, cap=cap, rng=rng)
    if retry_after is not None and math.isfinite(retry_after):
        delay = max(delay, _clamp(retry_after, MIN_DELAY, cap))
    if max_age is not None and math.isfinite(max_age):
        delay = max(delay, min(max_age, cap))
    return max(delay, MIN_DELAY)


class Schedule:
    """Which feeds are due, on the MONOTONIC clock: a wall-clock jump causes no burst of polls.

    Each feed has one absolute due time, not a count of missed ticks, so however long the
    process was stalled a feed comes due once. `due()` is a pure query: the monitor calls
    `set_next()` once it has polled a feed, and a cancelled poll simply leaves it due.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._due_at: dict[str, float] = {}
        # Insertion order breaks ties, so feeds that come due together go in config order.
        self._order: dict[str, int] = {}
        self._added = 0

    def __contains__(self, feed: object) -> bool:
        return feed in self._due_at

    def __len__(self) -> int:
        return len(self._due_at)

    def add(self, feed: str, *, first_delay: float = 0.0) -> None:
        """Start tracking `feed`, due after `first_delay`. Re-adding a known feed changes nothing,
        so reloading the config does not reset every feed's timetable."""
        if feed in self._due_at:
            return
        self._due_at[feed] = self._clock() + max(first_delay, 0.0)
        self._order[feed] = self._added
        self._added += 1

    def remove(self, feed: str) -> None:
        self._due_at.pop(feed, None)
        self._order.pop(feed, None)

    def due(self) -> list[str]:
        """Feeds whose time has come, the longest-waiting first."""
        now = self._clock()
        ready = [f for f, at in self._due_at.items() if at <= now]
        return sorted(ready, key=lambda f: (self._due_at[f], self._order[f]))

    def set_next(self, feed: str, delay: float) -> None:
        """Next poll of `feed` in `delay` seconds. Ignored for a feed removed meanwhile
        (its fetch may finish after the user deleted it)."""
        if feed in self._due_at:
            self._due_at[feed] = self._clock() + max(delay, 0.0)

    def next_in(self, feed: str | None = None) -> float:
        """Seconds until `feed` (or the soonest feed) is due; 0 if overdue, inf if none.
        Raises KeyError for an unknown feed."""
        if feed is not None:
            at = self._due_at[feed]
        elif self._due_at:
            at = min(self._due_at.values())
        else:
            return math.inf
        return max(at - self._clock(), 0.0)

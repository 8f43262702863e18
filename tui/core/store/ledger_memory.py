"""The shapes `LedgerIndex` holds the ledger's rows in: claims in time order, and each ledger's
latest word per speaker, in time order and grouped by the value it asserts.

Each ordering mirrors the SQLite index the SQL reads walk (see `figure_ledger`), so a search
here breaks ties as the database does.
"""

from __future__ import annotations

import bisect
import math
import sys
from dataclasses import dataclass, field
from typing import TypeVar

from tui.core.ledger import Observation

_LAST = sys.maxsize
K = TypeVar("K")


@dataclass(slots=True)
class Word:
    """A stored claim, as the ledger's reads filter it."""

    id: int
    report_id: int
    as_of: str
    at: str  # observed_at as stored: ISO text, compared as SQLite compares it
    speaker: str  # the raw speaker column
    name: str  # coalesce(figure, key)
    said: bool  # thing IS NOT NULL and its report is no copy: a word `said_before` reads
    copy: bool
    observation: Observation | None = None  # built when first needed


class Words:
    """Words in (observed_at, id) order."""

    def __init__(self) -> None:
        self.keys: list[tuple[str, int]] = []
        self.words: list[Word] = []

    def add(self, word: Word, key: tuple[str, int] | None = None) -> None:
        key = key or (word.at, word.id)
        at = bisect.bisect_left(self.keys, key)
        if at < len(self.keys) and self.keys[at] == key:
            return  # already held (loaded after it was queued)
        self.keys.insert(at, key)
        self.words.insert(at, word)

    def remove(self, key: tuple[str, int]) -> None:
        at = bisect.bisect_left(self.keys, key)
        if at < len(self.keys) and self.keys[at] == key:
            del self.keys[at], self.words[at]

    def last_until(self, moment: str, report_id: int) -> Word | None:
        """ORDER BY observed_at DESC, id DESC LIMIT 1 of the words at or before `moment`
        of another report."""
        for i in range(bisect.bisect_right(self.keys, (moment, _LAST)) - 1, -1, -1):
            if self.words[i].report_id != report_id:
                return self.words[i]
        return None

    def first_after(self, moment: str, report_id: int) -> tuple[Word, int] | None:
        """ORDER BY observed_at, id LIMIT 1 of the words after `moment` of another report."""
        for i in range(bisect.bisect_right(self.keys, (moment, _LAST)), len(self.keys)):
            if self.words[i].report_id != report_id:
                return self.words[i], i
        return None


@dataclass(slots=True)
class Latest:
    claim_id: int
    at: str
    low: float
    high: float


class LatestKeys:
    """(observed_at, speaker_key) keys in order, with their times alone to bisect."""

    __slots__ = ("keys", "times")

    def __init__(self) -> None:
        self.keys: list[tuple[str, str]] = []
        self.times: list[str] = []

    def add(self, key: tuple[str, str]) -> None:
        at = bisect.bisect_left(self.keys, key)
        self.keys.insert(at, key)
        self.times.insert(at, key[0])

    def remove(self, key: tuple[str, str]) -> None:
        at = bisect.bisect_left(self.keys, key)
        del self.keys[at], self.times[at]


@dataclass(slots=True)
class LedgerWords:
    """One ledger's `figure_latest` rows: each speaker's latest word."""

    rows: dict[str, Latest] = field(default_factory=dict)
    ordered: LatestKeys = field(default_factory=LatestKeys)
    # The same keys grouped by asserted interval: a ledger's speakers state few values, so the
    # latest disagreeing word is found per value, not by walking every speaker in the window.
    by_interval: dict[tuple[float, float], LatestKeys] = field(default_factory=dict)
    by_low: list[tuple[float, float]] = field(default_factory=list)  # the intervals, sorted
    by_high: list[tuple[float, float]] = field(default_factory=list)  # as (high, low), sorted

    def put(self, speaker: str, row: Latest) -> None:
        old = self.rows.get(speaker)
        if old is not None:
            key = (old.at, speaker)
            self.ordered.remove(key)
            self.by_interval[(old.low, old.high)].remove(key)
        self.rows[speaker] = row
        self.ordered.add((row.at, speaker))
        group = self.by_interval.get((row.low, row.high))
        if group is None:
            group = self.by_interval[(row.low, row.high)] = LatestKeys()
            bisect.insort(self.by_low, (row.low, row.high))
            bisect.insort(self.by_high, (row.high, row.low))
        group.add((row.at, speaker))

    def disjoint(self, low: float, high: float) -> list[LatestKeys]:
        """The groups whose interval cannot hold with [low, high]: `low > :high OR high < :low`."""
        above = self.by_low[bisect.bisect_right(self.by_low, (high, math.inf)) :]
        below = self.by_high[: bisect.bisect_left(self.by_high, (low, -math.inf))]
        groups = self.by_interval
        return [groups[key] for key in above] + [groups[(lo, hi)] for hi, lo in below]

    def latest(self) -> int | None:
        """ORDER BY observed_at DESC LIMIT 1: the last key of `figure_latest_time`."""
        keys = self.ordered.keys
        return self.rows[keys[-1][1]].claim_id if keys else None


@dataclass(slots=True)
class NameWords:
    """The words of one figure (or unnamed key) and its first sightings, by tense."""

    said: dict[tuple[str, str | None], Words] = field(default_factory=dict)  # (as_of, speaker)
    firsts: dict[str, Words] = field(default_factory=dict)  # as_of -> its "new" changes
    change_of: dict[int, int] = field(default_factory=dict)  # claim id -> its "new" change

    def add_word(self, word: Word) -> None:
        if word.said:
            key = (word.at, word.id)  # one tuple for both orders: the index is mostly keys
            for speaker in (None, word.speaker):
                _words_at(self.said, (word.as_of, speaker)).add(word, key)

    def add_first(self, word: Word, change_id: int) -> None:
        if not word.copy:
            _words_at(self.firsts, word.as_of).add(word)
            self.change_of[word.id] = change_id


def _words_at(groups: dict[K, Words], key: K) -> Words:
    """`groups[key]`, made empty if missing (not `setdefault`: it would build a `Words`
    at every call, and most calls find one)."""
    words = groups.get(key)
    if words is None:
        words = groups[key] = Words()
    return words


def rival(
    ledger: LedgerWords, speaker: str, start: str, end: str, low: float, high: float
) -> int | None:
    """The latest other speaker's word in [start, end] that cannot hold with [low, high]:
    SQLite walks `figure_latest_time` (identity, observed_at, speaker_key) backwards, so
    among equal times the greatest speaker key comes first."""
    best: tuple[str, str] | None = None
    for group in ledger.disjoint(low, high):
        keys, times = group.keys, group.times
        if not keys or (best is not None and keys[-1] <= best):
            continue  # no word of this value can be later than the best one found
        for i in range(bisect.bisect_right(times, end) - 1, -1, -1):
            if times[i] < start:
                break
            if keys[i][1] != speaker:
                best = keys[i] if best is None else max(best, keys[i])
                break
    return None if best is None else ledger.rows[best[1]].claim_id

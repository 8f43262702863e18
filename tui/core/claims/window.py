"""The window a number's context is read from, and the mentions found in it.

A *window* is the sentence around a number (clipped to a bounded width so that a 10 MB
one-line text costs the same per number as a short sentence), with positions relative to
that window. Its clauses (split at ";", "while", "but", ", and", a spaced dash) are looked
at first, then the whole sentence. Places, predicates and things are scanned once per
window and shared by every number in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from tui.core.claims.actors import Lexicon, Mention, find_mentions, lexicon
from tui.core.claims.lexicon import (
    PREDICATES,
    ThingWords,
    lower_same_length,
    norm,
    place_lookup,
    place_re,
    predicate_re,
    thing_words,
)
from tui.core.claims.sources import SourceMention, find_sources

_CLAUSE_BREAK = re.compile(r";|\s(?:while|whereas|but)\s|,\s+and\s|\s[-–—]\s")


# Places and predicates; things come from the window's own ThingWords.
_MENTION_SOURCES: dict[str, Callable[[], tuple[re.Pattern[str], Mapping[str, str]]]] = {
    "place": lambda: (place_re(), place_lookup()),
    "predicate": lambda: (predicate_re(), PREDICATES),
}


def _nearest(
    mentions: list[tuple[int, int, str]], start: int, end: int, lo: int, hi: int
) -> str | None:
    best: tuple[int, str] | None = None
    for m_start, m_end, name in mentions:
        if m_start < lo or m_end > hi:
            continue
        d = start - m_end if m_end <= start else m_start - end
        if best is None or abs(d) < best[0]:
            best = (abs(d), name)
    return best[1] if best else None


@dataclass(slots=True)
class Window:
    """A sentence (or a bounded slice of one) and where it sits in the full text."""

    text: str
    base: int
    lower: str = ""  # lower_same_length(text): what the word tables are matched against
    things: ThingWords = field(default_factory=thing_words)
    actor_words: Lexicon = field(default_factory=lexicon)
    breaks: list[int] = field(init=False)
    _mentions: dict[str, list[tuple[int, int, str]]] = field(init=False, default_factory=dict)
    _sources: list[SourceMention] | None = field(init=False, default=None)
    _actors: list[Mention] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if len(self.lower) != len(self.text):
            self.lower = lower_same_length(self.text)
        self.breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self.text)]

    def mentions(self, kind: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical) of every place/predicate/thing in the window, found once:
        context questions for several numbers in one sentence reuse the same scan."""
        cached = self._mentions.get(kind)
        if cached is None:
            if kind == "thing":
                pattern, table = self.things.pattern, self.things.table
            else:
                pattern, table = _MENTION_SOURCES[kind]()
            cached = [
                (m.start(), m.end(), table[norm(m.group())])
                for m in pattern.finditer(self.lower)
                if norm(m.group()) in table
            ]
            self._mentions[kind] = cached
        return cached

    def sources(self) -> list[SourceMention]:
        """Attributions in the window, found on first use (many windows never need them)."""
        if self._sources is None:
            self._sources = find_sources(self.text, self.lower)
        return self._sources

    def actors(self) -> list[Mention]:
        """Actor mentions in the window, found on first use (see ``actors.py``)."""
        if self._actors is None:
            self._actors = find_mentions(self.text, self.lower, self.actor_words)
        return self._actors

    def clause(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.breaks, pos)
        start = self.breaks[i - 1] if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return start, end


def last_thing_before(window: Window, pos: int) -> tuple[int, int, str] | None:
    """The last thing mentioned before `pos` in the window: (start, end, canonical)."""
    found = [m for m in window.mentions("thing") if m[1] <= pos]
    return found[-1] if found else None


def nearest_thing(window: Window, start: int, end: int, lo: int, hi: int) -> str | None:
    return _nearest(window.mentions("thing"), start, end, lo, hi)


def place_near(window: Window, start: int, end: int, lo: int, hi: int) -> str | None:
    return _nearest(window.mentions("place"), start, end, lo, hi)


def predicate_near(window: Window, start: int, end: int, lo: int, hi: int) -> str | None:
    return _nearest(window.mentions("predicate"), start, end, lo, hi)

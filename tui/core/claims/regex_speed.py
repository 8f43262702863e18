"""Compiling the rules' word patterns so that the regex engine skips positions quickly.

Python's engine skips ahead fast only when a pattern opens on a literal or a character
class. A rule that opens on ``\\b`` and a list of words ("\\b(?:killed|injured|...)") is
instead tried in full at every word boundary of the span it searches: each of its words
is compared there, even at a boundary before a space or a digit. ``compile_guarded``
adds a look-ahead at the letters those words can start with right after the ``\\b``
("\\b(?=[ik])(?:killed|injured)"), so that most boundaries fail at one character test.
The matches are the same: every match starts with one of those letters anyway.
"""

from __future__ import annotations

import importlib
import re
import sys
import zlib
from pathlib import Path
from typing import Any

from tui.core.claims import rx

_MAX_FIRST = 40  # a longer set of first characters filters too little to pay


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the first-letter look-ahead when `pattern`
    opens on ``\\b`` and the characters its match can start with are known (otherwise
    the pattern as written)."""
    if _TAG is None:
        return rx.compile(_guarded(pattern, flags), flags)
    # Finding the first letters parses the whole pattern (~4 ms for the five rules that
    # use it): the result is kept with the compiled patterns, under this file's digest.
    return rx.compile(rx.derived(_TAG, pattern, flags, _guarded), flags)


def _guarded(pattern: str, flags: int) -> str:
    if pattern.startswith(r"\b") and not flags & re.IGNORECASE:
        first = _first_chars(pattern, flags)
        if first and len(first) <= _MAX_FIRST:
            chars = "".join(_class_char(ch) for ch in sorted(first))
            return rf"\b(?=[{chars}]){pattern[2:]}"
    return pattern


def _source_tag() -> str | None:
    """A name for this module's rewriting that changes with its source."""
    try:
        return f"guarded {zlib.crc32(Path(__file__).read_bytes()):08x}"
    except OSError:  # no source beside the bytecode: nothing kept
        return None


_TAG = _source_tag()


def _class_char(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


def _first_chars(pattern: str, flags: int) -> set[str] | None:
    """The characters a match of `pattern` can start with, or None when unknown. Reads
    the standard library's parse of the pattern (a private module): any surprise there
    only means no look-ahead, never other matches."""
    try:
        c = importlib.import_module("re._constants")
        parsed = importlib.import_module("re._parser").parse(pattern, flags)
        return _first_of(list(parsed), c)
    except Exception:  # the parse's internals are not a public API: any surprise, no guard
        return None


def _first_of(items: list[tuple[Any, Any]], c: Any) -> set[str] | None:
    for op, av in items:
        if op is c.AT:  # \b, ^: zero-width, look further
            continue
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            return _class_members(av, c)
        if op is c.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                first = _first_of(list(alternative), c)
                if first is None:
                    return None
                found |= first
            return found
        if op is c.SUBPATTERN:
            return _first_of(list(av[3]), c)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return _first_of(list(av[2]), c)
        return None  # anything else (a look-around, an optional part): unknown
    return None  # the pattern may match the empty string


def _class_members(av: list[tuple[Any, Any]], c: Any) -> set[str] | None:
    found: set[str] = set()
    for op, arg in av:
        if op is c.LITERAL:
            found.add(chr(arg))
        elif op is c.RANGE and arg[1] - arg[0] <= _MAX_FIRST:
            found.update(chr(code) for code in range(arg[0], arg[1] + 1))
        else:  # a negated class, \w, a big range: too wide to filter
            return None
    return found


class Gated:
    """A pattern with the words every match of it holds: a text holding none of them is
    answered without running the engine. For a rule searched over a whole sentence whose
    words most sentences lack ("swap", "kidnap"), a few substring tests cost a tenth of
    the search, which tries the pattern at every word boundary.

    Only `search` is offered: the gate is a test on the whole `text`, which holds any
    part of it that `pos` and `endpos` select, so it never hides a match."""

    __slots__ = ("needles", "pattern")

    def __init__(self, pattern: re.Pattern[str], needles: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.needles = needles

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        for needle in self.needles:
            if needle in text:
                return self.pattern.search(text, pos, endpos)
        return None


def gated(pattern: str, needles: str, flags: int = 0) -> Gated:
    """``re.compile(pattern, flags)`` behind a gate of `needles` (space-separated words:
    every match of `pattern` must hold one of them)."""
    return Gated(rx.compile(pattern, flags), tuple(needles.split()))


def search_last_words(pattern: re.Pattern[str], text: str, words: int) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern whose every match runs to the end of `text`
    (``...\\s*$``) and spans at most `words` whitespace-separated words: no match can
    start before the last `words` words, so the positions before them are not tried.
    For a rule read over a whole clause before a number ("the death toll rose to"), most
    of the clause is skipped."""
    before = text.rsplit(None, words)
    return pattern.search(text, len(before[0]) if len(before) > words else 0)

"""Matching the word tables (``words.py``): regexes, lookups, normalisation.

The tables are re-exported here. Regexes are compiled on first use so that importing the
package stays cheap; they are lower-case and case-sensitive, matched against a
same-length lower-cased copy of the text (see ``lower_same_length``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from tui.core.claims import rx
from tui.core.claims.actors import actor_aliases
from tui.core.claims.words import (
    ANAPHORA,
    CASUALTY_THINGS,
    CURRENCY_SYMBOLS,
    CURRENCY_THING,
    EVENTS,
    FORCE_THINGS,
    PLACES,
    PREDICATES,
    SCALES,
    THINGS,
    VAGUE,
)

__all__ = [
    "ANAPHORA",
    "CASUALTY_THINGS",
    "CURRENCY_SYMBOLS",
    "CURRENCY_THING",
    "EVENTS",
    "FORCE_THINGS",
    "PLACES",
    "PREDICATES",
    "SCALES",
    "THINGS",
    "VAGUE",
]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation in which the longest alias wins at any position.

    Written as a trie ("t(?:en|hree|wo)" rather than "three|ten|two"): the engine then
    tries one branch per character instead of every word at every word boundary, which
    makes the word-table scans 1.5-2.5x faster. At each node the longer continuations
    come before the word ending there, so the match is the one the longest-first list
    gave. A space in a word matches any run of whitespace.
    """
    root: _Trie = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(r"\s+" if ch == " " else re.escape(ch), {})
        node[""] = {}
    return _trie_pattern(root)


_Trie = dict[str, "_Trie"]


def _trie_pattern(node: _Trie) -> str:
    branches = [key + _trie_pattern(node[key]) for key in sorted(node) if key]
    ends_here = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return f"(?:{'|'.join(branches)})" + ("?" if ends_here else "")


def lower_same_length(text: str) -> str:
    """`text` in lower case with every character where it was.

    The word tables are matched against this copy with case-sensitive patterns: about five
    times faster than ``re.IGNORECASE`` over the original, and offsets carry over. A few
    characters lower-case to two ('İ' -> 'i̇'); those are left as they are.
    """
    lowered = text.lower()
    if len(lowered) == len(text):  # lower() never shortens a character, so all kept length
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


# The patterns below are lower-case and case-sensitive: match them against
# ``lower_same_length(text)`` (``Window.lower``), never against the original text.
def _lower_words_re(
    words: Iterable[str], compiler: Callable[[str], re.Pattern[str]] = rx.compile
) -> re.Pattern[str]:
    return compiler(rf"\b(?:{alternation(w.lower() for w in words)})\b")


@cache
def thing_re() -> re.Pattern[str]:
    return _lower_words_re(THINGS)


@dataclass(frozen=True, slots=True)
class ThingWords:
    """What counts as a counted thing: the built-in table plus a report's own synonyms."""

    pattern: re.Pattern[str]
    table: Mapping[str, str]  # normalised surface -> canonical thing


@cache
def thing_words(extra: frozenset[tuple[str, str]] = frozenset()) -> ThingWords:
    """THINGS, plus `extra` (normalised word, canonical thing) pairs (cached per set)."""
    if not extra:
        return ThingWords(thing_re(), THINGS)
    table = {**THINGS, **dict(extra)}
    # A report's own words: re.compile, not rx (whose file keeps the code's patterns).
    return ThingWords(_lower_words_re(table, re.compile), table)


def new_thing_synonyms(synonyms: Mapping[str, str]) -> frozenset[tuple[str, str]]:
    """The synonyms that name a counted thing the lexicon does not know ("GIs" -> troops).

    Words any table knows keep their meaning ("withdraw" stays a movement, "US" an actor),
    and synonyms of an event (a date figure's thing) are not counted things.
    """
    if not synonyms:
        return frozenset()
    known, events = _known_words()
    return frozenset(
        (word, canonical)
        for word, canonical in ((norm(w), c) for w, c in synonyms.items())
        if len(word) > 1
        and word not in known
        and not any(ch.isdigit() for ch in word)
        and canonical not in events
    )


@cache
def _known_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words any table knows, and the events' canonical names: built once, not for
    every report (the union of the tables cost ~50 us a report)."""
    known = THINGS.keys() | EVENTS.keys() | PREDICATES.keys() | actor_aliases()
    return frozenset(known), frozenset(EVENTS.values())


@cache
def predicate_re() -> re.Pattern[str]:
    return _lower_words_re(PREDICATES)


@cache
def event_re() -> re.Pattern[str]:
    return _lower_words_re(EVENTS)


# Words of change around a number. After it: "a 64% decrease", "30% lower than", "a 10%
# increase on last year". Before it, a verb whose number is the change: "payrolls rose by
# 150,000", "fell 0.3% to 4.5%".
CHANGE_AFTER = rx.compile(
    r"\s*(?:monthly\s+|annual\s+|yearly\s+)?(?:increase|decrease|rise|drop|fall|decline|"
    r"jump|gain|reduction|cut|surge|plunge|lower|higher|down|up|more|fewer|less|below|above)\b"
)
CHANGED_BY = rx.compile(
    r"\b(?:rose|risen|fell|fallen|grew|grown|increased|decreased|dropped|declined|climbed|"
    r"jumped|slid|surged|plunged|gained|shrank|expanded|contracted|up|down)\s+(?:by\s+)?"
    r"(?:about\s+|around\s+|nearly\s+|some\s+|almost\s+|just\s+|roughly\s+)?$"
)


# "leaving it short of a majority", "left thousands without power": a result, not a
# departure (no movement, no withdrawal).
_LEFT_AS_RESULT = rx.compile(
    r"\s+(?:it|them|him|her|us|many|most|thousands|millions|hundreds|(?:the|its|their)\s+[a-z]+|"
    r"(?:(?:about|some|nearly|over|more\s+than|at\s+least)\s+)?\d[\d,.]*(?:\s+[a-z]+){1,2}|"
    r"[a-z]+)\s+(?:short|without|with|stranded|homeless|dead|exposed|vulnerable|unable|"
    r"trapped|in\s+(?:the\s+)?(?:dark|limbo|ruins|rubble))\b"
)
_LEAVE_WORDS = frozenset({"leave", "leaves", "leaving", "left"})


# "pull it off", "pulled back from the deal": an idiom, not troops pulled out.
_PULL_IDIOM = rx.compile(r"\s+(?:it|them|off|up|back|together|through|ahead|strings)\b")


def not_a_move(lower: str, word: str, end: int) -> bool:
    """Whether `word` ending at `end` of `lower` is no movement after all: a form of
    "leave" that names a result, or "pull" in an idiom."""
    if word in ("pull", "pulled"):
        return _PULL_IDIOM.match(lower, end) is not None
    return word in _LEAVE_WORDS and _LEFT_AS_RESULT.match(lower, end) is not None


def norm(phrase: str) -> str:
    """Lower case with single spaces: the form every table is keyed by."""
    return " ".join(phrase.lower().split())

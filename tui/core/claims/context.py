"""Whose a figure is (the actor adjective of its thing) and label numbers ("Boeing 737").
What a number counts is read in ``things.py``.

Every function reads one ``Window`` (see ``window.py``), with positions relative to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from tui.core.claims import rx
from tui.core.claims.window import Window

# Words that end a noun phrase: an actor adjective before one of them modifies nothing.
_NP_STOP = frozenset(
    [
        "of",
        "in",
        "at",
        "to",
        "for",
        "from",
        "on",
        "by",
        "with",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "will",
        "would",
        "could",
        "should",
        "have",
        "has",
        "had",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "whom",
        "said",
        "says",
        "say",
        "percent",
        "per",
        "years",
        "year",
        "months",
        "month",
        "days",
        "day",
        "weeks",
        "week",
        "hours",
        "times",
        "miles",
        "kilometres",
        "kilometers",
        "km",
        "than",
        "as",
        "if",
        "when",
        "while",
        "than",
        "a",
        "an",
        "because",
        "since",
        "after",
        "before",
        "until",
        "during",
        "into",
        "over",
        "under",
        "about",
        "around",
    ]
)
# Between an actor adjective and the noun it modifies: a possessive and at most two more
# modifier words ("US special forces", "Iraq's security forces", "American combat troops").
_MODIFIER_GAP = rx.compile(r"(?:'s)?(?:\s+[A-Za-z][\w-]*){0,2}\s+")


def actor_modifying(window: Window, thing_start: int, lo: int | None = None) -> str | None:
    """The actor adjective directly modifying a thing mention ("American troops").

    With `lo`, everything in [lo, thing_start) is already known to be the noun phrase's
    modifiers (the words between a number and its thing), so any actor there counts.
    """
    if lo is not None:
        return actor_in(window, lo, thing_start, ())
    last = None
    for m in window.actors():
        if m.end > thing_start:
            break
        if m.start >= thing_start - 40 and m.kind not in ("capital", "leader"):
            last = m
    if last is None:
        return None
    gap = _MODIFIER_GAP.fullmatch(window.text, last.end, thing_start)
    if gap is None or any(w.lower() in _NP_STOP for w in gap.group().split()):
        return None
    return last.actor


def actor_in(
    window: Window, lo: int, hi: int, avoid: Sequence[tuple[int, int]], near: int | None = None
) -> str | None:
    """The actor mentioned in [lo, hi) outside every `avoid` span (source phrases: in
    "Iraqi sources put the number at", "Iraqi" says who speaks, not whose troops).
    The first one, or with `near` the one closest to that position."""
    best: tuple[int, str] | None = None
    for m in window.actors():
        if m.start < lo or m.start >= hi or m.kind in ("capital", "leader"):
            continue
        if any(a_start <= m.start < a_end for a_start, a_end in avoid):
            continue
        if near is None:
            return m.actor
        distance = abs(m.start - near)
        if best is None or distance < best[0]:
            best = (distance, m.actor)
    return best[1] if best else None


@cache
def _ignored_capitals() -> frozenset[str]:
    return _NP_STOP | frozenset(
        [
            "some",
            "roughly",
            "approximately",
            "nearly",
            "almost",
            "more",
            "fewer",
            "less",
            "only",
            "just",
            "another",
            "the",
            "these",
            "those",
            "up",
            "least",
            "estimated",
            "killing",
            "sending",
            "deploying",
            "withdrawing",
            "exactly",
            "barely",
            "still",
            "perhaps",
            "maybe",
            "another",
            "just",
        ]
    )


def is_label_number(window: Window, start: int) -> bool:
    """ "Boeing 737", "Resolution 2231", "Route 66": a capitalised word glued before a number
    (not the first word of the sentence, not a modifier) names a thing rather than counting."""
    head = window.text[:start]
    stripped = head.rstrip()
    if len(stripped) == len(head) and head:
        return False
    words = stripped.split()
    if not words:
        return False
    if words[-1][-1:] in ",.;:!?)":
        return False  # "the Pentagon, 900 troops": a clause ends before the number
    word = words[-1].strip("\"'(")
    if not word[:1].isupper() or len(words) == 1 or word.lower() in _WEEKDAYS:
        return False  # "On Tuesday 18 people were hurt": a day, then the count
    return word.lower() not in _ignored_capitals() and word not in window.actor_words.words


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

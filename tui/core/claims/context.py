"""What a number counts and whose it is: its thing (the noun phrase after it, or linked
before it), a casualty word, the actor adjective, and label numbers ("Boeing 737").

Every function reads one ``Window`` (see ``window.py``), with positions relative to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tui.core.claims.lexicon import MONEY_THINGS, norm
from tui.core.claims.window import Window

_TOKEN = re.compile(r"\s*(U\.S\.|[A-Za-z][\w'’-]*|[0-9][0-9.,]*|\S)")
# Words that end a noun phrase: after them the next noun is not what the number counts.
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
_NP_DETERMINERS = frozenset(
    ["the", "its", "their", "his", "her", "our", "those", "these", "them", "all"]
)
_LINK_BEFORE = re.compile(
    r"\b(?:at|to|of|is|was|were|are|be|numbering|numbered|totaling|totalling|totals|total|"
    r"reached|reach|reaching|from|stood|stands|stand|by|than|around|about|some|hit|put|"
    r"estimated|approximately|roughly|nearly|almost|over|under)\s*$"
)
_CASUALTY_AFTER = re.compile(
    r"\s+(?:(?:people|others|more)\s+)?(?:(?:were|was|are|have\s+been|had\s+been)\s+)?"
    r"(killed|dead|died|wounded|injured|hurt)\b"
)
_CASUALTY_BEFORE = re.compile(r"\b(killing|killed|wounding|wounded|injuring|injured)\s+$")


def thing_after(
    window: Window, end: int, *, allow_of: bool, money: bool
) -> tuple[str, int, int] | None:
    """The thing a number counts when it follows it: "2,500 American soldiers".

    Returns (canonical thing, thing start, thing end). Up to four modifier words may
    sit between (actors, "more", "additional", "active-duty"); a preposition or verb ends
    the search. Money may say what it is for: "$500m in military aid".
    """
    pos = end
    modifiers = 0
    after_of = False
    for step in range(7):
        skip = pos
        while skip < len(window.text) and window.text[skip].isspace():
            skip += 1
        m = window.things.pattern.match(window.lower, skip)
        if m and (not money or window.things.table[norm(m.group())] in MONEY_THINGS):
            return window.things.table[norm(m.group())], m.start(), m.end()
        tok = _TOKEN.match(window.text, pos)
        if tok is None:
            return None
        word = tok.group(1).lower()
        if word == "of" and (allow_of or money) and step == 0:
            after_of = True
        elif (
            (money and step == 0 and word in ("in", "for", "worth"))
            or (word in _NP_DETERMINERS and (after_of or money))
            or (word[0].isdigit() and after_of)
        ):
            pass
        elif not word[0].isalpha() or word in _NP_STOP or modifiers >= 4:
            return None
        else:
            modifiers += 1
        pos = tok.end()
    return None


def thing_before(window: Window, start: int, clause_start: int) -> tuple[str, int, int] | None:
    """The thing named earlier in the clause when the number is linked to it:
    "the number of US troops in Iraq stands at 2,500", "troop levels fell to 2,000".
    Returns (canonical thing, mention start, mention end)."""
    head = window.lower[clause_start:start]
    if not _LINK_BEFORE.search(head):
        return None
    last = None
    for m in window.things.pattern.finditer(window.lower, clause_start, start):
        last = m
    if last is None:
        return None
    return window.things.table[norm(last.group())], last.start(), last.end()


def casualty_thing(window: Window, start: int, end: int) -> str | None:
    """ "12 were killed", "killing 12": the casualty word is the thing."""
    m = _CASUALTY_AFTER.match(window.lower, end)
    word = m.group(1).lower() if m else None
    if word is None:
        b = _CASUALTY_BEFORE.search(window.lower, max(0, start - 20), start)
        word = b.group(1) if b else None
    if word is None:
        return None
    return "deaths" if word in ("killed", "dead", "died", "killing") else "injuries"


# Between an actor adjective and the noun it modifies: a possessive and at most two more
# modifier words ("US special forces", "Iraq's security forces", "American combat troops").
_MODIFIER_GAP = re.compile(r"(?:'s)?(?:\s+[A-Za-z][\w-]*){0,2}\s+")


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
    if not word[:1].isupper() or len(words) == 1:
        return False
    return word.lower() not in _ignored_capitals() and word not in window.actor_words.words

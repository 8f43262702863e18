"""What a number is about: its thing, place, actor, source, predicate and bound.

Every function reads one *window*: the sentence around the number (clipped to a bounded
width so that a 10 MB one-line text costs the same per number as a short sentence), with
positions relative to that window. The clause (split at ";", "while", "but", ", and")
is looked at first, then the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from tui.core.claims.lexicon import (
    ACTORS,
    MONEY_THINGS,
    PREDICATES,
    ThingWords,
    actor_re,
    lower_same_length,
    norm,
    place_lookup,
    place_re,
    predicate_re,
    thing_words,
)
from tui.core.claims.sources import SourceMention, find_sources
from tui.core.models import Bound

_CLAUSE_BREAK = re.compile(r";|\s(?:while|whereas|but)\s|,\s+and\s|\s[-–—]\s")
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
_BOUNDS: list[tuple[Bound, re.Pattern[str]]] = [
    (
        "upper",
        re.compile(
            r"(?:\bup\s+to|\bunder|\bfewer\s+than|\bless\s+than|\bnearly|\balmost|\bbelow|"
            r"\bno\s+more\s+than|\bas\s+many\s+as|\bat\s+most|<)\s*$"
        ),
    ),
    (
        "lower",
        re.compile(
            r"(?:\bover|\bmore\s+than|\bat\s+least|\bupwards\s+of|\bin\s+excess\s+of|\babove|"
            r"\bno\s+fewer\s+than|\bno\s+less\s+than|\bnorth\s+of|>)\s*$"
        ),
    ),
    (
        "approx",
        re.compile(
            r"(?:\babout|\baround|\broughly|\bsome|\ban\s+estimated|\bapproximately|\bapprox\.?|"
            r"\bcirca|\bclose\s+to|\bestimated|~)\s*$"
        ),
    ),
]
_POSTFIX_BOUND = re.compile(r"(\+|-plus|\s+or\s+more|\s+or\s+so)")
_HISTORIC_CUE = re.compile(
    r"\b(?:at\s+the\s+height|at\s+(?:its|the|their)\s+peak|peak(?:ed)?\s+(?:at|of)|had\s+been|"
    r"was\s+once|once\s+numbered|previously|formerly|at\s+one\s+point|last\s+year|years\s+ago|"
    r"a\s+decade\s+ago|at\s+the\s+time|back\s+then)\b"
)
_PAST_YEAR = re.compile(r"\b(?:in|during|by|of|until|through|throughout)\s+((?:19|20)[0-9]{2})\b")


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
    breaks: list[int] = field(init=False)
    _mentions: dict[str, list[tuple[int, int, str]]] = field(init=False, default_factory=dict)
    _sources: list[SourceMention] | None = field(init=False, default=None)

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

    def clause(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.breaks, pos)
        start = self.breaks[i - 1] if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return start, end


def bound_before(window: Window, start: int) -> tuple[Bound, int] | None:
    """The bound a modifier right before the number sets, and where the modifier starts."""
    head = window.lower[max(0, start - 30) : start]
    for bound, pattern in _BOUNDS:
        m = pattern.search(head)
        if m:
            return bound, start - (len(head) - m.start())
    return None


def bound_after(window: Window, end: int) -> tuple[Bound, int] | None:
    m = _POSTFIX_BOUND.match(window.lower, end)
    if not m:
        return None
    return ("approx" if m.group(1).endswith("so") else "lower"), m.end()


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


def last_thing_before(window: Window, pos: int) -> tuple[int, int, str] | None:
    """The last thing mentioned before `pos` in the window: (start, end, canonical)."""
    found = [m for m in window.mentions("thing") if m[1] <= pos]
    return found[-1] if found else None


def nearest_thing(window: Window, start: int, end: int, lo: int, hi: int) -> str | None:
    return _nearest(window.mentions("thing"), start, end, lo, hi)


def place_near(window: Window, start: int, end: int, lo: int, hi: int) -> str | None:
    return _nearest(window.mentions("place"), start, end, lo, hi)


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
    for m in actor_re().finditer(window.text, max(0, thing_start - 40), thing_start):
        last = m
    if last is None:
        return None
    gap = _MODIFIER_GAP.fullmatch(window.text, last.end(), thing_start)
    if gap is None or any(w.lower() in _NP_STOP for w in gap.group().split()):
        return None
    return ACTORS.get(norm(last.group()))


def actor_in(
    window: Window, lo: int, hi: int, avoid: Sequence[tuple[int, int]], near: int | None = None
) -> str | None:
    """The actor mentioned in [lo, hi) outside every `avoid` span (source phrases: in
    "Iraqi sources put the number at", "Iraqi" says who speaks, not whose troops).
    The first one, or with `near` the one closest to that position."""
    best: tuple[int, str] | None = None
    for m in actor_re().finditer(window.text, lo, hi):
        if any(a_start <= m.start() < a_end for a_start, a_end in avoid):
            continue
        actor = ACTORS.get(norm(m.group()))
        if actor is None:
            continue
        if near is None:
            return actor
        distance = abs(m.start() - near)
        if best is None or distance < best[0]:
            best = (distance, actor)
    return best[1] if best else None


def predicate_near(window: Window, start: int, end: int, lo: int, hi: int) -> str | None:
    return _nearest(window.mentions("predicate"), start, end, lo, hi)


def historic_in(window: Window, lo: int, hi: int, year: int) -> bool:
    """A cue in [lo, hi) that the figure belongs to the past ("in 2020", "at its peak")."""
    if _HISTORIC_CUE.search(window.lower, lo, hi):
        return True
    return any(int(m.group(1)) < year for m in _PAST_YEAR.finditer(window.lower, lo, hi))


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
    word = words[-1].strip("\"'(")
    if not word[:1].isupper() or len(words) == 1:
        return False
    return word.lower() not in _ignored_capitals() and norm(word) not in ACTORS

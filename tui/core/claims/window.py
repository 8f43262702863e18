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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from tui.core.claims import rx
from tui.core.claims.actors import Lexicon, Mention, find_mentions, lexicon
from tui.core.claims.foreign import foreign_mentions, reads_english
from tui.core.claims.gazetteer import gazetteer
from tui.core.claims.german import reads_german
from tui.core.claims.lexicon import (
    PREDICATES,
    ThingWords,
    lower_same_length,
    norm,
    not_a_move,
    predicate_re,
    thing_words,
)
from tui.core.claims.place_lists import Neighbour, coordinated, is_total, joined_names, taken
from tui.core.claims.places import PlaceMention, UserPlaces, find_places
from tui.core.claims.regex_speed import gated
from tui.core.claims.sources import SourceMention, find_sources

if TYPE_CHECKING:
    from tui.core.claims.carry import Carried
    from tui.core.models import Bound

# r";|\s(?:while|whereas|but)\s|,\s+and\s|,\s+as\s+the\s|\s[-–—]\s", written to start
# with a character class (the engine then skips to candidate characters; the branch checks
# which it was). ", as the UN warns that ..." opens a clause of its own; "as well as", "as
# many as" and "as of" do not take "the".
_CLAUSE_BREAK = rx.compile(
    r"[;,\s](?:(?<=;)|(?<=\s)(?:while|whereas|but)\s|(?<=,)\s+(?:and|as\s+the)\s|(?<=\s)[-–—]\s)"
)


# Predicates; things come from the window's own ThingWords, places from ``places.py``.
_MENTION_SOURCES: dict[str, Callable[[], tuple[re.Pattern[str], Mapping[str, str]]]] = {
    "predicate": lambda: (predicate_re(), PREDICATES),
}
# A dateline opens a wire story: "KYIV, Ukraine (AP) - ". Its place is where the reporter
# files from, not what a figure is about.
_DATELINE = rx.compile(
    r"\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]{1,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"\s*(?:\([\w .&-]{1,30}\)\s*)?(?:-{1,2}|[–—])\s"
    # "Istanbul, (APP - Agency News - 4th Feb, 2024)": a city and the agency's bracket
    r"|\s*[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+)?,\s*\([^()]{2,80}\)\s*(?:[-–—]\s)?"
)
# A participle opening on where the speaker is: "Speaking in Sanliurfa on Saturday, ...".
_SPEAKING_IN = rx.compile(
    r"\s*(?:speaking|addressing\s+\w+|talking\s+to\s+\w+)\s+(?:in|at|from|during)\s+[^,]{1,80},"
)
_INCLUDING = rx.compile(r"\bincluding\s+(?:the\s+)?\Z")
# Locative words that tie a place to what happens there. "from", "to" and "of" are weaker
# ("up from 5,000", "data from Ukraine"): they count when no other place does.
# What may stand between two names that are one place: "Wajima, Ishikawa", "Russia's Kursk",
# "Ishikawa's Wajima", "the High Atlas in Morocco".
_JOINER = rx.compile(r",\s*|'s\s+|\s+in\s+(?:the\s+)?")
_STRONG_CUES = frozenset(
    [
        "in",
        "at",
        "into",
        "across",
        "near",
        "inside",
        "outside",
        "around",
        "throughout",
        "within",
        "off",
        "of-place",
    ]
)


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
class Scans:
    """What the windows of one text found, by their span [start, end): a sentence read as
    its figures' window is read again as the antecedent of the sentences after it, and
    scanning it once serves both. (Places also depend on whether the user's places
    apply: the windows of one text share one set of them.)"""

    places: dict[tuple[int, int, bool], list[PlaceMention]] = field(default_factory=dict)
    sources: dict[tuple[int, int], list[SourceMention]] = field(default_factory=dict)
    actors: dict[tuple[int, int], list[Mention]] = field(default_factory=dict)
    # Its clause breaks and languages: a sentence read again (as the antecedent of the
    # next) is a new Window of the same span, and would scan them again.
    breaks: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    english: dict[tuple[int, int], bool] = field(default_factory=dict)
    german: dict[tuple[int, int], bool] = field(default_factory=dict)


_Key = TypeVar("_Key")
_Found = TypeVar("_Found")


def _scanned(shared: dict[_Key, _Found] | None, key: _Key, scan: Callable[[], _Found]) -> _Found:
    """`scan()` of a window's span, done once for all the windows of a text that share
    `shared` (one of a `Scans` table), else done here."""
    if shared is None:
        return scan()
    found = shared.get(key)
    if found is None:
        found = shared[key] = scan()
    return found


@dataclass(slots=True)
class Window:
    """A sentence (or a bounded slice of one) and where it sits in the full text."""

    text: str
    base: int
    lower: str = ""  # lower_same_length(text): what the word tables are matched against
    things: ThingWords = field(default_factory=thing_words)
    actor_words: Lexicon = field(default_factory=lexicon)
    user_places: UserPlaces | None = None
    # The actors of the paragraph's earlier sentences, looked up only when a figure here
    # names none (``carry.py``).
    earlier: Callable[[], Carried] | None = None
    scans: Scans | None = None  # shared with the text's other windows
    breaks: list[int] = field(init=False)
    span: tuple[int, int] = field(init=False)  # (base, base + len(text)): its key in `scans`
    _mentions: dict[str, list[tuple[int, int, str]]] = field(init=False, default_factory=dict)
    _sources: list[SourceMention] | None = field(init=False, default=None)
    _places: list[PlaceMention] | None = field(init=False, default=None)
    _actors: list[Mention] | None = field(init=False, default=None)
    # Number start -> the bound its modifier sets (``modifiers.bound_before``).
    bounds: dict[int, tuple[Bound, int] | None] = field(init=False, default_factory=dict)
    _english: bool | None = field(init=False, default=None)
    _german: bool | None = field(init=False, default=None)
    _unsourced: list[Mention] | None = field(init=False, default=None)
    _source_spans: list[tuple[int, int]] | None = field(init=False, default=None)
    _place_pool: tuple[list[PlaceMention], list[PlaceMention]] | None = field(
        init=False, default=None
    )
    # ``subject.blocked_mentions`` of `unsourced_actors()`, set by its first caller.
    blocked_unsourced: set[int] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if len(self.lower) != len(self.text):
            self.lower = lower_same_length(self.text)
        self.span = (self.base, self.base + len(self.text))
        self.breaks = _scanned(
            self.scans.breaks if self.scans is not None else None,
            self.span,
            lambda: [m.start() for m in _CLAUSE_BREAK.finditer(self.text)],
        )

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
                (m.start(), m.end(), table[key])
                for m in pattern.finditer(self.lower)
                if (key := norm(m.group())) in table
                and not (kind == "predicate" and not_a_move(self.lower, key, m.end()))
            ]
            self._mentions[kind] = cached
        return cached

    def places(self) -> list[PlaceMention]:
        """Places named in the window, found on first use."""
        if self._places is None:
            self._places = _scanned(
                self.scans.places if self.scans is not None else None,
                (*self.span, self.user_places is not None),
                lambda: find_places(self.text, self.lower, self.user_places),
            )
        return self._places

    def sources(self) -> list[SourceMention]:
        """Attributions in the window, found on first use (many windows never need them)."""
        if self._sources is None:
            self._sources = _scanned(
                self.scans.sources if self.scans is not None else None,
                self.span,
                lambda: find_sources(self.text, self.lower),
            )
        return self._sources

    def actors(self) -> list[Mention]:
        """Actor mentions in the window, found on first use (see ``actors.py``)."""
        if self._actors is None:
            self._actors = _scanned(
                self.scans.actors if self.scans is not None else None,
                self.span,
                self._find_actors,
            )
        return self._actors

    def _find_actors(self) -> list[Mention]:
        found = find_mentions(self.text, self.lower, self.actor_words)
        if not self.english():  # "soldados norcoreanos", "Nordkorea"
            seen = [(m.start, m.end) for m in found]
            found += [
                m
                for m in foreign_mentions(self.text, self.lower)
                if not any(a < m.end and m.start < b for a, b in seen)
            ]
            found.sort(key=lambda m: m.start)
        return found

    def unsourced_actors(self) -> list[Mention]:
        """The actor mentions outside every source phrase ("Iraqi sources said" speaks, it
        does not own), found once for all the figures of the window."""
        if self._unsourced is None:
            avoid = [(s.start, s.end) for s in self.sources()]
            self._unsourced = [
                m for m in self.actors() if not any(a <= m.start < b for a, b in avoid)
            ]
        return self._unsourced

    def source_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every attribution in the window."""
        if self._source_spans is None:
            self._source_spans = [(s.start, s.end) for s in self.sources()]
        return self._source_spans

    def place_pool(self) -> tuple[list[PlaceMention], list[PlaceMention]]:
        """The places a figure's place may be chosen from, the same for every figure of the
        window: those after a dateline and a "Speaking in X," opening, and of them those
        outside every source phrase."""
        if self._place_pool is None:
            dateline = _DATELINE.match(self.text)
            skip = dateline.end() if dateline else 0
            usable = [m for m in self.places() if m.start >= skip]
            speaking = _SPEAKING_IN.match(self.lower)
            if speaking is not None:
                usable = [m for m in usable if m.start >= speaking.end()]
            sources = self.source_spans()
            outside = [m for m in usable if not any(a <= m.start < b for a, b in sources)]
            self._place_pool = usable, outside
        return self._place_pool

    def english(self) -> bool:
        """``foreign.reads_english`` of the window, asked once."""
        if self._english is None:
            self._english = _scanned(
                self.scans.english if self.scans is not None else None,
                self.span,
                lambda: reads_english(self.lower),
            )
        return self._english

    def german(self) -> bool:
        """``german.reads_german`` of the window, asked once."""
        if self._german is None:
            self._german = _scanned(
                self.scans.german if self.scans is not None else None,
                self.span,
                lambda: reads_german(self.lower),
            )
        return self._german

    def clause(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.breaks, pos)
        start = self.breaks[i - 1] if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return start, end


def last_thing_before(window: Window, pos: int) -> tuple[int, int, str] | None:
    """The last thing mentioned before `pos` in the window: (start, end, canonical)."""
    found = [m for m in window.mentions("thing") if m[1] <= pos]
    return found[-1] if found else None


def place_for(
    window: Window,
    start: int,
    end: int,
    clause: tuple[int, int],
    attributive: tuple[int, int] | None = None,
    thing: str | None = None,
    others: Sequence[Neighbour] = (),
    own_start: int | None = None,
    items: list[str] | None = None,
) -> str | None:
    """The place a figure at [start, end) is about: the nearest locative phrase of its
    clause ("in Gaza", "across eastern Ukraine"), else the nearest place of the clause,
    then the same in the whole window. A dateline's place never counts, nor a name inside
    `attributive` (between the number and its thing: "3,000 US soldiers"), and a source
    phrase's only as the last resort, when it is a place's institution ("the Election
    Commission of India said"), not the speakers' nationality ("US officials said"). Of
    "in Wajima, Ishikawa" the most specific wins; with no place named, a demonym's
    country. With other figures of the same `thing` in the sentence (`others`), a place
    another one has taken is the last choice, and a total takes all of them; places
    written as one list are one place ("Mali and Burkina Faso"): see ``place_lists``."""
    mentions = window.places()
    if _HIS_COUNTRY.search(window.lower, *clause):
        home = _speakers_country(window, mentions)
        if home is not None:
            return home
    sources = window.source_spans()
    if not mentions:
        return _demonym_place(window, start, end, clause, [*sources, attributive or (0, 0)])
    usable, outside = window.place_pool()
    if "between" in window.lower:  # "the war between Israel and Hamas": sides, not places
        usable = [m for m in usable if not _party_to(window, m)]
        outside = [m for m in outside if not _party_to(window, m)]
    if attributive is not None:
        a_lo, a_hi = attributive
        usable = [m for m in usable if not a_lo <= m.start < a_hi]
        outside = [m for m in outside if not a_lo <= m.start < a_hi]
    if not outside:
        # A place's own institution speaking ("the Election Commission of India said",
        # "Gaza's health ministry said") is about that place; the speakers' nationality
        # ("US officials said") is not.
        outside = [m for m in usable if not _SPEAKERS.match(window.lower, m.end)]
    if not outside:
        return _demonym_place(window, start, end, clause, [*sources, attributive or (0, 0)])
    lo, hi = clause
    whole = _both_parts_of(window, outside, lo, hi)
    if whole is not None:
        return whole
    me = Neighbour(start if own_start is None else min(start, own_start), end, thing)
    owners = {m.start: taken(m, me, others, window.lower) for m in outside}
    others_places = {at for at, how in owners.items() if how is not None}
    all_taken = bool(others_places) and len(others_places) == len(outside)
    if all_taken and is_total(window.lower, start, end, lo):
        names = list(dict.fromkeys(m.name for m in outside))
        if len(names) > 1:
            return joined_names(names)
        # "combined with the 2,470 deaths in Syria, the total is 11,224": a total of one
        # named part and the story's place (an earlier sentence's), see `items`.
        if items is not None:
            items.extend(names)
        return None
    if all_taken and all(how == "another" for how in owners.values()):
        # "brought the toll to 5,021, with another 1,602 on the Syrian side": every place
        # here is a later item's own; this figure is the story's (an earlier sentence's
        # place) with those items in it: `items` gets their places.
        if items is not None:
            items.extend(dict.fromkeys(m.name for m in outside))
        return None
    if not any(m.start not in others_places and _tier(m) <= 1 for m in outside):
        # No place of its own: an alternative ("while others put the number at over
        # 3,000") is about the place it shares, not a bare name elsewhere.
        others_places = set()
    # In order: a locative of the clause, a weaker one ("from"), a locative elsewhere in
    # the sentence, a bare name in the clause, then the rest of the sentence.
    best = min(
        outside,
        key=lambda m: (
            m.start in others_places,
            _PREFERENCE[(_tier(m), lo <= m.start and m.end <= hi)],
            _commas(window.text, m, start, end),  # "39 in Wajima, 22 in Suzu": its own item
            _distance(m, start, end),
        ),
    )
    # "stationed there", "deployed in the country": an earlier sentence's place, unless a
    # place of the clause is nearer and more certain.
    lower = window.lower
    maybe = "there" in lower or " the country" in lower
    there = (
        # A "there" of the attribution ("officials there said") or of a clause about who
        # speaks ("groups that operate there said") is where the speakers are, not what
        # the figure counts.
        [
            m.start()
            for m in _THERE.finditer(lower, lo, hi)
            if _points_back(window, m)
            and not any(a <= m.start() < b for a, b in sources)
            and not _WHO_THERE.search(lower, max(0, m.start() - 40), m.start())
        ]
        if maybe
        else []
    )
    if there:
        gap = min(abs(t - start) for t in there)
        in_clause = lo <= best.start and best.end <= hi
        if _tier(best) == 2 or not in_clause or gap < _distance(best, start, end):
            # "consolidate forces in Syria, cutting the troops there to 1,000": the
            # sentence's own place before it; else an earlier sentence's (None here).
            back = min(there, key=lambda t: abs(t - start))
            earlier = [m for m in outside if m.end <= back and m.cue is not None]
            return earlier[-1].name if earlier else None
    group = coordinated(window.text, outside, best)
    if len(group) > 1:
        return joined_names([m.name for m in group])
    if is_total(lower, start, end, lo):
        # "bringing the total toll including Syria to 51,000": the total holds both.
        also = [
            m
            for m in outside
            if m is not best and _INCLUDING.search(lower, max(0, m.start - 14), m.start)
        ]
        if also:
            return joined_names([best.name, *(m.name for m in also)])
    return _most_specific(window, mentions, best).name


# "in both the government- and rebel-held areas in Syria": the parts together are the
# place they are parts of ("of northwestern Syria": of Syria, the direction included).
_BOTH_PARTS = gated(
    r"\bboth\s+(?:the\s+)?[\w-]+-\s+and\s+[\w-]+-(?:held|controlled|run)\s+"
    r"(?:areas?|regions?|parts?|zones?|territor(?:y|ies))\s+(?:in|of)\s+(?:the\s+)?",
    "both",
)
_DIRECTION_WORD = rx.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"(?:north|south)-?(?:east|west)(?:ern)?)\s+)+(?=\S)",
    re.IGNORECASE,
)


# The sides of a war, a deal or talks: "the war between Russia and Ukraine".
_PARTY_BEFORE = rx.compile(
    r"\b(?:war|wars|conflict|fighting|clashes|talks|ceasefire|truce|deal|agreement|"
    r"negotiations|exchange|swap|tensions|hostilities)\s+between\s+(?:the\s+)?"
    r"(?:[A-Za-z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+and\s+(?:the\s+)?)?\Z"
)


def _party_to(window: Window, m: PlaceMention) -> bool:
    return _PARTY_BEFORE.search(window.lower, max(0, m.start - 60), m.start) is not None


def _both_parts_of(window: Window, mentions: list[PlaceMention], lo: int, hi: int) -> str | None:
    both = _BOTH_PARTS.search(window.lower, lo, hi)
    if both is None:
        return None
    after = next((m for m in mentions if both.end() <= m.start <= both.end() + 12), None)
    return _DIRECTION_WORD.sub("", after.name) if after is not None else None


# "stationed there", "in the country": a place named before. Not "the country's
# north-west" (a possessive names a part of it), nor an existential "there" ("there were
# 17,134 deaths in Turkey", "and there have been"): see `_points_back`.
_WHO_THERE = rx.compile(r"\b(?:that|who|which)\s+(?:[a-z]+\s+){1,2}\Z")
_THERE = rx.compile(r"\bthere\b|\b(?:in|across|inside|throughout) the country\b(?!['’]s)")
# "there were 17,134", "there have been around 4,000 deaths", "there are still more than":
# a "there" whose verb introduces a quantity names no place (unlike "the troops there are
# leaving").
_EXISTENTIAL = rx.compile(
    r"there\s+(?:(?:still|now|also|already|reportedly|so\s+far)\s+)?"
    r"(?:is|are|was|were|(?:has|have|had)\s+been|will\s+be|may\s+be|might\s+be|could\s+be|"
    r"remains?|remained)\s+(?:(?:still|now|also|already|reportedly|so\s+far)\s+)?[\"“']?"
    r"(?:\d|a\b|an\b|no\b|some\b|about\b|around\b|roughly\b|nearly\b|almost\b|over\b|"
    r"more\b|fewer\b|less\b|at\s+least\b|at\s+most\b|up\s+to\b|many\b|several\b|dozens\b|"
    r"scores\b|hundreds\b|thousands\b|millions\b|only\b|just\b|(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten|twelve|twenty|fifty|a\s+hundred)\b)"
)


# "killed in his nation", "across their country": the speaker's own country.
_HIS_COUNTRY = gated(
    r"\b(?:in|across|throughout|inside)\s+(?:his|her|their)\s+(?:own\s+)?(?:country|nation)\b",
    "country nation",
)


def _speakers_country(window: Window, mentions: list[PlaceMention]) -> str | None:
    """The country a source phrase names ("Turkey's president") or implies by a demonym
    ("the Turkish President said")."""
    from tui.core.claims.countries import demonym_countries

    for s in window.sources():
        named = [m for m in mentions if s.start <= m.start < s.end and m.rank == 3]
        if named:
            return named[0].name
        table = demonym_countries()
        for m in _CAPITALISED.finditer(window.text, s.start, s.end):
            if m.group() in table:
                return table[m.group()]
    return None


def _points_back(window: Window, m: re.Match[str]) -> bool:
    """Is this "there" / "in the country" a place named before (not "there were 30")?"""
    return _EXISTENTIAL.match(window.lower, m.start()) is None


_SPEAKERS = rx.compile(
    r"(?:'s)?\s+(?:officials?|sources?|spokes\w+|officers?|diplomats?|commanders?|analysts?"
    r"|media|leaders?|intelligence|envoys?|ministers?|president|authorities|military|army)\b"
    r"(?!-)"
)
# r"\b[A-Z][a-z]+...", written to start with a character class (2x faster to search).
_CAPITALISED = rx.compile(r"[A-Z](?<!\w.)[a-z]+(?:-[A-Z][a-z]+)?\b")
# A demonym that says whose people are counted ("the number of American soldiers",
# "Palestinian prisoners") names their side (the actor), not where the figure is.
_NATIONALS_AFTER = rx.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:troops|soldiers|forces|personnel|service\s+members|"
    r"servicemen|marines|sailors|airmen|advisers|advisors|trainers|contractors|diplomats|"
    r"citizens|nationals|hostages|captives|prisoners|detainees|fighters|mercenaries)\b"
)


def _demonym_place(
    window: Window, start: int, end: int, clause: tuple[int, int], avoid: list[tuple[int, int]]
) -> str | None:
    """With no place named, a demonym stands for its country ("the Ukrainian economy
    shrank 30%" is about Ukraine): the nearest one of the clause, else of the window,
    never inside a source phrase or the number's own modifier ("4,000 Iraqi soldiers")."""
    from tui.core.claims.countries import demonym_countries

    table = demonym_countries()
    found = [
        (m.start(), m.end(), table[m.group()])
        for m in _CAPITALISED.finditer(window.text)
        if m.group() in table
        and not any(a <= m.start() < b for a, b in avoid)
        and not _NATIONALS_AFTER.match(window.lower, m.end())
    ]
    if not found:
        return None
    lo, hi = clause
    return min(
        found,
        key=lambda f: (
            not (lo <= f[0] and f[1] <= hi),
            start - f[1] if f[1] <= start else f[0] - end,
        ),
    )[2]


_PREFERENCE = {
    (0, True): 0,
    (1, True): 1,
    (0, False): 2,
    (2, True): 3,
    (1, False): 4,
    (2, False): 5,
    (3, True): 6,
    (3, False): 7,
}


def _commas(text: str, m: PlaceMention, start: int, end: int) -> int:
    return text.count(",", m.end, start) if m.end <= start else text.count(",", end, m.start)


def _distance(m: PlaceMention, start: int, end: int) -> int:
    """Characters between; a place before the number counts double ("30 fired from the
    sea and one from Crimea": a figure's place usually follows it)."""
    return 2 * (start - m.end) if m.end <= start else max(0, m.start - end)


def _tier(m: PlaceMention) -> int:
    """How surely a place is where things happen: "in X" (0), "from X", "crossed X" or a
    qualified name "the Al Haouz region" (1), a bare name (2), a bearing's reference point
    "south of X" (3)."""
    if m.cue in _STRONG_CUES:
        return 0
    if m.cue == "ref":
        return 3
    # A plain "of" says little: "the size of Watford", "the people of Gaza".
    return 1 if (m.cue and m.cue != "of") or m.qualified else 2


def main_place(window: Window) -> PlaceMention | None:
    """What a sentence is about, for the figures of the sentences after it: its first
    locative place ("The army in Mali said ..."), else its first place; never a dateline's
    or a source phrase's."""
    if not window.places():
        return None
    dateline = _DATELINE.match(window.text)
    skip = dateline.end() if dateline else 0
    sources = [(s.start, s.end) for s in window.sources()]
    pool = [
        m
        for m in window.places()
        if m.start >= skip and not any(a <= m.start < b for a, b in sources)
    ]
    strong = [m for m in pool if m.cue in _STRONG_CUES]
    found = (strong or pool)[:1]
    return _most_specific(window, window.places(), found[0]) if found else None


def main_place_name(window: Window) -> tuple[str, int] | None:
    """`main_place`'s name and start; places written as one list are one ("Mali and
    Burkina Faso")."""
    chosen = main_place(window)
    if chosen is None:
        return None
    group = coordinated(window.text, window.places(), chosen)
    return joined_names([m.name for m in group]), chosen.start


def _most_specific(
    window: Window, mentions: list[PlaceMention], chosen: PlaceMention
) -> PlaceMention:
    """Of places written as one ("Wajima, Ishikawa", "Russia's Kursk region", "the High
    Atlas in Morocco"), the innermost: a neighbour wins when it lies inside the chosen
    place by the gazetteer, or when the gazetteer does not know it and the chosen place is
    a region or a country ("the Gaskinde area, Burkina Faso")."""
    g = gazetteer()
    i = mentions.index(chosen)
    best = chosen
    for j in (i - 1, i + 1):
        if not 0 <= j < len(mentions):
            continue
        a, b = (mentions[j], chosen) if j < i else (chosen, mentions[j])
        if _JOINER.fullmatch(window.text, a.end, b.start) is None:
            continue
        other = mentions[j]
        if other.rank >= best.rank or other.cue == "ref":
            continue
        if other.rows and best.rows:
            outer = set(best.rows)
            if not any(r in outer for row in other.rows for r in g.ancestors(row)):
                continue
        elif other.rows or best.rank < 2:
            continue
        best = other
    return best


def predicate_near(window: Window, start: int, end: int, lo: int, hi: int) -> str | None:
    return _nearest(window.mentions("predicate"), start, end, lo, hi)

"""Naming figures from ``[[figures]]`` in feeds.toml, and the JSON-lines shape of a claim.

A named figure matches a claim by all of these (each a row of tests/unit/test_figure_namer.py):

| what       | rule                                                                            |
|------------|---------------------------------------------------------------------------------|
| things     | in their event sense: ["dead", "killed", "people"] means people counted as dead |
|            | ("people" only qualifies the event), so displaced people are not deaths         |
| places     | the claim's place is one of them or lies inside one (gazetteer hierarchy: a     |
|            | city in a named country; "southern Turkey" in Turkey); a list ("Syria and       |
|            | Turkey") matches a list of as many places, each inside one; no stated place     |
|            | matches no place-bound figure                                                   |
| actors     | the claim's actor (or, lacking one, its source) is one of them                  |
| kind       | as given; by default any but percent and duration ("5% of deaths" is not one)   |
| predicate  | as given; by default from the things: deaths, injured... -> casualty, troops -> |
|            | presence, money -> money. An unclassified claim ("other") passes the default    |
| tense      | not a filter: the ledger keeps a figure's plans apart from its level            |

When several figures match, the most specific place wins: "in Idlib" belongs to "Deaths in
north-west Syria" (which names Idlib) rather than "Deaths in Syria" (which contains it), and
a figure with places beats one with none. Ties go to the first in the config.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from tui.core.claims import rx
from tui.core.claims.actors import canonical_actor
from tui.core.claims.lexicon import CURRENCY_THING, EVENTS, THINGS, norm
from tui.core.models import Claim, FigureKey


class FigureSection(Protocol):
    """What the namer reads of a ``[[figures]]`` entry (``config.FigureSection`` has it).

    A protocol, not the pydantic model: pydantic costs ~0.25 s to import, and
    ``storywatch extract`` must start faster than that.
    """

    @property
    def name(self) -> str: ...
    @property
    def things(self) -> Sequence[str]: ...
    @property
    def places(self) -> Sequence[str] | None: ...
    @property
    def actors(self) -> Sequence[str] | None: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def predicate(self) -> str | None: ...


# The event folds of the labelling conventions, so that a figure's words and a claim's thing
# meet whatever spelling either side uses ("killed" and "deaths", "wounded" and "injuries").
_FOLDS: dict[str, str] = {
    **dict.fromkeys(
        ["deaths", "death", "dead", "killed", "died", "death toll", "toll", "lives",
         "fatalities", "perished"],
        "deaths",
    ),
    # Bodies recovered are one team's count of a search, not the toll: "bodies" stays
    # "bodies" unless an entry names it.
    **dict.fromkeys(["injured", "injuries", "injury", "wounded", "hurt"], "injured"),
    **dict.fromkeys(["displaced", "fled", "homeless", "evacuated", "evacuees"], "displaced"),
    **dict.fromkeys(["missing", "unaccounted for"], "missing"),
    **dict.fromkeys(["arrests", "arrested"], "arrests"),
    **dict.fromkeys(["hostages", "captives", "abductees"], "hostages"),
}  # fmt: skip
# Head nouns that only say *who* is counted: in a figure that also names an event they
# qualify it ("people" killed), they do not widen it to every count of people.
GENERIC_THINGS = frozenset({"people", "persons", "individuals", "residents", "others"})
_CASUALTY = frozenset({"deaths", "injured", "casualties", "missing", "injuries"})
_FORCES = frozenset({"troops", "advisers", "contractors"})
_UNCLASSIFIED = "other"
_DEFAULT_EXCLUDED_KINDS = frozenset({"percent", "duration"})


def canonical_thing(word: str) -> str:
    """One name per counted thing: the event folds, then the extractor's tables."""
    key = norm(word)
    return (
        _FOLDS.get(key)
        or _FOLDS.get(THINGS.get(key, ""))
        or THINGS.get(key)
        or (EVENTS.get(key) or key)
    )


def default_predicates(things: frozenset[str]) -> frozenset[str] | None:
    """The predicate classes a figure of these things takes when it names none (None: any)."""
    if things and things <= _CASUALTY:
        return frozenset({"casualty", _UNCLASSIFIED})
    if things and things <= _FORCES:
        return frozenset({"presence", _UNCLASSIFIED})
    return None


# -- places: the gazetteer when it is there, plain names otherwise -----------------------------


@cache
def _gazetteer() -> tuple[Callable[[str], str | None], Callable[[str, str], bool]] | None:
    """The gazetteer's `canonical_place` and `place_within`, loaded only when a figure names
    places (it costs a file read); None without one, and names then match only themselves."""
    try:
        module = importlib.import_module("tui.core.claims.gazetteer")
        return module.canonical_place, module.place_within
    except (ImportError, AttributeError):
        return None


# A direction before a place's name names a part of it: "southern Turkey" is in Turkey.
_PART_OF = rx.compile(
    r"^(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"(?:north|south)-?(?:east|west)(?:ern)?|upper|lower|coastal|rural)\s+(?=\S)"
)
# Places written as one list: "Turkey and Syria", "Mali, Niger and Chad".
_LIST_SPLIT = rx.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def _parts(place: str) -> list[str]:
    return [p for p in _LIST_SPLIT.split(place.strip()) if p]


@cache
def same_or_within(inner: str, outer: str) -> bool:
    """Is the place `inner` the place `outer` or inside it? (Names compared case-blind.)
    A list is the same as a list of as many places, each the same as or inside one of
    the other's ("northwest Syria and Turkey" is "Turkey and Syria")."""
    if norm(inner) == norm(outer):
        return True
    inner_parts, outer_parts = _parts(inner), _parts(outer)
    if len(inner_parts) > 1 or len(outer_parts) > 1:
        if len(inner_parts) != len(outer_parts):
            return False
        left = list(outer_parts)
        for part in inner_parts:
            match = next((o for o in left if same_or_within(part, o)), None)
            if match is None:
                return False
            left.remove(match)
        return True
    part = _PART_OF.sub("", inner)
    if part != inner and same_or_within(part, outer):
        return True
    found = _gazetteer()
    if found is None:
        return False
    canonical, within = found
    a, b = canonical(inner) or inner, canonical(outer) or outer
    return norm(a) == norm(b) or within(inner, outer)


# The nouns a part of a country goes by: a user's "government-held areas" are the text's
# "government-held regions" or "government-held parts" too.
_AREA_NOUNS = ("areas", "regions", "parts", "territories", "zones")
_AREA_NOUN = rx.compile(rf"\b(?:{'|'.join(_AREA_NOUNS)})$")


def place_variants(place: str) -> tuple[str, ...]:
    """`place` and, for a place named by an area noun, the same with each other one."""
    if not _AREA_NOUN.search(place.lower()):
        return (place,)
    found = _AREA_NOUN.search(place.lower())
    assert found is not None
    stem = place[: found.start()]
    return (place, *(stem + noun for noun in _AREA_NOUNS if noun != found.group()))


@dataclass(frozen=True, slots=True)
class _Figure:
    name: str
    things: frozenset[str]
    generic: frozenset[str]  # the entry's generic words ("people"), qualifiers of its event
    places: tuple[str, ...]
    actors: frozenset[str]
    kind: str | None
    predicates: frozenset[str] | None
    words: tuple[str, ...] = ()  # the entry's things as written, lower case


def _compile(figure: FigureSection) -> _Figure:
    named = {canonical_thing(t) for t in figure.things}
    specific = named - GENERIC_THINGS
    things = frozenset(specific or named)
    predicates = frozenset({figure.predicate}) if figure.predicate else default_predicates(things)
    return _Figure(
        name=figure.name,
        things=things,
        generic=frozenset(named & GENERIC_THINGS) if specific else frozenset(),
        places=tuple(dict.fromkeys(v for p in figure.places or () for v in place_variants(p))),
        # as written and as claims name it ("United States" is the claims' "US")
        actors=frozenset(
            norm(name) for a in figure.actors or () for name in (a, canonical_actor(a))
        ),
        kind=figure.kind,
        predicates=predicates,
        words=tuple(norm(t) for t in figure.things if t.strip()),
    )


class FigureNamer:
    """Matches claims to ``[[figures]]`` entries (see the module docstring for the rules)."""

    def __init__(self, figures: Sequence[FigureSection]) -> None:
        self._sections = list(figures)
        self._figures = [_compile(f) for f in self._sections]
        # The places one entry lists are one place, or parts of its first ("Syria", "the
        # Syrian side of the border"): so a list naming one of them names that place.
        self._one_place: dict[str, str] = {}
        for f in self._figures:
            for p in f.places[1:]:
                self._one_place.setdefault(norm(p), f.places[0])
        self._synonyms: dict[str, str] = {}
        # The extractor's own names: a word it knows keeps its meaning, an unknown word
        # ("GIs", "died") means the entry's first specific thing the extractor knows.
        for section in self._sections:
            known = [THINGS[norm(t)] for t in section.things if norm(t) in THINGS]
            specific = [t for t in known if t not in GENERIC_THINGS]
            canonical = (specific or known or [norm(section.things[0])])[0]
            for word in section.things:
                self._synonyms.setdefault(norm(word), THINGS.get(norm(word), canonical))

    def _listed(self, key: FigureKey) -> FigureKey:
        """A list place with each member in the name an entry gives it first ("Turkey and
        the Syrian side of the border" -> "Turkey and Syria")."""
        parts = _parts(key.place) if key.place else []
        if len(parts) < 2:
            return key
        named = [self._one_place.get(norm(p), p) for p in parts]
        return FigureKey(key.kind, key.thing, key.predicate, " and ".join(named), key.actor)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self._figures]

    def synonyms(self) -> dict[str, str]:
        """Thing synonym -> canonical thing, for ``extract_claims(synonyms=...)``."""
        return dict(self._synonyms)

    def places(self) -> tuple[str, ...]:
        """Every place a ``[[figures]]`` entry names, for ``extract_claims(places=...)``."""
        return tuple(dict.fromkeys(p for f in self._figures for p in f.places))

    def actors(self) -> tuple[str, ...]:
        """Every actor a ``[[figures]]`` entry names, for ``extract_claims(actors=...)``."""
        return tuple(dict.fromkeys(a for s in self._sections for a in s.actors or ()))

    def lexicon(self) -> dict[str, object]:
        """The user's words as keyword arguments for ``extract_claims`` (see `extract_words`)."""
        return extract_words(self.synonyms(), self.places(), self.actors())

    def name_for(self, claim_or_key: Claim | FigureKey, source: str | None = None) -> str | None:
        """The figure this claim (or key) belongs to, or None."""
        sentence = None
        if isinstance(claim_or_key, Claim):
            key, source = claim_or_key.key, source or claim_or_key.source
            if key.kind == "money" and key.thing in _BARE_SUMS:
                sentence = claim_or_key.sentence.lower()
        else:
            key = claim_or_key
        if key.thing is None:
            return None
        thing = canonical_thing(key.thing)
        best: tuple[str, str] | None = None  # (figure name, the place it matched at)
        for figure in self._figures:
            place = _match(figure, self._listed(key), thing, source, sentence)
            if place is not None and (best is None or _more_specific(place, best[1])):
                best = (figure.name, place)
        return best[0] if best else None


def _match(
    figure: _Figure, key: FigureKey, thing: str, source: str | None, sentence: str | None = None
) -> str | None:
    """The figure's place the key matched ("" for a figure with no places), or None.
    `sentence` (lower case) is given for a bare sum: its words may name the thing."""
    if (
        thing not in figure.things
        and not _generic_in_event(figure, thing, key.predicate)
        and not (sentence and _sum_named(figure, sentence))
    ):
        return None
    if figure.kind is not None:
        if figure.kind != key.kind:
            return None
    elif key.kind in _DEFAULT_EXCLUDED_KINDS:
        return None
    if figure.predicates is not None and key.predicate not in figure.predicates:
        return None
    if figure.actors:
        who = [w for w in (key.actor, source) if w]
        if not any(norm(w) in figure.actors for w in who):
            return None
    if not figure.places:
        return ""
    if key.place is None:
        return None
    exact = [p for p in figure.places if norm(p) == norm(key.place)]
    if exact:
        return key.place
    inside = [p for p in figure.places if same_or_within(key.place, p)]
    if not inside:
        return None
    # Of the figure's places holding the claim's, the tightest (inside the most of the
    # others) says how specific the match is.
    return max(inside, key=lambda p: sum(same_or_within(p, q) for q in inside))


# A sum whose only noun is its currency ("appealed for $400 million"): what it is a sum of is
# said by the sentence's words, so an entry's thing ("appeal") there names it.
_BARE_SUMS = frozenset({*CURRENCY_THING.values(), "money"})


def _sum_named(figure: _Figure, sentence: str) -> bool:
    """Does the sentence of a bare sum name one of the entry's things ("appealed", "aid")?"""
    if figure.kind not in (None, "money"):
        return False
    return any(re.search(rf"\b{re.escape(t)}", sentence) for t in figure.words)


def _generic_in_event(figure: _Figure, thing: str, predicate: str) -> bool:
    """ "1,541 people" *killed*, from an extractor that kept the head noun and put the event
    in the predicate: a generic word the entry lists, in the entry's own predicate class
    ("casualty" for deaths; never the unclassified "other": "13.5 million people affected")."""
    return (
        thing in figure.generic
        and predicate != _UNCLASSIFIED
        and figure.predicates is not None
        and predicate in figure.predicates
    )


def _more_specific(place: str, than: str | None) -> bool:
    """Does a match at `place` beat one at `than`? ("" = a figure without places.)"""
    if than is None:
        return True
    if place == than or not place:
        return False
    if not than:
        return True
    return same_or_within(place, than) and not same_or_within(than, place)


def extract_words(
    synonyms: Mapping[str, str], places: Sequence[str] = (), actors: Sequence[str] = ()
) -> dict[str, object]:
    """``extract_claims`` keyword arguments carrying the ``[[figures]]`` words: thing
    synonyms, and the places and actors the extractor should know even when its tables do
    not. Only the keywords this extractor takes are given (picklable, for parse workers)."""
    words: dict[str, object] = {"synonyms": dict(synonyms)}
    accepted = _extract_keywords()
    if places and "places" in accepted:
        words["places"] = tuple(places)
    if actors and "actors" in accepted:
        words["actors"] = tuple(actors)
    return words


@cache
def _extract_keywords() -> frozenset[str]:
    # Imported here: the claims package imports this module before extract is loaded.
    from tui.core.claims.extract import extract_claims

    return frozenset(inspect.signature(extract_claims).parameters)


def claim_to_dict(claim: Claim, figure: str | None = None) -> dict[str, object]:
    """The JSON-lines shape of a claim (``figure`` only when the claim is named)."""
    out: dict[str, object] = {
        "surface": claim.surface,
        "kind": claim.kind,
        "bound": claim.bound,
        # An upper bound has no stated floor: the README's contract prints it as null (the
        # ledger's interval keeps 0 as its lower end).
        "low": None if claim.bound == "upper" else claim.low,
        "high": claim.high,
        "unit": claim.unit,
        "thing": claim.thing,
        "place": claim.place,
        "actor": claim.actor,
        "source": claim.source,
        "predicate": claim.predicate,
        "as_of": claim.as_of,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "key": claim.key.as_text(),
    }
    if figure is not None:
        out["figure"] = figure
    return out

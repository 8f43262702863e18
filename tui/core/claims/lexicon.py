"""Word tables the extractor reads: things, places, actors, predicates, events, cues.

Every table maps a surface form (lower case) to one canonical name, so that
"soldiers", "service members" and "troops" all land on the key ``troops``.
Regexes built from these tables are compiled on first use (see ``cached_regex``)
so that importing the package stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

# What is counted. Synonyms of one canonical thing; advisers stay advisers on purpose:
# a report of "200 advisers" is a different figure from "2,500 troops".
THINGS: dict[str, str] = {
    **dict.fromkeys(
        [
            "troops",
            "troop",
            "soldiers",
            "soldier",
            "service members",
            "service member",
            "servicemembers",
            "servicemen",
            "personnel",
            "military personnel",
            "forces",
            "marines",
            "boots on the ground",
            "combat troops",
            "military forces",
        ],
        "troops",
    ),
    **dict.fromkeys(["advisers", "adviser", "advisors", "advisor", "trainers"], "advisers"),
    "contractors": "contractors",
    **dict.fromkeys(["civilians", "civilian"], "civilians"),
    **dict.fromkeys(["people", "persons", "residents"], "people"),
    **dict.fromkeys(["fighters", "militants", "jihadists", "insurgents"], "militants"),
    **dict.fromkeys(["deaths", "dead", "killed", "fatalities", "death toll", "lives"], "deaths"),
    **dict.fromkeys(["wounded", "injured", "injuries"], "injuries"),
    "casualties": "casualties",
    **dict.fromkeys(["bases", "base", "military bases", "outposts"], "bases"),
    **dict.fromkeys(["drones", "drone"], "drones"),
    **dict.fromkeys(["rockets", "missiles", "rocket", "missile"], "rockets"),
    **dict.fromkeys(["attacks", "strikes", "airstrikes", "air strikes", "attack"], "attacks"),
    **dict.fromkeys(["refugees", "displaced"], "refugees"),
    **dict.fromkeys(["detainees", "prisoners"], "detainees"),
    **dict.fromkeys(["aircraft", "jets", "helicopters", "planes", "warplanes"], "aircraft"),
    **dict.fromkeys(["vehicles", "tanks", "armoured vehicles"], "vehicles"),
    **dict.fromkeys(["families", "children", "women"], "people"),
    # money purposes: what the money is for
    **dict.fromkeys(["aid", "military aid", "assistance"], "aid"),
    **dict.fromkeys(["funding", "funds", "budget", "spending"], "funding"),
    **dict.fromkeys(["contract", "contracts", "deal", "arms deal", "sale", "sales"], "contract"),
    "reconstruction": "reconstruction",
    **dict.fromkeys(["cost", "costs"], "cost"),
}
MONEY_THINGS = frozenset({"aid", "funding", "contract", "reconstruction", "cost"})
CASUALTY_THINGS = frozenset({"deaths", "injuries", "casualties"})
FORCE_THINGS = frozenset({"troops", "advisers", "contractors"})
# Words like these point back at an earlier sentence's thing ("put the number at over 3,000").
ANAPHORA = r"\b(?:number|figure|total|count|tally|estimate|level|levels|strength|contingent)\b"

# Gazetteer: canonical place -> aliases (matched case-insensitively, longest first).
PLACES: dict[str, list[str]] = {
    "Kurdistan Region": [
        "Kurdistan Region",
        "Iraqi Kurdish region",
        "Kurdish region of Iraq",
        "Iraqi Kurdistan",
        "Kurdish region",
        "Kurdistan",
        "KRI",
        "autonomous Kurdish region",
    ],
    "Ain al-Asad": [
        "Ain al-Asad",
        "Ain al-Assad",
        "Ain al Asad",
        "al-Assad",
        "al-Asad",
        "Al Asad",
        "Asad air base",
        "Assad air base",
        "Ain al-Asad air base",
    ],
    "Victoria base": ["Victoria base", "Camp Victoria", "Victory Base", "base of Victoria"],
    "Baghdad International Airport": ["Baghdad International Airport", "Baghdad airport"],
    "Iraq": ["Iraq"],
    "Syria": ["Syria", "northeast Syria", "northeastern Syria"],
    "Kuwait": ["Kuwait"],
    "Jordan": ["Jordan"],
    "Erbil": ["Erbil", "Irbil", "Arbil"],
    "Baghdad": ["Baghdad"],
    "Anbar": ["Anbar", "al-Anbar", "Anbar province"],
    "Harir": ["Harir", "Harir air base"],
    "al-Tanf": ["al-Tanf", "At-Tanf", "Tanf"],
    "Qatar": ["Qatar", "Al Udeid"],
    "Bahrain": ["Bahrain"],
    "Turkey": ["Turkey", "Türkiye", "Incirlik"],
    "Iran": ["Iran"],
    "Israel": ["Israel"],
    "Lebanon": ["Lebanon"],
    "Saudi Arabia": ["Saudi Arabia"],
    "United Arab Emirates": ["United Arab Emirates", "UAE"],
    "Mosul": ["Mosul"],
    "Basra": ["Basra", "Basrah"],
    "Kirkuk": ["Kirkuk"],
    "Fallujah": ["Fallujah", "Falluja"],
    "Ramadi": ["Ramadi"],
    "Sulaymaniyah": ["Sulaymaniyah", "Sulaimaniyah"],
    "Deir ez-Zor": ["Deir ez-Zor", "Deir al-Zour"],
    "Raqqa": ["Raqqa"],
    "Afghanistan": ["Afghanistan"],
    "Germany": ["Germany"],
    "Middle East": ["Middle East", "the region"],
}

# Actors: whose troops/money. "US-led coalition" is the coalition (its troops are not all
# American); "coalition" alone too.
ACTORS: dict[str, str] = {
    **dict.fromkeys(
        [
            "us-led coalition",
            "us-led international coalition",
            "us-led",
            "coalition",
            "international coalition",
        ],
        "coalition",
    ),
    **dict.fromkeys(
        [
            "us",
            "u.s.",
            "u.s",
            "usa",
            "american",
            "americans",
            "pentagon",
            "washington",
            "united states",
            "us military",
            "u.s. military",
            "us army",
        ],
        "US",
    ),
    **dict.fromkeys(["iraqi", "iraqis", "iraq's"], "Iraqi"),
    "nato": "NATO",
    **dict.fromkeys(["kurdish", "peshmerga", "kurds"], "Kurdish"),
    **dict.fromkeys(["is", "isis", "isil", "islamic state", "daesh"], "IS"),
    **dict.fromkeys(["british", "uk"], "UK"),
    "french": "France",
    "german": "Germany",
    "turkish": "Turkey",
    "iranian": "Iran",
    "syrian": "Syria",
    "russian": "Russia",
}
# Actor aliases that are ordinary English words in lower case only count when capitalised.
CASE_SENSITIVE_ACTORS = frozenset({"us", "is", "uk", "usa"})

# Predicate classes, matched as word stems; the nearest cue to the number wins.
PREDICATES: dict[str, str] = {
    **dict.fromkeys(
        [
            "stationed",
            "deployed",
            "remain",
            "remains",
            "remained",
            "remaining",
            "based",
            "there are",
            "there were",
            "presence",
            "present",
            "number of",
            "stay",
            "staying",
            "keep",
            "keeps",
            "garrison",
            "host",
            "hosts",
            "hosting",
            "serving",
            "serve",
        ],
        "presence",
    ),
    **dict.fromkeys(
        [
            "withdraw",
            "withdrawing",
            "withdrawn",
            "withdrew",
            "withdrawal",
            "leave",
            "leaving",
            "left",
            "pull out",
            "pulling out",
            "pulled out",
            "pullout",
            "arrive",
            "arrived",
            "arriving",
            "redeploy",
            "redeployed",
            "relocate",
            "relocated",
            "relocating",
            "send",
            "sending",
            "sent",
            "move",
            "moved",
            "moving",
            "depart",
            "departed",
            "exit",
            "drawdown",
            "cut",
            "cuts",
            "reduce",
            "reduced",
            "reducing",
            "bring home",
            "return",
            "returned",
            "evacuate",
            "evacuated",
            "transfer",
            "transferred",
        ],
        "movement",
    ),
    **dict.fromkeys(
        [
            "killed",
            "wounded",
            "dead",
            "injured",
            "died",
            "killing",
            "wounding",
            "casualties",
            "death toll",
            "lost their lives",
        ],
        "casualty",
    ),
}

# Events a date can be about (the "thing" of a date figure).
EVENTS: dict[str, str] = {
    **dict.fromkeys(
        [
            "withdraw",
            "withdrawal",
            "withdrawing",
            "withdrawn",
            "withdrew",
            "pull out",
            "pulling out",
            "pullout",
            "leave",
            "leaving",
            "exit",
            "drawdown",
            "depart",
            "departure",
            "redeployment",
            "deadline",
        ],
        "withdrawal",
    ),
    **dict.fromkeys(
        [
            "mission end",
            "end the mission",
            "end its mission",
            "mission will end",
            "mission ends",
            "end of the mission",
            "wind down",
            "conclude",
        ],
        "mission end",
    ),
    **dict.fromkeys(["fighting", "fought", "fight", "war", "campaign", "offensive"], "fighting"),
    **dict.fromkeys(["agreement", "deal", "accord"], "agreement"),
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "iqd": "IQD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "dinars": "IQD",
}
CURRENCY_THING = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "IQD": "dinars"}

SCALES: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}

# Vague counts and the interval each one stands for (documented, inclusive).
VAGUE: dict[str, tuple[float, float]] = {
    "hundreds of thousands": (200_000, 999_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of millions": (200e6, 999_999_999),
    "tens of millions": (20e6, 99_999_999),
    "a few hundred": (200, 499),
    "several hundred": (300, 999),
    "a few thousand": (2_000, 4_999),
    "several thousand": (3_000, 9_999),
    "a few dozen": (24, 60),
    "several dozen": (36, 99),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2e6, 9_999_999),
    "a handful": (2, 9),
    "several": (3, 9),
    "a few": (2, 5),
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so the longest alias wins at any position."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


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
def _lower_words_re(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(w.lower() for w in words)})\b")


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
    return ThingWords(_lower_words_re(table), table)


def new_thing_synonyms(synonyms: Mapping[str, str]) -> frozenset[tuple[str, str]]:
    """The synonyms that name a counted thing the lexicon does not know ("GIs" -> troops).

    Words any table knows keep their meaning ("withdraw" stays a movement, "US" an actor),
    and synonyms of an event (a date figure's thing) are not counted things.
    """
    known = THINGS.keys() | EVENTS.keys() | PREDICATES.keys() | ACTORS.keys()
    events = set(EVENTS.values())
    return frozenset(
        (word, canonical)
        for word, canonical in ((norm(w), c) for w, c in synonyms.items())
        if len(word) > 1
        and word not in known
        and not any(ch.isdigit() for ch in word)
        and canonical not in events
    )


@cache
def place_re() -> re.Pattern[str]:
    return _lower_words_re(a for names in PLACES.values() for a in names)


@cache
def place_lookup() -> dict[str, str]:
    return {" ".join(a.lower().split()): c for c, names in PLACES.items() for a in names}


@cache
def actor_re() -> re.Pattern[str]:
    """Matched against the original text: "US" is an actor, "us" is not."""
    loose = [a for a in ACTORS if a not in CASE_SENSITIVE_ACTORS]
    strict = ["US", "U.S.", "IS", "UK", "USA"]
    # "U.S." ends with a dot, so it cannot be followed by \b: use a lookahead instead.
    return re.compile(rf"(?<![\w-])(?:(?i:{alternation(loose)})|{alternation(strict)})(?![\w])")


@cache
def predicate_re() -> re.Pattern[str]:
    return _lower_words_re(PREDICATES)


@cache
def event_re() -> re.Pattern[str]:
    return _lower_words_re(EVENTS)


def norm(phrase: str) -> str:
    """Lower case with single spaces: the form every table is keyed by."""
    return " ".join(phrase.lower().split())

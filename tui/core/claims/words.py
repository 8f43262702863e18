"""The word tables: things, places, actors, predicates, events, currencies, vague counts.

Pure data (``lexicon`` builds the regexes). Every table maps a surface form (lower case)
to one canonical name, so that "soldiers", "service members" and "troops" all land on
the key ``troops``.
"""

from __future__ import annotations

# What is counted: the synonyms that name one canonical thing (the labelled set's README
# conventions). Anything else a number counts is still a thing (``things.py`` reads the
# noun phrase); this table only merges words. Advisers stay advisers on purpose: a report
# of "200 advisers" is a different figure from "2,500 troops".
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
            "military personnel",
            "forces",
            "marines",
            "boots on the ground",
            "combat troops",
            "military forces",
            "gis",
        ],
        "troops",
    ),
    **dict.fromkeys(["advisers", "adviser", "advisors", "advisor", "trainers"], "advisers"),
    "contractors": "contractors",
    **dict.fromkeys(["civilians", "civilian"], "civilians"),
    **dict.fromkeys(["people", "persons"], "people"),
    **dict.fromkeys(["deaths", "dead", "killed", "fatalities", "death toll", "lives"], "deaths"),
    **dict.fromkeys(["wounded", "injured", "injuries"], "injured"),
    "casualties": "casualties",
    **dict.fromkeys(["bases", "base", "military bases", "outposts"], "bases"),
    **dict.fromkeys(["drones", "drone"], "drones"),
    **dict.fromkeys(["rockets", "rocket"], "rockets"),
    **dict.fromkeys(["missiles", "missile"], "missiles"),
    **dict.fromkeys(["airstrikes", "air strikes", "airstrike", "air strike"], "airstrikes"),
    **dict.fromkeys(["attacks", "attack"], "attacks"),
    "refugees": "refugees",
    "displaced": "displaced",
    **dict.fromkeys(["detainees", "detainee"], "detainees"),
    **dict.fromkeys(["prisoners", "prisoner"], "prisoners"),
    **dict.fromkeys(["hostages", "hostage", "captives", "abductees"], "hostages"),
    "aircraft": "aircraft",
    **dict.fromkeys(["vehicles", "armoured vehicles"], "vehicles"),
    # money purposes: what the money is for
    **dict.fromkeys(["aid", "military aid", "assistance"], "aid"),
    **dict.fromkeys(["funding", "funds", "budget", "spending"], "funding"),
    **dict.fromkeys(["contract", "contracts", "deal", "arms deal", "sale", "sales"], "contract"),
    "reconstruction": "reconstruction",
    **dict.fromkeys(["cost", "costs"], "cost"),
}
CASUALTY_THINGS = frozenset(
    {"deaths", "injured", "injuries", "casualties", "missing", "bodies", "victims"}
)
FORCE_THINGS = frozenset({"troops", "advisers", "contractors"})
# Words like these point back at an earlier sentence's thing ("put the number at over 3,000").
ANAPHORA = r"\b(?:number|figure|total|count|tally|estimate|level|levels|strength|contingent)\b"

# Named sites the data packages do not know (bases, airports, areas): canonical name ->
# aliases. The gazetteer (``gazetteer.py``) adds them, inside PLACE_COUNTRY's country.
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
        "Al Asad",
        "Asad air base",
        "Assad air base",
        "Ain al-Asad air base",
    ],
    "Victoria base": ["Victoria base", "Camp Victoria", "Victory Base", "base of Victoria"],
    "Baghdad International Airport": ["Baghdad International Airport", "Baghdad airport"],
    "Harir": ["Harir", "Harir air base"],
    "al-Tanf": ["al-Tanf", "At-Tanf", "Tanf"],
    "Al Udeid": ["Al Udeid", "Al Udeid Air Base"],
    "Incirlik": ["Incirlik", "Incirlik Air Base"],
    "Hamid Karzai International Airport": [
        "Hamid Karzai International Airport",
        "Hamid Karzai Airport",
        "Kabul airport",
    ],
}
PLACE_COUNTRY: dict[str, str] = {
    "Kurdistan Region": "IQ",
    "Ain al-Asad": "IQ",
    "Victoria base": "IQ",
    "Baghdad International Airport": "IQ",
    "Harir": "IQ",
    "al-Tanf": "SY",
    "Al Udeid": "QA",
    "Incirlik": "TR",
    "Hamid Karzai International Airport": "AF",
}

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
            "withdraws",
            "withdrawing",
            "withdrawn",
            "withdrew",
            "withdrawal",
            # a headline's present: "Germany sends 300 soldiers" ("pulls", "leaves" are
            # mostly something else: "research that pulls from", "that leaves 11")
            "sends",
            "pull",
            "pulled",
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
    **dict.fromkeys(["rs", "rs.", "₹", "inr"], "INR"),
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "dinars": "IQD",
    # After a scale word in the other languages: "millions d'euros", "millones de dólares".
    "euro": "EUR",
    "dólares": "USD",
    "dolares": "USD",
    "libras": "GBP",
    "livres": "GBP",
}
CURRENCY_THING = {
    "USD": "dollars",
    "EUR": "euros",
    "GBP": "pounds",
    "IQD": "dinars",
    "INR": "rupees",
    **dict.fromkeys(["AUD", "CAD", "NZD", "HKD", "SGD"], "dollars"),
    "BRL": "reais",
}

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
    # Scale words of the languages the extractor reads besides English.
    **dict.fromkeys(
        ["millones", "millón", "millon", "milhões", "milhão", "millionen", "millions"], 1e6
    ),
    **dict.fromkeys(["mio", "mio."], 1e6),
    **dict.fromkeys(["milliarden", "milliard", "milliards", "mrd", "mrd."], 1e9),
    **dict.fromkeys(["mil", "tys", "tys."], 1e3),
    # Indian English: a lakh is 100,000, a crore 10 million ("Rs 450 crore").
    **dict.fromkeys(["lakh", "lakhs"], 1e5),
    **dict.fromkeys(["crore", "crores"], 1e7),
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
    "several million": (3e6, 9_999_999),
    "a few million": (2e6, 5e6),
    "several billion": (3e9, 9_999_999_999),
    "a few billion": (2e9, 5e9),
    "billions": (2e9, 9_999_999_999),
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
    # The same words in the other languages the extractor reads.
    **dict.fromkeys(
        ["centaines de milliers", "cientos de miles", "centenas de milhares", "hunderttausende"],
        (200_000, 999_999),
    ),
    **dict.fromkeys(
        ["dizaines de milliers", "decenas de miles", "dezenas de milhares", "zehntausende"],
        (20_000, 99_999),
    ),
    **dict.fromkeys(["milliers", "milhares", "tausende", "miles de"], (2_000, 9_999)),
    **dict.fromkeys(["centaines", "cientos", "centenares", "centenas", "hunderte"], (200, 999)),
    **dict.fromkeys(["dizaines", "decenas", "dezenas", "dutzende"], (24, 99)),
    **dict.fromkeys(
        ["plusieurs", "varios", "varias", "vários", "várias", "mehrere", "kilka", "kilku"],
        (3, 9),
    ),
}

"""What a percentage measures: "34% of the vote" -> votes, "turnout was 60%" -> turnout,
"17% contained" -> containment, "inflation rose to 3.2%" -> inflation.

A percent names its thing after it ("of the vote", "3.2% inflation") or as the subject
linked to it ("turnout was 60%"); failing both, the nearest measure word of the clause.
"""

from __future__ import annotations

from tui.core.claims import rx, things
from tui.core.claims import window as win
from tui.core.claims.lexicon import alternation
from tui.core.claims.nouns import SYNONYMS

# Measure words, lower case (several words may name one thing).
_MEASURES: dict[str, str] = {
    **dict.fromkeys(
        [
            "vote share",
            "share of the vote",
            "popular vote",
            "of the vote",
            "votes cast",
            "vote",
            "ballots cast",
            "of the ballots",
        ],
        "votes",
    ),
    **dict.fromkeys(["seat share", "of the seats", "seats"], "seats"),
    **dict.fromkeys(["turnout", "voter turnout", "of the electorate"], "turnout"),
    **dict.fromkeys(
        ["core inflation", "core cpi", "core consumer price index", "core rate", "core prices"],
        "core inflation",
    ),
    **dict.fromkeys(["food inflation", "food prices"], "food inflation"),
    **dict.fromkeys(
        [
            "inflation",
            "consumer prices",
            "consumer price index",
            "cpi",
            "price index",
            "prices",
            "price growth",
            "price rises",
        ],
        "inflation",
    ),
    # Prices of one good are their own measure, not inflation.
    **{
        f"{good} {word}": f"{good} prices"
        for good in ("energy", "oil", "gas", "house", "home")
        for word in ("prices", "price")
    },
    "cpih": "CPIH",
    **dict.fromkeys(["unemployment", "jobless rate", "unemployment rate"], "unemployment"),
    **dict.fromkeys(["contained", "containment"], "containment"),
    **dict.fromkeys(["gdp", "economic growth", "the economy grew"], "GDP"),
    **dict.fromkeys(
        [
            "interest rate",
            "interest rates",
            "key rate",
            "benchmark rate",
            "policy rate",
            "base rate",
            "bank rate",
            "key interest rate",
            "benchmark interest rate",
        ],
        "interest rate",
    ),
    **dict.fromkeys(
        ["raised rates", "cut rates", "lowered rates", "hiked rates", "raises rates", "cuts rates"],
        "interest rate",
    ),
    # Trade, sales, pay and output: each is its own measure.
    "exports": "exports",
    "imports": "imports",
    # ("sales" alone may modify another noun: "applicants for sales roles rose 103%")
    **dict.fromkeys(
        ["retail sales"]
        + [f"sales {verb}" for verb in ("rose", "rise", "rises", "fell", "fall", "falls", "grew")]
        + [f"sales {verb}" for verb in ("jumped", "dropped", "increased", "declined", "slumped")],
        "sales",
    ),
    **dict.fromkeys(["wages", "pay growth", "earnings growth"], "wages"),
    **dict.fromkeys(
        ["industrial output", "industrial production", "factory output", "manufacturing output"],
        "industrial output",
    ),
    # The same measures in the other languages the extractor reads.
    **dict.fromkeys(
        [
            "arbeitslosenquote",
            "arbeitslosigkeit",
            "chômage",
            "taux de chômage",
            "desempleo",
            "tasa de paro",
            "paro",
            "desemprego",
            "taxa de desemprego",
        ],
        "unemployment",
    ),
    **dict.fromkeys(["inflationsrate", "inflación", "inflação", "teuerung"], "inflation"),
    **dict.fromkeys(
        ["wahlbeteiligung", "taux de participation", "participación", "participação"], "turnout"
    ),
    **dict.fromkeys(
        ["der stimmen", "des voix", "des suffrages", "de los votos", "dos votos"], "votes"
    ),
    "approval": "approval",
    "support": "support",
    "population": "population",
    "victims": "victims",
    "of the dead": "deaths",
}
_MEASURE_RE = rx.compile(rf"\b(?:{alternation(_MEASURES)})\b")
_ASIDE = rx.compile(r",\s*(?:which|who|that|including|excluding)\b[^,;]*,")
_OF_AFTER = rx.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?")


def _measure(text: str) -> str:
    return _MEASURES[" ".join(text.split())]


# An election story: a party's bare percentage is its share of the vote. (Not a survey of
# experts: "economists polled by Reuters", "a Bloomberg poll of analysts".)
_ELECTION = rx.compile(
    r"\b(?:votes?|voters?|voting|polls?(?!\s+of\s+(?:economists|analysts|experts|forecasters))|"
    r"ballots?|elections?|electoral|seats?|parties|party|constituenc(?:y|ies))\b"
)


def percent_thing(
    window: win.Window, start: int, end: int, clause: tuple[int, int], earlier: str = ""
) -> str | None:
    """The thing a percent at [start, end) measures, or None. `earlier` is the lower-case
    text before the window (the paragraph so far): a measure named there carries over
    ("The CPI rose 0.3%. It rose 3.1% from a year ago.")."""
    gap = _POINT_GAP.match(window.lower, end)
    if gap is not None and window.lower[start:end].endswith(("point", "points")):
        return gap.group(1) + "s"  # "a 30 point gap", "a 9-point lead": what it measures
    if _ON_BEFORE.search(window.lower, max(0, start - 4), start) and _ELECTION.search(window.lower):
        return "votes"  # "ahead of the conservatives on 24%": a party's score
    found = _measure_near(window, start, end, clause)
    if found is None:  # "Mpox cases in Congo rose by 60%": the plural that changed
        subject = things.changed_subject(window.lower[clause[0] : start], clause[0])
        found = subject.name if subject is not None else None
    if found is None:
        found = _measure_near(window, start, end, (0, len(window.text)))
    if found is None and earlier:
        last = None
        for m in _MEASURE_RE.finditer(earlier):
            last = m
        found = _measure(last.group()) if last is not None else None
    if found is None and (_ELECTION.search(window.lower) or _ELECTION.search(earlier)):
        found = "votes"
    return found


_POINT_GAP = rx.compile(r"\s+(gap|lead|swing|margin)\b")
_ON_BEFORE = rx.compile(r"\bon\s+\Z")


def _measure_near(window: win.Window, start: int, end: int, clause: tuple[int, int]) -> str | None:
    low = window.lower
    after = _MEASURE_RE.match(low, end + 1) if end < len(low) and low[end] == " " else None
    if after is not None:
        return _measure(after.group())
    of = _OF_AFTER.match(low, end)
    if of is not None:
        m = _MEASURE_RE.match(low, of.start() + 1)
        if m is not None and m.group().startswith("of "):
            return _measure(m.group())
        phrase = things.phrase_after(window, end, allow_of=True)
        if phrase:  # "99% of polling stations", "30% of government jobs"
            return things.canonical(phrase) or SYNONYMS.get(phrase[-1].low, phrase[-1].low)
    # A measure inside an aside is not the subject's: "Core CPI, which excludes energy
    # prices, rose 0.2%" measures core inflation.
    asides = [a.span() for a in _ASIDE.finditer(low, *clause)]
    best: tuple[int, str] | None = None
    for m in _MEASURE_RE.finditer(low, *clause):
        if any(a <= m.start() and m.end() <= b for a, b in asides):
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), _measure(m.group()))
    return best[1] if best else None

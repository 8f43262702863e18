"""Durations: "15-month", "within 14 days", "for three years", "a 10-year sentence", "more
than half a century", "the past seven days", "tres días"; and the dates counted back from
the publication day ("five days ago", "about a week ago").

A duration's value is the number of its unit (a decade is 10 years, a century 100, a
fortnight 2 weeks); its thing is the unit ("days", "months", "years"). Ages are not
figures: "a 45-year-old man", "aged 45 years", "45 years old" (but "the 34-month-old war"
is a duration).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from tui.core.claims import periods as per
from tui.core.claims import rx
from tui.core.claims.date_words import lead_starts
from tui.core.claims.numbers import parse_digits, parse_spelled
from tui.core.claims.periods import DateFigure
from tui.core.models import Bound

_EN_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_OTHER_NUMBERS = {
    **dict.fromkeys("uno una un une um uma ein eine einen einem einer".split(), 1),
    **dict.fromkeys("dos dois duas deux zwei".split(), 2),
    **dict.fromkeys("tres três trois drei".split(), 3),
    **dict.fromkeys("cuatro quatro quatre vier".split(), 4),
    **dict.fromkeys("cinco cinq fünf".split(), 5),
    **dict.fromkeys("seis sechs".split(), 6),
    **dict.fromkeys("siete sete sieben".split(), 7),
    **dict.fromkeys("ocho oito huit acht".split(), 8),
    **dict.fromkeys("nueve nove neuf neun".split(), 9),
    **dict.fromkeys("diez dez dix zehn".split(), 10),
    **dict.fromkeys("quince quinze".split(), 15),
    **dict.fromkeys("veinte vinte vingt zwanzig".split(), 20),
    **dict.fromkeys("treinta trinta trente".split(), 30),
}
_VAGUE = {
    "a few": (2, 5),
    "a couple of": (2, 2),
    "several": (3, 9),
    **dict.fromkeys("plusieurs varios varias vários várias mehrere".split(), (3, 9)),
}
# unit word (lower case) -> (thing, how many of it)
_UNITS: dict[str, tuple[str, float]] = {}
for _thing, _factor, _words in [
    ("minutes", 1, "minute minutes mins minuto minutos minuten"),
    ("hours", 1, "hour hours hrs hora horas heure heures stunde stunden"),
    ("days", 1, "day days día días dia dias jour jours tag tage tagen"),
    ("weeks", 1, "week weeks semana semanas semaine semaines woche wochen"),
    ("weeks", 2, "fortnight fortnights"),
    ("months", 1, "month months mes meses mês mois monat monate monaten"),
    ("years", 1, "year years yr yrs año años ano anos ans année années jahr jahre jahren"),
    ("years", 10, "decade decades década décadas décennie décennies jahrzehnt jahrzehnte"),
    ("years", 100, "century centuries siglo siglos século séculos siècle siècles jahrhundert"),
]:
    for _word in _words.split():
        _UNITS[_word] = (_thing, _factor)
_SINGULAR = frozenset("minute hour day week fortnight month year decade century".split())

_MODS: dict[str, Bound | None] = {
    **dict.fromkeys(
        ["within", "up to", "less than", "fewer than", "under", "nearly", "almost", "close to",
         "no more than", "casi", "quase", "près de", "presque", "fast", "knapp", "dentro de",
         "em até", "en moins de", "binnen", "innerhalb von", "menos de", "moins de",
         "weniger als"],
        "upper",
    ),
    **dict.fromkeys(
        ["more than", "over", "at least", "upwards of", "más de", "mais de", "plus de",
         "mehr als", "über", "au moins", "al menos", "pelo menos", "mindestens"],
        "lower",
    ),
    **dict.fromkeys(
        ["about", "around", "some", "roughly", "approximately", "an estimated", "unas", "unos",
         "alrededor de", "cerca de", "environ", "etwa", "rund", "ungefähr", "aproximadamente"],
        "approx",
    ),
    **dict.fromkeys(
        ["the last", "the past", "the next", "the first", "the previous", "the coming",
         "the following", "the final", "another", "an extra", "an additional", "a further",
         "just", "only", "between"],
        None,
    ),
}  # fmt: skip
_EN_MODS = frozenset(
    ["within", "up to", "less than", "fewer than", "under", "nearly", "almost", "close to",
     "no more than", "more than", "over", "at least", "upwards of", "about", "around", "some",
     "roughly", "approximately", "an estimated", "the last", "the past", "the next",
     "the first", "the previous", "the coming", "the following", "the final", "another",
     "an extra", "an additional", "a further", "just", "only", "between"]
)  # fmt: skip
_EN_VAGUE = frozenset({"a few", "a couple of", "several"})
_EN_UNIT_WORDS = frozenset(
    "minute minutes mins hour hours hrs day days week weeks fortnight fortnights month months"
    " year years yr yrs decade decades century centuries".split()
)
_PLANNED_MODS = frozenset({"within", "the next", "the coming", "another", "dentro de"})
# What an "N-year-old" may be when it is not a person's age.
_OLD_THINGS = frozenset(
    "war conflict crisis siege blockade insurgency ceasefire truce dispute standoff"
    " occupation campaign offensive invasion rule regime ban moratorium deal agreement"
    " programme program mission government presidency civil uprising revolution".split()
)
_DAY_AFTER = frozenset("after before later earlier into of long since ago,".split())
_YOY_BEFORE = rx.compile(r"\b(?:from|with|than|on|to)\s+\Z")
_PLURAL_RATE_BEFORE = rx.compile(
    r"\b(?!(?:was|has|is|as|this|its|his|us|thus|across|perhaps|always|plus|less)\s)"
    r"[a-z]{2,}s\s+\Z"
)
_RATE_BEFORE = rx.compile(
    r"(?:\b(?:once|twice|thrice|times|per|cent|percent|minutes|hours|days|weeks|months)|[0-9%])\s+\Z"
)


def _alt(words: object) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # type: ignore[call-overload]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@cache
def _duration_re(foreign: bool) -> re.Pattern[str]:
    """Without `foreign`, only the English words (a cheaper compile for a cold start)."""
    spelled = rf"(?:(?:{_alt(_EN_TENS)})(?:[\s-](?:{_alt(_EN_UNITS)}))?|{_alt(_EN_UNITS)})"
    other = rf"|{_alt(_OTHER_NUMBERS)}" if foreign else ""
    vague = [w for w in _VAGUE if foreign or w in _EN_VAGUE]
    number = (
        rf"(?:[0-9]+(?:[.,][0-9]+)*|{spelled}|(?:a|one)\s+hundred{other}"
        rf"|half\s+an?|a\s+half|{_alt(vague)}|an?)"
    )
    mods = [w for w in _MODS if foreign or w in _EN_MODS]
    units = [w for w in _UNITS if foreign or w in _EN_UNIT_WORDS]
    return rx.compile(
        r"(?<![\w-])"
        rf"(?P<mods>(?:(?:{_alt(mods)})\s+){{0,2}})"
        rf"(?:(?P<num>{number})(?:\s*(?:-|to|or|and|à|bis)\s*(?P<num2>{number}))?"
        rf"(?P<sep>-|\s+)(?P<unit>{_alt(units)})(?P<old>-old)?"
        r"|(?P<one>the\s+(?:past|last|previous|next|coming)\s+"
        r"(?:week|fortnight|month|year|decade|century)))"
        r"(?!\w|-on-)"
    )


_EN_UNIT_ANCHOR = rx.compile("minute|hour|day|week|fortnight|month|year|decade|centur")
_FOREIGN_UNITS = frozenset(w for w in _UNITS if not _EN_UNIT_ANCHOR.match(w))
_WORD = rx.compile(r"[a-zäöüéèàçñíóúâêôûìß]+")


def _anchors(lowered: str, foreign: bool) -> list[int]:
    """Where unit words start: English ones by one cheap pattern; the others word by word,
    only in text that looks foreign (as for month names, see ``dates.looks_foreign``)."""
    found = [m.start() for m in _EN_UNIT_ANCHOR.finditer(lowered)]
    if foreign:
        found += [m.start() for m in _WORD.finditer(lowered) if m.group() in _FOREIGN_UNITS]
        found.sort()
    return found


@cache
def _mods_re() -> re.Pattern[str]:
    return rx.compile(rf"(?:{_alt(_MODS)})(?=\s)")


def _number(text: str) -> float | None:
    text = " ".join(text.split())
    if text[0].isdigit():
        if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", text):
            return float(text.replace(",", ""))
        return parse_digits(text.replace(",", "."), scaled=True)
    if text in ("a", "an", "one"):
        return 1.0
    if text.startswith("half"):
        return 0.5
    if text == "a half":
        return None
    if text in _OTHER_NUMBERS:
        return float(_OTHER_NUMBERS[text])
    return parse_spelled(text)


def find_durations(text: str, lowered: str, today: date, foreign: bool) -> list[DateFigure]:
    """Durations (kind "duration") and "N units ago" dates in `text`, earliest first."""
    pattern = _duration_re(foreign)
    out: list[DateFigure] = []
    covered = 0
    for a_start in _anchors(lowered, foreign):
        if a_start < covered or (a_start and lowered[a_start - 1].isalpha()):
            continue
        for start in _starts(lowered, a_start, covered):
            m = pattern.match(lowered, start, a_start + 24)
            if m is None or m.end() <= a_start:
                continue
            figure = _read(m, lowered, today)
            if figure is not None:
                out.append(figure)
                covered = m.end() if figure.kind == "date" else figure.end
            break
    return out


# Every word that may come before a unit inside a duration: modifiers and numbers.
_LEAD_WORDS = frozenset(
    word
    for phrase in [*_MODS, *_EN_UNITS, *_EN_TENS, *_OTHER_NUMBERS, *_VAGUE]
    for word in phrase.split()
) | frozenset("a an one half hundred - to or and à bis".split())
_DIGITS = rx.compile(r"[0-9][0-9.,]*")


def _starts(lowered: str, a_start: int, floor: int) -> list[int]:
    """Where a duration ending in the unit at `a_start` may begin, earliest first: the run
    of modifier and number words just before the unit ("more than half a", "the next 24
    to 36"). Matching only there is several times cheaper than searching the span."""
    return lead_starts(lowered, a_start, max(floor, a_start - 50), _is_lead)


def _is_lead(word: str) -> bool:
    return word in _LEAD_WORDS or _DIGITS.fullmatch(word) is not None


def _read(m: re.Match[str], lowered: str, today: date) -> DateFigure | None:
    mods = [" ".join(w.split()) for w in _mods_re().findall(m.group("mods"))]
    skip = 0
    if len(mods) > 1 and mods[0] == "over" and mods[1].startswith("the "):
        # "over the next 24 hours" is during them, not more than them
        skip = m.group("mods").index("the", 4)
        mods = mods[1:]
    bound: Bound = "exact"
    high: float | None
    for word in mods:
        bound = _MODS.get(word) or bound
    if m.group("one"):
        words = m.group("one").split()
        thing, factor = _UNITS[words[-1]]
        value, high = factor, factor
    else:
        unit_word = " ".join(m.group("unit").split())
        thing, factor = _UNITS[unit_word]
        num_text = " ".join(m.group("num").split())
        hyphen = m.group("sep") == "-"
        if hyphen and (
            unit_word not in _SINGULAR or not num_text[0].isalnum() or num_text in ("a", "an")
        ):
            return None
        if m.group("old"):
            after = lowered[m.end() : m.end() + 24].split()
            if not after or after[0].strip(",.") not in _OLD_THINGS:
                return None  # an age: "a 45-year-old man", "the 34-year-old said"
        if lowered.startswith((" old", " of age"), m.end()) or lowered.endswith(
            "aged ", 0, m.start()
        ):
            return None
        if num_text in ("a", "an") and (
            unit_word not in _SINGULAR
            or _RATE_BEFORE.search(lowered, max(0, m.start() - 12), m.start())
        ):
            return None  # "twice a day", "10 hours a day", "$5 a week": rates
        if num_text in ("a", "an") and _PLURAL_RATE_BEFORE.search(
            lowered, max(0, m.start() - 16), m.start()
        ):
            return None  # "25 songs a month", "a few dollars a month": rates
        if num_text in ("a", "an", "one") and not mods:
            following = [w.strip(".,;:") for w in lowered[m.end() : m.end() + 12].split()[:1]]
            if unit_word in ("day", "minute") and following and following[0] not in _DAY_AFTER:
                return None  # "One day the troops will leave", "a minute increase"
            if following[:1] in (["ago"], ["before"], ["earlier"]) and _YOY_BEFORE.search(
                lowered, max(0, m.start() - 14), m.start()
            ):
                return None  # "up 3% from a year ago / before": a comparison
        if num_text in _VAGUE:
            lo, hi = _VAGUE[num_text]
            bound, value, high = "vague", lo * factor, hi * factor
        else:
            first = _number(num_text)
            if first is None:
                return None
            value = high = first * factor
            if m.group("num2"):
                second = _number(m.group("num2"))
                if second is None or second <= first:
                    return None
                bound, high = "range", second * factor
    start = m.start() + skip
    if lowered.startswith(" ago", m.end()):
        return _ago(start, m.end() + 4, thing, value, high, bound, today)
    if bound == "upper":
        value = 0.0
    elif bound == "lower":
        high = None
    figure = DateFigure(start, m.end(), bound, value, high, float("inf"), "duration", thing)
    figure.planned = any(w in _PLANNED_MODS for w in mods)
    return figure


# Days per unit, to tell whether "N units ago" still falls in the calendar (after year 1).
_DAYS_PER = {"days": 1.0, "weeks": 7.0, "months": 31.0, "years": 366.0}


def _ago(
    start: int,
    end: int,
    thing: str,
    low: float,
    high: float | None,
    bound: Bound,
    today: date,
) -> DateFigure | None:
    """ "five days ago": the day (or, for months and years, the month or year) counted back."""
    furthest = high if high is not None else low
    # "370,000 years ago" is deep time, not a calendar date (and no `date` can hold it).
    if furthest * _DAYS_PER.get(thing, 0) >= (today.year - 1) * 365:
        return None
    if thing in ("minutes", "hours"):
        period = per.days(today, today)
    elif thing in ("days", "weeks"):
        step = 7 if thing == "weeks" else 1
        first = today - timedelta(days=int(furthest * step))
        last = today - timedelta(days=int(low * step))
        period = per.days(first, last)
    elif thing == "months":
        period = per.month_period(*per.shift_months(today, -int(furthest)))
        period = period[0], per.month_period(*per.shift_months(today, -int(low)))[1]
    else:
        period = (
            per.year_period(today.year - int(furthest))[0],
            per.year_period(today.year - int(low))[1],
        )
    # "N days ago" says when something was reported, not when an event is due.
    if period[1] - period[0] >= per.DAY:  # a month, a year, "a few days ago"
        figure = DateFigure(start, end, "range", period[0], period[1], period[1], "date")
    else:
        figure = DateFigure(start, end, bound, period[0], period[0], period[1], "date")
    figure.period_start, figure.can_date_event = period[0], False
    return figure

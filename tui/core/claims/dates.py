"""Dates, deadlines and durations: "by the end of 2027", "since April 2023", "on Saturday",
"last week", "March this year", "the 2015 nuclear deal", "five days ago", "within 14 days".

A date resolves to a period [start, end] (POSIX seconds UTC; the end is the period's last
second) read against the publication day: "Monday" is the latest Monday on or before it,
"March" the nearer March (favouring the past), "next week" the week after its own. The
preposition in front sets the bound: by/before/until -> upper (low 0, high end); since/
after/from -> lower (low start, high None); otherwise a day is exact and a longer period
(a month, a year, "last week") a range over it. Durations are in ``durations.py``.

Dates are found around anchors (a year, a month or weekday name, "week", "year", ...):
trying the full pattern only there is ~50x cheaper than at every position of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache

from tui.core.claims import periods as per
from tui.core.claims import rx
from tui.core.claims.date_words import (
    ENGLISH_NAMES,
    FOREIGN_PREPS,
    LOWER_PREPS,
    MONTHS,
    PLAIN_PREPS,
    UPPER_PREPS,
    WEEKDAY_NAMES_AFTER,
    WEEKDAYS,
    WRITTEN_WEEKDAYS,
    YEAR_NAME_EXCEPTIONS,
    lead_starts,
)
from tui.core.claims.durations import find_durations
from tui.core.claims.lexicon import alternation, lower_same_length
from tui.core.claims.periods import DateFigure
from tui.core.models import Bound

__all__ = ["DateFigure", "find_dates"]

_YEAR = r"(?:19|20)[0-9]{2}"
_UPPER = frozenset(UPPER_PREPS)
_LOWER = frozenset(LOWER_PREPS)
_BEFORE = frozenset({"before", "prior to", "ahead of", "avant"})  # the day before the date
_AFTER = frozenset({"after", "après"})
# A year ("in 2011") or relative year ("by next year") dates an event in its clause only
# after one of these ("a plan agreed on last year" dates the agreement).
_REL_PREPS = _UPPER | _LOWER | {"during"}
_YEAR_PREPS = _REL_PREPS | {"in"}


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    lo: float
    hi: float
    prep: str
    day_name: bool  # a bare weekday or holiday: a following "June 25" gives its day
    has_day: bool
    can_date_event: bool = True
    guessed: str = ""  # "year": the year was chosen, not written; "week": a bare weekday


def _alt(words: list[str] | set[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # no tie in set (hash) order
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@cache
def _date_re(foreign: bool) -> re.Pattern[str]:
    """The full date pattern, lower case: it runs on the lower-cased text (case-insensitive
    matching is several times slower); ``_names_ok`` checks the case of names after.
    Without `foreign`, only the English names and prepositions (a third of the compile)."""
    months = {w: v for w, v in MONTHS.items() if foreign or w in ENGLISH_NAMES}
    full = {w.lower() for w, (_, tier) in months.items() if tier != "abbrev"}
    abbrev = {w.lower() for w, (_, tier) in months.items() if tier == "abbrev"}
    weekdays = {w.lower() for w in WEEKDAYS if foreign or w in ENGLISH_NAMES}
    month = rf"(?:{_alt(full)}|(?:{_alt(abbrev)})\.?)"
    all_preps = UPPER_PREPS + LOWER_PREPS + PLAIN_PREPS
    preps = _alt([p for p in all_preps if foreign or p not in FOREIGN_PREPS])
    day = r"[0-3]?[0-9](?![0-9])"
    return rx.compile(
        r"(?<![\w'])"
        rf"(?:(?P<prep>{preps})\s+)?"
        r"(?:the\s+)?"
        r"(?P<edge>(?:(?:end|start|beginning|close|middle|turn)\s+of"
        r"|(?:first|second|third|fourth|final|last)\s+(?:quarter|half)\s+of"
        r"|(?:spring|summer|autumn|fall|winter)\s+of)\s+(?:the\s+)?"
        r"|(?:early|late|mid)(?:\s+|-))?"
        r"(?:(?P<mod>last|this|next|earlier\s+this|later\s+this|this\s+coming|this\s+past)\s+)?"
        r"(?:"
        rf"(?P<d1>{day})(?:st|nd|rd|th|er|\.)?(?:\s*(?:-|and|to|&|au|al|bis|y|e|et)\s*"
        rf"(?P<d1b>{day})(?:st|nd|rd|th|er|\.)?)?\s+(?:(?:of|de)\s+)?(?P<m1>{month})"
        rf"(?:,?\s+(?:(?:de|of)\s+)?(?P<y1>{_YEAR}))?"
        rf"|(?P<m2>{month})(?:\s+(?P<d2>{day})(?:st|nd|rd|th)?"
        rf"(?:\s*(?:-|and|to|through)\s*(?P<d2b>{day})(?:st|nd|rd|th)?)?)?"
        rf"(?:,?\s+(?:(?:de|of)\s+)?(?P<y2>{_YEAR})"
        r"|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?"
        rf"|(?P<wd>{_alt(weekdays)})"
        r"|(?P<hol>new\s+year's\s+(?:day|eve)|christmas(?:\s+(?:day|eve))?"
        rf"|easter(?:\s+(?:sunday|monday))?)(?:\s+(?P<hy>{_YEAR}))?"
        rf"|(?P<q>q[1-4]|h[12])\s+(?P<qy>{_YEAR})"
        rf"|(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?P<sy>{_YEAR}))?"
        r"|(?P<rel>weekend|week|month|year-end|year's\s+end|year)"
        rf"|(?P<iso>{_YEAR}-[01][0-9]-[0-3][0-9])"
        rf"|(?P<nd>{day})(?P<ns>[./])(?P<nm>[0-3]?[0-9])(?P=ns)(?P<ny>{_YEAR})"
        rf"|(?P<y3>{_YEAR})(?:(?P<decade>s)|[-/](?P<y3b>(?:19|20)?[0-9]{{2}})(?![0-9]))?"
        # an older year only after a preposition ("since 1887"); `_read` narrows it
        r"|(?(prep)(?P<oy>1[0-8][0-9]{2})(?![0-9])|(?!))"
        r")"
        r"(?!\w|-(?!early|late|mid)[a-z0-9])"
    )


def _names_ok(m: re.Match[str], text: str) -> bool:
    """The names of a lower-case match are written as the tables have them: "March" but
    not "march", "Q1" but not "q1", "mardi" or "Mardi"."""
    for group in ("m1", "m2"):
        if m.group(group):
            name = text[m.start(group) : m.end(group)].rstrip(".")
            if name not in MONTHS:
                return False
    if m.group("wd") and text[m.start("wd") : m.end("wd")] not in WEEKDAYS:
        return False
    return not m.group("q") or text[m.start("q")].isupper()


@cache
def _anchor_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # Only capitalised names go in the alternation: its first letter lets the engine skip
    # almost every position. Lower-case names (French, Spanish, Portuguese) are looked up
    # word by word, and only in text that looks foreign (``looks_foreign``).
    capitalised = {w for w in set(MONTHS) | set(WRITTEN_WEEKDAYS) if w[0].isupper()}
    return (
        # a year before 1900 anchors only after a preposition ("since 1887", "in 1865")
        rx.compile(rf"{_YEAR}|(?:(?<=since )|(?<=in )|(?<=until ))1[0-8][0-9]{{2}}(?![0-9])"),
        rx.compile(rf"(?:{_alt(capitalised)})(?!\w)"),  # the boundary in front is checked by hand
        rx.compile(r"week|month|year|summer|winter|spring|autumn|fall|christmas|easter"),
    )


_LOWER_NAMES = frozenset(w for w in set(MONTHS) | set(WRITTEN_WEEKDAYS) if w[0].islower())
_FOREIGN_WORDS = "de di le la les el los las en em na os und der die das dass im ist et des du"
_FOREIGN_RE = rx.compile(f" (?:{alternation([*_FOREIGN_WORDS.split(), 'yang', 'dan'])}) ")
LOWER_WORD = rx.compile(r"[a-zäöüéèàçñíóúâêôûìß]+(?:-feira)?")


def looks_foreign(lowered: str) -> bool:
    """A cheap hint that the text is not English: only then are lower-case names sought.
    A report keeps its language, so its start is enough."""
    return _FOREIGN_RE.search(lowered, 0, 3000) is not None


def _anchors(text: str, lowered: str, foreign: bool) -> list[tuple[int, int]]:
    years, names, words = _anchor_res()
    found = [m.span() for m in years.finditer(text)]
    found += [
        m.span()
        for m in names.finditer(text)
        if m.start() == 0 or not text[m.start() - 1].isalnum()
    ]
    found += [m.span() for m in words.finditer(lowered)]
    if foreign:
        found += [m.span() for m in LOWER_WORD.finditer(text) if m.group() in _LOWER_NAMES]
    found.sort()
    return found


# Words that can stand in front of a date's anchor word inside the date: prepositions,
# "the end of", "early", "last", a day number before its month ("21st - 23rd of June").
_LEAD_WORDS = frozenset(
    word for prep in [*UPPER_PREPS, *LOWER_PREPS, *PLAIN_PREPS] for word in prep.split()
) | frozenset(
    "the end start beginning close middle turn of first second third fourth final last"
    " quarter half spring summer autumn fall winter early late mid this next earlier later"
    " coming past and to & - au al bis y e et de new q1 q2 q3 q4 h1 h2".split()
)
_DAY_NUMBER = rx.compile(r"[0-3]?[0-9](?:st|nd|rd|th|er|\.)?")


def _starts(lowered: str, a_start: int, floor: int) -> list[int]:
    """Where a date holding the anchor at `a_start` may begin, earliest first: the anchor,
    and the run of lead words just before it (most dates begin at the anchor or one or two
    words before; trying only these is several times cheaper than searching the span)."""
    lo = max(floor, a_start - 44)
    edge = a_start
    while edge > lo and lowered[edge - 1] in "0123456789./":
        edge -= 1  # "28/08/2022", "14.02.2024": the anchor is the year at the end
    starts = lead_starts(lowered, edge, lo, _is_lead)
    return [*starts, edge, a_start] if edge < a_start else [*starts, a_start]


def _is_lead(word: str) -> bool:
    return word in _LEAD_WORDS or _DAY_NUMBER.fullmatch(word) is not None


def _matches(text: str, lowered: str, foreign: bool) -> list[re.Match[str]]:
    """Full date matches around anchors; non-overlapping, earliest first."""
    pattern = _date_re(foreign)
    out: list[re.Match[str]] = []
    covered = 0
    for a_start, a_end in _anchors(text, lowered, foreign):
        if a_start < covered:
            continue
        if not foreign and text[a_start].isupper() and text[a_start:a_end] not in ENGLISH_NAMES:
            foreign, pattern = True, _date_re(True)  # "am Montag", "pada bulan Juni"
        stop = min(len(text), a_end + 32)
        for start in _starts(lowered, a_start, covered):
            m = pattern.match(lowered, start, stop)
            if (
                m is not None
                and a_start < m.end()
                and (m.end() < stop or stop == len(text))
                and _names_ok(m, text)
            ):
                out.append(m)
                covered = m.end()
                break
    return out


_FUTURE = rx.compile(
    r"\b(?:will|would|shall|due|scheduled|expected|set\s+to|plans?|planned|aims?\s+to|"
    r"intends?\s+to|going\s+to|upcoming|deadline|to\s+be\s+held)\b"
)
_PAST_EVENT = rx.compile(
    r"\b(?:rose|fell|eased|grew|dropped|jumped|climbed|declined|slowed|shrank|surged|"
    r"increased|decreased|accelerated|peaked|reached|stood|was|were|had\s+been|happened|"
    r"occurred|struck|killed|died)\b"
)
_ACRONYM_BEFORE = rx.compile(r"\b[A-Z]{2,}\s+\Z")
_CITATION = rx.compile(
    r"\b(?:retrieved|accessed|archived)\b[^.]{0,12}\Z|(?:updated|published):\s*\Z"
)
_COUNT_BEFORE = rx.compile(
    r"\b(?:about|around|some|nearly|almost|roughly|approximately|estimated|least|than|"
    r"killed|reached|total(?:ling|ing)?|to|of|with)\s+\Z"
)
_ARTICLE_BEFORE = rx.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|'s)\s+\Z")
_PLURAL_AFTER = rx.compile(
    r"\s+(?!(?:was|has|is|as|its|his|this|thus|us|across|plus|less|unless|whereas|always)\b)"
    r"[a-z]{2,}s\b|\s+(?:people|men|women|children)\b"
)
_EVENT_AFTER = rx.compile(
    r"\s+(?:general\s+|presidential\s+|parliamentary\s+|local\s+)?(?:elections?|polls?|vote|"
    r"census|summit|games|olympics|floods?|earthquake|quake|attacks?|war|campaign|season)\b"
)
_CHANGE_BEFORE = rx.compile(
    r"\b(?:up|down|increase|rise|rose|fell|fall|drop|dropped|decline|gain|higher|lower|"
    r"compared)\b[\w\s,]{0,12}\Z"
)
_NAME_BEFORE = rx.compile(r"\b([A-Z][\w.]*)\s+\Z")
_CAPITAL_AFTER = rx.compile(r"\s+[A-Z][a-z]")


def _lean(prep: str, mod: str, lowered: str, start: int, end: int) -> str:
    if mod == "next":
        return "next"
    if prep in _UPPER:
        return "past" if _deadline_told_in_the_past(lowered, start, end) else "future"
    if prep in _LOWER or mod == "last":
        return "last" if mod == "last" else "past"
    if _future_clause(lowered, start):
        return "future"
    return "past" if _past_clause(lowered, start) else "near"


def _own_clause(lowered: str, start: int) -> str:
    head = lowered[max(0, start - 100) : start]
    # A comma with no space after it is a thousands separator ("1,200"), not a break.
    return head[max(head.rfind(". "), head.rfind(", "), head.rfind(";")) + 1 :]


def _future_clause(lowered: str, start: int) -> bool:
    """A future verb in the date's own clause: "talks will resume on Monday", but not
    "the withdrawal will end in 2026, officials said on Monday"."""
    return _FUTURE.search(_own_clause(lowered, start)) is not None


# A count told as done by the date: "the toll had risen to 1,200 by Tuesday", "By
# mid-October, 40,000 residents had fled". Not a plan told in the past ("talks were meant
# to conclude by Friday"): an infinitive right before the date keeps it ahead, and so
# does a condition or need.
_DONE_BY = rx.compile(
    r"\b(?:had|was|were|rose|fell|grew|climbed|reached|stood|fled|left|withdrew|arrived|"
    r"crossed|returned|died|killed|recorded|registered|counted)\b"
)
_INFINITIVE_BEFORE = rx.compile(r"\bto\s+[a-z]+(?:\s+[a-z]+){0,4}\s+\Z")
# A condition or need told in the present: "if a verdict isn't reached by Thursday".
_NOT_YET_DONE = rx.compile(
    r"\b(?:if|unless|is|isn't|isn’t|are|aren't|aren’t|be|must|should|needs?|has\s+to|have\s+to)\b"
)
_FRONTED_DATE_CLAUSE = rx.compile(r"\s*,?\s*([^.;:]{1,120})")


def _deadline_told_in_the_past(lowered: str, start: int, end: int) -> bool:
    """Whether "by <date>" closes on a past count (its clause before it, or for a date
    that opens its clause, the clause after its comma), with no future verb there."""
    head = _own_clause(lowered, start)
    if head.strip(" \"“'\n") == "":
        after = _FRONTED_DATE_CLAUSE.match(lowered, end)
        if after is None:
            return False
        clause = after.group(1)
    else:
        if _INFINITIVE_BEFORE.search(head):
            return False
        clause = head
    return (
        _DONE_BY.search(clause) is not None
        and _FUTURE.search(clause) is None
        and _NOT_YET_DONE.search(clause) is None
    )


def _past_clause(lowered: str, start: int) -> bool:
    """A change or event told in the past in the date's own clause: "inflation eased to
    2.4% in November" read in September is last November, not the one to come."""
    return _PAST_EVENT.search(_own_clause(lowered, start)) is not None


_CLOCK_OR_RATE_AFTER = rx.compile(r"\s*(?:GMT|UTC|hrs|%|percent|per\s+cent|local\s+time)")


def _bare_year_ok(text: str, lowered: str, start: int, end: int) -> bool:
    """A year standing alone is a date unless it is part of a name ("Finance Bill 2024"),
    a count ("killed 2019 people"), a clock time, money or a citation."""
    if start and text[start - 1] in "$€£#+":
        return False
    head = text[max(0, start - 30) : start]
    name = _NAME_BEFORE.search(head)
    if (
        name
        and name.group(1) not in YEAR_NAME_EXCEPTIONS
        and name.group(1).rstrip(".") not in MONTHS
        and not _EVENT_AFTER.match(lowered, end)  # "Lok Sabha 2024 elections" is a date
    ):
        return False
    tail = text[end : end + 12]
    if _CLOCK_OR_RATE_AFTER.match(tail):
        return False
    low_head = lowered[max(0, start - 30) : start]
    if _EVENT_AFTER.match(lowered, end):
        return True
    return not (
        _PLURAL_AFTER.match(lowered, end)
        and (_COUNT_BEFORE.search(low_head) or not _ARTICLE_BEFORE.search(low_head))
    )


def _norm(group: str | None) -> str:
    return " ".join((group or "").lower().replace("-", " ").split())


def _older_year_ok(prep: str, text: str, end: int) -> bool:
    """A year before 1900 is one after "since" ("the worst result since 1887"), or after
    another preposition when the clause ends there ("founded in 1865."); "in 1500 homes"
    is a count written without its comma."""
    return prep == "since" or text[end : end + 1] in ("", ",", ".", ";", ")")


def _read(m: re.Match[str], text: str, lowered: str, today: date) -> _Found | None:
    g = m.groupdict()
    prep, edge, mod = _norm(g["prep"]), _norm(g["edge"]), _norm(g["mod"])
    before = lowered[max(0, m.start() - 40) : m.start()]
    if ("ed" in before or ":" in before) and _CITATION.search(before):
        return None
    lean = "near"
    if g["oy"]:
        if not _older_year_ok(prep, text, m.end()):
            return None
        g["y3"] = g["oy"]  # from here on, read as any year
    if not (g["y1"] or g["y2"] or g["y3"] or g["iso"] or g["ny"] or g["qy"] or g["sy"] or g["hy"]):
        lean = _lean(prep, mod, lowered, m.start(), m.end())  # the year or week must be chosen
    has_day = False
    period: per.Period | None = None
    month_name = g["m1"] or g["m2"]
    if month_name:
        month_name = text[m.start("m1" if g["m1"] else "m2") : m.end("m1" if g["m1"] else "m2")]
        month, tier = MONTHS[month_name.rstrip(".")]
        day_text = g["d1"] or g["d2"]
        day_end = g["d1b"] or g["d2b"]
        year_text = g["y1"] or g["y2"]
        month_lean = lean
        if lean == "future" and prep in _UPPER:
            # A deadline: "will be done by September" read in April is this September;
            # "by September" read on 1 October is the one just passed, and with no future
            # verb ("was done by September") the nearer of the two.
            just_ended = (today.month - month) % 12 == 1
            ahead = _future_clause(lowered, m.start()) and not just_ended
            month_lean = "future" if ahead else "near"
        if tier == "abbrev" and not (day_text or year_text):
            return None
        if tier == "guarded" and not (day_text or year_text or g["yrel"] or prep or edge or mod):
            return None
        if not (prep or edge or mod or day_text or year_text or g["yrel"]) and _CAPITAL_AFTER.match(
            text, m.end()
        ):
            return None  # "June Almeida", "April Ryan": a first name
        if year_text:
            year = int(year_text)
        elif g["yrel"]:
            year = today.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
        elif day_text:
            found = per.day_month_year(today, month, int(day_text), month_lean)
            if found is None:
                return None
            year = found.year
        else:
            year = per.month_year(today, month, month_lean)
        if day_text:
            first = per.safe_day(year, month, int(day_text))
            last = per.safe_day(year, month, int(day_end)) if day_end else first
            if first is None or last is None or last < first:
                return None
            period, has_day = per.days(first, last), True
        else:
            period = per.month_period(year, month)
    elif g["wd"]:
        after = text[m.end() : m.end() + 16].split()
        if (after and after[0] in WEEKDAY_NAMES_AFTER) or text[
            max(0, m.start() - 8) : m.start()
        ] == "Mail on ":
            return None
        weekday = WEEKDAYS[text[m.start("wd") : m.end("wd")]]
        when = per.weekday_date(today, weekday, {"near": "past"}.get(lean, lean))
        period, has_day = per.days(when, when), True
    elif g["hol"]:
        period, has_day = _holiday(_norm(g["hol"]), g["hy"], today, lean), True
    elif g["q"]:
        period = per.part_of(per.year_period(int(g["qy"])), _QUARTERS[g["q"].upper()])
    elif g["season"]:
        if not (g["sy"] or mod or edge):
            return None
        year = int(g["sy"]) if g["sy"] else today.year + {"last": -1, "next": 1}.get(mod, 0)
        period = per.season_period(year, g["season"].lower())
    elif g["rel"]:
        period = _relative(_norm(g["rel"]), mod, edge, today)
        if period is None or text.startswith("'s", m.end()):
            return None  # "this year's budget", "last year's total": attributes, not dates
        if prep == "from" and _CHANGE_BEFORE.search(lowered, max(0, m.start() - 40), m.start()):
            return None  # "an increase from last month": a comparison, not a date
    elif g["iso"]:
        y, mo, d = (int(x) for x in g["iso"].split("-"))
        first = per.safe_day(y, mo, d)
        if first is None:
            return None
        period, has_day = per.days(first, first), True
    elif g["nd"]:
        d, mo = int(g["nd"]), int(g["nm"])
        if g["ns"] == "/" and d <= 12 < mo:  # "09/25/2024": month first, as in the US
            d, mo = mo, d
        elif g["ns"] == "/" and d <= 12:
            return None  # "03/04/2024" could be either: no guess
        if _ACRONYM_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return None  # "(OCHA 26/08/2022)": a citation
        first = per.safe_day(int(g["ny"]), mo, d)
        if first is None:
            return None
        period, has_day = per.days(first, first), True
    elif g["y3"]:
        start = m.start("y3" if g["oy"] is None else "oy")
        if not (prep or edge or mod) and not _bare_year_ok(text, lowered, start, m.end()):
            return None
        year = int(g["y3"])
        if g["decade"]:
            if year % 10:
                return None
            period = per.year_period(year)[0], per.year_period(year + 9)[1]
        elif g["y3b"]:
            end_year = int(g["y3b"]) if len(g["y3b"]) == 4 else year // 100 * 100 + int(g["y3b"])
            if not year < end_year <= year + 10:
                return None
            period = per.year_period(year)[0], per.year_period(end_year)[1]
        else:
            period = per.year_period(year)
    if period is None:
        return None
    if edge:
        period = _apply_edge(period, edge)
    start = m.start()
    if not (prep or edge) and text[start : start + 4].lower() == "the ":
        start = m.end() - len(text[start + 4 : m.end()].lstrip())  # "the 2015 deal": the year
    out = _Found(start, m.end(), period[0], period[1], prep, bool(g["wd"] or g["hol"]), has_day)
    if g["wd"]:
        out.guessed = "week"
    elif month_name and not (g["y1"] or g["y2"] or g["yrel"]):
        out.guessed = "year"
    year_only = (g["y3"] and prep not in _YEAR_PREPS) or (g["rel"] and prep not in _REL_PREPS)
    # A weekday says when something was reported far more often than when an event is
    # due: only "by Friday", "since Monday" date one.
    bare_weekday = bool(g["wd"]) and prep not in _UPPER and prep not in _LOWER
    out.can_date_event = bool(edge or not (year_only or bare_weekday))
    return out


_QUARTERS = {"Q1": "first quarter", "Q2": "second quarter", "Q3": "third quarter"}
_QUARTERS |= {"Q4": "fourth quarter", "H1": "first half", "H2": "second half"}


def _holiday(name: str, year_text: str | None, today: date, lean: str) -> per.Period:
    """Easter, Christmas, New Year's Day: in the year written, else the occurrence the
    preposition or tense points to ("by Easter" is the next one), else the nearer."""
    if year_text:
        return _holiday_in(name, int(year_text))
    this = _holiday_in(name, today.year)
    now = per.ts(today)
    if lean in ("future", "next") and this[1] < now:
        return _holiday_in(name, today.year + 1)
    if lean in ("past", "last") and this[0] > now:
        return _holiday_in(name, today.year - 1)
    return this


def _holiday_in(name: str, year: int) -> per.Period:
    if name.startswith("easter"):
        when = per.easter(year) + timedelta(days=1 if name.endswith("monday") else 0)
    elif name.startswith("new year"):
        when = date(year, 1, 1) if name.endswith("day") else date(year, 12, 31)
    else:
        when = date(year, 12, 24 if name.endswith("eve") else 25)
    return per.days(when, when)


def _apply_edge(period: per.Period, edge: str) -> per.Period:
    word = " ".join(w for w in edge.split() if w not in ("the", "of"))
    if word in per.SEASONS:
        year = datetime.fromtimestamp(period[0], UTC).year
        return per.season_period(year, word)
    return per.part_of(period, word)


def _relative(rel: str, mod: str, edge: str, today: date) -> per.Period | None:
    """ "last week", "this month", "earlier this year", "year-end", "the end of the year"."""
    if rel in ("year end", "year's end"):
        return per.part_of(per.year_period(today.year), "end")
    step = {"last": -1, "next": 1, "this": 0, "this coming": 1, "this past": -1}
    if mod in ("earlier this", "later this"):
        if rel == "weekend":
            return None
        whole = {
            "week": per.week_period(today, 0),
            "month": per.month_period(today.year, today.month),
            "year": per.year_period(today.year),
        }[rel]
        now = per.days(today, today)
        return (whole[0], now[1]) if mod == "earlier this" else (now[0], whole[1])
    if mod not in step:
        if not edge:
            return None  # a bare "month" or "week" is no date
        # "by the end of the month", "the start of the week": the current one.
        mod = "this"
    n = step[mod]
    if rel == "week":
        return per.week_period(today, n)
    if rel == "weekend":
        saturday = per.weekday_date(today, 5, "last" if n < 0 else "future")
        if n > 0 and mod == "next":
            saturday = saturday + timedelta(days=7)
        return per.days(saturday, saturday + timedelta(days=1))
    if rel == "month":
        return per.month_period(*per.shift_months(today, n))
    return per.year_period(today.year + n)


def _merge(found: list[_Found], lowered: str) -> list[_Found]:
    """Join "between Sunday and Wednesday", "from 1 January to 28 April", "late September-
    early October" into ranges, and "Tuesday, June 25, 2024", "by Easter, April 20" into one."""
    out: list[_Found] = []
    for f in found:
        if out:
            prev = out[-1]
            gap = " ".join(lowered[prev.end : f.start].split())
            if not gap and f.prep in ("through", "until", "till"):  # "Friday through Sunday"
                gap, f.prep = f.prep, ""
            ranged = gap in ("-", "through", "to", "until", "till") or (
                gap == "and" and prev.prep == "between"
            )
            if not f.prep and ranged:
                _order(prev, f)
            if not f.prep and ranged and prev.lo <= f.hi:
                both_days = prev.day_name and f.day_name
                merged = _Found(prev.start, f.end, prev.lo, f.hi, "range", both_days, False)
                merged.can_date_event = prev.can_date_event and f.can_date_event
                out[-1] = merged
                continue
            if prev.day_name and not f.prep and f.has_day and gap in ("", ","):
                out[-1] = _Found(prev.start, f.end, f.lo, f.hi, prev.prep, False, True)
                continue
        out.append(f)
    return out


def _order(first: _Found, second: _Found) -> None:
    """Make a range run forwards when one end was guessed: "from October to September" ends
    the September after; "between Sunday and Wednesday" read on a Monday began the Sunday
    before last."""
    if first.lo <= second.hi:
        return
    if second.guessed == "year":
        second.lo, second.hi = _next_year(second.lo), _next_year(second.hi)
    elif first.guessed == "week":
        first.lo, first.hi = first.lo - 7 * per.DAY, first.hi - 7 * per.DAY


def _next_year(seconds: float) -> float:
    when = datetime.fromtimestamp(seconds, UTC)
    day = min(when.day, 28) if when.month == 2 else when.day
    return when.replace(year=when.year + 1, day=day).timestamp()


def find_dates(text: str, published: datetime, lowered: str | None = None) -> list[DateFigure]:
    """Every date, deadline and duration in `text`, earliest first, none overlapping."""
    low = lowered if lowered is not None else lower_same_length(text)
    today = published.astimezone(UTC).date()
    foreign = looks_foreign(low)
    matches = _matches(text, low, foreign)
    found = [f for m in matches if (f := _read(m, text, low, today)) is not None]
    out = [_figure(f) for f in _merge(found, low)]
    out += find_durations(text, low, today, foreign)
    out.sort(key=lambda d: (d.start, d.start - d.end))
    kept: list[DateFigure] = []
    for d in out:
        if not kept or d.start >= kept[-1].end:
            kept.append(d)
    return kept


def _figure(f: _Found) -> DateFigure:
    bound: Bound
    high: float | None
    if f.prep in _UPPER:
        bound, low, high = "upper", 0.0, f.lo - 1 if f.prep in _BEFORE else f.hi
    elif f.prep in _LOWER:
        bound, low, high = "lower", f.hi + 1 if f.prep in _AFTER else f.lo, None
    elif f.hi - f.lo < per.DAY:
        bound, low, high = "exact", f.lo, f.lo
    else:
        bound, low, high = "range", f.lo, f.hi
    figure = DateFigure(f.start, f.end, bound, low, high, f.hi, period_start=f.lo)
    figure.can_date_event = f.can_date_event
    return figure

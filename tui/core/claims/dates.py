"""Dates and deadlines: "by the end of September", "since 2014", "in September 2025".

A date expression resolves to a period [start, end] (inclusive, POSIX seconds UTC; the end
is the last second of the period). The preposition in front sets the bound:
by/before/until -> upper (low 0, high end); since/after/from -> lower (low start, high None);
otherwise a single instant or day is exact and a month or year is a range over it.
A month with no year takes the publication year. "by 2026" means by the end of 2026.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from tui.core.claims.lexicon import lower_same_length
from tui.core.models import Bound

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
_UPPER = {"by", "before", "until", "till", "through", "no later than", "not later than"}
_LOWER = {"since", "after", "from", "starting", "beginning", "as of"}
# A year with no month or day reads as a date only after a preposition that can take it:
# "by next year", "since 2014", "during 2020"; "agreed on last year", "based on 2019
# figures" or "in this year's budget" name no deadline.
_YEAR_PREPS = _UPPER | _LOWER | {"during", "in"}
_RELATIVE_PREPS = _UPPER | _LOWER | {"during"}


@dataclass(slots=True)
class DateFigure:
    start: int
    end: int
    bound: Bound
    low: float
    high: float | None
    period_end: float  # for deciding whether the date is in the past (historic)


@cache
def _date_re() -> re.Pattern[str]:
    month = "|".join(sorted(MONTHS, key=len, reverse=True))
    year = r"(?:19|20)[0-9]{2}"
    return re.compile(
        r"(?:(?P<prep>(?i:by|before|until|till|through|since|after|from|in|during|on|as\s+of|"
        r"no\s+later\s+than|not\s+later\s+than|starting|beginning))\s+)?"
        r"(?:(?P<edge>(?i:the\s+)?(?i:end|start|beginning|close|middle)\s+(?i:of)\s+)"
        r"(?:(?i:the)\s+)?)?"
        rf"(?:(?P<day1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon1>{month})(?:,?\s+(?P<y1>{year}))?"
        rf"|(?P<mon2>{month})(?:\s+(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y2>{year}))?"
        rf"|(?P<y3>{year})"
        r"|(?P<rel>(?i:this\s+year|next\s+year|last\s+year|the\s+year|year-end)))"
        r"(?![\w-])"
    )


@cache
def _anchor_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # Every date names a year, a month or "year": finding those first is ~50x cheaper than
    # trying the full pattern (with its optional preposition) at every position. Three
    # simple patterns (a leading \b or a case-insensitive part would make the engine try
    # every position) are ~3x cheaper than one alternation.
    month = "|".join(sorted(MONTHS, key=len, reverse=True))
    return (
        re.compile(r"(?:19|20)[0-9]{2}"),
        re.compile(rf"(?:{month})\b"),  # the \b in front is checked by hand
        re.compile("year"),  # on the lower-cased text
    )


def _anchors(text: str) -> list[tuple[int, int]]:
    years, months, year_word = _anchor_res()
    found = [m.span() for m in years.finditer(text)]
    found += [
        m.span()
        for m in months.finditer(text)
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
    ]
    found += [m.span() for m in year_word.finditer(lower_same_length(text))]
    found.sort()
    return found


def _matches(text: str) -> list[re.Match[str]]:
    """Full date matches, found only around anchors; non-overlapping, earliest first."""
    pattern = _date_re()
    out: list[re.Match[str]] = []
    covered = -1
    for a_start, a_end in _anchors(text):
        if a_start < covered:
            continue
        for m in pattern.finditer(text, max(0, a_start - 48), a_end + 16):
            if m.start() <= a_start < m.end() and m.start() >= covered:
                out.append(m)
                covered = m.end()
                break
    return out


def _ts(year: int, month: int, day: int) -> float:
    return datetime(year, month, day, tzinfo=UTC).timestamp()


def _period(year: int, month: int | None, day: int | None) -> tuple[float, float]:
    if month is None:
        return _ts(year, 1, 1), _ts(year + 1, 1, 1) - 1
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return _ts(year, month, 1), _ts(year, month, last) + 86_399
    day = min(max(day, 1), last)
    return _ts(year, month, day), _ts(year, month, day) + 86_399


def find_dates(text: str, published: datetime) -> list[DateFigure]:
    """Every date expression in `text` that names a day, month, year or year-relative period.

    Bare years with no preposition or "end of" are skipped: a year standing alone is context,
    not a date figure. So are "on 2019" and a relative year ("last year", "next year") after
    anything but a deadline or start preposition ("by next year", "since last year").
    """
    out: list[DateFigure] = []
    for m in _matches(text):
        prep = " ".join((m.group("prep") or "").lower().split())
        edge = (m.group("edge") or "").lower()
        mon_name = m.group("mon1") or m.group("mon2")
        day_text = m.group("day1") or m.group("day2")
        year_text = m.group("y1") or m.group("y2") or m.group("y3")
        rel = " ".join((m.group("rel") or "").lower().split())
        if m.group("y3") and not (prep in _YEAR_PREPS or edge):
            continue
        if mon_name == "May" and not (day_text or year_text or prep or edge):
            continue  # "May" the modal verb
        if rel:
            if not (prep in _RELATIVE_PREPS or edge) and rel != "year-end":
                continue
            year = published.year + {"next year": 1, "last year": -1}.get(rel, 0)
        else:
            year = int(year_text) if year_text else published.year
        month = MONTHS[mon_name] if mon_name else None
        day = int(day_text) if day_text else None
        if day is not None and not 1 <= day <= 31:
            continue
        start, end = _period(year, month, day)
        if "end" in edge or "close" in edge or rel == "year-end":
            start = end
        elif "start" in edge or "beginning" in edge:
            end = start
        bound: Bound
        high: float | None
        if prep in _UPPER:
            bound, low, high = "upper", 0.0, start - 1 if prep == "before" else end
        elif prep in _LOWER:
            bound, low, high = "lower", end + 1 if prep == "after" else start, None
        elif start == end or day is not None:
            bound, low, high = "exact", start, start
        else:
            bound, low, high = "range", start, end
        out.append(DateFigure(m.start(), m.end(), bound, low, high, end))
    return out

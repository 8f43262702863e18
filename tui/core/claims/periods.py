"""Calendar arithmetic for dates in news: periods as [start, end] POSIX seconds (UTC), the
end being the last second of the period, and choosing the year or week a partial date
("March", "Monday", "December 17") most likely means, seen from the publication day."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tui.core.models import Bound, Kind

DAY = 86_400
Period = tuple[float, float]


@dataclass(slots=True)
class DateFigure:
    """A date (values in POSIX seconds) or a duration (values in `unit`s) in the text."""

    start: int
    end: int
    bound: Bound
    low: float
    high: float | None
    period_end: float  # for deciding whether the date is in the past (historic)
    kind: Kind = "date"
    unit: str | None = None  # a duration's unit: "days", "months", "years"
    period_start: float = 0.0
    planned: bool = False  # "within 14 days", "the next 24 hours": a span still to come
    # False for a bare or relative year after no deadline preposition: "a plan agreed on
    # last year" dates the agreement, not the withdrawal in the same clause.
    can_date_event: bool = True


def ts(d: date) -> float:
    return datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp()


def days(first: date, last: date) -> Period:
    """From the first second of `first` to the last second of `last`."""
    return ts(first), ts(last) + DAY - 1


def year_period(year: int) -> Period:
    return days(date(year, 1, 1), date(year, 12, 31))


def month_period(year: int, month: int) -> Period:
    return days(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def safe_day(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def shift_months(d: date, months: int) -> tuple[int, int]:
    """(year, month) `months` months after `d` (negative: before)."""
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def week_period(today: date, weeks: int) -> Period:
    """The Monday-to-Sunday week `weeks` weeks after the one holding `today`."""
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)
    return days(monday, monday + timedelta(days=6))


def weekday_date(today: date, weekday: int, lean: str) -> date:
    """The day named by a weekday (0 = Monday). `lean`: "past" is the latest one on or
    before today (news mostly reports what happened), "future" the first on or after it,
    "last" strictly before, "next" strictly after."""
    back = (today.weekday() - weekday) % 7
    ahead = (weekday - today.weekday()) % 7
    if lean == "last":
        return today - timedelta(days=back or 7)
    if lean == "next":
        return today + timedelta(days=ahead or 7)
    if lean == "future":
        return today + timedelta(days=ahead)
    return today - timedelta(days=back)


def month_year(today: date, month: int, lean: str) -> int:
    """The year of a month named without one. "past"/"last": its latest occurrence (this
    month counts for "past"); "future"/"next": its next one; "near": the nearer of the two,
    favouring the past (a report mostly looks back): "November" read in February is last
    November, "January" read in late December is next January."""
    back = (today.month - month) % 12
    ahead = (month - today.month) % 12
    if lean == "last":
        back = back or 12
    if lean == "next":
        ahead = ahead or 12
    if lean in ("past", "last") or (lean == "near" and back <= ahead + 2):
        return today.year - (1 if month > today.month or (lean == "last" and back == 12) else 0)
    return today.year + (1 if month < today.month or (lean == "next" and ahead == 12) else 0)


def day_month_year(today: date, month: int, day: int, lean: str) -> date | None:
    """The date of "December 17" with no year, as ``month_year`` chooses, by the day."""
    candidates = [
        d for y in (today.year - 1, today.year, today.year + 1) if (d := safe_day(y, month, day))
    ]
    if not candidates:
        return None
    past = [d for d in candidates if d <= today]
    future = [d for d in candidates if d >= today]
    if lean in ("future", "next") and future:
        return future[0]
    if lean in ("past", "last") and past:
        return past[-1]
    if past and future:
        # A past date wins unless the future one is much nearer.
        return (
            past[-1] if (today - past[-1]).days <= 3 * (future[0] - today).days + 7 else future[0]
        )
    return (past or future)[-1 if past else 0]


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def part_of(period: Period, edge: str) -> Period:
    """A part of a period: "end"/"close" is its last second, "start" its first, "early",
    "mid" and "late" its thirds, "first half"/"second half", the quarters."""
    start, end = period
    span = end + 1 - start
    if edge in ("end", "close", "turn"):
        return end, end
    if edge in ("start", "beginning"):
        return start, start
    thirds = {"early": 0, "mid": 1, "middle": 1, "late": 2}
    first = datetime.fromtimestamp(start, UTC).date()
    whole_year = first.month == 1 and first.day == 1 and span >= 365 * DAY
    if edge in thirds and whole_year:  # early 2024: January to April
        index = thirds[edge]
        return month_period(first.year, 1 + 4 * index)[0], month_period(first.year, 4 + 4 * index)[
            1
        ]
    if edge in thirds:
        third = span / 3
        lo = start + thirds[edge] * third
        return _day_floor(lo), _day_floor(lo + third) - 1 if edge != "late" else end
    if edge in _PARTS:
        index, count = _PARTS[edge]
        if whole_year:  # a year: by months
            months = 12 // count
            lo_first = month_period(first.year, 1 + index * months)[0]
            return lo_first, month_period(first.year, (index + 1) * months)[1]
        lo = start + span * index / count
        hi = end if index == count - 1 else _day_floor(start + span * (index + 1) / count) - 1
        return _day_floor(lo), hi
    return period


_PARTS = {"first half": (0, 2), "second half": (1, 2), "last half": (1, 2)}
_PARTS |= {f"{w} quarter": (i, 4) for i, w in enumerate(("first", "second", "third", "fourth"))}
_PARTS |= {"last quarter": (3, 4), "final quarter": (3, 4)}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season_period(year: int, season: str) -> Period:
    """Northern-hemisphere meteorological seasons; winter runs into the next year."""
    first = SEASONS[season]
    last_year, last_month = shift_months(date(year, first, 1), 2)
    return month_period(year, first)[0], month_period(last_year, last_month)[1]


def _day_floor(seconds: float) -> float:
    return seconds - seconds % DAY

"""Dates, deadlines and durations read against a fixed publication day (a Wednesday).

Each case says why it reads as it does. Dates are shown as ISO days (the first and last
day of the period); a duration's values are numbers of its unit.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.claims import extract_claims
from tui.core.claims.dates import find_dates
from tui.core.claims.periods import DateFigure

PUB = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)  # Wednesday 11 June 2025

Row = tuple[str, str, str, object, object]


def _day(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, UTC).date().isoformat()


def _row(text: str, d: DateFigure) -> Row:
    surface = text[d.start : d.end]
    if d.kind == "duration":
        return (surface, d.kind, d.bound, d.low, d.high)
    if d.bound == "upper":
        return (surface, d.kind, d.bound, None, _day(d.high))
    return (surface, d.kind, d.bound, _day(d.low), _day(d.high))


def read(text: str) -> list[Row]:
    return [_row(text, d) for d in find_dates(text, PUB)]


D, U = "date", "duration"

CASES = [
    # -- weekdays and relative periods ------------------------------------------------------
    (
        "Rebels shelled the town on Saturday.",
        [("on Saturday", D, "exact", "2025-06-07", "2025-06-07")],
        "a bare weekday is the latest one on or before the publication day",
    ),
    (
        "Talks will resume on Monday.",
        [("on Monday", D, "exact", "2025-06-16", "2025-06-16")],
        "a future verb in the date's own clause looks ahead",
    ),
    (
        "The road reopened, the governor said on Monday.",
        [("on Monday", D, "exact", "2025-06-09", "2025-06-09")],
        "'said' is no future: the past Monday",
    ),
    (
        "The toll had risen to 1,200 by Tuesday.",
        [("by Tuesday", D, "upper", None, "2025-06-10")],
        "a deadline closing on a past count is the one just passed",
    ),
    (
        "The toll will rise to 1,200 by Tuesday.",
        [("by Tuesday", D, "upper", None, "2025-06-17")],
        "a deadline with a future verb is the one ahead",
    ),
    (
        "By August, 40,000 people had fled the area.",
        [("By August", D, "upper", None, "2024-08-31")],
        "a deadline opening its clause takes the tense of the clause after it",
    ),
    (
        "If the road is not cleared by Friday, the vote moves.",
        [("by Friday", D, "upper", None, "2025-06-13")],
        "a condition keeps a deadline ahead, passive past participle or not",
    ),
    (
        "The envoys were told to finish by Friday.",
        [("by Friday", D, "upper", None, "2025-06-13")],
        "a plan told in the past (an infinitive before the date) is still ahead",
    ),
    (
        "Payrolls grew by 204,000 in August.",
        [("in August", D, "range", "2024-08-01", "2024-08-31")],
        "a thousands comma is no clause break: the past verb before it counts",
    ),
    (
        "The army took the city last week.",
        [("last week", D, "range", "2025-06-02", "2025-06-08")],
        "last week is the Monday-to-Sunday week before this one",
    ),
    (
        "A vote is due next month.",
        [("next month", D, "range", "2025-07-01", "2025-07-31")],
        "next month is the calendar month after publication",
    ),
    (
        "Shelling resumed earlier this month.",
        [("earlier this month", D, "range", "2025-06-01", "2025-06-11")],
        "earlier this month runs to the publication day",
    ),
    (
        "Five days ago the dam burst.",
        [("Five days ago", D, "exact", "2025-06-06", "2025-06-06")],
        "counted back from the publication day",
    ),
    (
        "The girls were taken about a week ago.",
        [("about a week ago", D, "approx", "2025-06-04", "2025-06-04")],
        "'about' makes it approximate",
    ),
    (
        "Fighting raged between Sunday and Wednesday.",
        [("between Sunday and Wednesday", D, "range", "2025-06-08", "2025-06-11")],
        "between X and Y is one range",
    ),
    # -- months and days --------------------------------------------------------------------
    (
        "Prices rose in March.",
        [("in March", D, "range", "2025-03-01", "2025-03-31")],
        "a month with no year is the nearer one, favouring the past",
    ),
    (
        "In November, aid deliveries stopped.",
        [("In November", D, "range", "2024-11-01", "2024-11-30")],
        "November read in June is last November",
    ),
    (
        "A census is planned for November.",
        [("for November", D, "range", "2025-11-01", "2025-11-30")],
        "a plan word makes it the coming November",
    ),
    (
        "The floods of last March ruined the harvest.",
        [("of last March", D, "range", "2025-03-01", "2025-03-31")],
        "last March is the latest March before this month",
    ),
    (
        "The siege began on 14 February 2024.",
        [("on 14 February 2024", D, "exact", "2024-02-14", "2024-02-14")],
        "day month year",
    ),
    (
        "Fighting resumed on May 29.",
        [("on May 29", D, "exact", "2025-05-29", "2025-05-29")],
        "month day, with 'May' as a month because a day follows",
    ),
    (
        "The vote was held Tuesday, June 25, 2024.",
        [("Tuesday, June 25, 2024", D, "exact", "2024-06-25", "2024-06-25")],
        "a weekday followed by its date is one date",
    ),
    (
        "Protests were held on 29 and 30 May.",
        [("on 29 and 30 May", D, "range", "2025-05-29", "2025-05-30")],
        "two days of one month",
    ),
    (
        "The fiscal year runs from October to September.",
        [("from October to September", D, "range", "2024-10-01", "2025-09-30")],
        "a range runs forwards: September is the one after October",
    ),
    # -- years, edges, deadlines ------------------------------------------------------------
    (
        "Aid has flowed since April 2023.",
        [("since April 2023", D, "lower", "2023-04-01", None)],
        "since gives a lower bound",
    ),
    (
        "Exports fell 3% in October.",
        [("in October", D, "range", "2024-10-01", "2024-10-31")],
        "a change told in the past happened in the last October, not the next",
    ),
    (
        "Talks resume in October.",
        [("in October", D, "range", "2025-10-01", "2025-10-31")],
        "with no past verb, the nearer October is the one to come",
    ),
    (
        "It was the party's worst result since 1887.",
        [("since 1887", D, "lower", "1887-01-01", None)],
        "a year before 1900 after 'since' is a year",
    ),
    (
        "The bridge opened in 1883.",
        [("in 1883", D, "range", "1883-01-01", "1883-12-31")],
        "an old year that ends the clause is a year",
    ),
    (
        "Fire destroyed 1500 homes in 1500 streets.",
        [],
        "an old-looking number before a noun counts",
    ),
    (
        "The pullout will be over by December.",
        [("by December", D, "upper", None, "2025-12-31")],
        "a deadline with a future verb is the next December, though the last is as near",
    ),
    (
        "The pullout was over by December.",
        [("by December", D, "upper", None, "2024-12-31")],
        "with no future verb a deadline month is the nearer one, the past first",
    ),
    (
        "The pullout is to be over by the end of the month.",
        [("by the end of the month", D, "upper", None, "2025-06-30")],
        "the end of 'the month' is the end of the current one",
    ),
    (
        "Troops must leave by the end of 2027.",
        [("by the end of 2027", D, "upper", None, "2027-12-31")],
        "by gives an upper bound: the last day of the period",
    ),
    (
        "Voters must register before 1 July.",
        [("before 1 July", D, "upper", None, "2025-06-30")],
        "before is the day before",
    ),
    (
        "The 2015 nuclear deal collapsed.",
        [("2015", D, "range", "2015-01-01", "2015-12-31")],
        "the year of a named event is a date",
    ),
    (
        "The region was calm in the 1990s.",
        [("in the 1990s", D, "range", "1990-01-01", "1999-12-31")],
        "a decade",
    ),
    (
        "Output fell in the first quarter of 2024.",
        [("in the first quarter of 2024", D, "range", "2024-01-01", "2024-03-31")],
        "a quarter of a year, by months",
    ),
    (
        "Inflation peaked in mid-2021.",
        [("in mid-2021", D, "range", "2021-05-01", "2021-08-31")],
        "mid- is the middle third",
    ),
    (
        "Reinforcements arrive in late September-early October.",
        [("in late September-early October", D, "range", "2025-09-21", "2025-10-10")],
        "two ends joined by a dash",
    ),
    (
        "The dam must be repaired by Easter.",
        [("by Easter", D, "upper", None, "2026-04-05")],
        "Easter is computed; by looks ahead, to the next one",
    ),
    (
        "The deadline was 14.02.2024, the court said.",
        [("14.02.2024", D, "exact", "2024-02-14", "2024-02-14")],
        "day.month.year",
    ),
    (
        "Filed on 09/25/2024 in Texas.",
        [("on 09/25/2024", D, "exact", "2024-09-25", "2024-09-25")],
        "a second number over 12 makes it month/day/year",
    ),
    ("Filed on 03/04/2024 in Texas.", [], "day/month or month/day: no guess"),
    ("Figures from OCHA 26/08/2022 were used.", [], "a citation date"),
    # -- other languages ---------------------------------------------------------------------
    (
        "Am Montag kamen die Helfer.",
        [("Am Montag", D, "exact", "2025-06-09", "2025-06-09")],
        "German weekday",
    ),
    (
        "Selenskyj hatte am Montag gesagt.",
        [("am Montag", D, "exact", "2025-06-09", "2025-06-09")],
        "a German name switches to the other languages' words even with no other hint",
    ),
    (
        "Pasukan tiba pada bulan Juni.",
        [("bulan Juni", D, "range", "2025-06-01", "2025-06-30")],
        "Indonesian 'bulan' (month) before the name",
    ),
    (
        "Llegaron el 13 de enero.",
        [("13 de enero", D, "exact", "2025-01-13", "2025-01-13")],
        "Spanish day of month",
    ),
    (
        "Les combats ont repris en mars.",
        [("en mars", D, "range", "2025-03-01", "2025-03-31")],
        "French month",
    ),
    (
        "Os corpos chegaram na sexta-feira.",
        [("sexta-feira", D, "exact", "2025-06-06", "2025-06-06")],
        "Portuguese weekday",
    ),
    # -- not dates ---------------------------------------------------------------------------
    ("Resolution 2231 and the Finance Bill 2024 were debated.", [], "numbers inside names"),
    ("Police said 2019 people were detained.", [], "a year-like number that counts people"),
    ("Theresa May met the envoy.", [], "May as a name needs a day, a year or a preposition"),
    ("The Sunday Times first reported it.", [], "a newspaper's name"),
    ("Sales grew, an increase from last month.", [], "a comparison, not a date"),
    ("The budget for this year's campaign grew.", [], "an attribute, not a date"),
    ("Inflation rose 3% from a year ago.", [], "a year-on-year comparison"),
    # -- durations ---------------------------------------------------------------------------
    ("The 15-month siege ended.", [("15-month", U, "exact", 15.0, 15.0)], "a hyphenated span"),
    (
        "Leave within 14 days, the order said.",
        [("within 14 days", U, "upper", 0.0, 14.0)],
        "within is an upper bound",
    ),
    ("He was held for three years.", [("three years", U, "exact", 3.0, 3.0)], "spelled number"),
    ("He got a 10-year sentence.", [("10-year", U, "exact", 10.0, 10.0)], "a sentence's length"),
    (
        "The feud lasted more than half a century.",
        [("more than half a century", U, "lower", 50.0, None)],
        "half a century is 50 years; more than is a lower bound",
    ),
    (
        "Talks dragged on for nearly a decade.",
        [("nearly a decade", U, "upper", 0.0, 10.0)],
        "a decade is 10 years; nearly is an upper bound",
    ),
    (
        "Storms are expected over the next 24 to 36 hours.",
        [("the next 24 to 36 hours", U, "range", 24.0, 36.0)],
        "a range of hours",
    ),
    (
        "The camp has been full for several months.",
        [("several months", U, "vague", 3.0, 9.0)],
        "several is 3 to 9",
    ),
    (
        "Buscaron a los desaparecidos durante tres días.",
        [("tres días", U, "exact", 3.0, 3.0)],
        "Spanish",
    ),
    (
        "A seca dura mais de um século.",
        [("mais de um século", U, "lower", 100.0, None)],
        "Portuguese",
    ),
    (
        "Rescue is hard in the 34-month-old war.",
        [("34-month-old", U, "exact", 34.0, 34.0)],
        "the age of a war is a duration",
    ),
    ("A 45-year-old man was arrested.", [], "a person's age is not a figure"),
    ("The clinic opens twice a day.", [], "a rate, not a span"),
    ("Users may swap 25 songs a month.", [], "a rate after a plural count"),
    (
        "It has been a month since the vote.",
        [("a month", U, "exact", 1.0, 1.0)],
        "'has' is no plural count: a span",
    ),
    (
        "The tools were made 1,500 years ago.",
        [("1,500 years ago", D, "range", "0525-01-01", "0525-12-31")],
        "a number with a thousands comma counts back too",
    ),
    ("One day the troops will leave.", [], "'one day' as 'some day'"),
    (
        "The glacier carved this valley 250,000 years ago.",
        [],
        "deep time is no calendar date (and once crashed the reader)",
    ),
    ("The star burst 90,000,000 days ago.", [], "nor is a count of days beyond any calendar"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[0][:40] for c in CASES])
def test_dates_and_durations(text: str, expected: list[Row], why: str) -> None:
    assert read(text) == expected, why


@pytest.mark.parametrize(
    ("text", "surface", "thing", "as_of", "why"),
    [
        (
            "Rebels shelled the town on Saturday.",
            "on Saturday",
            None,
            "current",
            "a date with no event word is still a claim, with no thing",
        ),
        (
            "The withdrawal will be finished by September 2026.",
            "by September 2026",
            "withdrawal",
            "current",
            "an event word in the clause names the date's event",
        ),
        (
            "The alliance's training mission in the region will end by March 2027.",
            "by March 2027",
            "mission end",
            "current",
            "a mission and its end with words between them",
        ),
        (
            "The withdrawal ends in 2026, officials said on Monday.",
            "on Monday",
            None,
            "current",
            "a day in another clause dates no withdrawal",
        ),
        (
            "Troops withdrew from Iraq in 2011.",
            "in 2011",
            "withdrawal",
            "historic",
            "a past event date is historic, so the ledger never compares it",
        ),
        ("Elections were held in 2019.", "in 2019", None, "historic", "a past year is historic"),
        ("A vote is due next month.", "next month", None, "planned", "a date still to come"),
        (
            "Leave within 14 days, the order said.",
            "within 14 days",
            "days",
            "planned",
            "a span still to run; its thing is the unit",
        ),
    ],
)
def test_date_claims(text: str, surface: str, thing: str | None, as_of: str, why: str) -> None:
    claims = {c.surface: c for c in extract_claims(text, published=PUB)}
    assert surface in claims, (why, list(claims))
    claim = claims[surface]
    assert (claim.thing, claim.as_of) == (thing, as_of), why


def test_a_date_after_a_line_break_keeps_its_lead_words() -> None:
    """Paragraphs end in line breaks: "A week" and "since 2019" after one are read whole."""
    text = "The quake struck.\n\nA week has passed.\nAid has flowed\nsince 2019."
    assert [r[:3] for r in read(text)] == [
        ("A week", "duration", "exact"),
        ("since 2019", "date", "lower"),
    ]


def test_a_duration_is_not_also_a_count() -> None:
    """The span found by the date pass is kept from the quantity finder: "10-year" is no
    count of 10, and the 3 men are still counted."""
    claims = extract_claims("A 10-year sentence was handed to 3 men.", published=PUB)
    assert [(c.surface, c.kind) for c in claims] == [("10-year", "duration"), ("3", "count")]


def test_a_bare_date_has_no_place_actor_or_source() -> None:
    """Nothing downstream keys on them, and skipping them keeps extraction cheap."""
    (claim,) = extract_claims("In Iraq, the Pentagon said on Friday.", published=PUB)
    assert (claim.kind, claim.place, claim.actor, claim.source) == ("date", None, None, None)

"""Table tests for the ledger verdicts (tui/core/ledger.py): one row per rule or edge."""

from __future__ import annotations

import dataclasses
import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.ledger import (
    Decision,
    Interval,
    Observation,
    decide,
    describe_value,
    interval_of,
    margin_of,
    normalise_source,
    restates,
    within_margin,
)
from tui.core.models import AsOf, Bound, Claim, Kind, Verdict

T0 = datetime(2025, 9, 1, 12, tzinfo=UTC)
SEP30 = datetime(2025, 9, 30, tzinfo=UTC).timestamp()
DAY = 86_400.0
INF = math.inf


def claim(
    low: float,
    high: float | None = None,
    *,
    bound: Bound = "exact",
    kind: Kind = "count",
    as_of: AsOf = "current",
    surface: str = "",
    unit: str | None = None,
    start: int = 0,
    thing: str | None = "troops",
) -> Claim:
    """A claim about US troops in Iraq; `high` defaults to the convention for `bound`."""
    if high is None and bound in ("exact", "approx"):
        high = low
    return Claim(
        surface=surface or str(low),
        kind=kind,
        bound=bound,
        low=low,
        high=high,
        unit=unit,
        thing=thing,
        place="Iraq",
        actor="US",
        source=None,
        predicate="presence",
        as_of=as_of,
        sentence="",
        start=start,
        end=start + 1,
    )


def obs(
    c: Claim, source: str = "Pentagon", hours: float = 0, report: str = "", revision: int = 1
) -> Observation:
    """An observation `hours` after T0; each source gets its own report unless one is given."""
    return Observation(
        c, report or f"feed\x1f{source}-{hours}", revision, source, T0 + timedelta(hours=hours)
    )


def approx(v: float) -> Claim:
    return claim(v, bound="approx")


def over(v: float) -> Claim:
    return claim(v, bound="lower")


def under(v: float) -> Claim:
    return claim(0, v, bound="upper")


def toll(v: float, *, bound: Bound = "exact", thing: str = "deaths") -> Claim:
    """A casualty count ("killed", "injured", "missing") rather than a troop level."""
    high = None if bound == "lower" else v
    return dataclasses.replace(claim(v, high, bound=bound, thing=thing), predicate="casualty")


def plan(c: Claim) -> Claim:
    return dataclasses.replace(c, as_of="planned")


# -- interval_of --------------------------------------------------------------------------------

INTERVALS = [
    ("exact-precise-no-halo", claim(2513), (2513, 2513)),
    ("exact-2510-three-sig-figs-no-halo", claim(2510), (2510, 2510)),
    ("exact-2500-two-sig-figs-2pct", claim(2500), (2450, 2550)),
    ("exact-3000-one-sig-fig-5pct", claim(3000), (2850, 3150)),
    ("exact-small-5-not-round", claim(5), (5, 5)),
    ("exact-50-round", claim(50), (47.5, 52.5)),
    ("exact-zero", claim(0), (0, 0)),
    ("exact-fraction-no-halo", claim(2.5), (2.5, 2.5)),
    ("approx-10pct", approx(2500), (2250, 2750)),
    ("lower-open", over(3000), (3000, INF)),
    ("upper-from-zero", claim(0, 500, bound="upper"), (0, 500)),
    ("range", claim(2000, 2500, bound="range"), (2000, 2500)),
    ("range-reversed-is-sorted", claim(2500, 2000, bound="range"), (2000, 2500)),
    ("vague-table", claim(24, 99, bound="vague"), (24, 99)),
    ("vague-open", claim(1000, None, bound="vague"), (1000, INF)),
    ("money-round", claim(2.5e9, kind="money"), (2.45e9, 2.55e9)),
    ("percent-precise", claim(12, kind="percent"), (12, 12)),
    ("date-exact-whole-day", claim(SEP30, kind="date"), (SEP30, SEP30 + DAY - 1)),
    ("date-midday-floors", claim(SEP30 + 3600, kind="date"), (SEP30, SEP30 + DAY - 1)),
    ("date-approx-3-days", claim(SEP30, bound="approx", kind="date"),
     (SEP30 - 3 * DAY, SEP30 + 4 * DAY - 1)),
    # A deadline is its boundary day, so a moved deadline never overlaps the old one.
    ("date-upper-by", claim(0, SEP30, bound="upper", kind="date"), (SEP30, SEP30 + DAY - 1)),
    ("date-lower-since", claim(SEP30, None, bound="lower", kind="date"), (SEP30, SEP30 + DAY - 1)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("c", "expected"), [p[1:] for p in INTERVALS], ids=[p[0] for p in INTERVALS]
)
def test_interval_of(c: Claim, expected: tuple[float, float]) -> None:
    got = interval_of(c)
    assert (got.low, got.high) == pytest.approx(expected)


OVERLAPS = [
    ("touching-ends", Interval(0, 10), Interval(10, 20), True),
    ("disjoint", Interval(0, 10), Interval(11, 20), False),
    ("inside", Interval(0, 100), Interval(10, 20), True),
    ("open-ended", Interval(3000, INF), Interval(1e9, 1e9), True),
    ("below-open", Interval(3000, INF), Interval(2250, 2750), False),
]


@pytest.mark.parametrize(
    ("a", "b", "expected"), [p[1:] for p in OVERLAPS], ids=[p[0] for p in OVERLAPS]
)
def test_overlaps_is_symmetric(a: Interval, b: Interval, expected: bool) -> None:
    assert a.overlaps(b) is expected
    assert b.overlaps(a) is expected


# The bounds table of ledger.py, row by row: what each figure is *close to*.
MARGINS = [
    ("exact-precise", claim(2513), (2513, 2513)),
    ("exact-round-keeps-halo", claim(2500), (2450, 2550)),
    ("approx-10pct", approx(2500), (2250, 2750)),
    # A lower bound is close only to values just above it, not to everything above it.
    ("lower-just-above", over(5200), (5200, 5720)),
    # "nearly 4,000" is close to values just under 4,000.
    ("upper-just-below", under(4000), (3600, 4000)),
    ("range-two-sided", claim(2000, 2500, bound="range"), (2000, 2500)),
    ("vague-two-sided", claim(24, 99, bound="vague"), (24, 99)),
    ("vague-open-like-lower", claim(1000, None, bound="vague"), (1000, 1100)),
    ("date-keeps-its-day", claim(0, SEP30, bound="upper", kind="date"), (SEP30, SEP30 + DAY - 1)),
]


@pytest.mark.parametrize(("c", "expected"), [p[1:] for p in MARGINS], ids=[p[0] for p in MARGINS])
def test_margin_of(c: Claim, expected: tuple[float, float]) -> None:
    got = margin_of(c)
    assert (got.low, got.high) == pytest.approx(expected)


SMALL_MOVES = [
    # The cases: a one-sided bound is never a small move far outside its halo.
    ("at-least-five-after-2500-is-big", claim(5, bound="lower"), claim(2500), False),
    ("over-80-after-2500-is-big", over(80), claim(2500), False),
    ("nearly-4000-after-3958-is-quiet", under(4000), claim(3958), True),
    ("more-than-35000-then-35418-is-quiet", claim(35418), over(35000), True),
    ("more-than-5200-to-6500-is-big", over(6500), over(5200), False),
    ("more-than-6500-to-11300-is-big", claim(11300), over(6500), False),
    ("about-2400-after-about-2500", approx(2400), approx(2500), True),
    ("exact-far-apart", claim(2000), claim(2500), False),
]


@pytest.mark.parametrize(
    ("new", "old", "expected"), [p[1:] for p in SMALL_MOVES], ids=[p[0] for p in SMALL_MOVES]
)
def test_within_margin(new: Claim, old: Claim, expected: bool) -> None:
    assert within_margin(new, old) is expected
    assert within_margin(old, new) is expected


# -- restatement and sources --------------------------------------------------------------------

RESTATES = [
    ("same-exact", claim(2500), claim(2500), True),
    ("exact-to-approx", approx(2500), claim(2500), True),
    ("approx-to-exact", claim(2500), approx(2500), True),
    ("over-to-more-than", over(3000), over(3000), True),
    ("approx-small-move", approx(2400), approx(2500), False),
    ("lower-vs-exact-same-number", claim(3000), over(3000), False),
    ("upper-vs-upper", claim(0, 500, bound="upper"), claim(0, 500, bound="upper"), True),
    ("range-same", claim(2000, 2500, bound="range"), claim(2000, 2500, bound="range"), True),
    ("range-moved", claim(2000, 2600, bound="range"), claim(2000, 2500, bound="range"), False),
    ("degenerate-range-is-a-point", claim(2500, 2500, bound="range"), claim(2500), True),
    ("date-same-day", claim(SEP30 + 60, kind="date"), claim(SEP30, kind="date"), True),
    ("date-next-day", claim(SEP30 + DAY, kind="date"), claim(SEP30, kind="date"), False),
]


@pytest.mark.parametrize(
    ("new", "old", "expected"), [p[1:] for p in RESTATES], ids=[p[0] for p in RESTATES]
)
def test_restates(new: Claim, old: Claim, expected: bool) -> None:
    assert restates(new, old) is expected


SOURCES = [
    ("article", "the Pentagon", "Pentagon"),
    ("case", "PENTAGON", "pentagon"),
    ("spaces-and-dot", "  The   Pentagon. ", "pentagon"),
    ("multiword", "Iraqi Sources", "iraqi sources"),
]


@pytest.mark.parametrize(("a", "b"), [p[1:] for p in SOURCES], ids=[p[0] for p in SOURCES])
def test_normalise_source(a: str, b: str) -> None:
    assert normalise_source(a) == normalise_source(b)


def test_different_sources_stay_different() -> None:
    assert normalise_source("the Pentagon") != normalise_source("Iraqi sources")


# -- decide ---------------------------------------------------------------------------------------

R = "feed\x1fr1"
WINDOW = 72
C, V, X, D, N = Verdict.CHANGED, Verdict.REVISED, Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.NEW

# (id, ledger, new, verdict, index of `against` in ledger or None, within_margin)
DECIDE: list[tuple[str, list[Observation], Observation, Verdict | None, int | None, bool]] = [
    # rule 1: historic
    ("historic-is-none", [obs(claim(2500))],
     obs(claim(5200, as_of="historic"), hours=1), None, None, False),
    ("historic-alone-is-none", [], obs(claim(5200, as_of="historic")), None, None, False),
    # rule 2: new
    ("new-empty-ledger", [], obs(claim(2500)), N, None, False),
    ("new-ledger-only-historic", [obs(claim(5200, as_of="historic"))],
     obs(claim(2500), hours=1), N, None, False),
    ("new-ledger-holds-itself", [obs(claim(2500))], obs(claim(2500)), N, None, False),
    ("new-later-revision-ignored", [obs(claim(2000), report=R, revision=3)],
     obs(claim(2500), report=R, revision=2), N, None, False),
    # rules 3-4: revisions of the same report
    ("revised-new-figure", [obs(claim(2500), "Reuters", report=R)],
     obs(claim(2000), "Reuters", 2, report=R, revision=2), V, 0, False),
    ("revised-small-move", [obs(approx(2500), "Reuters", report=R)],
     obs(approx(2400), "Reuters", 2, report=R, revision=2), V, 0, True),
    ("revision-rewording-confirmed", [obs(claim(2500), "Reuters", report=R)],
     obs(approx(2500), "Reuters", 2, report=R, revision=2), X, 0, True),
    ("revision-vs-latest-earlier-confirmed",
     [obs(claim(2000), "Reuters", report=R), obs(claim(2500), "Reuters", 1, report=R, revision=2)],
     obs(claim(2500), "Reuters", 2, report=R, revision=3), X, 1, True),
    ("revision-vs-latest-earlier-revised",
     [obs(claim(2500), "Reuters", report=R), obs(claim(2000), "Reuters", 1, report=R, revision=2)],
     obs(claim(2500), "Reuters", 2, report=R, revision=3), V, 1, False),
    ("revised-beats-dispute", [obs(claim(2500), "Reuters", report=R),
     obs(claim(3000), "Pentagon", 1)],
     obs(claim(2000), "Reuters", 2, report=R, revision=2), V, 0, False),
    ("revision-source-normalised", [obs(claim(2500), "the Pentagon", report=R)],
     obs(claim(2000), "PENTAGON", 2, report=R, revision=2), V, 0, False),
    ("revision-adding-a-source-is-not-revised", [obs(approx(2500), "US government", report=R)],
     obs(over(3000), "Iraqi sources", 2, report=R, revision=2), D, 0, False),
    ("revision-skips-revision-without-own-claim",
     [obs(claim(2500), "Reuters", report=R),
      obs(over(3000), "Iraqi sources", 1, report=R, revision=2)],
     obs(claim(2000), "Reuters", 2, report=R, revision=3), V, 0, False),
    ("revision-picks-own-source-claim",
     [obs(approx(2500), "US government", report=R), obs(over(3000), "Iraqi sources", report=R)],
     obs(over(3000), "Iraqi sources", 2, report=R, revision=2), X, 1, True),
    # rules 5-6: the same source
    ("confirmed-same-exact", [obs(claim(2500))], obs(claim(2500), hours=5), X, 0, True),
    ("confirmed-exact-to-approx", [obs(claim(2500))], obs(approx(2500), hours=5), X, 0, True),
    ("confirmed-approx-to-exact", [obs(approx(2500))], obs(claim(2500), hours=5), X, 0, True),
    ("confirmed-over-to-more-than", [obs(over(3000))], obs(over(3000), hours=5), X, 0, True),
    ("confirmed-repeat-in-same-report", [obs(claim(2500), report=R)],
     obs(claim(2500, start=50), report=R), X, 0, True),
    ("changed-approx-small-move", [obs(approx(2500))], obs(approx(2400), hours=5), C, 0, True),
    ("changed-exact-big-move", [obs(claim(2500))], obs(claim(2000), hours=5), C, 0, False),
    ("changed-inside-round-halo", [obs(claim(2500))], obs(claim(2510), hours=5), C, 0, True),
    ("changed-precise-no-halo", [obs(claim(2513))], obs(claim(2514), hours=5), C, 0, False),
    ("changed-bound-only", [obs(over(3000))], obs(claim(3000), hours=5), C, 0, True),
    ("changed-vs-own-latest", [obs(claim(2500)), obs(claim(2000), hours=24)],
     obs(claim(2500), hours=48), C, 1, False),
    ("changed-vs-own-latest-any-order", [obs(claim(2000), hours=24), obs(claim(2500))],
     obs(claim(2000), hours=48), X, 0, True),
    ("same-source-beats-dispute", [obs(claim(2500)), obs(over(3000), "Iraqi sources")],
     obs(claim(2000), hours=24), C, 0, False),
    ("source-normalised-not-disputed", [obs(claim(2500), "the Pentagon")],
     obs(claim(2000), "PENTAGON", 24), C, 0, False),
    # rule 7: disputed
    ("disputed-in-window", [obs(approx(2500), "US government")],
     obs(over(3000), "Iraqi sources", 24),
     D, 0, False),
    ("disputed-same-report", [obs(approx(2500), "US government", report=R)],
     obs(claim(3000, bound="lower", start=80), "Iraqi sources", report=R), D, 0, False),
    ("disputed-window-edge-inclusive", [obs(claim(2500))],
     obs(claim(2000), "Reuters", WINDOW), D, 0, False),
    ("changed-just-outside-window", [obs(claim(2500))],
     obs(claim(2000), "Reuters", WINDOW + 1 / 3600),
     C, 0, False),
    ("disputed-window-symmetric", [obs(claim(2500), hours=WINDOW)],
     obs(claim(2000), "Reuters"), D, 0, False),
    ("disputed-although-another-agrees",
     [obs(claim(2500)), obs(claim(2000), "Reuters", 10)], obs(claim(2500), "AP", 20), D, 1, False),
    ("disputed-against-latest-rival",
     [obs(claim(2000), "Reuters"), obs(claim(1500), "BBC", 5)],
     obs(claim(2500), "AP", 10), D, 1, False),
    ("rival-updated-itself-no-dispute",
     [obs(claim(2000), "Reuters"), obs(claim(2500), "Reuters", 5)],
     obs(claim(2500), "AP", 10), X, 1, True),
    ("rival-outside-window-ignored",
     [obs(claim(2000), "Reuters"), obs(claim(2500), hours=100)],
     obs(claim(2500), "AP", 110), X, 1, True),
    # rules 8-9: against the latest overall
    ("other-source-restates", [obs(claim(2500))], obs(approx(2500), "Reuters", 5), X, 0, True),
    ("other-source-small-move", [obs(approx(2500))], obs(approx(2400), "Reuters", 5), C, 0, True),
    ("other-source-later-changed", [obs(claim(2500))],
     obs(claim(2000), "Reuters", 240), C, 0, False),
    ("other-source-vs-latest-overall", [obs(claim(2500)), obs(claim(2000), "BBC", 100)],
     obs(claim(2500), "AP", 240), C, 1, False),
    # rule 1b: a claim that counts nothing never alarms
    ("thingless-is-none", [obs(claim(2500))], obs(claim(3000, thing=None), "AP", 1),
     None, None, False),
    # the table: a rising toll of bounds and counts is a change at each step
    ("rising-bound-to-bound-changed", [obs(over(5200))], obs(over(6500), hours=24), C, 0, False),
    ("rising-bound-to-count-changed", [obs(over(5200)), obs(over(6500), hours=24)],
     obs(claim(11300), hours=48), C, 1, False),
    ("nearly-after-exact-quiet-move", [obs(claim(3958))], obs(under(4000), hours=5), C, 0, True),
    ("at-least-five-after-2500-big-move", [obs(claim(2500))],
     obs(claim(5, bound="lower"), hours=5), C, 0, False),
    # rule 1c: a toll only grows; far below every earlier word it is another event's or a
    # part's toll ("six killed in the aftershock" after "more than 41,000 dead")
    ("toll-far-below-every-word-is-none", [obs(toll(41000)), obs(toll(42000), "AP", 2)],
     obs(toll(6, bound="lower"), hours=5), None, None, False),
    ("injured-far-below-is-none", [obs(toll(105000, thing="injured"), "minister")],
     obs(toll(290, thing="injured"), "agency", 24), None, None, False),
    ("toll-revised-down-a-little-changed", [obs(toll(3419))], obs(toll(3385), hours=5),
     C, 0, False),
    # one misfiled word far above does not hide the figure's own level
    ("toll-below-one-word-only-judged", [obs(toll(41000), "UN"), obs(toll(3500), "medics", 1)],
     obs(toll(3612), "medics", 5), C, 1, False),
    # the missing are found, the displaced go home: those counts may fall far
    ("missing-may-fall-far", [obs(toll(1000, thing="missing"))],
     obs(toll(40, thing="missing"), hours=48), C, 0, False),
    # a troop level may fall far too: a withdrawal is that
    ("troops-may-fall-far", [obs(claim(2500))], obs(claim(200), hours=300), C, 0, False),
    # rule 4b: a rounded restatement in the same article version supports the figure
    ("supporting-in-same-report-confirmed", [obs(claim(5021), "AP", report=R)],
     obs(claim(5000, bound="lower", start=40), "AP", report=R), X, 0, True),
    # ...but a precise figure after a rounded one is the report's own news, not support
    ("precise-after-rounded-in-same-report-is-news", [obs(over(5000), "AP", report=R)],
     obs(claim(5021, start=40), "AP", report=R), C, 0, True),
    ("alternative-in-same-report-disputed",
     [obs(claim(2500), "US government", report=R)],
     obs(claim(3000, bound="lower", start=60), "Iraqi sources", report=R), D, 0, False),
    # side by side in one report a bound far below another source's count is an alternative
    ("bound-beside-count-in-report-disputed", [obs(claim(20534), "vice president", report=R)],
     obs(claim(11000, bound="lower", start=90), "president", report=R), D, 0, False),
    # ...but across reports "at least" a smaller number does not contradict a count
    ("bound-below-count-across-reports-changed", [obs(claim(20534), "vice president")],
     obs(claim(11000, bound="lower"), "president", 5), C, 0, False),
    # the rival shown: the one beside it in the report, then a named source, then the latest
    ("rival-beside-beats-later-elsewhere",
     [obs(claim(2500), "US government", report=R), obs(claim(900), "AP", 1)],
     obs(claim(3000, bound="lower", start=60), "Iraqi sources", report=R), D, 0, False),
    ("far-bound-in-same-report-not-support", [obs(claim(2500), "AP", report=R)],
     obs(claim(5, bound="lower", start=30), "AP", report=R), C, 0, False),
    # a source's other value beside it in the same text is no earlier word of its own: the
    # figure is an alternative to the other source it stands beside
    ("own-value-beside-is-no-update",
     [obs(claim(9000), "UN", report=R), obs(claim(3700), "medics", report=R)],
     obs(claim(6000, bound="approx", start=90), "UN", report=R), D, 1, False),
    # changes look back in time: a report ingested after later words is judged by what
    # came before it (feeds land in any order)
    ("out-of-order-own-later-word-not-baseline", [obs(claim(2500)), obs(claim(2000), hours=48)],
     obs(claim(2000), hours=24), C, 0, False),
    ("out-of-order-only-later-words-is-new", [obs(claim(2000), "Reuters", 100)],
     obs(claim(2500), "AP", 0), N, None, False),
    # plans and levels are separate ledgers
    ("plan-never-changes-level", [obs(claim(2500))],
     obs(plan(under(2000)), hours=5), N, None, False),
    ("level-ignores-plans", [obs(plan(under(2000)))], obs(claim(2500), hours=5), N, None, False),
    ("plan-restated-confirmed", [obs(plan(under(2000)))],
     obs(plan(under(2000)), "AP", 5), X, 0, True),
    ("plan-changed-vs-plan", [obs(plan(under(2000)))],
     obs(plan(under(1500)), hours=300), C, 0, False),
    ("plan-disputed-vs-plan", [obs(plan(claim(2000)))],
     obs(plan(claim(1000)), "Iraqi sources", 5), D, 0, False),
    # dates and vague figures
    ("date-by-same-day-confirmed", [obs(claim(0, SEP30, bound="upper", kind="date"))],
     obs(claim(0, SEP30 + 60, bound="upper", kind="date"), hours=5), X, 0, True),
    ("deadline-moved-is-a-real-change", [obs(claim(0, SEP30, bound="upper", kind="date"))],
     obs(claim(0, SEP30 + 90 * DAY, bound="upper", kind="date"), hours=5), C, 0, False),
    ("date-next-day-changed", [obs(claim(SEP30, kind="date"))],
     obs(claim(SEP30 + DAY, kind="date"), hours=5), C, 0, False),
    ("date-approx-near-changed-quietly", [obs(claim(SEP30, bound="approx", kind="date"))],
     obs(claim(SEP30 + 2 * DAY, bound="approx", kind="date"), hours=5), C, 0, True),
    ("date-far-disputed", [obs(claim(SEP30, kind="date"))],
     obs(claim(SEP30 + 90 * DAY, kind="date"), "Iraqi sources", 5), D, 0, False),
    ("vague-repeated-confirmed", [obs(claim(24, 99, bound="vague"))],
     obs(claim(24, 99, bound="vague"), hours=5), X, 0, True),
    ("vague-vs-thousands-disputed", [obs(claim(24, 99, bound="vague"))],
     obs(claim(3000), "Iraqi sources", 5), D, 0, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("ledger", "new", "verdict", "against", "within"),
    [p[1:] for p in DECIDE],
    ids=[p[0] for p in DECIDE],
)
def test_decide(
    ledger: list[Observation],
    new: Observation,
    verdict: Verdict | None,
    against: int | None,
    within: bool,
) -> None:
    got = decide(new, ledger, dispute_window=timedelta(hours=WINDOW))
    if verdict is None:
        assert got is None
        return
    expected_against = None if against is None else ledger[against]
    assert got == Decision(verdict, expected_against, within)


def test_custom_dispute_window() -> None:
    ledger = [obs(claim(2500))]
    new = obs(claim(2000), "Reuters", 2)
    assert decide(new, ledger, dispute_window=timedelta(hours=1)) == Decision(C, ledger[0], False)
    assert decide(new, ledger) == Decision(D, ledger[0], False)  # default 72 h


# -- describe_value -------------------------------------------------------------------------------

DESCRIBE = [
    ("exact", claim(2500), "2,500"),
    ("approx", approx(2500), "about 2,500"),
    ("lower", over(3000), "over 3,000"),
    ("upper", claim(0, 500, bound="upper"), "up to 500"),
    ("range", claim(2000, 2500, bound="range"), "2,000–2,500"),
    ("vague-surface", claim(24, 99, bound="vague", surface=" dozens "), "dozens"),
    ("money-bn", claim(2.5e9, kind="money", unit="USD"), "$2.5bn"),
    ("money-m-symbol", claim(40e6, kind="money", unit="$"), "$40m"),
    ("money-other-currency", claim(500, kind="money", unit="IQD"), "IQD 500"),
    ("percent", claim(12, kind="percent"), "12%"),
    ("percent-fraction", claim(12.5, kind="percent"), "12.5%"),
    ("date", claim(SEP30 + 3600, kind="date"), "2025-09-30"),
    ("date-by", claim(0, SEP30, bound="upper", kind="date"), "by 2025-09-30"),
    ("date-since", claim(SEP30, None, bound="lower", kind="date"), "since 2025-09-30"),
    ("duration", claim(18, kind="duration", unit="months"), "18 months"),
    ("fraction-count", claim(1.25), "1.25"),
]


@pytest.mark.parametrize(("c", "text"), [p[1:] for p in DESCRIBE], ids=[p[0] for p in DESCRIBE])
def test_describe_value(c: Claim, text: str) -> None:
    assert describe_value(c) == text


# -- properties -----------------------------------------------------------------------------------

BOUNDS: list[Bound] = ["exact", "approx", "lower", "upper", "range", "vague"]
KINDS: list[Kind] = ["count", "money", "percent", "date", "duration"]


@st.composite
def claims(draw: st.DrawFn, as_of: AsOf | None = None) -> Claim:
    kind = draw(st.sampled_from(KINDS))
    bound = draw(st.sampled_from(BOUNDS))
    top = 2e9 if kind == "date" else 1e7
    number = st.one_of(st.integers(0, int(top)).map(float), st.floats(0, top))
    a, b = draw(number), draw(number)
    low, high = {
        "exact": (a, a), "approx": (a, a), "lower": (a, None), "upper": (0.0, a),
        "range": (a, b), "vague": (a, draw(st.one_of(st.none(), st.just(a + b)))),
    }[bound]  # fmt: skip
    tenses: list[AsOf] = ["current", "planned", "historic"]
    when: AsOf = draw(st.sampled_from(tenses)) if as_of is None else as_of
    return claim(low, high, bound=bound, kind=kind, as_of=when)


sources = st.sampled_from(["Pentagon", "the Pentagon", "Reuters", "Iraqi sources", "AP"])


@st.composite
def observations(draw: st.DrawFn) -> Observation:
    return Observation(
        draw(claims()),
        draw(st.sampled_from(["a", "b", "c"])),
        draw(st.integers(1, 3)),
        draw(sources),
        T0 + timedelta(hours=draw(st.integers(-200, 200))),
    )


@given(claims())
def test_interval_is_ordered_and_holds_the_stated_value(c: Claim) -> None:
    got = interval_of(c)
    assert got.low <= got.high
    if c.bound in ("exact", "approx", "lower"):
        assert got.low <= c.low <= got.high


@given(observations(), st.lists(observations(), max_size=8))
def test_decide_never_raises(new: Observation, ledger: list[Observation]) -> None:
    got = decide(new, ledger)
    assert (got is None) == (new.claim.as_of == "historic" or not new.claim.thing)
    if got is None:
        return
    assert (got.against is None) == (got.verdict is Verdict.NEW)
    if got.verdict is Verdict.CONFIRMED:
        assert got.within_margin
    if got.verdict is Verdict.DISPUTED:
        assert got.against is not None
        assert not got.within_margin
        assert normalise_source(got.against.source) != normalise_source(new.source)


@given(claims(as_of="current"), sources, st.integers(1, 500))
def test_repeating_the_only_earlier_claim_confirms(c: Claim, source: str, hours: int) -> None:
    earlier = obs(c, source, report="feed\x1fone")
    later = obs(c, source.upper(), hours, report="feed\x1ftwo")
    assert decide(later, [earlier]) == Decision(Verdict.CONFIRMED, earlier, True)


@given(observations(), st.lists(observations(), max_size=6))
def test_ledger_order_does_not_matter(new: Observation, ledger: list[Observation]) -> None:
    # Distinct times so "latest" has no ties.
    ledger = [
        Observation(o.claim, o.report, o.revision, o.source, T0 + timedelta(hours=i))
        for i, o in enumerate(ledger)
    ]
    shuffled = list(reversed(ledger))
    assert decide(new, ledger) == decide(new, shuffled)

"""What does a new figure mean against the ledger of its key? A pure decision.

`decide()` applies the first rule that matches, in this order (each tested from a table):

| #  | when                                        | verdict   | why                              |
|----|---------------------------------------------|-----------|----------------------------------|
| 1  | the claim is historic ("down from 5,200")   | None      | history is not news              |
| 1b | the claim counts nothing (no thing: a bare  | None      | it names no quantity to follow,  |
|    | date with no event)                         |           | so it never alarms               |
| 1c | a toll (deaths, injured: it only grows)     | None      | a toll is revised down a little, |
|    | below a tenth of every earlier word of the  |           | never to a tenth: that is a      |
|    | figure before it ("six killed" after 41,000)|           | part's or another event's toll   |
| 2  | no earlier observation of the key in the    | new       | a first sighting (plans and      |
|    | same tense (current / planned)              |           | levels are separate ledgers)     |
| 3  | the report's previous revision, same        | confirmed | rewording an article is no       |
|    | source, states the same figure              |           | change                           |
| 4  | ... states a different figure               | revised   | an edited figure: the strongest  |
| 4b | an earlier figure in the same version of    | confirmed | a rounded restatement ("more     |
|    | the report, no less precise, is within      |           | than 5,000" by "5,021") supports |
|    | margin of this one (not "5,021" after       |           | the precise figure; the precise  |
|    | "more than 5,000": that is judged as any)   |           | one is the report's own news     |
| 5  | the source's own latest figure is restated  | confirmed | a source repeating itself        |
| 6  | the source's own latest figure differs      | changed   | a source updating itself (its    |
|    | (not one beside it in the same version)     |           | other value in the same text is  |
|    |                                             |           | no earlier word: rules 7-9)      |
| 7  | another source's latest figure, within      | disputed  | sources disagree at one moment   |
|    | `dispute_window`, cannot hold with this one |           | (two sources in one report too); |
|    | (even if a third source agrees); in the     |           | one agreeing does not settle it; |
|    | same report: is outside its margin          |           | side by side, they are rivals    |
| 8  | the latest figure overall is restated       | confirmed | another outlet repeating it      |
| 9  | otherwise, against the latest figure        | changed   | a later report moved it; past    |
|    | overall                                     |           | the window a difference is news  |

Rules 5-6 and 8-9 look back in time only: a report published before words the ledger already
holds (feeds land in any order) is judged against what was said before it; with nothing said
before it, it is new. Rule 7 looks both ways within the window: a dispute has no direction.

Rules 3-4 look only at the latest earlier revision in which the same source states this key: an
article that *adds* a second source's figure is not a revision of the first one (it falls through
to 5-9 and may be disputed against it). A change of attribution between revisions ("2,500" ->
"2,000, the Pentagon said") therefore reads as a dispute or change, not a revision.

*Restated* compares the stated numbers and compatible bounds, not intervals: exact and approx
are both "a point" ("2,500" == "about 2,500"), other bounds must match ("over 3,000" == "more than
3,000"), and the numbers must be equal (for dates: the same day). "about 2,500" -> "about 2,400"
overlaps yet is a *changed* with `within_margin=True`.

Bounds (each row is a case in tests/unit/test_ledger.py):

| figure                  | asserts (`interval_of`) | margin (`margin_of`) | why               |
|-------------------------|-------------------------|----------------------|-------------------|
| exact 2,513             | [2513, 2513]            | the same             | precise: no halo  |
| exact 2,500 (round)     | [2450, 2550]            | the same             | round: ±2-5%      |
| approx 2,500            | [2250, 2750]            | the same             | about: ±10%       |
| lower "more than 5,200" | [5200, inf)             | [5200, 5720]         | just above it     |
| upper "nearly 4,000"    | [0, 4000]               | [3600, 4000]         | just below it     |
| range 2,000-2,500       | [2000, 2500]            | the same             | two-sided         |
| vague "dozens"          | its table: [24, 99]     | the same             | two-sided         |

- *Disputed* (rule 7) needs asserted intervals that cannot both hold: "at least 5" and "2,500"
  can, so across reports they are never a dispute. Side by side in one report, two sources'
  figures are alternatives when their margins do not meet: "at least 11,000 injured,
  Erdogan said" beside "20,534, the vice president said" is a dispute.
- *within_margin* ("a small move") needs the margins to overlap: a one-sided bound is close only
  to values just past its number, never to an exact value far outside that halo ("at least five"
  after "2,500" is a big move, not a small one). "nearly 4,000" after "3,958" is a quiet move;
  "more than 5,200" -> "more than 6,500" -> "11,300" are changes, none of them small.
- Plans ("will fall to fewer than 2,000 by September") are compared only with plans, levels only
  with levels: a plan never changes the level, and the level never disputes a plan.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tui.core.models import Claim, Verdict

DAY = 86_400.0
DATE_APPROX_HALO = 3 * DAY  # "around the end of September": a few days either way, not ±10% of 1970
APPROX_FRACTION = 0.10  # "about 2,500" covers 2,250-2,750
# Exact round numbers are rounder statements: a multiple of 10 with 1 significant figure
# ("3,000") is read as ±5%, with 2 ("2,500") as ±2%; 2,513 or 2,510 are precise (no halo).
ROUND_HALO = {1: 0.05, 2: 0.02}


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of values a figure asserts; `high` may be `math.inf`."""

    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True, slots=True)
class Observation:
    """A claim as recorded in the ledger, with its provenance."""

    claim: Claim
    report: str  # stable report identity, e.g. "feed-name\x1fentry-id"
    revision: int  # 1 for the first version of the report, 2.. for revisions
    source: str  # who says so: claim.source or, if none, the outlet (feed name)
    observed_at: datetime  # the report's publication time (UTC)


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    against: Observation | None  # the ledger observation it was compared with (None for new)
    within_margin: bool  # do the two intervals still overlap? (False for new)


def round_halo(value: float) -> float:
    """Half-width granted to an exact statement of `value` for being a round number."""
    if not math.isfinite(value) or value == 0 or value != int(value) or int(value) % 10:
        return 0.0
    digits = str(abs(int(value))).rstrip("0")
    return abs(value) * ROUND_HALO.get(len(digits), 0.0)


def _day(seconds: float) -> float:
    return seconds - seconds % DAY if math.isfinite(seconds) else seconds


def interval_of(claim: Claim) -> Interval:
    """The values `claim` asserts (see the module docstring for the halos)."""
    return _interval(claim.kind, claim.bound, claim.low, claim.high)


# A poll asks for the intervals of the same few stated values tens of thousands of times
# (each claim is judged against several others): each is computed once. `typed`: an int
# and a float of one value stay apart, so the answer is the one computed for that claim.
@functools.lru_cache(maxsize=4096, typed=True)
def _interval(kind: str, bound: str, low: float, high: float | None) -> Interval:
    high = math.inf if high is None else high
    if bound in ("exact", "approx"):
        high = low
    low, high = min(low, high), max(low, high)
    if kind == "date":
        # "By the end of September" is a deadline, not every day before it: a moved
        # deadline must not overlap the old one. So a bounded date is its boundary day.
        if bound == "upper":
            low = high
        elif bound == "lower":
            high = low
        # A date names a whole UTC day: it runs from that midnight to the next (exclusive).
        low, high = _day(low), _day(high) + DAY - 1
        if bound == "approx":
            low, high = low - DATE_APPROX_HALO, high + DATE_APPROX_HALO
        return Interval(low, high)
    if bound == "approx":
        halo = abs(low) * APPROX_FRACTION
        return Interval(low - halo, high + halo)
    if bound == "exact":
        halo = round_halo(low)
        return Interval(low - halo, high + halo)
    return Interval(low, high)


def margin_of(claim: Claim) -> Interval:
    """The values `claim` is *close to*, for `within_margin` (see the bounds table above).

    Two-sided figures are close to what they assert. A one-sided bound is close only to values
    just past its number (within APPROX_FRACTION): "more than 5,200" is near 5,400, not 11,300.
    """
    return _margin(claim.kind, claim.bound, claim.low, claim.high)


@functools.lru_cache(maxsize=4096, typed=True)  # as `_interval`
def _margin(kind: str, bound: str, low: float, high: float | None) -> Interval:
    asserted = _interval(kind, bound, low, high)
    if kind == "date":
        return asserted  # bounded dates already stand for their boundary day
    if not math.isfinite(asserted.high):  # "more than 5,200", an open vague count
        return Interval(asserted.low, asserted.low + abs(asserted.low) * APPROX_FRACTION)
    if bound == "upper":  # "nearly 4,000", "up to 500"
        return Interval(asserted.high - abs(asserted.high) * APPROX_FRACTION, asserted.high)
    return asserted


def within_margin(new: Claim, old: Claim) -> bool:
    """Is moving from `old` to `new` a small move (their margins overlap)?"""
    return margin_of(new).overlaps(margin_of(old))


_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")


@functools.lru_cache(maxsize=8192)  # a poll compares the same few speakers many times
def normalise_source(source: str) -> str:
    """Case-folded, whitespace-collapsed, no leading article: "the Pentagon" == "PENTAGON"."""
    text = " ".join(source.casefold().split()).strip(" .,;:'\"")
    return _LEADING_ARTICLE.sub("", text)


def _stated(claim: Claim) -> tuple[str, float | None, float | None]:
    """The figure as stated: a bound family and its numbers, for restatement checks."""
    low, high = claim.low, claim.high
    if claim.kind == "date":
        low, high = _day(low), None if high is None else _day(high)
    if claim.bound in ("exact", "approx") or (claim.bound == "range" and low == high):
        return ("point", low, low)
    if claim.bound == "lower":
        return ("lower", low, None)
    if claim.bound == "upper":
        return ("upper", None, high)
    return (claim.bound, low, high)


def restates(new: Claim, old: Claim) -> bool:
    """Does `new` state the same figure as `old` (maybe reworded: "2,500" -> "about 2,500")?"""
    a, b = _stated(new), _stated(old)
    return a[0] == b[0] and all(_same(x, y) for x, y in zip(a[1:], b[1:], strict=True))


def _same(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is y
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def _order(obs: Observation) -> tuple[datetime, int, int]:
    return (obs.observed_at, obs.revision, obs.claim.start)


def _compare(new: Observation, old: Observation, differs: Verdict) -> Decision:
    if restates(new.claim, old.claim):
        return Decision(Verdict.CONFIRMED, old, True)
    return Decision(differs, old, within_margin(new.claim, old.claim))


def _latest(observations: Iterable[Observation]) -> Observation | None:
    return max(observations, key=_order, default=None)


def _from_source(observations: Iterable[Observation], source: str) -> list[Observation]:
    return [o for o in observations if normalise_source(o.source) == source]


# How precisely a bound states a value: a rounded restatement supports a more precise
# figure before it, but a precise figure after a rounded one ("more than 5,000 ... 5,021")
# is the report's own figure, judged as any.
_PRECISION = {"exact": 3, "range": 2, "approx": 2, "lower": 1, "upper": 1, "vague": 0}


# Rule 1c. Casualty tolls are cumulative: a count of the dead or the injured is revised down
# a little at most. One stated at less than a tenth of every earlier word of its figure is a
# part's toll (one town's) or another event's (a flood, an aftershock), not the toll falling.
# Counts that do fall (the missing are found, the displaced go home) are left out.
TOLL_FALL_FACTOR = 10
_TOLLS_THAT_FALL = frozenset(
    {"missing", "trapped", "displaced", "homeless", "evacuated", "sheltered", "stranded",
     "hospitalised", "hospitalized", "hostages", "detained"}
)  # fmt: skip


def another_toll(new: Claim, before: Sequence[Claim]) -> bool:
    """Is `new` a toll far below every earlier word of its figure (rule 1c)?"""
    if new.kind != "count" or new.predicate != "casualty" or new.thing in _TOLLS_THAT_FALL:
        return False
    top = margin_of(new).high
    return bool(before) and all(margin_of(o).low > TOLL_FALL_FACTOR * top for o in before)


def _beside(o: Observation, new: Observation) -> bool:
    """Stated in the same version of the same report: side by side, at one moment."""
    return o.report == new.report and o.revision == new.revision


def decide(
    new: Observation,
    ledger: Sequence[Observation],
    *,
    dispute_window: timedelta = timedelta(hours=72),
) -> Decision | None:
    """The verdict for `new` against earlier current observations of the same key.

    `ledger` may come in any order; entries in another tense (historic, or plans for a level
    and levels for a plan), `new` itself and later revisions of the same report are ignored.
    Returns None for a historic or thing-less claim (rules 1 and 1b), and for a toll far
    below everything said of its figure (rule 1c: not this figure at all).
    """
    if new.claim.as_of == "historic" or not new.claim.thing:
        return None
    earlier = [
        o
        for o in ledger
        if o.claim.as_of == new.claim.as_of
        # not `new` itself, nor a later revision of its report (another report's word is
        # never `new`: the cheap test first, the whole comparison only within the report)
        and (o.report != new.report or (o.revision <= new.revision and o != new))
    ]
    if not earlier:
        return Decision(Verdict.NEW, None, False)
    source = normalise_source(new.source)

    # Rules 3-4: the same article, an earlier revision, the same source.
    previous = [o for o in earlier if o.report == new.report and o.revision < new.revision]
    own_previous = _from_source(previous, source)
    if own_previous:
        last_revision = max(o.revision for o in own_previous)
        mine = [o for o in own_previous if o.revision == last_revision]
        restated = _latest(o for o in mine if restates(new.claim, o.claim))
        if restated is not None:
            return Decision(Verdict.CONFIRMED, restated, True)
        old = _latest(mine)
        assert old is not None  # `mine` holds at least one observation
        return _compare(new, old, Verdict.REVISED)

    # Changes run forward in time: a report published before words already in the ledger
    # (feeds land in any order) is compared with what was said before it. Disputes are
    # symmetric in time (rule 7 looks both ways within the window).
    before = [o for o in earlier if o.observed_at <= new.observed_at or o.report == new.report]
    if another_toll(new.claim, [o.claim for o in before]):
        return None

    # Rule 4b: a rounded restatement next to a figure of the same article version.
    same_version = [
        o
        for o in earlier
        if o.report == new.report
        and o.revision == new.revision
        and o.claim.start < new.claim.start
        and within_margin(new.claim, o.claim)
        and _PRECISION[new.claim.bound] <= _PRECISION[o.claim.bound]
    ]
    supported = _latest(same_version)
    if supported is not None:
        return Decision(Verdict.CONFIRMED, supported, True)

    # Rules 5-6: the source updating (or repeating) itself. Its other value in this same
    # version was said at the same moment, not before: two values of one source side by
    # side ("more than 41,000 ... around 6,000") are judged against the other sources.
    own = _latest(o for o in _from_source(before, source) if not _beside(o, new))
    if own is not None:
        return _compare(new, own, Verdict.CHANGED)

    # Rule 7: another source, about the same time, with a value that cannot be the same.
    # In one version of one report the two are stated side by side: there a value outside
    # the other's margin is an alternative ("at least 11,000" beside "20,534"), as rule 4b
    # takes one inside it for support. The rival shown is one from the same report first,
    # then one a named source states, then the latest.
    mine_interval = interval_of(new.claim)
    latest_per_source: dict[str, Observation] = {}
    for obs in sorted(earlier, key=_order):
        latest_per_source[normalise_source(obs.source)] = obs

    def beside(o: Observation) -> bool:
        return _beside(o, new)

    disagreeing = [
        o
        for speaker, o in latest_per_source.items()
        if speaker != source  # a source never disputes itself (its later word, out of order)
        and abs(new.observed_at - o.observed_at) <= dispute_window
        and (
            not within_margin(new.claim, o.claim)
            if beside(o)
            else not mine_interval.overlaps(interval_of(o.claim))
        )
    ]
    if disagreeing:
        rival = max(disagreeing, key=lambda o: (beside(o), o.claim.source is not None, _order(o)))
        return Decision(Verdict.DISPUTED, rival, False)

    # Rules 8-9: against the latest figure overall (before it: none is a first sighting).
    latest = _latest(before)
    if latest is None:
        return Decision(Verdict.NEW, None, False)
    return _compare(new, latest, Verdict.CHANGED)


# ---------------------------------------------------------------------------
# Rendering a figure for humans: "2,500 → 2,000".
# ---------------------------------------------------------------------------

_CURRENCY = {"usd": "$", "$": "$", "eur": "€", "€": "€", "gbp": "£", "£": "£"}
_PREFIX = {"exact": "", "approx": "about ", "lower": "over ", "upper": "up to "}
_DATE_PREFIX = {"exact": "", "approx": "around ", "lower": "since ", "upper": "by "}


def _number(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _money(value: float, unit: str | None) -> str:
    code = (unit or "").strip()
    symbol = _CURRENCY.get(code.casefold(), f"{code} " if code else "")
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"{symbol}{_number(round(value / scale, 2))}{suffix}"
    return f"{symbol}{_number(value)}"


def _one(claim: Claim, value: float) -> str:
    if claim.kind == "date":
        if not math.isfinite(value):
            return str(value)
        return datetime.fromtimestamp(_day(value), UTC).date().isoformat()
    if claim.kind == "money":
        return _money(value, claim.unit)
    if claim.kind == "percent":
        return f"{_number(value)}%"
    if claim.kind == "duration" and claim.unit:
        return f"{_number(value)} {claim.unit}"
    return _number(value)


def describe_value(claim: Claim) -> str:
    """The figure for humans: "2,500", "about 2,500", "over 3,000", "2,000–2,500", "$2.5bn"."""
    if claim.bound == "vague" and claim.surface.strip():
        return claim.surface.strip()
    if claim.bound in ("range", "vague"):
        high = math.inf if claim.high is None else claim.high
        if not math.isfinite(high):
            return _one(claim, claim.low) + "+"
        if high != claim.low:
            return f"{_one(claim, claim.low)}–{_one(claim, high)}"
        return _one(claim, claim.low)
    prefixes = _DATE_PREFIX if claim.kind == "date" else _PREFIX
    return prefixes[claim.bound] + _one(claim, claim.value)

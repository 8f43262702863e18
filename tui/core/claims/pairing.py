"""Numbers on their way to claims (``Draft``), and the pairs they form in one window:
ranges ("between 2,000 and 2,500") and changes ("down from around 900")."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from tui.core.claims import modifiers as mod
from tui.core.claims import rx
from tui.core.claims import window as win
from tui.core.claims.dates import DateFigure
from tui.core.claims.lexicon import CHANGED_BY
from tui.core.claims.numbers import Quantity
from tui.core.models import Bound, Kind

_FROM_BEFORE = rx.compile(
    r"(?:\b(?:down|up)\s+from|\bfrom(?:\s+a\s+(?:peak|high|low)\s+of)?|"
    r"\bcompared\s+(?:with|to))\s+$"
)
# "Estimates range from 2,000 to 5,000": the two ends of one figure, not a change.
_RANGING_FROM = rx.compile(r"\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying))\s+from\s+$")
_RANGE_GAP = rx.compile(r"\s*(?:-|to|bis|à|a|al|hasta|do)\s*")
_AND_GAP = frozenset([" and ", " y ", " e ", " et ", " und ", " i "])
_BETWEEN = ("between", "entre", "zwischen", "między")
_FRACTION_GAP = rx.compile(r"\s+of\s+(?:the|its|their|an\s+estimated|some|about|around)?\s*")


@dataclass(slots=True)
class Draft:
    """A number on its way to becoming a claim."""

    start: int
    end: int
    kind: Kind
    value: float
    q: Quantity | None = None
    date: DateFigure | None = None
    bound: Bound | None = None
    high: float | None = None
    historic: bool = False
    current: bool = False
    partner: int | None = None
    dropped: bool = False
    thing: str | None = None
    thing_start: int | None = None  # the counted thing's mention, when it has one
    thing_end: int | None = None
    thing_follows: bool = False  # "2,500 US troops": the words between are its modifiers

    @classmethod
    def from_quantity(cls, q: Quantity) -> Draft:
        return cls(q.start, q.end, q.kind, q.value, q=q)

    @classmethod
    def from_date(cls, d: DateFigure) -> Draft:
        return cls(d.start, d.end, d.kind, d.low, date=d)

    def shift(self, by: int) -> Draft:
        """Move into a window's coordinates, in place: every draft belongs to one window
        (``dataclasses.replace`` here cost ~5% of the extraction)."""
        self.start += by
        self.end += by
        return self


def _head_before_modifier(window: win.Window, start: int) -> str:
    """The 40 characters before a number, or before its modifier ("around", "nearly")."""
    pre = mod.bound_before(window, start)
    cut = pre[1] if pre else start
    return window.lower[max(0, cut - 40) : cut]


def _gap_to_modifier(window: win.Window, end: int, start: int) -> str:
    """The text between one number's end and the next number's modifier (or the number)."""
    pre = mod.bound_before(window, start)
    return window.lower[end : pre[1] if pre and pre[1] > end else start]


def pair_quantities(window: win.Window, drafts: list[Draft]) -> None:
    """Ranges ("between 2,000 and 2,500", "2,000-2,500") and changes ("from X to Y",
    "down from X"), in place. A change is two figures, the old one historic; never a range."""
    nums = [i for i, d in enumerate(drafts) if d.q is not None]
    low = window.lower
    for a_i, b_i in itertools.pairwise(nums):
        a, b = drafts[a_i], drafts[b_i]
        assert a.q is not None
        assert b.q is not None
        gap = low[a.end : b.start]
        before_a = low[max(0, a.start - 40) : a.start]
        # "down from around 900", "from about 2,500 to 2,000": the change word sits before
        # the number's modifier.
        from_a = _FROM_BEFORE.search(_head_before_modifier(window, a.start))
        if a.q.fraction is not None and _FRACTION_GAP.fullmatch(gap):
            a.value, a.partner = a.q.fraction * b.value, b_i
            continue
        if b.q.scale > 1 and a.q.scale == 1 and a.value * b.q.scale <= b.value:
            a_value = a.value * b.q.scale
        else:
            a_value = a.value
        is_between = gap in _AND_GAP and before_a.rstrip().endswith(_BETWEEN)
        # "fell 0.4 percentage point to 5.1%": a change and the level, never a range
        if low[a.start : a.end].endswith(("point", "points")) and not is_between:
            continue
        # ... and the new value may have its own ("from about 2,500 to fewer than 2,000").
        to_b = _gap_to_modifier(window, a.end, b.start) if from_a else gap
        ranging = from_a is not None and _RANGING_FROM.search(
            _head_before_modifier(window, a.start)
        )
        if from_a and _RANGE_GAP.fullmatch(to_b) and "to" in to_b and not ranging:
            a.historic, b.current, a.partner, b.partner = True, True, b_i, a_i
        elif (
            (is_between or ranging or (_RANGE_GAP.fullmatch(gap) and a.q.vague is None))
            and a_value < b.value
            and (a.kind == "count" or a.kind == b.kind)  # not "1.1% to $74.20"
            and (a.q.fraction is None or is_between)  # not "rose by a third to 12,000"
            # after a verb of change, "to" gives the new level: "fell 0.3% to 4.5%"
            and not (a.kind == "percent" and CHANGED_BY.search(before_a))
        ):
            if b.kind != "count" and a.kind == "count":
                a.kind = b.kind
            a.value, a.high, a.bound, a.end = a_value, b.value, "range", b.end
            if a.kind != "count" and b.kind == "count":
                a.kind = a.kind
            if is_between:
                a.start -= len(before_a) - before_a.rstrip().rfind("between") - 0
                a.start = max(low.rfind(word, 0, a.start + 9) for word in _BETWEEN)
            b.dropped = True
            if a.q.unit is None:
                a.q.unit = b.q.unit
        elif _FROM_BEFORE.search(_head_before_modifier(window, b.start)):
            b.historic, a.current, b.partner = True, True, a_i
            if a.partner is None:
                a.partner = b_i

"""What a date or duration claim says beyond its value: the event it dates, and its tense.

An event word in the date's clause names the event it dates ("the withdrawal ... by the
end of September"); a date with no event is still a claim, with no thing, which the ledger
never tracks (see ``ingest``): "Monday" and "Tuesday" are not one figure moving. A past
event date is historic, and so never compared either.
"""

from __future__ import annotations

from datetime import datetime

from tui.core.claims import rx
from tui.core.claims import window as win
from tui.core.claims.lexicon import EVENTS, event_re, norm, not_a_move
from tui.core.claims.pairing import Draft
from tui.core.claims.periods import DAY, DateFigure
from tui.core.models import AsOf, Claim

RECENT = 31 * DAY  # a date this close before publication is the story's present


def event_thing(
    window: win.Window, fig: DateFigure, start: int, clause: tuple[int, int]
) -> str | None:
    """The event a date belongs to ("withdrawal"), else None. The event word must be in the
    date's clause, or for a deadline, a "since" or a month or longer anywhere in the
    sentence ("In 2011, the US withdrew"); a single day needs it in its own clause, so that
    "the withdrawal ends in 2026, officials said on Monday" dates no withdrawal on Monday."""
    if fig.kind != "date" or not fig.can_date_event:
        return None
    events = _events(window.lower, *clause)
    if not events and (fig.bound in ("upper", "lower") or fig.high != fig.low):
        events = _events(window.lower, 0, len(window.lower))
    if not events:
        return None
    return min(events, key=lambda event: abs(event[0] - start))[1]


# "the coalition's military mission in Iraq will end by September 2025": the mission and
# its end with words between them, which the word table (EVENTS) cannot hold.
_MISSION_WILL_END = rx.compile(
    r"\bmission\b[^,.;:]{0,40}?\b(?:will|would|is\s+to|are\s+to|to|shall|set\s+to|due\s+to)"
    r"\s+(?:formally\s+|officially\s+|fully\s+)?(?:end|conclude|wind\s+down)\b"
)


def _events(lower: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """The events named in lower[lo:hi]: (where, which)."""
    found = [
        (m.start(), EVENTS[key])
        for m in event_re().finditer(lower, lo, hi)
        if not not_a_move(lower, key := norm(m.group()), m.end())
    ]
    found += [(m.start(), "mission end") for m in _MISSION_WILL_END.finditer(lower, lo, hi)]
    return found


def date_as_of(fig: DateFigure, when: datetime, thing: str | None) -> AsOf:
    """current, planned or historic. A duration still to run ("within 14 days") is
    planned. An event's date stays current (the deadline as it now stands: the ledger
    compares deadlines). Other dates are historic when they ended well before the report
    (a past year, last November), planned when they start after its day."""
    now = when.timestamp()
    if fig.kind == "duration":
        return "planned" if fig.planned else "current"
    if thing is not None:  # past: historic, so the ledger never compares it
        return "historic" if fig.period_end < now and fig.bound != "lower" else "current"
    if fig.bound == "lower":
        return "current"
    today_start = now - now % DAY
    if fig.period_end < today_start - RECENT or (
        fig.period_end < today_start and fig.period_end - fig.period_start >= 365 * DAY
    ):
        return "historic"
    if fig.period_start >= today_start + DAY or (
        fig.bound == "upper" and fig.period_end >= today_start + DAY
    ):
        return "planned"
    return "current"


def bare_claim(window: win.Window, d: Draft, text: str, when: datetime) -> Claim | None:
    """A date or duration that dates no event: its value and tense only (no place, actor or
    source is looked for: nothing downstream keys on them, and it keeps extraction cheap)."""
    fig = d.date
    assert fig is not None
    base = window.base
    return Claim(
        surface=text[base + d.start : base + d.end],
        kind=fig.kind,
        bound=fig.bound,
        low=fig.low,
        high=fig.high,
        unit=None,
        thing=fig.unit,
        place=None,
        actor=None,
        source=None,
        predicate="other",
        as_of=date_as_of(fig, when, None),
        sentence=text[base : base + len(window.text)].strip(),
        start=base + d.start,
        end=base + d.end,
    )


def is_bare(claim: Claim) -> bool:
    """A date that dates no event, or a duration: reported, but never a tracked figure."""
    return claim.kind == "duration" or (claim.kind == "date" and claim.thing is None)

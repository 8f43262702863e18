"""What the figures of one sentence lend each other: a list's items share their thing, a
subset its whole's event, a share its sized whole's thing, a percent change the thing of
the count it changes ("45,324 encounters, a 157% increase"), a running total the sentence's
main count. Each pass reads the drafts of one window after their own things are read.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from tui.core.claims import events, rx, things
from tui.core.claims import modifiers as mod
from tui.core.claims import window as win
from tui.core.claims.antecedent import Antecedent
from tui.core.claims.lexicon import CHANGE_AFTER, CURRENCY_THING
from tui.core.claims.pairing import Draft

# The paragraph's earlier thing/place/actor: called only when a figure needs them.
Inherit = Callable[[], Antecedent]


def modifier_start(window: win.Window, d: Draft) -> int:
    """Where the number's modifier starts ("more than 5,000"), else the number."""
    pre = mod.bound_before(window, d.start)
    return pre[1] if pre else d.start


# Between two figures of one list: "39 in Wajima, 22 in Suzu", "Al Haouz (394),".
_LIST_GAP = rx.compile(r"[^.;:!?]{0,80}$")
# A verb of its own between two figures starts a new clause, not the list's next item:
# "killed 5,000 and left millions homeless".
_NEW_VERB = rx.compile(r"\band\s+(?:[a-z]+ed|left|leaving|made|saw|sent|took|forced)\b")


_RUNNING_TOTAL = rx.compile(
    r"\b(?:bringing|brings|brought|taking|takes|took)\s+the\s+[^.;:]{0,40}$"
)


def inherit_listed_things(window: win.Window, drafts: list[Draft]) -> set[int]:
    """A count with no thing of its own, later in a sentence whose earlier figure named
    one, counts the same thing: "Of the 72 deaths, 39 were in Wajima, 22 in Suzu", "about
    20 soldiers arrived in April, with another 120 expected"."""
    last: Draft | None = None
    listed: set[int] = set()  # ids of the drafts given the list's thing
    first: Draft | None = None  # the sentence's first counted figure
    for d in drafts:
        if d.dropped or d.q is None or d.kind != "count":
            continue
        if (
            d.thing is None
            and first is not None
            and _RUNNING_TOTAL.search(window.lower, 0, d.start)
        ):
            # "408 people arrived on nine boats, bringing the total to 21,063": a running
            # total adds up the sentence's main count, not the last thing named.
            d.thing, d.thing_start, d.thing_end = first.thing, first.thing_start, first.thing_end
            listed.add(id(d))
        if (
            d.thing is None
            and last is not None
            and last.thing is not None
            and _LIST_GAP.search(window.text, last.end, d.start)
            and not _NEW_VERB.search(window.lower, last.end, d.start)
            and not things.takes_people(window, d.start)  # "a boat carrying up to 600"
        ):
            d.thing, d.thing_start, d.thing_end = last.thing, last.thing_start, last.thing_end
            listed.add(id(d))
        if d.thing is not None:
            last = d
            first = first or d
    return listed


_OF_A = rx.compile(r"\s+of\s+(?:a|an|the|its|their)\s+(?:[a-z]+\s+)?")


def shares_of_sized_wholes(window: win.Window, drafts: list[Draft]) -> None:
    """A share of the next figure counts what it counts: "half of a 1,500-strong battle
    group" is troops, "a third of the 9,000 displaced" displaced."""
    for d, nxt in pairwise(drafts):
        if d.q is None or d.q.fraction is None or d.thing is not None or nxt.thing is None:
            continue
        gap = _OF_A.fullmatch(window.lower, d.end, nxt.start)
        if gap is not None:
            d.thing = nxt.thing


# A part of an earlier figure: "killed 1,061 people (including 360 children)", "205 of
# them", "$1.3 billion in aid, including $500 million for the grid".
_SUBSET_BEFORE = rx.compile(
    r"(?:\b(?:including|includes|included|include|among\s+them|among\s+whom|of\s+whom|"
    r"of\s+which)\s+(?:[^\W\d_][\w'-]*\s+){0,3}|\(\s*)$"
)
# The next item of a subset's list: "(102 men, 17 women and 12 children)".
_NEXT_ITEM = rx.compile(r"[^.;:()]{0,40}?(?:,\s*|\s+and\s+)$")
_OF_THEM_AFTER = rx.compile(r"\s+of\s+(?:them|whom)\b")


def subsets_share_event(window: win.Window, drafts: list[Draft]) -> None:
    """A subset counts its whole's event: the children among 1,061 people killed are
    deaths, the $500 million of a $1.3 billion aid pledge is aid. Only people take an
    event: "including 20 hospitals" still counts hospitals."""
    whole: Draft | None = None
    previous: Draft | None = None  # the subset before, whose list may go on
    for d in drafts:
        if d.dropped or d.q is None or d.kind not in ("count", "money"):
            continue
        head = window.lower[max(0, d.start - 50) : modifier_start(window, d)]
        subset = bool(_SUBSET_BEFORE.search(head) or _OF_THEM_AFTER.match(window.lower, d.end))
        if not subset and previous is not None:
            subset = bool(_NEXT_ITEM.fullmatch(window.lower, previous.end, d.start))
        previous = d if subset else None
        if subset and whole is not None and whole.kind == d.kind and whole.thing is not None:
            if d.kind == "count" and events.is_event_thing(whole.thing):
                if d.thing is None or events.is_person_head(d.thing):
                    d.thing = whole.thing
            elif d.kind == "money" and whole.thing not in _CURRENCY_NAMES:
                d.thing = whole.thing  # the $300 million for schools is part of the aid
        if d.thing is not None and not subset:
            whole = d


_CURRENCY_NAMES = frozenset(CURRENCY_THING.values()) | {"money"}
# A percent that says how a count changed: "a 64% decrease", "30% lower than", "was down
# about 52%". It measures what that count counts.
_CHANGE_BEFORE = rx.compile(
    r"\b(?:down|up|fell|rose|dropped|increased|decreased|declined|climbed|jumped|grew|"
    r"surged|plunged|soared|slid|slumped)\s+(?:by\s+)?(?:about|around|nearly|some|roughly|"
    r"almost|more\s+than|over|just|only)?\s*$"
)


def changes_measure_counts(window: win.Window, drafts: list[Draft], inherit: Inherit) -> None:
    """A percent with no measure of its own, that says how a count changed, measures that
    count's thing: the nearest count before it in the sentence, else the last one counted
    in the sentences before ("The figure was 30% lower than a year ago")."""
    last: str | None = None
    for d in drafts:
        if d.dropped or d.q is None:
            continue
        if d.kind == "count" and d.thing is not None:
            last = d.thing
        if d.kind != "percent" or d.thing is not None:
            continue
        before = window.lower[max(0, d.start - 40) : modifier_start(window, d)]
        if CHANGE_AFTER.match(window.lower, d.end) or _CHANGE_BEFORE.search(before):
            d.thing = last or inherit().counted

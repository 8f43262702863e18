"""What a figure inherits from earlier sentences of its paragraph: thing, place, actor.

"About 2,500 US troops are in Iraq. Iraqi officials put the number at over 3,000." The
second figure counts the first one's troops, in its place, of its actor: the ledger keys
on (kind, thing, predicate, place, actor), and only equal keys can be seen as a dispute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.claims import context as ctx
from tui.core.claims import rx
from tui.core.claims import window as win
from tui.core.claims.actors import Lexicon, lexicon
from tui.core.claims.lexicon import ThingWords, norm
from tui.core.claims.place_lists import joined_names
from tui.core.claims.places import UserPlaces
from tui.core.claims.sentences import Spans

LOOKBACK = 3  # sentences; further back a "the number" rarely points
SENTENCE_CAP = 600  # characters of an antecedent sentence that are read


@dataclass(frozen=True, slots=True)
class Antecedent:
    """The nearest earlier thing and place of the paragraph, and whose each one is."""

    thing: str | None = None
    place: str | None = None
    thing_actor: str | None = None  # the actor of the sentence the thing came from
    place_actor: str | None = None  # the actor of the sentence the place came from
    counted: str | None = None  # the thing the paragraph's last earlier figure counted


def find_antecedent(
    work: str,
    lowered: str,
    spans: Spans,
    things: ThingWords,
    index: int,
    *,
    actor_words: Lexicon | None = None,
    user_places: UserPlaces | None = None,
    scans: win.Scans | None = None,
) -> Antecedent:
    """`lowered` is ``lower_same_length(work)``; `index` the figure's sentence;
    `actor_words` the report's actor lexicon (the built-in one by default), `user_places`
    the user's own places; `scans` what the text's other windows found."""
    actor_words = actor_words or lexicon()
    thing = place = thing_actor = place_actor = None
    para = spans.paragraph[index]
    for j in range(index - 1, max(index - 1 - LOOKBACK, -1), -1):
        # A thing ("put the number at") points back inside its paragraph; the place of a
        # story carries on across paragraphs (feed bodies have one line per paragraph), but
        # not the actor of a sentence found there.
        same_paragraph = spans.paragraph[j] == para
        if not same_paragraph and place is not None:
            break
        start = spans.starts[j]
        end = min(spans.ends[j], start + SENTENCE_CAP)
        sentence = win.Window(
            work[start:end],
            start,
            lowered[start:end],
            things,
            actor_words,
            user_places,
            scans=scans,
        )
        if thing is None and same_paragraph:
            m = things.pattern.search(sentence.lower)
            if m:
                thing = things.table[norm(m.group())]
                thing_actor = _actor_near(sentence, m.start(), thing_mention=True)
        if place is None:
            named = win.main_place_name(sentence)
            if named is not None:
                place = split_list(sentence, named[1]) or named[0]
                if same_paragraph:
                    place_actor = _actor_of_sentence(sentence, named[1])
        if thing and place:
            break
    return Antecedent(thing, place, thing_actor, place_actor)


# Between the places of figures written as one list: "17,000 in Chad and (another) 3,000 in
# Niger", "... and 3,000 more in Niger".
_ITEM_GAP = rx.compile(
    r"\s+and\s+(?:(?:another|a\s+further|an\s+additional)\s+)?\d[\d,.]*"
    r"(?:\s+[\w-]+){0,3}?\s+(?:in|on|across)\s+(?:the\s+)?",
    re.IGNORECASE,
)


_TOTAL = rx.compile(r"\b(?:total|overall|combined|altogether|in\s+all)\b")


def split_list(sentence: win.Window, start: int) -> str | None:
    """The whole list when the sentence's main place (at `start`) is the first of places
    that each follow a figure of their own and the sentence sums them ("17,000 died in
    Chad and 3,000 in Niger, a total of 20,000"): a later figure pointing back counts them
    all ("Chad and Niger"), not the first one. Without a total, a later figure may restate
    one part's ("officials put the toll at 17,000"): the main place stands."""
    mentions = [m for m in sentence.places() if m.cue != "ref"]
    at = next((i for i, m in enumerate(mentions) if m.start == start), None)
    if at is None:
        return None
    group = [mentions[at]]
    for m in mentions[at + 1 :]:
        if not _ITEM_GAP.fullmatch(sentence.text, group[-1].end, m.start):
            break
        group.append(m)
    if len(group) < 2 or not _TOTAL.search(sentence.lower, group[-1].end):
        return None
    return joined_names([m.name for m in group])


def _actor_of_sentence(sentence: win.Window, place_start: int) -> str | None:
    """Whose figure a place sentence is about: the actor of its counted thing if it names
    one ("US troops are in Iraq"), else the actor nearest the place."""
    m = sentence.things.pattern.search(sentence.lower)
    if m:
        return _actor_near(sentence, m.start(), thing_mention=True)
    return _actor_near(sentence, place_start, thing_mention=False)


def _actor_near(sentence: win.Window, pos: int, *, thing_mention: bool) -> str | None:
    """The actor adjective of the thing at `pos`, else the actor nearest `pos` outside the
    sentence's source phrases."""
    if thing_mention:
        actor = ctx.actor_modifying(sentence, pos)
        if actor is not None:
            return actor
    avoid = [(s.start, s.end) for s in sentence.sources()]
    # "The US has 2,500 troops in Iraq": a country after a locative word is where, not whose.
    avoid += [(p.start, p.end) for p in sentence.places() if p.cue is not None]
    return ctx.actor_in(sentence, 0, len(sentence.text), avoid, near=pos)

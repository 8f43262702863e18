"""What a figure inherits from earlier sentences of its paragraph: thing, place, actor.

"About 2,500 US troops are in Iraq. Iraqi officials put the number at over 3,000." The
second figure counts the first one's troops, in its place, of its actor: the ledger keys
on (kind, thing, predicate, place, actor), and only equal keys can be seen as a dispute.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.claims import context as ctx
from tui.core.claims import window as win
from tui.core.claims.actors import Lexicon, lexicon
from tui.core.claims.lexicon import ThingWords, norm, place_lookup, place_re
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


def find_antecedent(
    work: str,
    lowered: str,
    spans: Spans,
    things: ThingWords,
    index: int,
    *,
    actor_words: Lexicon | None = None,
) -> Antecedent:
    """`lowered` is ``lower_same_length(work)``; `index` the figure's sentence;
    `actor_words` the report's actor lexicon (the built-in one by default)."""
    actor_words = actor_words or lexicon()
    thing = place = thing_actor = place_actor = None
    para = spans.paragraph[index]
    for j in range(index - 1, max(index - 1 - LOOKBACK, -1), -1):
        if spans.paragraph[j] != para:
            break
        start = spans.starts[j]
        end = min(spans.ends[j], start + SENTENCE_CAP)
        sentence = win.Window(work[start:end], start, lowered[start:end], things, actor_words)
        if thing is None:
            m = things.pattern.search(sentence.lower)
            if m:
                thing = things.table[norm(m.group())]
                thing_actor = _actor_near(sentence, m.start(), thing_mention=True)
        if place is None:
            m = place_re().search(sentence.lower)
            if m:
                place = place_lookup().get(norm(m.group()))
                place_actor = _actor_of_sentence(sentence, m.start())
        if thing and place:
            break
    return Antecedent(thing, place, thing_actor, place_actor)


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
    return ctx.actor_in(sentence, 0, len(sentence.text), avoid, near=pos)

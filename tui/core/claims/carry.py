"""Actors carried over from earlier sentences of a paragraph.

"The military in Mali says it repelled the attack. Six soldiers died." The second
sentence names no side, and its soldiers are Mali's; "The party is set to gain 208 seats"
is the CDU/CSU's when the sentence before says so; "at least 12 people were killed in the
strike" is the RSF's when the sentence before blames the strike on the RSF. A figure
takes a carried actor only when its own sentence names none (see ``owner.carried``).
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.claims import rx
from tui.core.claims import window as win
from tui.core.claims.actors import Lexicon, Mention
from tui.core.claims.lexicon import ThingWords
from tui.core.claims.sentences import Spans
from tui.core.claims.subject import blocked_mentions, is_subject

LOOKBACK = 2  # sentences
SENTENCE_CAP = 600  # characters of an earlier sentence that are read

_BLAME = rx.compile(r"\b(?:by|blamed\s+on|attributed\s+to)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")
_ATTACK = rx.compile(
    r"[\s-]+(?:[a-z]+\s+)?(?:attacks?|strikes?|airstrikes?|air\s+strikes?|bombardment|"
    r"bombing|shelling|offensive|raids?|assault|invasion)\b"
)
# "The military in Mali says ...": the country of the force that speaks.
_FORCE_IN = rx.compile(
    r"\b(?:military|army|armed\s+forces|government|forces)\s+(?:in|of)\s+(?:the\s+)?$"
)


@dataclass(frozen=True, slots=True)
class Carried:
    """The nearest earlier sentence's side: who it is about, and who did harm in it."""

    subject: str | None = None
    perpetrator: str | None = None


def earlier_actors(
    work: str,
    lowered: str,
    spans: Spans,
    things: ThingWords,
    actor_words: Lexicon,
    index: int,
    *,
    scans: win.Scans | None = None,
) -> Carried:
    """The actors of the nearest earlier sentences in the paragraph of sentence `index`
    (`scans`: what the text's other windows found)."""
    subject = perpetrator = None
    para = spans.paragraph[index]
    for j in range(index - 1, max(index - 1 - LOOKBACK, -1), -1):
        if spans.paragraph[j] != para:
            break
        start = spans.starts[j]
        end = min(spans.ends[j], start + SENTENCE_CAP)
        sentence = win.Window(
            work[start:end], start, lowered[start:end], things, actor_words, scans=scans
        )
        if not sentence.actors():
            continue
        subject = subject or _subject_of(sentence)
        perpetrator = perpetrator or _perpetrator_of(sentence)
        if subject or perpetrator:
            break
    return Carried(subject, perpetrator)


def _outside_sources(sentence: win.Window) -> list[Mention]:
    spans = [(s.start, s.end) for s in sentence.sources()]
    return [m for m in sentence.actors() if not any(a <= m.start < b for a, b in spans)]


def _subject_of(sentence: win.Window) -> str | None:
    mentions = sentence.actors()
    blocked = blocked_mentions(sentence, _outside_sources(sentence))
    for m in mentions:
        if m.kind in ("people", "group"):
            continue
        if _FORCE_IN.search(sentence.lower, max(0, m.start - 30), m.start):
            return m.actor
        if m.start in blocked:
            continue
        if m.kind != "demonym" and (m.possessive or is_subject(sentence, m)):
            return m.actor
    return None


def _perpetrator_of(sentence: win.Window) -> str | None:
    for m in sentence.actors():
        if _BLAME.search(sentence.text, max(0, m.start - 40), m.start):
            return m.actor
        if m.kind in ("demonym", "country") and _ATTACK.match(sentence.text, m.end):
            return m.actor
    return None

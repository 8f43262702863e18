"""Figures paired "respectively" with the parts named before them: "Officials in Chad and
in Niger reported 40 and 25 deaths respectively." Each figure is its own part's: the first
place (and speaker) goes with the first figure, the second with the second. When the parts
cannot be paired, no figure takes a place that is only one part's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.core.claims import rx
from tui.core.claims.places import UserPlaces, find_places
from tui.core.claims.sentences import Spans
from tui.core.models import Claim

_RESPECTIVELY = rx.compile(r"\brespectively\b")
# Between two figures of one list: "40 and 25", "40, 25 and 13".
_LIST_JOIN = rx.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\s*")
_SPEAKERS_JOIN = rx.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def paired_respectively(
    text: str, lowered: str, spans: Spans, claims: Sequence[Claim], user: UserPlaces | None
) -> list[Claim]:
    """`claims` with each figure of a "respectively" list given its own part (see above)."""
    out = list(claims)
    for m in _RESPECTIVELY.finditer(lowered):
        index = spans.index_of(m.start())
        s_start = spans.starts[index]
        members = [
            i for i, c in enumerate(out) if s_start <= c.start < m.start() and c.kind == "count"
        ]
        listed = _last_list(text, [out[i] for i in members])
        if len(listed) < 2:
            continue
        chosen = [members[i] for i in listed]
        first = out[chosen[0]]
        places = _parts(text, lowered, s_start, first.start, user)
        speakers = [s for s in _SPEAKERS_JOIN.split(first.source or "") if s]
        for n, i in enumerate(chosen):
            c = out[i]
            place = places[n] if len(places) == len(chosen) else None
            source = speakers[n] if len(speakers) == len(chosen) else c.source
            out[i] = replace(c, place=place, source=source)
    return out


def _last_list(text: str, claims: Sequence[Claim]) -> list[int]:
    """Indices (into `claims`) of the last run of figures written as one list."""
    run: list[int] = []
    for i, c in enumerate(claims):
        if run and _LIST_JOIN.fullmatch(text, claims[run[-1]].end, c.start):
            run.append(i)
        else:
            run = [i]
    return run


def _parts(text: str, lowered: str, start: int, end: int, user: UserPlaces | None) -> list[str]:
    """The distinct places named before the list, in order."""
    found = find_places(text[start:end], lowered[start:end], user)
    return list(dict.fromkeys(p.name for p in found))

"""A count's coverage, said in a sentence of its own: "The ministry's count only includes
the areas under government control." The figures that speaker gave just before are of that
part, not of the wider place their own sentence names ("the quake that hit Syria")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.core.claims import rx
from tui.core.claims.places import UserPlaces, find_places
from tui.core.claims.sentences import Spans
from tui.core.models import Claim

# "<owner>'s count/toll ... (only) includes/covers/counts ... only ...": a restriction.
_COVERS = rx.compile(
    r"\b(?:count|toll|tally|figures?|numbers?|data)\b[^.;]{0,60}?"
    r"\b(?:includes?|include|covers?|cover|counts?|refers?\s+to|accounts?\s+for)\b"
)
_ONLY = rx.compile(r"\b(?:only|just|solely|exclusively)\b")
# Words of the owner phrase that name no one: "The toll reported by state media" -> state, media.
_NOT_OWNER = frozenset(
    """the a an its their his her this that these those of by from in on at for to and
    count toll tally figure figures number numbers data death deaths casualties casualty
    quake earthquake flood storm final latest official reported given released is was are
    thought believed said says only just include includes cover covers counts refer refers
    account accounts""".split()
)
_WORD = rx.compile(r"[a-z][a-z-]+")
LOOKBACK = 2  # sentences before the coverage sentence whose figures it may speak of


def covered_parts(
    lowered: str, spans: Spans, claims: Sequence[Claim], user: UserPlaces | None, text: str
) -> list[Claim]:
    """`claims` with the place of a coverage sentence's part given to the counts its
    owner stated in the sentences just before it (see the module docstring)."""
    out = list(claims)
    for m in _COVERS.finditer(lowered):
        index = spans.index_of(m.start())
        s_start, s_end = spans.starts[index], spans.ends[index]
        if not _ONLY.search(lowered, s_start, s_end) or any(
            s_start <= c.start < s_end for c in claims if c.kind == "count"
        ):
            continue  # no restriction, or a sentence with figures of its own
        part = _part_named(text, lowered, m.end(), s_end, user)
        if part is None:
            continue
        # Who counts: the words around "count" up to the verb ("the ministry's count",
        # "the toll reported by state media is thought to include").
        owner = {w for w in _WORD.findall(lowered[s_start : m.end()]) if w not in _NOT_OWNER}
        lo = spans.starts[max(0, index - LOOKBACK)]
        for i, c in enumerate(out):
            if not (lo <= c.start < s_start) or c.kind != "count" or c.predicate != "casualty":
                continue
            said_by = set(_WORD.findall((c.source or "").lower()))
            if owner and not owner & said_by:
                continue
            out[i] = replace(c, place=part)
    return out


def _part_named(
    text: str, lowered: str, start: int, end: int, user: UserPlaces | None
) -> str | None:
    """The user's place the coverage sentence restricts the count to, if it names one."""
    if user is None:
        return None
    found = find_places(text[start:end], lowered[start:end], user)
    names = set(user.names.values())
    return next((p.name for p in found if p.name in names), None)

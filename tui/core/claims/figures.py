"""Naming figures from ``[[figures]]`` in feeds.toml, and the JSON-lines shape of a claim."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tui.core.claims.lexicon import EVENTS, THINGS, norm
from tui.core.models import Claim, FigureKey


class FigureSection(Protocol):
    """What the namer reads of a ``[[figures]]`` entry (``config.FigureSection`` has it).

    A protocol, not the pydantic model: pydantic costs ~0.25 s to import, and
    ``storywatch extract`` must start faster than that.
    """

    @property
    def name(self) -> str: ...
    @property
    def things(self) -> Sequence[str]: ...
    @property
    def places(self) -> Sequence[str] | None: ...
    @property
    def actors(self) -> Sequence[str] | None: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def predicate(self) -> str | None: ...


def _canonical(word: str) -> str:
    key = norm(word)
    return THINGS.get(key) or EVENTS.get(key) or key


class FigureNamer:
    """Matches claims to ``[[figures]]`` entries.

    The things listed in one entry are synonyms of one canonical thing: the first of them
    that the built-in lexicon knows (so ["soldiers", "GIs"] both mean "troops"), else the
    first listed. Place, actor, kind and predicate must match where the entry gives them
    (case-insensitive); the first matching entry wins.
    """

    def __init__(self, figures: Sequence[FigureSection]) -> None:
        self._figures = list(figures)
        self._synonyms: dict[str, str] = {}
        self._things: list[frozenset[str]] = []
        for figure in self._figures:
            known = [_canonical(t) for t in figure.things if _canonical(t) != norm(t)]
            canonical = known[0] if known else norm(figure.things[0])
            names = {norm(t) for t in figure.things} | {canonical}
            for name in names:
                self._synonyms.setdefault(name, canonical)
            self._things.append(frozenset(names))

    def synonyms(self) -> dict[str, str]:
        """Thing synonym -> canonical thing, for ``extract_claims(synonyms=...)``."""
        return dict(self._synonyms)

    def name_for(self, claim_or_key: Claim | FigureKey) -> str | None:
        key = claim_or_key.key if isinstance(claim_or_key, Claim) else claim_or_key
        if key.thing is None:
            return None
        thing = norm(key.thing)
        thing = self._synonyms.get(thing, thing)
        for figure, things in zip(self._figures, self._things, strict=True):
            if thing not in things:
                continue
            if figure.kind and figure.kind != key.kind:
                continue
            if figure.predicate and figure.predicate != key.predicate:
                continue
            if figure.places and not _among(key.place, figure.places):
                continue
            if figure.actors and not _among(key.actor, figure.actors):
                continue
            return figure.name
        return None


def _among(value: str | None, allowed: Sequence[str]) -> bool:
    return value is not None and norm(value) in {norm(a) for a in allowed}


def claim_to_dict(claim: Claim, figure: str | None = None) -> dict[str, object]:
    """The JSON-lines shape of a claim (``figure`` only when the claim is named)."""
    out: dict[str, object] = {
        "surface": claim.surface,
        "kind": claim.kind,
        "bound": claim.bound,
        "low": claim.low,
        "high": claim.high,
        "unit": claim.unit,
        "thing": claim.thing,
        "place": claim.place,
        "actor": claim.actor,
        "source": claim.source,
        "predicate": claim.predicate,
        "as_of": claim.as_of,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "key": claim.key.as_text(),
    }
    if figure is not None:
        out["figure"] = figure
    return out

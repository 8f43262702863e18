"""`storywatch suggest`: ready-to-paste ``[[figures]]`` blocks for the busiest unnamed keys.

A user starting on a new story polls once, runs `suggest`, pastes what fits, and has a working
config. Keys are ranked by how many reports stated them; keys an entry already names (by the
current config, not only by what was stored) and keys that count nothing are left out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.claims.figures import FigureNamer, canonical_thing, default_predicates
from tui.core.claims.lexicon import THINGS
from tui.core.models import FigureKey
from tui.core.store import Store
from tui.core.store.figure_names import busiest_unnamed_keys, latest_surface

MAX_WORDS = 5  # synonyms offered per block: enough to catch rewordings, short to edit


@dataclass(frozen=True, slots=True)
class Suggestion:
    key: FigureKey
    reports: int  # how many on-story reports stated it
    latest: str  # its newest surface, e.g. "about 2,500"

    @property
    def name(self) -> str:
        """ "US troops in Iraq", "Deaths in Turkey": the key in words."""
        thing = self.key.thing or self.key.kind
        words = [self.key.actor, thing] if self.key.actor else [thing]
        name = " ".join(w for w in words if w)
        if self.key.place:
            name += f" in {self.key.place}"
        return name[:1].upper() + name[1:]

    def block(self) -> str:
        """The ``[[figures]]`` block, TOML, with a comment saying where it came from."""
        k = self.key
        lines = [
            f"# {k.as_text()}: stated in {self.reports} reports, latest {_toml(self.latest)}",
            "[[figures]]",
            f"name = {_toml(self.name)}",
            f"things = [{', '.join(_toml(w) for w in _thing_words(k.thing or ''))}]",
        ]
        if k.place:
            lines.append(f"places = [{_toml(k.place)}]")
        if k.actor:
            lines.append(f"actors = [{_toml(k.actor)}]")
        lines.append(f"kind = {_toml(k.kind)}")
        # Only a predicate the things would not give by default needs saying.
        defaults = default_predicates(frozenset({canonical_thing(k.thing or "")}))
        settable = k.predicate in ("presence", "movement", "casualty", "money")
        if settable and (defaults is None or k.predicate not in defaults):
            lines.append(f"predicate = {_toml(k.predicate)}")
        return "\n".join(lines)


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def _thing_words(thing: str) -> list[str]:
    """The thing and a few of the words the extractor reads as it ("deaths", "killed"...)."""
    synonyms = sorted((w for w, c in THINGS.items() if c == thing), key=lambda w: (len(w), w))
    return list(dict.fromkeys([thing, *synonyms]))[:MAX_WORDS]


def suggestions(
    store: Store, namer: FigureNamer, *, limit: int = 5, taken: Sequence[str] = ()
) -> list[Suggestion]:
    """The `limit` busiest keys no ``[[figures]]`` entry names, busiest first."""
    out: list[Suggestion] = []
    names = {n.casefold() for n in (*namer.names, *taken)}
    for text, reports in busiest_unnamed_keys(store, limit * 20):
        key = FigureKey.from_text(text)
        if namer.name_for(key) is not None:
            continue  # the config names it now (an entry added since it was stored)
        suggestion = Suggestion(key, reports, latest_surface(store, text))
        if suggestion.name.casefold() in names:
            continue  # two keys in the same words: offer the busier one only
        names.add(suggestion.name.casefold())
        out.append(suggestion)
        if len(out) >= limit:
            break
    return out


def suggest_text(found: Sequence[Suggestion], *, polled: bool = False) -> str:
    """What `storywatch suggest` prints: the blocks, or why there are none (`polled`: the
    ledger holds figures, so "poll first" would send the user the wrong way)."""
    if not found and polled:
        return "# Every figure the reports state is named by a [[figures]] block already.\n"
    if not found:
        return "# No unnamed figures yet: poll first (storywatch poll --once), then ask again.\n"
    head = "# Paste the figures you want to follow into feeds.toml and edit the words.\n\n"
    return head + "\n\n".join(s.block() for s in found) + "\n"

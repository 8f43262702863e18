"""storywatch commands for the command palette (ctrl+p), next to Textual's own.

The App hands its actions in as a `PaletteActions` (callbacks), and `palette_provider` makes
a Textual `Provider` class around them: the provider never reaches into the App.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.core.store.refs import FigureRef

Command = tuple[str, Callable[[], object], str]  # (name, what it does, help)


@dataclass(frozen=True, slots=True)
class PaletteActions:
    poll_now: Callable[[], object]
    acknowledge_all: Callable[[], object]
    export_changes: Callable[[], object]
    show_config_location: Callable[[], object]
    show_screen: Callable[[str], object]  # "changes", "feeds", "search", "help"
    jump_to_figure: Callable[[FigureRef], object]
    figures: Callable[[], Awaitable[list[FigureRef]]]  # read off the loop when opened
    suggest_figures: Callable[[], Awaitable[object]]


def commands(actions: PaletteActions, figures: Sequence[FigureRef]) -> list[Command]:
    """Every storywatch command, with a jump to each figure's history."""
    found: list[Command] = [
        ("Poll now", actions.poll_now, "Fetch every feed now"),
        ("Acknowledge all changes", actions.acknowledge_all, "Mark every change seen"),
        (
            "Export change log…",
            actions.export_changes,
            "JSON lines, CSV, Markdown or Atom, into the folder storywatch started in",
        ),
        ("Open feeds.toml location", actions.show_config_location, "Show and copy its path"),
        ("Change log", partial(actions.show_screen, "changes"), "All changes"),
        ("Feeds", partial(actions.show_screen, "feeds"), "Feed health"),
        ("Search reports", partial(actions.show_screen, "search"), "Full-text search"),
        (
            "Suggest [[figures]] for this story",
            actions.suggest_figures,
            "Blocks for the busiest unnamed figures, copied to paste into feeds.toml",
        ),
    ]
    for ref in figures:
        found.append(
            (f"Jump to figure: {ref.label}", partial(actions.jump_to_figure, ref), "Its history")
        )
    return found


def palette_provider(actions: PaletteActions) -> type[Provider]:
    """A Provider class (Textual builds providers itself) bound to these actions."""

    class StorywatchCommands(Provider):
        """Poll now, acknowledge all, jump to a figure, export, open the config's folder..."""

        _figures: tuple[FigureRef, ...] = ()  # until startup has read them

        async def startup(self) -> None:
            try:
                self._figures = tuple(await actions.figures())
            except Exception:  # the palette still works without figure names
                self._figures = ()

        async def discover(self) -> Hits:
            for name, command, help_text in commands(actions, self._figures):
                yield DiscoveryHit(Content(name), command, text=name, help=help_text)

        async def search(self, query: str) -> Hits:
            matcher = self.matcher(query)
            for name, command, help_text in commands(actions, self._figures):
                score = matcher.match(name)
                if score > 0:
                    # Not matcher.highlight(): it parses its argument as markup, and figure
                    # labels carry words from feeds.
                    yield Hit(score, Content(name), command, text=name, help=help_text)

    return StorywatchCommands

"""storywatch commands for the command palette (ctrl+p), next to Textual's own."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.core.store.figures import figure_refs
from tui.core.store.refs import FigureRef

if TYPE_CHECKING:
    from tui.app import StorywatchApp


class StorywatchCommands(Provider):
    """Poll now, acknowledge all, jump to a figure, export, open the config's folder..."""

    async def startup(self) -> None:
        app: StorywatchApp = self.app  # type: ignore[assignment]
        self._figures: list[FigureRef] = []
        named = [f.name for f in app.config.figures]
        try:
            self._figures = await app.run_in_thread(lambda store: figure_refs(store, named))
        except Exception:  # the palette still works without figure names
            self._figures = []

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: StorywatchApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("Poll now", app.action_poll_now, "Fetch every feed now"),
            ("Acknowledge all changes", app.action_acknowledge_all, "Mark every change seen"),
            (
                "Export change log…",
                app.export_changes,
                "JSON lines, CSV, Markdown or Atom, into the folder storywatch started in",
            ),
            ("Open feeds.toml location", app.show_config_location, "Show and copy its path"),
            ("Change log", partial(app.action_show_screen, "changes"), "All changes"),
            ("Feeds", partial(app.action_show_screen, "feeds"), "Feed health"),
            ("Search reports", partial(app.action_show_screen, "search"), "Full-text search"),
            (
                "Suggest [[figures]] for this story",
                self.suggest_figures,
                "Blocks for the busiest unnamed figures, copied to paste into feeds.toml",
            ),
        ]
        for ref in getattr(self, "_figures", []):
            commands.append(
                (f"Jump to figure: {ref.label}", partial(app.jump_to_figure, ref), "Its history")
            )
        return commands

    async def suggest_figures(self) -> None:
        """What `storywatch suggest` prints, shown and copied to the clipboard."""
        from tui.core.claims import FigureNamer
        from tui.core.suggest import suggest_text, suggestions

        app: StorywatchApp = self.app  # type: ignore[assignment]
        namer = FigureNamer(app.config.figures)
        text = await app.run_in_thread(lambda store: suggest_text(suggestions(store, namer)))
        app.copy_to_clipboard(text)
        app.notify(text, title="[[figures]] to paste (copied)", markup=False, timeout=30)

    async def discover(self) -> Hits:
        for name, command, help_text in self._commands():
            yield DiscoveryHit(Content(name), command, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                # Not matcher.highlight(): it parses its argument as markup, and figure labels
                # carry words from feeds.
                yield Hit(score, Content(name), command, text=name, help=help_text)

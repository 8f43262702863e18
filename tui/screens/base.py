"""What every storywatch data screen shares: its context, and reload on resume."""

from __future__ import annotations

from textual.screen import Screen

from tui.context import ScreenContext


class DataScreen(Screen[None]):
    """A screen that shows database contents; `reload()` re-reads them off the loop."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self.context = context

    def reload(self) -> None:
        """Ask for this screen's data (a thread worker posts it back)."""

    def on_screen_resume(self) -> None:
        self.reload()

"""What every storywatch screen shares: access to the app, reload on resume."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from tui.app import StorywatchApp


class DataScreen(Screen[None]):
    """A screen that shows database contents; `reload()` re-reads them off the loop."""

    @property
    def sw(self) -> StorywatchApp:
        return self.app  # type: ignore[return-value]

    def reload(self) -> None:
        """Ask the app for this screen's data (a thread worker posts it back)."""

    def on_screen_resume(self) -> None:
        self.reload()


class DataModal(ModalScreen[None]):
    @property
    def sw(self) -> StorywatchApp:
        return self.app  # type: ignore[return-value]

    def reload(self) -> None:
        """Modals show nothing from the database by default."""

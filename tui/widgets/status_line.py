"""The status line: the last problem worth knowing (worker failure, broken feeds.toml)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.widgets.text import clean


class StatusLine(Static):
    def on_mount(self) -> None:
        self.watch(self.app, "status", self._show, init=True)

    def _show(self, status: str) -> None:
        # Problems quote feed text and file paths: never parse them as markup.
        self.update(Content(clean(status)))
        self.set_class(bool(status), "-problem")
        self.display = bool(status)

"""The status line: the last problem worth knowing (worker failure, broken feeds.toml)."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.signal import Signal
from textual.widgets import Static

from tui.widgets.text import clean


class StatusLine(Static):
    """Shows `status()` at mount, then each status `changed` publishes."""

    def __init__(
        self, status: Callable[[], str], changed: Signal[str], *, id: str | None = None
    ) -> None:
        super().__init__("", id=id, markup=False)
        self._status = status
        self._changed = changed

    def on_mount(self) -> None:
        self._changed.subscribe(self, self._show)
        self._show(self._status())

    def _show(self, status: str) -> None:
        # Problems quote feed text and file paths: never parse them as markup.
        self.update(Content(clean(status)))
        self.set_class(bool(status), "-problem")
        self.display = bool(status)

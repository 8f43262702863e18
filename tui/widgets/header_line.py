"""The one-line header: story, last poll, next poll, feed health, unseen changes."""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from tui.core.browse import HeaderStats
from tui.widgets.text import ago, countdown, one_line

if TYPE_CHECKING:
    from tui.app import StorywatchApp


class HeaderLine(Static):
    """Re-rendered every second (for the countdown) from the latest stats."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.stats: HeaderStats | None = None

    @property
    def sw(self) -> StorywatchApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh_line)
        self.refresh_line()

    def show(self, stats: HeaderStats) -> None:
        self.stats = stats
        self.refresh_line()

    def refresh_line(self) -> None:
        self.update(self.line_for(self.sw.clock()))

    def line_for(self, now: datetime) -> Content:
        app = self.sw
        parts: list[Content] = [Content.styled(one_line(app.config.story.title), "bold")]
        stats = self.stats
        if stats is not None:
            last = stats.last_poll_at
            parts.append(Content(f"polled {ago(last, now)}" if last else "never polled"))
        parts.append(self._poll_state())
        if stats is not None:
            feeds = Content.assemble(
                Content.styled(f"{stats.feeds_ok} ok", "$success"),
                " · ",
                Content.styled(f"{stats.feeds_failing} failing", "$error bold")
                if stats.feeds_failing
                else "0 failing",
            )
            parts.append(Content.assemble("feeds ", feeds))
            if stats.unacknowledged:
                parts.append(Content.styled(f"{stats.unacknowledged} unseen", "$warning bold"))
        return Content(" │ ").join(parts)

    def _poll_state(self) -> Content:
        app = self.sw
        if app.poll_mode == "watching":
            return Content.styled("watching (another storywatch polls)", "$accent")
        if app.poll_mode == "off":
            return Content("polling off")
        if app.polling:
            return Content.styled("polling…", "$accent")
        if app.next_poll_at is None:
            return Content("next poll -")
        return Content(f"next in {countdown(app.next_poll_at - time.monotonic())}")

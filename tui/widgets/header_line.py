"""The one-line header: story, last poll, next poll, feed health, unseen changes.

It must fit one line at any width (80 columns included): the fullest form that fits wins.
Parts are shortened, then dropped, least important first; the unseen-change count, the one
thing that calls for action, is never dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from textual import events
from textual.content import Content
from textual.widgets import Static

from tui.context import PollState
from tui.core.store.figures import HeaderStats
from tui.widgets.text import ago, countdown, one_line

SEPARATOR = Content(" │ ")
MIN_TITLE = 12  # cells: the story title is never cut shorter (parts are dropped instead)
CUT_TITLE_FROM = 3  # the first of `_forms()` that may cut the title (the one without "polled")


class HeaderLine(Static):
    """Re-rendered every second (for the countdown) and on resize, from the latest stats.

    `title` gives the story's title now (feeds.toml may be reloaded), `poll_state` who polls
    and when next.
    """

    def __init__(
        self,
        *,
        title: Callable[[], str],
        clock: Callable[[], datetime],
        poll_state: PollState,
        id: str | None = None,
    ) -> None:
        super().__init__("", id=id, markup=False)
        self.stats: HeaderStats | None = None
        self._title = title
        self._clock = clock
        self._polls = poll_state

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh_line)
        self.refresh_line()

    def on_resize(self, _: events.Resize) -> None:
        self.refresh_line()

    def show(self, stats: HeaderStats) -> None:
        self.stats = stats
        self.refresh_line()

    def refresh_line(self) -> None:
        self.update(self.line_for(self._clock(), self.content_region.width or None))

    def line_for(self, now: datetime, width: int | None = None) -> Content:
        """The fullest header that fits `width` cells (all of it when `width` is None).

        The story title is cut (down to MIN_TITLE cells) only once the last-poll time is
        gone: the user knows which story they follow; they cannot guess the rest.
        """
        title = Content.styled(one_line(self._title()), "bold")
        forms = self._forms(now)
        if width is None:
            return SEPARATOR.join([title, *forms[0]])
        for index, rest in enumerate(forms):
            tail = Content("").join([SEPARATOR + part for part in rest])
            if title.cell_length + tail.cell_length <= width:
                return title + tail
            room = width - tail.cell_length
            if index >= CUT_TITLE_FROM and room >= MIN_TITLE:
                return title[: room - 1] + Content("…") + tail
        return (title + Content("").join([SEPARATOR + p for p in forms[-1]]))[:width]

    def _forms(self, now: datetime) -> list[list[Content]]:
        """The parts after the title, from fullest to shortest."""
        stats = self.stats
        if stats is None:
            return [[self._poll_state(short=False)], [self._poll_state(short=True)]]
        last = stats.last_poll_at
        polled = Content(f"polled {ago(last, now)}" if last else "never polled")
        unseen = (
            [Content.styled(f"{stats.unacknowledged} unseen", "$warning bold")]
            if stats.unacknowledged
            else []
        )
        failing = (
            Content.styled(f"{stats.feeds_failing} failing", "$error bold")
            if stats.feeds_failing
            else Content("0 failing")
        )
        feeds = Content.assemble(
            "feeds ", Content.styled(f"{stats.feeds_ok} ok", "$success"), " · ", failing
        )
        short_feeds = Content.assemble(
            Content.styled(f"{stats.feeds_ok} ok", "$success"), "·", failing
        )
        only_failing = [failing] if stats.feeds_failing else []
        long_state, short_state = self._poll_state(short=False), self._poll_state(short=True)
        return [
            [polled, long_state, feeds, *unseen],
            [polled, short_state, feeds, *unseen],
            [polled, short_state, short_feeds, *unseen],
            [short_state, short_feeds, *unseen],
            [short_state, *only_failing, *unseen],
            [*only_failing, *unseen],
            unseen,
        ]

    def _poll_state(self, *, short: bool) -> Content:
        state = self._polls
        if state.mode == "watching":
            text = "watching" if short else "watching (another storywatch polls)"
            return Content.styled(text, "$accent")
        if state.mode == "off":
            return Content("polling off")
        if state.polling:
            return Content.styled("polling…", "$accent")
        next_at = state.next_poll_at
        if next_at is None:
            return Content("next poll -")
        left = countdown(next_at - time.monotonic())
        return Content(f"next {left}" if short else f"next in {left}")

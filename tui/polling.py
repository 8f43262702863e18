"""Background polling for the app: one exclusive poll worker, timed by the monitor's schedule.

If another storywatch already polls this database (it holds the poller lock), the app
watches the database for that process's commits instead. Core events come back as
`PollEvent` messages; a changed figure is announced (toast, bell, notify_command).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual import work
from textual.app import App
from textual.reactive import reactive
from textual.timer import Timer

from tui.core.changes_feed import write_changes_feed
from tui.core.config import Config
from tui.core.lock import PollerLock
from tui.core.models import CycleFinished, Event, FigureChanged
from tui.core.store import StoreError
from tui.messages import DataChanged, PollEvent
from tui.notify import announce
from tui.watchers import watch_database

if TYPE_CHECKING:
    from tui.core.monitor import Monitor

PollMode = Literal["polling", "watching", "off"]
MIN_POLL_GAP = 1.0  # seconds: never spin when a feed is overdue
MAX_POLL_GAP = 300.0  # seconds: re-check the schedule at least this often


class PollingApp(App[None]):
    """The polling half of `StorywatchApp` (a base class, so workers and handlers stay on
    the app, where `on_worker_state_changed` sees their failures)."""

    status: reactive[str] = reactive("")
    polling: reactive[bool] = reactive(False)

    config: Config
    config_path: Path | None
    db_path: Path

    def _init_polling(
        self,
        monitor_factory: Callable[[Config], Monitor] | None,
        *,
        poll: bool,
        first_poll_delay: float,
    ) -> None:
        self._monitor_factory = monitor_factory
        self._poll_wanted = poll
        self._first_poll_delay = first_poll_delay
        self.monitor: Monitor | None = None
        self.poll_mode: PollMode = "off"
        self.next_poll_at: float | None = None
        self.watch_interval = 2.0
        self._lock = PollerLock(self.db_path)
        self._stop = threading.Event()
        self._watch_stop = threading.Event()  # ends watching only (on a takeover)
        self._poll_timer: Timer | None = None
        self._takeover_timer: Timer | None = None

    def start_polling(self) -> None:
        """Poll if we get the poller lock, else watch whoever holds it."""
        if not self._poll_wanted or self._monitor_factory is None:
            return
        if self._lock.acquire():
            self.monitor = self._monitor_factory(self.config)
            self.poll_mode = "polling"
            self._schedule_poll(self._first_poll_delay, only_due=False)
        else:
            self.poll_mode = "watching"
            self.watch_database()
            # The poller we watch may exit (Ctrl-C, a reboot of its terminal): then its
            # lock is free and this dashboard polls, so the story never goes unwatched.
            self._takeover_timer = self.set_interval(self.watch_interval, self.try_takeover)

    def try_takeover(self) -> bool:
        """If the poller this dashboard watched has exited, poll from here. True if so."""
        if self.poll_mode != "watching" or self._monitor_factory is None:
            return False
        if not self._lock.acquire():
            return False
        if self._takeover_timer is not None:
            self._takeover_timer.stop()
        self._watch_stop.set()
        self.monitor = self._monitor_factory(self.config)
        self.poll_mode = "polling"
        self.notify("the other storywatch stopped polling; polling from here now", markup=False)
        self._schedule_poll(0.0, only_due=False)
        return True

    async def stop_polling(self) -> None:
        self._stop.set()
        self._watch_stop.set()
        monitor = self.monitor
        self.monitor = None
        if monitor is not None:
            await monitor.aclose()
        self._lock.release()

    def _schedule_poll(self, delay: float, *, only_due: bool = True) -> None:
        if self._poll_timer is not None:
            self._poll_timer.stop()
        # Textual's Timer divides by its interval when late: never hand it 0.
        delay = min(max(delay, 0.01), MAX_POLL_GAP)
        self.next_poll_at = time.monotonic() + delay
        self._poll_timer = self.set_timer(delay, lambda: self.poll(only_due=only_due))

    @work(exclusive=True, group="poll", exit_on_error=False)
    async def poll(self, only_due: bool = True) -> CycleFinished | None:
        monitor = self.monitor
        if monitor is None:
            return None
        self.polling = True
        try:
            finished = await monitor.poll_cycle(only_due=only_due, listener=self._listen)
            if finished.feeds_polled and self.config.settings.changes_feed:
                await self._write_changes_feed()
            return finished
        finally:
            self.polling = False
            if self.monitor is not None:
                gap = self.monitor.schedule.next_in()
                self._schedule_poll(max(gap, MIN_POLL_GAP))

    async def _write_changes_feed(self) -> None:
        """Rewrite `[settings].changes_feed` as `storywatch poll` does; failures are shown."""
        try:
            await asyncio.to_thread(write_changes_feed, self.config, self.config_path, self.db_path)
        except (OSError, StoreError) as exc:
            self.notify(f"could not write changes_feed: {exc}", severity="warning", markup=False)

    def _listen(self, event: Event) -> None:
        """The monitor's listener (called on the event loop): hand events to the UI."""
        self.post_message(PollEvent(event))

    def on_poll_event(self, message: PollEvent) -> None:
        event = message.event
        if isinstance(event, FigureChanged):
            announce(self, event)
        elif isinstance(event, CycleFinished):
            self.status = (
                f"{event.feeds_failed} of {event.feeds_polled} feeds failed in the last poll"
                if event.feeds_failed
                else ""
            )
            self.post_message(DataChanged())

    @work(thread=True, exclusive=True, group="watch-db", exit_on_error=False)
    def watch_database(self) -> None:
        """Another process polls: refresh whenever it commits."""
        watch_database(self, self.db_path, self._watch_stop, self.watch_interval)

    def action_poll_now(self) -> None:
        if self.poll_mode == "watching":
            self.notify("another storywatch polls this database", markup=False)
        elif self.poll_mode == "off" or self.monitor is None:
            self.notify("polling is off", markup=False)
        elif self.polling:
            self.notify("already polling", markup=False)
        else:
            self._schedule_poll(0.0, only_due=False)

"""Background polling for the dashboard: one exclusive poll worker, timed by the monitor's
schedule.

If another storywatch already polls this database (it holds the poller lock), the poller
watches the database for that process's commits instead, and takes over when that process
exits. Core events go to the host (the App) as `PollEvent` messages; commits by another
process as `DataChanged`. `Poller` satisfies `tui.context.PollState`.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.timer import Timer

from tui.context import PollMode
from tui.core.changes_feed import write_changes_feed
from tui.core.config import Config
from tui.core.lock import PollerLock
from tui.core.models import CycleFinished, Event
from tui.core.store import StoreError
from tui.messages import PollEvent
from tui.watchers import watch_database

if TYPE_CHECKING:
    from tui.core.monitor import Monitor

MIN_POLL_GAP = 1.0  # seconds: never spin when a feed is overdue
MAX_POLL_GAP = 300.0  # seconds: re-check the schedule at least this often


class Poller:
    """Polls `db_path`'s feeds on timers and workers of `host`, or watches another poller.

    `config` gives the config in force (feeds.toml may be reloaded); `monitor_factory` None
    (or `poll=False`) means never poll.
    """

    def __init__(
        self,
        host: App[None],
        db_path: Path,
        *,
        config: Callable[[], Config],
        config_path: Path | None,
        monitor_factory: Callable[[Config], Monitor] | None,
        poll: bool,
        first_poll_delay: float,
    ) -> None:
        self._host = host
        self._db_path = db_path
        self._config = config
        self._config_path = config_path
        self._monitor_factory = monitor_factory if poll else None
        self._first_poll_delay = first_poll_delay
        self.monitor: Monitor | None = None
        self.mode: PollMode = "off"
        self.polling = False
        self.next_poll_at: float | None = None
        self.watch_interval = 2.0  # seconds between looks at another poller's commits
        self._lock = PollerLock(db_path)
        self._watch_stop = threading.Event()  # ends watching (on quit or a takeover)
        self._poll_timer: Timer | None = None
        self._takeover_timer: Timer | None = None

    def start(self) -> None:
        """Poll if we get the poller lock, else watch whoever holds it."""
        if self._monitor_factory is None:
            return
        if self._lock.acquire():
            self.monitor = self._monitor_factory(self._config())
            self.mode = "polling"
            self._schedule(self._first_poll_delay, only_due=False)
            return
        self.mode = "watching"
        self._host.run_worker(
            partial(
                watch_database, self._host, self._db_path, self._watch_stop, self.watch_interval
            ),
            thread=True,
            exclusive=True,
            group="watch-db",
            exit_on_error=False,
        )
        # The poller we watch may exit (Ctrl-C, a reboot of its terminal): then its lock is
        # free and this dashboard polls, so the story never goes unwatched.
        self._takeover_timer = self._host.set_interval(self.watch_interval, self.try_takeover)

    def try_takeover(self) -> bool:
        """If the poller this dashboard watched has exited, poll from here. True if so."""
        if self.mode != "watching" or self._monitor_factory is None:
            return False
        if not self._lock.acquire():
            return False
        if self._takeover_timer is not None:
            self._takeover_timer.stop()
        self._watch_stop.set()
        self.monitor = self._monitor_factory(self._config())
        self.mode = "polling"
        self._host.notify(
            "the other storywatch stopped polling; polling from here now", markup=False
        )
        self._schedule(0.0, only_due=False)
        return True

    async def stop(self) -> None:
        self._watch_stop.set()
        monitor, self.monitor = self.monitor, None
        if monitor is not None:
            await monitor.aclose()
        self._lock.release()

    def reload(self, config: Config) -> None:
        """feeds.toml changed: the monitor polls the new feeds from its next cycle."""
        if self.monitor is not None:
            self.monitor.reload(config)

    def poll_now(self) -> str | None:
        """Start a full poll now; or say why not (another process polls, polling is off...)."""
        if self.mode == "watching":
            return "another storywatch polls this database"
        if self.mode == "off" or self.monitor is None:
            return "polling is off"
        if self.polling:
            return "already polling"
        self._schedule(0.0, only_due=False)
        return None

    def _schedule(self, delay: float, *, only_due: bool = True) -> None:
        if self._poll_timer is not None:
            self._poll_timer.stop()
        # Textual's Timer divides by its interval when late: never hand it 0.
        delay = min(max(delay, 0.01), MAX_POLL_GAP)
        self.next_poll_at = time.monotonic() + delay
        self._poll_timer = self._host.set_timer(delay, partial(self._start_cycle, only_due))

    def _start_cycle(self, only_due: bool) -> None:
        self._host.run_worker(
            self._cycle(only_due), group="poll", exclusive=True, exit_on_error=False
        )

    async def _cycle(self, only_due: bool) -> CycleFinished | None:
        monitor = self.monitor
        if monitor is None:
            return None
        self.polling = True
        try:
            finished = await monitor.poll_cycle(only_due=only_due, listener=self._listen)
            if finished.feeds_polled and self._config().settings.changes_feed:
                await self._write_changes_feed()
            return finished
        finally:
            self.polling = False
            if self.monitor is not None:
                self._schedule(max(self.monitor.schedule.next_in(), MIN_POLL_GAP))

    async def _write_changes_feed(self) -> None:
        """Rewrite `[settings].changes_feed` as `storywatch poll` does; failures are shown."""
        try:
            await asyncio.to_thread(
                write_changes_feed, self._config(), self._config_path, self._db_path
            )
        except (OSError, StoreError) as exc:
            self._host.notify(
                f"could not write changes_feed: {exc}", severity="warning", markup=False
            )

    def _listen(self, event: Event) -> None:
        """The monitor's listener (called on the event loop): hand events to the host."""
        self._host.post_message(PollEvent(event))

"""The storywatch dashboard: wiring between the screens and the headless core.

The app owns the background work: the poll worker (one cycle at a time, timed by the
monitor's schedule), the database watcher (when another process polls), the feeds.toml
watcher, and the reader/writer thread workers that screens ask for. Every worker runs on
the app, so `on_worker_state_changed` here is the one place failures are handled.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal, TypeVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.message_pump import MessagePump
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from tui.core.browse import FigureRef, export_changes, key_label, pending_change_ids
from tui.core.config import Config
from tui.core.lock import PollerLock
from tui.core.models import CycleFinished, Event, FigureChanged
from tui.core.parse import utc_now
from tui.core.queries import acknowledge
from tui.core.store import Store, iso
from tui.messages import Acknowledged, ConfigChanged, DataChanged, PollEvent
from tui.screens.changes import ChangeLogScreen
from tui.screens.commands import StorywatchCommands
from tui.screens.feeds import FeedsScreen
from tui.screens.help import HelpScreen
from tui.screens.history import HistoryScreen
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.screens.watchers import notify_command, watch_config
from tui.widgets.text import one_line

if TYPE_CHECKING:
    from tui.core.monitor import Monitor

T = TypeVar("T")
PollMode = Literal["polling", "watching", "off"]
MIN_POLL_GAP = 1.0  # seconds: never spin when a feed is overdue
MAX_POLL_GAP = 300.0  # seconds: re-check the schedule at least this often


class StorywatchApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "storywatch"
    COMMANDS = App.COMMANDS | {StorywatchCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "poll_now", "Poll now"),
        Binding("A", "acknowledge_all", "Ack all"),
        Binding("c", "show_screen('changes')", "Changes"),
        Binding("f", "show_screen('feeds')", "Feeds"),
        Binding("slash", "show_screen('search')", "Search"),
        Binding("question_mark", "show_screen('help')", "Help"),
        Binding("f1", "show_screen('help')", "Help", show=False),
        Binding("q", "back", "Back/Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    status: reactive[str] = reactive("")
    polling: reactive[bool] = reactive(False)

    def __init__(
        self,
        config: Config,
        db_path: Path,
        *,
        config_path: Path | None = None,
        clock: Callable[[], datetime] = utc_now,
        monitor_factory: Callable[[Config], Monitor] | None = None,
        poll: bool = True,
        first_poll_delay: float = 0.0,
        title_suffix: str = "",
    ) -> None:
        super().__init__()
        self.config = config
        self.db_path = db_path
        self.config_path = config_path
        self.clock = clock
        self.title = f"storywatch{title_suffix}"
        self._monitor_factory = monitor_factory
        self._poll_wanted = poll
        self._first_poll_delay = first_poll_delay
        self.monitor: Monitor | None = None
        self.poll_mode: PollMode = "off"
        self.next_poll_at: float | None = None
        self.watch_interval = 2.0
        self._lock = PollerLock(db_path)
        self._stop = threading.Event()
        self._poll_timer: Timer | None = None

    # -- start and stop --------------------------------------------------------------------

    def on_mount(self) -> None:
        if self._poll_wanted and self._monitor_factory is not None:
            if self._lock.acquire():
                self.monitor = self._monitor_factory(self.config)
                self.poll_mode = "polling"
                self._schedule_poll(self._first_poll_delay, only_due=False)
            else:
                self.poll_mode = "watching"
                self.watch_database()
        if self.config_path is not None:
            self.run_worker(
                watch_config(self, self.config_path), group="config", exit_on_error=False
            )

    async def on_unmount(self) -> None:
        self._stop.set()
        monitor = self.monitor
        self.monitor = None
        if monitor is not None:
            await monitor.aclose()
        self._lock.release()

    # -- one place for worker failures -----------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        what = worker.group if worker.group != "default" else worker.name
        message = f"{what} failed: {type(worker.error).__name__}: {worker.error}"
        self.status = one_line(message)
        self.notify(one_line(message), title="storywatch", severity="error", markup=False)

    # -- reading and writing the database off the event loop -------------------------------

    def read(
        self, target: MessagePump, query: Callable[[Store], Message | None], *, group: str
    ) -> Worker[None]:
        """Run `query` in a thread with its own read connection; post its message to `target`.

        A newer read in the same group cancels an older one, whose result is then dropped.
        """
        return self._db_job(target, query, group=group, readonly=True)

    def write(
        self, target: MessagePump, change: Callable[[Store], Message | None], *, group: str
    ) -> Worker[None]:
        return self._db_job(target, change, group=group, readonly=False)

    def _db_job(
        self,
        target: MessagePump,
        job: Callable[[Store], Message | None],
        *,
        group: str,
        readonly: bool,
    ) -> Worker[None]:
        db_path = self.db_path

        def run() -> None:
            worker = get_current_worker()
            store = Store(db_path, readonly=readonly)  # connections never cross threads
            try:
                message = job(store)
            finally:
                store.close()
            if message is not None and not worker.is_cancelled:
                target.post_message(message)

        return self.run_worker(
            run, thread=True, group=group, exclusive=True, exit_on_error=False, name=group
        )

    def acknowledge(
        self, change_ids: list[int] | None = None, *, ref: FigureRef | None = None
    ) -> None:
        """Mark changes seen in the database: these ids, a figure's pending ones, or all."""
        now = iso(self.clock())

        def change(store: Store) -> Message:
            ids = pending_change_ids(store, ref) if ref is not None else change_ids
            if ids is not None and not ids:
                return Acknowledged(0)
            return Acknowledged(acknowledge(store, ids, now))

        self.write(self, change, group="acknowledge")

    def on_acknowledged(self, message: Acknowledged) -> None:
        text = (
            f"acknowledged {message.count} change(s)" if message.count else "nothing to acknowledge"
        )
        self.notify(text, markup=False)
        self.post_message(DataChanged())

    def on_data_changed(self, _: DataChanged) -> None:
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if reload is not None:
                reload()

    # -- polling ---------------------------------------------------------------------------

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
            return await monitor.poll_cycle(only_due=only_due, listener=self._listen)
        finally:
            self.polling = False
            if self.monitor is not None:
                gap = self.monitor.schedule.next_in()
                self._schedule_poll(max(gap, MIN_POLL_GAP))

    def _listen(self, event: Event) -> None:
        """The monitor's listener (called on the event loop): hand events to the UI."""
        self.post_message(PollEvent(event))

    def on_poll_event(self, message: PollEvent) -> None:
        event = message.event
        if isinstance(event, FigureChanged):
            self._announce(event)
        elif isinstance(event, CycleFinished):
            self.status = (
                f"{event.feeds_failed} of {event.feeds_polled} feeds failed in the last poll"
                if event.feeds_failed
                else ""
            )
            self.post_message(DataChanged())

    def _announce(self, event: FigureChanged) -> None:
        figure = key_label(event.figure) if event.figure.count("|") == 4 else event.figure
        old = event.old_value or "?"
        if event.verdict == "disputed":
            text = f"⚠ {figure}: {event.new_value} disputes {old} · {event.feed}"
        else:
            text = f"{figure}: {old} → {event.new_value} · {event.feed}"
            if event.verdict == "revised":
                text += " (revised article)"
        severity: SeverityLevel = "information" if event.within_margin else "warning"
        self.notify(one_line(text), title="figure changed", severity=severity, markup=False)
        if self.config.settings.bell:
            self.bell()
        if command := self.config.settings.notify_command:
            args = [figure, event.old_value or "", event.new_value, event.feed, str(event.verdict)]
            self.run_worker(
                notify_command(self, command, args), group="notify", exit_on_error=False
            )

    @work(thread=True, exclusive=True, group="watch-db", exit_on_error=False)
    def watch_database(self) -> None:
        """Another process polls: refresh whenever it commits (checked every ~2 s)."""
        store = Store(self.db_path, readonly=True)
        try:
            seen = store.data_version()
            while not self._stop.wait(self.watch_interval):
                version = store.data_version()
                if version != seen:
                    seen = version
                    self.post_message(DataChanged())
        finally:
            store.close()

    def on_config_changed(self, message: ConfigChanged) -> None:
        if message.config is None:
            self.status = (
                "feeds.toml has problems; the previous config stays in force: "
                + "; ".join(message.problems)
            )
            self.notify(
                "\n".join(message.problems),
                title="feeds.toml not reloaded",
                severity="error",
                markup=False,
            )
            return
        self.config = message.config
        if self.monitor is not None:
            self.monitor.reload(message.config)
        self.status = ""
        self.notify("feeds.toml reloaded", markup=False)
        self.post_message(DataChanged())

    # -- actions ---------------------------------------------------------------------------

    def action_poll_now(self) -> None:
        if self.poll_mode == "watching":
            self.notify("another storywatch polls this database", markup=False)
        elif self.poll_mode == "off" or self.monitor is None:
            self.notify("polling is off", markup=False)
        elif self.polling:
            self.notify("already polling", markup=False)
        else:
            self._schedule_poll(0.0, only_due=False)

    def action_acknowledge_all(self) -> None:
        self.acknowledge(None)

    async def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()
        else:
            self.exit()

    def action_show_screen(self, name: str) -> None:
        screens: dict[str, Callable[[], Screen[None]]] = {
            "changes": ChangeLogScreen,
            "feeds": FeedsScreen,
            "search": SearchScreen,
            "help": HelpScreen,
        }
        factory = screens[name]
        if type(self.screen) is factory:
            return
        self.push_screen(factory())

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

    def jump_to_figure(self, ref: FigureRef) -> None:
        self.push_screen(HistoryScreen(ref))

    async def run_in_thread(self, query: Callable[[Store], T]) -> T:
        """A one-off read on a thread of its own, for code that can simply await it."""

        def job() -> T:
            with Store(self.db_path, readonly=True) as store:
                return query(store)

        return await asyncio.to_thread(job)

    def export_changes(self) -> None:
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        path = self.db_path.parent / f"storywatch-changes-{stamp}.jsonl"

        def job(store: Store) -> None:
            count = export_changes(store, path)
            self.call_from_thread(
                self.notify, f"wrote {count} changes to {path}", title="exported", markup=False
            )

        self.read(self, job, group="export")

    def show_config_location(self) -> None:
        path = str(self.config_path.resolve()) if self.config_path else "(no config file)"
        self.copy_to_clipboard(path)
        self.notify(f"{path} (path copied)", title="feeds.toml", markup=False)

    def open_link(self, url: str | None) -> None:
        """Open a report's link: only http(s), whatever the feed says."""
        from urllib.parse import urlsplit

        if not url or urlsplit(url).scheme.lower() not in ("http", "https"):
            self.notify("this report has no web link", severity="warning", markup=False)
            return
        self.open_url(url)

"""The storywatch dashboard: wiring between the screens and the headless core.

The app owns the background work, split by concern into its two base classes:
`PollingApp` (tui/polling.py: the poll worker timed by the monitor's schedule, or the
database watcher when another process polls) and `DatabaseApp` (tui/database.py: the
reader/writer thread workers that screens ask for). Every worker runs on the app, so
`on_worker_state_changed` here is the one place failures are handled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.commands import StorywatchCommands
from tui.core.clock import utc_now
from tui.core.config import Config
from tui.core.store.refs import FigureRef
from tui.database import DatabaseApp
from tui.messages import ConfigChanged, DataChanged
from tui.polling import PollingApp
from tui.prefs import load_prefs, save_pref
from tui.screens.changes import ChangeLogScreen
from tui.screens.feeds import FeedsScreen
from tui.screens.help import HelpScreen
from tui.screens.history import HistoryScreen
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.watchers import watch_config
from tui.widgets.text import one_line

if TYPE_CHECKING:
    from tui.core.monitor import Monitor


class StorywatchApp(PollingApp, DatabaseApp):
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
        export_dir: Path | None = None,
        prefs_path: Path | None = None,
    ) -> None:
        super().__init__()
        # Preferences kept between runs (the theme); None keeps nothing (tests, embedding).
        self.prefs_path = prefs_path
        self.config = config
        self.db_path = db_path
        # Exports go where the user started storywatch, not beside a database that may be
        # in a data dir or (the demo) a temporary folder.
        self.export_dir = export_dir or Path.cwd()
        self.config_path = config_path
        self.clock = clock
        self.title = f"storywatch{title_suffix}"
        self._init_polling(monitor_factory, poll=poll, first_poll_delay=first_poll_delay)

    # -- start and stop --------------------------------------------------------------------

    def on_mount(self) -> None:
        theme = load_prefs(self.prefs_path).get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.watch(self, "theme", self._save_theme, init=False)
        self.start_polling()
        if self.config_path is not None:
            self.run_worker(
                watch_config(self, self.config_path), group="config", exit_on_error=False
            )

    def _save_theme(self, theme: str) -> None:
        save_pref(self.prefs_path, "theme", theme)

    async def on_unmount(self) -> None:
        await self.stop_polling()

    # -- one place for worker failures -----------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        what = worker.group if worker.group != "default" else worker.name
        message = f"{what} failed: {type(worker.error).__name__}: {worker.error}"
        self.status = one_line(message)
        self.notify(one_line(message), title="storywatch", severity="error", markup=False)

    # -- feeds.toml edited -----------------------------------------------------------------

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

    # -- screens and actions ---------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

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

    def jump_to_figure(self, ref: FigureRef) -> None:
        self.push_screen(HistoryScreen(ref))

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
        self.run_worker(self._open_in_browser(url), group="browser", exit_on_error=False)

    async def _open_in_browser(self, url: str) -> None:
        """Say so when no browser can be opened (a server, a container): the link is shown
        and copied instead of nothing happening."""
        import asyncio
        import webbrowser

        if self.is_web:
            self.open_url(url)
            return
        if await asyncio.to_thread(webbrowser.open, url):
            return
        self.copy_to_clipboard(url)
        self.notify(
            f"no web browser could be opened here; the link (copied): {url}",
            title="open link",
            severity="warning",
            markup=False,
            timeout=15,
        )

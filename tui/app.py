"""The storywatch dashboard: wiring between the screens and the headless core.

The App owns two explicit collaborators: `Database` (tui/database.py: reads and writes on
thread workers) and `Poller` (tui/polling.py: the poll worker timed by the monitor's
schedule, or the database watcher when another process polls). Both run their workers on
the App, so `on_worker_state_changed` here is the one place failures are handled. Screens
get a `ScreenContext` built from them (tui/context.py) and ask for what only the App does
with messages (`AcknowledgeRequested`, `OpenLinkRequested`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import Worker, WorkerState

from tui.browser import open_link
from tui.commands import PaletteActions, palette_provider
from tui.context import ScreenContext
from tui.core.clock import utc_now
from tui.core.config import Config
from tui.core.models import CycleFinished, FigureChanged
from tui.core.store import iso
from tui.core.store.figures import figure_refs
from tui.core.store.refs import FigureRef
from tui.database import Database
from tui.exporting import ChangeExporter
from tui.messages import (
    Acknowledged,
    AcknowledgeRequested,
    ConfigChanged,
    DataChanged,
    OpenLinkRequested,
    PollEvent,
)
from tui.notify import announce
from tui.polling import Poller
from tui.prefs import load_prefs, save_pref
from tui.screens.base import DataScreen
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


class StorywatchApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "storywatch"
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
        self.database = Database(self, db_path)
        self.poller = Poller(
            self,
            db_path,
            config=lambda: self.config,
            config_path=config_path,
            monitor_factory=monitor_factory,
            poll=poll,
            first_poll_delay=first_poll_delay,
        )
        self.exporter = ChangeExporter(
            self, self.database, self.export_dir, clock=clock, title=lambda: self.config.story.title
        )
        self._status = ""
        self.status_changed: Signal[str] = Signal(self, "status")
        self.context = ScreenContext(
            reader=self.database,
            clock=clock,
            config=lambda: self.config,
            poll_state=self.poller,
            status=lambda: self.status,
            status_changed=self.status_changed,
        )
        self._palette = palette_provider(
            PaletteActions(
                poll_now=self.action_poll_now,
                acknowledge_all=self.action_acknowledge_all,
                export_changes=self.export_changes,
                show_config_location=self.show_config_location,
                show_screen=self.action_show_screen,
                jump_to_figure=self.jump_to_figure,
                figures=self._palette_figures,
                suggest_figures=self._suggest_figures,
            )
        )

    @property
    def status(self) -> str:
        """The last problem worth knowing, shown in the status line ("" when none)."""
        return self._status

    @status.setter
    def status(self, text: str) -> None:
        self._status = text
        self.status_changed.publish(text)

    # -- start and stop --------------------------------------------------------------------

    def on_mount(self) -> None:
        theme = load_prefs(self.prefs_path).get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.watch(self, "theme", self._save_theme, init=False)
        self.poller.start()
        if self.config_path is not None:
            self.run_worker(
                watch_config(self, self.config_path), group="config", exit_on_error=False
            )

    def _save_theme(self, theme: str) -> None:
        save_pref(self.prefs_path, "theme", theme)

    async def on_unmount(self) -> None:
        await self.poller.stop()

    # -- what workers, the poller and feeds.toml report ------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        what = worker.group if worker.group != "default" else worker.name
        message = f"{what} failed: {type(worker.error).__name__}: {worker.error}"
        self.status = one_line(message)
        self.notify(one_line(message), title="storywatch", severity="error", markup=False)

    def on_poll_event(self, message: PollEvent) -> None:
        event = message.event
        if isinstance(event, FigureChanged):
            announce(self, self.config.settings, event)
        elif isinstance(event, CycleFinished):
            self.status = (
                f"{event.feeds_failed} of {event.feeds_polled} feeds failed in the last poll"
                if event.feeds_failed
                else ""
            )
            self.post_message(DataChanged())

    def on_data_changed(self, _: DataChanged) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, DataScreen):
                screen.reload()

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
        self.poller.reload(message.config)
        self.status = ""
        self.notify("feeds.toml reloaded", markup=False)
        self.post_message(DataChanged())

    # -- what screens ask for ----------------------------------------------------------------

    def on_acknowledge_requested(self, message: AcknowledgeRequested) -> None:
        self.database.acknowledge(iso(self.clock()), message.change_ids, ref=message.ref)

    def on_acknowledged(self, message: Acknowledged) -> None:
        text = (
            f"acknowledged {message.count} change(s)" if message.count else "nothing to acknowledge"
        )
        self.notify(text, markup=False)
        self.post_message(DataChanged())

    def on_open_link_requested(self, message: OpenLinkRequested) -> None:
        open_link(self, message.url)

    # -- screens and actions ---------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.context)

    def action_command_palette(self) -> None:
        """Textual's palette, with storywatch's commands bound to this app's actions."""
        # (CommandPalette.is_open's test, which wants an App[object].)
        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            providers = [*App.COMMANDS, self._palette]
            self.push_screen(CommandPalette(providers, id="--command-palette"))

    async def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()
        else:
            self.exit()

    def action_show_screen(self, name: str) -> None:
        kinds: dict[str, type[Screen[None]]] = {
            "changes": ChangeLogScreen,
            "feeds": FeedsScreen,
            "search": SearchScreen,
            "help": HelpScreen,
        }
        kind = kinds[name]
        if type(self.screen) is kind:
            return
        self.push_screen(kind(self.context) if issubclass(kind, DataScreen) else kind())

    def action_poll_now(self) -> None:
        if (why_not := self.poller.poll_now()) is not None:
            self.notify(why_not, markup=False)

    def action_acknowledge_all(self) -> None:
        self.database.acknowledge(iso(self.clock()))

    def jump_to_figure(self, ref: FigureRef) -> None:
        self.push_screen(HistoryScreen(self.context, ref))

    def export_changes(self) -> None:
        """Ask for a format, then write into `export_dir` (where storywatch was started)."""
        self.exporter.start()

    def show_config_location(self) -> None:
        path = str(self.config_path.resolve()) if self.config_path else "(no config file)"
        self.copy_to_clipboard(path)
        self.notify(f"{path} (path copied)", title="feeds.toml", markup=False)

    async def _palette_figures(self) -> list[FigureRef]:
        named = [f.name for f in self.config.figures]
        return await self.database.fetch(lambda store: figure_refs(store, named))

    async def _suggest_figures(self) -> None:
        """What `storywatch suggest` prints, shown and copied to the clipboard."""
        from tui.core.claims import FigureNamer
        from tui.core.store.figure_names import has_claims
        from tui.core.suggest import suggest_text, suggestions

        namer = FigureNamer(self.config.figures)
        text = await self.database.fetch(
            lambda store: suggest_text(suggestions(store, namer), polled=has_claims(store))
        )
        self.copy_to_clipboard(text)
        self.notify(text, title="[[figures]] to paste (copied)", markup=False, timeout=30)

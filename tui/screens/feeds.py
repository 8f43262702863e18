"""Each feed's health: status, last success, last error with its count, next poll."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from tui.context import ScreenContext
from tui.core.store.feeds import FeedHealthRow, feed_health
from tui.messages import FeedsLoaded
from tui.screens.base import DataScreen
from tui.widgets.text import ago, cell, clean, local_time


class FeedTable(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class FeedsScreen(DataScreen):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.back", "Back", show=False)]

    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.rows: list[FeedHealthRow] = []

    def compose(self) -> ComposeResult:
        yield Static("Feeds", classes="screen-title")
        yield FeedTable(id="feeds", cursor_type="row", zebra_stripes=True)
        # The table cuts long errors ("host name not found: ..." lost its host): the
        # selected feed's whole URL and error are spelled out here.
        yield Static(id="feed-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(FeedTable)
        for label, width in (("Feed", 22), ("Status", 12), ("Reports", 7), ("Last success", 16)):
            table.add_column(label, width=width)
        table.add_column("Next poll", width=12)
        table.add_column("Last error")
        table.focus()

    def reload(self) -> None:
        self.context.reader.read(self, lambda store: FeedsLoaded(feed_health(store)), group="feeds")

    def on_feeds_loaded(self, message: FeedsLoaded) -> None:
        table = self.query_one(FeedTable)
        keep = table.cursor_row
        self.rows = list(message.rows)
        table.clear()
        now = self.context.clock()
        for row in message.rows:
            status = cell(row.state, "bold reverse" if row.consecutive_failures else "")
            error = ""
            if row.last_error:
                when = ago(row.last_error_at, now)
                error = f"{row.last_error} ({row.total_failures} failures, {when})"
            table.add_row(
                cell(row.name),
                status,
                cell(str(row.reports)),
                cell(local_time(row.last_success_at, now) if row.last_success_at else "never"),
                cell(local_time(row.next_poll_at, now)),
                cell(error),
                key=row.name,
            )
        if self.rows:
            table.move_cursor(row=min(max(keep, 0), len(self.rows) - 1))
        self._show_detail(table.cursor_row)

    @on(DataTable.RowHighlighted, "#feeds")
    def feed_highlighted(self, message: DataTable.RowHighlighted) -> None:
        self._show_detail(message.cursor_row)

    def _show_detail(self, index: int) -> None:
        detail = self.query_one("#feed-detail", Static)
        if not 0 <= index < len(self.rows):
            detail.update("no feeds yet: add [[feeds]] to feeds.toml")
            return
        row = self.rows[index]
        lines = [f"{clean(row.name)}  {clean(row.url)}"]
        if row.last_error:
            lines.append(f"last error ({row.last_error_at}): {clean(row.last_error)}")
        detail.update(Content("\n".join(lines)))

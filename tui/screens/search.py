"""Full-text search over every version of every report (SQLite FTS5)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Input, Static

from tui.context import ScreenContext
from tui.core.store.timeline import search_reports
from tui.messages import OpenLinkRequested, SearchResults
from tui.screens.base import DataScreen
from tui.widgets.report_table import ReportTable


class SearchScreen(DataScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back"),
        Binding("slash", "focus_input", "New search", show=False),
    ]

    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Static("Search reports", classes="screen-title")
        yield Input(placeholder="words to find in titles and texts, then enter", id="search-input")
        yield Static(id="search-count", markup=False)
        yield ReportTable(id="results", paged=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def search(self, message: Input.Submitted) -> None:
        self.query_text = message.value
        self.reload()
        self.query_one(ReportTable).focus()

    def reload(self) -> None:
        text = self.query_text
        if text.strip():
            self.context.reader.read(
                self, lambda store: SearchResults(text, search_reports(store, text)), group="search"
            )

    def on_search_results(self, message: SearchResults) -> None:
        self.query_one(ReportTable).show(message.rows, self.context.clock())
        self.query_one("#search-count", Static).update(f"{len(message.rows)} reports")

    @on(DataTable.RowSelected, "#results")
    def open_report(self, message: DataTable.RowSelected) -> None:
        from tui.screens.report import ReportScreen

        if message.row_key.value is not None:
            self.app.push_screen(ReportScreen(self.context, int(message.row_key.value)))

    @on(ReportTable.OpenLink)
    def open_link(self, message: ReportTable.OpenLink) -> None:
        self.post_message(OpenLinkRequested(message.row.link))

    def action_focus_input(self) -> None:
        self.query_one(Input).focus()

"""Every observation of one figure, paged from SQLite, with a trend per source."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from tui.context import ScreenContext
from tui.core.store.figures import level_and_plan, summarise
from tui.core.store.history import HistoryRow, history_count, history_page, history_points
from tui.core.store.refs import FigureRef
from tui.messages import HistoryLoaded, HistoryOverview
from tui.screens.base import DataScreen
from tui.widgets.figure_card import source_label
from tui.widgets.history_chart import HistoryChart
from tui.widgets.text import cell, local_time, one_line

PAGE = 100
TENSE_STYLE = {"planned": "italic", "historic": "dim"}  # the level is plain


class HistoryTable(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("pagedown,n,space", "screen.page(1)", "Next page"),
        Binding("pageup,p", "screen.page(-1)", "Previous page"),
        Binding("g", "screen.first_page", "Newest", show=False),
    ]


class HistoryScreen(DataScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back", show=False),
    ]

    def __init__(self, context: ScreenContext, ref: FigureRef) -> None:
        super().__init__(context)
        self.ref = ref
        self.anchors: list[tuple[str, int] | None] = [None]  # the `after` key of each page
        self.rows: list[HistoryRow] = []
        self.total: int | None = None

    @property
    def page_number(self) -> int:
        return len(self.anchors) - 1

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(one_line(self.ref.label), "bold"), id="history-title")
        yield HistoryChart(id="history-chart")
        yield Static(id="history-page", markup=False)
        yield HistoryTable(id="history", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(HistoryTable)
        # "As of" is its own column: "up to 2,000 (planned)" in the Value column was cut
        # to "up to 2,000 (…" at 80 columns. The bound needs none: the value says it
        # ("about", "over", "up to").
        for label, width in (
            ("Time", 12),
            ("Value", 14),
            ("As of", 8),
            ("Source", 16),
            ("Outlet", 20),
        ):
            table.add_column(label, width=width)
        table.add_column("Sentence")
        self.load_overview()

    def load_overview(self) -> None:
        """The title's level and plan, the chart and the total: read again after each poll,
        or a poll while the screen is open left "observations 1–9 of 7" and an old level."""
        ref = self.ref
        self.context.reader.read(
            self,
            lambda store: HistoryOverview(
                ref,
                history_count(store, ref),
                history_points(store, ref),
                level_and_plan(summarise(store, ref)),
            ),
            group="history-overview",
        )

    def reload(self) -> None:
        if self.is_mounted:
            self.load_overview()
        self.load_page(self.anchors[-1])

    def load_page(self, after: tuple[str, int] | None) -> None:
        ref, page = self.ref, self.page_number
        self.context.reader.read(
            self,
            lambda store: HistoryLoaded(
                ref, history_page(store, ref, after=after, limit=PAGE), page
            ),
            group="history",
        )

    def on_history_overview(self, message: HistoryOverview) -> None:
        self.total = message.total
        if message.level_and_plan:
            title = Content.assemble(
                Content.styled(one_line(self.ref.label), "bold"),
                Content.styled(f"  {one_line(message.level_and_plan)}", "$text-muted"),
            )
            self.query_one("#history-title", Static).update(title)
        self.query_one(HistoryChart).show(message.series)
        self._show_page_label()

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        if message.page != self.page_number:
            return
        if not message.rows and self.page_number > 0:
            self.anchors.pop()  # past the end: stay on the last page
            self.notify("no older observations", markup=False)
            return
        self.rows = message.rows
        table = self.query_one(HistoryTable)
        table.clear()
        now = self.context.clock()
        for row in message.rows:
            table.add_row(
                cell(local_time(row.observed_at, now)),
                cell(row.display),
                # current, planned or historic, as `changes --json` says
                cell(row.as_of, TENSE_STYLE.get(row.as_of, "")),
                cell(row.source),
                # Copies are folded into their origin's row: "AP · 5 outlets".
                cell(source_label(row.feed, row.outlets) + (" (copy)" if row.copy else "")),
                cell(row.sentence),
                key=str(row.id),
            )
        self._show_page_label()

    def _show_page_label(self) -> None:
        first = self.page_number * PAGE + 1
        last = first + len(self.rows) - 1
        total = f" of {self.total:,}" if self.total is not None else ""
        label = (
            f"page {self.page_number + 1} · observations {first:,}–{last:,}{total} · newest first"
        )
        self.query_one("#history-page", Static).update(label)

    def action_page(self, step: int) -> None:
        if step > 0:
            if len(self.rows) < PAGE:
                self.notify("no older observations", markup=False)
                return
            self.anchors.append((self.rows[-1].observed_at, self.rows[-1].id))
        elif self.page_number == 0:
            return
        else:
            self.anchors.pop()
        self.load_page(self.anchors[-1])

    def action_first_page(self) -> None:
        self.anchors = [None]
        self.load_page(None)

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        from tui.screens.report import ReportScreen

        if 0 <= message.cursor_row < len(self.rows):
            self.app.push_screen(
                ReportScreen(self.context, self.rows[message.cursor_row].report_id)
            )

"""The main screen: header, the figures panel, the reports timeline."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, ListView, Static

from tui.core.browse import figure_summaries, header_stats, reports_timeline
from tui.core.store import Store
from tui.messages import MainLoaded, MoreReports
from tui.screens.base import DataScreen
from tui.widgets.figure_card import FigureCard
from tui.widgets.figures_panel import FiguresPanel
from tui.widgets.header_line import HeaderLine
from tui.widgets.status_line import StatusLine
from tui.widgets.timeline import ReportTable

TIMELINE_PAGE = 200


class MainScreen(DataScreen):
    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header")
        with Vertical(id="figures-pane", classes="pane") as figures:
            figures.border_title = "Figures"
            yield FiguresPanel(id="figures")
        with Vertical(id="reports-pane", classes="pane") as reports:
            reports.border_title = "Reports"
            yield ReportTable(id="timeline")
        yield StatusLine(id="status")
        with Horizontal(id="footer-row"):
            yield Footer()
            yield Static("? help  q quit", id="footer-hint", markup=False)

    def on_resize(self) -> None:
        # Wide enough, the footer itself shows ? and q.
        self.query_one("#footer-hint").display = self.size.width < 110

    def reload(self) -> None:
        named = [f.name for f in self.sw.config.figures]

        def load(store: Store) -> MainLoaded:
            return MainLoaded(
                header_stats(store),
                figure_summaries(store, named),
                reports_timeline(store, limit=TIMELINE_PAGE),
            )

        self.sw.read(self, load, group="main")

    async def on_main_loaded(self, message: MainLoaded) -> None:
        now = self.sw.clock()
        self.query_one(HeaderLine).show(message.stats)
        await self.query_one(FiguresPanel).show(message.figures, now)
        self.query_one(ReportTable).show(message.reports, now)

    @on(ReportTable.NeedMore)
    def load_more(self, message: ReportTable.NeedMore) -> None:
        before = (message.last.published, message.last.id)
        self.sw.read(
            self,
            lambda store: MoreReports(reports_timeline(store, limit=TIMELINE_PAGE, before=before)),
            group="main-more",
        )

    def on_more_reports(self, message: MoreReports) -> None:
        self.query_one(ReportTable).show(message.reports, self.sw.clock(), append=True)

    @on(DataTable.RowSelected, "#timeline")
    def open_report(self, message: DataTable.RowSelected) -> None:
        from tui.screens.report import ReportScreen

        if message.row_key.value is not None:
            self.app.push_screen(ReportScreen(int(message.row_key.value)))

    @on(ReportTable.OpenLink)
    def open_link(self, message: ReportTable.OpenLink) -> None:
        self.sw.open_link(message.row.link)

    @on(ListView.Selected, "#figures")
    def figure_selected(self, message: ListView.Selected) -> None:
        if isinstance(message.item, FigureCard):
            self.show_history(FiguresPanel.ShowHistory(message.item.summary.ref))

    @on(FiguresPanel.ShowHistory)
    def show_history(self, message: FiguresPanel.ShowHistory) -> None:
        from tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(message.ref))

    @on(FiguresPanel.Acknowledge)
    def acknowledge_figure(self, message: FiguresPanel.Acknowledge) -> None:
        self.sw.acknowledge(ref=message.ref)

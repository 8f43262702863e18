"""The main screen: header, the figures panel, the reports timeline."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, ListView, Static

from tui.core.store import Store
from tui.core.store.figures import FigureSummary, figure_summaries, header_stats
from tui.core.store.refs import FigureRef
from tui.core.store.timeline import reports_timeline
from tui.messages import AcknowledgeRequested, MainLoaded, MoreReports, OpenLinkRequested
from tui.screens.base import DataScreen
from tui.widgets.figure_card import FigureCard
from tui.widgets.figures_panel import FiguresPanel
from tui.widgets.header_line import HeaderLine
from tui.widgets.report_table import ReportTable
from tui.widgets.status_line import StatusLine

TIMELINE_PAGE = 200


def _unseen(name: str) -> FigureSummary:
    return FigureSummary(FigureRef(name), values=(), series=(), last_changed=None, pending=None)


class MainScreen(DataScreen):
    def compose(self) -> ComposeResult:
        context = self.context
        yield HeaderLine(
            title=lambda: context.config().story.title,
            clock=context.clock,
            poll_state=context.poll_state,
            id="header",
        )
        with Vertical(id="figures-pane", classes="pane") as figures:
            figures.border_title = "Figures"
            yield FiguresPanel(id="figures")
        with Vertical(id="reports-pane", classes="pane") as reports:
            reports.border_title = "Reports"
            yield Static(id="reports-hint", markup=False)
            yield ReportTable(id="timeline")
        yield StatusLine(context.status, context.status_changed, id="status")
        with Horizontal(id="footer-row"):
            yield Footer()
            yield Static("? help  q quit", id="footer-hint", markup=False)

    def on_resize(self) -> None:
        # Wide enough, the footer itself shows ? and q.
        self.query_one("#footer-hint").display = self.size.width < 110

    def reload(self) -> None:
        named = [f.name for f in self.context.config().figures]

        def load(store: Store) -> MainLoaded:
            summaries = figure_summaries(store, named)
            # A named figure no report has stated yet still gets its card ("no reports yet").
            seen = {s.ref.name for s in summaries}
            waiting = [_unseen(name) for name in named if name not in seen]
            return MainLoaded(
                header_stats(store),
                summaries[: len(seen & set(named))] + waiting + summaries[len(seen & set(named)) :],
                reports_timeline(store, limit=TIMELINE_PAGE),
            )

        self.context.reader.read(self, load, group="main")

    async def on_main_loaded(self, message: MainLoaded) -> None:
        now = self.context.clock()
        self.query_one(HeaderLine).show(message.stats)
        await self.query_one(FiguresPanel).show(message.figures, now)
        self.query_one(ReportTable).show(message.reports, now)
        self._show_hint(message)

    def _show_hint(self, message: MainLoaded) -> None:
        """What to do when there is nothing to show yet, or every feed is failing."""
        stats, hint = message.stats, self.query_one("#reports-hint", Static)
        text = ""
        if stats.feeds_failing and not stats.feeds_ok:
            text = (
                f"Every feed is failing ({stats.feeds_failing}). Press f to see why; "
                "`storywatch check` validates feeds.toml (ctrl+p shows where it is)."
            )
        elif not message.reports:
            text = "No reports on the story yet: they appear here as the feeds are polled."
        hint.update(text)
        hint.display = bool(text)

    @on(ReportTable.NeedMore)
    def load_more(self, message: ReportTable.NeedMore) -> None:
        before = (message.last.published, message.last.id)
        self.context.reader.read(
            self,
            lambda store: MoreReports(reports_timeline(store, limit=TIMELINE_PAGE, before=before)),
            group="main-more",
        )

    def on_more_reports(self, message: MoreReports) -> None:
        self.query_one(ReportTable).show(message.reports, self.context.clock(), append=True)

    @on(DataTable.RowSelected, "#timeline")
    def open_report(self, message: DataTable.RowSelected) -> None:
        from tui.screens.report import ReportScreen

        if message.row_key.value is not None:
            self.app.push_screen(ReportScreen(self.context, int(message.row_key.value)))

    @on(ReportTable.OpenLink)
    def open_link(self, message: ReportTable.OpenLink) -> None:
        self.post_message(OpenLinkRequested(message.row.link))

    @on(ListView.Selected, "#figures")
    def figure_selected(self, message: ListView.Selected) -> None:
        if isinstance(message.item, FigureCard):
            self.show_history(FiguresPanel.ShowHistory(message.item.summary.ref))

    @on(FiguresPanel.ShowHistory)
    def show_history(self, message: FiguresPanel.ShowHistory) -> None:
        from tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.context, message.ref))

    @on(FiguresPanel.Acknowledge)
    def acknowledge_figure(self, message: FiguresPanel.Acknowledge) -> None:
        self.post_message(AcknowledgeRequested(ref=message.ref))

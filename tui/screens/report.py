"""One report: its text with figures highlighted, versions, and the diff of a revision."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from tui.context import ScreenContext
from tui.core.store.report import ReportDetail, report_detail
from tui.messages import OpenLinkRequested, ReportLoaded
from tui.screens.base import DataScreen
from tui.widgets.report_text import diff, highlighted
from tui.widgets.text import local_time, one_line


class ReportScreen(DataScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_link", "Open link"),
        Binding("left_square_bracket", "version(-1)", "Older version"),
        Binding("right_square_bracket", "version(1)", "Newer version"),
        Binding("j", "scroll(1)", "Down", show=False),
        Binding("k", "scroll(-1)", "Up", show=False),
        Binding("g", "home", "Top", show=False),
        Binding("G", "end", "Bottom", show=False),
        Binding("escape", "app.back", "Back", show=False),
    ]

    def __init__(self, context: ScreenContext, report_id: int) -> None:
        super().__init__(context)
        self.report_id = report_id
        self.detail: ReportDetail | None = None
        self.version_index = -1  # the newest

    def compose(self) -> ComposeResult:
        yield Static(id="report-meta", markup=False)
        with VerticalScroll(id="report-scroll"):
            yield Static(id="report-diff-title", classes="section-title", markup=False)
            yield Static(id="report-diff", markup=False)
            yield Static(id="report-body", markup=False)
        yield Footer()

    def reload(self) -> None:
        report_id = self.report_id
        self.context.reader.read(
            self, lambda store: ReportLoaded(report_detail(store, report_id)), group="report"
        )

    def on_report_loaded(self, message: ReportLoaded) -> None:
        self.detail = message.detail
        self.show_version()

    def show_version(self) -> None:
        detail = self.detail
        meta = self.query_one("#report-meta", Static)
        if detail is None or not detail.versions:
            meta.update("This report is not in the database.")
            return
        index = self.version_index % len(detail.versions)
        version = detail.versions[index]
        row = detail.row
        meta.update(
            Content.assemble(
                Content.styled(one_line(version.title), "bold"),
                "\n",
                Content.styled(one_line(row.feed), "$accent"),
                f" · {local_time(row.published, self.context.clock())}",
                f" · version {version.version} of {len(detail.versions)}",
                f" · {len(version.claims)} figures",
                "\n",
                Content.styled(one_line(row.link or "no link"), "$text-muted"),
            )
        )
        title = self.query_one("#report-diff-title", Static)
        changes = self.query_one("#report-diff", Static)
        if index > 0:
            previous = detail.versions[index - 1]
            title.update(f"Changes since version {previous.version}")
            changes.update(diff(previous, version))
        title.display = changes.display = index > 0
        self.query_one("#report-body", Static).update(highlighted(version))

    def action_version(self, step: int) -> None:
        if self.detail is None or not self.detail.versions:
            return
        count = len(self.detail.versions)
        index = self.version_index % count + step
        self.version_index = min(max(index, 0), count - 1)
        self.show_version()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#report-scroll", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_home(self) -> None:
        self.query_one("#report-scroll", VerticalScroll).scroll_home(animate=False)

    def action_end(self) -> None:
        self.query_one("#report-scroll", VerticalScroll).scroll_end(animate=False)

    def action_open_link(self) -> None:
        if self.detail is not None:
            self.post_message(OpenLinkRequested(self.detail.row.link))

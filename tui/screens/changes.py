"""The change log: every change, filterable by figure and verdict; acknowledged or not."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Checkbox, DataTable, Footer, Select, Static

from tui.context import ScreenContext
from tui.core.store import Store
from tui.core.store.changes import change_figures, change_log
from tui.core.store.refs import key_label
from tui.messages import AcknowledgeRequested, ChangesLoaded
from tui.screens.base import DataScreen
from tui.widgets.text import cell, local_time

VERDICTS = ("changed", "disputed", "revised", "new")
LIMIT = 500


class ChangeTable(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First", show=False),
        Binding("G", "scroll_bottom", "Last", show=False),
        Binding("a", "screen.acknowledge", "Acknowledge"),
        Binding("enter", "select_cursor", "Open report"),
    ]


class ChangeLogScreen(DataScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "toggle_unseen", "Unseen only"),
        Binding("escape", "app.back", "Back", show=False),
    ]

    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.rows: list[dict[str, Any]] = []
        self._figures: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("Change log", classes="screen-title")
        with Horizontal(id="change-filters"):
            yield Select[str]([], prompt="All figures", id="figure-filter")
            yield Select[str](
                [(v, v) for v in VERDICTS], prompt="All verdicts", id="verdict-filter"
            )
            yield Checkbox("Unseen only", id="unseen-only")
        yield ChangeTable(id="changes", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self._columns()
        self.query_one(ChangeTable).focus()

    def _columns(self) -> None:
        """Columns sized to the screen: the outlet gets its longest name, then figure,
        old and new share what is left, so the outlet is on screen at 80 columns too."""
        table = self.query_one(ChangeTable)
        table.clear(columns=True)
        outlets = [len(row["new"]["feed"]) for row in self.rows] or [10]
        outlet = min(max(max(outlets), 6), 24)
        fixed = 2 + 12 + 9 + outlet + 7 * 2  # cell padding: one space each side
        share = max(self.size.width - fixed - 2, 30)
        figure = max(share * 3 // 10, 12)
        old = new = max((share - figure) // 2, 9)
        for label, width in (
            ("", 2),
            ("Detected", 12),
            ("Verdict", 9),
            ("Figure", figure),
            ("Old", old),
            ("New", new),
            ("Outlet", outlet),
        ):
            table.add_column(label, width=width)

    def on_resize(self) -> None:
        if self.is_mounted:
            self._render_rows()

    def _filters(self) -> tuple[str | None, str | None, bool]:
        figure = self.query_one("#figure-filter", Select).value
        verdict = self.query_one("#verdict-filter", Select).value
        return (
            figure if isinstance(figure, str) else None,
            verdict if isinstance(verdict, str) else None,
            self.query_one("#unseen-only", Checkbox).value,
        )

    def reload(self) -> None:
        figure, verdict, unseen = self._filters()

        def load(store: Store) -> ChangesLoaded:
            rows = change_log(
                store,
                figure=figure,
                verdicts=(verdict,) if verdict else None,
                unacknowledged_only=unseen,
                limit=LIMIT,
            )
            return ChangesLoaded(rows, change_figures(store))

        self.context.reader.read(self, load, group="changes")

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def filters_changed(self) -> None:
        self.reload()

    def on_changes_loaded(self, message: ChangesLoaded) -> None:
        if message.figures != self._figures:
            self._figures = message.figures
            select = self.query_one("#figure-filter", Select)
            current = select.value
            select.set_options((key_label(name), name) for name in message.figures)
            if isinstance(current, str) and current in message.figures:
                select.value = current
        self.rows = list(message.rows)
        self._render_rows()

    def _render_rows(self) -> None:
        table = self.query_one(ChangeTable)
        keep = table.cursor_row
        self._columns()
        now = self.context.clock()
        for row in self.rows:
            seen = row["acknowledged_at"] is not None
            style = "dim" if seen else "bold"
            old, new = row["old"], row["new"]
            old_text = f"{old['surface']} ({old['source']})" if old else "-"
            new_text = f"{new['surface']} ({new['source']})"
            table.add_row(
                Text("✓" if seen else "●"),
                cell(local_time(row["detected_at"], now)),
                cell(row["verdict"], style),
                cell(key_label(row["figure"]), style),
                cell(old_text, "strike dim" if old else ""),
                cell(new_text, style),
                cell(new["feed"]),
                key=str(row["id"]),
            )
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))

    @on(DataTable.RowSelected, "#changes")
    def open_report(self, message: DataTable.RowSelected) -> None:
        """Enter opens the report whose figure caused the change."""
        from tui.screens.report import ReportScreen

        index = message.cursor_row
        if 0 <= index < len(self.rows):
            self.app.push_screen(
                ReportScreen(self.context, int(self.rows[index]["new"]["report_id"]))
            )

    def action_acknowledge(self) -> None:
        table = self.query_one(ChangeTable)
        if 0 <= table.cursor_row < len(self.rows):
            self.post_message(AcknowledgeRequested([int(self.rows[table.cursor_row]["id"])]))

    def action_toggle_unseen(self) -> None:
        box = self.query_one("#unseen-only", Checkbox)
        box.value = not box.value

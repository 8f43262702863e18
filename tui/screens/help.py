"""Help: the keys, in one table."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

KEYS: list[tuple[str, str]] = [
    ("j / k, ↓ / ↑", "move down / up"),
    ("g / G", "first / last"),
    ("tab", "next panel"),
    ("enter", "open (figure history, report)"),
    ("o", "open the report's link in a browser"),
    ("r", "poll now"),
    ("a", "acknowledge the selected figure's changes (change log: the row)"),
    ("A", "acknowledge all changes"),
    ("h", "history of the selected figure"),
    ("c", "change log"),
    ("f", "feeds"),
    ("/", "search reports"),
    ("[ / ]", "older / newer version (report view)"),
    ("PgDn / PgUp", "next / previous page (history)"),
    ("u", "unseen changes only (change log)"),
    ("ctrl+p", "command palette: poll, jump to figure, export…"),
    ("?  F1", "this help"),
    ("q / esc", "back; quit on the main screen"),
    ("ctrl+q", "quit"),
]

# What the marks on the screen mean (the README's legend, here where it is needed).
LEGEND: list[tuple[str, str]] = [
    ("●", "a figure in this report changed"),
    ("✎", "the report was edited after publication"),
    ("⚠", "disputed: another source disagrees"),
    ("r2", "the report's second version (r3: third...)"),
    ("▲ / ▼", "went up / down; struck through: the old value"),
    ("+2", "two more unseen changes of this figure"),
    ("+3 more", "three more sources than fit on the card"),
    ("▁▃▅", "sparkline: recent values, oldest to newest"),
    ("small move", "old and new values within their margins"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("storywatch keys", classes="screen-title")
            table: DataTable[Text] = DataTable(
                id="help-keys", cursor_type="none", show_header=False
            )
            yield table
            yield Static("What the marks mean", classes="screen-title")
            legend: DataTable[Text] = DataTable(
                id="help-legend", cursor_type="none", show_header=False
            )
            yield legend

    def on_mount(self) -> None:
        for table_id, rows in (("#help-keys", KEYS), ("#help-legend", LEGEND)):
            table = self.query_one(table_id, DataTable)
            table.add_column("Key", width=16)
            table.add_column("Action")
            for key, action in rows:
                table.add_row(Text(key, style="bold"), Text(action))

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

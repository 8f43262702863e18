"""The reports timeline: newest first, paged from SQLite as the cursor nears the end."""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from tui.core.store.timeline import MATCH_CLOSE, MATCH_OPEN, ReportRow
from tui.widgets.text import cell, local_time, one_line

MARKERS = {"revised": "✎", "disputed": "⚠", "changed": "●", "": " "}


def marker(row: ReportRow) -> Text:
    glyph = MARKERS.get(row.marker, " ")
    revised = f"r{row.revisions}" if row.revisions > 1 else ""
    return Text(f"{glyph}{revised:>3}", style="bold" if row.marker else "")


def title_cell(row: ReportRow) -> Text:
    """The title; for a search result, the words around the match first, the match
    highlighted, so it is in view however narrow the column."""
    if not row.snippet:
        return cell(row.title)
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, part in enumerate(re.split(f"[{MATCH_OPEN}{MATCH_CLOSE}]", one_line(row.snippet))):
        text.append(part, style="bold reverse" if index % 2 else "")
    text.append(" · ")
    text.append(one_line(row.title), style="dim")
    return text


class ReportTable(DataTable[Text]):
    """Rows keyed by report id; cells are `Text`, so titles are never parsed as markup."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First", show=False),
        Binding("G", "scroll_bottom", "Last", show=False),
        Binding("o", "open_link", "Open link"),
    ]

    class OpenLink(Message):
        def __init__(self, row: ReportRow) -> None:
            super().__init__()
            self.row = row

    class NeedMore(Message):
        def __init__(self, last: ReportRow) -> None:
            super().__init__()
            self.last = last

    def __init__(self, *, id: str | None = None, paged: bool = True) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_by_id: dict[int, ReportRow] = {}
        self.order: list[ReportRow] = []
        self.paged = paged
        self._exhausted = False

    def on_mount(self) -> None:
        self.add_column("", key="mark", width=4)
        self.add_column("Time", key="time", width=12)
        self.add_column("Outlet", key="outlet", width=16)
        self.add_column("Title", key="title")

    def show(self, rows: list[ReportRow], now: datetime, *, append: bool = False) -> None:
        """Fill the table. On a reload it follows the newest report while the cursor is on
        the top row; once the user has moved down, it keeps their report selected."""
        keep = self.selected
        follow = self.cursor_row <= 0
        if not append:
            self.clear()
            self.rows_by_id, self.order = {}, []
            self._exhausted = False
        if append and not rows:
            self._exhausted = True
        for row in rows:
            if row.id in self.rows_by_id:
                continue
            self.rows_by_id[row.id] = row
            self.order.append(row)
            self.add_row(
                marker(row),
                cell(local_time(row.published, now)),
                cell(row.feed),
                title_cell(row),
                key=str(row.id),
            )
        if append:
            return
        if follow or keep is None or keep.id not in self.rows_by_id:
            self.move_cursor(row=0)
            self.scroll_home(animate=False)
        else:
            self.move_cursor(row=self.order.index(self.rows_by_id[keep.id]))

    @property
    def selected(self) -> ReportRow | None:
        if not self.order or self.cursor_row < 0 or self.cursor_row >= len(self.order):
            return None
        return self.order[self.cursor_row]

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if (
            self.paged
            and not self._exhausted
            and self.order
            and self.cursor_row >= len(self.order) - 5
        ):
            self.post_message(self.NeedMore(self.order[-1]))

    def action_open_link(self) -> None:
        if (row := self.selected) is not None:
            self.post_message(self.OpenLink(row))

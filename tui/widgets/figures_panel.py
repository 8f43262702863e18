"""The figures panel: the point of the app. Named figures first, pending changes lit."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import ListView

from tui.core.store.figures import FigureSummary
from tui.core.store.refs import FigureRef
from tui.widgets.figure_card import FigureCard


class FiguresPanel(ListView):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("a", "acknowledge", "Acknowledge"),
        Binding("h", "history", "History"),
    ]

    class Acknowledge(Message):
        def __init__(self, ref: FigureRef) -> None:
            super().__init__()
            self.ref = ref

    class ShowHistory(Message):
        def __init__(self, ref: FigureRef) -> None:
            super().__init__()
            self.ref = ref

    @property
    def cards(self) -> list[FigureCard]:
        return list(self.query_children(FigureCard))

    @property
    def selected(self) -> FigureSummary | None:
        child = self.highlighted_child
        return child.summary if isinstance(child, FigureCard) else None

    async def show(self, summaries: list[FigureSummary], now: datetime) -> None:
        """Update cards in place when the figures are the same ones, else rebuild."""
        cards = self.cards
        if [c.summary.ref for c in cards] == [s.ref for s in summaries]:
            for card, summary in zip(cards, summaries, strict=True):
                card.show(summary, now)
            return
        keep = self.selected.ref if self.selected else None
        await self.clear()
        await self.extend(FigureCard(s, now) for s in summaries)
        refs = [s.ref for s in summaries]
        self.index = refs.index(keep) if keep in refs else (0 if refs else None)

    def action_first(self) -> None:
        if self.cards:
            self.index = 0

    def action_last(self) -> None:
        if self.cards:
            self.index = len(self.cards) - 1

    def action_acknowledge(self) -> None:
        if (summary := self.selected) is not None:
            self.post_message(self.Acknowledge(summary.ref))

    def action_history(self) -> None:
        if (summary := self.selected) is not None:
            self.post_message(self.ShowHistory(summary.ref))

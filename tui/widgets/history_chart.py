"""One figure's history as a real chart: one shared value axis, a time axis, one line per
source, and plans drawn apart (as points, not joined to the level).

Sparklines scaled each on its own drew a steady "over 3,000" below "2,500"; here every
source shares the axis, so the heights compare.
"""

from __future__ import annotations

from datetime import datetime

from textual_plotext import PlotextPlot

from tui.core.store import parse_iso
from tui.widgets.text import one_line

Points = dict[str, list[tuple[str, float, str]]]


def _day(stamp: str) -> float:
    return parse_iso(stamp).timestamp() / 86400


class HistoryChart(PlotextPlot):
    """Call `show(points)` with `history_points` output."""

    DEFAULT_CSS = "HistoryChart { height: 14; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: Points = {}

    def show(self, points: Points) -> None:
        self.points = points
        self.display = bool(points)
        self.draw()

    def on_mount(self) -> None:
        self.draw()

    def draw(self) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        stamps = [p[0] for pts in self.points.values() for p in pts]
        if not stamps:
            return
        first = min(_day(s) for s in stamps)
        for source, pts in self.points.items():
            level = [(_day(t) - first, v) for t, v, as_of in pts if as_of == "current"]
            plans = [(_day(t) - first, v) for t, v, as_of in pts if as_of == "planned"]
            label = one_line(source)[:24]
            if level:
                xs, ys = zip(*level, strict=True)
                plt.plot(list(xs), list(ys), label=label, marker="braille")
            if plans:
                xs, ys = zip(*plans, strict=True)
                plt.scatter(list(xs), list(ys), label=f"{label} (plan)", marker="x")
        span = max(_day(s) for s in stamps) - first
        ticks = [first + span * i / 4 for i in range(5)] if span else [first]
        plt.xticks(
            [t - first for t in ticks],
            [datetime.fromtimestamp(t * 86400).strftime("%d %b") for t in ticks],
        )
        plt.xlabel("date")
        plt.ylabel("value")
        self.refresh()

"""One figure's history as a real chart: one shared value axis, a time axis, one line per
source, and plans drawn apart (as points, not joined to the level).

Sparklines scaled each on its own drew a steady "over 3,000" below "2,500"; here every
source shares the axis, so the heights compare.
"""

from __future__ import annotations

from datetime import datetime

from textual import events
from textual_plotext import PlotextPlot

from tui.core.store import parse_iso
from tui.widgets.text import one_line

Points = dict[str, list[tuple[str, float, str]]]


def _day(stamp: str) -> float:
    return parse_iso(stamp).timestamp() / 86400


# Rows of the widget that are not plot rows: the frame's top and bottom, the time ticks and
# the axis label.
CHROME_ROWS = 4


def value_limits(values: list[float], legend_rows: int, plot_rows: int) -> tuple[float, float]:
    """The value axis' ends, with room above the data for the legend.

    plotext draws the legend over the plot's top-left rows: a single point (a source that
    said one value) or the highest line sat at the top, hidden under its own label."""
    low, high = min(values), max(values)
    span = high - low or max(abs(high) * 0.05, 1.0)
    free = max(plot_rows - legend_rows, 1)  # the rows the data may use, below the legend
    return low - span * 0.05, high + span * (legend_rows + 0.5) / free


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

    def on_resize(self, event: events.Resize) -> None:
        self.draw()  # the legend's headroom depends on the plot's height

    def draw(self) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        stamps = [p[0] for pts in self.points.values() for p in pts]
        if not stamps:
            return
        first = min(_day(s) for s in stamps)
        legend_rows = 0
        for source, pts in self.points.items():
            level = [(_day(t) - first, v) for t, v, as_of in pts if as_of == "current"]
            plans = [(_day(t) - first, v) for t, v, as_of in pts if as_of == "planned"]
            label = one_line(source)[:24]
            if level:
                xs, ys = zip(*level, strict=True)
                # One point as braille is a single dot, too small to find: mark it whole.
                marker = "braille" if len(level) > 1 else "●"
                plt.plot(list(xs), list(ys), label=label, marker=marker)
                legend_rows += 1
            if plans:
                xs, ys = zip(*plans, strict=True)
                plt.scatter(list(xs), list(ys), label=f"{label} (plan)", marker="x")
                legend_rows += 1
        values = [p[1] for pts in self.points.values() for p in pts]
        bottom, top = value_limits(values, legend_rows, self.size.height - CHROME_ROWS)
        plt.ylim(bottom, top)
        if abs(top) < 1e6 and abs(bottom) < 1e6:  # counts: "2,446", not "2445.8"
            marks = [bottom + (top - bottom) * i / 4 for i in range(5)]
            plt.yticks(marks, [f"{y:,.0f}" for y in marks])
        span = max(_day(s) for s in stamps) - first
        ticks = [first + span * i / 4 for i in range(5)] if span else [first]
        # Within a few days, five ticks of "01 Sep" told nothing apart: give the hour too.
        style = "%d %b %H:%M" if span < 3 else "%d %b"
        plt.xticks(
            [t - first for t in ticks],
            [datetime.fromtimestamp(t * 86400).strftime(style) for t in ticks],
        )
        plt.xlabel("date")
        plt.ylabel("value")
        self.refresh()

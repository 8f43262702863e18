"""One tracked figure: current value(s) by source, a trend, when it last changed.

A figure with an unacknowledged change gets the `-pending` class: the new value is
emphasised, the old one struck through beside it, with ▲/▼ for the direction and ⚠ for a
dispute.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import ListItem, Sparkline, Static

from tui.core.store.figures import FigureSummary, PendingChange, planned_text
from tui.widgets.text import ago, one_line

ARROWS = {"up": "▲", "down": "▼", "same": "="}


def change_content(pending: PendingChange) -> Content:
    """ "▼ 2,000 ~~2,500~~ · Reuters", or "⚠ Iraqi sources: over 3,000 vs 2,000 (Reuters)"."""
    new = Content.styled(one_line(pending.new_display), "bold $warning")
    if pending.verdict == "disputed":
        parts: list[Content | str] = [
            Content.styled("⚠ ", "$error bold"),
            Content(one_line(pending.new_source) + ": "),
            new,
        ]
        if pending.old_display:
            parts += [
                " vs ",
                Content(one_line(pending.old_display)),
                Content(f" ({one_line(pending.old_source)})"),
            ]
        return Content.assemble(*parts)
    parts = [Content.styled(ARROWS[pending.direction] + " ", "$warning bold"), new]
    if pending.old_display:
        parts += [" ", Content.styled(one_line(pending.old_display), "strike $text-muted")]
    parts.append(Content(f" · {one_line(pending.new_source)}"))
    if pending.verdict == "revised":
        parts.append(Content.styled(" (revised)", "italic"))
    if pending.within_margin:
        parts.append(Content.styled(" small move", "$text-muted"))
    return Content.assemble(*parts)


def source_label(source: str, outlets: int) -> str:
    """ "AP", or "AP · 5 outlets" when copies of its report ran elsewhere (one voice)."""
    return one_line(source) + (f" · {outlets} outlets" if outlets > 1 else "")


def values_content(summary: FigureSummary, limit: int = 6) -> Content:
    """The current level by source: "Pentagon about 2,500 · Iraqi sources over 3,000"."""
    parts = [
        Content.assemble(
            Content.styled(source_label(v.source, v.outlets), "$text-muted"),
            " ",
            one_line(v.display),
        )
        for v in summary.values[:limit]
    ]
    if len(summary.values) > limit:
        parts.append(Content(f"+{len(summary.values) - limit} more"))
    if not parts:
        stated = summary.observations or summary.plan is not None
        empty = "no current value" if stated else "no reports yet"
        parts.append(Content.styled(empty, "$text-muted"))
    return Content(" · ").join(parts)


def plan_content(summary: FigureSummary) -> Content | None:
    """ "planned: fewer than 2,000 by September 2026 (Pentagon)", on a line of its own under
    the level (beside it, never in its place; on one line, 80 columns cut it off)."""
    plan = summary.plan
    if plan is None:
        return None
    deadline = one_line(planned_text(plan).removeprefix("planned"))  # "by Sep 2026", or ""
    return Content.assemble(
        Content.styled("planned: ", "italic"),
        one_line(plan.display),
        f" {deadline}" if deadline else "",
        Content.styled(f" ({source_label(plan.source, plan.outlets)})", "$text-muted"),
    )


class FigureCard(ListItem):
    """A ListItem so the panel gets cursor, mouse and Selected handling from ListView."""

    def __init__(self, summary: FigureSummary, now: datetime) -> None:
        super().__init__()
        self.summary = summary
        self._now = now
        self._set_classes(summary)

    def compose(self) -> ComposeResult:
        title, values = self._texts()
        plan = plan_content(self.summary)
        with Horizontal():
            with Vertical(classes="figure-text"):
                yield Static(title, classes="figure-title", markup=False)
                yield Static(values, classes="figure-values", markup=False)
                line = Static(plan or "", classes="figure-plan", markup=False)
                line.display = plan is not None
                yield line
            trend = Sparkline(self._trend(), classes="figure-trend")
            trend.display = bool(self.summary.series)  # an empty trend drew a full bar
            yield trend

    def show(self, summary: FigureSummary, now: datetime) -> None:
        """Show a newer summary. Before compose (or after teardown) there is nothing to
        update: compose renders whatever summary is current when it runs."""
        self.summary, self._now = summary, now
        self._set_classes(summary)
        title = self.query(".figure-title").results(Static)
        values = self.query(".figure-values").results(Static)
        trends = self.query(Sparkline).results(Sparkline)
        title_text, values_text = self._texts()
        for widget in title:
            widget.update(title_text)
        for widget in values:
            widget.update(values_text)
        plan = plan_content(summary)
        for widget in self.query(".figure-plan").results(Static):
            widget.update(plan or "")
            widget.display = plan is not None
        for trend in trends:
            trend.data = self._trend()
            trend.display = bool(summary.series)

    def _texts(self) -> tuple[Content, Content]:
        summary, pending = self.summary, self.summary.pending
        title: list[Content | str] = [Content.styled(one_line(summary.ref.label), "bold")]
        if pending is not None:
            title += ["  ", change_content(pending)]
            if summary.pending_count > 1:
                title.append(Content.styled(f"  +{summary.pending_count - 1}", "$text-muted"))
        changed = (
            f"changed {ago(summary.last_changed, self._now)}"
            if summary.last_changed
            else "no change yet"
        )
        if summary.observations or summary.plan is not None:  # else: "no reports yet"
            title += ["  ", Content.styled(changed, "$text-muted")]
        return Content.assemble(*title), values_content(summary)

    def _trend(self) -> list[float]:
        return list(self.summary.series) or [0.0]

    def _set_classes(self, summary: FigureSummary) -> None:
        pending = summary.pending
        self.set_class(pending is not None, "-pending")
        self.set_class(pending is not None and pending.verdict == "disputed", "-disputed")

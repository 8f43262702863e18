"""Every title and summary of the feedparser test corpus, through the dashboard's text widgets.

The corpus (2,107 files from feedparser's own tests: malformed XML, odd encodings, entities,
every dialect) is parsed with the real parser; each report then goes through the functions
the widgets render with (timeline cell, figure card, report text) and, in batches, into the
real widgets mounted in a Pilot app. Nothing may raise, the app must keep running, and no
rendered line may carry an escape or control character that came from a feed.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.core.models import Report
from tui.core.parse import NotAFeed, parse_feed
from tui.core.store.figures import FigureSummary, PendingChange, SourceValue
from tui.core.store.refs import FigureRef
from tui.core.store.report import ReportVersion, VersionClaim
from tui.core.store.timeline import ReportRow
from tui.widgets.figure_card import change_content, plan_content, values_content
from tui.widgets.figures_panel import FiguresPanel
from tui.widgets.report_table import ReportTable
from tui.widgets.report_text import diff, highlighted
from tui.widgets.text import cell, content

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feedparser-tests"
NOW = datetime(2024, 9, 4, 12, 0, tzinfo=UTC)
EXCERPT = 300  # characters of each report's text: what a summary or card would show
BATCH = 60  # reports per round through the mounted widgets
# What must never reach the screen from a feed: C0 (bar tab/newline), DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

pytestmark = pytest.mark.slow


def corpus_reports() -> tuple[list[Report], dict[str, int]]:
    counts = {"files": 0, "feeds": 0, "not_a_feed": 0, "reports": 0}
    reports: list[Report] = []
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file() or path.name == "README.md":
            continue
        counts["files"] += 1
        try:
            parsed = parse_feed(path.read_bytes(), now=NOW)
        except NotAFeed:
            counts["not_a_feed"] += 1
            continue
        counts["feeds"] += 1
        reports.extend(parsed.reports)
    counts["reports"] = len(reports)
    return reports, counts


def as_row(index: int, report: Report) -> ReportRow:
    marker = ("", "changed", "disputed", "revised")[index % 4]
    return ReportRow(
        id=index,
        feed=report.author or "corpus",
        published=report.published.isoformat(),
        title=report.title,
        link=report.link,
        revisions=1 + index % 3,
        marker=marker,
        snippet=report.text[:EXCERPT] if index % 2 else "",
    )


def as_summary(index: int, report: Report) -> FigureSummary:
    excerpt = report.text[:EXCERPT]
    verdict = ("changed", "disputed", "revised")[index % 3]
    pending = PendingChange(
        change_id=index,
        verdict=verdict,
        old_display=excerpt[:40] or None,
        old_source=report.author,
        new_display=report.title,
        new_source=excerpt[:60],
        feed=report.author or "corpus",
        direction=("up", "down", "same")[index % 3],
        within_margin=bool(index % 2),
        detected_at=NOW.isoformat(),
    )
    value = SourceValue(report.title, excerpt, float(index), NOW.isoformat(), "corpus")
    return FigureSummary(
        ref=FigureRef(f"{index}: {report.title}"),
        values=(value,),
        series=(1.0, float(index)),
        last_changed=NOW.isoformat(),
        pending=pending,
        pending_count=1 + index % 2,
        observations=1,
        # a plan whose source and deadline are feed text too
        plan=replace(value, source=excerpt[:30], deadline=report.title[:25] or None),
    )


def as_version(index: int, report: Report, version: int = 1) -> ReportVersion:
    text = report.text[: EXCERPT * 3]
    body = f"{report.title}\n\n{text}" if text else report.title
    # Claims over the first words of the body, including offsets that are out of range.
    claims = tuple(
        VersionClaim(
            start=start,
            end=start + 5,
            surface=body[start : start + 5],
            display=report.title[:20],
            figure=report.title,
            source=report.author or "",
            as_of=("current", "historic")[start % 2],
            verdict=("changed", "disputed", None)[start % 3],
            old_display=text[:10] or None,
        )
        for start in (0, 7, 30, len(body) + 3)
    )
    return ReportVersion(index, version, report.title, text, NOW.isoformat(), claims)


def render_functions(index: int, report: Report, console: Console) -> Iterator[str]:
    """The plain text each render function produces for this report."""
    yield "".join(segment.text for segment in console.render(cell(report.title)))
    summary = as_summary(index, report)
    assert summary.pending is not None
    pieces: list[Content] = [
        content(report.title),
        change_content(summary.pending),
        values_content(summary),
        plan_content(summary) or Content(""),
        highlighted(as_version(index, report)),
        diff(as_version(index, report), as_version(index, report, 2)),
    ]
    for piece in pieces:
        yield "".join(segment.text for segment in piece.render_segments())


class CorpusApp(App[None]):
    """The real timeline, figures panel and report text widgets, nothing else."""

    def compose(self) -> ComposeResult:
        yield ReportTable(id="timeline", paged=False)
        yield FiguresPanel(id="figures")
        yield Static(id="report-body", markup=False)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"feedparser test corpus not found at {CORPUS}")
async def test_every_corpus_title_renders_through_the_dashboard_widgets() -> None:
    started = time.monotonic()
    reports, counts = corpus_reports()
    parsed_in = time.monotonic() - started
    assert counts["files"] >= 2000 and counts["reports"] > 1000

    console = Console(width=120, color_system=None, file=io.StringIO())
    rendered = 0
    for index, report in enumerate(reports):
        for text in render_functions(index, report, console):
            assert not UNSAFE.search(text), (report.title, text)
            rendered += 1

    app = CorpusApp()
    screens = 0
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one(ReportTable)
        panel = app.query_one(FiguresPanel)
        body = app.query_one("#report-body", Static)
        for start in range(0, len(reports), BATCH):
            batch = list(enumerate(reports))[start : start + BATCH]
            table.show([as_row(i, r) for i, r in batch], NOW)
            await panel.show([as_summary(i, r) for i, r in batch[:12]], NOW)
            for i, report in batch:
                body.update(highlighted(as_version(i, report)))
            await pilot.pause()
            assert app.is_running
            for strip in app.screen._compositor.render_strips():
                assert not UNSAFE.search(strip.text), strip.text
            screens += 1
        assert table.row_count == len(batch)
    took = time.monotonic() - started
    print(
        f"\ncorpus: {counts['files']} files, {counts['feeds']} feeds, "
        f"{counts['not_a_feed']} not feeds (skipped), {counts['reports']} reports; "
        f"{rendered} renders, {screens} screens through the widgets; "
        f"parsed in {parsed_in:.1f} s, {took:.1f} s in all"
    )

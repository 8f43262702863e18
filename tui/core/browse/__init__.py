"""Read-only questions the dashboard asks: figure summaries, timeline, report, history, search.

Headless (no Textual). Every function takes a `Store` opened on the calling thread, runs
short autocommit statements (no read transaction is held open) and pages by keyset over an
index, so a database of a million figures costs the same as one of a hundred.

One module per concern; everything public is importable from here:
`common` (figure refs, labels), `figures` (panel + header), `timeline` (timeline, search),
`report` (versions, word diff), `history` (a figure's observations), `export` (change log).
"""

from __future__ import annotations

from tui.core.browse.common import ALARMING, FigureRef, key_label
from tui.core.browse.export import change_figures, export_changes
from tui.core.browse.figures import (
    SERIES_POINTS,
    SUMMARY_WINDOW,
    FigureSummary,
    HeaderStats,
    PendingChange,
    SourceValue,
    figure_refs,
    figure_summaries,
    header_stats,
    level_and_plan,
    pending_change_ids,
    summarise,
)
from tui.core.browse.history import (
    Observation,
    history_count,
    history_page,
    history_points,
    history_series,
)
from tui.core.browse.report import (
    ReportDetail,
    ReportVersion,
    VersionClaim,
    report_detail,
    version_claims,
    word_diff,
)
from tui.core.browse.timeline import ReportRow, fts_query, reports_timeline, search_reports

__all__ = [
    "ALARMING",
    "SERIES_POINTS",
    "SUMMARY_WINDOW",
    "FigureRef",
    "FigureSummary",
    "HeaderStats",
    "Observation",
    "PendingChange",
    "ReportDetail",
    "ReportRow",
    "ReportVersion",
    "SourceValue",
    "VersionClaim",
    "change_figures",
    "export_changes",
    "figure_refs",
    "figure_summaries",
    "fts_query",
    "header_stats",
    "history_count",
    "history_page",
    "history_points",
    "history_series",
    "key_label",
    "level_and_plan",
    "pending_change_ids",
    "report_detail",
    "reports_timeline",
    "search_reports",
    "summarise",
    "version_claims",
    "word_diff",
]

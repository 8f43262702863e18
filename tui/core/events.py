"""Events: what one poll cycle did, for any listener (the TUI, the CLI, tests).

Apart from ``tui.core.models`` (which still offers them by name) so that code reading
figures, like `storywatch extract`, does not build six classes it never uses: a frozen
dataclass costs ~1.5 ms of a cold start to create.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tui.core.models import Verdict


@dataclass(frozen=True, slots=True)
class FeedPolled:
    feed: str
    status: Literal["ok", "not_modified", "error"]
    new_reports: int = 0
    new_revisions: int = 0
    new_changes: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class NewReport:
    feed: str
    report_id: int
    title: str
    on_story: bool


@dataclass(frozen=True, slots=True)
class NewRevision:
    feed: str
    report_id: int
    title: str
    revision: int


@dataclass(frozen=True, slots=True)
class FeedFailed:
    feed: str
    error: str
    consecutive_failures: int


@dataclass(frozen=True, slots=True)
class FigureChanged:
    """A ledger change: raised for changed / disputed / revised (never for confirmed)."""

    change_id: int
    figure: str
    verdict: Verdict
    old_value: str | None
    new_value: str
    feed: str
    within_margin: bool


@dataclass(frozen=True, slots=True)
class CycleFinished:
    feeds_polled: int
    feeds_failed: int
    new_reports: int
    new_revisions: int
    new_changes: int
    errors: tuple[tuple[str, str], ...] = field(default_factory=tuple)


Event = FeedPolled | NewReport | NewRevision | FeedFailed | FigureChanged | CycleFinished

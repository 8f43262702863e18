"""Small typed messages: what workers found, delivered to the screen that asked.

Readers run in thread workers with their own database connection and post one of these
when done; the poll worker wraps each core event in `PollEvent`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.core.config import Config
from tui.core.models import Event
from tui.core.store.feeds import FeedHealthRow
from tui.core.store.figures import FigureSummary, HeaderStats
from tui.core.store.history import HistoryRow
from tui.core.store.refs import FigureRef
from tui.core.store.report import ReportDetail
from tui.core.store.timeline import ReportRow


@dataclass
class PollEvent(Message):
    """One event of a poll cycle, as the monitor reported it."""

    event: Event


@dataclass
class DataChanged(Message):
    """The database changed (our poll, another poller, an acknowledgement): reload."""


@dataclass
class ConfigChanged(Message):
    """feeds.toml was edited: `config` is the new one, or `problems` say why it was refused."""

    config: Config | None
    problems: tuple[str, ...] = ()


@dataclass
class MainLoaded(Message):
    stats: HeaderStats
    figures: list[FigureSummary]
    reports: list[ReportRow]


@dataclass
class MoreReports(Message):
    reports: list[ReportRow]


@dataclass
class ReportLoaded(Message):
    detail: ReportDetail | None


@dataclass
class HistoryLoaded(Message):
    ref: FigureRef
    rows: list[HistoryRow]
    page: int


@dataclass
class HistoryOverview(Message):
    ref: FigureRef
    total: int
    series: dict[str, list[tuple[str, float, str]]]  # history_points: (time, value, as_of)
    level_and_plan: str = ""  # "about 2,500 now · fewer than 2,000 planned"


@dataclass
class ChangesLoaded(Message):
    rows: list[dict[str, object]]
    figures: list[str]


@dataclass
class FeedsLoaded(Message):
    rows: list[FeedHealthRow]


@dataclass
class SearchResults(Message):
    query: str
    rows: list[ReportRow]


@dataclass
class Acknowledged(Message):
    count: int


# -- what screens ask the App to do (they bubble up to it) ----------------------------------


@dataclass
class AcknowledgeRequested(Message):
    """Mark changes seen: these ids, or every pending change of `ref` (ids is then None)."""

    change_ids: list[int] | None = None
    ref: FigureRef | None = None


@dataclass
class OpenLinkRequested(Message):
    """Open a report's link in a browser (the App checks it is http(s) first)."""

    url: str | None

"""A progress bar for `storywatch poll --once` on a terminal (rich), silent elsewhere."""

from __future__ import annotations

from types import TracebackType
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tui.core.models import Event, FeedFailed, FeedPolled


class PollProgress:
    """Feeds done out of the total, with the new reports and changes so far.

    A listener for `Monitor.poll_cycle`. Transient: the bar is gone when the cycle ends,
    and the summary line takes its place. Log lines printed meanwhile appear above it.
    """

    def __init__(self, total: int, out: IO[str]) -> None:
        self._done: set[str] = set()
        self._reports = self._changes = 0
        self._bar = Progress(
            TextColumn("polling"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("feeds  {task.fields[summary]}"),
            TimeElapsedColumn(),
            console=Console(file=out, force_terminal=True),
            transient=True,
        )
        self._task = self._bar.add_task("poll", total=total, summary="")

    def __enter__(self) -> PollProgress:
        self._bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._bar.stop()

    def __call__(self, event: Event) -> None:
        if isinstance(event, FeedPolled | FeedFailed) and event.feed not in self._done:
            self._done.add(event.feed)  # a failed feed sends both: count it once
            self._bar.advance(self._task)
        if isinstance(event, FeedPolled):
            self._reports += event.new_reports
            self._changes += event.new_changes
            reports = "report" if self._reports == 1 else "reports"
            changes = "change" if self._changes == 1 else "changes"
            summary = f"{self._reports} new {reports}, {self._changes} {changes}"
            self._bar.update(self._task, summary=summary)

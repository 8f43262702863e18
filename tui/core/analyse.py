"""The CPU-bound half of a poll: feed bytes -> reports, story flag and figures.

`analyse_feed` is a pure function of picklable inputs so it can run in a worker process
(figures and HTML reduction are a first poll's CPU). It imports neither pydantic nor
feedparser up front, so a worker stays small.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from tui.core.figure_reader import FigureReader, FigureWords, reader_for
from tui.core.figure_reader import report_text as report_text  # the writer's offsets
from tui.core.models import Claim, Report, pickled_as_fields
from tui.core.parse import parse_feed
from tui.core.revisions import is_current, is_new_revision, revision_key
from tui.core.story import StoryFilter

if TYPE_CHECKING:  # config pulls in pydantic: a parse worker is given a StoryFilter instead
    from tui.core.config import StorySection


@pickled_as_fields  # a worker sends feeds' worth of these back
@dataclass(frozen=True, slots=True)
class AnalysedReport:
    report: Report
    content_hash: str
    on_story: bool
    # None when figures were not extracted: off the story, or text already stored.
    claims: tuple[Claim, ...] | None
    # "Is this a new revision?", decided here against the stored key this poll was given
    # (`known_key`). The writer takes the answer while that key is still the stored one.
    # None: not decided here (no stored version, or a key of an older scheme).
    known_key: str | None = None
    revised: bool | None = None


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class AnalysedFeed:
    title: str
    warning: str | None
    reports: tuple[AnalysedReport, ...]


def content_hash(report: Report) -> str:
    """Identity of a version (`revisions.revision_key`): markup, spacing, tracking
    parameters and share counters give the same key."""
    return revision_key(report.title, report.text)


def body_start(report: Report) -> int:
    """Where the body begins in `report_text`: 0 when there is no body but the title (none,
    or the title repeated), so that there is no headline apart."""
    return len(report.title) + 2 if report.text and report.text != report.title else 0


def headline_figures(claims: Sequence[Claim], body: int) -> frozenset[Claim]:
    """The headline's figures (before offset `body`): stored, never judged.

    A headline sums up its body and rounds in its own way ("more than 2,000 dead" over
    "1,541 ... and 910"; "at least 3,000" over "3,385"), and says neither who counted nor
    which part ("Syrian ministry reports 1,414 dead" of a count that the body says covers
    government-held areas only). The body's figures are the report's word."""
    return frozenset(c for c in claims if c.start < body)


def analyse_feed(
    body: bytes,
    headers: Mapping[str, str],
    *,
    story: StorySection | StoryFilter,
    synonyms: Mapping[str, str],
    known_hashes: Mapping[str, str],
    now: datetime,
    places: Sequence[str] = (),
    actors: Sequence[str] = (),
    read_figures: bool = True,
) -> AnalysedFeed:
    """Parse, filter and extract. `known_hashes` maps entry id -> latest stored content hash.

    `synonyms`, `places` and `actors` are the user's ``[[figures]]`` words (see
    ``FigureNamer``): the extractor knows them even where its own tables do not.
    With `read_figures` false the reports that need figures (`wanting_figures`) are left
    without them, for the caller to read elsewhere and add (`with_figures`).

    Raises `parse.NotAFeed` when the body is not a usable feed.
    """
    parsed = parse_feed(body, headers, now=now)
    story_filter = story if isinstance(story, StoryFilter) else StoryFilter.from_config(story)
    figures: FigureReader | None = None  # the extractor is loaded only if a report needs it
    analysed = []
    for report in parsed.reports:
        key = content_hash(report)
        on_story = story_filter.matches(report.title, report.text)
        claims: tuple[Claim, ...] | None = None
        stored = known_hashes.get(report.entry_id)
        revised = is_new_revision(stored, key) if stored and is_current(stored) else None
        if read_figures and _needs_figures(on_story, revised):
            figures = figures or reader_for(FigureWords.of(synonyms, places, actors))
            claims = figures.of_report(report)
        analysed.append(AnalysedReport(report, key, on_story, claims, stored, revised))
    return AnalysedFeed(title=parsed.title, warning=parsed.warning, reports=tuple(analysed))


def _needs_figures(on_story: bool, revised: bool | None) -> bool:
    # Figures are read from new items and new revisions only; an old-scheme stored key
    # cannot say, so those are read (the writer keeps them only if it is a revision).
    return on_story and revised is not False


def wanting_figures(feed: AnalysedFeed) -> list[int]:
    """Indices of the reports that need figures and were not given them."""
    return [
        i
        for i, item in enumerate(feed.reports)
        if item.claims is None and _needs_figures(item.on_story, item.revised)
    ]


def with_figures(feed: AnalysedFeed, claims: Mapping[int, tuple[Claim, ...]]) -> AnalysedFeed:
    """`feed` with the claims read elsewhere for the reports at those indices."""
    reports = tuple(
        replace(item, claims=claims[i]) if i in claims else item
        for i, item in enumerate(feed.reports)
    )
    return replace(feed, reports=reports)

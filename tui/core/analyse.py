"""The CPU-bound half of a poll: feed bytes -> reports, story flag and figures.

`analyse_feed` is a pure function of picklable inputs so it can run in a worker process
(figures and HTML reduction are a first poll's CPU). It imports neither pydantic nor
feedparser up front, so a worker stays small.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tui.core.claims import extract_claims
from tui.core.claims.figures import extract_words
from tui.core.models import Claim, Report
from tui.core.parse import parse_feed
from tui.core.revisions import is_current, is_new_revision, revision_key
from tui.core.story import StoryFilter

if TYPE_CHECKING:  # config pulls in pydantic: a parse worker is given a StoryFilter instead
    from tui.core.config import StorySection


@dataclass(frozen=True, slots=True)
class AnalysedReport:
    report: Report
    content_hash: str
    on_story: bool
    # None when figures were not extracted: off the story, or text already stored.
    claims: tuple[Claim, ...] | None


@dataclass(frozen=True, slots=True)
class AnalysedFeed:
    title: str
    warning: str | None
    reports: tuple[AnalysedReport, ...]


def content_hash(report: Report) -> str:
    """Identity of a version (`revisions.revision_key`): markup, spacing, tracking
    parameters and share counters give the same key."""
    return revision_key(report.title, report.text)


def report_text(report: Report) -> str:
    """The text figures are extracted from, and that claim offsets point into."""
    return f"{report.title}\n\n{report.text}" if report.text else report.title


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
) -> AnalysedFeed:
    """Parse, filter and extract. `known_hashes` maps entry id -> latest stored content hash.

    `synonyms`, `places` and `actors` are the user's ``[[figures]]`` words (see
    ``FigureNamer``): the extractor knows them even where its own tables do not.

    Raises `parse.NotAFeed` when the body is not a usable feed.
    """
    parsed = parse_feed(body, headers, now=now)
    story_filter = story if isinstance(story, StoryFilter) else StoryFilter.from_config(story)
    words = extract_words(synonyms, places, actors)
    analysed = []
    for report in parsed.reports:
        key = content_hash(report)
        on_story = story_filter.matches(report.title, report.text)
        claims: tuple[Claim, ...] | None = None
        stored = known_hashes.get(report.entry_id)
        # Figures are read from new items and new revisions only; an old-scheme stored key
        # cannot say, so those are read (the writer keeps them only if it is a revision).
        fresh = stored is None or not is_current(stored) or is_new_revision(stored, key)
        if on_story and fresh:
            text = report_text(report)
            claims = tuple(extract_claims(text, published=report.published, **words))  # type: ignore[arg-type]
        analysed.append(AnalysedReport(report, key, on_story, claims))
    return AnalysedFeed(title=parsed.title, warning=parsed.warning, reports=tuple(analysed))

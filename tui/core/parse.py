"""Feed bytes -> typed `Report` records, at the boundary.

Nothing downstream sees feedparser's loose dicts. feedparser always gets bytes (given a
`str` it would open it as a path or URL) and the response headers (for the charset).
Its HTML sanitiser is turned off: we reduce HTML to plain text ourselves, dropping
script and style content, which is safer for a terminal and about 45% faster.
"""

from __future__ import annotations

import calendar
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from tui.core.feed_dates import parse_localised_date
from tui.core.models import Report
from tui.core.parse_fast import FastFeed, fast_entries
from tui.core.text import clean_line, html_to_line, html_to_text

# Dates before this are typos or epoch defaults; dates far ahead are clock or timezone bugs.
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_FUTURE_SLACK = timedelta(days=2)
_MAX_FIELD = 2_000_000  # characters of text kept per entry: beyond this it is not an article


class NotAFeed(ValueError):
    """The body is not an RSS/Atom feed we can use (empty, HTML, plain text)."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    reports: tuple[Report, ...]
    # feedparser's bozo message when the feed was malformed but still usable.
    warning: str | None


def parse_feed(
    body: bytes,
    headers: Mapping[str, str] | None = None,
    *,
    now: datetime | None = None,
    fast: bool = True,
) -> ParsedFeed:
    """Parse one feed document. Raises `NotAFeed` with a reason a user can act on.

    `fast` tries the Rust parser first (`parse_fast`); feedparser reads whatever it declines.
    """
    now = now or datetime.now(UTC)
    if not body.strip():
        raise NotAFeed("the server sent an empty body")
    quick = fast_entries(body, headers or {}) if fast else None
    if isinstance(quick, FastFeed):
        title = html_to_line(quick.title)
        reports = tuple(_report(entry, now) for entry in quick.entries)
        return ParsedFeed(title=title, reports=_unique_ids(reports), warning=None)
    import feedparser  # only for what the fast path declines: ~50 ms and ~12 MB to import

    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers=dict(headers or {}),
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries = parsed.get("entries") or []
    version = parsed.get("version") or ""
    if not entries and not version:
        raise NotAFeed(_not_a_feed_reason(body, parsed))
    # A valid feed with no entries (a new section, a quiet week) is healthy, not failing:
    # it keeps its validators and its schedule, and its first entries arrive on time.
    warning = None
    if parsed.get("bozo"):
        warning = f"malformed feed, read anyway: {parsed.get('bozo_exception')}"
    reports = tuple(_report(entry, now) for entry in entries)
    title = html_to_line(str(parsed.get("feed", {}).get("title", "")))
    return ParsedFeed(title=title, reports=_unique_ids(reports), warning=warning)


def _not_a_feed_reason(body: bytes, parsed: Any) -> str:
    head = body[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return (
            "the server sent an HTML page, not a feed "
            "(a login page, an error page, or the feed has moved?)"
        )
    if parsed.get("bozo"):
        return f"not a feed: {parsed.get('bozo_exception')}"
    return "not an RSS or Atom feed"


def _version_name(version: str) -> str:
    return version.replace("rss", "RSS ").replace("atom", "Atom ").strip()


def _text_of(entry: Any) -> str:
    """The fullest text the entry offers: content, else summary, as plain text (clean:
    `html_to_text` strips control characters)."""
    best = ""
    for content in entry.get("content") or []:
        value = str(content.get("value") or "")
        if len(value) > len(best):
            best = value
    summary = str(entry.get("summary") or "")
    if len(summary) > len(best):
        best = summary
    return html_to_text(best[:_MAX_FIELD])


def _date(entry: Any, *fields: str) -> datetime | None:
    for name in fields:
        # dict.get skips FeedParserDict's deprecated updated -> published fallback mapping.
        parsed = dict.get(entry, f"{name}_parsed")
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
            except (OverflowError, ValueError, OSError):
                continue
        # feedparser reads only English names: "Seg, 24 Set 2018" (Portuguese) is ours to read.
        raw = dict.get(entry, name)
        if isinstance(raw, str) and (localised := parse_localised_date(raw)) is not None:
            return localised
    return None


def _plausible(moment: datetime | None, now: datetime) -> datetime | None:
    """The entry's date if believable. Years ahead is a bug (None: dated when first seen);
    hours ahead is a zone-less local time read as UTC, or a fast clock: nothing is dated
    after we saw it, or it would sit above reports that really came later."""
    if moment is None or moment < _EARLIEST or moment > now + _FUTURE_SLACK:
        return None
    return min(moment, now)


def _safe_link(entry: Any) -> str | None:
    """Only http(s) links are kept: a javascript:, file: or data: link must never be openable."""
    link = clean_line(str(entry.get("link") or ""))
    return link if link.lower().startswith(("http://", "https://")) else None


def _report(entry: Any, now: datetime) -> Report:
    title = html_to_line(str(entry.get("title") or ""))[:2000]
    text = _text_of(entry)
    link = _safe_link(entry)
    published = _plausible(_date(entry, "published", "created", "updated"), now)
    updated = _plausible(_date(entry, "updated"), now)
    guid = clean_line(str(entry.get("id") or ""))[:1000]
    # A GUID when the feed gives one; else the link; else a hash of what identifies the entry.
    entry_id = guid or link or _content_id(title, text)
    author = clean_line(str(entry.get("author") or "")) or None
    return Report(
        entry_id=entry_id,
        title=title or "(untitled)",
        link=link,
        author=author[:500] if author else None,
        published=(published or now).replace(microsecond=0),
        updated=updated,
        text=text,
        date_is_first_seen=published is None,
    )


def _content_id(title: str, text: str) -> str:
    """An id for an entry with neither GUID nor link. Not its date: some feeds stamp every
    entry with the time of the request, which would make each poll a flood of "new"."""
    digest = hashlib.sha256(f"{title}\x1f{text}".encode()).hexdigest()[:24]
    return f"sha256:{digest}"


def _unique_ids(reports: tuple[Report, ...]) -> tuple[Report, ...]:
    """One report per item when entries in one document share an id.

    The same id and title twice is the item repeated (a feed listing it in two sections):
    keep the copy with the most text. The same id with another title is another item
    (two teasers linking one article, a CMS reusing a GUID): it gets an id of its own,
    derived from its title, so it is neither lost nor a "revision" of the first.
    """
    kept: dict[str, Report] = {}
    for report in reports:
        entry_id = report.entry_id
        prior = kept.get(entry_id)
        if prior is not None and prior.title != report.title:
            digest = hashlib.sha256(report.title.encode("utf-8", "surrogatepass")).hexdigest()
            entry_id = f"{entry_id}#{digest[:12]}"
            report = replace(report, entry_id=entry_id)
            prior = kept.get(entry_id)
        if prior is None or len(report.text) > len(prior.text):
            kept[entry_id] = report  # a dict keeps the first position of each id
    return tuple(kept.values())

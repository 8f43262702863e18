"""The fast parse path: feedparser-rs (Rust) where it reads a feed as feedparser would.

feedparser stays the reference: `parse.parse_feed` asks `fast_entries` first and falls
back to feedparser whenever `fallback_reason` names a reason. The rule is deliberately
conservative: the fast path is used only for well-formed RSS/Atom in UTF-8 (or plain
ASCII) whose entries it read completely - every date it saw it could parse, and no link
still carries an escaped `&amp;`. Everything else (legacy encodings, malformed XML, odd
dates, JSON feeds) goes to feedparser, which handles those better. On the corpus and the
real feeds, the Reports of both paths are identical wherever this path is taken (tested).

Entries come back as plain dicts shaped like feedparser's, so `parse._report` builds
the `Report` the same way for both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import feedparser_rs

# The encoding named by an XML declaration, and by a Content-Type header.
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._\-]+)""", re.IGNORECASE)
_UTF8_NAMES = frozenset(("utf-8", "utf8", "us-ascii", "ascii"))
# Where each entry's bytes begin: the fast parser's entries are matched to these slices.
_ENTRY_START = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s>/]")
# Elements feedparser reads as an entry's `updated` (dc:date included).
_UPDATED_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:updated|modified)[\s>]|<dc:date[\s>]")
_DATE_TAG = re.compile(
    rb"<(?:[\w.-]+:)?(?:pubDate|published|updated|modified|date|created|issued)[\s>]"
)
# A non-empty author element (`<dc:creator />` gives feedparser no author).
_AUTHOR_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:author|creator)(?:\s[^>]*[^/])?>")
# Windows-1252 code points written as C1 references (&#x97;): feedparser maps them to the
# characters meant (an em dash), feedparser-rs keeps the control character. Two patterns,
# each opening with a literal the regex engine can skip ahead to (one with an alternation
# of both tried every byte of the document: a fifth of this module's time).
_C1_REFERENCE = re.compile(rb"&#(?:[xX]0*[89][0-9a-fA-F]|0*1[2-5][0-9]);")
_C1_CHARACTER = re.compile(rb"\xc2[\x80-\x9f]")
# Constructs the two parsers read differently, found in an entry's bytes: Media RSS text
# (feedparser lets it replace the title or description), alternative bodies (xhtml:body,
# fullitem), several links or authors (each picks a different one), Atom links without
# href, an image inside an item, a description beside a summary; and, by attribute,
# base64 content and links to an enclosure. Two patterns, as above: the tags' all open
# with "<", the attributes' with "=" (their names are looked behind for).
_AMBIGUOUS_TAG = re.compile(
    rb"<media:(?:description|title)[\s>]"
    rb"|<(?:[\w.-]+:)?(?:body|fullitem)[\s>]"
    rb"|<link(?![^>]*href)[^>]*/>"
    rb"|<image[\s>]"
)
_AMBIGUOUS_ATTRIBUTE = re.compile(
    rb"=[\"'](?:(?<=mode=[\"'])base64|(?<=type=[\"'])application/octet-stream"
    rb"|(?<=rel=[\"'])enclosure)"
)
_BARE_LINK_TAG = re.compile(rb"<link(?![^>]*href)[\s>/]")  # RSS <link>, no href
_AUTHOR_NAME = re.compile(rb"<((?:[\w.-]+:)?(?:author|creator))(?:\s[^>]*[^/])?>")
_AUTHOR_WITH_TEXT = re.compile(rb"<(?:dc:)?(?:author|creator)>\s*[^<\s]")
_DESCRIPTION_TAG = re.compile(rb"<description[\s>]")
_SUMMARY_TAG = re.compile(rb"<(?:[\w.-]+:)?summary[\s>]")


@dataclass(frozen=True, slots=True)
class FastFacts:
    """What the fallback rule looks at, gathered from the bytes and the fast parse."""

    starts_with_markup: bool
    declared_encodings: tuple[str, ...]  # from the XML declaration and the HTTP header
    is_utf8: bool
    version: str  # "rss20", "atom10", ... ("" when it did not see a feed)
    bozo: bool
    entries: int
    unmatched_entries: bool  # the fast entries do not line up with the entry elements
    unparsed_dates: int  # entries with a date element but no parsed date
    escaped_links: int  # links still containing "&amp;" (double-escaped in the source)
    c1_references: int  # &#x80;-&#x9f; character references
    ambiguous_entries: int  # entries with a construct the parsers read differently


def fallback_reason(facts: FastFacts) -> str | None:
    """Why feedparser must read this document instead, or None to use the fast path."""
    if not facts.starts_with_markup:
        return "not XML markup (JSON, HTML text or garbage): feedparser decides"
    if not facts.is_utf8:
        return "bytes are not UTF-8: feedparser's encoding detection decides"
    other = [name for name in facts.declared_encodings if name.lower() not in _UTF8_NAMES]
    if other:
        return f"declared encoding {other[0]}: feedparser's encoding rules decide"
    if facts.bozo:
        return "malformed XML: feedparser's recovery is the reference"
    if not facts.version.startswith(("rss", "atom")):
        return "not RSS or Atom: feedparser gives the reason"
    if facts.entries == 0:
        return "no entries: feedparser gives the reason"
    if facts.unmatched_entries:
        return "entries do not line up with the entry elements"
    if facts.unparsed_dates:
        return "a date the fast parser could not read"
    if facts.escaped_links:
        return "a link with an escaped &amp;: feedparser unescapes it"
    if facts.c1_references:
        return "Windows-1252 character references: feedparser maps them"
    if facts.ambiguous_entries:
        return "an entry the two parsers read differently (media text, links, authors, ...)"
    return None


@dataclass(frozen=True, slots=True)
class FastFeed:
    title: str
    entries: tuple[dict[str, Any], ...]


def fast_entries(body: bytes, headers: Mapping[str, str]) -> FastFeed | str:
    """The feed read by feedparser-rs as feedparser-shaped entries, or why not to use it."""
    stripped = body.lstrip()
    starts_with_markup = stripped[:1] == b"<"
    try:
        body.decode("utf-8")
        is_utf8 = True
    except UnicodeDecodeError:
        is_utf8 = False
    declared = _declared_encodings(stripped, headers)
    if not (starts_with_markup and is_utf8) or any(
        name.lower() not in _UTF8_NAMES for name in declared
    ):
        return fallback_reason(_facts(starts_with_markup, declared, is_utf8)) or "unreachable"
    parsed = feedparser_rs.parse(body, sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.entries)
    slices = _ENTRY_START.split(body)[1:]
    matched = len(slices) == len(entries)
    facts = FastFacts(
        starts_with_markup=True,
        declared_encodings=declared,
        is_utf8=True,
        version=str(parsed.version or ""),
        bozo=bool(parsed.bozo),
        entries=len(entries),
        unmatched_entries=not matched,
        unparsed_dates=sum(
            _DATE_TAG.search(piece) is not None and not _any_date(entry)
            for entry, piece in zip(entries, slices, strict=False)
        ),
        escaped_links=sum("&amp;" in (entry.link or "") for entry in entries),
        c1_references=len(_C1_REFERENCE.findall(body)) + len(_C1_CHARACTER.findall(body)),
        ambiguous_entries=sum(
            _ambiguous(entry, piece) for entry, piece in zip(entries, slices, strict=False)
        ),
    )
    reason = fallback_reason(facts)
    if reason is not None:
        return reason
    title = str(parsed.feed.get("title") or "")
    return FastFeed(
        title, tuple(_as_dict(entry, piece) for entry, piece in zip(entries, slices, strict=True))
    )


def _facts(markup: bool, declared: tuple[str, ...], utf8: bool) -> FastFacts:
    return FastFacts(markup, declared, utf8, "", False, 0, False, 0, 0, 0, 0)


def _declared_encodings(stripped: bytes, headers: Mapping[str, str]) -> tuple[str, ...]:
    names: list[str] = []
    if stripped.startswith(b"\xef\xbb\xbf"):
        stripped = stripped[3:]
    match = _XML_ENCODING.match(stripped[:512])
    if match:
        names.append(match.group(1).decode("ascii"))
    for key, value in headers.items():
        if key.lower() == "content-type":
            found = _HEADER_CHARSET.search(value)
            if found:
                names.append(found.group(1))
    return tuple(names)


def _ambiguous(entry: Any, piece: bytes) -> bool:
    """Whether this entry holds something feedparser and feedparser-rs read differently."""
    if _AMBIGUOUS_TAG.search(piece) or _AMBIGUOUS_ATTRIBUTE.search(piece):
        return True
    if len(_BARE_LINK_TAG.findall(piece)) > 1:
        return True
    if _DESCRIPTION_TAG.search(piece) and _SUMMARY_TAG.search(piece):
        return True
    if entry.link and b"<link" not in piece:
        return True  # a link taken from the GUID: feedparser validates it first
    names = _AUTHOR_NAME.findall(piece)
    if len(names) != len(set(names)):
        return True  # the same author element twice: each parser keeps a different one
    return not entry.author and _AUTHOR_WITH_TEXT.search(piece) is not None


def _any_date(entry: Any) -> bool:
    return any(
        getattr(entry, f"{name}_parsed", None) is not None
        for name in ("published", "updated", "created")
    )


def _as_dict(entry: Any, piece: bytes) -> dict[str, Any]:
    """The fields `parse._report` reads, under feedparser's names.

    Two repairs, decided from the entry's own bytes: feedparser-rs copies the published
    date into `updated` and the feed's author into entries that have none; feedparser
    does neither.
    """
    has_updated = _UPDATED_TAG.search(piece) is not None
    has_author = _AUTHOR_TAG.search(piece) is not None
    return {
        "title": entry.title,
        "link": entry.link,
        "id": entry.id,
        "author": entry.author if has_author else None,
        "summary": entry.summary,
        "content": [{"value": content.value} for content in entry.content or []],
        "published_parsed": entry.published_parsed,
        "created_parsed": entry.created_parsed,
        "updated_parsed": entry.updated_parsed if has_updated else None,
    }

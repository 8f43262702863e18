"""Build small RSS 2.0 and Atom documents, and the feeds.toml that lists them, for tests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    html: str
    published: datetime
    link: str | None = None


def rss(items: list[Item], title: str = "Test feed") -> bytes:
    entries = "".join(
        f"<item><guid isPermaLink='false'>{escape(i.guid)}</guid><title>{escape(i.title)}</title>"
        f"<link>{escape(i.link or 'https://example.com/' + i.guid)}</link>"
        f"<pubDate>{format_datetime(i.published)}</pubDate>"
        f"<description>{escape(i.html)}</description></item>"
        for i in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(title)}</title><link>https://example.com/</link>"
        f"<description>test</description>{entries}</channel></rss>"
    ).encode()


def atom(items: list[Item], title: str = "Test feed") -> bytes:
    entries = "".join(
        f"<entry><id>{escape(i.guid)}</id><title>{escape(i.title)}</title>"
        f"<link href='{escape(i.link or 'https://example.com/' + i.guid)}'/>"
        f"<updated>{i.published.isoformat()}</updated>"
        f"<content type='html'>{escape(i.html)}</content></entry>"
        for i in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{escape(title)}</title><id>urn:test</id><updated>2025-09-01T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


def feeds_toml(feeds: Mapping[str, str]) -> str:
    """`[[feeds]]` tables for name -> url, to append to a config's other sections."""
    return "".join(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\n' for name, url in feeds.items())

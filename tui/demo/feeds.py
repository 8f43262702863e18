"""Render an outlet's feed at a step as RSS 2.0 or Atom bytes, with a stable ETag.

Descriptions are HTML (`<p>` paragraphs, a `<ul>` for the "Read also" block), escaped
into the XML as text, the way most publishers ship them. The same (outlet, step content)
always renders to the same bytes, so the ETag only changes when the feed does and the
monitor's conditional GET gets a 304 otherwise.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from email.utils import format_datetime
from html import escape as html_escape
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from tui.demo.story import Article, Outlet, Version, items_at


def body_html(version: Version) -> str:
    """The article body as publishers send it: paragraphs, then any related links."""
    parts = [f"<p>{html_escape(p, quote=False)}</p>" for p in version.paragraphs]
    if version.related:
        items = "".join(
            f'<li><a href="https://example.org/related/{i}">{html_escape(h, quote=False)}</a></li>'
            for i, h in enumerate(version.related, start=1)
        )
        parts.append(f"<p><strong>Read also:</strong></p><ul>{items}</ul>")
    return "\n".join(parts)


def _rfc822(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _latest(items: list[tuple[Article, Version]]) -> datetime | None:
    stamps = [version.updated or article.published for article, version in items]
    return max(stamps, default=None)


def render_rss(outlet: Outlet, items: list[tuple[Article, Version]]) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0">',
        "<channel>",
        f"<title>{xml_escape(outlet.name)}</title>",
        f"<link>{xml_escape(outlet.site)}/</link>",
        f"<description>{xml_escape(outlet.tagline)}</description>",
        "<language>en</language>",
    ]
    if (latest := _latest(items)) is not None:
        lines.append(f"<lastBuildDate>{_rfc822(latest)}</lastBuildDate>")
    for article, version in items:
        lines += [
            "<item>",
            f"<title>{xml_escape(version.title)}</title>",
            f"<link>{xml_escape(article.link)}</link>",
            f'<guid isPermaLink="false">{xml_escape(article.guid)}</guid>',
            f"<pubDate>{_rfc822(article.published)}</pubDate>",
            f"<description>{xml_escape(body_html(version))}</description>",
            "</item>",
        ]
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def render_atom(outlet: Outlet, items: list[tuple[Article, Version]]) -> str:
    latest = _latest(items)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"<title>{xml_escape(outlet.name)}</title>",
        f"<subtitle>{xml_escape(outlet.tagline)}</subtitle>",
        f"<id>tag:{outlet.slug}.example.com,2025:feed</id>",
        f'<link rel="alternate" href={quoteattr(outlet.site + "/")}/>',
        f'<link rel="self" href={quoteattr(outlet.site + "/feed.xml")}/>',
    ]
    if latest is not None:
        lines.append(f"<updated>{_iso(latest)}</updated>")
    for article, version in items:
        lines += [
            "<entry>",
            f"<title>{xml_escape(version.title)}</title>",
            f"<id>{xml_escape(article.guid)}</id>",
            f'<link rel="alternate" href={quoteattr(article.link)}/>',
            f"<author><name>{xml_escape(outlet.name)} staff</name></author>",
            f"<published>{_iso(article.published)}</published>",
            f"<updated>{_iso(version.updated or article.published)}</updated>",
            f'<content type="html">{xml_escape(body_html(version))}</content>',
            "</entry>",
        ]
    lines += ["</feed>", ""]
    return "\n".join(lines)


def render_feed(outlet: Outlet, step: int) -> bytes:
    """The feed document `outlet` serves at `step`."""
    items = items_at(outlet.slug, step)
    render = render_rss if outlet.format == "rss" else render_atom
    return render(outlet, items).encode("utf-8")


def etag_for(body: bytes) -> str:
    """A strong validator from the content: unchanged bytes, unchanged ETag."""
    return '"' + hashlib.sha256(body).hexdigest()[:20] + '"'


def content_type(outlet: Outlet) -> str:
    kind = "rss" if outlet.format == "rss" else "atom"
    return f"application/{kind}+xml; charset=utf-8"

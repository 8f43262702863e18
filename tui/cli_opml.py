"""`storywatch opml import FILE` and `opml export`: feed lists in and out of feeds.toml.

Import reads OPML with listparser (it copes with the OPML that real feed readers write)
and edits feeds.toml with tomlkit, so the user's comments and layout survive.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from tui.cli_common import EXIT_CONFIG, Paths, path_options


@click.group()
def opml() -> None:
    """Import feeds from OPML (any feed reader's export) or export them as OPML 2.0."""


def _unique(name: str, taken: set[str]) -> str:
    """ "Wire", then "Wire (2)": feed names must be unique in feeds.toml."""
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def _read_outlines(file: Path) -> list[tuple[str, str]]:
    """(name, url) of each feed in the OPML file, in order; exit 2 if it has none."""
    from urllib.parse import urlsplit

    import listparser

    try:
        data = file.read_bytes()
    except OSError as exc:
        click.echo(f"storywatch: error: {file}: {exc.strerror or exc}", err=True)
        raise SystemExit(EXIT_CONFIG) from None
    parsed = listparser.parse(data)
    if not parsed.feeds:
        why = f": {parsed.bozo_exception}" if parsed.bozo else ""
        click.echo(f"storywatch: error: {file}: no feeds found{why}", err=True)
        raise SystemExit(EXIT_CONFIG)
    out = []
    for feed in parsed.feeds:
        url = str(feed.url).strip()
        name = " ".join(str(feed.title or "").split()) or urlsplit(url).netloc or url
        out.append((name, url))
    return out


@opml.command("import")
@path_options
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def import_(paths: Paths, file: Path) -> None:
    """Add FILE's feeds to feeds.toml as [[feeds]], keeping its comments; skip duplicates."""
    from urllib.parse import urlsplit

    import tomlkit

    from tui.core.config import ConfigError, parse_config
    from tui.core.formats import write_atomically

    config_path = paths.config_path()
    text = config_path.read_text(encoding="utf-8") if config_path.exists() else ""
    doc = tomlkit.parse(text)
    feeds: Any = doc.get("feeds")
    if feeds is None:
        feeds = tomlkit.aot()
        doc.append("feeds", feeds)
    urls = {str(f.get("url", "")).rstrip("/") for f in feeds}
    names = {str(f.get("name", "")).lower() for f in feeds}
    added = 0
    for name, url in _read_outlines(file):
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            click.echo(f"skipped {name}: {url!r} is not an http(s) feed")
        elif url.rstrip("/") in urls:
            click.echo(f"skipped {name}: already in {config_path.name} ({url})")
        else:
            table = tomlkit.table()
            table.add("name", _unique(name, names))
            table.add("url", url)
            feeds.append(table)
            urls.add(url.rstrip("/"))
            names.add(str(table["name"]).lower())
            added += 1
    new_text = tomlkit.dumps(doc)
    try:
        parse_config(new_text, config_path)
    except ConfigError as exc:  # never write a config the app would then refuse
        for line in exc.problems:
            click.echo(line, err=True)
        raise SystemExit(EXIT_CONFIG) from None
    if added:
        write_atomically(config_path, new_text)
    feeds_word = "feed" if added == 1 else "feeds"
    click.echo(f"added {added} {feeds_word} to {config_path}")


def to_opml(title: str, feeds: list[tuple[str, str]], now: datetime | None = None) -> str:
    """An OPML 2.0 subscription list: one `rss` outline per feed."""
    from email.utils import format_datetime
    from xml.etree import ElementTree as ET

    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC))
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ET.SubElement(root, "body")
    for name, url in feeds:
        ET.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=url)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


@opml.command("export")
@path_options
@click.pass_obj
def export(paths: Paths) -> None:
    """Print feeds.toml's feeds as OPML 2.0, for any feed reader to import."""
    config = paths.load()
    feeds = [(f.name, f.url) for f in config.feeds]
    click.echo(to_opml(config.story.title, feeds), nl=False)

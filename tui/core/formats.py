"""The change log as text other tools read: JSON Lines, CSV, Markdown and Atom.

Each takes `queries.change_log` rows (newest first) and returns the whole document.
Atom is what a feed reader subscribes to: one entry per change, with the figure, the
old and new values and the outlet in the entry's title and content.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from tui.core.store.refs import key_label

FORMATS = ("text", "json", "csv", "markdown", "atom")
ATOM_NS = "http://www.w3.org/2005/Atom"
CSV_COLUMNS = (
    "id", "detected_at", "figure", "verdict", "within_margin", "old", "old_source",
    "old_feed", "new", "new_source", "new_feed", "report_title", "report_url",
    "acknowledged_at",
)  # fmt: skip


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    old, new = row["old"] or {}, row["new"] or {}
    return {
        "id": row["id"],
        "detected_at": row["detected_at"],
        "figure": key_label(row["figure"]),
        "verdict": row["verdict"],
        "within_margin": row["within_margin"],
        "old": old.get("surface"),
        "old_source": old.get("source"),
        "old_feed": old.get("feed"),
        "new": new.get("surface"),
        "new_source": new.get("source"),
        "new_feed": new.get("feed"),
        "report_title": new.get("report_title"),
        "report_url": new.get("report_url"),
        "acknowledged_at": row["acknowledged_at"],
    }


def headline(row: dict[str, Any]) -> str:
    """ "US troops in Iraq: about 2,500 → 2,000 (changed, Tigris Wire)"."""
    flat = _flat(row)
    value = f"{flat['old']} → {flat['new']}" if flat["old"] else f"{flat['new']}"
    return f"{flat['figure']}: {value} ({flat['verdict']}, {flat['new_feed']})"


def to_json_lines(rows: Sequence[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_flat(row) for row in rows)
    return out.getvalue()


def _cell(value: Any) -> str:
    """Markdown table cells: pipes escaped, never a line break."""
    text = "" if value is None else str(value)
    return " ".join(text.split()).replace("|", "\\|")


def to_markdown(rows: Sequence[dict[str, Any]]) -> str:
    lines = [
        "| detected | figure | verdict | old | new | outlet |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        flat = _flat(row)
        cells = [
            flat["detected_at"],
            flat["figure"],
            flat["verdict"],
            f"{flat['old'] or ''}" + (f" ({flat['old_source']})" if flat["old"] else ""),
            f"{flat['new']} ({flat['new_source']})",
            flat["new_feed"],
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def to_atom(rows: Sequence[dict[str, Any]], *, title: str, feed_id: str) -> str:
    """An Atom 1.0 feed: the newest change first, its id stable across rewrites."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "title", f"{title}: figure changes")
    sub(feed, "id", feed_id)
    updated = rows[0]["detected_at"] if rows else datetime.now(UTC).replace(microsecond=0)
    sub(feed, "updated", str(updated if isinstance(updated, str) else updated.isoformat()))
    sub(sub(feed, "author"), "name", "storywatch")
    sub(feed, "generator", "storywatch")
    for row in rows:
        flat = _flat(row)
        entry = sub(feed, "entry")
        sub(entry, "title", headline(row))
        sub(entry, "id", f"{feed_id}:change:{row['id']}")
        sub(entry, "updated", str(row["detected_at"]))
        if flat["report_url"]:
            sub(entry, "link", href=str(flat["report_url"]), rel="alternate")
        sub(entry, "category", term=str(row["verdict"]))
        lines = [
            f"Figure: {flat['figure']}",
            f"Verdict: {flat['verdict']}" + (" (small move)" if flat["within_margin"] else ""),
            f"Old: {flat['old'] or '-'}" + (f" ({flat['old_source']})" if flat["old"] else ""),
            f"New: {flat['new']} ({flat['new_source']})",
            f"Outlet: {flat['new_feed']}",
            f"Report: {flat['report_title'] or ''}",
        ]
        sub(entry, "content", "\n".join(lines), type="text")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def feed_id_for(db_path: Path) -> str:
    """A stable Atom id for one database's change feed."""
    digest = hashlib.sha256(str(db_path.resolve()).encode()).hexdigest()[:16]
    return f"urn:storywatch:{digest}"


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` whole: a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the feed from a web server
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""The change log for the change-log screen's filter and for export as JSON lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.core import formats
from tui.core.queries import change_log
from tui.core.store import Store


def change_figures(store: Store) -> list[str]:
    """Every figure (name or key) that has changes: named ones first."""
    rows = store.query(
        "SELECT DISTINCT coalesce(figure, key) AS name FROM changes ORDER BY figure IS NULL, name"
    )
    return [str(r["name"]) for r in rows]


def export_changes(
    store: Store, path: Path, *, fmt: str = "json", title: str = "storywatch", page: int = 1000
) -> int:
    """Write the whole change log (JSON lines, CSV, Markdown or Atom); returns the count."""
    if fmt != "json":
        rows: list[dict[str, Any]] = []
        while batch := change_log(store, limit=page, offset=len(rows)):
            rows.extend(batch)
        text = {
            "csv": formats.to_csv,
            "markdown": formats.to_markdown,
        }.get(fmt)
        if text is not None:
            path.write_text(text(rows), encoding="utf-8")
        elif fmt == "atom":
            feed_id = formats.feed_id_for(Path(store.path))
            path.write_text(formats.to_atom(rows, title=title, feed_id=feed_id), encoding="utf-8")
        else:
            raise ValueError(f"unknown export format {fmt!r}")
        return len(rows)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        offset = 0
        while rows := change_log(store, limit=page, offset=offset):
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += len(rows)
            offset += page
    return count

"""`storywatch changes --format`: the change log in the form asked for."""

from __future__ import annotations

from typing import IO, Any

from tui.core import formats


def render_changes(rows: list[dict[str, Any]], fmt: str, *, title: str, feed_id: str) -> str:
    """The whole output of `changes` for one format (rows newest first)."""
    if fmt == "json":
        return formats.to_json_lines(rows)
    if fmt == "csv":
        return formats.to_csv(rows)
    if fmt == "markdown":
        return formats.to_markdown(rows)
    if fmt == "atom":
        return formats.to_atom(rows, title=title, feed_id=feed_id)
    from tui.core.queries import describe_change

    return "".join(describe_change(row) + "\n" for row in rows)


def write_changes(
    rows: list[dict[str, Any]], fmt: str, out: IO[str], *, title: str, feed_id: str
) -> None:
    out.write(render_changes(rows, fmt, title=title, feed_id=feed_id))

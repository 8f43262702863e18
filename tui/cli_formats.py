"""`storywatch changes --format`: the change log in the form asked for."""

from __future__ import annotations

from typing import IO, Any

import click

from tui.cli_common import Paths, path_options


def render_changes(rows: list[dict[str, Any]], fmt: str, *, title: str, feed_id: str) -> str:
    """The whole output of `changes` for one format (rows newest first)."""
    from tui.core import formats

    if fmt == "json":
        return formats.to_json_lines(rows)
    if fmt == "csv":
        return formats.to_csv(rows)
    if fmt == "markdown":
        return formats.to_markdown(rows)
    if fmt == "atom":
        return formats.to_atom(rows, title=title, feed_id=feed_id)
    from tui.core.store.changes import describe_change

    return "".join(describe_change(row) + "\n" for row in rows)


def write_changes(
    rows: list[dict[str, Any]], fmt: str, out: IO[str], *, title: str, feed_id: str
) -> None:
    out.write(render_changes(rows, fmt, title=title, feed_id=feed_id))


@click.command()
@path_options
@click.pass_obj
def metadata(paths: Paths) -> None:
    """Print Datasette metadata (descriptions, units, canned queries) for the database.

    storywatch metadata > metadata.json && datasette DB -m metadata.json
    """
    import json

    from tui.core.store.datasette import datasette_metadata

    config = paths.load_if_any()
    db_path = paths.db_path(config)
    title = config.story.title if config is not None else "storywatch"
    click.echo(json.dumps(datasette_metadata(db_path.stem, title), indent=2, ensure_ascii=False))

"""`storywatch suggest`: its own module so the CLI's other commands merge without it."""

from __future__ import annotations

from typing import Any

import click


@click.command()
@click.option("--limit", default=5, show_default=True, help="How many blocks at most.")
@click.pass_obj
def suggest(paths: Any, limit: int) -> None:
    """Print ready-to-paste [[figures]] blocks for the busiest figures no block names."""
    from tui.cli import _config_if_any, _open_store
    from tui.core.claims import FigureNamer
    from tui.core.suggest import suggest_text, suggestions

    config = _config_if_any(paths)
    namer = FigureNamer(config.figures if config else [])
    with _open_store(paths, config, readonly=True) as store:
        found = suggestions(store, namer, limit=limit)
    click.echo(suggest_text(found), nl=False)

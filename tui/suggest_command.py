"""`storywatch suggest`: its own module so the CLI's other commands merge without it."""

from __future__ import annotations

import click

from tui.cli_common import Paths, path_options


@click.command()
@path_options
@click.option("--limit", default=5, show_default=True, help="How many blocks at most.")
@click.pass_obj
def suggest(paths: Paths, limit: int) -> None:
    """Print ready-to-paste [[figures]] blocks for the busiest figures no block names."""
    from tui.core.claims import FigureNamer
    from tui.core.store.figure_names import has_claims
    from tui.core.suggest import suggest_text, suggestions

    config = paths.load_if_any()
    namer = FigureNamer(config.figures if config else [])
    with paths.open_store(config, readonly=True) as store:
        found = suggestions(store, namer, limit=limit)
        polled = has_claims(store)
    click.echo(suggest_text(found, polled=polled), nl=False)

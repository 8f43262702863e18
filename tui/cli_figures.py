"""Figures by the names people type: `storywatch figures`, `ack`, and name resolution."""

from __future__ import annotations

import difflib
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from tui.cli_common import EXIT_CONFIG, OneLineUsage, Paths, path_options

if TYPE_CHECKING:
    from tui.core.config import Config
    from tui.core.store import Store

# How many unnamed figures `storywatch figures` lists (the most often seen first).
UNNAMED_SHOWN = 15


def _known_names(store: Store, config: Config | None) -> dict[str, str]:
    """Every way to call a figure, lower-cased, mapped to what the database stores.

    Named figures (config and database), keys, and the readable label of each key that
    has changes ("US troops in Iraq (presence)").
    """
    from tui.core.store.figure_names import stored_names
    from tui.core.store.refs import key_label

    names: dict[str, str] = {}
    if config is not None:
        names.update({f.name.lower(): f.name for f in config.figures})
    figures, keys = stored_names(store)
    for figure in figures:
        names.setdefault(figure.lower(), figure)
    for key in keys:
        names.setdefault(key.lower(), key)
        names.setdefault(key_label(key).lower(), key)
    return names


def resolve_figure(store: Store, config: Config | None, typed: str) -> str:
    """The stored name (or key) for what the user typed, in any case; exit 2 if unknown."""
    from tui.core.models import FigureKey

    names = _known_names(store, config)
    if found := names.get(typed.strip().lower()):
        return found
    if FigureKey.is_key_text(typed):
        return typed  # a key seen in claims but never changed: the query decides
    close = difflib.get_close_matches(typed.lower(), list(names), n=1, cutoff=0.6)
    hint = f"; did you mean {names[close[0]]!r}?" if close else " (see `storywatch figures`)"
    click.echo(f"storywatch: error: no figure named {typed!r}{hint}", err=True)
    raise SystemExit(EXIT_CONFIG)


@click.command()
@path_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--unnamed", default=UNNAMED_SHOWN, show_default=True, help="Unnamed keys shown.")
@click.pass_obj
def figures(paths: Paths, as_json: bool, unnamed: int) -> None:
    """The named figures and the most-seen unnamed ones, each with its latest value."""
    import json

    from tui.core.store.figure_names import latest_values
    from tui.core.store.refs import key_label

    config = paths.load_if_any()
    with paths.open_store(config, readonly=True) as store:
        order = [f.name for f in config.figures] if config is not None else []
        rows = latest_values(store, order, unnamed)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        click.echo("no figures yet (poll first: `storywatch poll --once`)", err=True)
        return
    for row in rows:
        label = row["name"] if row["named"] else f"{key_label(row['name'])}  [{row['name']}]"
        if not row["seen"]:
            click.echo(f"{label}: no reports yet")
            continue
        who = (
            row["speaker"] if row["speaker"] == row["feed"] else f"{row['speaker']}, {row['feed']}"
        )
        times = "once" if row["seen"] == 1 else f"{row['seen']} times"
        click.echo(f"{label}: {row['surface']} ({who}, {row['last_seen']}; seen {times})")


@click.command()
@path_options
@click.option("--figure", help="Acknowledge this figure's changes (its name, any case).")
@click.option("--all", "everything", is_flag=True, help="Acknowledge every change.")
@click.pass_obj
def ack(paths: Paths, figure: str | None, everything: bool) -> None:
    """Mark changes seen, as `a` / `A` do in the dashboard."""
    from tui.core.store import iso
    from tui.core.store.changes import acknowledge, change_log

    if bool(figure) == everything:
        raise OneLineUsage("ack needs exactly one of --figure NAME or --all")
    config = paths.load_if_any()
    with paths.open_store(config) as store:
        now = iso(datetime.now(UTC))
        if everything:
            count = acknowledge(store, None, now)
        else:
            assert figure is not None
            figure = resolve_figure(store, config, figure)
            ids = [
                row["id"]
                for row in change_log(
                    store, figure=figure, unacknowledged_only=True, limit=1_000_000
                )
            ]
            count = acknowledge(store, ids, now) if ids else 0
    what = "change" if count == 1 else "changes"
    click.echo(f"acknowledged {count} {what}" if count else "nothing to acknowledge")

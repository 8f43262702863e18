"""`storywatch prune`: trim what no feature needs (see `tui.core.store.prune`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import click

from tui.cli_common import OneLineError, Paths, path_options


class Age(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """An age: 30d, 12h, 2w, 90m."""

    name = "age"

    def convert(self, value: Any, param: Any, ctx: Any) -> timedelta:
        if isinstance(value, timedelta):
            return value
        from tui.core.store.prune import parse_age

        try:
            return parse_age(str(value))
        except ValueError as exc:
            raise OneLineError(str(exc), ctx=ctx, param=param) from None


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} KB"


@click.command()
@path_options
@click.option(
    "--off-story-older-than",
    "older_than",
    type=Age(),
    default="30d",
    show_default=True,
    help="Clear the text of off-story reports not changed for this long; drop poll log rows "
    "older than this. Reports with a figure or a change are never touched.",
)
@click.option("--vacuum", is_flag=True, help="Then give the freed space back to the disk.")
@click.pass_obj
def prune(paths: Paths, older_than: timedelta, vacuum: bool) -> None:
    """Trim the database: what no feature needs, never a figure or a change."""
    from tui.core.store.prune import VacuumBusy
    from tui.core.store.prune import prune as run_prune

    config = paths.load_if_any()
    if not paths.db_path(config).exists():
        raise click.ClickException(f"{paths.db_path(config)}: no database yet, nothing to prune")
    with paths.open_store(config) as store:
        try:
            done = run_prune(store, older_than=older_than, now=datetime.now(UTC), vacuum=vacuum)
        except VacuumBusy as exc:
            click.echo(f"pruned, but could not vacuum: {exc} (try again later)", err=True)
            raise SystemExit(1) from None
    click.echo(
        f"cleared the text of {done.texts_cleared} off-story reports, deleted "
        f"{done.versions_deleted} old versions and {done.polls_deleted} poll log rows"
    )
    size = f"{_size(done.bytes_before)} -> {_size(done.bytes_after)}"
    click.echo(f"database: {size}" + ("" if vacuum else " (free pages kept; --vacuum to shrink)"))

"""First run: no feeds.toml anywhere. Offer the commented starter config, say where it goes."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

STARTER_NAME = "feeds.toml"


def starter_config_text() -> str:
    """The repository's own commented feeds.toml, shipped inside the package."""
    packaged = resources.files("tui") / "data" / STARTER_NAME
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # An editable install runs from the repository, where the file sits at the top.
    return (Path(__file__).resolve().parent.parent / STARTER_NAME).read_text(encoding="utf-8")


def offer_starter_config(path: Path, *, interactive: bool) -> bool:
    """Ask to write the starter config to `path`. True if it now exists."""
    click.echo(
        f"No feeds.toml found (looked for --config, $STORYWATCH_CONFIG, ./feeds.toml, {path})."
    )
    if not interactive:
        click.echo(
            "Create one there (see README.md), or try `storywatch demo`, which needs no setup."
        )
        return False
    if not click.confirm(f"Write a commented starter feeds.toml to {path}?", default=True):
        click.echo("Nothing written. `storywatch demo` shows the dashboard without any setup.")
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # never overwrite an existing file
            handle.write(starter_config_text())
    except OSError as exc:
        click.echo(f"Could not write {path}: {exc}", err=True)
        return False
    click.echo(f"Wrote {path}. Edit it any time; `storywatch check` validates it.")
    return True

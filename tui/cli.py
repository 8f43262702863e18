"""The `storywatch` command line.

Imports are deferred into each command: `storywatch extract` must start in a fraction
of a second, so it must not pay for Textual, httpx or feedparser.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from tui.cli_common import (
    EXIT_CONFIG,
    Moment,
    OneLineUsage,
    Paths,
    Positive,
    came_from_env,
    path_options,
)

CONTEXT = {"help_option_names": ["-h", "--help"]}
ENVIRONMENT = """\b
Environment variables:
  STORYWATCH_CONFIG  feeds.toml to use (like --config)
  STORYWATCH_DB      SQLite database file (like --db; `demo` ignores it)
  NO_COLOR           no colour in the dashboard
"""


# The commands written in modules of their own, and where.
_ELSEWHERE = {
    "ack": "tui.cli_figures",
    "figures": "tui.cli_figures",
    "metadata": "tui.cli_formats",
    "opml": "tui.cli_opml",
    "prune": "tui.cli_prune",
    "suggest": "tui.suggest_command",
}


class _Commands(click.Group):
    """`_ELSEWHERE`'s commands are imported when one is asked for (or `--help` lists them
    all): a start of `storywatch extract` does not pay for them."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_ELSEWHERE})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        home = _ELSEWHERE.get(cmd_name)
        if home is not None and cmd_name not in self.commands:
            import importlib

            command: click.Command = getattr(importlib.import_module(home), cmd_name)
            self.add_command(command)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and args[0] not in _ELSEWHERE:
            # No such command: click suggests one among those it holds, so hold them all.
            for name in _ELSEWHERE:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


@click.group(
    cls=_Commands, invoke_without_command=True, context_settings=CONTEXT, epilog=ENVIRONMENT
)
@click.option(
    "--config",
    "config_arg",
    envvar="STORYWATCH_CONFIG",
    show_envvar=True,
    help="feeds.toml to use.",
)
@click.option(
    "--db", "db_arg", envvar="STORYWATCH_DB", show_envvar=True, help="SQLite database file."
)
@click.version_option(None, "-V", "--version", package_name="storywatch")
@click.pass_context
def main(ctx: click.Context, config_arg: str | None, db_arg: str | None) -> None:
    """Follow a developing news story: its reports, their revisions, and the figures in them.

    Options before the command and after it mean the same: `storywatch poll --config X`.
    """
    ctx.obj = Paths(
        config_arg,
        db_arg,
        db_from_env=came_from_env(ctx, "db_arg"),
        config_from_env=came_from_env(ctx, "config_arg"),
    )
    if ctx.invoked_subcommand is None:
        ctx.invoke(run)


@main.command()
@path_options
@click.pass_obj
def run(paths: Paths) -> None:
    """Open the dashboard (the default command)."""
    from tui.first_run import offer_starter_config
    from tui.launch import run_dashboard

    config_path = paths.config_path()
    if not config_path.exists():
        wrote = offer_starter_config(config_path, interactive=sys.stdin.isatty())
        if not wrote:
            raise SystemExit(EXIT_CONFIG)
    config = paths.load()
    run_dashboard(config, config_path, paths.db_path(config))


@main.command()
@path_options
@click.option("--once", is_flag=True, help="Poll every feed once, print a summary and exit.")
@click.option("-q", "--quiet", is_flag=True, help="Print only failures.")
@click.option("-v", "--verbose", is_flag=True, help="Also log every feed polled.")
@click.pass_obj
def poll(paths: Paths, once: bool, quiet: bool, verbose: bool) -> None:
    """Poll the feeds headlessly (for a terminal, cron or systemd).

    Changes ring the bell and run notify_command as in the dashboard; with --once on a
    terminal a progress bar shows the feeds done.
    """
    from tui.headless import poll_forever, poll_once

    if quiet and verbose:
        raise OneLineUsage("poll takes -q or -v, not both")
    verbosity = 0 if quiet else 2 if verbose else 1
    config = paths.load()
    db_path = paths.db_path(config)
    config_path = paths.config_path()
    if once:
        bar = sys.stdout.isatty() and not quiet
        raise SystemExit(poll_once(config, db_path, config_path, verbosity=verbosity, progress=bar))
    raise SystemExit(poll_forever(config, db_path, config_path, verbosity=verbosity))


@main.command()
@path_options
@click.pass_obj
def check(paths: Paths) -> None:
    """Validate feeds.toml and say which files are in use."""
    config_path = paths.config_path()
    click.echo(f"config:   {config_path}")
    config = paths.load()
    click.echo(f"database: {paths.db_path(config)}")
    enabled = sum(1 for f in config.feeds if f.enabled)
    click.echo(
        f"ok: {len(config.feeds)} feeds ({enabled} enabled), {len(config.figures)} named figures"
    )
    from tui.cli_moved import moved_feed_lines

    for line in moved_feed_lines(config, paths.db_path(config)):
        click.echo(line)


@main.command()
@path_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_obj
def feeds(paths: Paths, as_json: bool) -> None:
    """Each feed's health: last success, errors, next poll."""
    from dataclasses import asdict

    from tui.core.store.feeds import feed_health

    config = paths.load()
    with paths.open_store(config, readonly=True) as store:
        rows = feed_health(store)
    if as_json:
        for row in rows:
            click.echo(json.dumps(asdict(row)))
        return
    for row in rows:
        state = f"FAILING x{row.consecutive_failures}" if row.consecutive_failures else row.state
        click.echo(
            f"{row.name:<28} {state:<12} reports={row.reports:<5} "
            f"last ok={row.last_success_at or '-'}"
        )
        if row.last_error and row.consecutive_failures:
            click.echo(f"    last error ({row.last_error_at}): {row.last_error}")


@main.command()
@path_options
@click.argument("source", default="-", type=click.File("r", encoding="utf-8"))
@click.option("--text", "text", help="Read this sentence instead of a file.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--published",
    type=Moment(),
    help="Publication date or time (ISO 8601, offset kept) for dates like 'by September'.",
)
@click.pass_obj
def extract(paths: Paths, source: Any, text: str | None, as_json: bool, published: Any) -> None:
    """Print the figures stated in a text (a file, - for standard input, or --text)."""
    import gc

    # Importing the extractor makes ~100k long-lived objects (word tables, compiled
    # patterns) and no garbage: the collector running meanwhile cost ~8 ms of a ~170 ms
    # start. Frozen afterwards, they are never scanned again.
    gc.disable()
    try:
        from tui.core.claims import FigureNamer, claim_to_dict, extract_claims
    finally:
        gc.freeze()
        gc.enable()

    figures = _figures_if_any(paths)
    namer = FigureNamer(figures)
    body = text if text is not None else source.read()
    # A text given on the command line is read whole: the per-report cap on figures
    # (a feed item stating hundreds of figures is a table dump) is not for documents.
    claims = extract_claims(
        body,
        published=published,
        max_claims=100_000,
        **namer.lexicon(),  # type: ignore[arg-type]
    )
    for claim in claims:
        row = claim_to_dict(claim, namer.name_for(claim))
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            where = " ".join(str(v) for v in (row["actor"], row["thing"], row["place"]) if v)
            click.echo(
                f"{row['surface']!s:<24} {row['kind']:<8} {row['bound']:<7} {where:<28} "
                f"{row['predicate']:<9} {row['as_of']:<8} {row['source'] or ''}"
            )


@dataclass(frozen=True)
class _FigureEntry:
    """A ``[[figures]]`` entry read without pydantic (see `_figures_if_any`)."""

    name: str
    things: list[str]
    places: list[str] | None = None
    actors: list[str] | None = None
    kind: str | None = None
    predicate: str | None = None

    def well_formed(self) -> bool:
        lists = [self.things, self.places or [], self.actors or []]
        return (
            isinstance(self.name, str)
            and bool(self.things)
            and all(isinstance(x, list) and all(isinstance(w, str) for w in x) for x in lists)
            and all(v is None or isinstance(v, str) for v in (self.kind, self.predicate))
        )


def _figures_if_any(paths: Paths) -> list[_FigureEntry]:
    """Named figures from the config, when there is a well-formed one.

    Read with tomllib, not the pydantic model: importing pydantic alone costs more than
    the whole start-up budget of `extract`. A config with problems is reported, and the
    figures are then extracted unnamed.
    """
    path = paths.config_path()
    if not path.is_file():
        return []
    import tomllib  # ~4 ms: not for a start with no config

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = [_FigureEntry(**entry) for entry in data.get("figures", [])]
        if all(entry.well_formed() for entry in entries):
            return entries
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, TypeError):
        pass
    click.echo(f"{path} has problems (see `storywatch check`); figures stay unnamed", err=True)
    return []


@main.command()
@path_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv", "markdown", "atom"]),
    default="text",
    show_default=True,
    help="json: one object per line; atom: a feed any reader can subscribe to.",
)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("--figure", help="Only this figure (its name, any case, or its key).")
@click.option(
    "--since",
    type=Moment(ages=True),
    help="Only changes detected at or after this time (ISO 8601, or an age: 6h, 7d).",
)
@click.option("--unseen", is_flag=True, help="Only changes not yet acknowledged.")
@click.option(
    "--limit",
    type=int,
    default=None,
    help="At most this many, newest first. Default: 200 as text; every change as json, csv, "
    "markdown or atom (tools and scorers read the whole log).",
)
@click.pass_obj
def changes(
    paths: Paths,
    fmt: str,
    as_json: bool,
    figure: str | None,
    since: Any,
    unseen: bool,
    limit: int | None,
) -> None:
    """The change log, newest first."""
    from tui.cli_figures import resolve_figure
    from tui.cli_formats import write_changes
    from tui.core.formats import feed_id_for
    from tui.core.store import iso
    from tui.core.store.changes import change_log

    config = paths.load_if_any()
    with paths.open_store(config, readonly=True) as store:
        if figure:
            figure = resolve_figure(store, config, figure)
        rows = change_log(
            store,
            figure=figure,
            since=iso(since) if since else None,
            unacknowledged_only=unseen,
            # SQLite's LIMIT -1 is no limit: a machine format gets the whole log.
            limit=limit if limit is not None else (200 if fmt == "text" and not as_json else -1),
        )
    if not rows and fmt == "text" and not as_json:
        filters = [f"for {figure}" if figure else "", f"since {iso(since)}" if since else ""]
        said = " ".join(f for f in filters if f)
        what = "no unseen changes" if unseen else "no changes"
        click.echo(f"{what} {said}" if said else f"{what} yet", err=True)
        return
    title = config.story.title if config is not None else "storywatch"
    write_changes(
        rows,
        "json" if as_json else fmt,
        sys.stdout,
        title=title,
        feed_id=feed_id_for(paths.db_path(config)),
    )


@main.command()
@path_options
@click.argument("figure")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--limit", default=1000, show_default=True)
@click.pass_obj
def history(paths: Paths, figure: str, as_json: bool, limit: int) -> None:
    """One figure's timeline: every observation, who said it, when."""
    from tui.cli_figures import resolve_figure
    from tui.core.models import FigureKey
    from tui.core.store.history import history_page
    from tui.core.store.refs import FigureRef

    config = paths.load_if_any()
    with paths.open_store(config, readonly=True) as store:
        figure = resolve_figure(store, config, figure)
        ref = FigureRef(figure, is_key=FigureKey.is_key_text(figure))
        rows = history_page(store, ref, limit=limit, oldest_first=True, fold_copies=False)
    if not rows:
        raise click.ClickException(f"no observations of {figure!r} (try `storywatch changes`)")
    for row in rows:
        if as_json:
            click.echo(json.dumps(row.as_json(), ensure_ascii=False))
        else:
            historic = " (historic)" if row.as_of == "historic" else ""
            click.echo(
                f"{row.observed_at}  {row.surface:<22} {row.source:<28} {row.feed}{historic}"
            )


@main.command()
@path_options
@click.option(
    "--speed", type=Positive(), default=1.0, show_default=True, help="Story steps per few seconds."
)
@click.option("--once", "--headless", "once", is_flag=True, help="No dashboard: print the changes.")
@click.pass_obj
def demo(paths: Paths, speed: float, once: bool) -> None:
    """Replay the bundled withdrawal story from a local feed server; no network needed.

    --db keeps the replay in that database, as for every command; without it the replay
    is thrown away. $STORYWATCH_DB is ignored here, so a replay never lands in your real
    database. --config is refused: the demo brings its own story.
    """
    from tui.demo.runner import run_demo_headless, run_demo_tui

    if paths.config_arg and not paths.config_from_env:
        raise OneLineUsage("demo replays its own story; --config is not used by demo")
    db_path = Path(paths.db_arg) if paths.db_arg and not paths.db_from_env else None
    if once:
        raise SystemExit(run_demo_headless(db_path=db_path, speed=0.0))
    raise SystemExit(run_demo_tui(db_path=db_path, speed=speed))


def entry() -> None:  # pragma: no cover - `python -m tui`
    main(prog_name="storywatch")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The `storywatch` command line.

Imports are deferred into each command: `storywatch extract` must start in a fraction
of a second, so it must not pay for Textual, httpx or feedparser.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from tui.core.config import Config

EXIT_CONFIG = 2


@dataclass
class Paths:
    config_arg: str | None
    db_arg: str | None

    def config_path(self) -> Path:
        from tui.core.paths import resolve_config_path

        return resolve_config_path(self.config_arg)

    def load(self) -> Config:
        """The validated config, or exit 2 with one line per problem."""
        from tui.core.config import ConfigError, load_config

        path = self.config_path()
        try:
            return load_config(path)
        except ConfigError as exc:
            for line in exc.problems:
                click.echo(line, err=True)
            raise SystemExit(EXIT_CONFIG) from None

    def db_path(self, config: Config | None) -> Path:
        from tui.core.paths import resolve_db_path

        path = resolve_db_path(self.db_arg, config)
        from_settings = config is not None and config.settings.database and not self.db_arg
        if from_settings and not path.is_absolute():
            # A relative [settings].database is relative to the config file, not the cwd.
            path = self.config_path().parent / path
        return path


def _open_store(paths: Paths, config: Config | None, *, readonly: bool = False) -> Any:
    from tui.core.store import Store, StoreError

    try:
        return Store(paths.db_path(config), readonly=readonly)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(invoke_without_command=True)
@click.option("--config", "config_arg", envvar="STORYWATCH_CONFIG", help="feeds.toml to use.")
@click.option("--db", "db_arg", envvar="STORYWATCH_DB", help="SQLite database file.")
@click.version_option(package_name="storywatch")
@click.pass_context
def main(ctx: click.Context, config_arg: str | None, db_arg: str | None) -> None:
    """Follow a developing news story: its reports, their revisions, and the figures in them."""
    ctx.obj = Paths(config_arg, db_arg)
    if ctx.invoked_subcommand is None:
        ctx.invoke(run)


@main.command()
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
@click.option("--once", is_flag=True, help="Poll every feed once, print a summary and exit.")
@click.pass_obj
def poll(paths: Paths, once: bool) -> None:
    """Poll the feeds headlessly (for a terminal, cron or systemd)."""
    from tui.headless import poll_forever, poll_once

    config = paths.load()
    db_path = paths.db_path(config)
    if once:
        raise SystemExit(poll_once(config, db_path))
    raise SystemExit(poll_forever(config, db_path, paths.config_path()))


@main.command()
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


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_obj
def feeds(paths: Paths, as_json: bool) -> None:
    """Each feed's health: last success, errors, next poll."""
    from dataclasses import asdict

    from tui.core.queries import feed_health

    config = paths.load()
    with _open_store(paths, config, readonly=True) as store:
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
@click.argument("source", default="-", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--published", help="Publication date (ISO) used to resolve dates like 'by September'."
)
@click.pass_obj
def extract(paths: Paths, source: Any, as_json: bool, published: str | None) -> None:
    """Print the figures stated in a text (a file, or - for standard input)."""
    from datetime import UTC, datetime

    from tui.core.claims import FigureNamer, claim_to_dict, extract_claims

    figures = _figures_if_any(paths)
    namer = FigureNamer(figures)
    when = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    # A text given on the command line is read whole: the per-report cap on figures
    # (a feed item stating hundreds of figures is a table dump) is not for documents.
    claims = extract_claims(
        source.read(),
        published=when,
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
    import tomllib

    path = paths.config_path()
    if not path.is_file():
        return []
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
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--figure", help="Only this figure (its name or key).")
@click.option("--since", help="Only changes detected at or after this ISO time.")
@click.option("--limit", default=200, show_default=True)
@click.pass_obj
def changes(paths: Paths, as_json: bool, figure: str | None, since: str | None, limit: int) -> None:
    """The change log, newest first."""
    from tui.core.queries import change_log, describe_change

    config = _config_if_any(paths)
    with _open_store(paths, config, readonly=True) as store:
        rows = change_log(store, figure=figure, since=since, limit=limit)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(describe_change(row))


def _config_if_any(paths: Paths) -> Config | None:
    from tui.core.config import ConfigError, load_config

    path = paths.config_path()
    if not path.is_file():
        return None
    try:
        return load_config(path)
    except ConfigError:
        return None


@main.command()
@click.argument("figure")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--limit", default=1000, show_default=True)
@click.pass_obj
def history(paths: Paths, figure: str, as_json: bool, limit: int) -> None:
    """One figure's timeline: every observation, who said it, when."""
    from tui.core.queries import figure_history

    config = _config_if_any(paths)
    with _open_store(paths, config, readonly=True) as store:
        rows = figure_history(store, figure, limit=limit)
    if not rows:
        raise click.ClickException(f"no observations of {figure!r} (try `storywatch changes`)")
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            historic = " (historic)" if row["as_of"] == "historic" else ""
            click.echo(
                f"{row['observed_at']}  {row['surface']:<22} {row['source']:<28} "
                f"{row['feed']}{historic}"
            )


@main.command()
@click.option("--speed", default=1.0, show_default=True, help="Story steps per few seconds.")
@click.option("--once", "--headless", "once", is_flag=True, help="No dashboard: print the changes.")
@click.option("--db", "demo_db", help="Keep the replay in this database (default: throw-away).")
def demo(speed: float, once: bool, demo_db: str | None) -> None:
    """Replay the bundled withdrawal story from a local feed server; no network needed."""
    from tui.demo.runner import run_demo_headless, run_demo_tui

    db_path = Path(demo_db) if demo_db else None
    if once:
        raise SystemExit(run_demo_headless(db_path=db_path, speed=0.0))
    raise SystemExit(run_demo_tui(db_path=db_path, speed=speed))


def entry() -> None:  # pragma: no cover - `python -m tui`
    main(prog_name="storywatch")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

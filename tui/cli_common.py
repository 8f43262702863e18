"""What the command-line modules share: option types, --config/--db, opening the store.

Bad values end in one line and exit 2 (click's usage errors print the usage block too,
which buries the one line that matters). Light on purpose: only click and the standard
library, so `storywatch extract` still starts fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.core import ParameterSource

if TYPE_CHECKING:
    from tui.core.config import Config
    from tui.core.store import Store

EXIT_CONFIG = 2
F = TypeVar("F", bound=Callable[..., Any])


class OneLineError(click.BadParameter):
    """A bad value shown as `storywatch: error: ...` alone, exit 2."""

    def show(self, file: Any = None) -> None:
        click.echo(f"storywatch: error: {self.format_message()}", err=True)


class OneLineUsage(click.UsageError):
    def show(self, file: Any = None) -> None:
        click.echo(f"storywatch: error: {self.format_message()}", err=True)


_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.IGNORECASE)
_AGE_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_EXAMPLES = "e.g. 2025-09-08, 2025-09-08T09:00+03:00"


class Moment(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """An ISO 8601 date or time, offset kept; with `ages`, also "6h", "7d" (that long ago).

    A time without an offset is read as UTC (the database's zone) rather than guessed.
    """

    name = "time"

    def __init__(self, *, ages: bool = False) -> None:
        self.ages = ages

    def convert(self, value: Any, param: Any, ctx: Any) -> datetime:
        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        if self.ages and (age := _AGE.match(text)):
            amount = float(age.group(1))
            unit = _AGE_UNITS[age.group(2).lower()]
            return datetime.now(UTC).replace(microsecond=0) - timedelta(**{unit: amount})
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            ages = " or an age like 6h or 7d" if self.ages else ""
            raise OneLineError(
                f"{text!r} is not an ISO date or time ({_EXAMPLES}){ages}",
                ctx=ctx,
                param=param,
            ) from None
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class Positive(click.ParamType):  # type: ignore[type-arg]
    """A number greater than zero."""

    name = "number"

    def convert(self, value: Any, param: Any, ctx: Any) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise OneLineError(f"{value!r} is not a number", ctx=ctx, param=param) from None
        if not number > 0 or number == float("inf"):
            raise OneLineError(f"{value!r} must be a number greater than 0", ctx=ctx, param=param)
        return number


@dataclass
class Paths:
    """Where the config and the database come from, as given on the command line."""

    config_arg: str | None = None
    db_arg: str | None = None
    db_from_env: bool = False
    config_from_env: bool = False

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

    def load_if_any(self) -> Config | None:
        """The config when there is a valid one (read-only commands work without)."""
        from tui.core.config import ConfigError, load_config

        path = self.config_path()
        if not path.is_file():
            return None
        try:
            return load_config(path)
        except ConfigError:
            return None

    def db_path(self, config: Config | None) -> Path:
        from tui.core.paths import resolve_db_path

        path = resolve_db_path(self.db_arg, config)
        from_settings = config is not None and config.settings.database and not self.db_arg
        if from_settings and not path.is_absolute():
            # A relative [settings].database is relative to the config file, not the cwd.
            path = self.config_path().parent / path
        return path

    def open_store(self, config: Config | None, *, readonly: bool = False) -> Store:
        from tui.core.store import Store, StoreError

        try:
            return Store(self.db_path(config), readonly=readonly)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None


def _set_path(field: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """A subcommand's --config/--db overrides the group's (they mean the same)."""

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value is None:
            return
        paths = ctx.ensure_object(Paths)
        setattr(paths, field, value)
        setattr(paths, field.replace("_arg", "_from_env"), False)

    return callback


def path_options(command: F) -> F:
    """`--config` and `--db` on a subcommand too, so `poll --config X --once` works."""
    command = click.option(
        "--config",
        "config_arg",
        expose_value=False,
        callback=_set_path("config_arg"),
        help="feeds.toml to use (same as before the command).",
    )(command)
    return click.option(
        "--db",
        "db_arg",
        expose_value=False,
        callback=_set_path("db_arg"),
        help="SQLite database file (same as before the command).",
    )(command)


def came_from_env(ctx: click.Context, name: str) -> bool:
    return ctx.get_parameter_source(name) is ParameterSource.ENVIRONMENT

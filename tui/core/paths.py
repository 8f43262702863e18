"""Where the config and the database live. Light on purpose: no pydantic import here,
so commands that only need a path (or no config at all) start fast."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.config import Config

APP_NAME = "storywatch"
CONFIG_ENV = "STORYWATCH_CONFIG"
DB_ENV = "STORYWATCH_DB"


def default_config_path() -> Path:
    fast = xdg_dir("XDG_CONFIG_HOME", "~/.config")
    if fast is not None:
        return fast / "feeds.toml"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME)) / "feeds.toml"


def xdg_dir(variable: str, default: str) -> Path | None:
    """This app's directory under an XDG base directory (`variable` when it holds an
    absolute path, else `default` under the home), as platformdirs finds it on Linux,
    without importing platformdirs (~5 ms of every start of `storywatch extract`, which
    looks up the config and the cache). None elsewhere, or when the home is no absolute
    path: then ask platformdirs."""
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel"):
        return None
    base = os.environ.get(variable, "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME")
        if home is not None and not os.path.isabs(home):
            return None
        base = os.path.expanduser(default)
    return Path(base) / APP_NAME if os.path.isabs(base) else None


def default_db_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "storywatch.db"


def resolve_config_path(explicit: str | os.PathLike[str] | None) -> Path:
    """--config > $STORYWATCH_CONFIG > ./feeds.toml if present > the platform config dir."""
    if explicit:
        return Path(explicit)
    if env := os.environ.get(CONFIG_ENV):
        return Path(env)
    local = Path("feeds.toml")
    if local.is_file():
        return local
    return default_config_path()


def resolve_db_path(explicit: str | os.PathLike[str] | None, config: Config | None) -> Path:
    """--db > $STORYWATCH_DB > [settings].database > the platform data dir."""
    if explicit:
        return Path(explicit)
    if env := os.environ.get(DB_ENV):
        return Path(env)
    if config is not None and config.settings.database:
        return Path(config.settings.database).expanduser()
    return default_db_path()

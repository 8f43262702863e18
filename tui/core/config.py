"""feeds.toml -> a typed, validated `Config`.

Every problem is collected and reported at once, each as one line a user can act on:
``feeds.toml: feeds[2].url: ...``. Nothing here touches the network.

The schema that validates a file is pydantic's (`config_schema`); what it accepts is held
in the plain classes below, field for field. A file once validated is remembered by its
digest (`validated-config-*.json` in the cache directory), so a command run again on the
same file, such as a poll from cron with nothing new, neither parses the TOML again nor
imports pydantic: that was a quarter of an all-304 poll's CPU. Only files that validated
are remembered; the digest covers the file's bytes and the schema's source.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar, cast
from urllib.parse import urlsplit

from tui.core.paths import (  # re-exported: callers resolve paths and load configs together
    default_config_path,
    default_db_path,
    resolve_config_path,
    resolve_db_path,
)

KeywordGroups = list[str] | list[list[str]]
CACHE_ENV = "STORYWATCH_CACHE"  # the same directory as the gazetteer's cache
CACHE_PREFIX = "validated-config-"
CACHE_STALE_AFTER = 30 * 24 * 3600  # seconds; files of other configs older than this go

S = TypeVar("S", bound="_Section")


class _Section:
    """What the sections share: validating values with the schema (pydantic's way)."""

    __slots__ = ()

    @classmethod
    def model_validate(cls: type[S], data: Any) -> S:
        """Validate `data` with the schema, as pydantic's `model_validate` did."""
        from tui.core import config_schema

        return _build(cls, config_schema.section(cls.__name__, data))


@dataclass(frozen=True, slots=True, kw_only=True)
class StorySection(_Section):
    title: str = "Untitled story"
    # A flat list: any one must appear. A list of lists: one of each inner list must appear.
    keywords: KeywordGroups = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)

    def keyword_groups(self) -> list[list[str]]:
        """The keywords as AND-of-ORs groups, whichever form the file used."""
        if not self.keywords:
            return []
        if all(isinstance(k, str) for k in self.keywords):
            return [[str(k) for k in self.keywords]]
        return [list(group) for group in self.keywords if isinstance(group, list)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings(_Section):
    """Defaults here and in `config_schema.Settings` are the same (a test holds them so)."""

    interval: float = 900  # seconds between polls of a feed
    timeout: float = 20  # seconds to wait for any one read
    deadline: float = 60  # seconds a whole fetch may take
    max_body_bytes: int = 10 * 1024 * 1024
    concurrency: int = 8
    # Worker processes for parsing and figures; 0 (the default) runs them on a thread of
    # the poller. Each worker costs tens of MB; worth it only with cores to spare.
    parse_workers: int = 0
    # A poll of many feeds reads figures in one worker process, on a second core while
    # the poller parses and stores (about 40 MB more while it runs; never on one core).
    figure_worker: bool = True
    user_agent: str = "storywatch/0.1 (+a terminal news-figure tracker)"
    database: str | None = None
    # Two reports from different sources this close in time can dispute each other.
    dispute_window_hours: float = 72
    bell: bool = False
    notify_command: list[str] | None = None
    # An Atom feed of the change log, rewritten whole after every poll (relative to the
    # config file), for any feed reader to subscribe to.
    changes_feed: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedSection(_Section):
    name: str
    url: str
    interval: float | None = None
    enabled: bool = True

    @property
    def is_local(self) -> bool:
        return urlsplit(self.url).scheme.lower() not in ("http", "https")


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureSection(_Section):
    name: str
    things: list[str]
    places: list[str] | None = None
    actors: list[str] | None = None
    kind: Literal["count", "money", "percent", "date"] | None = None
    predicate: Literal["presence", "movement", "casualty", "money"] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Config(_Section):
    story: StorySection = field(default_factory=StorySection)
    settings: Settings = field(default_factory=Settings)
    feeds: list[FeedSection] = field(default_factory=list)
    figures: list[FigureSection] = field(default_factory=list)


def _build(cls: type[S], values: dict[str, Any]) -> S:
    """A section (or the whole Config) from the schema's values."""
    if cls is Config:
        config = Config(
            story=StorySection(**values["story"]),
            settings=Settings(**values["settings"]),
            feeds=[FeedSection(**feed) for feed in values["feeds"]],
            figures=[FigureSection(**figure) for figure in values["figures"]],
        )
        return cast(S, config)
    return cast(S, cast(Any, cls)(**values))


@dataclass(frozen=True)
class ConfigError(Exception):
    """The file could not be used. `problems` are complete lines, ready to print."""

    path: Path
    problems: tuple[str, ...]

    def __str__(self) -> str:
        return "\n".join(self.problems)


def parse_config(text: str, path: Path = Path("feeds.toml")) -> Config:
    """Validate TOML text. Raises `ConfigError` listing every problem found."""
    import tomllib

    from tui.core import config_schema

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message already carries "(at line L, column C)".
        raise ConfigError(path, (f"{path.name}: TOML syntax error: {exc}",)) from None
    return _build(Config, config_schema.validated(data, path))


def load_config(path: Path) -> Config:
    try:
        raw = path.read_bytes()
        # As text mode reads it (universal newlines), which the digest need not be.
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except FileNotFoundError:
        raise ConfigError(path, (f"{path}: no such file",)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, (f"{path}: cannot read: {exc}",)) from None
    cache = _cache_file(raw)
    if cache is not None and (remembered := _read_cached(cache)) is not None:
        return remembered
    import tomllib

    from tui.core import config_schema

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, (f"{path.name}: TOML syntax error: {exc}",)) from None
    values = config_schema.validated(data, path)  # raises: a bad file is never remembered
    if cache is not None:
        _write_cached(cache, values)
    return _build(Config, values)


# -- the cache of validated files -----------------------------------------------------------


def _cache_dir() -> Path:
    if explicit := os.environ.get(CACHE_ENV):
        return Path(explicit)
    platform: str = sys.platform
    if platform.startswith("linux"):  # platformdirs' answer, without importing it
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        base = Path(xdg) if xdg else Path.home() / ".cache"
        return base / "storywatch"
    import platformdirs

    return Path(platformdirs.user_cache_dir("storywatch"))


def _cache_file(raw: bytes) -> Path | None:
    """Where this file's validated values are remembered: named by the digest of its
    bytes and of the schema's source (an upgrade that changes the schema misses)."""
    try:
        schema = Path(__file__).with_name("config_schema.py").read_bytes()
        directory = _cache_dir()
    except (OSError, RuntimeError):  # no schema source to key on, no home directory
        return None
    digest = hashlib.sha256(schema + b"\0" + sys.version.encode() + b"\0" + raw).hexdigest()
    return directory / f"{CACHE_PREFIX}{digest[:40]}.json"


def _read_cached(path: Path) -> Config | None:
    """The remembered Config, or None for a missing or unreadable file (validated anew)."""
    try:
        return _build(Config, json.loads(path.read_bytes()))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _write_cached(path: Path, values: dict[str, Any]) -> None:
    """Remember a validated file; never fails (an unwritable cache only costs time)."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(json.dumps(values), encoding="utf-8")
        os.replace(temporary, path)  # readers see the whole file or none
        cutoff = time.time() - CACHE_STALE_AFTER
        for old in path.parent.glob(f"{CACHE_PREFIX}*.json"):
            with contextlib.suppress(OSError):
                if old != path and old.stat().st_mtime < cutoff:
                    old.unlink()


__all__ = [
    "Config",
    "ConfigError",
    "FeedSection",
    "FigureSection",
    "Settings",
    "StorySection",
    "default_config_path",
    "default_db_path",
    "load_config",
    "parse_config",
    "resolve_config_path",
    "resolve_db_path",
]

"""feeds.toml's schema: pydantic models that validate the file and word its problems.

Imported only to validate a file not seen before (see `config.load_config`): pydantic and
these models cost a good part of a short command's start-up, and a poll of unchanged
feeds, run from cron every few minutes, would pay it on every run for the same file.
The values it accepts become `config`'s plain classes, field for field.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tui.core.config import ConfigError

KeywordGroups = list[str] | list[list[str]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StorySection(_Strict):
    title: str = "Untitled story"
    # A flat list: any one must appear. A list of lists: one of each inner list must appear.
    keywords: KeywordGroups = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)


class Settings(_Strict):
    interval: Annotated[float, Field(gt=0, description="seconds between polls of a feed")] = 900
    timeout: Annotated[float, Field(gt=0, description="seconds to wait for any one read")] = 20
    deadline: Annotated[float, Field(gt=0, description="seconds a whole fetch may take")] = 60
    max_body_bytes: Annotated[int, Field(ge=1024)] = 10 * 1024 * 1024
    concurrency: Annotated[int, Field(ge=1, le=256)] = 8
    # Worker processes for parsing and figures; 0 (the default) runs them on a thread of
    # the poller. Each worker costs tens of MB; worth it only with cores to spare.
    parse_workers: Annotated[int, Field(ge=0, le=64)] = 0
    # A poll of many feeds reads figures in one worker process, on a second core while
    # the poller parses and stores (about 40 MB more while it runs; never on one core).
    figure_worker: bool = True
    user_agent: str = "storywatch/0.1 (+a terminal news-figure tracker)"
    database: str | None = None
    # Two reports from different sources this close in time can dispute each other.
    dispute_window_hours: Annotated[float, Field(ge=0)] = 72
    bell: bool = False
    notify_command: list[str] | None = None
    # An Atom feed of the change log, rewritten whole after every poll (relative to the
    # config file), for any feed reader to subscribe to.
    changes_feed: str | None = None


class FeedSection(_Strict):
    name: Annotated[str, Field(min_length=1)]
    url: Annotated[str, Field(min_length=1)]
    interval: Annotated[float, Field(gt=0)] | None = None
    enabled: bool = True

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, url: str) -> str:
        scheme = urlsplit(url).scheme.lower()
        if scheme in ("http", "https"):
            if not urlsplit(url).netloc:
                raise ValueError(f"{url!r} has no host name")
            return url
        if scheme == "file" or scheme == "" or (len(scheme) == 1 and url[1:3] in (":\\", ":/")):
            return url  # a local path or file:// URL (Windows drive letters look like schemes)
        raise ValueError(
            f"scheme {scheme!r} is not supported: use http://, https://, file:// or a local path"
        )


class FigureSection(_Strict):
    name: Annotated[str, Field(min_length=1)]
    things: Annotated[list[str], Field(min_length=1)]
    places: list[str] | None = None
    actors: list[str] | None = None
    kind: Literal["count", "money", "percent", "date"] | None = None
    predicate: Literal["presence", "movement", "casualty", "money"] | None = None


class Config(_Strict):
    story: StorySection = Field(default_factory=StorySection)
    settings: Settings = Field(default_factory=Settings)
    feeds: list[FeedSection] = Field(default_factory=list)
    figures: list[FigureSection] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_feeds(self) -> Config:
        problems: list[str] = []
        seen_names: dict[str, int] = {}
        seen_urls: dict[str, int] = {}
        for i, feed in enumerate(self.feeds):
            if feed.name in seen_names:
                problems.append(
                    f"feeds[{i}].name: {feed.name!r} is also feeds[{seen_names[feed.name]}]"
                )
            seen_names.setdefault(feed.name, i)
            if feed.url in seen_urls:
                problems.append(
                    f"feeds[{i}].url: {feed.url!r} is also feeds[{seen_urls[feed.url]}]"
                )
            seen_urls.setdefault(feed.url, i)
        names = [f.name for f in self.figures]
        for i, name in enumerate(names):
            if name in names[:i]:
                problems.append(f"figures[{i}].name: {name!r} is used twice")
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _known_fields(model: type[BaseModel], loc: Iterable[int | str]) -> list[str]:
    """Names of the fields valid at `loc`, to suggest a fix for a misspelt key."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            break
        annotation = info.annotation
        args = getattr(annotation, "__args__", ())
        current = next((a for a in (annotation, *args) if hasattr(a, "model_fields")), None)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _format_loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _describe(path: Path, error: Any) -> str:
    loc: tuple[int | str, ...] = tuple(
        p for p in error["loc"] if not str(p).startswith("function-")
    )
    where = _format_loc(loc) or "(top level)"
    if error["type"] == "extra_forbidden":
        key = str(loc[-1])
        known = _known_fields(Config, loc[:-1])
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(known)})"
        return f"{path.name}: {where}: unknown key{hint}"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{path.name}: {where}: {message}"


def validated(data: dict[str, Any], path: Path = Path("feeds.toml")) -> dict[str, Any]:
    """The file's values as the schema reads them (defaults filled in, types coerced).
    Raises `ConfigError` listing every problem found."""
    try:
        return Config.model_validate(data).model_dump()
    except ValidationError as exc:
        lines: list[str] = []
        for error in exc.errors():
            if error["type"] == "value_error" and not error["loc"]:
                # Model-level checks join several problems with "; ".
                message = str(error["msg"]).removeprefix("Value error, ")
                lines.extend(f"{path.name}: {part}" for part in message.split("; "))
            else:
                lines.append(_describe(path, error))
        raise ConfigError(path, tuple(lines)) from None


def section(name: str, data: Any) -> dict[str, Any]:
    """One section's values (`Settings`, `FeedSection`...), validated alone."""
    model: type[BaseModel] = globals()[name]
    return model.model_validate(data).model_dump()

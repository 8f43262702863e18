"""Typed records that cross module boundaries inside the core.

Everything downstream of parsing sees these frozen dataclasses, never feedparser's
loose dicts or raw HTTP objects.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields
from datetime import datetime
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from tui.core.events import CycleFinished as CycleFinished
    from tui.core.events import Event as Event
    from tui.core.events import FeedFailed as FeedFailed
    from tui.core.events import FeedPolled as FeedPolled
    from tui.core.events import FigureChanged as FigureChanged
    from tui.core.events import NewReport as NewReport
    from tui.core.events import NewRevision as NewRevision

Kind = Literal["count", "money", "percent", "date", "duration"]
Bound = Literal["exact", "approx", "lower", "upper", "range", "vague"]
Predicate = Literal["presence", "movement", "casualty", "money", "other"]
# "planned": a stated plan, target or forecast ("will drop to", "by September 2026");
# it is never the current level and is compared only with other plans.
AsOf = Literal["current", "planned", "historic"]
T = TypeVar("T", bound="DataclassInstance")


def pickled_as_fields(cls: type[T]) -> type[T]:
    """Pickle a frozen slots dataclass as its constructor and field values.

    Reports and claims cross to the figure worker and back by the thousand each poll.
    dataclasses' own pickling of a frozen slots class calls `fields()` for every object,
    out and in: a poll's claims took twice as long to pickle and unpickle."""
    values = attrgetter(*(item.name for item in fields(cls)))

    def __reduce__(self: T) -> tuple[type[T], tuple[object, ...]]:
        return cls, values(self)

    setattr(cls, "__reduce__", __reduce__)  # noqa: B010 (mypy rejects assigning a method)
    return cls


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Report:
    """One feed entry, normalised at the parse boundary.

    `text` is plain text (HTML removed, control characters stripped); times are UTC.
    """

    entry_id: str
    title: str
    link: str | None
    author: str | None
    published: datetime
    updated: datetime | None
    text: str
    # True when the feed gave no usable date and `published` is the time we first saw it.
    date_is_first_seen: bool = False


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Claim:
    """One figure stated in a report: a number with what it counts, where, whose, per whom.

    `low`/`high` are the interval the figure asserts (for dates: POSIX seconds, UTC);
    `high` is `None` for an open upper bound ("more than 3,000").
    """

    surface: str
    kind: Kind
    bound: Bound
    low: float
    high: float | None
    unit: str | None
    thing: str | None
    place: str | None
    actor: str | None
    source: str | None
    predicate: Predicate
    as_of: AsOf
    sentence: str
    start: int
    end: int

    @property
    def key(self) -> FigureKey:
        return FigureKey(self.kind, self.thing, self.predicate, self.place, self.actor)

    @property
    def value(self) -> float:
        """A single representative value: the stated number (midpoint for ranges)."""
        if self.bound == "range" and self.high is not None:
            return (self.low + self.high) / 2
        if self.bound == "upper" and self.high is not None:
            return self.high
        return self.low


@dataclass(frozen=True, slots=True, order=True)
class FigureKey:
    """What a figure is about. Two claims with the same key speak of the same quantity."""

    kind: str
    thing: str | None
    predicate: str
    place: str | None
    actor: str | None

    def as_text(self) -> str:
        """Stable, human-readable form used in the database and on the command line."""
        parts = [self.kind, self.thing or "-", self.predicate, self.place or "-", self.actor or "-"]
        return "|".join(parts)

    @staticmethod
    def is_key_text(text: str) -> bool:
        """True for `as_text()` forms ("count|troops|presence|Iraq|US"), not figure names."""
        return text.count("|") == 4

    @classmethod
    def from_text(cls, text: str) -> FigureKey:
        kind, thing, predicate, place, actor = text.split("|")
        return cls(
            kind,
            None if thing == "-" else thing,
            predicate,
            None if place == "-" else place,
            None if actor == "-" else actor,
        )


class Verdict(enum.StrEnum):
    """What a new claim means against the ledger of its key."""

    NEW = "new"
    CONFIRMED = "confirmed"
    CHANGED = "changed"
    DISPUTED = "disputed"
    REVISED = "revised"


# A poll cycle's events live in tui.core.events (see there why); asked for here, they
# are imported then.
_EVENTS = frozenset(
    "CycleFinished Event FeedFailed FeedPolled FigureChanged NewReport NewRevision".split()
)


def __getattr__(name: str) -> Any:
    if name not in _EVENTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from tui.core import events

    value = getattr(events, name)
    globals()[name] = value
    return value

"""Shared helpers for the Pilot tests: a seeded database, a frozen clock, UTC times."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.text import Text
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from tests.app import fixtures
from tui.app import StorywatchApp
from tui.launch import build_app


@pytest.fixture(autouse=True)
def utc() -> Iterator[None]:
    """Times on screen are local: pin the zone so tests and snapshots are stable."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def story_db(tmp_path: Path) -> Path:
    return fixtures.story(tmp_path / "story.db")


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    return fixtures.story(tmp_path / "hostile.db", hostile=True)


def make_app(db: Path, **kwargs: object) -> StorywatchApp:
    kwargs.setdefault("clock", fixtures.clock)
    kwargs.setdefault("poll", False)
    return build_app(kwargs.pop("config", fixtures.config()), db, **kwargs)  # type: ignore[arg-type]


# Seconds a condition may take before a test gives up. Waits end as soon as the condition
# holds, so a generous limit costs a passing test nothing; on a machine shared by several
# test runs, 5 s timed out while the app was merely slow.
PATIENCE = 30.0


async def wait_until(
    pilot: Pilot[None], check: Callable[[], bool], limit: float = PATIENCE
) -> None:
    """Pause the app until `check()` holds; fail after `limit` seconds (never less than
    PATIENCE: callers that asked for 10 or 15 s meant "a while", not a bound)."""
    deadline = time.monotonic() + max(limit, PATIENCE)
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await pilot.pause(0.05)


def figures_ready(app: StorywatchApp, count: int) -> bool:
    """The main screen shows `count` figure cards, each mounted with its children composed.

    A card is in the DOM (so `query(FigureCard)` finds it) before its own compose and mount
    have run; under load, a test that stops waiting there ends the app mid-mount.
    """
    from tui.screens.main import MainScreen
    from tui.widgets.figure_card import FigureCard

    if not isinstance(app.screen, MainScreen):
        return False
    found = list(app.screen.query(FigureCard))
    return len(found) == count and all(
        card.is_mounted and card.query(".figure-title").results(Static) for card in found
    )


def plain(widget: Static) -> str:
    visual = widget.content
    if isinstance(visual, Content):
        return visual.plain
    if isinstance(visual, Text):
        return visual.plain
    return str(visual)


def table_text(table: DataTable[object]) -> list[str]:
    rows = []
    for index in range(table.row_count):
        cells = table.get_row_at(index)
        rows.append(" | ".join(c.plain if isinstance(c, Text) else str(c) for c in cells))
    return rows

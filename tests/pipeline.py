"""The pipeline as tests drive it: a story config, a monitor on a fixed clock, row queries.

Shared by the integration and fault tests so every one of them polls the same story.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.feedgen import Item, feeds_toml
from tui.core.config import Config, parse_config
from tui.core.monitor import Monitor

NOW = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
DAY1 = datetime(2025, 9, 8, 9, 0, tzinfo=UTC)

STORY = """
[story]
title = "US troop withdrawal from Iraq"
keywords = [["Iraq", "Syria"], ["troop*", "soldier*"]]

[settings]
interval = 600
deadline = {deadline}
timeout = {timeout}
max_body_bytes = {max_body}

[[figures]]
name = "US troops in Iraq"
things = ["troops", "soldiers"]
places = ["Iraq"]
actors = ["US"]
"""


def config_text(
    feeds: dict[str, str], *, deadline: float = 5, timeout: float = 2, max_body: int = 10 << 20
) -> str:
    head = STORY.format(deadline=deadline, timeout=timeout, max_body=max_body)
    return head + feeds_toml(feeds)


def config_for(feeds: dict[str, str], **settings: float) -> Config:
    return parse_config(config_text(feeds, **settings))  # type: ignore[arg-type]


def monitor_for(
    config: Config,
    db: Path,
    *,
    clock: Callable[[], datetime] = lambda: NOW,
    monotonic: Callable[[], float] | None = None,
) -> Monitor:
    return Monitor(
        config,
        db,
        clock=clock,
        monotonic=monotonic or time.monotonic,
        rng=random.Random(1),
        parse_workers=0,
    )


def story_item(i: int, troops: int = 2500, *, guid: str | None = None) -> Item:
    return Item(
        guid or f"iraq-{i}",
        f"US troops leave Iraq base {i}",
        f"<p>About {troops:,} US troops remain in Iraq, the Pentagon said on Monday.</p>",
        DAY1,
    )


def rows(db: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def one(db: Path, sql: str, params: tuple[object, ...] = ()) -> Any:
    return rows(db, sql, params)[0][0]

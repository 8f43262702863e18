"""`storywatch check`: feeds that moved for good (HTTP 301/308) and where to."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tui.core.config import Config
from tui.core.store import Store, StoreError
from tui.core.store.feeds import feed_health


def moved_feed_lines(config: Config, db_path: Path) -> Iterator[str]:
    """One line per configured feed whose server said it moved permanently.

    Nothing when there is no database yet: only a poll can find a redirect.
    """
    if not db_path.exists():
        return
    try:
        with Store(db_path, readonly=True) as store:
            moved = {row.name: row.moved_to for row in feed_health(store) if row.moved_to}
    except StoreError:
        return
    for index, feed in enumerate(config.feeds):
        target = moved.get(feed.name)
        if target and target != feed.url:
            yield (
                f"feeds.toml: feeds[{index}].url: {feed.name} moved permanently to {target} "
                "(HTTP 301/308); polled there now, update feeds.toml to say so"
            )

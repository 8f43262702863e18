"""Watching for changes made outside the app: feeds.toml edits, another poller's commits.

Both report back with messages (`ConfigChanged`, `DataChanged`); the app runs them as workers.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from textual.message_pump import MessagePump

from tui.core.config import ConfigError, load_config
from tui.core.store import Store
from tui.messages import ConfigChanged, DataChanged


async def watch_config(target_pump: MessagePump, path: Path) -> None:
    """Watch the config file's DIRECTORY (editors replace files rather than write them)."""
    from watchfiles import awatch

    target = await asyncio.to_thread(path.resolve)
    folder = target.parent
    async for changes in awatch(folder, recursive=False, debounce=300, step=50):
        # watchfiles reports absolute paths; editors' temp files and swaps are ignored here
        if not any(Path(changed) == target for _, changed in changes):
            continue
        if not await asyncio.to_thread(target.exists):
            continue  # mid-replace: the new file arrives in the next batch
        try:
            config = await asyncio.to_thread(load_config, path)
        except ConfigError as exc:
            target_pump.post_message(ConfigChanged(None, exc.problems))
        else:
            target_pump.post_message(ConfigChanged(config))


def watch_database(
    target: MessagePump, db_path: Path, stop: threading.Event, interval: float
) -> None:
    """Another process polls: post `DataChanged` whenever it commits (checked every
    `interval` s by SQLite's data_version, which moves only on other connections' commits).
    Runs in a thread until `stop` is set."""
    store = Store(db_path, readonly=True)
    try:
        seen = store.data_version()
        while not stop.wait(interval):
            version = store.data_version()
            if version != seen:
                seen = version
                target.post_message(DataChanged())
    finally:
        store.close()

"""`storywatch poll`: the monitor without a screen, for terminals, cron and systemd.

Logging is one line per *state change* (a feed starts or stops failing, a figure
changes), not one per poll, so a log left running for weeks stays readable.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tui.core.config import Config, ConfigError, load_config
from tui.core.lock import PollerLock
from tui.core.models import CycleFinished, Event, FeedFailed, FeedPolled, FigureChanged
from tui.core.monitor import Monitor
from tui.core.store import Store, StoreError

# Sleep at most this long between checks, so config edits and signals are noticed promptly.
MAX_SLEEP = 30.0


def _say(line: str) -> None:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    print(f"{stamp} {line}", flush=True)


class StateChangeLog:
    """Turns the event stream into log lines, one per change of a feed's health."""

    def __init__(self, say: Callable[[str], None] = _say) -> None:
        self._say = say
        self._failing: dict[str, str] = {}

    def __call__(self, event: Event) -> None:
        if isinstance(event, FeedFailed):
            if self._failing.get(event.feed) != event.error:
                self._say(f"{event.feed}: failing: {event.error}")
            self._failing[event.feed] = event.error
        elif isinstance(event, FeedPolled) and event.status != "error":
            if self._failing.pop(event.feed, None) is not None:
                self._say(f"{event.feed}: recovered")
            if event.new_reports or event.new_revisions:
                self._say(
                    f"{event.feed}: {event.new_reports} new reports, "
                    f"{event.new_revisions} revisions"
                )
        elif isinstance(event, FigureChanged):
            old = f"{event.old_value} -> " if event.old_value else ""
            self._say(
                f"{event.figure}: {event.verdict.value}: {old}{event.new_value} ({event.feed})"
            )


def _check_database(db_path: Path) -> str | None:
    try:
        Store(db_path).close()
    except StoreError as exc:
        return str(exc)
    return None


def poll_once(config: Config, db_path: Path) -> int:
    """One cycle over every enabled feed. Exit 0 when it ran, even if some feeds failed."""
    if problem := _check_database(db_path):
        print(problem, file=sys.stderr)
        return 1
    if not any(f.enabled for f in config.feeds):
        print("feeds.toml has no enabled feeds: nothing to poll", file=sys.stderr)
        return 0

    async def cycle() -> CycleFinished:
        monitor = Monitor(config, db_path)
        try:
            return await monitor.poll_cycle(listener=StateChangeLog())
        finally:
            await monitor.aclose()

    finished = asyncio.run(cycle())
    print(
        f"polled {finished.feeds_polled} feeds: {finished.new_reports} new reports, "
        f"{finished.new_revisions} revisions, {finished.new_changes} figure changes, "
        f"{finished.feeds_failed} failed"
    )
    for feed, error in finished.errors:
        print(f"  {feed}: {error}")
    print(f"database: {db_path}")
    return 0


def poll_forever(config: Config, db_path: Path, config_path: Path) -> int:
    """Poll due feeds until SIGINT/SIGTERM; reload feeds.toml when it changes."""
    if problem := _check_database(db_path):
        print(problem, file=sys.stderr)
        return 1
    lock = PollerLock(db_path)
    if not lock.acquire():
        print(
            f"another storywatch is already polling {db_path} (lock: {lock.path})", file=sys.stderr
        )
        return 1
    try:
        asyncio.run(_loop(config, db_path, config_path))
    finally:
        lock.release()
    return 0


async def _loop(config: Config, db_path: Path, config_path: Path) -> None:
    monitor = Monitor(config, db_path)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    log = StateChangeLog()
    mtime = _mtime(config_path)
    _say(f"polling {len(monitor.config.feeds)} feeds into {db_path}; Ctrl-C to stop")
    try:
        while not stop.is_set():
            cycle = asyncio.create_task(monitor.poll_cycle(only_due=True, listener=log))
            stopper = asyncio.create_task(stop.wait())
            await asyncio.wait({cycle, stopper}, return_when=asyncio.FIRST_COMPLETED)
            stopper.cancel()
            if not cycle.done():
                # Each feed's results commit atomically on the database thread; cancelling
                # here abandons fetches in flight but never half-writes a feed.
                cycle.cancel()
                await asyncio.gather(cycle, return_exceptions=True)
                break
            mtime = _maybe_reload(monitor, config_path, mtime)
            delay = min(MAX_SLEEP, monitor.schedule.next_in())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=max(delay, 0.05))
    finally:
        await monitor.aclose()
        _say("stopped")


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _maybe_reload(monitor: Monitor, path: Path, last: float | None) -> float | None:
    """Pick up an edited feeds.toml; a broken edit is reported and the old config stays."""
    current = _mtime(path)
    if current == last or current is None:
        return last
    try:
        monitor.reload(load_config(path))
        _say(f"reloaded {path}")
    except ConfigError as exc:
        _say(f"{path} has problems; keeping the previous config:\n{exc}")
    return current

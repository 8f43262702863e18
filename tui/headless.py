"""`storywatch poll`: the monitor without a screen, for terminals, cron and systemd.

Logging is one line per *state change* (a feed starts or stops failing, a figure
changes), not one per poll, so a log left running for weeks stays readable.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tui.core.config import Config, ConfigError, load_config
from tui.core.models import CycleFinished, Event, FeedFailed, FeedPolled, FigureChanged
from tui.core.monitor import Monitor
from tui.core.store import Store, StoreError

# Loaded where first needed (the alerts, the change log's labels, the changes feed): a poll
# that finds nothing new, the commonest, never imports them.

# Sleep at most this long between checks, so config edits and signals are noticed promptly.
MAX_SLEEP = 30.0


def _say(line: str) -> None:
    """A log line stamped with its zone, so a log read elsewhere is unambiguous."""
    stamp = datetime.now(UTC).isoformat(sep=" ", timespec="seconds")
    print(f"{stamp} {line}", flush=True)


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 feed", "2 feeds"."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


class StateChangeLog:
    """Turns the event stream into log lines, one per change of a feed's health.

    `verbosity` 0 (-q) keeps only failures; 1 adds new reports and figure changes; 2 (-v)
    adds one line for every feed polled.
    """

    def __init__(self, say: Callable[[str], None] = _say, verbosity: int = 1) -> None:
        self._say = say
        self._verbosity = verbosity
        self._failing: dict[str, str] = {}

    def __call__(self, event: Event) -> None:
        if isinstance(event, FeedFailed):
            if self._failing.get(event.feed) != event.error:
                self._say(f"{event.feed}: failing: {event.error}")
            self._failing[event.feed] = event.error
        elif isinstance(event, FeedPolled) and event.status != "error":
            if self._failing.pop(event.feed, None) is not None:
                self._say(f"{event.feed}: recovered")
            if (event.new_reports or event.new_revisions) and self._verbosity >= 1:
                self._say(
                    f"{event.feed}: {plural(event.new_reports, 'new report')}, "
                    f"{plural(event.new_revisions, 'revision')}"
                )
            elif self._verbosity >= 2:
                self._say(f"{event.feed}: {event.status.replace('_', ' ')}")
        elif isinstance(event, FigureChanged) and self._verbosity >= 1:
            from tui.core.store.refs import key_label

            old = f"{event.old_value} -> " if event.old_value else ""
            self._say(
                f"{key_label(event.figure)}: {event.verdict.value}: {old}{event.new_value} "
                f"({event.feed})"
            )


def _check_database(db_path: Path) -> str | None:
    try:
        Store(db_path).close()
    except StoreError as exc:
        return str(exc)
    return None


class HeadlessAlerts:
    """What the dashboard does on a change, without a screen: the bell and notify_command.

    The bell rings only on a terminal: in a journal or a log file it would be a stray byte.
    """

    def __init__(self, config: Config, say: Callable[[str], None] = _say) -> None:
        self._settings = config.settings
        self._say = say
        self._tasks: set[asyncio.Task[None]] = set()

    def __call__(self, event: Event) -> None:
        if not isinstance(event, FigureChanged):
            return
        if self._settings.bell and os.isatty(2):
            # Straight to the descriptor: rich's progress bar proxies sys.stderr and drops BEL.
            os.write(2, b"\a")
        if command := self._settings.notify_command:
            from tui.core.alerts import notify_args

            task = asyncio.get_running_loop().create_task(self._run(command, notify_args(event)))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _run(self, command: list[str], args: list[str]) -> None:
        from tui.core.alerts import run_notify_command

        if problem := await run_notify_command(command, args):
            self._say(problem)

    async def drain(self) -> None:
        """Wait for notifiers still running (each is bounded by its own timeout)."""
        await asyncio.gather(*self._tasks, return_exceptions=True)


def _fan_out(*listeners: Callable[[Event], None]) -> Callable[[Event], None]:
    def listener(event: Event) -> None:
        for each in listeners:
            each(event)

    return listener


async def _after_cycle(config: Config, config_path: Path | None, db_path: Path) -> None:
    """Rewrite `[settings].changes_feed`; a failure is logged, the poller goes on."""
    if not config.settings.changes_feed:
        return  # none asked for (write_changes_feed would do nothing)
    from tui.core.changes_feed import write_changes_feed

    try:
        await asyncio.to_thread(write_changes_feed, config, config_path, db_path)
    except (OSError, StoreError) as exc:
        _say(f"could not write changes_feed: {exc}")


def poll_once(
    config: Config,
    db_path: Path,
    config_path: Path | None = None,
    *,
    verbosity: int = 1,
    progress: bool = False,
) -> int:
    """One cycle over every enabled feed. Exit 0 when it ran, even if some feeds failed.

    `progress` draws a bar on stdout (a terminal); `verbosity` 0 prints only failures.
    """
    if problem := _check_database(db_path):
        print(problem, file=sys.stderr)
        return 1
    enabled = sum(1 for f in config.feeds if f.enabled)
    if not enabled:
        print("feeds.toml has no enabled feeds: nothing to poll", file=sys.stderr)
        return 0

    async def cycle() -> CycleFinished:
        monitor = Monitor(config, db_path)
        alerts = HeadlessAlerts(config)
        listeners: list[Callable[[Event], None]] = [StateChangeLog(verbosity=verbosity), alerts]
        try:
            if progress:
                from tui.progress import PollProgress  # rich: only when drawing on a terminal

                with PollProgress(enabled, sys.stdout) as bar:
                    finished = await monitor.poll_cycle(listener=_fan_out(*listeners, bar))
            else:
                finished = await monitor.poll_cycle(listener=_fan_out(*listeners))
            await _after_cycle(config, config_path, db_path)
            await alerts.drain()
            return finished
        finally:
            await monitor.aclose()

    finished = asyncio.run(cycle())
    if verbosity >= 1 or finished.feeds_failed:
        print(
            f"polled {plural(finished.feeds_polled, 'feed')}: "
            f"{plural(finished.new_reports, 'new report')}, "
            f"{plural(finished.new_revisions, 'revision')}, "
            f"{plural(finished.new_changes, 'figure change')}, "
            f"{finished.feeds_failed} failed"
        )
    for feed, error in finished.errors:
        print(f"  {feed}: {error}")
    if verbosity >= 1:
        print(f"database: {db_path}")
    return 0


def poll_forever(config: Config, db_path: Path, config_path: Path, *, verbosity: int = 1) -> int:
    """Poll due feeds until SIGINT/SIGTERM; reload feeds.toml when it changes."""
    if problem := _check_database(db_path):
        print(problem, file=sys.stderr)
        return 1
    from tui.core.lock import PollerLock

    lock = PollerLock(db_path)
    if not lock.acquire():
        print(
            f"another storywatch is already polling {db_path} (lock: {lock.path})", file=sys.stderr
        )
        return 1
    try:
        asyncio.run(_loop(config, db_path, config_path, verbosity))
    finally:
        lock.release()
    return 0


async def _loop(config: Config, db_path: Path, config_path: Path, verbosity: int) -> None:
    monitor = Monitor(config, db_path)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    log = StateChangeLog(verbosity=verbosity)
    mtime = _mtime(config_path)
    _say(f"polling {plural(len(monitor.config.feeds), 'feed')} into {db_path}; Ctrl-C to stop")
    try:
        while not stop.is_set():
            alerts = HeadlessAlerts(monitor.config)
            listener = _fan_out(log, alerts)
            cycle = asyncio.create_task(monitor.poll_cycle(only_due=True, listener=listener))
            stopper = asyncio.create_task(stop.wait())
            await asyncio.wait({cycle, stopper}, return_when=asyncio.FIRST_COMPLETED)
            stopper.cancel()
            if not cycle.done():
                # Each feed's results commit atomically on the database thread; cancelling
                # here abandons fetches in flight but never half-writes a feed.
                cycle.cancel()
                await asyncio.gather(cycle, return_exceptions=True)
                break
            if cycle.result().feeds_polled:
                await _after_cycle(monitor.config, config_path, db_path)
            await alerts.drain()
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

"""Background coroutines the app runs as workers: the feeds.toml watcher, notify_command.

Not screens, but they belong to the dashboard and nowhere else.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.config import ConfigError, load_config
from tui.messages import ConfigChanged

if TYPE_CHECKING:
    from textual.app import App

NOTIFY_TIMEOUT = 15.0


async def watch_config(app: App[None], path: Path) -> None:
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
            app.post_message(ConfigChanged(None, exc.problems))
        else:
            app.post_message(ConfigChanged(config))


async def notify_command(app: App[None], command: list[str], args: list[str]) -> None:
    """Run the user's notifier without a shell; any failure is shown, never raised."""
    try:
        process = await asyncio.create_subprocess_exec(
            *command,
            *args,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        _, stderr = await asyncio.wait_for(process.communicate(), NOTIFY_TIMEOUT)
    except TimeoutError:
        process.kill()
        problem = f"timed out after {NOTIFY_TIMEOUT:.0f} s"
    except OSError as exc:
        problem = exc.strerror or str(exc)
    else:
        if process.returncode == 0:
            return
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        problem = f"exit status {process.returncode} {tail[0]}".strip()
    app.notify(
        f"notify_command {command[0]!r}: {problem}",
        title="notification failed",
        severity="warning",
        markup=False,
    )

"""The user's own notifier (`notify_command`), shared by the dashboard and `storywatch poll`."""

from __future__ import annotations

import asyncio

from tui.core.models import FigureChanged
from tui.core.store.refs import key_label

NOTIFY_TIMEOUT = 15.0


def notify_args(event: FigureChanged) -> list[str]:
    """What is appended to notify_command: figure, old value, new value, outlet, verdict."""
    return [
        key_label(event.figure),
        event.old_value or "",
        event.new_value,
        event.feed,
        str(event.verdict),
    ]


async def run_notify_command(command: list[str], args: list[str]) -> str | None:
    """Run the notifier without a shell. None when it worked, else what went wrong."""
    try:
        process = await asyncio.create_subprocess_exec(
            *command,
            *args,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
    except OSError as exc:
        return f"notify_command {command[0]!r}: {exc.strerror or exc}"
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), NOTIFY_TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.wait()
        return f"notify_command {command[0]!r}: timed out after {NOTIFY_TIMEOUT:.0f} s"
    if process.returncode == 0:
        return None
    tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    return f"notify_command {command[0]!r}: exit status {process.returncode} {tail[0]}".strip()

"""Telling the user a figure changed: a toast, the bell, and their own notify_command."""

from __future__ import annotations

from textual.app import App
from textual.notifications import SeverityLevel

from tui.core.alerts import notify_args, run_notify_command
from tui.core.config import Settings
from tui.core.models import FigureChanged
from tui.core.store.refs import key_label
from tui.widgets.text import one_line


def change_text(event: FigureChanged) -> str:
    """ "US troops in Iraq: 2,500 → 2,000 · Reuters", or "⚠ ...: 3,000 disputes 2,000 · AP"."""
    figure = key_label(event.figure)
    old = event.old_value or "?"
    if event.verdict == "disputed":
        return f"⚠ {figure}: {event.new_value} disputes {old} · {event.feed}"
    text = f"{figure}: {old} → {event.new_value} · {event.feed}"
    if event.verdict == "revised":
        text += " (revised article)"
    return text


def announce(app: App[None], settings: Settings, event: FigureChanged) -> None:
    """Toast (loud unless the move is within the margin), bell, then the user's command."""
    severity: SeverityLevel = "information" if event.within_margin else "warning"
    app.notify(
        one_line(change_text(event)), title="figure changed", severity=severity, markup=False
    )
    if settings.bell:
        app.bell()
    if command := settings.notify_command:
        app.run_worker(
            notify_command(app, command, notify_args(event)), group="notify", exit_on_error=False
        )


async def notify_command(app: App[None], command: list[str], args: list[str]) -> None:
    """Run the user's notifier without a shell; any failure is shown, never raised."""
    if problem := await run_notify_command(command, args):
        app.notify(problem, title="notification failed", severity="warning", markup=False)

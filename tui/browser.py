"""Opening a report's link: only http(s), and say so when no browser can be opened."""

from __future__ import annotations

import asyncio
import webbrowser
from urllib.parse import urlsplit

from textual.app import App


def open_link(app: App[None], url: str | None) -> None:
    """Open `url` in a browser on a worker of `app` (whatever the feed says, only http(s))."""
    if not url or urlsplit(url).scheme.lower() not in ("http", "https"):
        app.notify("this report has no web link", severity="warning", markup=False)
        return
    app.run_worker(_open_in_browser(app, url), group="browser", exit_on_error=False)


async def _open_in_browser(app: App[None], url: str) -> None:
    """On a server or in a container no browser opens: the link is then shown and copied
    instead of nothing happening."""
    if app.is_web:
        app.open_url(url)
        return
    if await asyncio.to_thread(webbrowser.open, url):
        return
    app.copy_to_clipboard(url)
    app.notify(
        f"no web browser could be opened here; the link (copied): {url}",
        title="open link",
        severity="warning",
        markup=False,
        timeout=15,
    )

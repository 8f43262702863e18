"""Safe text for display: feed text is untrusted, so it is never parsed as markup.

Everything from a feed goes through `clean()` (escape sequences and control characters
out, as a second line of defence after ingest: the same rules as `tui.core.text`) and into
`Content` / `rich.text.Text` objects, never into a markup string.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.content import Content

from tui.core.store import parse_iso
from tui.core.text import clean_line, clean_text


def clean(text: str | None) -> str:
    """Drop escape sequences and control characters (ESC, CSI, OSC, NUL, C1, bidi overrides)
    but keep newlines and tabs."""
    return clean_text(text or "")


def one_line(text: str | None) -> str:
    """`clean()` on one line: whitespace runs (newlines included) become one space."""
    return clean_line(text or "")


def content(text: str | None, style: str = "") -> Content:
    """Literal text as Content: brackets stay brackets."""
    return Content.styled(one_line(text), style) if style else Content(one_line(text))


def cell(text: str | None, style: str = "") -> Text:
    """Literal text for a DataTable cell (a `str` cell would be parsed as markup)."""
    return Text(one_line(text), style=style, no_wrap=True, overflow="ellipsis")


def local_time(stamp: str | None, now: datetime) -> str:
    """A stored UTC time in the local zone, as short as is unambiguous next to `now`."""
    if not stamp:
        return "-"
    try:
        moment = parse_iso(stamp).astimezone(now.astimezone().tzinfo)
    except ValueError:
        return one_line(stamp)
    here = now.astimezone(moment.tzinfo)
    if moment.date() == here.date():
        return moment.strftime("%H:%M")
    if moment.year == here.year:
        return moment.strftime("%d %b %H:%M")
    return moment.strftime("%d %b %Y")


def ago(stamp: str | None, now: datetime) -> str:
    if not stamp:
        return "never"
    try:
        seconds = (now - parse_iso(stamp)).total_seconds()
    except ValueError:
        return one_line(stamp)
    if seconds < 0:
        return "just now"
    for size, unit in ((86_400, "d"), (3_600, "h"), (60, "min")):
        if seconds >= size:
            return f"{int(seconds // size)} {unit} ago"
    return "just now"


def countdown(seconds: float) -> str:
    seconds = max(int(seconds), 0)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"

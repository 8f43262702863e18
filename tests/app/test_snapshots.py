"""Snapshots of the main screens: frozen clock, fixed data, polling off."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.app.conftest import figures_ready, make_app, wait_until
from tui.widgets.report_table import ReportTable


def _titles_sized(table: ReportTable) -> bool:
    """The Title column has been measured against its rows: DataTable sizes columns on a
    later idle, not in `add_row`, and a busy machine can take the shot in between."""
    (title,) = [c for c in table.columns.values() if c.label.plain == "Title"]
    return title.content_width > len("Title")


def screen_text(svg: str) -> str:
    """The characters of a screenshot, row by row: what a failing run prints, so a mismatch
    seen only in CI (where the HTML report is out of reach) still says what was drawn."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in re.findall(
        r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg
    ):
        rows.setdefault(float(y), []).append((float(x), html.unescape(text)))
    return "\n".join(
        "".join(t for _, t in sorted(cells)).replace("\xa0", " ")
        for _, cells in sorted(rows.items())
    )


async def _settled(pilot: Pilot[None]) -> None:
    """Wait until two screenshots a beat apart agree: every late layout pass (DataTable
    column widths, list highlight, footer bindings) has landed before the shot is taken."""
    previous = ""
    for _ in range(60):
        await pilot.pause(0.1)
        shot = pilot.app.export_screenshot()
        if shot == previous:
            break
        previous = shot
    print(screen_text(previous))  # shown by pytest only when the comparison fails


async def _loaded(pilot: Pilot[None]) -> None:
    app = pilot.app
    await wait_until(pilot, lambda: figures_ready(app, 3))  # type: ignore[arg-type]
    await wait_until(pilot, lambda: app.screen.query_one(ReportTable).row_count == 5)
    await wait_until(pilot, lambda: _titles_sized(app.screen.query_one(ReportTable)))
    await _settled(pilot)


def test_main_screen(snap_compare: Any, story_db: Path) -> None:
    assert snap_compare(make_app(story_db), terminal_size=(120, 40), run_before=_loaded)


def test_main_screen_80x24(snap_compare: Any, story_db: Path) -> None:
    assert snap_compare(make_app(story_db), terminal_size=(80, 24), run_before=_loaded)


def test_report_view_of_a_revision(snap_compare: Any, story_db: Path) -> None:
    async def open_revised(pilot: Pilot[None]) -> None:
        await _loaded(pilot)
        pilot.app.screen.query_one(ReportTable).focus()
        await pilot.press("j", "j", "enter")
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None)
        await pilot.pause()

    assert snap_compare(make_app(story_db), terminal_size=(120, 40), run_before=open_revised)

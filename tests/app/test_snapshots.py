"""Snapshots of the main screens: frozen clock, fixed data, polling off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.app.conftest import figures_ready, make_app, wait_until
from tui.widgets.report_table import ReportTable


async def _loaded(pilot: Pilot[None]) -> None:
    app = pilot.app
    await wait_until(pilot, lambda: figures_ready(app, 3))  # type: ignore[arg-type]
    await wait_until(pilot, lambda: app.screen.query_one(ReportTable).row_count == 5)
    await pilot.pause()


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

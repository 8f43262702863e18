"""Feed text is untrusted: markup-like titles render literally and do nothing."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from tests.app.conftest import make_app, plain, table_text, wait_until
from tests.app.fixtures import HOSTILE
from tui.core.models import FigureChanged, Verdict
from tui.core.store.refs import FigureRef
from tui.messages import PollEvent
from tui.screens.history import HistoryScreen
from tui.screens.report import ReportScreen
from tui.screens.search import SearchScreen
from tui.widgets.figure_card import FigureCard
from tui.widgets.report_table import ReportTable

LITERAL = [h for h in HOSTILE if "\x1b" not in h]


async def test_hostile_titles_render_literally_everywhere(hostile_db: Path) -> None:
    app = make_app(hostile_db)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(ReportTable)
        await wait_until(pilot, lambda: table.row_count == 5 + len(HOSTILE))
        rows = "\n".join(table_text(table))
        for title in LITERAL:
            assert f"Hostile {title} title" in rows
        assert "esc[31mredtitle" not in rows and "\x1b" not in rows  # control bytes dropped
        await wait_until(pilot, lambda: bool(app.screen.query(FigureCard)))
        cards = " ".join(plain(s) for s in app.screen.query(".figure-values").results(Static))
        assert "[@click=app.quit]y[/] sources 3,100" in cards

        # every row of the timeline opens, and the report view shows the text literally
        table.focus()
        for index in range(len(HOSTILE)):
            table.move_cursor(row=index)
            await pilot.press("enter")
            await wait_until(
                pilot,
                lambda: isinstance(app.screen, ReportScreen) and app.screen.detail is not None,
            )
            body = plain(app.screen.query_one("#report-body", Static))
            meta = plain(app.screen.query_one("#report-meta", Static))
            assert "Hostile" in body and "\x1b" not in body + meta
            await pilot.press("o")  # a javascript: link is refused, not opened
            await pilot.pause()
            await pilot.press("escape")
        await pilot.click(ReportTable, offset=(40, 3))  # clicking a hostile title
        await pilot.pause()
        assert app.is_running

        app.push_screen(HistoryScreen(app.context, FigureRef("US troops in Iraq")))
        await pilot.pause()
        history = app.screen.query_one("#history", DataTable)
        await wait_until(pilot, lambda: history.row_count > 0)
        assert any("[link=file:///etc/passwd]z[/] sources" in r for r in table_text(history))
        await pilot.press("q")

        await pilot.press("c")
        changes = app.screen.query_one("#changes", DataTable)
        await wait_until(pilot, lambda: changes.row_count > 0)
        await pilot.press("q", "slash", *"hostile", "enter")
        assert isinstance(app.screen, SearchScreen)
        results = app.screen.query_one("#results", ReportTable)
        await wait_until(pilot, lambda: results.row_count == len(HOSTILE))
        assert any("[/bold]" in r for r in table_text(results))
        assert app.is_running


async def test_hostile_toast_is_literal(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        for title in HOSTILE:
            app.post_message(
                PollEvent(
                    FigureChanged(
                        change_id=1,
                        figure=title,
                        verdict=Verdict.CHANGED,
                        old_value="[/]",
                        new_value="[@click=app.quit]2,000",
                        feed=title,
                        within_margin=False,
                    )
                )
            )
        expected = f"{HOSTILE[5]}: [/] → [@click=app.quit]2,000 · {HOSTILE[5]}"
        await wait_until(pilot, lambda: any(n.message == expected for n in app._notifications))
        assert app.is_running

"""History paging, report view, change log filter, feeds, search, help, palette."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable, Select, Static

from tests.app import fixtures
from tests.app.conftest import make_app, plain, table_text, wait_until
from tui.core.store.refs import FigureRef
from tui.screens.changes import ChangeLogScreen
from tui.screens.feeds import FeedsScreen
from tui.screens.help import HelpScreen
from tui.screens.history import PAGE, HistoryScreen
from tui.screens.report import ReportScreen
from tui.screens.search import SearchScreen
from tui.widgets.report_table import ReportTable


async def test_history_pages_from_sqlite(tmp_path: Path) -> None:
    db = fixtures.history(tmp_path / "h.db", 250)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(HistoryScreen(app.context, FigureRef("US troops in Iraq")))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#history", DataTable)
        await wait_until(pilot, lambda: table.row_count == PAGE)
        assert "2,249" in table_text(table)[0]  # newest first
        await wait_until(
            pilot, lambda: "of 250" in plain(screen.query_one("#history-page", Static))
        )
        table.focus()
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: "2,149" in table_text(table)[0])
        assert table.row_count == PAGE
        assert "101–200 of 250" in plain(screen.query_one("#history-page", Static))
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: table.row_count == 50)
        assert "2,049" in table_text(table)[0] and "2,000" in table_text(table)[-1]
        await pilot.press("pageup")
        await wait_until(pilot, lambda: "2,149" in table_text(table)[0])
        # the chart: one plot, not a sparkline per source
        from tui.widgets.history_chart import HistoryChart

        assert screen.query_one(HistoryChart).points


async def test_history_chart_shares_one_value_axis(story_db: Path) -> None:
    """A steady 'over 3,000' draws above '2,500': every source on one axis, plans apart."""
    from tests.app.fixtures import Fig, Seeder
    from tui.widgets.history_chart import HistoryChart

    seeder = Seeder(story_db)
    for day, (surface, value, source) in enumerate(
        [("more than 3,000", 3000, "Iraqi officials"), ("about 2,500", 2500, "the Pentagon")] * 2
    ):
        seeder.report(
            "Gulf Wire",
            f"Report {day}",
            f"US troops in Iraq: {surface}, {source} said.",
            at=f"2024-09-1{day}T10:00:00+00:00",
            figures=[Fig(surface, value, bound="approx", source=source)],
        )
    seeder.report(
        "Gulf Wire",
        "Plan",
        "The plan: fewer than 2,000 US troops in Iraq.",
        at="2024-09-15T10:00:00+00:00",
        figures=[Fig("fewer than 2,000", 2000, bound="upper", source="planners", as_of="planned")],
    )
    seeder.close()
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(HistoryScreen(app.context, FigureRef("US troops in Iraq")))
        await pilot.pause()
        chart = app.screen.query_one(HistoryChart)
        await wait_until(pilot, lambda: "Iraqi officials" in chart.points)
        await pilot.pause()
        import re

        lines = re.sub(r"\x1b\[[0-9;]*m", "", chart.plt.build()).splitlines()
        text = "\n".join(lines)
        assert "Iraqi officials" in text and "the Pentagon" in text and "planners (plan)" in text
        # One y axis for all: its top tick is at least the largest value of any source,
        # its lowest at most the smallest.
        ticks = [float(line.split("┤")[0].replace(",", "")) for line in lines if "┤" in line]
        assert max(ticks) >= 3000 - 1 and min(ticks) <= 2500 + 1
        assert any("Sep" in line for line in lines)  # a time axis


async def test_report_view_highlights_figures_and_diffs_a_revision(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(ReportTable)
        await wait_until(pilot, lambda: table.row_count == 5)
        table.focus()
        await pilot.press("j", "j", "enter")  # the revised Kuwait report
        await wait_until(
            pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.detail is not None
        )
        screen = app.screen
        body = plain(screen.query_one("#report-body", Static))
        assert "about 1,000 → About 1,200 US troops moved to Kuwait" in body
        diff = screen.query_one("#report-diff", Static)
        assert diff.display
        # Marked so it reads without colour: git's word-diff marks, a space between them.
        assert "[-1,000-] {+1,200+}" in plain(diff)
        assert "version 2 of 2" in plain(screen.query_one("#report-meta", Static))
        await pilot.press("left_square_bracket")
        assert "version 1 of 2" in plain(screen.query_one("#report-meta", Static))
        assert not screen.query_one("#report-diff", Static).display


async def test_change_log_filters_by_verdict_and_figure(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, ChangeLogScreen)
        table = screen.query_one("#changes", DataTable)
        await wait_until(pilot, lambda: table.row_count == 4)
        screen.query_one("#verdict-filter", Select).value = "disputed"
        await wait_until(pilot, lambda: table.row_count == 1)
        assert "US troops in Syria" in table_text(table)[0]
        screen.query_one("#verdict-filter", Select).clear()
        screen.query_one("#figure-filter", Select).value = "US troops in Iraq"
        await wait_until(pilot, lambda: table.row_count == 2)
        await pilot.press("u")  # unseen only
        await wait_until(pilot, lambda: table.row_count == 1)
        table.focus()
        await pilot.press("a")
        await wait_until(pilot, lambda: table.row_count == 0)


async def test_feeds_screen_shows_the_error(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, FeedsScreen)
        table = app.screen.query_one("#feeds", DataTable)
        await wait_until(pilot, lambda: table.row_count == 3)
        iraqi = next(r for r in table_text(table) if r.startswith("Iraqi News"))
        assert "failing ×3" in iraqi
        assert "HTTP 503 Service Unavailable (3 failures" in iraqi


async def test_search_finds_reports_by_text(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"kuwait", "enter")
        table = app.screen.query_one("#results", ReportTable)
        await wait_until(pilot, lambda: table.row_count == 1)
        assert "Troops moved to Kuwait" in table_text(table)[0]
        # The words around the match come first, the match highlighted.
        title = table.get_row_at(0)[3]
        lit = [
            title.plain[span.start : span.end]
            for span in title.spans
            if "reverse" in str(span.style)
        ]
        assert lit and all(word.lower() == "kuwait" for word in lit)
        assert title.plain.index("Kuwait") < 40
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReportScreen))
        await pilot.press("escape", "escape")
        assert app.screen.__class__.__name__ == "MainScreen"


async def test_search_input_is_not_fts_syntax(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *'"troops( *Iraq^', "enter")
        table = app.screen.query_one("#results", ReportTable)
        await wait_until(pilot, lambda: table.row_count > 0)
        assert app.status == ""


async def test_help_lists_the_keys(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = "\n".join(table_text(app.screen.query_one("#help-keys", DataTable)))
        for expected in ("acknowledge all changes", "poll now", "search reports", "ctrl+q"):
            assert expected in keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize(
    ("choice", "suffix", "check"),
    [
        (0, "jsonl", lambda text: len(text.splitlines()) == 4),
        (
            1,
            "csv",
            lambda text: text.startswith("id,detected_at,figure,") and text.count("\n") == 5,
        ),
        (3, "atom.xml", lambda text: text.count("<entry>") == 4),
    ],
)
async def test_palette_export_asks_for_a_format_and_writes_where_asked(
    story_db: Path, tmp_path: Path, choice: int, suffix: str, check: Callable[[str], bool]
) -> None:
    """The export goes to the folder the app was given (the cwd), not beside the database."""
    from tui.screens.export import ExportScreen

    folder = tmp_path / "exports"
    folder.mkdir()
    app = make_app(story_db, export_dir=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"export change")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        await pilot.press(*(["down"] * choice), "enter")
        await wait_until(pilot, lambda: any(folder.glob(f"storywatch-changes-*.{suffix}")))
        path = next(folder.glob(f"storywatch-changes-*.{suffix}"))
        await wait_until(pilot, lambda: check(path.read_text()))
        assert not list(story_db.parent.glob("storywatch-changes-*"))
        await wait_until(
            pilot, lambda: any(str(path) in str(n.message) for n in app._notifications)
        )


async def test_help_has_a_legend_and_80_columns_keep_help_and_quit_in_view(
    story_db: Path,
) -> None:
    from textual.widgets import Static

    from tests.app.conftest import plain
    from tui.screens.help import LEGEND

    app = make_app(story_db)
    async with app.run_test(size=(80, 24)) as pilot:
        hint = app.screen.query_one("#footer-hint", Static)
        await pilot.pause()
        assert hint.display and plain(hint) == "? help  q quit"
        assert hint.region.right <= 80 and hint.region.y == 23  # on screen, bottom row
        await pilot.press("question_mark")
        legend = "\n".join(table_text(app.screen.query_one("#help-legend", DataTable)))
        for mark, _ in LEGEND:
            assert mark in legend
        for mark in ("●", "✎", "⚠", "r2", "▲ / ▼", "+2"):
            assert mark in legend


def test_a_revision_diff_shows_the_change_not_the_article_twice() -> None:
    from tui.core.store.report import ReportVersion
    from tui.widgets.report_text import diff

    filler = " ".join(f"word{i}" for i in range(200))
    old = ReportVersion(1, 1, "Title", f"{filler} About 2,500 troops remain. {filler}", "t")
    new = ReportVersion(2, 2, "Title", f"{filler} About 2,000 troops remain. {filler}", "t")
    text = diff(old, new).plain
    assert "[-2,500-] {+2,000+}" in text
    assert text.count("word") <= 16 and "…" in text  # eight words of context either side
    assert len(text) < len(new.body) / 5


async def test_change_log_enter_opens_the_causing_report_and_the_outlet_fits(
    story_db: Path,
) -> None:
    from tui.screens.changes import ChangeLogScreen

    app = make_app(story_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, ChangeLogScreen))
        screen = app.screen
        assert isinstance(screen, ChangeLogScreen)
        table = screen.query_one("#changes", DataTable)
        await wait_until(pilot, lambda: table.row_count > 0)
        outlets = [row["new"]["feed"] for row in screen.rows]
        outlet_column = list(table.columns.values())[-1]
        assert outlet_column.get_render_width(table) >= max(len(o) for o in outlets) + 2
        total = sum(c.get_render_width(table) for c in table.columns.values())
        assert total <= 80  # every column, the outlet last, on an 80-column screen
        wanted = screen.rows[0]["new"]["report_id"]
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.detail is not None
        )
        assert app.screen.report_id == wanted  # type: ignore[attr-defined]


async def test_feeds_screen_shows_the_whole_error_and_url(story_db: Path) -> None:
    from tests.app.fixtures import Seeder
    from tui.screens.feeds import FeedsScreen

    long_error = (
        "could not connect: host name not found: "
        "a-very-long-host-name-for-a-regional-news-service.example.org (check the URL)"
    )
    seeder = Seeder(story_db)
    seeder.feed("A Long Gone Feed", error=long_error, failures=4)
    seeder.close()
    app = make_app(story_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, FeedsScreen))
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        await wait_until(pilot, lambda: bool(screen.rows))
        index = next(i for i, r in enumerate(screen.rows) if r.name == "A Long Gone Feed")
        table = screen.query_one("#feeds", DataTable)
        table.focus()
        table.move_cursor(row=index)

        def detail() -> str:
            return " ".join(plain(screen.query_one("#feed-detail", Static)).split())

        # The detail pane follows the cursor through a highlight message.
        await wait_until(pilot, lambda: long_error in detail())
        assert screen.rows[index].url in detail()


async def test_o_says_when_no_browser_can_be_opened(
    story_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    # A machine with no browser at all: webbrowser finds none to try.
    monkeypatch.setattr(webbrowser, "_tryorder", [])
    monkeypatch.setattr(webbrowser, "_browsers", {})
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(ReportTable)
        await wait_until(pilot, lambda: table.row_count > 0)
        table.focus()
        await pilot.press("o")
        await wait_until(
            pilot, lambda: any(n.title == "open link" for n in app._notifications), limit=10
        )
        (note,) = [n for n in app._notifications if n.title == "open link"]
        assert "no web browser could be opened" in note.message
        assert "https://example.org/story" in note.message


async def test_the_chosen_theme_is_kept_for_the_next_run(story_db: Path, tmp_path: Path) -> None:
    prefs = tmp_path / "state" / "dashboard.json"
    app = make_app(story_db, prefs_path=prefs)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme != "nord"
        app.theme = "nord"
        await pilot.pause()
    assert json.loads(prefs.read_text())["theme"] == "nord"
    again = make_app(story_db, prefs_path=prefs)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_palette_keeps_textuals_own_commands_beside_ours(story_db: Path) -> None:
    """The App opens the palette with its own provider (built around its actions) next to
    Textual's system commands: both kinds are offered."""
    from textual.command import CommandList, CommandPalette

    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        offered = app.screen.query_one(CommandList)

        def prompts() -> str:
            return " ".join(str(offered.get_option_at_index(i).prompt) for i in range(
                offered.option_count))  # fmt: skip

        await wait_until(pilot, lambda: "Poll now" in prompts())
        assert "Jump to figure: US troops in Iraq" in prompts()
        assert "Theme" in prompts() or "theme" in prompts()  # Textual's "Change theme"

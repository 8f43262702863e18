"""The main screen: figures lit by unseen changes, acknowledgement, the timeline."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import figures_ready, make_app, plain, table_text, wait_until
from tui.core.store import Store
from tui.widgets.figure_card import FigureCard
from tui.widgets.figures_panel import FiguresPanel
from tui.widgets.header_line import HeaderLine
from tui.widgets.report_table import ReportTable


def cards(app: object) -> dict[str, FigureCard]:
    return {c.summary.ref.label: c for c in app.screen.query(FigureCard)}  # type: ignore[attr-defined]


def card_text(card: FigureCard) -> str:
    return " / ".join(plain(s) for s in card.query(".figure-title, .figure-values").results())  # type: ignore[arg-type]


async def test_changed_figure_is_highlighted_with_old_and_new(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 3))
        await pilot.pause()
        found = cards(app)
        # named figures first, in config order; the unnamed key last
        assert list(found) == [
            "US troops in Iraq",
            "US troops in Syria",
            "US troops in Kuwait (presence)",
        ]
        iraq = found["US troops in Iraq"]
        assert iraq.has_class("-pending")
        text = card_text(iraq)
        assert "▼ 2,000 about 2,500 · Reuters" in text
        assert "the Pentagon about 2,500" in text
        syria = found["US troops in Syria"]
        assert syria.has_class("-disputed")
        assert "⚠ Iraqi sources: over 1,500 vs about 900 (AP)" in card_text(syria)
        # the revised Kuwait change was acknowledged already: no highlight
        assert not found["US troops in Kuwait (presence)"].has_class("-pending")
        header = plain(app.screen.query_one(HeaderLine))
        assert "US troop withdrawal from Iraq" in header
        assert "2 ok · 1 failing" in header
        assert "2 unseen" in header
        assert "polling off" in header


async def test_timeline_marks_changed_disputed_and_revised_reports(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(ReportTable)
        await wait_until(pilot, lambda: table.row_count == 5)
        rows = table_text(table)
        assert rows[0].startswith("⚠") and "Iraqi sources dispute" in rows[0]
        assert rows[1].startswith("●") and "US to cut troops" in rows[1]
        assert rows[2].startswith("✎ r2") and "Troops moved to Kuwait" in rows[2]
        assert not any("Markets wrap" in r for r in rows)  # off-story reports stay out


def pending_in_db(db: Path) -> int:
    with Store(db) as store:
        return int(
            store.query(
                "SELECT count(*) AS n FROM changes WHERE acknowledged_at IS NULL "
                "AND verdict != 'new'"
            )[0]["n"]
        )  # type: ignore[call-overload]


async def test_acknowledge_clears_highlight_and_survives_restart(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 3))
        app.screen.query_one(FiguresPanel).focus()
        await pilot.press("a")
        await wait_until(pilot, lambda: not cards(app)["US troops in Iraq"].has_class("-pending"))
        assert cards(app)["US troops in Syria"].has_class("-pending")
        assert "1 unseen" in plain(app.screen.query_one(HeaderLine))
    assert pending_in_db(story_db) == 1
    again = make_app(story_db)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: figures_ready(again, 3))
        assert not cards(again)["US troops in Iraq"].has_class("-pending")
        assert cards(again)["US troops in Syria"].has_class("-pending")


async def test_acknowledge_all(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 3))
        await pilot.press("A")
        await wait_until(
            pilot, lambda: not any(c.has_class("-pending") for c in cards(app).values())
        )
    assert pending_in_db(story_db) == 0


async def test_keys_move_between_figures_and_open_history(story_db: Path) -> None:
    from tui.screens.history import HistoryScreen

    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 3))
        panel = app.screen.query_one(FiguresPanel)
        panel.focus()
        await pilot.press("j")
        assert panel.index == 1
        await pilot.press("G")
        assert panel.index == 2
        await pilot.press("g", "j", "h")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        assert app.screen.ref.name == "US troops in Syria"  # type: ignore[attr-defined]
        await pilot.press("q")
        assert not isinstance(app.screen, HistoryScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_usable_at_80x24(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(80, 24)) as pilot:
        # Wait for the loaded state itself (cards mounted, rows in), then one layout pass:
        # counting cards alone can stop waiting while the cards are still mounting.
        await wait_until(pilot, lambda: figures_ready(app, 3))
        table = app.screen.query_one(ReportTable)
        await wait_until(pilot, lambda: table.row_count == 5)
        await pilot.pause()
        assert table.size.height >= 4
        assert app.screen.query_one(FiguresPanel).size.height >= 4


async def test_header_fits_80_columns_and_keeps_unseen_count(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 3))
        header = app.screen.query_one(HeaderLine)
        await wait_until(pilot, lambda: "unseen" in plain(header))
        await pilot.pause()
        # What the terminal shows: the screen's top line, as the compositor renders it.
        shown = app.screen._compositor.render_strips()[0].text
        assert len(shown) == 80
        assert "2 unseen" in shown
        assert "1 failing" in shown
        assert shown.startswith(" US troop withdrawal from Iraq")
        assert plain(header).endswith("2 unseen")  # nothing cut off after it


async def test_header_cuts_the_title_last(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(40, 24)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 3))
        header = app.screen.query_one(HeaderLine)
        await wait_until(pilot, lambda: "unseen" in plain(header))
        line = header.line_for(app.clock(), 38)
        assert line.cell_length <= 38
        assert line.plain.endswith("1 failing │ 2 unseen")
        assert line.plain.startswith("US troop")


async def test_the_timeline_follows_the_newest_unless_the_user_moved(story_db: Path) -> None:
    """Issue 12: at 80x24 new reports arrived above the cursor, out of view."""
    from tests.app.fixtures import Seeder
    from tui.messages import DataChanged

    app = make_app(story_db)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(ReportTable)
        await wait_until(pilot, lambda: len(table.order) > 3)
        seeder = Seeder(story_db)
        try:
            for n in range(6):
                seeder.report(
                    "Late Wire",
                    f"Newest report {n}",
                    "Nothing here.",
                    at=f"2024-09-05T0{n}:00:00+00:00",
                )
                app.post_message(DataChanged())
                await wait_until(pilot, lambda n=n: table.order[0].title == f"Newest report {n}")
                await pilot.pause()
                assert table.cursor_row == 0 and table.scroll_y == 0
                assert table.selected is not None and table.selected.title == f"Newest report {n}"
            table.focus()
            await pilot.press("j", "j")
            chosen = table.selected
            assert chosen is not None and table.cursor_row == 2
            seeder.report(
                "Late Wire", "Later still", "Nothing here.", at="2024-09-06T00:00:00+00:00"
            )
            app.post_message(DataChanged())
            await wait_until(pilot, lambda: table.order[0].title == "Later still")
            await pilot.pause()
            assert table.selected is not None and table.selected.id == chosen.id
        finally:
            seeder.close()


async def test_empty_states_say_what_is_missing(tmp_path: Path) -> None:
    """A named figure with no reports says so; when every feed fails, a hint says what to do."""
    from tests.app.fixtures import Seeder

    db = tmp_path / "empty.db"
    seeder = Seeder(db)
    seeder.feed("Wire", error="HTTP 503 Service Unavailable", failures=2, last_success=None)
    seeder.close()
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 2))
        iraq = cards(app)["US troops in Iraq"]
        assert "US troops in Iraq / no reports yet" in card_text(iraq)
        hint = app.screen.query_one("#reports-hint")
        await wait_until(pilot, lambda: hint.display)
        assert plain(hint).startswith("Every feed is failing (1). Press f to see why")  # type: ignore[arg-type]

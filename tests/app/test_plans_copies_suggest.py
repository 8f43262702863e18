"""The dashboard shows plans beside the level and copies as one voice; the palette suggests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.app.conftest import figures_ready, make_app, plain, table_text, wait_until
from tests.app.fixtures import Fig, Seeder
from tui.core.store import Store
from tui.core.store.figures import (
    FigureSummary,
    SourceValue,
    figure_refs,
    planned_text,
    summarise,
)
from tui.core.store.refs import FigureRef
from tui.screens.history import HistoryScreen, HistoryTable
from tui.widgets.figure_card import FigureCard, plan_content, values_content


def value(source: str, display: str, outlets: int = 1) -> SourceValue:
    return SourceValue(source, display, 0.0, "2025-09-01T10:00:00+00:00", "wire", outlets)


def test_card_values_show_copies_and_the_plan_beside_the_level() -> None:
    summary = FigureSummary(
        ref=FigureRef("US troops in Iraq"),
        values=(value("AP", "about 2,500", outlets=5), value("Iraqi sources", "over 3,000")),
        series=(),
        last_changed=None,
        pending=None,
        plan=value("Pentagon", "up to 2,000"),
    )
    assert values_content(summary).plain == "AP · 5 outlets about 2,500 · Iraqi sources over 3,000"
    plan = plan_content(summary)
    assert plan is not None and plan.plain == "planned: up to 2,000 (Pentagon)"


def test_card_with_only_a_plan_says_there_is_no_current_value() -> None:
    summary = FigureSummary(
        ref=FigureRef("US troops in Iraq"), values=(), series=(), last_changed=None,
        pending=None, plan=value("Pentagon", "up to 2,000"),
    )  # fmt: skip
    assert values_content(summary).plain == "no current value"
    plan = plan_content(summary)
    assert plan is not None and plan.plain == "planned: up to 2,000 (Pentagon)"


async def test_palette_suggests_figures_for_the_unnamed_key(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        for ch in "Suggest [[figures]]":
            await pilot.press("space" if ch == " " else ch)
        await pilot.pause(0.3)
        await pilot.press("enter")

        def suggested() -> bool:
            return any("[[figures]]" in str(n.message) for n in app._notifications)

        await wait_until(pilot, suggested)
        text = next(str(n.message) for n in app._notifications if "[[figures]]" in str(n.message))
        # the fixture's unnamed key: US troops in Kuwait, offered as a block to paste
        assert 'name = "US troops in Kuwait"' in text
        assert 'places = ["Kuwait"]' in text


# -- a plan's deadline, and copies folded into their origin ---------------------------------

DATE_KEY = "date|-|other|-|-"
SEP_2026 = 1790812799.0  # the last second of September 2026


def date(surface: str, bound: str = "upper", as_of: str = "planned") -> Fig:
    """A date stated in the same sentence (the extractor's own kind of claim)."""
    return Fig(surface, SEP_2026, bound=bound, kind="date", key=DATE_KEY, figure=None, as_of=as_of)


PLAN = Fig("fewer than 2,000", 2000, bound="upper", as_of="planned", source="the Pentagon")


@pytest.mark.parametrize(
    ("text", "dates", "planned"),
    [
        # the deadline as written beside the plan
        (
            "US troops in Iraq will number fewer than 2,000 by September 2026.",
            [date("by September 2026")],
            "planned by September 2026",
        ),
        # a duration still to run is a deadline too
        (
            "US troops in Iraq will number fewer than 2,000 within 14 days.",
            [date("within 14 days")],
            "planned within 14 days",
        ),
        # a bare date needs a word in front to read
        (
            "US troops in Iraq will number fewer than 2,000 in a plan for September 2026.",
            [date("September 2026", bound="range")],
            "planned for September 2026",
        ),
        # a past date nearer the figure is history, not the deadline
        (
            "Down from 2020, fewer than 2,000 US troops will stay in Iraq by 2026.",
            [date("Down from 2020", bound="lower", as_of="historic"), date("by 2026")],
            "planned by 2026",
        ),
        # the day it was said is not when it is due
        (
            "The Pentagon said on Friday that fewer than 2,000 US troops will stay in Iraq.",
            [date("on Friday", bound="exact", as_of="current")],
            "planned",
        ),
        # no date at all: just planned
        ("Fewer than 2,000 US troops will stay in Iraq.", [], "planned"),
    ],
)
def test_a_plan_shows_its_deadline_from_its_own_sentence(
    tmp_path: Path, text: str, dates: list[Fig], planned: str
) -> None:
    db = Seeder(tmp_path / "plan.db")
    surface = "fewer than 2,000" if "fewer" in text else "Fewer than 2,000"
    db.report("Reuters", "Plan", text, at="2025-10-01T10:00:00+00:00",
              figures=[replace(PLAN, surface=surface), *dates])  # fmt: skip
    with Store(db.path, readonly=True) as store:
        summary = summarise(store, FigureRef("US troops in Iraq"))
    db.close()
    assert summary.plan is not None
    assert planned_text(summary.plan) == planned


def plan_and_copies(path: Path) -> Path:
    """AP's level, run verbatim by two more outlets; the Pentagon's plan with its deadline."""
    db = Seeder(path)
    text = "About 2,500 US troops remain in Iraq, the Pentagon said."
    level = Fig("About 2,500", 2500, bound="approx", source="the Pentagon")
    origin = db.report("AP", "Troops stay", text, at="2025-09-01T10:00:00+00:00", figures=[level])
    for outlet in ("Daily", "Herald"):
        db.report(outlet, "Troops stay", text, at="2025-09-01T11:00:00+00:00",
                  figures=[level], copy_of=origin.report_id)  # fmt: skip
    db.report(
        "Reuters",
        "Drawdown",
        "US troops in Iraq will number fewer than 2,000 by September 2026, the Pentagon said.",
        at="2025-09-02T10:00:00+00:00",
        figures=[PLAN, date("by September 2026")],
    )
    db.close()
    return path


async def test_card_and_history_show_the_plan_by_its_deadline_and_copies_as_one_row(
    tmp_path: Path,
) -> None:
    app = make_app(plan_and_copies(tmp_path / "p.db"))
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 2))
        card = app.screen.query(FigureCard).first()
        assert plain(card.query_one(".figure-values", Static)) == (
            "the Pentagon · 3 outlets about 2,500"
        )
        plan = card.query_one(".figure-plan", Static)
        assert plan.display and plain(plan) == (
            "planned: up to 2,000 by September 2026 (the Pentagon)"
        )
        # A figure without a plan has no plan line.
        syria = app.screen.query(FigureCard).last()
        assert not syria.query_one(".figure-plan", Static).display

        await pilot.press("h")  # the selected figure's history
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        table = app.screen.query_one(HistoryTable)
        await wait_until(pilot, lambda: table.row_count > 0)
        title = app.screen.query_one("#history-title", Static)
        await wait_until(pilot, lambda: "planned" in plain(title))
        assert plain(title) == (
            "US troops in Iraq  about 2,500 now · up to 2,000 planned by September 2026"
        )
        rows = table_text(table)
        # The two copies are folded into AP's row: one voice, carried by three outlets.
        assert len(rows) == 2, rows
        assert "AP · 3 outlets" in rows[1] and "Daily" not in " ".join(rows)
        page = plain(app.screen.query_one("#history-page", Static))
        assert "observations 1–2 of 2" in page


def test_dates_without_a_thing_are_no_figure_of_their_own(tmp_path: Path) -> None:
    """Every report's dates share the thing-less key "date|-|other|-|-": as a card it lumped
    unrelated dates together ("date (other)"). Only keys with a thing are offered."""
    with Store(plan_and_copies(tmp_path / "p.db"), readonly=True) as store:
        refs = figure_refs(store, ["US troops in Iraq"])
    assert refs == [FigureRef("US troops in Iraq")]


async def test_history_at_80_columns_says_which_row_is_a_plan_and_draws_a_lone_point(
    tmp_path: Path,
) -> None:
    """At 80 columns "up to 2,000 (planned)" was cut to "up to 2,000 (…", and the one point
    a source stated sat under its own legend line, hidden."""
    import re

    from tests.app.test_snapshots import screen_text
    from tui.widgets.history_chart import HistoryChart

    app = make_app(plan_and_copies(tmp_path / "p.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 2))
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        table = app.screen.query_one(HistoryTable)
        await wait_until(pilot, lambda: table.row_count == 2)
        await pilot.pause(0.3)
        shown = [
            line for line in screen_text(app.export_screenshot()).splitlines() if "Sep 2025" in line
        ]  # the table's rows, by their Time cell
        plan_row = next(line for line in shown if "up to 2,000" in line)
        level_row = next(line for line in shown if "about 2,500" in line)
        assert "planned" in plan_row and "…" not in plan_row, plan_row
        assert "current" in level_row and "AP · 3 outlets" in level_row, level_row

        chart = app.screen.query_one(HistoryChart)
        lines = re.sub(r"\x1b\[[0-9;]*m", "", chart.plt.build()).splitlines()
        legend = [i for i, line in enumerate(lines) if "the Pentagon" in line]
        marks = [i for i, line in enumerate(lines) if "●" in line]
        # the Pentagon's one level point is drawn on a row of its own, below the legend
        assert [i for i in marks if i not in legend], "\n".join(lines)


async def test_history_reads_its_title_and_total_again_after_a_poll(tmp_path: Path) -> None:
    """A poll while the history screen was open refreshed the rows but not the overview:
    the demo showed "observations 1–9 of 7" under a title with an old level."""
    from tui.messages import DataChanged

    path = plan_and_copies(tmp_path / "p.db")
    app = make_app(path)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: figures_ready(app, 2))
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        page = app.screen.query_one("#history-page", Static)
        title = app.screen.query_one("#history-title", Static)
        await wait_until(pilot, lambda: "1–2 of 2" in plain(page))
        db = Seeder(path)  # a poll lands: the Pentagon's new level
        level = Fig("About 2,200", 2200, bound="approx", source="the Pentagon")
        text = "About 2,200 US troops remain in Iraq, the Pentagon said."
        db.report("Gulf Wire", "Cut", text, at="2025-09-03T10:00:00+00:00", figures=[level])
        db.close()
        app.post_message(DataChanged())
        await wait_until(pilot, lambda: "1–3 of 3" in plain(page))
        await wait_until(pilot, lambda: "about 2,200 now" in plain(title))

"""The dashboard shows plans beside the level and copies as one voice; the palette suggests."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import make_app, wait_until
from tui.core.store.figures import FigureSummary, SourceValue
from tui.core.store.refs import FigureRef
from tui.widgets.figure_card import values_content


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
    assert values_content(summary).plain == (
        "AP · 5 outlets about 2,500 · Iraqi sources over 3,000 · planned: up to 2,000 (Pentagon)"
    )


def test_card_with_only_a_plan_says_there_is_no_current_value() -> None:
    summary = FigureSummary(
        ref=FigureRef("US troops in Iraq"), values=(), series=(), last_changed=None,
        pending=None, plan=value("Pentagon", "up to 2,000"),
    )  # fmt: skip
    assert values_content(summary).plain == "no current value · planned: up to 2,000 (Pentagon)"


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

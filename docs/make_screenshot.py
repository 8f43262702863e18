"""Regenerate docs/dashboard.svg: the dashboard mid-story on the bundled demo.

    uv run python docs/make_screenshot.py [STEPS]

Plays the first STEPS (default 7) steps of the demo story into a throw-away database, then
opens the dashboard on it without polling, with the clock frozen a few hours after the last
step, and saves a 120x40 screenshot once the figures panel has loaded. At 7 steps the Syria
figure has just been lowered (a lit, changed figure) and the Iraq figure is still disputed.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "dashboard.svg"
SIZE = (120, 40)


async def capture(db_path: Path, at: datetime) -> None:
    from tui.demo.config import demo_config
    from tui.demo.story import OUTLETS
    from tui.launch import build_app
    from tui.screens.main import MainScreen
    from tui.widgets.figure_card import FigureCard
    from tui.widgets.report_table import ReportTable

    # Not polling, so the URLs are never fetched; they only have to be valid.
    config = demo_config({o.slug: f"http://127.0.0.1:9/{o.slug}.xml" for o in OUTLETS})
    app = build_app(config, db_path, poll=False, clock=lambda: at)
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.monotonic() + 20
        while True:
            screen = app.screen
            if isinstance(screen, MainScreen):
                cards = list(screen.query(FigureCard))
                table = screen.query_one(ReportTable)
                if (
                    cards
                    and all(c.is_mounted for c in cards)
                    and any(c.has_class("-pending") for c in cards)
                    and table.row_count
                ):
                    break
            if time.monotonic() > deadline:
                raise SystemExit("the dashboard did not load its figures in time")
            await pilot.pause(0.05)
        await pilot.pause()
        app.save_screenshot(OUT.name, str(OUT.parent))


def main(steps: int = 7) -> None:
    os.environ["TZ"] = "UTC"  # times on screen are local: pin them
    time.tzset()
    sys.path.insert(0, str(HERE.parent))
    from tui.demo.runner import run_demo_headless
    from tui.demo.story import STEPS

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "demo.db"
        run_demo_headless(db_path=db_path, steps=steps, out=lambda _line: None)
        at = STEPS[steps - 1].at + timedelta(hours=3)
        asyncio.run(capture(db_path, at))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)

"""Issue 12: the demo captions each step and says when the replay has ended."""

from __future__ import annotations

import threading
import urllib.request
from pathlib import Path

from tui.demo.runner import ENDED, StepTicker, _caption, _urls, step_caption
from tui.demo.server import DemoServer
from tui.demo.story import STEPS


def test_every_step_is_captioned_in_order_then_the_end() -> None:
    server = DemoServer().start()
    captions: list[str] = []
    ended = threading.Event()
    ticker = StepTicker(
        server,
        0.01,
        on_step=lambda index: captions.append(step_caption(index)),
        on_end=ended.set,
    )
    try:
        ticker.start()
        # Be the poller: fetch every outlet's feed, so the ticker may move on.
        while not ended.is_set():
            for url in _urls(server).values():
                with urllib.request.urlopen(url, timeout=5) as reply:
                    reply.read()
            ended.wait(0.01)
    finally:
        ticker.stop()
        server.stop()
    assert captions == [step_caption(i) for i in range(len(STEPS))]
    assert captions[0].startswith(f"Step 1 of {len(STEPS)}: ")
    assert STEPS[-1].summary in captions[-1]


async def test_captions_reach_the_dashboard(tmp_path: Path) -> None:
    from tests.app.conftest import make_app, wait_until
    from tests.app.fixtures import story

    app = make_app(story(tmp_path / "story.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        worker = threading.Thread(target=_caption, args=(app, step_caption(2)))
        worker.start()
        ender = threading.Thread(
            target=_caption, args=(app, ENDED), kwargs={"title": "demo over", "timeout": 60}
        )
        ender.start()
        while worker.is_alive() or ender.is_alive():
            await pilot.pause(0.05)

        def shown() -> set[tuple[str, str]]:
            return {(n.title, str(n.message)) for n in app._notifications}

        # A toast is a message the app handles a moment after notify() returns.
        await wait_until(
            pilot, lambda: {("demo", step_caption(2)), ("demo over", ENDED)} <= shown()
        )

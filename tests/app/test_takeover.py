"""A dashboard watching another poller takes over polling when that poller exits."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.app.conftest import make_app, plain, wait_until
from tests.app.test_polling import FIRST, SECOND, rss, toml
from tests.loopback import LoopbackServer, Reply
from tui.core.config import parse_config
from tui.core.lock import PollerLock
from tui.core.store import Store
from tui.widgets.header_line import HeaderLine


def _reports(db: Path) -> int:
    with Store(db, readonly=True) as store:
        return int(store.query("SELECT count(*) AS n FROM reports")[0]["n"])


async def test_a_watching_dashboard_polls_when_the_headless_poller_exits(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.route("/feed.xml", [Reply(body=rss(FIRST)), Reply(body=rss(FIRST, SECOND))])
    config_path = tmp_path / "feeds.toml"
    config_path.write_text(toml(url), encoding="utf-8")
    db = tmp_path / "shared.db"
    poller = await asyncio.create_subprocess_exec(
        *[sys.executable, "-m", "tui", "--config", str(config_path), "--db", str(db), "poll"],
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        for _ in range(1200):  # the poller's first poll (start-up included; a loaded machine)
            if server.hits("/feed.xml") == 1:
                break
            await asyncio.sleep(0.1)
        assert server.hits("/feed.xml") == 1
        assert not PollerLock(db).acquire()  # the headless poller holds the lock
        app = make_app(db, config=parse_config(toml(url)), poll=True, clock=None)
        app.poller.watch_interval = 0.1
        async with app.run_test(size=(120, 40)) as pilot:
            header = app.screen.query_one(HeaderLine)
            await wait_until(pilot, lambda: "watching" in plain(header))
            assert app.poller.mode == "watching" and server.hits("/feed.xml") == 1

            poller.send_signal(signal.SIGTERM)  # the poller goes away (Ctrl-C, logout)
            await asyncio.wait_for(poller.wait(), timeout=60)
            await wait_until(pilot, lambda: app.poller.mode == "polling", limit=10)
            # It polls at once, not one interval later, and the story goes on.
            await wait_until(pilot, lambda: server.hits("/feed.xml") == 2, limit=15)
            await wait_until(pilot, lambda: _reports(db) == 2, limit=15)
            assert "watching" not in plain(header) or app.poller.polling
            await wait_until(
                pilot, lambda: any("polling from here now" in n.message for n in app._notifications)
            )
        # The dashboard let the lock go when it quit: the next storywatch may poll.
        after = PollerLock(db)
        assert after.acquire()
        after.release()
    finally:
        if poller.returncode is None:
            poller.kill()
            await poller.wait()
    assert poller.returncode == 0

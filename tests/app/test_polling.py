"""The dashboard polling a real loopback HTTP server through the Monitor; watching; reload."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.app.conftest import make_app, plain, wait_until
from tests.app.fixtures import Fig, Seeder
from tests.loopback import LoopbackServer, Reply
from tui.core.config import parse_config
from tui.core.lock import PollerLock
from tui.core.store import Store
from tui.widgets.figure_card import FigureCard
from tui.widgets.header_line import HeaderLine


def rss(*items: tuple[str, str, str]) -> bytes:
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><description>{text}</description>"
        f"<link>https://example.org/{guid}</link><pubDate>{date}</pubDate></item>"
        for guid, title, text, date in ((f"id-{i}", t, x, d) for i, (t, x, d) in enumerate(items))
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"{entries}</channel></rss>"
    ).encode()


FIRST = (
    "US troops stay in Iraq",
    "About 2,500 US troops remain in Iraq, the Pentagon said.",
    "Sun, 01 Sep 2024 10:00:00 GMT",
)
SECOND = (
    "US cuts troops in Iraq",
    "Now 2,000 US troops remain in Iraq, the Pentagon said.",
    "Tue, 03 Sep 2024 10:00:00 GMT",
)


def toml(url: str, extra: str = "") -> str:
    return f"""
[story]
title = "US troop withdrawal from Iraq"
keywords = ["Iraq", "troops"]

[settings]
interval = 900
{extra}

[[feeds]]
name = "Wire"
url = "{url}"

[[figures]]
name = "US troops in Iraq"
things = ["troops"]
places = ["Iraq"]
actors = ["US"]
"""


def card(app: object, name: str) -> FigureCard | None:
    """The figure's card once it shows a report (a named figure has one from the start)."""
    for c in app.screen.query(FigureCard):  # type: ignore[attr-defined]
        if c.summary.ref.name == name and c.summary.observations:
            return c
    return None


async def test_poll_lights_up_a_changed_figure_and_ack_sticks(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.route("/feed.xml", [Reply(body=rss(FIRST)), Reply(body=rss(FIRST, SECOND))])
    out = tmp_path / "notified.txt"
    script = "import sys; open(sys.argv[1], 'w').write('|'.join(sys.argv[2:]))"
    command = f'notify_command = [{sys.executable!r}, "-c", "{script}", {str(out)!r}]'
    config = parse_config(toml(url, command))
    db = tmp_path / "poll.db"
    app = make_app(db, config=config, poll=True, clock=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: card(app, "US troops in Iraq") is not None, limit=15)
        first = card(app, "US troops in Iraq")
        assert first is not None and not first.has_class("-pending")
        assert app.poller.mode == "polling"
        await wait_until(pilot, lambda: not app.poller.polling)
        await pilot.press("r")
        await wait_until(
            pilot,
            lambda: bool((c := card(app, "US troops in Iraq")) and c.has_class("-pending")),
            limit=15,
        )
        lit = card(app, "US troops in Iraq")
        assert lit is not None
        assert "▼ 2,000 about 2,500" in plain(lit.query_one(".figure-title"))  # type: ignore[arg-type]
        await wait_until(
            pilot,
            lambda: any(
                "US troops in Iraq: about 2,500 → 2,000 · Wire" in n.message
                for n in app._notifications
            ),
        )
        await wait_until(pilot, lambda: out.exists() and out.read_text() != "")
        assert out.read_text() == "US troops in Iraq|about 2,500|2,000|Wire|changed"
        lit.parent.focus()  # type: ignore[union-attr]
        await pilot.press("a")
        await wait_until(pilot, lambda: not card(app, "US troops in Iraq").has_class("-pending"))  # type: ignore[union-attr]
    assert server.hits("/feed.xml") == 2
    again = make_app(db, config=config)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: card(again, "US troops in Iraq") is not None)
        await pilot.pause()
        assert not card(again, "US troops in Iraq").has_class("-pending")  # type: ignore[union-attr]


async def test_failing_notify_command_is_shown_not_raised(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.route("/feed.xml", [Reply(body=rss(FIRST)), Reply(body=rss(FIRST, SECOND))])
    config = parse_config(toml(url, 'notify_command = ["/nonexistent/notifier"]'))
    app = make_app(tmp_path / "n.db", config=config, poll=True, clock=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: card(app, "US troops in Iraq") is not None, limit=15)
        await wait_until(pilot, lambda: not app.poller.polling)
        await pilot.press("r")
        await wait_until(
            pilot,
            lambda: any(n.title == "notification failed" for n in app._notifications),
            limit=15,
        )
        assert app.is_running


async def test_feed_error_reaches_the_feeds_screen(server: LoopbackServer, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    from tests.app.conftest import table_text

    url = server.route("/feed.xml", Reply(status=503))
    app = make_app(tmp_path / "e.db", config=parse_config(toml(url)), poll=True, clock=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(
            pilot, lambda: "1 failing" in plain(app.screen.query_one(HeaderLine)), limit=15
        )
        await pilot.press("f")
        table = app.screen.query_one("#feeds", DataTable)
        await wait_until(pilot, lambda: table.row_count == 1)
        assert "503" in table_text(table)[0]


async def test_watches_the_database_when_another_process_polls(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    seeder = Seeder(db)
    seeder.feed("AP")
    lock = PollerLock(db)
    assert lock.acquire()
    try:
        app = make_app(db, poll=True)
        app.poller.watch_interval = 0.1
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(
                pilot,
                lambda: (
                    "watching (another storywatch polls)" in plain(app.screen.query_one(HeaderLine))
                ),
            )
            assert card(app, "US troops in Iraq") is None
            seeder.report(
                "AP",
                "Troops",
                "About 2,500 US troops in Iraq.",
                at="2024-09-01T10:00:00+00:00",
                figures=[Fig("About 2,500", 2500, bound="approx")],
            )
            await wait_until(pilot, lambda: card(app, "US troops in Iraq") is not None)
    finally:
        lock.release()
        seeder.close()


async def test_config_edits_are_picked_up_and_broken_ones_refused(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(toml("https://example.org/feed.xml"))
    db = tmp_path / "c.db"
    Store(db).close()
    app = make_app(db, config=parse_config(path.read_text()), config_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)  # let the watcher start
        path.write_text("[story\ntitle = 'x'")
        await wait_until(pilot, lambda: "feeds.toml" in app.status, limit=10)
        assert "TOML syntax error" in app.status
        assert app.config.story.title == "US troop withdrawal from Iraq"  # the last good one
        path.write_text(
            toml("https://example.org/feed.xml").replace("withdrawal from Iraq", "drawdown")
        )
        await wait_until(pilot, lambda: app.config.story.title == "US troop drawdown", limit=10)
        assert app.status == ""
        await wait_until(
            pilot, lambda: "US troop drawdown" in plain(app.screen.query_one(HeaderLine))
        )


async def test_worker_failure_is_reported_not_fatal(story_db: Path) -> None:
    app = make_app(story_db)
    async with app.run_test(size=(120, 40)) as pilot:

        def broken(store: Store) -> None:
            store.query("SELECT * FROM no_such_table")

        app.database.read(app, broken, group="broken")
        await wait_until(pilot, lambda: "no_such_table" in app.status)
        # The toast is a message the app handles after the status line is set.
        await wait_until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        assert app.is_running


async def test_a_dashboard_polling_many_feeds_reads_figures_in_the_worker(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight feeds or more: the first cycle's figures come from the figure worker, a child
    process started on the dashboard's own event loop; the card shows them all the same."""
    from tui.core.figure_pool import FigureWorker
    from tui.core.monitor import PROCESS_POOL_THRESHOLD

    feeds = "".join(
        f'\n[[feeds]]\nname = "Wire {i}"\nurl = "'
        + server.route(f"/f{i}.xml", Reply(body=rss(FIRST)))
        + '"\n'
        for i in range(1, PROCESS_POOL_THRESHOLD)
    )
    url = server.route("/feed.xml", Reply(body=rss(FIRST)))
    config = parse_config(toml(url) + feeds)
    started: list[FigureWorker] = []
    real_start = FigureWorker._start

    async def counted(self: FigureWorker) -> object:
        started.append(self)
        return await real_start(self)

    monkeypatch.setattr(FigureWorker, "_start", counted)
    app = make_app(tmp_path / "many.db", config=config, poll=True, clock=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: card(app, "US troops in Iraq") is not None, limit=15)
        await wait_until(pilot, lambda: not app.poller.polling)
        assert app.is_running
    assert len(started) == 1

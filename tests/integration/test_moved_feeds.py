"""A feed that moved for good (301/308) is remembered, polled at its new home; `check` says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.feedgen import rss
from tests.loopback import LoopbackServer, Reply, redirect
from tests.pipeline import config_for, config_text, monitor_for, rows, story_item
from tui.cli import main
from tui.core.config import Settings
from tui.core.fetch import Fetcher


@pytest.mark.parametrize(
    ("chain", "moved"),
    [
        pytest.param([("/old", 301, "/new")], "/new", id="301"),
        pytest.param([("/old", 308, "/new")], "/new", id="308"),
        pytest.param([("/old", 302, "/new")], None, id="302-is-temporary"),
        pytest.param([("/old", 307, "/new")], None, id="307-is-temporary"),
        pytest.param([("/old", 301, "/mid"), ("/mid", 308, "/new")], "/new", id="301-then-308"),
        pytest.param([("/old", 301, "/mid"), ("/mid", 302, "/new")], "/mid", id="301-then-302"),
        pytest.param([("/old", 302, "/mid"), ("/mid", 301, "/new")], None, id="302-then-301"),
    ],
)
async def test_only_an_unbroken_run_of_permanent_hops_moves_a_feed(
    server: LoopbackServer, chain: list[tuple[str, int, str]], moved: str | None
) -> None:
    for path, status, target in chain:
        server.route(path, redirect(target, status=status))
    server.route("/new", Reply(body=rss([story_item(1)])))
    async with Fetcher(Settings()) as fetcher:
        result = await fetcher.fetch(server.url("/old"))
    assert result.status == "ok"
    assert result.moved_to == (server.url(moved) if moved else None)


async def test_a_moved_feed_is_polled_at_its_new_home_and_check_says_so(
    server: LoopbackServer, tmp_path: Path
) -> None:
    db = tmp_path / "sw.db"
    server.route("/old.xml", redirect("/new.xml", status=301))
    server.route("/new.xml", Reply(body=rss([story_item(1)])))
    urls = {"Wire": server.url("/old.xml")}
    monitor = monitor_for(config_for(urls), db)
    try:
        await monitor.poll_cycle()
        await monitor.poll_cycle()
    finally:
        await monitor.aclose()
    assert rows(db, "SELECT moved_to FROM feeds") == [(server.url("/new.xml"),)]
    assert server.hits("/old.xml") == 1  # the second poll went straight to the new home
    assert server.hits("/new.xml") == 2

    config = tmp_path / "feeds.toml"
    config.write_text(config_text(urls), encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(config), "--db", str(db), "check"])
    assert result.exit_code == 0, result.output
    assert f"feeds[0].url: Wire moved permanently to {server.url('/new.xml')}" in result.output
    assert "update feeds.toml" in result.output

    # Once feeds.toml has the new URL, the note goes away.
    config.write_text(config_text({"Wire": server.url("/new.xml")}), encoding="utf-8")
    monitor = monitor_for(config_for({"Wire": server.url("/new.xml")}), db)
    try:
        await monitor.poll_cycle()
    finally:
        await monitor.aclose()
    result = CliRunner().invoke(main, ["--config", str(config), "--db", str(db), "check"])
    assert "moved permanently" not in result.output
    assert rows(db, "SELECT moved_to FROM feeds") == [(None,)]


async def test_if_the_new_home_breaks_we_go_back_to_the_configured_url(
    server: LoopbackServer, tmp_path: Path
) -> None:
    db = tmp_path / "sw.db"
    server.route("/old.xml", [redirect("/new.xml", status=308), Reply(body=rss([story_item(1)]))])
    server.route("/new.xml", [Reply(body=rss([story_item(1)])), Reply(status=404)])
    monitor = monitor_for(config_for({"Wire": server.url("/old.xml")}), db)
    try:
        for _ in range(3):
            await monitor.poll_cycle()
    finally:
        await monitor.aclose()
    # Poll 1: moved; poll 2: the new home is gone (404), forget it; poll 3: the old URL.
    assert [r.path for r in server.requests] == ["/old.xml", "/new.xml", "/new.xml", "/old.xml"]
    assert rows(db, "SELECT moved_to, consecutive_failures FROM feeds") == [(None, 0)]

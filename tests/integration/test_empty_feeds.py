"""A valid feed with no entries yet (a new section, a quiet week) is healthy, not failing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.app.conftest import make_app, table_text, wait_until
from tests.feedgen import atom, rss
from tests.loopback import LoopbackServer, conditional
from tests.pipeline import config_for, config_text, monitor_for, rows
from tui.cli import main
from tui.core.models import Event, FeedFailed
from tui.screens.feeds import FeedsScreen


async def _poll_empty_twice(server: LoopbackServer, db: Path, render: object) -> list[Event]:
    body = render([])  # type: ignore[operator]
    server.route("/quiet.xml", conditional(body, etag='"e1"'))
    monitor = monitor_for(config_for({"Quiet": server.url("/quiet.xml")}), db)
    events: list[Event] = []
    try:
        await monitor.poll_cycle(listener=events.append)
        await monitor.poll_cycle(listener=events.append)
        # No backoff: the next poll is one ordinary interval away (600 s ± 10% jitter).
        assert 540 <= monitor.schedule.next_in("Quiet") <= 660
    finally:
        await monitor.aclose()
    return events


async def test_empty_rss_and_atom_feeds_keep_validators_and_get_304(
    server: LoopbackServer, tmp_path: Path
) -> None:
    for render in (rss, atom):
        db = tmp_path / f"{render.__name__}.db"
        events = await _poll_empty_twice(server, db, render)
        assert not [e for e in events if isinstance(e, FeedFailed)]
        assert rows(db, "SELECT etag, consecutive_failures, entries FROM feeds") == [('"e1"', 0, 0)]
        assert rows(db, "SELECT status, error FROM polls ORDER BY id") == [
            ("ok", None),
            ("not_modified", None),
        ]
        assert server.requests[-1].header("If-None-Match") == '"e1"'


async def test_cli_and_feeds_screen_say_ok_empty(server: LoopbackServer, tmp_path: Path) -> None:
    db = tmp_path / "sw.db"
    await _poll_empty_twice(server, db, rss)
    config = tmp_path / "feeds.toml"
    config.write_text(config_text({"Quiet": server.url("/quiet.xml")}), encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(config), "--db", str(db), "feeds"])
    assert result.exit_code == 0, result.output
    assert "ok (empty)" in result.output and "FAILING" not in result.output

    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, FeedsScreen)
        table = app.screen.query_one("#feeds")
        await wait_until(pilot, lambda: table.row_count == 1)  # type: ignore[attr-defined]
        (line,) = table_text(table)  # type: ignore[arg-type]
        assert line.startswith("Quiet") and "ok (empty)" in line

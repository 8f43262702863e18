"""Issue 12, the command line as a newcomer uses it: each test runs the real `storywatch`.

Options after the subcommand, -h/-V, one-line errors with exit 2, names typed in any
case, `figures`, `ack`, `changes --unseen`, and `poll`'s logging and notifications.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests import cli_config
from tests.feedgen import Item, rss
from tests.loopback import LoopbackServer, Reply

STORYWATCH = Path(sys.executable).with_name("storywatch")
DAY1 = datetime(2025, 9, 8, 9, 0, tzinfo=UTC)
DAY2 = datetime(2025, 9, 9, 9, 0, tzinfo=UTC)

FIGURES = (cli_config.TROOPS, cli_config.CONTRACTORS)

FIRST = Item(
    "a", "US troops in Iraq", "<p>About 2,500 US troops remain in Iraq, officials said.</p>", DAY1
)
SECOND = Item(
    "b", "Iraq troop cut", "<p>Some 2,000 US troops remain in Iraq, officials said.</p>", DAY2
)


def sw(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed `storywatch` script, as a user runs it; no terminal."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("STORYWATCH_")}
    return subprocess.run(
        [str(STORYWATCH), *args],
        capture_output=True,
        text=True,
        env={**clean, **(env or {})},
        cwd=cwd,
        timeout=60,
        check=False,
    )


def write_config(tmp_path: Path, feeds: dict[str, str], settings: str = "") -> Path:
    """The shared CLI story with both its figures (troops and contractors)."""
    return cli_config.write_config(tmp_path, feeds, settings=settings, figures=FIGURES)


@pytest.fixture
def polled(server: LoopbackServer, tmp_path: Path) -> tuple[Path, Path]:
    """A config and a database after two polls: one `new`, one `changed` change."""
    server.route("/wire.xml", [Reply(body=rss([FIRST])), Reply(body=rss([SECOND, FIRST]))])
    config = write_config(tmp_path, {"Wire": server.url("/wire.xml")})
    db = tmp_path / "sw.db"
    for _ in range(2):
        assert sw("poll", "--once", "--config", str(config), "--db", str(db)).returncode == 0
    return config, db


def test_options_after_the_subcommand_mean_the_same(tmp_path: Path) -> None:
    config = write_config(tmp_path, {})
    db = tmp_path / "after.db"
    result = sw("check", "--config", str(config), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert f"config:   {config}" in result.stdout and f"database: {db}" in result.stdout
    # After the command wins over before it (the nearer word is the one meant).
    result = sw(
        "--db", str(tmp_path / "before.db"), "check", "--config", str(config), "--db", str(db)
    )
    assert f"database: {db}" in result.stdout


def test_short_help_and_version_and_the_environment_in_help() -> None:
    top = sw("-h")
    assert top.returncode == 0 and "Usage: storywatch" in top.stdout
    for name in ("STORYWATCH_CONFIG", "STORYWATCH_DB"):
        assert name in top.stdout
    assert sw("poll", "-h").returncode == 0 and "--quiet" in sw("poll", "-h").stdout
    version = sw("-V")
    assert version.returncode == 0 and "0.1" in version.stdout


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["extract", "--published", "yesterday", "--text", "x"], "printed a traceback"),
        (["changes", "--since", "yesterday"], "silently printed nothing"),
        (["demo", "--speed", "0"], "was accepted"),
        (["demo", "--speed", "-1"], "was accepted"),
        (["demo", "--speed", "fast"], "not a number"),
    ],
)
def test_a_bad_value_is_one_line_and_exit_2(args: list[str], why: str, tmp_path: Path) -> None:
    result = sw(*args, "--db", str(tmp_path / "none.db"), cwd=tmp_path)
    assert result.returncode == 2, why
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("storywatch: error:"), result.stderr
    assert repr(args[2]) in lines[0]  # the value the user typed is named


@pytest.mark.parametrize(
    ("published", "as_of", "why"),
    [
        # 22:00 at UTC-5 is 03:00 UTC on 1 October: "by September" has passed.
        ("2025-09-30T22:00-05:00", "historic", "the offset was dropped: read as 22:00 UTC"),
        # 01:00 at UTC+3 is still 30 September in UTC: the deadline is ahead.
        ("2025-10-01T01:00+03:00", "current", "the offset was dropped: read as 01:00 UTC"),
    ],
)
def test_published_keeps_its_offset(published: str, as_of: str, why: str, tmp_path: Path) -> None:
    text = "US troops will leave Iraq by September, officials said."
    result = sw("extract", "--json", "--published", published, "--text", text, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["as_of"] == as_of, why


def test_extract_takes_a_sentence_with_text(tmp_path: Path) -> None:
    result = sw(
        "extract", "--json", "--text", "About 1,200 contractors remain in Iraq.", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["surface"] for line in result.stdout.splitlines()] == ["About 1,200"]


def test_figure_names_in_any_case_and_a_did_you_mean(polled: tuple[Path, Path]) -> None:
    config, db = polled
    paths = ["--config", str(config), "--db", str(db)]
    history = sw("history", "us troops in iraq", "--json", *paths)
    assert history.returncode == 0, history.stderr
    assert [json.loads(line)["value"] for line in history.stdout.splitlines()] == [2500, 2000]
    changes = sw("changes", "--figure", "US TROOPS IN IRAQ", "--json", *paths)
    assert len(changes.stdout.splitlines()) == 2
    typo = sw("changes", "--figure", "us troops in irq", *paths)
    assert typo.returncode == 2
    assert "did you mean 'US troops in Iraq'?" in typo.stderr


def test_figures_lists_named_then_unnamed_with_latest_value(polled: tuple[Path, Path]) -> None:
    config, db = polled
    result = sw("figures", "--config", str(config), "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("US troops in Iraq: Some 2,000 (officials, Wire,")
    assert "seen 2 times" in lines[0]
    assert lines[1] == "Contractors in Iraq: no reports yet"  # named in the config, unseen


def test_empty_changes_says_so(tmp_path: Path) -> None:
    config = write_config(tmp_path, {})
    db = tmp_path / "empty.db"
    assert sw("poll", "--once", "--config", str(config), "--db", str(db)).returncode == 0
    result = sw("changes", "--config", str(config), "--db", str(db))
    assert result.returncode == 0
    assert result.stdout == "" and result.stderr.strip() == "no changes yet"


def test_ack_and_changes_unseen(polled: tuple[Path, Path]) -> None:
    config, db = polled
    paths = ["--config", str(config), "--db", str(db)]
    assert len(sw("changes", "--unseen", "--json", *paths).stdout.splitlines()) == 2
    refused = sw("ack", *paths)
    assert refused.returncode == 2 and "--figure NAME or --all" in refused.stderr
    done = sw("ack", "--figure", "us troops in iraq", *paths)
    assert done.returncode == 0 and done.stdout.strip() == "acknowledged 2 changes"
    unseen = sw("changes", "--unseen", *paths)
    assert unseen.stdout == "" and "no unseen changes yet" in unseen.stderr
    assert sw("ack", "--all", *paths).stdout.strip() == "nothing to acknowledge"
    seen = [json.loads(line) for line in sw("changes", "--json", *paths).stdout.splitlines()]
    assert all(row["acknowledged_at"] for row in seen)


def test_poll_logs_names_zones_and_plurals(server: LoopbackServer, tmp_path: Path) -> None:
    server.route("/wire.xml", [Reply(body=rss([FIRST])), Reply(body=rss([SECOND, FIRST]))])
    config = write_config(tmp_path, {"Wire": server.url("/wire.xml")})
    db = tmp_path / "log.db"
    first = sw("poll", "--once", "--config", str(config), "--db", str(db))
    assert "polled 1 feed: 1 new report, 0 revisions, 0 figure changes, 0 failed" in first.stdout
    assert "\x1b" not in first.stdout  # no progress bar when not on a terminal
    second = sw("poll", "--once", "-v", "--config", str(config), "--db", str(db))
    log = [line for line in second.stdout.splitlines() if "changed:" in line]
    assert (
        len(log) == 1 and "US troops in Iraq: changed: about 2,500 -> about 2,000 (Wire)" in log[0]
    )
    assert log[0][19:25] == "+00:00", log[0]  # the stamp carries its zone
    quiet = sw("poll", "--once", "-q", "--config", str(config), "--db", str(db))
    assert quiet.returncode == 0 and quiet.stdout == ""


def test_headless_poll_runs_notify_command(server: LoopbackServer, tmp_path: Path) -> None:
    server.route("/wire.xml", [Reply(body=rss([FIRST])), Reply(body=rss([SECOND, FIRST]))])
    out = tmp_path / "notified.json"
    script = "import json, sys; open(sys.argv[1], 'a').write(json.dumps(sys.argv[2:]) + chr(10))"
    command = f"notify_command = [{sys.executable!r}, '-c', {script!r}, {str(out)!r}]"
    config = write_config(tmp_path, {"Wire": server.url("/wire.xml")}, settings=command)
    db = tmp_path / "n.db"
    for _ in range(2):
        result = sw("poll", "--once", "--config", str(config), "--db", str(db))
        assert result.returncode == 0, result.stderr
    calls = [json.loads(line) for line in out.read_text().splitlines()]
    assert calls == [["US troops in Iraq", "about 2,500", "about 2,000", "Wire", "changed"]]


def test_demo_db_has_one_meaning(tmp_path: Path) -> None:
    """--db before or after `demo` keeps the replay there; $STORYWATCH_DB never gets it."""
    before, after, env_db = tmp_path / "before.db", tmp_path / "after.db", tmp_path / "env.db"
    assert sw("--db", str(before), "demo", "--once").returncode == 0
    assert sw("demo", "--once", "--db", str(after)).returncode == 0
    assert before.exists() and after.exists()
    assert sw("demo", "--once", env={"STORYWATCH_DB": str(env_db)}).returncode == 0
    assert not env_db.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_poll_once_on_a_terminal_draws_a_bar_and_rings(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """On a terminal: rich's bar (feeds done of total), and `bell = true` rings on a change."""
    import pty

    server.route("/wire.xml", [Reply(body=rss([FIRST])), Reply(body=rss([SECOND, FIRST]))])
    server.route("/calm.xml", Reply(body=rss([FIRST])))
    feeds = {"Wire": server.url("/wire.xml"), "Calm": server.url("/calm.xml")}
    config = write_config(tmp_path, feeds, settings="bell = true")
    db = tmp_path / "tty.db"
    assert sw("poll", "--once", "--config", str(config), "--db", str(db)).returncode == 0
    leader, follower = pty.openpty()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("STORYWATCH_")}
    proc = subprocess.Popen(
        [str(STORYWATCH), "poll", "--once", "--config", str(config), "--db", str(db)],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env={**clean, "TERM": "xterm-256color", "COLUMNS": "100"},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=30)
    os.close(leader)
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode("utf-8", "replace"))
    assert proc.returncode == 0, screen
    assert "polling" in screen and "0/2 feeds" in screen  # the bar: done out of total
    assert "━" in screen
    assert "\a" in screen  # the bell, for the one change
    assert "polled 2 feeds: 1 new report" in screen


def test_every_subcommand_takes_config_and_db_after_it() -> None:
    """The group's --config/--db, after any subcommand (new ones included)."""
    import click

    from tui.cli import main

    ctx = click.Context(main)

    def leaves(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
        out = []
        # list_commands/get_command, not .commands: some are imported only when asked for.
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            if isinstance(command, click.Group):
                out += leaves(command, (*prefix, name))
            else:
                out.append((*prefix, name))
        return out

    commands = leaves(main)
    assert {("poll",), ("check",), ("opml", "import"), ("ack",)} <= set(commands)
    for command in commands:
        result = sw(*command, "-h")
        assert result.returncode == 0, (command, result.stderr)
        assert "--config" in result.stdout and "--db" in result.stdout, command

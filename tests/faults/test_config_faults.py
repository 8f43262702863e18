"""Broken feeds.toml: every problem named with where and a hint; a broken hot edit is ignored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.pipeline import config_for, config_text, monitor_for
from tui.cli import main
from tui.core.config import ConfigError, parse_config
from tui.headless import _maybe_reload


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    return list(caught.value.problems)


def test_bad_toml_names_line_and_column() -> None:
    (line,) = problems('[settings]\ninterval = 600\n[[feeds]]\nname = "a\nurl = "b"\n')
    assert line.startswith("feeds.toml: TOML syntax error:")
    assert "line 4, column" in line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[settings]\nintervall = 3\n",
            "settings.intervall: unknown key (did you mean 'interval'?)",
        ),
        ("[settings]\ndeadlin = 3\n", "settings.deadlin: unknown key (did you mean 'deadline'?)"),
        ('[[feeds]]\nname = "a"\nurl = "http://x/"\nenabeld = true\n', "did you mean 'enabled'?"),
        ("[story]\nkeyword = ['Iraq']\n", "story.keyword: unknown key (did you mean 'keywords'?)"),
        ("[setings]\ninterval = 3\n", "setings: unknown key (did you mean 'settings'?)"),
        ("[settings]\nzzz = 1\n", "settings.zzz: unknown key (known keys: interval, timeout"),
    ],
)
def test_unknown_and_misspelt_keys_are_named_with_a_suggestion(text: str, expected: str) -> None:
    assert any(expected in line for line in problems(text)), problems(text)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("ftp://example.com/feed", "scheme 'ftp' is not supported"),
        ("javascript:alert(1)", "scheme 'javascript' is not supported"),
        ("http://", "has no host name"),
        ("", "at least 1 character"),
    ],
)
def test_bad_urls(url: str, expected: str) -> None:
    found = problems(f'[[feeds]]\nname = "a"\nurl = "{url}"\n')
    assert len(found) == 1 and found[0].startswith("feeds.toml: feeds[0].url: ")
    assert expected in found[0]


def test_duplicate_names_and_urls_are_all_listed() -> None:
    text = (
        '[[feeds]]\nname = "a"\nurl = "http://x/1"\n'
        '[[feeds]]\nname = "a"\nurl = "http://x/2"\n'
        '[[feeds]]\nname = "c"\nurl = "http://x/1"\n'
    )
    assert problems(text) == [
        "feeds.toml: feeds[1].name: 'a' is also feeds[0]",
        "feeds.toml: feeds[2].url: 'http://x/1' is also feeds[0]",
    ]


@pytest.mark.parametrize(
    ("setting", "where"),
    [
        ("interval = -5", "settings.interval"),
        ("interval = 0", "settings.interval"),
        ("deadline = 0", "settings.deadline"),
        ("concurrency = 100000", "settings.concurrency"),
        ("max_body_bytes = 10", "settings.max_body_bytes"),
        ("dispute_window_hours = -1", "settings.dispute_window_hours"),
        ('interval = "soon"', "settings.interval"),
    ],
)
def test_out_of_range_values_are_named(setting: str, where: str) -> None:
    (line,) = problems(f"[settings]\n{setting}\n")
    assert line.startswith(f"feeds.toml: {where}: ")


def test_every_problem_is_reported_at_once() -> None:
    text = '[settings]\nintervall = 3\nconcurrency = 0\n[[feeds]]\nname = "a"\nurl = "ftp://x"\n'
    assert len(problems(text)) == 3


def test_an_empty_feed_list_polls_nothing_and_checks_ok(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\ninterval = 600\n")
    db = tmp_path / "sw.db"
    runner = CliRunner()
    result = runner.invoke(main, ["--config", str(config), "--db", str(db), "poll", "--once"])
    assert result.exit_code == 0
    assert "feeds.toml has no enabled feeds: nothing to poll" in result.stderr
    check = runner.invoke(main, ["--config", str(config), "--db", str(db), "check"])
    assert check.exit_code == 0
    assert "ok: 0 feeds (0 enabled), 0 named figures" in check.stdout


def test_check_exits_2_with_one_line_per_problem(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nintervall = 3\n[[feeds]]\nname = 'a'\nurl = 'ftp://x'\n")
    result = CliRunner().invoke(main, ["--config", str(config), "check"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "feeds.toml: settings.intervall: unknown key (did you mean 'interval'?)",
        "feeds.toml: feeds[0].url: scheme 'ftp' is not supported: use http://, https://, "
        "file:// or a local path",
    ]


async def test_a_broken_hot_edit_keeps_the_last_good_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "feeds.toml"
    good = {"A": "http://127.0.0.1:9/a.xml"}
    path.write_text(config_text(good))
    monitor = monitor_for(config_for(good), tmp_path / "sw.db")
    try:
        last = path.stat().st_mtime
        path.write_text(config_text(good) + "[[feeds]]\nname = 'B'\nurl = 'ftp://nope'\n")
        os.utime(path, (last + 5, last + 5))
        seen = _maybe_reload(monitor, path, last)
        assert seen == last + 5  # the broken edit is remembered, so it is reported once
        last = last + 5
        assert [f.name for f in monitor.config.feeds] == ["A"]
        out = capsys.readouterr().out
        assert f"{path} has problems; keeping the previous config:" in out
        assert "feeds[1].url: scheme 'ftp' is not supported" in out
        assert "A" in monitor.schedule and "B" not in monitor.schedule

        assert _maybe_reload(monitor, path, last) == last  # unchanged file: nothing said
        assert capsys.readouterr().out == ""

        path.write_text(config_text({**good, "B": "http://127.0.0.1:9/b.xml"}))
        os.utime(path, (last + 10, last + 10))
        _maybe_reload(monitor, path, last)
        assert [f.name for f in monitor.config.feeds] == ["A", "B"]
        assert "B" in monitor.schedule
        assert f"reloaded {path}" in capsys.readouterr().out

        path.unlink()  # a deleted file is not a broken one: keep polling
        assert _maybe_reload(monitor, path, last + 10) == last + 10
        assert [f.name for f in monitor.config.feeds] == ["A", "B"]
    finally:
        await monitor.aclose()

"""feeds.toml validation: every problem reported at once, in words a user can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.config import (
    ConfigError,
    load_config,
    parse_config,
    resolve_config_path,
    resolve_db_path,
)

GOOD = """
[story]
title = "US troops leave Iraq"
keywords = [["Iraq", "Erbil"], ["troops", "withdraw*"]]
exclude = ["football"]

[settings]
interval = 600
concurrency = 4

[[feeds]]
name = "Wire"
url = "https://example.org/world.rss"

[[feeds]]
name = "Archive"
url = "archive/feed.xml"
enabled = false

[[figures]]
name = "US troops in Iraq"
things = ["troops", "soldiers"]
places = ["Iraq"]
actors = ["US"]
kind = "count"
predicate = "presence"
"""


def test_a_good_file_is_typed() -> None:
    config = parse_config(GOOD)
    assert config.story.keyword_groups() == [["Iraq", "Erbil"], ["troops", "withdraw*"]]
    assert config.settings.interval == 600
    assert [f.name for f in config.feeds] == ["Wire", "Archive"]
    assert config.feeds[1].is_local and not config.feeds[0].is_local
    assert config.figures[0].predicate == "presence"


def test_a_flat_keyword_list_means_any_of_them() -> None:
    config = parse_config('[story]\nkeywords = ["Iraq", "Syria"]\n')
    assert config.story.keyword_groups() == [["Iraq", "Syria"]]


def problems(text: str) -> tuple[str, ...]:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    return info.value.problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '[[feeds]]\nname = "a"\nurl = "ftp://x/y"\n',
            "feeds.toml: feeds[0].url: scheme 'ftp' is not supported",
            id="bad-scheme",
        ),
        pytest.param(
            '[[feeds]]\nname = "a"\nurl = "https://"\n',
            "feeds.toml: feeds[0].url: 'https://' has no host name",
            id="no-host",
        ),
        pytest.param(
            '[[feeds]]\nname = "a"\nurl = "https://x/a"\nintreval = 5\n',
            "feeds.toml: feeds[0].intreval: unknown key (did you mean 'interval'?)",
            id="misspelt-key",
        ),
        pytest.param(
            "[setings]\ninterval = 5\n",
            "feeds.toml: setings: unknown key (did you mean 'settings'?)",
            id="misspelt-section",
        ),
        pytest.param(
            '[[feeds]]\nname = "a"\nurl = "https://x/a"\ninterval = 0\n',
            "feeds.toml: feeds[0].interval: Input should be greater than 0",
            id="zero-interval",
        ),
        pytest.param(
            "[settings]\nconcurrency = -1\n",
            "feeds.toml: settings.concurrency: Input should be greater than or equal to 1",
            id="negative-concurrency",
        ),
        pytest.param(
            '[[feeds]]\nname = "a"\nurl = "https://x/a"\n[[feeds]]\nname = "a"\nurl = "https://x/b"\n',
            "feeds.toml: feeds[1].name: 'a' is also feeds[0]",
            id="duplicate-name",
        ),
        pytest.param(
            '[[feeds]]\nname = "a"\nurl = "https://x/a"\n[[feeds]]\nname = "b"\nurl = "https://x/a"\n',
            "feeds.toml: feeds[1].url: 'https://x/a' is also feeds[0]",
            id="duplicate-url",
        ),
        pytest.param(
            '[[figures]]\nname = "x"\nthings = ["troops"]\nkind = "weight"\n',
            "feeds.toml: figures[0].kind: Input should be 'count', 'money', 'percent' or 'date'",
            id="bad-figure-kind",
        ),
        pytest.param(
            "[story\ntitle = 1\n",
            "feeds.toml: TOML syntax error: ",
            id="toml-syntax",
        ),
    ],
)
def test_each_problem_is_one_actionable_line(text: str, expected: str) -> None:
    found = problems(text)
    assert any(line.startswith(expected) for line in found), found


def test_toml_syntax_errors_give_line_and_column() -> None:
    (line,) = problems('[story]\ntitle = "x"\nkeywords = [1,, 2]\n')
    assert "line" in line and "column" in line


def test_every_problem_is_reported_at_once() -> None:
    text = (
        '[[feeds]]\nname = "a"\nurl = "gopher://x"\n'
        '[[feeds]]\nname = "b"\nurl = "https://x/b"\ninterval = -5\nenabeld = true\n'
    )
    found = problems(text)
    assert len(found) == 3, found


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.toml")
    assert "no such file" in str(info.value)


def test_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYWATCH_CONFIG", raising=False)
    monkeypatch.delenv("STORYWATCH_DB", raising=False)
    assert resolve_config_path(None).name == "feeds.toml"
    assert resolve_config_path(None).parent != Path(".")  # platform dir when ./feeds.toml absent
    (tmp_path / "feeds.toml").write_text("")
    assert resolve_config_path(None) == Path("feeds.toml")
    monkeypatch.setenv("STORYWATCH_CONFIG", "/env/feeds.toml")
    assert resolve_config_path(None) == Path("/env/feeds.toml")
    assert resolve_config_path("/cli.toml") == Path("/cli.toml")

    config = parse_config('[settings]\ndatabase = "/from/settings.db"\n')
    assert resolve_db_path(None, config) == Path("/from/settings.db")
    monkeypatch.setenv("STORYWATCH_DB", "/env.db")
    assert resolve_db_path(None, config) == Path("/env.db")
    assert resolve_db_path("/cli.db", config) == Path("/cli.db")


def test_the_plain_sections_default_as_the_schema_does() -> None:
    from tui.core.config import Config, Settings, StorySection

    assert Settings() == Settings.model_validate({})
    assert StorySection() == StorySection.model_validate({})
    assert Config() == Config.model_validate({})
    assert Config.model_validate({"settings": {"interval": 5}}).settings.interval == 5.0


def test_a_validated_file_is_remembered_by_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second load of the same file reads the remembered values: no TOML, no pydantic.
    An edited file is validated anew; a file with problems is never remembered."""
    from tui.core import config_schema

    monkeypatch.setenv("STORYWATCH_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "feeds.toml"
    path.write_text(GOOD)
    first = load_config(path)
    assert len(list((tmp_path / "cache").glob("validated-config-*.json"))) == 1

    def refuse(*args: object) -> None:
        raise AssertionError("validated again")

    with monkeypatch.context() as patched:
        patched.setattr(config_schema, "validated", refuse)
        again = load_config(path)
    assert again == first and type(again.settings.interval) is float
    assert again.feeds[1].is_local and again.story.keyword_groups() == first.story.keyword_groups()

    path.write_text(GOOD.replace("interval = 600", "interval = 0"))
    for _ in range(2):  # a bad file says so every time
        with pytest.raises(ConfigError, match=r"settings\.interval"):
            load_config(path)
    assert len(list((tmp_path / "cache").glob("validated-config-*.json"))) == 1


def test_an_unreadable_remembered_file_is_validated_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYWATCH_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "feeds.toml"
    path.write_text(GOOD)
    first = load_config(path)
    (remembered,) = (tmp_path / "cache").glob("validated-config-*.json")
    for broken in ("{", '{"story": {}}', "[]", '{"story": {"nope": 1}}'):
        remembered.write_text(broken)
        assert load_config(path) == first

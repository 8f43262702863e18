"""First run with no feeds.toml anywhere: offer the commented starter config."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from tui.cli import main
from tui.core.config import parse_config
from tui.first_run import offer_starter_config, starter_config_text


def test_the_starter_config_is_the_repository_one_and_valid() -> None:
    text = starter_config_text()
    config = parse_config(text)
    assert config.story.title == "US troop withdrawal from Iraq"
    assert {f.name for f in config.figures} >= {"US troops in Iraq", "Withdrawal deadline"}
    assert text.startswith("#")  # commented, as promised


def _offer(path: Path, answer: str) -> tuple[bool, str]:
    result: list[bool] = []

    @click.command()
    def ask() -> None:
        result.append(offer_starter_config(path, interactive=True))

    out = CliRunner().invoke(ask, input=answer)
    return result[0], out.output


def test_yes_writes_it_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "config" / "feeds.toml"
    wrote, output = _offer(path, "y\n")
    assert wrote
    assert path.read_text() == starter_config_text()
    assert f"Wrote {path}" in output


def test_no_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    wrote, output = _offer(path, "n\n")
    assert not wrote
    assert not path.exists()
    assert "storywatch demo" in output


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text("# mine\n")
    wrote, _ = _offer(path, "y\n")
    assert not wrote
    assert path.read_text() == "# mine\n"


def test_without_a_terminal_the_dashboard_explains_and_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "feeds.toml"
    result = CliRunner().invoke(main, ["--config", str(missing), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "No feeds.toml found" in result.output
    assert "storywatch demo" in result.output
    assert not missing.exists()

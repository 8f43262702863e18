"""What a start of `storywatch extract` imports: only what extracting needs (issue 9's
cold start), while every command stays listed and reachable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tui.cli import main

NOT_FOR_EXTRACT = [
    # the other commands' modules (imported when their command is asked for)
    "tui.cli_figures",
    "tui.cli_formats",
    "tui.cli_opml",
    "tui.cli_prune",
    "tui.suggest_command",
    # what a warm start needs no longer: building the gazetteer, writing a cache file,
    # OpenSSL's hashes, a poll cycle's events, the config's validation
    "tui.core.claims.gazetteer_build",
    "tempfile",
    "hashlib",
    "tui.core.events",
    "pydantic",
]


def test_extract_imports_no_other_command(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from tui.cli import main\n"
        "main(['extract', '--json', '--text', 'About 2,500 US troops remain in Iraq.'],"
        " standalone_mode=False)\n"
        f"print(json.dumps(sorted(m for m in {NOT_FOR_EXTRACT!r} if m in sys.modules)))\n"
        "print(json.dumps('platformdirs' in sys.modules))\n"
    )
    # Twice: the first run may build the caches (and import what building needs).
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,  # no feeds.toml here: the config is looked up in the XDG dir
        ).stdout.splitlines()
    assert json.loads(out[0])["surface"] == "About 2,500"
    assert json.loads(out[-2]) == []
    if sys.platform == "linux":
        assert json.loads(out[-1]) is False, "the XDG dirs are found without platformdirs"


def test_every_command_is_listed_and_runs_its_help() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["--help"]).output
    for name in ("ack", "extract", "figures", "metadata", "opml", "prune", "suggest", "poll"):
        assert f"\n  {name} " in listed
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_a_mistyped_command_is_still_matched_among_all() -> None:
    """click suggests a command among those it holds (newer releases name it: "Did you
    mean 'figures'?"), so a mistyped one loads every lazy command first. In a fresh
    process: another test may have loaded them already in this one."""
    code = (
        "from click.testing import CliRunner\n"
        "from tui.cli import _ELSEWHERE, main\n"
        "result = CliRunner().invoke(main, ['figrues'])\n"
        "print(result.exit_code)\n"
        "print(sorted(set(_ELSEWHERE) - set(main.commands)))\n"
        "print('Did you mean' in result.output, \"Did you mean 'figures'?\" in result.output)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "2" and out[1] == "[]"
    suggests, suggests_figures = out[2].split()
    assert suggests == suggests_figures, "when click suggests a command, it is the right one"

"""The feeds.toml the command-line tests write: one story, its named figures, any feeds.

`test_cli.py`, `test_cli_everyday.py` and `test_data_in_out.py` all run the CLI on this one
story; each chooses its figures and extra `[settings]` lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tests.feedgen import feeds_toml

STORY = """
[story]
title = "US troop withdrawal from Iraq"
keywords = [["Iraq"], ["troop*"]]

[settings]
interval = 600
deadline = {deadline}
"""

TROOPS = """
[[figures]]
name = "US troops in Iraq"
things = ["troops"]
places = ["Iraq"]
actors = ["US"]
"""

CONTRACTORS = """
[[figures]]
name = "Contractors in Iraq"
things = ["contractors"]
places = ["Iraq"]
"""


def config_text(
    feeds: dict[str, str],
    *,
    settings: str = "",
    figures: Sequence[str] = (TROOPS,),
    deadline: float = 30,
) -> str:
    """The whole file: the story, `settings` lines added to `[settings]`, the figures, the
    feeds (name -> URL). `deadline` is the seconds a whole fetch may take."""
    story = STORY.format(deadline=f"{deadline:g}")
    return story + settings + "\n" + "".join(figures) + feeds_toml(feeds)


def write_config(
    tmp_path: Path,
    feeds: dict[str, str],
    *,
    settings: str = "",
    figures: Sequence[str] = (TROOPS,),
    deadline: float = 30,
) -> Path:
    path = tmp_path / "feeds.toml"
    text = config_text(feeds, settings=settings, figures=figures, deadline=deadline)
    path.write_text(text, encoding="utf-8")
    return path

"""The demo's feeds.toml, as a TOML string checked by the same `parse_config` users get.

Writing it as TOML (not building `Config` objects) keeps it an honest example of the file a
user would write for this story, and the same validation runs on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from tui.core.config import Config, parse_config
from tui.demo.story import OUTLETS

TITLE = "US troop withdrawal from Iraq"

_TEMPLATE = """\
[story]
title = "{title}"
# One word of each group must appear: a place, and something military.
keywords = [
  ["Iraq", "Iraqi", "Syria", "Baghdad", "Erbil", "Anbar", "Kuwait"],
  ["troop*", "soldier*", "forces", "withdraw*", "base*", "personnel", "military"],
]

[settings]
interval = {interval}
# The demo server is local and instant; a short deadline keeps a stuck poll visible.
timeout = 5
deadline = 10

[[figures]]
name = "US troops in Iraq"
things = ["troops", "soldiers", "service members", "personnel", "forces"]
places = ["Iraq"]
actors = ["US"]
kind = "count"
predicate = "presence"

[[figures]]
name = "US troops in Syria"
things = ["troops", "soldiers", "service members", "personnel", "forces"]
places = ["Syria"]
actors = ["US"]
kind = "count"
predicate = "presence"

[[figures]]
name = "Withdrawal deadline"
things = ["withdrawal", "withdraw", "mission end"]
kind = "date"
"""


def demo_toml(urls: Mapping[str, str], *, interval: float) -> str:
    """The demo config text; `urls` maps outlet slug -> the URL serving its feed."""
    feeds = "".join(f'\n[[feeds]]\nname = "{o.name}"\nurl = "{urls[o.slug]}"\n' for o in OUTLETS)
    return _TEMPLATE.format(title=TITLE, interval=float(interval)) + feeds


def demo_config(urls: Mapping[str, str], *, interval: float = 5.0) -> Config:
    """The validated demo `Config` (raises `ConfigError` if the template ever breaks)."""
    return parse_config(demo_toml(urls, interval=interval), Path("demo-feeds.toml"))

"""Dashboard preferences kept between runs (today: the theme), in a small JSON file.

The file lives in the platform state dir; a missing, unreadable or foreign file is
ignored rather than stopping the dashboard.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from tui.core.formats import write_atomically


def default_prefs_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("storywatch")) / "dashboard.json"


def load_prefs(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_pref(path: Path | None, name: str, value: Any) -> None:
    if path is None:
        return
    prefs = load_prefs(path)
    if prefs.get(name) == value:
        return
    prefs[name] = value
    with contextlib.suppress(OSError):  # a read-only home must not break the dashboard
        write_atomically(path, json.dumps(prefs, indent=2) + "\n")

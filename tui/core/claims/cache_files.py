"""The extractor's files in the user cache dir (the gazetteer's index, the compiled
patterns): where they live, and writing one whole or not at all.

``$STORYWATCH_CACHE`` overrides the directory. Every failure here is silent: a cache
that cannot be written only means the work is done again next time.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from tui.core.paths import APP_NAME, xdg_dir

CACHE_ENV = "STORYWATCH_CACHE"
STALE_AFTER = 7 * 24 * 3600  # seconds before an unused cache file of another version goes


def cache_dir() -> Path:
    """``$STORYWATCH_CACHE``, else platformdirs' user cache dir (found without importing
    platformdirs on Linux: see ``paths.xdg_dir``)."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    fast = xdg_dir("XDG_CACHE_HOME", "~/.cache")
    if fast is not None:
        return fast
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


def write_atomic(path: Path, data: bytes, *, family: str) -> bool:
    """Write `data` to `path` so that a reader never sees half a file; then remove the
    files of the same `family` (a glob, "gazetteer-*") not written for a week: an upgrade
    changes the name, but another install of storywatch (a tool install beside a project
    venv) may still be using its own. False when the file could not be written."""
    import tempfile  # only when writing: ~3 ms of every start otherwise

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        tmp = None
        week_ago = time.time() - STALE_AFTER
        for old in path.parent.glob(family):
            if old != path and old.stat().st_mtime < week_ago:
                old.unlink(missing_ok=True)
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

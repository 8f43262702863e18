"""`[settings].changes_feed`: the change log as an Atom file, rewritten after every poll."""

from __future__ import annotations

from pathlib import Path

from tui.core.config import Config
from tui.core.formats import feed_id_for, to_atom, write_atomically
from tui.core.store import Store
from tui.core.store.changes import change_log

# The newest changes a feed reader is offered; older ones stay in `storywatch changes`.
FEED_ENTRIES = 200


def changes_feed_path(config: Config, config_path: Path | None) -> Path | None:
    """Where the feed goes: a relative path is relative to the config file."""
    if not config.settings.changes_feed:
        return None
    path = Path(config.settings.changes_feed).expanduser()
    if not path.is_absolute() and config_path is not None:
        path = config_path.parent / path
    return path


def write_changes_feed(config: Config, config_path: Path | None, db_path: Path) -> Path | None:
    """Rewrite the feed atomically (readers never see half a file); None if none is set."""
    path = changes_feed_path(config, config_path)
    if path is None:
        return None
    with Store(db_path, readonly=True) as store:
        rows = change_log(store, limit=FEED_ENTRIES)
    write_atomically(path, to_atom(rows, title=config.story.title, feed_id=feed_id_for(db_path)))
    return path

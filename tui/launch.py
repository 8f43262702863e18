"""One factory for the dashboard: used by the CLI, the demo and the tests.

Everything that varies between them is injected: clock, HTTP transport (a `Fetcher`),
paths, whether to poll and when first.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.config import Config
from tui.core.store import Store, StoreError

if TYPE_CHECKING:
    from tui.app import StorywatchApp
    from tui.core.monitor import Monitor

EXIT_STORE = 1


def build_app(
    config: Config,
    db_path: Path,
    *,
    config_path: Path | None = None,
    clock: Callable[[], datetime] | None = None,
    fetcher: Any = None,
    poll: bool = True,
    first_poll_delay: float = 0.0,
    title_suffix: str = "",
    export_dir: Path | None = None,
    prefs_path: Path | None = None,
) -> StorywatchApp:
    """The dashboard on `db_path` (created if missing; raises StoreError if unusable).

    `fetcher` is a `tui.core.fetch.Fetcher` (e.g. one on a test transport); `poll=False`
    shows the database without polling; `config_path` enables hot reload of feeds.toml.
    """
    from tui.app import StorywatchApp
    from tui.core.clock import utc_now

    Store(db_path).close()  # create or migrate now, before any reader opens it read-only
    now = clock or utc_now

    def monitor_factory(cfg: Config) -> Monitor:
        from tui.core.monitor import Monitor

        return Monitor(cfg, db_path, fetcher=fetcher, clock=now)

    return StorywatchApp(
        config,
        db_path,
        config_path=config_path,
        clock=now,
        monitor_factory=monitor_factory if poll else None,
        poll=poll,
        first_poll_delay=first_poll_delay,
        title_suffix=title_suffix,
        export_dir=export_dir,
        prefs_path=prefs_path,
    )


def default_prefs_path() -> Path:
    from tui.prefs import default_prefs_path as path

    return path()


def run_dashboard(config: Config, config_path: Path, db_path: Path) -> None:
    """`storywatch` / `storywatch run`, once the CLI has found and validated the files."""
    try:
        app = build_app(config, db_path, config_path=config_path, prefs_path=default_prefs_path())
    except StoreError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(EXIT_STORE) from None
    app.run()

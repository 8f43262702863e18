"""A real dashboard in its own process, driven like a user, for the shared-database soak.

    python -m tests.faults.dashboard_driver FEEDS_TOML DB OUT_JSON

Runs the StorywatchApp headless (it finds the poller lock held, so it watches), and until
SIGTERM keeps browsing: the change log, the feeds screen, back, acknowledge all. On
SIGTERM it quits and writes {"errors": [...], "actions": n, "mode": ...} to OUT_JSON:
`errors` are the app's own error notifications (a failed database job shows as one).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
from pathlib import Path

from tui.core.config import load_config
from tui.launch import build_app

KEYS = ["c", "escape", "f", "escape", "A", "slash", "escape"]


async def drive(config_path: Path, db: Path) -> dict[str, object]:
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    app = build_app(load_config(config_path), db, poll=True)
    app.watch_interval = 0.2
    actions = 0
    async with app.run_test(size=(120, 40)) as pilot:
        while not stop.is_set():
            await pilot.press(KEYS[actions % len(KEYS)])
            actions += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=0.15)
        mode = app.poller.mode
        errors = [n.message for n in app._notifications if n.severity == "error"]
    return {"errors": errors, "actions": actions, "mode": mode}


if __name__ == "__main__":
    result = asyncio.run(drive(Path(sys.argv[1]), Path(sys.argv[2])))
    Path(sys.argv[3]).write_text(json.dumps(result), encoding="utf-8")

"""Run the bundled replay: headless (print the changes) or in the dashboard.

Both modes serve the story from `DemoServer` on 127.0.0.1 and poll it with the ordinary
`Monitor`, so the demo exercises the same fetch -> parse -> extract -> ledger path as a real
session. Headless mode stops the clock at each step's date, so publication times, "detected
at" times and the dispute window line up with the story's calendar.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.demo.config import demo_config
from tui.demo.server import DemoServer
from tui.demo.story import OUTLETS, STEPS

if TYPE_CHECKING:
    from tui.core.config import Config
    from tui.core.models import Event

# Seconds between story steps in the dashboard at speed 1: long enough to read a change,
# short enough that the whole story plays out in about a minute.
SECONDS_PER_STEP = 5.0
Out = Callable[[str], None]


def _urls(server: DemoServer) -> dict[str, str]:
    return {o.slug: server.url(o) for o in OUTLETS}


@contextlib.contextmanager
def _database(db_path: Path | None) -> Iterator[Path]:
    """The given database, or a throw-away one removed afterwards."""
    if db_path is not None:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        yield db_path
        return
    with tempfile.TemporaryDirectory(prefix="storywatch-demo-") as tmp:
        yield Path(tmp) / "demo.db"


def run_demo_headless(
    *, db_path: Path | None, speed: float = 0.0, steps: int | None = None, out: Out = print
) -> int:
    """Play the story through the monitor without a screen; print changes, then the log.

    `speed` > 0 waits `SECONDS_PER_STEP / speed` seconds between steps (to watch it unfold);
    0 runs flat out. `steps` stops early. Returns an exit code (0).
    """
    with _database(db_path) as path:
        asyncio.run(_play(path, speed=speed, steps=steps, out=out))
        _print_log(path, out)
        if db_path is not None:
            out(f"database: {db_path}")
    return 0


async def _play(db_path: Path, *, speed: float, steps: int | None, out: Out) -> None:
    from tui.core.models import FigureChanged, NewReport, NewRevision
    from tui.core.monitor import Monitor

    wanted = len(STEPS) if steps is None else max(0, min(steps, len(STEPS)))
    with DemoServer() as server:
        config = demo_config(_urls(server), interval=SECONDS_PER_STEP)
        now: list[datetime] = [STEPS[0].at]
        monitor = Monitor(config, db_path, clock=lambda: now[0])

        def listen(event: Event) -> None:
            if isinstance(event, FigureChanged):
                old = f"{event.old_value} -> " if event.old_value else ""
                margin = " (small move)" if event.within_margin else ""
                out(
                    f"    {event.verdict.value.upper():<9} {event.figure}: {old}"
                    f"{event.new_value} ({event.feed}){margin}"
                )
            elif isinstance(event, NewRevision):
                out(f"    edited    {event.feed}: {event.title} (now version {event.revision})")
            elif isinstance(event, NewReport) and not event.on_story:
                out(f"    off-story {event.feed}: {event.title}")

        try:
            for index in range(wanted):
                server.advance()
                now[0] = STEPS[index].at
                out(
                    f"step {index + 1}/{len(STEPS)}  {STEPS[index].at:%a %d %b %Y}  "
                    f"{STEPS[index].summary}"
                )
                finished = await monitor.poll_cycle(listener=listen)
                for feed, error in finished.errors:
                    out(f"    error     {feed}: {error}")
                if speed > 0 and index + 1 < wanted:
                    await asyncio.sleep(SECONDS_PER_STEP / speed)
        finally:
            await monitor.aclose()


def _print_log(db_path: Path, out: Out) -> None:
    from tui.core.store import Store
    from tui.core.store.changes import change_log, describe_change

    with Store(db_path, readonly=True) as store:
        rows = change_log(store, limit=1000)
    out("")
    out(f"change log ({len(rows)} entries, newest first):")
    for row in rows:
        out(describe_change(row))


class StepTicker:
    """Advances the demo server every `period` seconds on a daemon thread, until the end.

    It only moves on once every feed has been fetched at the current step: merging two
    steps into one poll could reorder observations and change the verdicts the story shows.
    """

    def __init__(
        self,
        server: DemoServer,
        period: float,
        *,
        on_step: Callable[[int], None] | None = None,
        on_end: Callable[[], None] | None = None,
    ) -> None:
        self._server = server
        self._period = period
        self._on_step = on_step or (lambda index: None)
        self._on_end = on_end or (lambda: None)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="storywatch-demo-steps", daemon=True)

    def start(self) -> StepTicker:
        self._server.advance()  # the first step is live before the first poll
        self._thread.start()
        return self

    def _run(self) -> None:
        self._on_step(self._server.step)
        while not self._stop.wait(self._period):
            while not self._server.all_polled():
                if self._stop.wait(0.1):
                    return
            if not self._server.advance():
                self._on_end()
                return
            self._on_step(self._server.step)

    def stop(self) -> None:
        self._stop.set()


def demo_session(*, speed: float = 1.0) -> tuple[DemoServer, Config, float]:
    """A started server and its config for a live (dashboard) run; the caller stops the server.

    The config's polling interval equals the time per step, so each step is polled about once.
    """
    period = SECONDS_PER_STEP / speed if speed > 0 else SECONDS_PER_STEP
    server = DemoServer().start()
    return server, demo_config(_urls(server), interval=period), period


def run_demo_tui(*, db_path: Path | None, speed: float = 1.0) -> int:
    """Open the dashboard on the replay: the story advances a step every few seconds."""
    # Imported lazily (Textual loads only for the dashboard) and by name, because the
    # dashboard factory is developed alongside this module.
    build_app = importlib.import_module("tui.launch").build_app

    server, config, period = demo_session(speed=speed)
    try:
        with _database(db_path) as path:
            app = build_app(
                config,
                path,
                # Story time: "detected at" reads as the step's date, as in headless mode.
                clock=lambda: STEPS[server.step].at,
                poll=True,
                first_poll_delay=0.2,
                title_suffix=" (demo replay)",
                prefs_path=importlib.import_module("tui.prefs").default_prefs_path(),
            )
            ticker = StepTicker(
                server,
                period,
                on_step=lambda index: _caption(app, step_caption(index)),
                on_end=lambda: _caption(app, ENDED, title="demo over", timeout=3600),
            ).start()
            try:
                app.run()
            finally:
                ticker.stop()
    finally:
        server.stop()
    return 0


ENDED = "The replay has ended: every report is in. Look around, or q to quit."


def step_caption(index: int) -> str:
    """ "Step 3 of 12: Syria enters the ledger..."."""
    return f"Step {index + 1} of {len(STEPS)}: {STEPS[index].summary}"


def _caption(app: Any, text: str, *, title: str = "demo", timeout: float = 5.0) -> None:
    """Show a caption from the ticker's thread, once the app is up (the first step is
    announced before it has started); a caption after the app quit is dropped."""
    for _ in range(200):
        if app.is_running:
            break
        time.sleep(0.05)
    with contextlib.suppress(RuntimeError):  # the app has stopped meanwhile
        app.call_from_thread(app.notify, text, title=title, timeout=timeout, markup=False)

"""Database work for the app: reads and writes on thread workers, acknowledgement, export.

Each job opens its own `Store` on its thread (SQLite connections never cross threads) and
posts one small message back to whoever asked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker, get_current_worker

from tui.core.config import Config
from tui.core.store import Store, iso
from tui.core.store.changes import acknowledge, export_changes
from tui.core.store.figures import pending_change_ids
from tui.core.store.refs import FigureRef
from tui.messages import Acknowledged, DataChanged

T = TypeVar("T")


class DatabaseApp(App[None]):
    """The database half of `StorywatchApp`: every worker runs on the app."""

    db_path: Path
    export_dir: Path
    config: Config
    clock: Callable[[], datetime]

    def read(
        self, target: MessagePump, query: Callable[[Store], Message | None], *, group: str
    ) -> Worker[None]:
        """Run `query` in a thread with its own read connection; post its message to `target`.

        A newer read in the same group cancels an older one, whose result is then dropped.
        """
        return self._db_job(target, query, group=group, readonly=True)

    def write(
        self, target: MessagePump, change: Callable[[Store], Message | None], *, group: str
    ) -> Worker[None]:
        return self._db_job(target, change, group=group, readonly=False)

    def _db_job(
        self,
        target: MessagePump,
        job: Callable[[Store], Message | None],
        *,
        group: str,
        readonly: bool,
    ) -> Worker[None]:
        db_path = self.db_path

        def run() -> None:
            worker = get_current_worker()
            store = Store(db_path, readonly=readonly)  # connections never cross threads
            try:
                message = job(store)
            finally:
                store.close()
            if message is not None and not worker.is_cancelled:
                target.post_message(message)

        return self.run_worker(
            run, thread=True, group=group, exclusive=True, exit_on_error=False, name=group
        )

    async def run_in_thread(self, query: Callable[[Store], T]) -> T:
        """A one-off read on a thread of its own, for code that can simply await it."""

        def job() -> T:
            with Store(self.db_path, readonly=True) as store:
                return query(store)

        return await asyncio.to_thread(job)

    def acknowledge(
        self, change_ids: list[int] | None = None, *, ref: FigureRef | None = None
    ) -> None:
        """Mark changes seen in the database: these ids, a figure's pending ones, or all."""
        now = iso(self.clock())

        def change(store: Store) -> Message:
            ids = pending_change_ids(store, ref) if ref is not None else change_ids
            if ids is not None and not ids:
                return Acknowledged(0)
            return Acknowledged(acknowledge(store, ids, now))

        self.write(self, change, group="acknowledge")

    def on_acknowledged(self, message: Acknowledged) -> None:
        text = (
            f"acknowledged {message.count} change(s)" if message.count else "nothing to acknowledge"
        )
        self.notify(text, markup=False)
        self.post_message(DataChanged())

    def on_data_changed(self, _: DataChanged) -> None:
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if reload is not None:
                reload()

    def export_changes(self) -> None:
        """Ask for a format, then write into `export_dir` (where storywatch was started)."""
        from tui.screens.export import ExportScreen

        self.push_screen(ExportScreen(self.export_dir), self._export_as)

    def _export_as(self, fmt: str | None) -> None:
        from tui.screens.export import EXPORT_FORMATS

        if fmt is None:
            return
        suffix = next(s for f, _, s in EXPORT_FORMATS if f == fmt)
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        path = (self.export_dir / f"storywatch-changes-{stamp}.{suffix}").resolve()
        title = self.config.story.title

        def job(store: Store) -> None:
            try:
                count = export_changes(store, path, fmt=fmt, title=title)
            except OSError as exc:
                self.call_from_thread(
                    self.notify, f"could not export: {exc}", severity="error", markup=False
                )
                return
            self.call_from_thread(
                self.notify, f"wrote {count} changes to {path}", title="exported", markup=False
            )

        self.read(self, job, group="export")

    def action_acknowledge_all(self) -> None:
        self.acknowledge(None)

"""Database work for the dashboard: reads and writes on thread workers, acknowledgement.

Each job opens its own `Store` on its thread (SQLite connections never cross threads) and
posts one small message back to whoever asked. The workers run on the `host` (the App),
where `on_worker_state_changed` sees their failures.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker, get_current_worker

from tui.core.store import Store
from tui.core.store.changes import acknowledge
from tui.core.store.figures import pending_change_ids
from tui.core.store.refs import FigureRef
from tui.messages import Acknowledged

T = TypeVar("T")


class Database:
    """Reads and writes of `db_path`, each on a thread worker of `host` (satisfies
    `tui.context.Reader`)."""

    def __init__(self, host: App[None], db_path: Path) -> None:
        self._host = host
        self.path = db_path

    def read(
        self, target: MessagePump, query: Callable[[Store], Message | None], *, group: str
    ) -> Worker[None]:
        """Run `query` in a thread with its own read connection; post its message to `target`.

        A newer read in the same group cancels an older one, whose result is then dropped.
        """
        return self._job(target, query, group=group, readonly=True)

    def write(
        self, target: MessagePump, change: Callable[[Store], Message | None], *, group: str
    ) -> Worker[None]:
        return self._job(target, change, group=group, readonly=False)

    def _job(
        self,
        target: MessagePump,
        job: Callable[[Store], Message | None],
        *,
        group: str,
        readonly: bool,
    ) -> Worker[None]:
        db_path = self.path

        def run() -> None:
            worker = get_current_worker()
            store = Store(db_path, readonly=readonly)  # connections never cross threads
            try:
                message = job(store)
            finally:
                store.close()
            if message is not None and not worker.is_cancelled:
                target.post_message(message)

        return self._host.run_worker(
            run, thread=True, group=group, exclusive=True, exit_on_error=False, name=group
        )

    async def fetch(self, query: Callable[[Store], T]) -> T:
        """A one-off read on a thread of its own, for code that can simply await it."""
        db_path = self.path

        def job() -> T:
            with Store(db_path, readonly=True) as store:
                return query(store)

        return await asyncio.to_thread(job)

    def acknowledge(
        self, now: str, change_ids: list[int] | None = None, *, ref: FigureRef | None = None
    ) -> None:
        """Mark changes seen: these ids, a figure's pending ones, or all (both None).
        `Acknowledged` with the count is posted to the host."""

        def change(store: Store) -> Message:
            ids = pending_change_ids(store, ref) if ref is not None else change_ids
            if ids is not None and not ids:
                return Acknowledged(0)
            return Acknowledged(acknowledge(store, ids, now))

        self.write(self._host, change, group="acknowledge")

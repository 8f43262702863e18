"""Many awaited calls served by one hop to a worker thread.

Handing work to the database thread costs a thread switch (and the GIL) both ways:
more than writing a 304's poll row. Calls that arrive while a batch is being served
wait for the next batch, so under load one hop serves many feeds; a lone call goes
at once, unless the caller asked to `gather` several (waiting at most `linger` seconds
for them). Each item is still its own unit of work.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Batcher(Generic[Item, Result]):
    """`await batcher(item)` -> that item's result; `run_batch` serves a list at a time.

    `run_batch` returns one outcome per item, in order: a result, or the exception that
    item raised (it is raised in that item's caller only).
    """

    def __init__(
        self, run_batch: Callable[[list[Item]], Awaitable[list[Result | Exception]]]
    ) -> None:
        self._run_batch = run_batch
        self._pending: list[tuple[Item, asyncio.Future[Result]]] = []
        self._serving: asyncio.Task[None] | None = None
        self._in_service = 0
        self._enough: asyncio.Event | None = None
        # A batch is served once `gather` items wait, or the first has waited `linger` s.
        self.gather = 1
        self.linger = 0.0

    def hurry(self) -> None:
        """No more items are coming soon: serve what waits at once, and from now on."""
        self.gather, self.linger = 1, 0.0
        if self._enough is not None:
            self._enough.set()

    @property
    def backlog(self) -> int:
        """Items handed over and not yet served: how far behind the serving side is."""
        return len(self._pending) + self._in_service

    @property
    def behind(self) -> int:
        """The backlog beyond the batch being gathered: items the serving side has not
        got to, rather than items it waits for on purpose."""
        return max(0, self.backlog - self.gather + 1)

    async def __call__(self, item: Item) -> Result:
        return await self.submit(item)

    def submit(self, item: Item) -> asyncio.Future[Result]:
        """Hand `item` over now (it is served after every item handed over before it); the
        future is its result."""
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        if self._serving is None or self._serving.done():
            self._serving = asyncio.create_task(self._serve())
        elif self._enough is not None and len(self._pending) >= self.gather:
            self._enough.set()
        return future

    async def _serve(self) -> None:
        while self._pending:
            if len(self._pending) < self.gather and self.linger > 0:
                self._enough = asyncio.Event()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._enough.wait(), self.linger)
                self._enough = None
            batch, self._pending = self._pending, []
            self._in_service = len(batch)
            try:
                outcomes = await self._run_batch([item for item, _ in batch])
            except Exception as exc:  # the hop itself failed: every caller hears why
                outcomes = [exc] * len(batch)
            finally:
                self._in_service = 0
            for (_, future), outcome in zip(batch, outcomes, strict=True):
                if future.done():  # its caller was cancelled; the work is done anyway
                    continue
                if isinstance(outcome, Exception):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)

    async def drain(self) -> None:
        """Wait until every batch handed over so far has been served."""
        if self._serving is not None:
            with contextlib.suppress(Exception):
                await self._serving


class InTurn:
    """Lets named callers through in a fixed order: `await turns.wait(name)` returns once
    every name before it has called `done`, or once it has waited `hold` seconds, when the
    names before it still under way are passed over (each goes at once when it comes).

    A name given no turn (not in the order) goes at once. `done` must follow every `wait`,
    and be called for every name that will never wait (it failed before), or the names
    after it wait their `hold`.
    """

    def __init__(self, order: Iterable[str], hold: float) -> None:
        self._position = {name: i for i, name in enumerate(order)}
        self._finished = [False] * len(self._position)
        self._next = 0  # every position before it is done or passed over
        self._hold = hold
        # A waiter's own future, resolved when its turn comes: a move wakes only those
        # whose turn it brings, not every waiter (an all-304 poll of 100 feeds woke
        # waiters ~800 times, each a new task and timer, for ~100 turns).
        self._waiting: dict[int, asyncio.Future[None]] = {}

    def _advance(self) -> None:
        while self._next < len(self._finished) and self._finished[self._next]:
            self._next += 1
        for position in [p for p in self._waiting if p <= self._next]:
            future = self._waiting.pop(position)
            if not future.done():
                future.set_result(None)

    async def wait(self, name: str) -> None:
        position = self._position.get(name)
        if position is None:
            return
        loop = asyncio.get_running_loop()
        until = loop.time() + self._hold
        while self._next < position:
            left = until - loop.time()
            if left <= 0:  # pass over the slow ones: they go when they come
                for i in range(self._next, position):
                    self._finished[i] = True
                self._advance()
                return
            future = self._waiting[position] = loop.create_future()
            try:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(left):
                        await future
            finally:
                if self._waiting.get(position) is future:
                    del self._waiting[position]

    @property
    def all_done(self) -> bool:
        """Every name has had its turn (or was passed over)."""
        return self._next >= len(self._finished)

    def done(self, name: str) -> None:
        position = self._position.get(name)
        if position is not None and not self._finished[position]:
            self._finished[position] = True
            self._advance()

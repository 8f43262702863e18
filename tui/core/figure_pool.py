"""The poller's handle on its figure worker (`figure_worker`): one child process, started
on the first request, that reads figures on the other core.

`await worker.read(words, texts)` -> the claims of each text, exactly as this process would
read them (the same `figure_reader` code); `await worker.analyse(body, headers, kwargs)` ->
`analyse_feed`'s result for a whole feed, for when the poller's own process is the busier.
Requests are pipelined: many feeds' requests wait in the pipe while the worker answers
them in order.

Failures never lose a feed's figures:
* the worker dies (killed, out of memory): what it had not answered is sent again to a
  new worker, up to `RESTARTS` times a poll; after that `read` raises `WorkerGone` and the
  caller reads the figures itself;
* the feed whose request the worker is busy with gives up (its deadline passed): the
  worker works for nobody, so it is killed and the requests behind it go to a new one.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import tui
from tui.core.analyse import AnalysedFeed
from tui.core.figure_reader import FigureWords
from tui.core.figure_worker import HEADER, frame
from tui.core.models import Claim

RESTARTS = 2  # worker deaths a poll survives before its figures are read in-process
# Where this copy of the package lives: the worker is pointed at it (see `_start`).
_PACKAGE_ROOT = str(Path(tui.__file__).resolve().parent.parent)


class WorkerGone(Exception):
    """The figure worker could not be (re)started: read the figures here instead."""


class FigureWorker:
    """One figure worker process. Use from one event loop; `aclose` when the poll ends."""

    def __init__(self) -> None:
        self._proc: asyncio.subprocess.Process | None = None
        self._starting: asyncio.Task[asyncio.subprocess.Process] | None = None
        self._replies: asyncio.Task[None] | None = None
        self._pending: dict[int, tuple[bytes, asyncio.Future[object]]] = {}
        self._sent: set[int] = set()  # pending requests the current worker has been given
        self._next_id = 0
        self._deaths = 0
        self._killed_on_purpose = False
        self._closed = False

    @property
    def started(self) -> bool:
        """Whether a request has started it (a process, or its start, exists)."""
        return self._starting is not None

    @property
    def backlog(self) -> int:
        """Requests it has been given and not answered yet."""
        return len(self._sent)

    async def read(
        self, words: FigureWords, texts: Sequence[tuple[str, datetime]]
    ) -> list[tuple[Claim, ...]]:
        """The claims of each (text, published), in order."""
        result = await self._request("figures", (words, list(texts)))
        return cast(list[tuple[Claim, ...]], result)

    async def analyse(
        self, body: bytes, headers: Mapping[str, str], kwargs: Mapping[str, Any]
    ) -> AnalysedFeed:
        """`analyse.analyse_feed(body, headers, **kwargs)`, run by the worker."""
        result = await self._request("analyse", (body, dict(headers), dict(kwargs)))
        return cast(AnalysedFeed, result)

    async def _request(self, kind: str, args: tuple[object, ...]) -> object:
        if self._closed or self._deaths > RESTARTS:
            raise WorkerGone("the figure worker is not running")
        request_id, self._next_id = self._next_id, self._next_id + 1
        payload = frame(pickle.dumps((request_id, kind, args), pickle.HIGHEST_PROTOCOL))
        future: asyncio.Future[object] = asyncio.get_running_loop().create_future()
        self._pending[request_id] = (payload, future)
        future.add_done_callback(lambda done: self._forget(request_id, done))
        try:
            self._send(await self._process(), request_id)
            return await future
        except BaseException:  # cancelled, or no worker: nobody waits for this one now
            if not future.done():
                future.cancel()
            elif not future.cancelled():
                future.exception()  # seen: its caller has its own error
            raise

    def _send(self, proc: asyncio.subprocess.Process, request_id: int) -> None:
        if proc.stdin is None or proc.stdin.is_closing():
            return  # it died: what it did not answer is sent to the next worker
        proc.stdin.write(self._pending[request_id][0])  # the loop buffers; the pipe drains
        self._sent.add(request_id)

    def _forget(self, request_id: int, future: asyncio.Future[object]) -> None:
        busy_with = min(self._sent, default=None)  # it answers in order
        self._pending.pop(request_id, None)
        self._sent.discard(request_id)
        if future.cancelled() and busy_with == request_id and self._proc is not None:
            # Its feed gave up on it (the deadline): the worker may be stuck on that text.
            self._killed_on_purpose = True
            with contextlib.suppress(ProcessLookupError):
                self._proc.kill()

    async def _process(self) -> asyncio.subprocess.Process:
        if self._starting is None:
            self._starting = asyncio.ensure_future(self._start())
        try:
            return await asyncio.shield(self._starting)
        except OSError as exc:  # no interpreter to run, no processes left
            self._deaths = RESTARTS + 1
            self._fail_pending()
            raise WorkerGone(f"could not start the figure worker: {exc}") from exc

    async def _start(self) -> asyncio.subprocess.Process:
        # -P: nothing from the working directory shadows the package; PYTHONPATH leads to
        # this very copy of it, so the worker reads figures with the same code.
        path = os.pathsep.join(p for p in (_PACKAGE_ROOT, os.environ.get("PYTHONPATH")) if p)
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-P",
            "-m",
            "tui.core.figure_worker",
            str(os.getpid()),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,  # never onto a dashboard's screen
            env={**os.environ, "PYTHONPATH": path},
        )
        self._proc = proc
        self._replies = asyncio.ensure_future(self._read_replies(proc))
        return proc

    async def _read_replies(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        try:
            while True:
                (size,) = HEADER.unpack(await proc.stdout.readexactly(HEADER.size))
                request_id, result, error = pickle.loads(await proc.stdout.readexactly(size))
                entry = self._pending.get(request_id)
                if entry is None or entry[1].done():
                    continue  # its feed stopped waiting
                if error is not None:
                    entry[1].set_exception(error)
                else:
                    entry[1].set_result(result)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # it exited (EOF) or was killed
        except Exception:  # an answer that does not read: a worker gone wrong is replaced
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
        await proc.wait()
        await self._after_exit()

    async def _after_exit(self) -> None:
        """The worker is gone: unless we are closing, a new one takes what it left."""
        self._proc, self._starting = None, None
        self._sent.clear()
        if self._closed:
            self._fail_pending()
            return
        if not self._killed_on_purpose:
            self._deaths += 1
        self._killed_on_purpose = False
        if self._deaths > RESTARTS:
            self._fail_pending()
            return
        if self._pending:
            with contextlib.suppress(WorkerGone):
                proc = await self._process()
                for request_id in sorted(self._pending):
                    self._send(proc, request_id)

    def _fail_pending(self) -> None:
        for _, future in list(self._pending.values()):
            if not future.done():
                future.set_exception(WorkerGone("the figure worker stopped"))

    async def aclose(self) -> None:
        """End the worker: EOF on its stdin, then a kill if it does not go within 2 s."""
        self._closed = True
        proc = self._proc
        if self._starting is not None and proc is None:
            with contextlib.suppress(Exception):
                proc = await asyncio.shield(self._starting)
        if proc is not None:
            if proc.stdin is not None:
                proc.stdin.close()
            try:
                await asyncio.wait_for(proc.wait(), timeout=2)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                await proc.wait()
        if self._replies is not None:
            with contextlib.suppress(Exception):
                await self._replies
        self._fail_pending()

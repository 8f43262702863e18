"""Parse-worker processes that never outlive the poller (see `parent_death`)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from tui.core.parent_death import die_with_parent as _die_with_parent


def parse_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes, children of this one, that die with it.

    Spawned, not forked: forking a process that runs threads (the database thread,
    Textual's) is unsafe. Spawn rather than forkserver keeps the workers our own
    children, which the parent-death signal needs.
    """
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )

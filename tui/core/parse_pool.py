"""Parse-worker processes that never outlive the poller.

A poller killed with SIGKILL cannot shut its process pool down: its workers would linger,
waiting on a queue nobody writes to. On Linux each worker asks the kernel to kill it when
its parent dies (PR_SET_PDEATHSIG), so nothing is left behind, whatever killed the poller.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent(parent_pid: int) -> None:
    """Worker initializer: exit when `parent_pid` does (or has already)."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(0)


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

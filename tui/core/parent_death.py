"""Child processes that never outlive the poller.

A poller killed with SIGKILL cannot shut its workers down: they would linger, waiting on
a pipe nobody writes to. On Linux each worker asks the kernel to kill it when its parent
dies (PR_SET_PDEATHSIG), so nothing is left behind, whatever killed the poller.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent_pid: int) -> None:
    """Called first in a worker: exit when `parent_pid` does (or has already)."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(0)

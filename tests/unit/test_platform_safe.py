"""storywatch imports and runs where `fcntl` and `prctl` do not exist (Windows, macOS).

Each check runs in a fresh interpreter in which importing `fcntl` fails and `ctypes.CDLL`
raises, as on a platform without them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BLOCK = """
import sys, ctypes
sys.modules["fcntl"] = None  # `import fcntl` now raises ImportError
sys.modules["msvcrt"] = None
def no_libc(*args, **kwargs):
    raise OSError("no prctl on this platform")
ctypes.CDLL = no_libc
"""


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + code], capture_output=True, text=True, timeout=120
    )


def test_every_module_imports_without_fcntl() -> None:
    code = (
        "import importlib, pkgutil, tui\n"
        "names = [m.name for m in pkgutil.walk_packages(tui.__path__, prefix='tui.')]\n"
        "for name in names: importlib.import_module(name)\n"
        "print(len(names))\n"
    )
    result = run(code)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 40


def test_the_poller_lock_works_without_fcntl(tmp_path: Path) -> None:
    code = (
        "from pathlib import Path\n"
        "from tui.core.lock import PollerLock\n"
        f"lock = PollerLock(Path({str(tmp_path / 'x.db')!r}))\n"
        # No exclusion without fcntl or msvcrt, but no error either: taken, freed, taken again.
        "assert lock.acquire()\n"
        "lock.release()\n"
        "assert lock.acquire()\n"
        "lock.release()\n"
        "print('ok')\n"
    )
    result = run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_workers_skip_prctl_off_linux() -> None:
    code = (
        "import os, sys\n"
        "from tui.core import parse_pool\n"
        "sys.platform = 'darwin'\n"
        "parse_pool._die_with_parent(os.getppid())\n"  # must not reach for prctl
        "print('ok')\n"
    )
    result = run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"

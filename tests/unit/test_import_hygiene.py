"""The core is headless: importing all of it must not load Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core


def test_core_never_imports_textual() -> None:
    modules = [info.name for info in pkgutil.walk_packages(tui.core.__path__, prefix="tui.core.")]
    assert {"tui.core.monitor", "tui.core.claims.extract", "tui.core.store.history"} <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        # rich may load (httpx imports it for its own CLI); Textual must not.
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

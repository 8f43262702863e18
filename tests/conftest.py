"""Fixtures shared by every test tier."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.loopback import LoopbackServer

# For a second test run on a busy machine (.ci/run's lowest-version run): generating
# examples may be slow there, which is not a failure of the code under test.
settings.register_profile(
    "busy-machine", suppress_health_check=[HealthCheck.too_slow], deadline=None
)

# The gazetteer's cache file goes to a temp dir of its own, not the user's cache dir; it
# lasts across runs so that only the first one pays the build. Subprocesses inherit it.
os.environ.setdefault(
    "STORYWATCH_CACHE", str(Path(tempfile.gettempdir()) / "storywatch-test-cache")
)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A real HTTP server on 127.0.0.1 whose answers the test scripts (see tests/loopback.py)."""
    with LoopbackServer() as s:
        yield s

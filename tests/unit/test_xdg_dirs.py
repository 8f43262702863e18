"""paths.xdg_dir finds the config and cache dirs as platformdirs does, without it."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from tui.core import paths
from tui.core.claims import cache_files

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the XDG rules are Linux's")


@pytest.mark.parametrize(
    "xdg",
    [
        pytest.param(None, id="unset"),
        pytest.param("", id="empty"),
        pytest.param("/tmp/xdg-base", id="absolute"),
        pytest.param("relative/base", id="relative-is-ignored"),
    ],
)
@pytest.mark.parametrize("home", ["/home/someone", None])
def test_same_dirs_as_platformdirs(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str | None
) -> None:
    monkeypatch.delenv(cache_files.CACHE_ENV, raising=False)
    if home is not None:
        monkeypatch.setenv("HOME", home)
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, xdg)
    if xdg and not xdg.startswith("/"):
        # The XDG spec says a relative path is ignored, as newer platformdirs releases do
        # (older ones, which CI's lowest-version run installs, take it as it is).
        config = Path("~/.config/storywatch/feeds.toml").expanduser()
        cache = Path("~/.cache/storywatch").expanduser()
    else:
        config = Path(platformdirs.user_config_dir("storywatch")) / "feeds.toml"
        cache = Path(platformdirs.user_cache_dir("storywatch"))
    assert paths.default_config_path() == config
    assert cache_files.cache_dir() == cache


def test_a_relative_home_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "not/absolute")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    assert paths.xdg_dir("XDG_CONFIG_HOME", "~/.config") is None

"""The rule for remembering a permanent redirect, from a table."""

from __future__ import annotations

import pytest

from tui.core.redirects import remembered_redirect

OLD, NEW = "https://old.example/feed", "https://new.example/feed"


@pytest.mark.parametrize(
    ("remembered", "redirected_to", "failed", "expected", "why"),
    [
        (None, None, False, None, "never moved: keep polling feeds.toml's URL"),
        (None, NEW, False, NEW, "a first permanent redirect is remembered"),
        (OLD, None, False, OLD, "polling the remembered place works: keep it"),
        (OLD, NEW, False, NEW, "it moved again: remember the newer place"),
        (OLD, None, True, None, "the remembered place fails: back to feeds.toml's URL"),
        (OLD, NEW, True, None, "a failure after a redirect from the remembered place: back too"),
        (None, None, True, None, "feeds.toml's URL fails: nothing to forget"),
        (None, NEW, True, NEW, "feeds.toml's URL redirects, then fails: the move still stands"),
    ],
)
def test_remembered_redirect(
    remembered: str | None, redirected_to: str | None, failed: bool, expected: str | None, why: str
) -> None:
    assert remembered_redirect(remembered, redirected_to, failed=failed) == expected, why

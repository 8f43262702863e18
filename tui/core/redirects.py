"""Where is a feed polled next time, after a permanent redirect? A pure rule.

A permanent redirect (301, 308) is remembered and polled instead of the URL in
feeds.toml; if the place it pointed to stops working, polling goes back to the URL in
feeds.toml (a moved feed sometimes moves back, or the redirect was a mistake).
"""

from __future__ import annotations


def remembered_redirect(
    remembered: str | None, redirected_to: str | None, *, failed: bool
) -> str | None:
    """The redirect target to remember after this poll, or None for feeds.toml's URL.

    `remembered` is the target this poll went to (None: the configured URL),
    `redirected_to` a new permanent redirect this poll followed, `failed` whether it failed.
    """
    if failed and remembered:
        return None
    return redirected_to or remembered

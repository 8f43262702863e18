"""Each feed's health: the feeds screen's rows and `storywatch feeds`."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.store.db import Store


@dataclass(frozen=True, slots=True)
class FeedHealthRow:
    name: str
    url: str
    title: str | None
    last_success_at: str | None
    last_polled_at: str | None
    next_poll_at: str | None
    consecutive_failures: int
    total_failures: int
    last_error: str | None
    last_error_at: str | None
    reports: int
    entries: int | None = None  # in the last full fetch; None before the first one
    moved_to: str | None = None  # a permanent redirect's target: feeds.toml should say so

    @property
    def state(self) -> str:
        """ "ok", "ok (empty)", "not polled" or "failing ×N": one wording for CLI and screen."""
        if self.consecutive_failures:
            return f"failing ×{self.consecutive_failures}"
        if self.last_polled_at is None:
            return "not polled"
        return "ok (empty)" if self.entries == 0 else "ok"


def feed_health(store: Store) -> list[FeedHealthRow]:
    rows = store.query(
        """SELECT f.name, f.url, f.title, f.last_success_at, f.last_polled_at, f.next_poll_at,
                  f.consecutive_failures, f.total_failures, f.last_error, f.last_error_at,
                  f.entries, f.moved_to,
                  (SELECT count(*) FROM reports r WHERE r.feed_id = f.id) AS reports
           FROM feeds f ORDER BY f.name"""
    )
    return [FeedHealthRow(**row) for row in rows]

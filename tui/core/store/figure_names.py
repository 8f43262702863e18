"""Which figures the database knows, by name and by key: for `storywatch figures`, for
resolving the name a user typed, and for `storywatch suggest`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tui.core.store.db import Store

_LATEST = """
SELECT {column} AS name, count(*) AS seen, max(c.observed_at) AS last_seen,
       c.surface, c.speaker, f.name AS feed
FROM claims c JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id
WHERE r.on_story = 1 AND c.as_of = 'current' AND {where}
GROUP BY {column} ORDER BY {order} LIMIT :limit
"""
# SQLite takes the bare columns (surface, speaker, feed) from the row holding max():
# each figure's latest value, in one pass.


def stored_names(store: Store) -> tuple[list[str], list[str]]:
    """The figure names claims were stored under, and the unnamed keys that have changes."""
    named = store.query("SELECT DISTINCT figure FROM claims WHERE figure IS NOT NULL")
    keys = store.query("SELECT DISTINCT key FROM changes WHERE figure IS NULL")
    return [str(r["figure"]) for r in named], [str(r["key"]) for r in keys]


def latest_values(store: Store, order: Sequence[str], unnamed: int) -> list[dict[str, Any]]:
    """Named figures (`order` first, then any others), then the `unnamed` most-seen
    unnamed keys, each with its latest current value, who said it and where."""
    named = store.query(
        _LATEST.format(column="c.figure", where="c.figure IS NOT NULL", order="name"),
        {"limit": 10_000},
    )
    by_name = {row["name"]: row for row in named}
    rows = [by_name.pop(n, {"name": n, "seen": 0}) for n in order]
    rows += list(by_name.values())
    for row in rows:
        row["named"] = True
    others = store.query(
        _LATEST.format(column="c.key", where="c.figure IS NULL", order="seen DESC, name"),
        {"limit": unnamed},
    )
    return rows + [{**row, "named": False} for row in others]


def has_claims(store: Store) -> bool:
    """Has any report stated a figure yet?"""
    return bool(store.query("SELECT 1 FROM claims LIMIT 1"))


def busiest_unnamed_keys(store: Store, limit: int) -> list[tuple[str, int]]:
    """(key, reports) of the unnamed keys most reports state, busiest first: current
    figures with a thing, from on-story reports that are not copies."""
    rows = store.query(
        """SELECT c.key, count(DISTINCT c.report_id) AS reports,
                  max(c.observed_at) AS latest_at FROM claims c
           JOIN reports r ON r.id = c.report_id
           WHERE c.figure IS NULL AND c.thing IS NOT NULL AND c.as_of = 'current'
             AND r.on_story = 1 AND r.copy_of IS NULL
           GROUP BY c.key ORDER BY reports DESC, latest_at DESC LIMIT :scan""",
        {"scan": limit},
    )
    return [(str(r["key"]), int(str(r["reports"]))) for r in rows]


def latest_surface(store: Store, key: str) -> str:
    """How the newest unnamed claim of `key` was written ("about 2,500")."""
    rows = store.query(
        "SELECT surface FROM claims WHERE key = ? AND figure IS NULL "
        "ORDER BY observed_at DESC, id DESC LIMIT 1",
        (key,),
    )
    return str(rows[0]["surface"])

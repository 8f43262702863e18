"""Which stored report is this entry, when its id is not found? And a stored version's key.

Run inside the writer's transaction. An entry is its stored report by entry id; failing
that, for a CMS that mints a new GUID at every fetch (or puts a fresh tracking parameter
in the link that serves as the id), by title and canonical link.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence

from tui.core.models import Report
from tui.core.revisions import canonical_link, is_current, revision_key


def same_articles(
    conn: sqlite3.Connection, feed_id: int, reports: Sequence[Report], fetched_ids: Collection[str]
) -> dict[str, tuple[int, int, str, str]]:
    """For entries not found by id: entry id -> (report id, latest version, its revision
    key, stored entry id) of the stored report with the same title and canonical link
    (for an entry without a link: the same title, among stored reports without one).

    Only stored reports whose own id is not in this fetch (`fetched_ids`) qualify: a
    report the feed lists under its own id is another item, however alike. Each stored
    report answers for one entry at most. One query for the whole feed.
    """
    # An entry with no link (and no GUID) has a content hash for id, which an edit
    # changes: its title is all that identifies it across fetches.
    wanted = {r.title for r in reports}
    if not wanted:
        return {}
    rows = conn.execute(
        """SELECT r.id, r.revisions, v.content_hash, r.entry_id, r.link, r.title FROM reports r
           JOIN report_versions v ON v.report_id = r.id AND v.version = r.revisions
           WHERE r.feed_id = ? AND r.title IN (SELECT value FROM json_each(?))""",
        [feed_id, json.dumps(sorted(wanted))],
    )
    listed = set(fetched_ids)
    by_article: dict[tuple[str, str | None], tuple[int, int, str, str]] = {}
    for report_id, revisions, key, entry_id, link, title in rows:
        if entry_id not in listed:
            by_article.setdefault(
                (title, canonical_link(link)), (int(report_id), int(revisions), key, entry_id)
            )
    found: dict[str, tuple[int, int, str, str]] = {}
    if not by_article:  # nothing stored under these titles (every entry of a first poll)
        return found
    for report in reports:
        same = by_article.pop((report.title, canonical_link(report.link)), None)
        if same is not None:
            found[report.entry_id] = same
    return found


def current_key(conn: sqlite3.Connection, report_id: int, version: int, key: str) -> str:
    """`key` of a stored version, recomputed (and rewritten) from its stored text if an
    older scheme made it: before `revisions`, keys were plain hashes, and comparing one
    with a current key would call every unchanged item edited."""
    if is_current(key):
        return key
    version_id, title, text = conn.execute(
        "SELECT id, title, text FROM report_versions WHERE report_id = ? AND version = ?",
        [report_id, version],
    ).fetchone()
    key = revision_key(title, text)
    conn.execute("UPDATE report_versions SET content_hash = ? WHERE id = ?", [key, version_id])
    return key

"""Report lists: the on-story timeline (keyset-paged) and full-text search."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.store.db import Store
from tui.core.store.refs import ALARMING, ALARMING_SQL


@dataclass(frozen=True, slots=True)
class ReportRow:
    id: int
    feed: str
    published: str
    title: str
    link: str | None
    revisions: int
    marker: str = ""  # the strongest verdict among the report's figures: revised/disputed/changed
    snippet: str = ""


# Strength of each alarming verdict: a revised article outranks a dispute outranks a change.
_MARK_ORDER = {verdict: rank for rank, verdict in enumerate(ALARMING, start=1)}


def _markers(store: Store, report_ids: Sequence[int]) -> dict[int, str]:
    if not report_ids:
        return {}
    marks = ", ".join("?" for _ in report_ids)
    rows = store.query(
        # CROSS JOIN fixes the order: the page's claims by report, then their changes by
        # claim (both indexed), never a scan of the whole change log.
        f"""SELECT c.report_id, ch.verdict FROM claims c CROSS JOIN changes ch
            ON ch.claim_id = c.id
            WHERE c.report_id IN ({marks}) AND ch.verdict IN {ALARMING_SQL}""",
        tuple(report_ids),
    )
    out: dict[int, str] = {}
    for r in rows:
        rid, verdict = int(str(r["report_id"])), str(r["verdict"])
        if _MARK_ORDER[verdict] > _MARK_ORDER.get(out.get(rid, ""), 0):
            out[rid] = verdict
    return out


def report_rows(store: Store, rows: list[dict[str, Any]]) -> list[ReportRow]:
    """Query rows (id, feed, published, title, link, revisions[, snippet]) with markers."""
    markers = _markers(store, [int(str(r["id"])) for r in rows])
    return [
        ReportRow(
            id=int(str(r["id"])),
            feed=str(r["feed"]),
            published=str(r["published"]),
            title=str(r["title"]),
            link=str(r["link"]) if r["link"] else None,
            revisions=int(str(r["revisions"])),
            marker=markers.get(int(str(r["id"])), ""),
            snippet=str(r.get("snippet") or ""),
        )
        for r in rows
    ]


def reports_timeline(
    store: Store, *, limit: int = 200, before: tuple[str, int] | None = None
) -> list[ReportRow]:
    """On-story reports, newest first; `before` = (published, id) of the last row seen."""
    cond = "r.on_story = 1"
    params: dict[str, object] = {"limit": limit}
    if before is not None:
        cond += " AND (r.published, r.id) < (:pub, :id)"
        params.update(pub=before[0], id=before[1])
    rows = store.query(
        f"""SELECT r.id, f.name AS feed, r.published, r.title, r.link, r.revisions
            FROM reports r JOIN feeds f ON f.id = r.feed_id
            WHERE {cond} ORDER BY r.published DESC, r.id DESC LIMIT :limit""",
        params,
    )
    return report_rows(store, rows)


def fts_query(text: str) -> str:
    """User words as FTS5 phrases: punctuation and operators in the input mean nothing."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


# Around each match in a search snippet (private-use characters, which feed text does
# not use): the dashboard highlights between them.
MATCH_OPEN, MATCH_CLOSE = "\ue000", "\ue001"


def search_reports(store: Store, text: str, *, limit: int = 100) -> list[ReportRow]:
    """Full-text search over every version of every report; one row per report, best first.

    Each row's `snippet` is a few words around the match (from the title or the text,
    whichever matched best), the matched words between MATCH_OPEN and MATCH_CLOSE.
    """
    query = fts_query(text)
    if not query:
        return []
    rows = store.query(
        """SELECT r.id, f.name AS feed, r.published, r.title, r.link, r.revisions,
                  snippet(report_versions_fts, -1, :open, :close, '…', 10) AS snippet
           FROM report_versions_fts
           JOIN report_versions v ON v.id = report_versions_fts.rowid
           JOIN reports r ON r.id = v.report_id JOIN feeds f ON f.id = r.feed_id
           WHERE report_versions_fts MATCH :q
           ORDER BY rank LIMIT :limit""",
        {"q": query, "limit": limit * 3, "open": MATCH_OPEN, "close": MATCH_CLOSE},
    )
    seen: set[object] = set()
    unique = []
    for r in rows:
        if r["id"] not in seen:
            seen.add(r["id"])
            unique.append(r)
    return report_rows(store, unique[:limit])

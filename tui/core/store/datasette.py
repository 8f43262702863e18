"""Datasette metadata for the database: what each table and column means, units, and
canned queries. `storywatch metadata > metadata.json; datasette DB -m metadata.json`.
"""

from __future__ import annotations

from typing import Any

_TIME = "UTC time, ISO 8601 with offset"
_INTERVAL = (
    "what the figure asserts, as an interval: a count or sum of money, a percentage, "
    "or for a date the Unix time (seconds)"
)

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "feeds": (
        "The feeds listed in feeds.toml and each one's health.",
        {
            "name": "the feed's name in feeds.toml",
            "url": "where it is fetched from",
            "title": "the title the feed gives itself",
            "etag": "validator sent back for a conditional GET",
            "last_modified": "validator sent back for a conditional GET",
            "consecutive_failures": "failed polls since the last success",
            "total_failures": "failed polls ever",
            "first_error_at": f"when the current run of failures began ({_TIME})",
            "last_error_at": f"when it last failed ({_TIME})",
            "last_error": "what went wrong, as shown to the user",
            "last_success_at": f"when it last polled without error ({_TIME})",
            "last_polled_at": f"when it was last polled ({_TIME})",
            "next_poll_at": f"when it is due again ({_TIME})",
            "entries": "entries in the last document fetched",
        },
    ),
    "reports": (
        "One row per article (feed entry); its text lives in report_versions.",
        {
            "feed_id": "the feed it came from",
            "entry_id": "the entry's identity in its feed (GUID, link or a hash)",
            "link": "the article's address",
            "author": "the byline, if the feed gives one",
            "title": "the latest title",
            "published": f"publication time stated by the feed ({_TIME})",
            "date_is_first_seen": "1 when the feed gave no date and first sight stands in",
            "first_seen_at": f"when storywatch first saw it ({_TIME})",
            "last_changed_at": f"when its text last changed ({_TIME})",
            "on_story": "1 when it matches [story] keywords (only these feed the ledger)",
            "revisions": "versions after the first (silent edits included)",
        },
    ),
    "report_versions": (
        "Every version of every article, full-text indexed (title, text).",
        {
            "report_id": "the article",
            "version": "1 for the first text seen, then 2, 3...",
            "title": "the title in this version",
            "text": "the article's plain text in this version",
            "content_hash": "hash of the text, to tell a real edit from a repeat",
            "updated": f"the feed's updated time for this version ({_TIME})",
            "seen_at": f"when this version was fetched ({_TIME})",
        },
    ),
    "claims": (
        "Every figure read out of every version, with its sentence and offsets.",
        {
            "report_id": "the article",
            "version_id": "the version it was read from",
            "key": "kind|thing|predicate|place|actor: what the figure counts",
            "figure": "the [[figures]] name it matched, if any",
            "surface": "the words as written ('about 2,500')",
            "kind": "count, money, percent or date",
            "bound": "exact, approx, lower, upper or range",
            "low": f"lower end of {_INTERVAL}",
            "high": f"upper end of {_INTERVAL}",
            "value": "the stated number, when there is one",
            "unit": "currency or unit, when stated",
            "thing": "what is counted (troops, deaths...)",
            "place": "where",
            "actor": "whose (US, Iraqi...)",
            "source": "who is quoted, if anyone",
            "speaker": "who says it: the source, else the outlet",
            "predicate": "presence, movement, casualty, money or other",
            "as_of": "current, planned or historic ('down from 5,200 in 2020')",
            "sentence": "the sentence it was read from",
            "start": "offset of the figure in the sentence",
            "end": "end offset of the figure in the sentence",
            "observed_at": f"when it was read ({_TIME})",
        },
    ),
    "changes": (
        "The ledger's verdicts: new, changed, disputed or revised figures.",
        {
            "claim_id": "the figure that caused the change",
            "old_claim_id": "the figure it changed (empty for a new one)",
            "key": "what the figure counts (see claims.key)",
            "figure": "the [[figures]] name, if any",
            "verdict": "new, changed, disputed or revised",
            "within_margin": "1 when the old and new intervals overlap (a small move)",
            "detected_at": f"when it was detected ({_TIME})",
            "acknowledged_at": f"when the user marked it seen, in the app or the CLI ({_TIME})",
        },
    ),
    "polls": (
        "What each poll of each feed did.",
        {
            "feed_id": "the feed",
            "started_at": f"when the poll began ({_TIME})",
            "duration_ms": "how long it took",
            "status": "ok, not_modified or error",
            "http_status": "the HTTP status, if there was a response",
            "bytes": "bytes read",
            "new_reports": "articles seen for the first time",
            "new_revisions": "articles whose text changed",
            "new_claims": "figures read",
            "new_changes": "changes detected",
            "error": "what went wrong",
            "warning": "a problem that did not stop the poll",
        },
    ),
    "latest_figures": (
        "View: each source's latest current word on each figure.",
        {"speaker": "who says it", "report": "the article's title", "feed": "the outlet"},
    ),
    "change_log": (
        "View: the change log, newest first, one line per change.",
        {
            "figure": "the figure's name, or its key",
            "old_surface": "the earlier figure as written",
            "new_surface": "the new figure as written",
            "feed": "the outlet of the new figure",
        },
    ),
}

UNITS = {"polls": {"duration_ms": "ms", "bytes": "byte"}}

QUERIES: dict[str, dict[str, str]] = {
    "changes_this_week": {
        "title": "Changes this week",
        "sql": (
            "SELECT * FROM change_log WHERE detected_at >= "
            "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '-7 days') "
            "ORDER BY detected_at DESC"
        ),
    },
    "figure_history": {
        "title": "One figure's history",
        "description": "Every observation of a figure: its [[figures]] name or its key.",
        "sql": (
            "SELECT c.observed_at, c.surface, c.speaker, f.name AS feed, c.as_of, "
            "r.title AS report, r.link AS report_url, c.sentence "
            "FROM claims c JOIN reports r ON r.id = c.report_id "
            "JOIN feeds f ON f.id = r.feed_id "
            "WHERE (c.figure = :figure OR c.key = :figure) AND r.on_story = 1 "
            "ORDER BY c.observed_at"
        ),
    },
    "reports_that_revised_a_figure": {
        "title": "Reports that revised a figure",
        "description": "Articles edited after publication so that a figure in them changed.",
        "sql": (
            "SELECT ch.detected_at, coalesce(ch.figure, ch.key) AS figure, "
            "o.surface AS before, n.surface AS after, f.name AS feed, r.title AS report, "
            "r.link AS report_url, r.revisions "
            "FROM changes ch JOIN claims n ON n.id = ch.claim_id "
            "LEFT JOIN claims o ON o.id = ch.old_claim_id "
            "JOIN reports r ON r.id = n.report_id JOIN feeds f ON f.id = r.feed_id "
            "WHERE ch.verdict = 'revised' ORDER BY ch.detected_at DESC"
        ),
    },
}


def datasette_metadata(database: str, title: str) -> dict[str, Any]:
    """Metadata for `datasette DB -m FILE`; `database` is the file's name without suffix."""
    tables: dict[str, Any] = {}
    for table, (description, columns) in TABLES.items():
        tables[table] = {"description": description, "columns": columns}
        if table in UNITS:
            tables[table]["units"] = UNITS[table]
    return {
        "title": f"storywatch: {title}",
        "description": "Reports, their revisions and the figures in them, kept by storywatch.",
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }

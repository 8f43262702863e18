"""Read-only questions the dashboard asks: figure summaries, timeline, report, history, search.

Headless (no Textual). Every function takes a `Store` opened on the calling thread, runs
short autocommit statements (no read transaction is held open) and pages by keyset over an
index, so a database of a million figures costs the same as one of a hundred.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tui.core.ingest import claim_from_row
from tui.core.ledger import describe_value
from tui.core.models import FigureKey
from tui.core.queries import change_log
from tui.core.store import Store

ALARMING = ("changed", "disputed", "revised")
# A figure's summary looks at this many of its newest observations: enough for every source
# that spoke recently and for a trend, and bounded however long the story runs.
SUMMARY_WINDOW = 300
SERIES_POINTS = 40


@dataclass(frozen=True, slots=True)
class FigureRef:
    """A tracked figure: a configured name, or an unnamed key (`kind|thing|...`)."""

    name: str
    is_key: bool = False

    @property
    def label(self) -> str:
        return key_label(self.name) if self.is_key else self.name

    def where(self, alias: str = "c") -> tuple[str, dict[str, object]]:
        """The SQL condition selecting this figure's claims (served by an index)."""
        if self.is_key:
            return f"{alias}.key = :ref AND {alias}.figure IS NULL", {"ref": self.name}
        return f"{alias}.figure = :ref", {"ref": self.name}


def key_label(key: str) -> str:
    """ "count|troops|presence|Iraq|Iraqi" -> "Iraqi troops in Iraq (presence)"."""
    try:
        k = FigureKey.from_text(key)
    except ValueError:
        return key
    words = [w for w in (k.actor, k.thing or k.kind) if w]
    if k.place:
        words.append(f"in {k.place}")
    return " ".join(words) + f" ({k.predicate})"


@dataclass(frozen=True, slots=True)
class SourceValue:
    source: str
    display: str
    value: float
    observed_at: str
    feed: str


@dataclass(frozen=True, slots=True)
class PendingChange:
    """The newest unacknowledged alarming change of a figure."""

    change_id: int
    verdict: str
    old_display: str | None
    old_source: str | None
    new_display: str
    new_source: str
    feed: str
    direction: Literal["up", "down", "same"]
    within_margin: bool
    detected_at: str


@dataclass(frozen=True, slots=True)
class FigureSummary:
    ref: FigureRef
    values: tuple[SourceValue, ...]
    series: tuple[float, ...]
    last_changed: str | None
    pending: PendingChange | None
    pending_count: int = 0
    observations: int = 0


def _distinct(store: Store, column: str) -> list[str]:
    """Distinct non-null values of an indexed claims column, by skip-scan (one seek each)."""
    rows = store.query(
        f"""WITH RECURSIVE d(v) AS (
              SELECT (SELECT min({column}) FROM claims)
              UNION ALL
              SELECT (SELECT min({column}) FROM claims WHERE {column} > d.v) FROM d
              WHERE d.v IS NOT NULL)
            SELECT v FROM d WHERE v IS NOT NULL"""
    )
    return [str(r["v"]) for r in rows]


def figure_refs(
    store: Store, named: Sequence[str] = (), unnamed_limit: int = 12
) -> list[FigureRef]:
    """Figures with observations: configured names first (config order), then unnamed keys
    by recency. A key counts as unnamed when its newest claim carries no figure name."""
    present = set(_distinct(store, "figure"))
    refs = [FigureRef(n) for n in named if n in present]
    refs += [FigureRef(n) for n in sorted(present - set(named))]
    unnamed: list[tuple[str, str]] = []
    for key in _distinct(store, "key"):
        row = store.query(
            "SELECT figure, observed_at FROM claims WHERE key = ? "
            "ORDER BY observed_at DESC, id DESC LIMIT 1",
            (key,),
        )
        if row and row[0]["figure"] is None:
            unnamed.append((str(row[0]["observed_at"]), key))
    unnamed.sort(reverse=True)
    refs += [FigureRef(key, is_key=True) for _, key in unnamed[:unnamed_limit]]
    return refs


_CLAIM_COLUMNS = """c.id, c.surface, c.kind, c.bound, c.low, c.high, c.value, c.unit, c.thing,
    c.place, c.actor, c.source, c.speaker, c.predicate, c.as_of, c.sentence, c.start, c."end",
    c.observed_at, c.report_id, c.version_id"""


def _display(row: dict[str, Any]) -> str:
    return describe_value(claim_from_row(row))


def summarise(store: Store, ref: FigureRef, window: int = SUMMARY_WINDOW) -> FigureSummary:
    where, params = ref.where()
    rows = store.query(
        f"""SELECT {_CLAIM_COLUMNS}, f.name AS feed FROM claims c
            JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id
            WHERE {where} ORDER BY c.observed_at DESC, c.id DESC LIMIT :window""",
        {**params, "window": window},
    )
    current = [r for r in rows if r["as_of"] == "current"]
    latest: dict[str, SourceValue] = {}
    for r in current:  # newest first: the first row per speaker is its current value
        speaker = str(r["speaker"])
        if speaker not in latest:
            latest[speaker] = SourceValue(
                speaker, _display(r), float(r["value"]), str(r["observed_at"]), str(r["feed"])
            )
    series = tuple(float(r["value"]) for r in reversed(current[:SERIES_POINTS]))
    change_where = "ch.key = :ref AND ch.figure IS NULL" if ref.is_key else "ch.figure = :ref"
    last = store.query(
        f"SELECT max(detected_at) AS at FROM changes ch WHERE {change_where} "
        "AND verdict IN ('changed', 'disputed', 'revised')",
        params,
    )
    pending_rows = store.query(
        f"""SELECT ch.id FROM changes ch WHERE {change_where} AND ch.acknowledged_at IS NULL
            AND ch.verdict IN ('changed', 'disputed', 'revised')
            ORDER BY ch.detected_at DESC, ch.id DESC""",
        params,
    )
    pending = _pending(store, int(str(pending_rows[0]["id"]))) if pending_rows else None
    return FigureSummary(
        ref=ref,
        values=tuple(sorted(latest.values(), key=lambda v: v.observed_at, reverse=True)),
        series=series,
        last_changed=str(last[0]["at"]) if last and last[0]["at"] else None,
        pending=pending,
        pending_count=len(pending_rows),
        observations=len(rows),
    )


def _pending(store: Store, change_id: int) -> PendingChange | None:
    rows = store.query(
        f"""SELECT ch.id AS change_id, ch.verdict, ch.within_margin, ch.detected_at,
                   {_CLAIM_COLUMNS}, f.name AS feed, ch.old_claim_id
            FROM changes ch JOIN claims c ON c.id = ch.claim_id
            JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id
            WHERE ch.id = ?""",
        (change_id,),
    )
    if not rows:
        return None
    new = rows[0]
    old = None
    if new["old_claim_id"] is not None:
        found = store.query(
            f"SELECT {_CLAIM_COLUMNS} FROM claims c WHERE c.id = ?", (new["old_claim_id"],)
        )
        old = found[0] if found else None
    direction: Literal["up", "down", "same"] = "same"
    if old is not None:
        if float(new["value"]) > float(old["value"]):
            direction = "up"
        elif float(new["value"]) < float(old["value"]):
            direction = "down"
    return PendingChange(
        change_id=change_id,
        verdict=str(new["verdict"]),
        old_display=_display(old) if old else None,
        old_source=str(old["speaker"]) if old else None,
        new_display=_display(new),
        new_source=str(new["speaker"]),
        feed=str(new["feed"]),
        direction=direction,
        within_margin=bool(new["within_margin"]),
        detected_at=str(new["detected_at"]),
    )


def figure_summaries(store: Store, named: Sequence[str] = ()) -> list[FigureSummary]:
    return [summarise(store, ref) for ref in figure_refs(store, named)]


def pending_change_ids(store: Store, ref: FigureRef) -> list[int]:
    change_where = "key = :ref AND figure IS NULL" if ref.is_key else "figure = :ref"
    rows = store.query(
        f"SELECT id FROM changes WHERE {change_where} AND acknowledged_at IS NULL",
        {"ref": ref.name},
    )
    return [int(str(r["id"])) for r in rows]


# -- header ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeaderStats:
    last_poll_at: str | None
    next_poll_at: str | None
    feeds_ok: int
    feeds_failing: int
    unacknowledged: int


def header_stats(store: Store) -> HeaderStats:
    row = store.query(
        """SELECT max(last_polled_at) AS last, min(next_poll_at) AS next,
                  sum(consecutive_failures = 0) AS ok, sum(consecutive_failures > 0) AS failing
           FROM feeds"""
    )[0]
    pending = store.query(
        "SELECT count(*) AS n FROM changes WHERE acknowledged_at IS NULL "
        "AND verdict IN ('changed', 'disputed', 'revised')"
    )[0]
    return HeaderStats(
        last_poll_at=str(row["last"]) if row["last"] else None,
        next_poll_at=str(row["next"]) if row["next"] else None,
        feeds_ok=int(str(row["ok"] or 0)),
        feeds_failing=int(str(row["failing"] or 0)),
        unacknowledged=int(str(pending["n"])),
    )


# -- reports --------------------------------------------------------------------------------


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


_MARK_ORDER = {"revised": 3, "disputed": 2, "changed": 1}


def _markers(store: Store, report_ids: Sequence[int]) -> dict[int, str]:
    if not report_ids:
        return {}
    marks = ", ".join("?" for _ in report_ids)
    rows = store.query(
        f"""SELECT c.report_id, ch.verdict FROM changes ch JOIN claims c ON c.id = ch.claim_id
            WHERE c.report_id IN ({marks}) AND ch.verdict IN ('changed', 'disputed', 'revised')""",
        tuple(report_ids),
    )
    out: dict[int, str] = {}
    for r in rows:
        rid, verdict = int(str(r["report_id"])), str(r["verdict"])
        if _MARK_ORDER[verdict] > _MARK_ORDER.get(out.get(rid, ""), 0):
            out[rid] = verdict
    return out


def _report_rows(store: Store, rows: list[dict[str, Any]]) -> list[ReportRow]:
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
    return _report_rows(store, rows)


def fts_query(text: str) -> str:
    """User words as FTS5 phrases: punctuation and operators in the input mean nothing."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search_reports(store: Store, text: str, *, limit: int = 100) -> list[ReportRow]:
    """Full-text search over every version of every report; one row per report, best first."""
    query = fts_query(text)
    if not query:
        return []
    rows = store.query(
        """SELECT r.id, f.name AS feed, r.published, r.title, r.link, r.revisions,
                  snippet(report_versions_fts, 1, '', '', '…', 12) AS snippet
           FROM report_versions_fts
           JOIN report_versions v ON v.id = report_versions_fts.rowid
           JOIN reports r ON r.id = v.report_id JOIN feeds f ON f.id = r.feed_id
           WHERE report_versions_fts MATCH :q
           ORDER BY rank LIMIT :limit""",
        {"q": query, "limit": limit * 3},
    )
    seen: set[object] = set()
    unique = []
    for r in rows:
        if r["id"] not in seen:
            seen.add(r["id"])
            unique.append(r)
    return _report_rows(store, unique[:limit])


@dataclass(frozen=True, slots=True)
class VersionClaim:
    start: int
    end: int
    surface: str
    display: str
    figure: str
    source: str
    as_of: str
    verdict: str | None = None
    old_display: str | None = None


@dataclass(frozen=True, slots=True)
class ReportVersion:
    id: int
    version: int
    title: str
    text: str
    seen_at: str
    claims: tuple[VersionClaim, ...] = ()

    @property
    def body(self) -> str:
        """The text claim offsets point into (as `digest.report_text` builds it)."""
        return f"{self.title}\n\n{self.text}" if self.text else self.title


@dataclass(frozen=True, slots=True)
class ReportDetail:
    row: ReportRow
    author: str | None
    versions: tuple[ReportVersion, ...] = field(default_factory=tuple)


def report_detail(store: Store, report_id: int) -> ReportDetail | None:
    rows = store.query(
        """SELECT r.id, f.name AS feed, r.published, r.title, r.link, r.revisions, r.author
           FROM reports r JOIN feeds f ON f.id = r.feed_id WHERE r.id = ?""",
        (report_id,),
    )
    if not rows:
        return None
    versions = store.query(
        "SELECT id, version, title, text, seen_at FROM report_versions "
        "WHERE report_id = ? ORDER BY version",
        (report_id,),
    )
    return ReportDetail(
        row=_report_rows(store, rows)[0],
        author=str(rows[0]["author"]) if rows[0]["author"] else None,
        versions=tuple(
            ReportVersion(
                int(str(v["id"])),
                int(str(v["version"])),
                str(v["title"]),
                str(v["text"]),
                str(v["seen_at"]),
                tuple(version_claims(store, int(str(v["id"])))),
            )
            for v in versions
        ),
    )


def version_claims(store: Store, version_id: int) -> list[VersionClaim]:
    rows = store.query(
        f"""SELECT {_CLAIM_COLUMNS}, coalesce(c.figure, c.key) AS name
            FROM claims c WHERE c.version_id = ? ORDER BY c.start""",
        (version_id,),
    )
    if not rows:
        return []
    ids = [int(str(r["id"])) for r in rows]
    marks = ", ".join("?" for _ in ids)
    changes = store.query(
        f"""SELECT ch.claim_id, ch.verdict, {_CLAIM_COLUMNS} FROM changes ch
            LEFT JOIN claims c ON c.id = ch.old_claim_id
            WHERE ch.claim_id IN ({marks})""",
        tuple(ids),
    )
    by_claim = {int(str(c["claim_id"])): c for c in changes}
    out = []
    for r in rows:
        change = by_claim.get(int(str(r["id"])))
        old = _display(change) if change and change["id"] is not None else None
        name = str(r["name"])
        out.append(
            VersionClaim(
                start=int(str(r["start"])),
                end=int(str(r["end"])),
                surface=str(r["surface"]),
                display=_display(r),
                figure=key_label(name) if "|" in name else name,
                source=str(r["speaker"]),
                as_of=str(r["as_of"]),
                verdict=str(change["verdict"]) if change else None,
                old_display=old,
            )
        )
    return out


def word_diff(old: str, new: str) -> list[tuple[Literal["same", "del", "ins"], str]]:
    """A word-level diff: runs of unchanged, deleted and inserted text (whitespace kept)."""
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    out: list[tuple[Literal["same", "del", "ins"], str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(a[i1:i2])))
            continue
        if op in ("replace", "delete"):
            out.append(("del", "".join(a[i1:i2])))
        if op in ("replace", "insert"):
            out.append(("ins", "".join(b[j1:j2])))
    return out


# -- figure history -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Observation:
    id: int
    observed_at: str
    display: str
    value: float
    bound: str
    source: str
    feed: str
    sentence: str
    as_of: str
    report_id: int


def history_page(
    store: Store,
    ref: FigureRef,
    *,
    after: tuple[str, int] | None = None,
    before: tuple[str, int] | None = None,
    limit: int = 100,
) -> list[Observation]:
    """One page of observations, newest first. `after` = (observed_at, id) of the last row
    of the previous page (page down); `before` = the first row of the current one (page up)."""
    where, params = ref.where()
    order = "DESC"
    if after is not None:
        where += " AND (c.observed_at, c.id) < (:at, :id)"
        params.update(at=after[0], id=after[1])
    elif before is not None:
        where += " AND (c.observed_at, c.id) > (:at, :id)"
        params.update(at=before[0], id=before[1])
        order = "ASC"
    rows = store.query(
        f"""SELECT {_CLAIM_COLUMNS}, f.name AS feed FROM claims c
            JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id
            WHERE {where} ORDER BY c.observed_at {order}, c.id {order} LIMIT :limit""",
        {**params, "limit": limit},
    )
    if order == "ASC":
        rows.reverse()
    return [
        Observation(
            id=int(str(r["id"])),
            observed_at=str(r["observed_at"]),
            display=_display(r),
            value=float(r["value"]),
            bound=str(r["bound"]),
            source=str(r["speaker"]),
            feed=str(r["feed"]),
            sentence=str(r["sentence"]),
            as_of=str(r["as_of"]),
            report_id=int(str(r["report_id"])),
        )
        for r in rows
    ]


def history_count(store: Store, ref: FigureRef) -> int:
    where, params = ref.where()
    return int(
        str(store.query(f"SELECT count(*) AS n FROM claims c WHERE {where}", params)[0]["n"])
    )


def history_series(
    store: Store, ref: FigureRef, *, window: int = 2000, max_sources: int = 6
) -> dict[str, list[float]]:
    """Current values over time by source (oldest first), from the newest `window` rows."""
    where, params = ref.where()
    rows = store.query(
        f"""SELECT c.speaker, c.value FROM claims c WHERE {where} AND c.as_of = 'current'
            ORDER BY c.observed_at DESC, c.id DESC LIMIT :window""",
        {**params, "window": window},
    )
    series: dict[str, list[float]] = {}
    for r in reversed(rows):
        series.setdefault(str(r["speaker"]), []).append(float(r["value"]))
    ranked = sorted(series.items(), key=lambda kv: len(kv[1]), reverse=True)[:max_sources]
    return dict(ranked)


# -- change log -----------------------------------------------------------------------------


def change_figures(store: Store) -> list[str]:
    rows = store.query(
        "SELECT DISTINCT coalesce(figure, key) AS name FROM changes ORDER BY figure IS NULL, name"
    )
    return [str(r["name"]) for r in rows]


def export_changes(store: Store, path: Path, *, page: int = 1000) -> int:
    """Write the whole change log as JSON lines; returns the number of lines."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        offset = 0
        while rows := change_log(store, limit=page, offset=offset):
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += len(rows)
            offset += page
    return count

"""The figures panel's questions: which figures exist, and each one's current state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from tui.core.models import FigureKey
from tui.core.store.db import Store
from tui.core.store.refs import ALARMING_SQL, CLAIM_COLUMNS, FigureRef, display

# A figure's summary looks at this many of its newest observations: enough for every source
# that spoke recently and for a trend, and bounded however long the story runs.
SUMMARY_WINDOW = 300
SERIES_POINTS = 40


@dataclass(frozen=True, slots=True)
class SourceValue:
    source: str
    display: str
    value: float
    observed_at: str
    feed: str
    # How many outlets carried this word: 1 + the copies of its report ("AP · 5 outlets").
    outlets: int = 1
    # A plan's deadline as its sentence words it ("by September 2026"); None for a level
    # or a plan given without one.
    deadline: str | None = None


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
    # The newest stated plan ("fewer than 2,000" planned), shown beside the level.
    plan: SourceValue | None = None


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
    by recency. A key counts as unnamed when its newest claim carries no figure name.

    An unnamed key without a thing ("date|-|other|-|-": every date of every report) is no
    figure: the ledger never follows it, and as a card it lumped unrelated dates together.
    A named figure of dates ("Withdrawal deadline") is listed as any named figure."""
    present = set(_distinct(store, "figure"))
    refs = [FigureRef(n) for n in named if n in present]
    refs += [FigureRef(n) for n in sorted(present - set(named))]
    unnamed: list[tuple[str, str]] = []
    for key in _distinct(store, "key"):
        if FigureKey.from_text(key).thing is None:
            continue
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


def summarise(store: Store, ref: FigureRef, window: int = SUMMARY_WINDOW) -> FigureSummary:
    where, params = ref.where()
    rows = store.query(
        f"""SELECT {CLAIM_COLUMNS}, f.name AS feed, r.copy_of,
                   (SELECT count(DISTINCT k.feed_id) FROM reports k WHERE k.copy_of = r.id)
                   AS copies
            FROM claims c
            JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id
            WHERE {where} ORDER BY c.observed_at DESC, c.id DESC LIMIT :window""",
        {**params, "window": window},
    )
    # A copy is its origin's voice: counted in the origin's outlets, never a source itself.
    voices = [r for r in rows if r["copy_of"] is None]
    current = [r for r in voices if r["as_of"] == "current"]
    latest: dict[str, SourceValue] = {}
    for r in current:  # newest first: the first row per speaker is its current value
        speaker = str(r["speaker"])
        if speaker not in latest:
            latest[speaker] = _source_value(r)
    plans = [r for r in voices if r["as_of"] == "planned"]
    series = tuple(float(r["value"]) for r in reversed(current[:SERIES_POINTS]))
    change_where, _ = ref.where("ch")
    last = store.query(
        f"SELECT max(detected_at) AS at FROM changes ch WHERE {change_where} "
        f"AND verdict IN {ALARMING_SQL}",
        params,
    )
    pending_rows = store.query(
        f"""SELECT ch.id FROM changes ch WHERE {change_where} AND ch.acknowledged_at IS NULL
            AND ch.verdict IN {ALARMING_SQL}
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
        plan=replace(_source_value(plans[0]), deadline=plan_deadline(store, plans[0]))
        if plans
        else None,
    )


def level_and_plan(summary: FigureSummary) -> str:
    """ "about 2,500 now · fewer than 2,000 planned by Sep 2026": the newest level beside the
    newest plan and its deadline."""
    parts = []
    if summary.values:
        parts.append(f"{summary.values[0].display} now")
    if summary.plan is not None:
        parts.append(f"{summary.plan.display} {planned_text(summary.plan)}")
    return " · ".join(parts)


def planned_text(plan: SourceValue) -> str:
    """ "planned by September 2026", "planned within 14 days", "planned for 2027", "planned"."""
    deadline = plan.deadline
    if not deadline:
        return "planned"
    # A written preposition ("by", "within", "before", "next") reads on; a bare date
    # ("September 2026") needs one.
    return f"planned {deadline}" if deadline[:1].islower() else f"planned for {deadline}"


def plan_deadline(store: Store, plan: dict[str, object]) -> str | None:
    """When a plan is due, as its own sentence says: the nearest date or duration there
    that is still to come or bounds it ("by September 2026", "within 14 days"). A historic
    date ("down from 5,200 in 2020") or the day something was said ("on Friday") is not."""
    rows = store.query(
        """SELECT surface FROM claims
           WHERE version_id = :version AND sentence = :sentence
             AND kind IN ('date', 'duration') AND as_of != 'historic'
             AND (as_of = 'planned' OR bound = 'upper')
           ORDER BY abs(start - :start) LIMIT 1""",
        {"version": plan["version_id"], "sentence": plan["sentence"], "start": plan["start"]},
    )
    return str(rows[0]["surface"]) if rows else None


def _source_value(row: dict[str, object]) -> SourceValue:
    return SourceValue(
        str(row["speaker"]),
        display(row),
        float(str(row["value"])),
        str(row["observed_at"]),
        str(row["feed"]),
        outlets=1 + int(str(row.get("copies") or 0)),
    )


def _pending(store: Store, change_id: int) -> PendingChange | None:
    rows = store.query(
        f"""SELECT ch.id AS change_id, ch.verdict, ch.within_margin, ch.detected_at,
                   {CLAIM_COLUMNS}, f.name AS feed, ch.old_claim_id
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
            f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id = ?", (new["old_claim_id"],)
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
        old_display=display(old) if old else None,
        old_source=str(old["speaker"]) if old else None,
        new_display=display(new),
        new_source=str(new["speaker"]),
        feed=str(new["feed"]),
        direction=direction,
        within_margin=bool(new["within_margin"]),
        detected_at=str(new["detected_at"]),
    )


def figure_summaries(store: Store, named: Sequence[str] = ()) -> list[FigureSummary]:
    return [summarise(store, ref) for ref in figure_refs(store, named)]


def pending_change_ids(store: Store, ref: FigureRef) -> list[int]:
    """Every unacknowledged change of a figure (any verdict: acknowledging clears them all)."""
    where, params = ref.where("ch")
    rows = store.query(
        f"SELECT ch.id FROM changes ch WHERE {where} AND ch.acknowledged_at IS NULL", params
    )
    return [int(str(r["id"])) for r in rows]


@dataclass(frozen=True, slots=True)
class HeaderStats:
    last_poll_at: str | None
    next_poll_at: str | None
    feeds_ok: int
    feeds_failing: int
    unacknowledged: int


def header_stats(store: Store) -> HeaderStats:
    """The header line's numbers: poll times, feed health, unseen alarming changes."""
    row = store.query(
        """SELECT max(last_polled_at) AS last, min(next_poll_at) AS next,
                  sum(consecutive_failures = 0) AS ok, sum(consecutive_failures > 0) AS failing
           FROM feeds"""
    )[0]
    pending = store.query(
        "SELECT count(*) AS n FROM changes WHERE acknowledged_at IS NULL "
        f"AND verdict IN {ALARMING_SQL}"
    )[0]
    return HeaderStats(
        last_poll_at=str(row["last"]) if row["last"] else None,
        next_poll_at=str(row["next"]) if row["next"] else None,
        feeds_ok=int(str(row["ok"] or 0)),
        feeds_failing=int(str(row["failing"] or 0)),
        unacknowledged=int(str(pending["n"])),
    )

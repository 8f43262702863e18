"""The change log: read (for the CLI, the change-log screen and export), described, acknowledged.

Reads page with LIMIT/OFFSET (never a whole table) and run as single autocommit statements,
so no read transaction is held open.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.core import formats
from tui.core.store.db import Store

_CLAIM_SIDE = """
    {p}.id AS {p}_claim_id, {p}.value AS {p}_value, {p}.low AS {p}_low, {p}.high AS {p}_high,
    {p}.bound AS {p}_bound, {p}.surface AS {p}_surface, {p}.speaker AS {p}_source,
    {p}.kind AS {p}_kind, {p}.unit AS {p}_unit, {p}.as_of AS {p}_as_of,
    {p}.sentence AS {p}_sentence,
    {p}.observed_at AS {p}_observed_at, {p}_r.id AS {p}_report_id, {p}_r.link AS {p}_report_url,
    {p}_r.title AS {p}_report_title, {p}_r.published AS {p}_published, {p}_f.name AS {p}_feed
"""

_CHANGES_SQL = f"""
SELECT ch.id, ch.key, coalesce(ch.figure, ch.key) AS figure, ch.verdict, ch.within_margin,
       ch.detected_at, ch.acknowledged_at,
       {_CLAIM_SIDE.format(p="n")}, {_CLAIM_SIDE.format(p="o")}
FROM changes ch
JOIN claims n ON n.id = ch.claim_id
JOIN reports n_r ON n_r.id = n.report_id
JOIN feeds n_f ON n_f.id = n_r.feed_id
LEFT JOIN claims o ON o.id = ch.old_claim_id
LEFT JOIN reports o_r ON o_r.id = o.report_id
LEFT JOIN feeds o_f ON o_f.id = o_r.feed_id
"""


def _side(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row.get(f"{prefix}_claim_id") is None:
        return None
    names = (
        "value", "low", "high", "bound", "surface", "source", "feed", "report_url", "report_id",
        "report_title", "published", "kind", "unit", "as_of", "sentence", "observed_at",
        "claim_id",
    )  # fmt: skip
    return {name: row[f"{prefix}_{name}"] for name in names}


def change_log(
    store: Store,
    *,
    figure: str | None = None,
    since: str | None = None,
    verdicts: tuple[str, ...] | None = None,
    unacknowledged_only: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Changes, newest first, each with `old` and `new` sides (old is None for `new`)."""
    where, params = ["1 = 1"], {}
    if figure:
        where.append("(ch.figure = :figure OR ch.key = :figure)")
        params["figure"] = figure
    if since:
        where.append("ch.detected_at >= :since")
        params["since"] = since
    if verdicts:
        marks = ", ".join(f":v{i}" for i in range(len(verdicts)))
        where.append(f"ch.verdict IN ({marks})")
        params.update({f"v{i}": v for i, v in enumerate(verdicts)})
    if unacknowledged_only:
        where.append("ch.acknowledged_at IS NULL")
    sql = (
        f"{_CHANGES_SQL} WHERE {' AND '.join(where)} "
        "ORDER BY ch.detected_at DESC, ch.id DESC LIMIT :limit OFFSET :offset"
    )
    rows = store.query(sql, {**params, "limit": limit, "offset": offset})
    out = []
    for row in rows:
        out.append(
            {
                "id": row["id"],
                "figure": row["figure"],
                "key": row["key"],
                "verdict": row["verdict"],
                # a plan's ledger ("planned") or the level's ("current"): never mixed
                "as_of": row["n_as_of"],
                "within_margin": bool(row["within_margin"]),
                "detected_at": row["detected_at"],
                "acknowledged_at": row["acknowledged_at"],
                "old": _side(row, "o"),
                "new": _side(row, "n"),
            }
        )
    return out


def _who(side: dict[str, Any]) -> str:
    """ "Pentagon, Tigris Wire": who said it and where; once when they are the same."""
    source, feed = side["source"], side["feed"]
    return source if source == feed else f"{source}, {feed}"


def describe_change(row: dict[str, Any]) -> str:
    """One `change_log` row as a line of text (the form `storywatch changes` prints)."""
    new, old = row["new"], row["old"]
    head = f"{row['detected_at']}  {row['verdict'].upper():<9} {row['figure']}:"
    if old is None:
        return f"{head} {new['surface']} ({_who(new)})"
    margin = " (small move)" if row["within_margin"] and row["verdict"] == "changed" else ""
    return f"{head} {old['surface']} ({old['source']}) -> {new['surface']} ({_who(new)}){margin}"


def acknowledge(store: Store, change_ids: list[int] | None, now: str) -> int:
    """Mark changes seen (all unacknowledged ones when `change_ids` is None)."""
    with store.write() as db:
        if change_ids is None:
            cursor = db.execute(
                "UPDATE changes SET acknowledged_at = ? WHERE acknowledged_at IS NULL", [now]
            )
        else:
            marks = ", ".join("?" for _ in change_ids)
            cursor = db.execute(
                f"UPDATE changes SET acknowledged_at = ? "
                f"WHERE acknowledged_at IS NULL AND id IN ({marks})",
                [now, *change_ids],
            )
        return int(cursor.rowcount)


def change_figures(store: Store) -> list[str]:
    """Every figure (name or key) that has changes: named ones first."""
    rows = store.query(
        "SELECT DISTINCT coalesce(figure, key) AS name FROM changes ORDER BY figure IS NULL, name"
    )
    return [str(r["name"]) for r in rows]


def export_changes(
    store: Store, path: Path, *, fmt: str = "json", title: str = "storywatch", page: int = 1000
) -> int:
    """Write the whole change log (JSON lines, CSV, Markdown or Atom); returns the count."""
    if fmt != "json":
        rows: list[dict[str, Any]] = []
        while batch := change_log(store, limit=page, offset=len(rows)):
            rows.extend(batch)
        text = {
            "csv": formats.to_csv,
            "markdown": formats.to_markdown,
        }.get(fmt)
        if text is not None:
            path.write_text(text(rows), encoding="utf-8")
        elif fmt == "atom":
            feed_id = formats.feed_id_for(Path(store.path))
            path.write_text(formats.to_atom(rows, title=title, feed_id=feed_id), encoding="utf-8")
        else:
            raise ValueError(f"unknown export format {fmt!r}")
        return len(rows)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        offset = 0
        while rows := change_log(store, limit=page, offset=offset):
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += len(rows)
            offset += page
    return count

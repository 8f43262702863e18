"""A figure's history: every observation, keyset-paged both ways, and its trend by source.

The one reader of a figure's observations: the history screen pages it, and
`storywatch history` lists it (oldest first, as JSON lines or text).
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.store.db import Store
from tui.core.store.refs import CLAIM_COLUMNS, FigureRef, display


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One observation of a figure as the history screen lists it (`ledger.Observation` is
    the claim the ledger judges)."""

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
    outlets: int = 1  # 1 + the copies of its report that ran elsewhere (folded into it)
    copy: bool = False  # a copy whose origin does not state this figure: listed on its own
    surface: str = ""
    low: float | None = None
    high: float | None = None
    kind: str = ""
    unit: str | None = None
    key: str = ""
    figure: str | None = None
    report_title: str = ""
    report_url: str | None = None
    version: int = 1

    def as_json(self) -> dict[str, object]:
        """The stored observation, as `storywatch history --json` writes it."""
        names = (
            "id", "observed_at", "surface", "value", "low", "high", "bound", "kind", "unit",
            "source", "as_of", "sentence", "key", "figure", "feed", "report_title",
            "report_url", "report_id", "version",
        )  # fmt: skip
        return {name: getattr(self, name) for name in names}


# A copy is one voice with its origin: its row is folded into the origin's ("AP · 5
# outlets") when the origin states this figure too. A copy whose origin does not (the origin
# was pruned, or read otherwise) stays listed, marked as a copy.
FOLDED_COPY = """(r.copy_of IS NOT NULL AND EXISTS (
    SELECT 1 FROM claims o WHERE o.report_id = r.copy_of AND o.key = c.key))"""


def history_page(
    store: Store,
    ref: FigureRef,
    *,
    after: tuple[str, int] | None = None,
    before: tuple[str, int] | None = None,
    limit: int = 100,
    oldest_first: bool = False,
    fold_copies: bool = True,
) -> list[HistoryRow]:
    """One page of observations, newest first, copies folded into their origin's row.
    `after` = (observed_at, id) of the last row of the previous page (page down); `before` =
    the first row of the current one (page up). `oldest_first` (without a cursor): the first
    `limit` observations, oldest first. `fold_copies=False` lists every copy on its own
    (`storywatch history` lists every observation)."""
    where, params = ref.where()
    if fold_copies:
        where += f" AND NOT {FOLDED_COPY}"
    order = "ASC" if oldest_first else "DESC"
    if after is not None:
        where += " AND (c.observed_at, c.id) < (:at, :id)"
        params.update(at=after[0], id=after[1])
    elif before is not None:
        where += " AND (c.observed_at, c.id) > (:at, :id)"
        params.update(at=before[0], id=before[1])
        order = "ASC"
    rows = store.query(
        f"""SELECT {CLAIM_COLUMNS}, c.key, c.figure, f.name AS feed, r.copy_of,
                   r.title AS report_title, r.link AS report_url, v.version,
                   (SELECT count(DISTINCT k.feed_id) FROM reports k WHERE k.copy_of = r.id)
                   AS copies
            FROM claims c
            JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id
            JOIN report_versions v ON v.id = c.version_id
            WHERE {where} ORDER BY c.observed_at {order}, c.id {order} LIMIT :limit""",
        {**params, "limit": limit},
    )
    if before is not None:
        rows.reverse()
    return [
        HistoryRow(
            id=int(str(r["id"])),
            observed_at=str(r["observed_at"]),
            display=display(r),
            value=float(r["value"]),
            bound=str(r["bound"]),
            source=str(r["speaker"]),
            feed=str(r["feed"]),
            sentence=str(r["sentence"]),
            as_of=str(r["as_of"]),
            report_id=int(str(r["report_id"])),
            outlets=1 + int(str(r["copies"] or 0)),
            copy=r["copy_of"] is not None,
            surface=str(r["surface"]),
            low=r["low"],
            high=r["high"],
            kind=str(r["kind"]),
            unit=r["unit"],
            key=str(r["key"]),
            figure=r["figure"],
            report_title=str(r["report_title"]),
            report_url=r["report_url"],
            version=int(str(r["version"])),
        )
        for r in rows
    ]


def history_count(store: Store, ref: FigureRef) -> int:
    """How many rows `history_page` lists in all (folded copies not counted)."""
    where, params = ref.where()
    rows = store.query(
        f"""SELECT count(*) AS n FROM claims c JOIN reports r ON r.id = c.report_id
            WHERE {where} AND NOT {FOLDED_COPY}""",
        params,
    )
    return int(str(rows[0]["n"]))


def history_points(
    store: Store, ref: FigureRef, *, window: int = 2000, max_sources: int = 6
) -> dict[str, list[tuple[str, float, str]]]:
    """(observed_at, value, as_of) by source, oldest first, for a chart on one shared axis.

    Current and planned values both come back (a plan is drawn apart from the level);
    historic ones do not. A bound without a stated value is plotted at its stated end. A
    copy is not drawn again beside its origin.
    """
    where, params = ref.where()
    rows = store.query(
        f"""SELECT c.speaker, c.observed_at, coalesce(c.value, c.low, c.high) AS v, c.as_of
            FROM claims c JOIN reports r ON r.id = c.report_id
            WHERE {where} AND c.as_of IN ('current', 'planned') AND NOT {FOLDED_COPY}
            ORDER BY c.observed_at DESC, c.id DESC LIMIT :window""",
        {**params, "window": window},
    )
    series: dict[str, list[tuple[str, float, str]]] = {}
    for r in reversed(rows):
        if r["v"] is not None:
            point = (str(r["observed_at"]), float(r["v"]), str(r["as_of"]))
            series.setdefault(str(r["speaker"]), []).append(point)
    ranked = sorted(series.items(), key=lambda kv: len(kv[1]), reverse=True)[:max_sources]
    return dict(ranked)

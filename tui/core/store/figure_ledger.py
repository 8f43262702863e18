"""The ledger's rows: what a new claim is judged against, and each speaker's latest word.

`ledger.decide` is pure; this module feeds it the few observations it needs from SQLite
and records each new claim as its speaker's latest word on the figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from tui.core.copies import (
    COPY_RESEMBLANCE,
    numbers_of,
    resemblance,
    sketch,
    sketch_from_text,
    sketch_text,
)
from tui.core.ledger import Observation, interval_of, normalise_source
from tui.core.store.claim_rows import claim_from_row
from tui.core.store.db import Store, iso, parse_iso

# What a new claim is judged against (see `ledger.decide`): the speaker's own latest word,
# the latest word from another speaker at about the same time that cannot be the same
# value (a possible dispute), the latest word overall, and what this report said before
# (so a revision is compared with itself). `figure_latest` keeps each speaker's latest
# claim per figure with its interval, so this reads at most a few rows whatever the
# figure's history. A named figure is one ledger across its keys (the user said they are
# one quantity); an unnamed key is its own.
_LEDGER_SQL = """
SELECT c.*, r.entry_id, f.name AS feed, v.version FROM claims c
JOIN reports r ON r.id = c.report_id
JOIN feeds f ON f.id = r.feed_id
JOIN report_versions v ON v.id = c.version_id
WHERE c.id IN (
    SELECT claim_id FROM figure_latest WHERE identity = :identity AND speaker_key = :speaker
    UNION
    SELECT claim_id FROM (
        SELECT claim_id FROM figure_latest
        WHERE identity = :identity AND speaker_key != :speaker
          AND observed_at BETWEEN :window_start AND :window_end
          AND (low > :high OR high < :low)
        ORDER BY observed_at DESC LIMIT 1)
    UNION
    SELECT claim_id FROM (SELECT claim_id FROM figure_latest WHERE identity = :identity
                          ORDER BY observed_at DESC LIMIT 1)
    UNION
    SELECT id FROM claims WHERE report_id = :report AND as_of = :as_of
                          AND coalesce(figure, key) = :name
)
"""


SPEAKER_SCOPE = "\x1fspeaker:"


def ledger_identity(
    key: str, figure: str | None, as_of: str = "current", speaker: str | None = None
) -> str:
    """The ledger a claim is judged in: its figure's (or key's), plans apart from levels.

    `speaker` narrows it to one speaker's own words: for an unnamed key with no place and no
    actor, which is too loose to be one quantity across speakers (see `ingest`).
    """
    identity = f"figure:{figure}" if figure is not None else f"key:{key}"
    if as_of == "planned":
        identity = f"plan:{identity}"
    if speaker is not None:
        identity = f"{identity}{SPEAKER_SCOPE}{normalise_source(speaker)}"
    return identity


def ledger_for(
    store: Store,
    identity: str,
    name: str,
    observation: Observation,
    window: timedelta,
    report_id: int,
    *,
    look_back: bool = False,
) -> list[tuple[Observation, int]]:
    """The observations `ledger.decide` needs; `name` is the claim's figure name or key.
    `look_back` also reads the latest words at or before it when nothing later is known
    (`figure_latest` may hold this very claim as its speaker's latest)."""
    interval = interval_of(observation.claim)
    rows = store.query(
        _LEDGER_SQL,
        {
            "identity": identity,
            "speaker": normalise_source(observation.source),
            "window_start": iso(observation.observed_at - window),
            "window_end": iso(observation.observed_at + window),
            "low": interval.low,
            "high": interval.high,
            "report": report_id,
            "as_of": observation.claim.as_of,
            "name": name,
        },
    )
    found = [(_observation(row), int(row["id"])) for row in rows]
    if look_back or any(o.observed_at > observation.observed_at for o, _ in found):
        # A report published earlier than words already in the ledger (feeds of one poll
        # land in any order; a first poll brings days of backlog): changes are judged
        # against what was said before it, which `figure_latest` no longer holds.
        known = {claim_id for _, claim_id in found}
        found += [
            (o, claim_id)
            for o, claim_id in _said_before(store, identity, name, observation, report_id)
            if claim_id not in known
        ]
    return found


def _said_before(
    store: Store, identity: str, name: str, observation: Observation, report_id: int
) -> list[tuple[Observation, int]]:
    """The latest word at or before `observation`, overall and from its own speaker."""
    column = "figure" if identity.removeprefix("plan:").startswith("figure:") else "key"
    where = f"c.{column} = :name" + (" AND c.figure IS NULL" if column == "key" else "")
    if SPEAKER_SCOPE in identity:
        where += " AND c.speaker = :speaker"
    params = {
        "name": name,
        "as_of": observation.claim.as_of,
        "at": iso(observation.observed_at),
        "report": report_id,
        "speaker": observation.source,
    }
    out: list[tuple[Observation, int]] = []
    for extra in ("", " AND c.speaker = :speaker"):
        rows = store.query(
            f"""SELECT c.*, r.entry_id, f.name AS feed, v.version FROM claims c
                JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id
                JOIN report_versions v ON v.id = c.version_id
                WHERE {where}{extra} AND c.as_of = :as_of AND c.observed_at <= :at
                  AND c.report_id != :report AND r.copy_of IS NULL AND c.thing IS NOT NULL
                ORDER BY c.observed_at DESC, c.id DESC LIMIT 1""",
            params,
        )
        out += [(_observation(row), int(row["id"])) for row in rows]
    return out


def first_sighting_after(
    store: Store, identity: str, name: str, observation: Observation, report_id: int
) -> tuple[Observation, int, int, int] | None:
    """The earliest later word of this ledger that was judged a first sighting ("new")
    before `observation` (published earlier, ingested later) was known: (observation,
    claim id, its report id, the id of its "new" change). None for a speaker's own ledger."""
    if SPEAKER_SCOPE in identity:
        return None
    column = "figure" if identity.removeprefix("plan:").startswith("figure:") else "key"
    # Driven from the changes table: first sightings are few, a figure's claims are many
    # (a first poll's backlog asks this for most of them). Migration 0010's partial indexes
    # hold exactly the "new" changes by figure and by key.
    where = f"ch.{column} = :name" + (" AND ch.figure IS NULL" if column == "key" else "")
    rows = store.query(
        f"""SELECT c.*, r.entry_id, f.name AS feed, v.version, ch.id AS change_id
            FROM changes ch JOIN claims c ON c.id = ch.claim_id
            JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id
            JOIN report_versions v ON v.id = c.version_id
            WHERE ch.verdict = 'new' AND {where} AND c.as_of = :as_of
              AND c.observed_at > :at AND c.report_id != :report AND r.copy_of IS NULL
            ORDER BY c.observed_at, c.id LIMIT 1""",
        {
            "name": name,
            "as_of": observation.claim.as_of,
            "at": iso(observation.observed_at),
            "report": report_id,
        },
    )
    return next(
        (
            (_observation(row), int(row["id"]), int(row["report_id"]), int(row["change_id"]))
            for row in rows
        ),
        None,
    )


# A speaker's latest word replaces an earlier one only (`ledger_index` batches these).
REMEMBER_LATEST_SQL = """INSERT INTO figure_latest (identity, speaker_key, claim_id,
    observed_at, low, high) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (identity, speaker_key) DO UPDATE
    SET claim_id = excluded.claim_id, observed_at = excluded.observed_at,
        low = excluded.low, high = excluded.high
    WHERE excluded.observed_at >= figure_latest.observed_at"""


def remember_latest(store: Store, identity: str, observation: Observation, claim_id: int) -> None:
    """Make this claim its speaker's latest word on the figure, unless a later one exists."""
    interval = interval_of(observation.claim)
    store.conn.execute(
        REMEMBER_LATEST_SQL,
        [
            identity,
            normalise_source(observation.source),
            claim_id,
            iso(observation.observed_at),
            interval.low,
            interval.high,
        ],
    )


def _observation(row: Mapping[str, Any]) -> Observation:
    return Observation(
        claim=claim_from_row(row),
        report=f"{row['feed']}\x1f{row['entry_id']}",
        revision=int(row["version"]),
        source=str(row["speaker"]),
        observed_at=parse_iso(str(row["observed_at"])),
    )


# -- copies: one voice however many outlets carry it (see `tui.core.copies`) ------------------

COPY_WINDOW = timedelta(days=7)  # wire copy is republished within days, not months
_CANDIDATES = 500  # at most this many recent on-story reports are compared with a new one


def find_origin(store: Store, report_id: int, text: str, published: datetime) -> int | None:
    """The earlier report this one copies (its origin, never itself a copy), or None; and
    remember this report's sketch for the reports that come after it."""
    row = store.conn.execute("SELECT url_key FROM reports WHERE id = ?", [report_id]).fetchone()
    key = row[0] if row else None
    mine, numbers = sketch(text), numbers_of(text)
    origin = None
    if key is not None:
        found = store.conn.execute(
            """SELECT coalesce(r.copy_of, r.id) FROM reports r JOIN report_sketches s
               ON s.report_id = r.id WHERE r.url_key = ? AND r.id != ? AND s.numbers = ?
               ORDER BY r.id LIMIT 1""",
            [key, report_id, numbers],
        ).fetchone()
        origin = int(found[0]) if found else None
    # Without numbers a text states no figure: as a copy or not, it changes no ledger.
    if origin is None and mine and numbers:
        rows = store.conn.execute(
            """SELECT r.id, coalesce(r.copy_of, r.id), s.sketch FROM report_sketches s
               JOIN reports r ON r.id = s.report_id
               WHERE s.published BETWEEN ? AND ? AND s.numbers = ? AND r.id != ?
               ORDER BY s.published DESC LIMIT ?""",
            [iso(published - COPY_WINDOW), iso(published + COPY_WINDOW), numbers, report_id,
             _CANDIDATES],
        ).fetchall()  # fmt: skip
        matches = [
            int(root)
            for _, root, stored in rows
            if resemblance(mine, sketch_from_text(stored)) >= COPY_RESEMBLANCE
        ]
        origin = min(matches) if matches else None
    store.conn.execute(
        "INSERT OR REPLACE INTO report_sketches VALUES (?, ?, ?, ?)",
        [report_id, iso(published), sketch_text(mine), numbers],
    )
    if origin is not None:
        store.conn.execute("UPDATE reports SET copy_of = ? WHERE id = ?", [origin, report_id])
    return origin

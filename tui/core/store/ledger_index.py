"""The ledger's reads answered from memory, and its writes sent in batches.

`figure_ledger`'s SQL reads (`ledger_for`, `_said_before`, `first_sighting_after`) cost
several indexed queries per claim: most of a first poll's store stage. `LedgerIndex` holds
the same rows in memory and answers the same questions with the same answers (ties broken as
SQLite's query plans break them: see each method), so a poll's verdicts are unchanged;
`tests/integration/test_ledger_index.py` compares the two. The rows are held in the shapes of
`ledger_memory`. Its writes (claims, changes, `figure_latest`) are queued and sent with
`executemany` before any read of the database and at the end of the feed's transaction,
under ids assigned as SQLite would (max + 1).

An index lives as long as its `Store` and is thrown away whenever it may be stale: another
connection committed (`PRAGMA data_version`), this connection wrote outside it (its
`total_changes` moved: a prune, an acknowledgement), or a transaction rolled back.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
import weakref
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from tui.core.ledger import Observation, interval_of, normalise_source
from tui.core.models import Claim
from tui.core.store.db import Store, iso, parse_iso
from tui.core.store.figure_ledger import REMEMBER_LATEST_SQL, SPEAKER_SCOPE
from tui.core.store.ledger_memory import (
    Latest,
    LedgerWords,
    NameWords,
    Word,
    rival,
)

# Claims held (~500 bytes each: a 500-feed first poll holds ~53,000, ~27 MB); past this the
# index is dropped after the feed and rebuilt from the file as ledgers are asked for.
_FORGET_AFTER = 100_000
# Observations (the claim itself, its sentence) held between feeds: the latest ones, which a
# backlog asks for most; older ones are read again from the file when asked for. Without
# the bound a 500-feed first poll held ~27 MB more; 12,000 held ~9 MB more than 1,000, which
# kept the process tree over its 150 MB budget with the figure worker beside it.
OBSERVATIONS_HELD = 1_000
_CLAIM_COLUMNS = (
    "id, report_id, version_id, key, figure, surface, kind, bound, low, high, value, unit, "
    'thing, place, actor, source, speaker, predicate, as_of, sentence, start, "end", observed_at'
)
_WORD_SQL = """SELECT c.id, c.report_id, c.as_of, c.observed_at, c.speaker,
    coalesce(c.figure, c.key), c.thing IS NOT NULL, r.copy_of IS NOT NULL
    FROM claims c JOIN reports r ON r.id = c.report_id WHERE """


def _column(identity: str) -> str:
    return "figure" if identity.removeprefix("plan:").startswith("figure:") else "key"


class LedgerIndex:
    """One store's ledger in memory: see the module docstring."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._stamp: tuple[int, int] | None = None
        self._next_claim: int | None = None
        self._next_change: int | None = None
        self._reset()

    def _reset(self) -> None:
        self._words: dict[int, Word] = {}
        self._identities: dict[str, LedgerWords] = {}
        self._names: dict[tuple[str, str], NameWords] = {}
        self._reports: dict[int, list[Word]] = {}
        self._spans: dict[tuple[datetime, timedelta], tuple[str, str]] = {}
        self._observed: dict[int, None] = {}  # words holding their observation, LRU first
        self._claims: list[tuple[object, ...]] = []
        self._changes: list[tuple[object, ...]] = []
        self._latest: list[tuple[object, ...]] = []
        self._updates: list[tuple[object, ...]] = []

    # -- the transaction ------------------------------------------------------------------

    def begin(self) -> None:
        """Inside the feed's write transaction: drop a stale index; ids are taken anew."""
        if self._stamp != _stamp(self._conn):
            self._reset()
        self._next_claim = self._next_change = None

    def commit(self) -> None:
        """The transaction committed: the index is the file's state until another write."""
        self._stamp = None if len(self._words) > _FORGET_AFTER else _stamp(self._conn)
        if self._stamp is None:
            self._reset()
        while len(self._observed) > OBSERVATIONS_HELD:  # never mid-feed: words in hand keep theirs
            claim_id = next(iter(self._observed))
            del self._observed[claim_id]
            self._words[claim_id].observation = None

    def abandon(self) -> None:
        """The transaction rolled back: what the index holds may never have been stored."""
        self._stamp = None
        self._reset()

    def flush(self) -> None:
        """Send the queued writes in order: claims first, then the rows that refer to them."""
        conn = self._conn
        if self._claims:
            conn.executemany(_INSERT_CLAIM, self._claims)
        if self._changes:
            conn.executemany(_INSERT_CHANGE, self._changes)
        if self._latest:
            conn.executemany(REMEMBER_LATEST_SQL, self._latest)
        if self._updates:
            conn.executemany(_UPDATE_CHANGE, self._updates)
        self._claims, self._changes, self._latest, self._updates = [], [], [], []

    # -- reads: `figure_ledger`'s, from memory ----------------------------------------------

    def new_report(self, report_id: int) -> None:
        """A report stored in this transaction: it has no claims yet."""
        self._reports[report_id] = []

    def history(
        self,
        identity: str,
        name: str,
        observation: Observation,
        window: timedelta,
        report_id: int,
        *,
        look_back: bool = False,
    ) -> list[tuple[Observation, int]]:
        """`figure_ledger.ledger_for`: its UNION's claims in id order, then `said_before`'s."""
        interval = interval_of(observation.claim)
        speaker = normalise_source(observation.source)
        ledger = self._identity(identity)
        ids: set[int] = set()
        if (own := ledger.rows.get(speaker)) is not None:
            ids.add(own.claim_id)
        span = self._spans.get((observation.observed_at, window))
        if span is None:  # a report's claims share its time
            moment = observation.observed_at
            span = self._spans[(moment, window)] = (iso(moment - window), iso(moment + window))
        start, end = span
        other = rival(ledger, speaker, start, end, interval.low, interval.high)
        if other is not None:
            ids.add(other)
        if (latest := ledger.latest()) is not None:
            ids.add(latest)
        as_of = observation.claim.as_of
        ids.update(w.id for w in self._report(report_id) if w.as_of == as_of and w.name == name)
        words = self._by_id(sorted(ids))
        found = list(zip(self._observations(words), (w.id for w in words), strict=True))
        if look_back or any(o.observed_at > observation.observed_at for o, _ in found):
            found += [
                (o, claim_id)
                for o, claim_id in self.said_before(identity, name, observation, report_id)
                if claim_id not in ids
            ]
        return found

    def said_before(
        self, identity: str, name: str, observation: Observation, report_id: int
    ) -> list[tuple[Observation, int]]:
        """`figure_ledger._said_before`: the latest word at or before it, overall and its own."""
        group = self._name(_column(identity), name)
        moment, as_of = iso(observation.observed_at), observation.claim.as_of
        scoped = SPEAKER_SCOPE in identity
        out: list[tuple[Observation, int]] = []
        for own in (False, True):
            words = group.said.get((as_of, observation.source if scoped or own else None))
            word = words.last_until(moment, report_id) if words else None
            if word is not None:
                out.append((self._observations([word])[0], word.id))
        return out

    def first_sighting_after(
        self, identity: str, name: str, observation: Observation, report_id: int
    ) -> tuple[Observation, int, int, int] | None:
        """`figure_ledger.first_sighting_after`, from the "new" changes held by figure."""
        if SPEAKER_SCOPE in identity:
            return None
        group = self._name(_column(identity), name)
        firsts = group.firsts.get(observation.claim.as_of)
        found = firsts.first_after(iso(observation.observed_at), report_id) if firsts else None
        if found is None:
            return None
        word = found[0]
        observed = self._observations([word])[0]
        return observed, word.id, word.report_id, group.change_of[word.id]

    # -- writes, queued ---------------------------------------------------------------------

    def add_claim(
        self,
        observation: Observation,
        report_id: int,
        version_id: int,
        key: str,
        figure: str | None,
        copy: bool,
    ) -> int:
        """Queue a claim's row; its id is the one SQLite would give it."""
        if self._next_claim is None:
            self._next_claim = _next_id(self._conn, "claims")
        claim_id, self._next_claim = self._next_claim, self._next_claim + 1
        c, at = observation.claim, iso(observation.observed_at)
        self._claims.append(
            (
                claim_id, report_id, version_id, key, figure, c.surface, c.kind, c.bound,
                c.low, c.high, c.value, c.unit, c.thing, c.place, c.actor, c.source,
                observation.source, c.predicate, c.as_of, c.sentence, c.start, c.end, at,
            )
        )  # fmt: skip
        # The observation as the database would give it back (REAL columns, seconds, UTC).
        stored = c
        if type(c.low) is not float or not (c.high is None or type(c.high) is float):
            stored = replace(c, low=float(c.low), high=None if c.high is None else float(c.high))
        name = sys.intern(figure if figure is not None else key)  # one string per key, not claim
        word = Word(
            claim_id, report_id, c.as_of, at, observation.source, name,
            c.thing is not None and not copy, copy,
            Observation(stored, observation.report, observation.revision, observation.source,
                        parse_iso(at)),
        )  # fmt: skip
        self._words[claim_id] = word
        self._observed[claim_id] = None
        if (mine := self._reports.get(report_id)) is not None:
            mine.append(word)
        if group := self._names.get(("figure" if figure is not None else "key", name)):
            group.add_word(word)
        return claim_id

    def remember_latest(self, identity: str, observation: Observation, claim_id: int) -> None:
        """`figure_ledger.remember_latest`, queued; the same rule keeps the later word."""
        ledger = self._identity(identity)
        interval = interval_of(observation.claim)
        speaker, at = normalise_source(observation.source), iso(observation.observed_at)
        self._latest.append((identity, speaker, claim_id, at, interval.low, interval.high))
        old = ledger.rows.get(speaker)
        if old is None or at >= old.at:
            ledger.put(speaker, Latest(claim_id, at, interval.low, interval.high))

    def add_change(
        self, claim_id: int, old_id: int | None, key: str, figure: str | None, verdict: str,
        within_margin: bool, detected_at: str,
    ) -> int:  # fmt: skip
        if self._next_change is None:
            self._next_change = _next_id(self._conn, "changes")
        change_id, self._next_change = self._next_change, self._next_change + 1
        self._changes.append(
            (change_id, claim_id, old_id, key, figure, verdict, int(within_margin), detected_at)
        )
        name = figure if figure is not None else key
        group = self._names.get(("figure" if figure is not None else "key", name))
        if verdict == "new" and group is not None:
            group.add_first(self._words[claim_id], change_id)
        return change_id

    def update_change(
        self, identity: str, name: str, claim_id: int, change_id: int, verdict: str,
        old_id: int | None, within_margin: bool,
    ) -> None:  # fmt: skip
        """A first sighting judged again (found by `first_sighting_after`) is "new" no more."""
        self._updates.append((verdict, old_id, int(within_margin), change_id))
        group = self._name(_column(identity), name)
        word = self._words[claim_id]
        if verdict != "new" and group.change_of.pop(claim_id, None) is not None:
            group.firsts[word.as_of].remove((word.at, word.id))

    # -- loading what memory does not hold yet (after sending the queue) --------------------

    def _identity(self, identity: str) -> LedgerWords:
        ledger = self._identities.get(identity)
        if ledger is None:
            self.flush()
            ledger = self._identities[identity] = LedgerWords()
            rows = self._conn.execute(
                "SELECT speaker_key, claim_id, observed_at, low, high FROM figure_latest "
                "WHERE identity = ?",
                [identity],
            )
            for speaker, claim_id, at, low, high in rows:
                ledger.put(speaker, Latest(claim_id, at, low, high))
        return ledger

    def _name(self, column: str, name: str) -> NameWords:
        group = self._names.get((column, name))
        if group is None:
            self.flush()
            group = self._names[(column, name)] = NameWords()
            only = " AND {}.figure IS NULL" if column == "key" else ""
            for word in self._load(f"c.{column} = ?" + only.format("c"), [name]):
                group.add_word(word)
            firsts = self._conn.execute(
                f"SELECT id, claim_id FROM changes ch WHERE verdict = 'new' "
                f"AND ch.{column} = ?" + only.format("ch"),
                [name],
            ).fetchall()
            words = self._by_id([claim_id for _, claim_id in firsts])
            for (change_id, _), word in zip(firsts, words, strict=True):
                group.add_first(word, change_id)
        return group

    def _by_id(self, ids: list[int]) -> list[Word]:
        """These claims' words (a `figure_latest` row names claims of ledgers not loaded)."""
        missing = [claim_id for claim_id in ids if claim_id not in self._words]
        if missing:
            self.flush()
            self._load("c.id IN (SELECT value FROM json_each(?))", [json.dumps(missing)])
        return [self._words[claim_id] for claim_id in ids]

    def _report(self, report_id: int) -> list[Word]:
        words = self._reports.get(report_id)
        if words is None:
            self.flush()
            words = self._reports[report_id] = self._load("c.report_id = ?", [report_id])
        return words

    def _load(self, where: str, params: list[Any]) -> list[Word]:
        out = []
        for claim_id, report_id, as_of, at, speaker, name, thing, copy in self._conn.execute(
            _WORD_SQL + where + " ORDER BY c.id", params
        ):
            word = self._words.get(claim_id)
            if word is None:
                said = bool(thing) and not copy
                name = sys.intern(name)
                word = Word(claim_id, report_id, as_of, at, speaker, name, said, bool(copy))
                self._words[claim_id] = word
            out.append(word)
        return out

    def _observations(self, words: list[Word]) -> list[Observation]:
        """The words' observations, read again for those that let theirs go. No flush is
        needed first: a word lets its observation go only at a commit, after its row was
        sent (and words loaded from the file hold none until read here)."""
        observed = self._observed
        missing = []
        for word in words:
            if word.observation is None:
                missing.append(word.id)
            else:  # asked for again: the last to let its observation go (least recently used)
                observed.pop(word.id, None)
                observed[word.id] = None
        if missing:
            if len(missing) == 1:  # most reads: one word, by a statement SQLite keeps
                rows = self._conn.execute(_OBSERVATION_SQL + "c.id = ?", missing)
            else:
                rows = self._conn.execute(_OBSERVATION_SQL + _IN_JSON, [json.dumps(missing)])
            for row in rows:
                claim_id, feed, entry_id, version, speaker, at = row[:6]
                self._words[claim_id].observation = Observation(
                    Claim(*row[6:]),
                    f"{feed}\x1f{entry_id}",
                    int(version),
                    str(speaker),
                    _parse_iso(at),
                )
                self._observed[claim_id] = None
        return [w.observation for w in words if w.observation is not None]


# `figure_ledger._observation` of the row, the claim's columns in `Claim`'s field order.
_OBSERVATION_SQL = """SELECT c.id, f.name, r.entry_id, v.version, c.speaker, c.observed_at,
    c.surface, c.kind, c.bound, c.low, c.high, c.unit, c.thing, c.place, c.actor, c.source,
    c.predicate, c.as_of, c.sentence, c.start, c."end"
    FROM claims c JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id
    JOIN report_versions v ON v.id = c.version_id WHERE """
_IN_JSON = "c.id IN (SELECT value FROM json_each(?))"


@functools.lru_cache(maxsize=4096)  # a report's claims share their time
def _parse_iso(text: str) -> datetime:
    return parse_iso(text)


def _stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    """Moves when anyone else commits, or this connection writes anything."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    """The rowid SQLite gives the next row it inserts (no AUTOINCREMENT: max + 1)."""
    return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


_INDEXES: weakref.WeakKeyDictionary[Store, LedgerIndex] = weakref.WeakKeyDictionary()


def ledger_index(store: Store) -> LedgerIndex:
    """The store's index (made on first use; one per connection)."""
    index = _INDEXES.get(store)
    if index is None:
        index = _INDEXES[store] = LedgerIndex(store.conn)
    return index


_INSERT_CLAIM = f"""INSERT INTO claims ({_CLAIM_COLUMNS}) VALUES ({", ".join("?" * 23)})"""
_INSERT_CHANGE = """INSERT INTO changes (id, claim_id, old_claim_id, key, figure, verdict,
    within_margin, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""
_UPDATE_CHANGE = "UPDATE changes SET verdict = ?, old_claim_id = ?, within_margin = ? WHERE id = ?"


def existing_index(store: Store) -> LedgerIndex | None:
    """The store's index if one was made, else None (nothing is made)."""
    return _INDEXES.get(store)

"""The ledger's reads and writes one SQL statement each: the reference for `LedgerIndex`.

`poll_writer` judges through `LedgerIndex` (memory, batched writes); this gives the same
answers straight from `figure_ledger`'s queries, each write sent at once. The equivalence
test stores one backlog through both and compares every ledger row.
"""

from __future__ import annotations

from datetime import timedelta

from tui.core.ledger import Observation
from tui.core.store.db import Store, iso
from tui.core.store.figure_ledger import first_sighting_after, ledger_for, remember_latest


class SqlLedger:
    """`LedgerIndex`'s interface over the database itself."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def begin(self) -> None:
        pass

    def commit(self) -> None:
        pass

    def abandon(self) -> None:
        pass

    def flush(self) -> None:
        pass

    def new_report(self, report_id: int) -> None:
        pass

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
        return ledger_for(
            self._store, identity, name, observation, window, report_id, look_back=look_back
        )

    def first_sighting_after(
        self, identity: str, name: str, observation: Observation, report_id: int
    ) -> tuple[Observation, int, int, int] | None:
        return first_sighting_after(self._store, identity, name, observation, report_id)

    def add_claim(
        self,
        observation: Observation,
        report_id: int,
        version_id: int,
        key: str,
        figure: str | None,
        copy: bool,
    ) -> int:
        c = observation.claim
        cursor = self._store.conn.execute(
            """INSERT INTO claims (report_id, version_id, key, figure, surface, kind, bound,
                   low, high, value, unit, thing, place, actor, source, speaker, predicate,
                   as_of, sentence, start, "end", observed_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                report_id, version_id, key, figure, c.surface, c.kind, c.bound, c.low, c.high,
                c.value, c.unit, c.thing, c.place, c.actor, c.source, observation.source,
                c.predicate, c.as_of, c.sentence, c.start, c.end, iso(observation.observed_at),
            ],
        )  # fmt: skip
        return int(cursor.lastrowid or 0)

    def remember_latest(self, identity: str, observation: Observation, claim_id: int) -> None:
        remember_latest(self._store, identity, observation, claim_id)

    def add_change(
        self, claim_id: int, old_id: int | None, key: str, figure: str | None, verdict: str,
        within_margin: bool, detected_at: str,
    ) -> int:  # fmt: skip
        cursor = self._store.conn.execute(
            """INSERT INTO changes (claim_id, old_claim_id, key, figure, verdict, within_margin,
                   detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [claim_id, old_id, key, figure, verdict, int(within_margin), detected_at],
        )
        return int(cursor.lastrowid or 0)

    def update_change(
        self, identity: str, name: str, claim_id: int, change_id: int, verdict: str,
        old_id: int | None, within_margin: bool,
    ) -> None:  # fmt: skip
        self._store.conn.execute(
            "UPDATE changes SET verdict = ?, old_claim_id = ?, within_margin = ? WHERE id = ?",
            [verdict, old_id, int(within_margin), change_id],
        )

"""A stored `claims` row as the `Claim` it records: the one place that maps the columns.

The ledger's reads, the readers' value labels and the migrations all rebuild claims
from rows; none of them needs the others' code for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.core.models import Claim


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    """The claim a `claims` row stores (its own columns; joined ones are ignored)."""
    return Claim(
        surface=row["surface"],
        kind=row["kind"],
        bound=row["bound"],
        low=row["low"],
        high=row["high"],
        unit=row["unit"],
        thing=row["thing"],
        place=row["place"],
        actor=row["actor"],
        source=row["source"],
        predicate=row["predicate"],
        as_of=row["as_of"],
        sentence=row["sentence"],
        start=row["start"],
        end=row["end"],
    )

"""What every browse query shares: figure references, labels, claim columns, verdict sets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.ledger import describe_value
from tui.core.models import FigureKey
from tui.core.store.claim_rows import claim_from_row

ALARMING = ("changed", "disputed", "revised")
# The same set as an SQL list, for `verdict IN ...` (constants only: nothing user-supplied).
ALARMING_SQL = "(" + ", ".join(f"'{v}'" for v in ALARMING) + ")"

CLAIM_COLUMNS = """c.id, c.surface, c.kind, c.bound, c.low, c.high, c.value, c.unit, c.thing,
    c.place, c.actor, c.source, c.speaker, c.predicate, c.as_of, c.sentence, c.start, c."end",
    c.observed_at, c.report_id, c.version_id"""


@dataclass(frozen=True, slots=True)
class FigureRef:
    """A tracked figure: a configured name, or an unnamed key (`kind|thing|...`)."""

    name: str
    is_key: bool = False

    @property
    def label(self) -> str:
        return key_label(self.name) if self.is_key else self.name

    def where(self, alias: str = "c") -> tuple[str, dict[str, object]]:
        """The SQL condition selecting this figure's rows of `claims` or `changes` (indexed)."""
        if self.is_key:
            return f"{alias}.key = :ref AND {alias}.figure IS NULL", {"ref": self.name}
        return f"{alias}.figure = :ref", {"ref": self.name}


def key_label(key: str) -> str:
    """ "count|troops|presence|Iraq|Iraqi" -> "Iraqi troops in Iraq (presence)".

    Anything that is not a key (a configured figure name) comes back unchanged, so callers
    can pass `coalesce(figure, key)` values straight in.
    """
    try:
        k = FigureKey.from_text(key)
    except ValueError:
        return key
    words = [w for w in (k.actor, k.thing or k.kind) if w]
    if k.place:
        words.append(f"in {k.place}")
    return " ".join(words) + f" ({k.predicate})"


def display(row: dict[str, Any]) -> str:
    """A stored claim row as the ledger describes its value ("about 2,500")."""
    return describe_value(claim_from_row(row))

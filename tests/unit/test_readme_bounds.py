"""The README's two bounds tables say what the ledger does: each row is checked against it.

A row the ledger disagrees with fails, and so does a row added to (or dropped from) the
README without a case here, so the documented semantics cannot drift from the code.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.unit.test_ledger import approx, claim, obs, over, plan, under
from tui.core.ledger import decide, interval_of, margin_of
from tui.core.models import Claim

README = Path(__file__).resolve().parents[2] / "README.md"

# Each README figure as the extractor would read it.
FIGURES: dict[str, Claim] = {
    "2,513": claim(2513),
    "2,500": claim(2500),
    "about 2,500": approx(2500),
    "about 2,400": approx(2400),
    "more than 5,200": over(5200),
    "more than 6,500": over(6500),
    "over 3,000": over(3000),
    "over 80": over(80),
    "at least 5": over(5),
    "nearly 4,000": under(4000),
    "fewer than 2,000": under(2000),
    "between 2,000 and 2,500": claim(2000, 2500, bound="range"),
    "11,300": claim(11300),
    "3,958": claim(3958),
}


def table(header: str) -> list[list[str]]:
    """The rows (cells stripped) of the README table whose header line is `header`."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(header) + 2  # past the header and its |---| line
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def span(text: str) -> tuple[float, float]:
    low, high = text.replace(",", "").split("–")
    return float(low), math.inf if high == "∞" else float(high)


INTERVAL_ROWS = table("| figure | asserts | close to |")
MOVE_ROWS = table("| earlier | later | verdict | small move |")


def test_the_tables_are_there() -> None:
    assert len(INTERVAL_ROWS) >= 6 and len(MOVE_ROWS) >= 10


@pytest.mark.parametrize("row", INTERVAL_ROWS, ids=[r[0] for r in INTERVAL_ROWS])
def test_what_a_bound_asserts_and_is_close_to(row: list[str]) -> None:
    figure, asserts, close = row
    c = FIGURES[figure]
    got, near = interval_of(c), margin_of(c)
    assert (got.low, got.high) == pytest.approx(span(asserts))
    assert (near.low, near.high) == pytest.approx(span(close))


def side(text: str) -> tuple[Claim, str, float]:
    """ "over 3,000, Iraqi sources, the same day" -> the claim, its source, hours after."""
    figure, *rest = text.split(", ")  # "2,500" has no space after its comma
    c = FIGURES[figure]
    if "planned" in rest:
        c, rest = plan(c), [r for r in rest if r != "planned"]
    hours = 2.0 if "the same day" in rest else 24.0
    sources = [r for r in rest if r != "the same day"]
    return c, (sources[0] if sources else "Pentagon"), hours


@pytest.mark.parametrize("row", MOVE_ROWS, ids=[f"{r[0]} -> {r[1]}" for r in MOVE_ROWS])
def test_a_move_between_two_figures(row: list[str]) -> None:
    earlier, later, verdict, small = row
    old_claim, old_source, _ = side(earlier)
    new_claim, new_source, hours = side(later)
    ledger = [obs(old_claim, old_source)]
    got = decide(obs(new_claim, new_source, hours), ledger)
    assert got is not None
    assert (got.verdict.value, got.within_margin) == (verdict, small == "yes")

"""`batches.InTurn`: callers go in a fixed order, and a slow one is waited for only so long."""

from __future__ import annotations

import asyncio

from tui.core.batches import InTurn


async def _goes(turns: InTurn, name: str, after: float, went: list[str]) -> None:
    await asyncio.sleep(after)
    await turns.wait(name)
    went.append(name)
    turns.done(name)


async def test_callers_go_in_the_order_given_whenever_they_come() -> None:
    went: list[str] = []
    turns = InTurn(["a", "b", "c"], hold=5)
    arrivals = [("c", 0.0), ("b", 0.02), ("a", 0.04)]
    await asyncio.gather(*(_goes(turns, name, after, went) for name, after in arrivals))
    assert went == ["a", "b", "c"]


async def test_a_slow_caller_is_passed_over_once_and_goes_when_it_comes() -> None:
    went: list[str] = []
    turns = InTurn(["slow", "b", "c", "d"], hold=0.05)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await asyncio.gather(
        _goes(turns, "slow", 0.5, went), _goes(turns, "b", 0, went),
        _goes(turns, "c", 0.1, went), _goes(turns, "d", 0, went),
    )  # fmt: skip
    # Why: b and d waited the hold for "slow" once; c, later, did not wait for it again.
    assert went == ["b", "d", "c", "slow"]
    assert loop.time() - started < 0.6


async def test_a_caller_that_never_waits_lets_the_next_go_at_once() -> None:
    went: list[str] = []
    turns = InTurn(["failed", "b"], hold=5)
    turns.done("failed")
    await asyncio.wait_for(_goes(turns, "b", 0, went), 1)
    assert went == ["b"]

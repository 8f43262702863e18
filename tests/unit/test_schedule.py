"""The polling rules (pure functions) and the monotonic Schedule, on a fake clock."""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime

import pytest

from tui.core.schedule import (
    MAX_DELAY,
    MIN_DELAY,
    Schedule,
    backoff_delay,
    next_poll_delay,
    parse_max_age,
    parse_retry_after,
)

HOUR = 3600.0
NOW = datetime(2024, 10, 1, 12, 0, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def rng() -> random.Random:
    return random.Random(1234)


# --- backoff ---------------------------------------------------------------------------

# (failures, interval, cap, lowest, highest): the jitter only shortens, by at most 20 %.
BACKOFF_CASES = [
    pytest.param(0, 900, 6 * HOUR, 900, 900, id="no-failures-is-the-interval"),
    pytest.param(1, 900, 6 * HOUR, 720, 900, id="first-failure-about-one-interval"),
    pytest.param(2, 900, 6 * HOUR, 1440, 1800, id="second-doubles"),
    pytest.param(3, 900, 6 * HOUR, 2880, 3600, id="third-doubles-again"),
    pytest.param(6, 900, 6 * HOUR, 0.8 * 6 * HOUR, 6 * HOUR, id="reaches-the-cap"),
    pytest.param(40, 900, 6 * HOUR, 0.8 * 6 * HOUR, 6 * HOUR, id="stays-at-the-cap"),
    pytest.param(10**6, 900, 6 * HOUR, 0.8 * 6 * HOUR, 6 * HOUR, id="absurd-count-no-overflow"),
    pytest.param(3, 12 * HOUR, 6 * HOUR, 0.8 * 12 * HOUR, 12 * HOUR, id="never-below-interval-cap"),
]


@pytest.mark.parametrize(("failures", "interval", "cap", "lowest", "highest"), BACKOFF_CASES)
def test_backoff_growth_and_cap(
    failures: int, interval: float, cap: float, lowest: float, highest: float
) -> None:
    generator = rng()
    for _ in range(200):
        delay = backoff_delay(failures, interval, cap=cap, rng=generator)
        assert lowest <= delay <= highest
        assert math.isfinite(delay)  # never "give up for good"


def test_backoff_is_jittered() -> None:
    generator = rng()
    delays = {backoff_delay(4, 900, rng=generator) for _ in range(50)}
    assert len(delays) > 40  # failing feeds drift apart instead of retrying in lockstep


# --- next_poll_delay -------------------------------------------------------------------

# (ok, failures, retry_after, max_age, lowest, highest) with interval 900, jitter 0.1.
DELAY_CASES = [
    pytest.param(True, 0, None, None, 810, 990, id="success-interval-plus-minus-jitter"),
    pytest.param(False, 1, None, None, 720, 900, id="failure-backs-off"),
    pytest.param(False, 0, None, None, 720, 900, id="failure-with-zero-count-treated-as-one"),
    pytest.param(False, 3, None, None, 2880, 3600, id="third-failure"),
    pytest.param(False, 1, 7200, None, 7200, 7200, id="retry-after-longer-than-backoff-wins"),
    pytest.param(False, 1, 60, None, 720, 900, id="retry-after-is-not-before-not-sooner"),
    pytest.param(False, 1, 10 * 24 * HOUR, None, 6 * HOUR, 6 * HOUR, id="retry-after-capped"),
    pytest.param(True, 0, 0, None, 810, 990, id="retry-after-zero-harmless"),
    pytest.param(True, 0, None, 3 * HOUR, 3 * HOUR, 3 * HOUR, id="max-age-is-a-lower-bound"),
    pytest.param(True, 0, None, 60, 810, 990, id="short-max-age-changes-nothing"),
    pytest.param(True, 0, None, 30 * 24 * HOUR, 6 * HOUR, 6 * HOUR, id="max-age-capped"),
    pytest.param(True, 0, math.inf, math.nan, 810, 990, id="non-finite-inputs-ignored"),
]


@pytest.mark.parametrize(
    ("ok", "failures", "retry_after", "max_age", "lowest", "highest"), DELAY_CASES
)
def test_next_poll_delay(
    ok: bool,
    failures: int,
    retry_after: float | None,
    max_age: float | None,
    lowest: float,
    highest: float,
) -> None:
    generator = rng()
    for _ in range(100):
        delay = next_poll_delay(
            interval=900,
            ok=ok,
            consecutive_failures=failures,
            retry_after=retry_after,
            max_age=max_age,
            rng=generator,
        )
        assert lowest <= delay <= highest


@pytest.mark.parametrize("interval", [0.001, 0.5], ids=["tiny", "half-second"])
def test_never_a_hot_loop(interval: float) -> None:
    delay = next_poll_delay(
        interval=interval, ok=False, consecutive_failures=1, retry_after=0, max_age=0, rng=rng()
    )
    assert delay == MIN_DELAY


def test_success_jitter_covers_its_range() -> None:
    generator = rng()
    delays = [
        next_poll_delay(
            interval=1000,
            ok=True,
            consecutive_failures=0,
            retry_after=None,
            max_age=None,
            rng=generator,
            jitter=0.2,
        )
        for _ in range(2000)
    ]
    assert 800 <= min(delays) < 820
    assert 1180 < max(delays) <= 1200


# --- header parsing --------------------------------------------------------------------

RETRY_AFTER_CASES = [
    pytest.param("120", 120.0, id="seconds"),
    pytest.param(" 5 ", 5.0, id="seconds-with-spaces"),
    pytest.param("0", 0.0, id="zero"),
    pytest.param("Tue, 01 Oct 2024 12:05:00 GMT", 300.0, id="http-date"),
    pytest.param("Tuesday, 01-Oct-24 12:01:00 GMT", 60.0, id="rfc850-date"),
    pytest.param("Tue Oct  1 12:00:30 2024", 30.0, id="asctime-date"),
    pytest.param("Tue, 01 Oct 2024 11:00:00 GMT", 0.0, id="date-in-the-past"),
    pytest.param("Tue, 01 Oct 2024 12:00:10 -0000", 10.0, id="naive-minus-zero-date"),
    pytest.param("Tue, 01 Oct 2024 14:00:10 +0200", 10.0, id="date-with-offset"),
    pytest.param("99999999", MAX_DELAY, id="huge-seconds-clamped"),
    pytest.param("Fri, 01 Oct 2100 12:00:00 GMT", MAX_DELAY, id="far-future-date-clamped"),
    pytest.param("-5", None, id="negative-garbage"),
    pytest.param("soon", None, id="word-garbage"),
    pytest.param("", None, id="empty"),
    pytest.param("1e9", None, id="exponent-garbage"),
    pytest.param("Tue, 99 Foo 2024 12:00:00 GMT", None, id="broken-date"),
]


@pytest.mark.parametrize(("value", "expected"), RETRY_AFTER_CASES)
def test_parse_retry_after(value: str, expected: float | None) -> None:
    assert parse_retry_after(value, NOW) == expected
    # A naive `now` (from a "-0000" Date header) is read as UTC, never a TypeError.
    assert parse_retry_after(value, NOW.replace(tzinfo=None)) == expected


MAX_AGE_CASES = [
    pytest.param("max-age=300", 300.0, id="plain"),
    pytest.param("public, max-age=600, must-revalidate", 600.0, id="among-others"),
    pytest.param('max-age="60"', 60.0, id="quoted"),
    pytest.param("Max-Age=60", 60.0, id="case-insensitive"),
    pytest.param("max-age=60, s-maxage=120", 120.0, id="s-maxage-wins"),
    pytest.param("max-age=99999999", MAX_DELAY, id="clamped"),
    pytest.param("no-cache", None, id="absent"),
    pytest.param("max-age=soon", None, id="garbage"),
    pytest.param("max-age=-1", None, id="negative"),
]


@pytest.mark.parametrize(("value", "expected"), MAX_AGE_CASES)
def test_parse_max_age(value: str, expected: float | None) -> None:
    assert parse_max_age(value) == expected


# --- Schedule --------------------------------------------------------------------------


def test_new_feeds_are_due_at_once_in_order() -> None:
    clock = FakeClock()
    schedule = Schedule(clock)
    for feed in ("a", "b", "c"):
        schedule.add(feed)
    assert schedule.due() == ["a", "b", "c"]
    assert schedule.next_in() == 0


def test_due_lists_the_longest_waiting_first() -> None:
    clock = FakeClock()
    schedule = Schedule(clock)
    for feed, delay in (("late", 30), ("early", 10), ("middle", 20), ("future", 99)):
        schedule.add(feed, first_delay=delay)
    clock.advance(50)
    assert schedule.due() == ["early", "middle", "late"]


def test_due_is_a_query_and_set_next_reschedules() -> None:
    clock = FakeClock()
    schedule = Schedule(clock)
    schedule.add("a")
    assert schedule.due() == schedule.due() == ["a"]  # a cancelled poll leaves it due
    schedule.set_next("a", 60)
    assert schedule.due() == []
    assert schedule.next_in("a") == 60
    clock.advance(60)
    assert schedule.due() == ["a"]


def test_next_in_is_never_negative() -> None:
    clock = FakeClock()
    schedule = Schedule(clock)
    assert schedule.next_in() == math.inf  # nothing to wait for
    schedule.add("a", first_delay=5)
    schedule.add("b", first_delay=-10)  # a negative delay is "now", not the past
    assert schedule.next_in("a") == 5
    assert schedule.next_in() == 0
    clock.advance(1000)
    assert schedule.next_in("a") == 0
    with pytest.raises(KeyError):
        schedule.next_in("unknown")


def test_add_is_idempotent_and_remove_survives_late_results() -> None:
    clock = FakeClock()
    schedule = Schedule(clock)
    schedule.add("a", first_delay=100)
    schedule.add("a")  # a config reload must not reset its timetable
    assert schedule.next_in("a") == 100
    schedule.remove("a")
    schedule.set_next("a", 5)  # its fetch finished after the user removed it
    schedule.remove("a")
    assert "a" not in schedule
    assert len(schedule) == 0


def test_a_long_stall_gives_one_poll_per_feed_not_a_burst() -> None:
    clock = FakeClock()
    schedule = Schedule(clock)
    for feed in ("a", "b"):
        schedule.add(feed)
        schedule.set_next(feed, 900)
    clock.advance(6 * HOUR)  # the process was stopped: 24 intervals were "missed"
    assert schedule.due() == ["a", "b"]
    for feed in schedule.due():
        schedule.set_next(feed, 900)
    assert schedule.due() == []  # no catch-up polls for the missed intervals


def test_six_hours_offline_backs_off_then_recovers() -> None:
    """Ticks every 10 s; the network is down for 6 h, then back. Each feed is polled at
    most once per tick, failures thin out, and every feed recovers within the cap."""
    clock = FakeClock()
    generator = rng()
    schedule = Schedule(clock)
    feeds = [f"feed{i}" for i in range(20)]
    failures = dict.fromkeys(feeds, 0)  # each feed's consecutive failures, as the feeds table keeps
    for feed in feeds:
        schedule.add(feed)
    polls: dict[str, list[float]] = {feed: [] for feed in feeds}
    offline_until = 6 * HOUR
    start = clock.now
    recovered_at: dict[str, float] = {}
    while clock.now - start < 12 * HOUR:
        due = schedule.due()
        assert len(due) == len(set(due))  # never the same feed twice in one tick
        online = clock.now - start >= offline_until
        for feed in due:
            polls[feed].append(clock.now - start)
            failures[feed] = 0 if online else failures[feed] + 1
            if online:
                recovered_at.setdefault(feed, clock.now - start)
            delay = next_poll_delay(
                interval=300,
                ok=online,
                consecutive_failures=failures[feed],
                retry_after=None,
                max_age=None,
                rng=generator,
            )
            schedule.set_next(feed, delay)
        assert schedule.next_in() >= 0
        clock.advance(10)
    for feed in feeds:
        offline_polls = [t for t in polls[feed] if t < offline_until]
        # 72 polls at the plain interval; backoff makes it a handful.
        assert len(offline_polls) <= 10
        assert all(b - a >= MIN_DELAY for a, b in zip(polls[feed], polls[feed][1:], strict=False))
        # Back within the 6 h cap (plus a tick) of the network returning, never abandoned.
        assert recovered_at[feed] <= offline_until + 6 * HOUR + 10
        online_polls = [t for t in polls[feed] if t >= recovered_at[feed]]
        assert len(online_polls) >= 2  # and then polled at the normal interval again

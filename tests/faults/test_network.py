"""Network faults through `Monitor.poll_cycle`, a real loopback server and a real SQLite file.

Every case polls the faulty feed next to a good one and asserts three things: the stored
`polls`/`feeds` rows name the cause, nothing stored is lost, and the good feed is stored.
"""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.feedgen import rss
from tests.loopback import (
    LoopbackServer,
    Recorded,
    Reply,
    Route,
    closed_port,
    conditional,
    redirect,
)
from tests.pipeline import NOW, config_for, monitor_for, one, rows, story_item
from tui.core import fetch_body
from tui.core.models import CycleFinished
from tui.core.schedule import MAX_DELAY

GOOD = rss([story_item(1)])


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def poll_with_good(
    server: LoopbackServer,
    tmp_path: Path,
    bad: Route | str,
    *,
    cycles: int = 1,
    **settings: float,
) -> tuple[CycleFinished, Path]:
    """Poll "Bad" (a route, or a URL) and "Good" together `cycles` times."""
    url = bad if isinstance(bad, str) else server.route("/bad.xml", bad)
    feeds = {"Bad": url, "Good": server.route("/good.xml", Reply(body=GOOD))}
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for(feeds, **settings), db)
    try:
        for _ in range(cycles):
            finished = await monitor.poll_cycle()
    finally:
        await monitor.aclose()
    return finished, db


def bad_error(db: Path) -> str:
    """The last error stored for the bad feed, after checking the good one was stored."""
    good = one(
        db, "SELECT count(*) FROM reports r JOIN feeds f ON f.id = r.feed_id WHERE f.name = 'Good'"
    )
    assert good == 1, "the good feed must be stored whatever the bad one does"
    assert (
        one(
            db,
            "SELECT count(*) FROM reports r JOIN feeds f ON f.id = r.feed_id WHERE f.name = 'Bad'",
        )
        == 0
    )
    status, error = rows(
        db,
        "SELECT p.status, p.error FROM polls p JOIN feeds f ON f.id = p.feed_id "
        "WHERE f.name = 'Bad' ORDER BY p.id DESC LIMIT 1",
    )[0]
    assert status == "error"
    assert one(db, "SELECT last_error FROM feeds WHERE name = 'Bad'") == error
    return str(error)


# -- time -----------------------------------------------------------------------------


async def test_a_hanging_server_hits_the_deadline(server: LoopbackServer, tmp_path: Path) -> None:
    started = time.monotonic()
    finished, db = await poll_with_good(server, tmp_path, Reply(hang=True), deadline=1, timeout=5)
    elapsed = time.monotonic() - started
    assert bad_error(db) == "timed out after 1 s (deadline)"
    assert finished.errors == (("Bad", "timed out after 1 s (deadline)"),)
    assert elapsed < 4


async def test_a_slow_drip_is_cut_by_the_deadline_not_the_read_timeout(
    server: LoopbackServer, tmp_path: Path
) -> None:
    # One byte every 0.1 s never trips the 2 s read timeout; the 1.5 s deadline stops it.
    started = time.monotonic()
    _, db = await poll_with_good(
        server, tmp_path, Reply(body=GOOD, drip=0.1), deadline=1.5, timeout=2
    )
    assert "deadline" in bad_error(db)
    assert time.monotonic() - started < 5


async def test_many_5xx_back_off_to_the_cap_and_the_first_success_resets(
    server: LoopbackServer, tmp_path: Path
) -> None:
    clock = FakeClock()
    server.route("/bad.xml", [Reply(status=502)] * 30 + [Reply(body=rss([story_item(2)]))])
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for({"Bad": server.url("/bad.xml")}), db, monotonic=clock)
    delays = []
    try:
        for _ in range(30):
            await monitor.poll_cycle()
            delays.append(monitor.schedule.next_in("Bad"))
            clock.now += delays[-1]
        assert one(db, "SELECT consecutive_failures FROM feeds") == 30
        assert one(db, "SELECT last_error FROM feeds") == "HTTP 502 Bad Gateway"
        await monitor.poll_cycle()
        after = monitor.schedule.next_in("Bad")
    finally:
        await monitor.aclose()
    print(f"\nbackoff delays (s): {[round(d) for d in delays[:10]]} ... max {max(delays):.0f}")
    assert max(delays) <= 6 * 3600  # capped
    assert delays[9] > 4 * 3600  # and really backing off
    assert rows(db, "SELECT consecutive_failures, total_failures FROM feeds") == [(0, 30)]
    assert 540 <= after <= 660  # back to the normal interval ±10%
    assert one(db, "SELECT count(*) FROM reports") == 1


@pytest.mark.parametrize(
    ("status", "retry_after", "expected"),
    [
        (429, "3000", (3000, 3000)),  # longer than the backoff: honoured
        (429, "120", (480, 600)),  # shorter than the backoff: the backoff stands
        (503, "date+1800", (1790, 1810)),
        (429, "soon, maybe", (480, 600)),  # garbage: ignored, normal first backoff
        (503, "99999999999", (6 * 3600, 6 * 3600)),  # absurd: clamped to the cap
        (429, "date-3600", (480, 600)),  # in the past: no extra wait
    ],
)
async def test_retry_after_forms(
    server: LoopbackServer,
    tmp_path: Path,
    status: int,
    retry_after: str,
    expected: tuple[float, float],
) -> None:
    clock = FakeClock()
    now = time.time()
    if retry_after.startswith("date"):
        offset = float(retry_after.removeprefix("date"))
        retry_after = format_datetime(datetime.fromtimestamp(now + offset, UTC), usegmt=True)
    date = format_datetime(
        __import__("datetime").datetime.fromtimestamp(now, NOW.tzinfo), usegmt=True
    )
    db = tmp_path / "sw.db"
    server.route(
        "/bad.xml", Reply(status=status, headers={"Retry-After": retry_after, "Date": date})
    )
    feeds = {"Bad": server.url("/bad.xml"), "Good": server.route("/good.xml", Reply(body=GOOD))}
    monitor = monitor_for(config_for(feeds), db, monotonic=clock)
    try:
        await monitor.poll_cycle()
        delay = monitor.schedule.next_in("Bad")
    finally:
        await monitor.aclose()
    assert expected[0] - 1 <= delay <= expected[1] + 1
    assert delay <= MAX_DELAY
    assert bad_error(db).startswith(f"HTTP {status}")


# -- redirects and sizes ------------------------------------------------------------------


async def test_a_redirect_to_an_invalid_url_is_named(
    server: LoopbackServer, tmp_path: Path
) -> None:
    _, db = await poll_with_good(server, tmp_path, redirect("http://[::1/feed"))
    assert bad_error(db) == "redirect to an invalid URL: 'http://[::1/feed'"


async def test_a_redirect_loop_is_named(server: LoopbackServer, tmp_path: Path) -> None:
    server.route("/a", redirect("/b"))
    server.route("/b", redirect("/a"))
    _, db = await poll_with_good(server, tmp_path, server.url("/a"))
    error = bad_error(db)
    assert error.startswith("redirect loop:") and "/a" in error


async def test_an_endless_redirect_chain_stops(server: LoopbackServer, tmp_path: Path) -> None:
    server.route("/bad.xml", lambda r: redirect(f"/hop{time.monotonic_ns()}"))
    for i in range(20):
        server.route(f"/hop{i}", redirect(f"/hop{i + 1}"))
    server.route("/chain", redirect("/hop0"))
    _, db = await poll_with_good(server, tmp_path, server.url("/chain"))
    assert bad_error(db) == "too many redirects (>5)"


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "ftp://example.com/feed", "javascript:alert(1)", "data:,x"]
)
async def test_a_redirect_to_another_scheme_is_refused(
    server: LoopbackServer, tmp_path: Path, target: str
) -> None:
    _, db = await poll_with_good(server, tmp_path, redirect(target))
    error = bad_error(db)
    assert error.startswith("redirect to unsupported scheme") and target in error


async def test_a_huge_body_with_content_length_is_refused_before_reading(
    server: LoopbackServer, tmp_path: Path
) -> None:
    _, db = await poll_with_good(server, tmp_path, Reply(body=b"x" * 300_000), max_body=100_000)
    error = bad_error(db)
    assert "Content-Length" in error and "max_body_bytes" in error


async def test_a_huge_body_without_content_length_is_cut_at_the_cap(
    server: LoopbackServer, tmp_path: Path
) -> None:
    _, db = await poll_with_good(
        server, tmp_path, Reply(body=b"x" * 3_000_000, content_length=-1), max_body=100_000
    )
    assert bad_error(db).startswith("response larger than 97.6562 KB after decompression")


def _gzip_bomb(inflated: int) -> bytes:
    """`inflated` zero bytes, gzipped without ever holding them all."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    parts = [packer.compress(zeros) for _ in range(inflated >> 20)]
    return b"".join([*parts, packer.flush()])


@pytest.mark.slow
async def test_a_gzip_bomb_keeps_memory_bounded(server: LoopbackServer, tmp_path: Path) -> None:
    bomb = _gzip_bomb(500 << 20)  # 500 MB of zeros in about 500 KB
    reply = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        _, db = await poll_with_good(server, tmp_path, reply, max_body=2 << 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"\ngzip bomb: {len(bomb) / 1024:.0f} KB -> 500 MB; tracemalloc peak {peak / 1e6:.1f} MB")
    assert "larger than 2 MB after decompression" in bad_error(db)
    assert peak < 24e6  # the 2 MB cap, the bomb itself, and the test's own overhead


async def test_an_unadvertised_brotli_body_is_a_clear_error(
    server: LoopbackServer, tmp_path: Path
) -> None:
    if "br" in fetch_body.ACCEPT_ENCODING:
        pytest.skip("brotli is installed here, so br is advertised and decoded")
    _, db = await poll_with_good(
        server, tmp_path, Reply(body=b"\x8b\x00\x80garbage", headers={"Content-Encoding": "br"})
    )
    assert bad_error(db) == "server used an unsupported Content-Encoding 'br'"
    assert all("br" not in (r.header("Accept-Encoding") or "") for r in server.requests)


async def test_a_corrupt_gzip_body_is_named(server: LoopbackServer, tmp_path: Path) -> None:
    body = gzip.compress(GOOD)[:20] + b"\xff" * 50
    _, db = await poll_with_good(
        server, tmp_path, Reply(body=body, headers={"Content-Encoding": "gzip"})
    )
    assert bad_error(db).startswith("corrupt gzip body from server")


# -- not a feed -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(body=b""), "the server sent an empty body"),
        (Reply(body=b"   \n  "), "the server sent an empty body"),
        (
            Reply(body=b"<!DOCTYPE html><html><body><form>Sign in</form></body></html>"),
            "the server sent an HTML page, not a feed",
        ),
        (Reply(body=b'{"error": "gone"}'), "not a"),  # "not a feed: ... not well-formed"
    ],
)
async def test_bodies_that_are_not_feeds(
    server: LoopbackServer, tmp_path: Path, reply: Reply, expected: str
) -> None:
    _, db = await poll_with_good(server, tmp_path, reply)
    assert bad_error(db).startswith(expected)


async def test_a_truncated_body_is_named(server: LoopbackServer, tmp_path: Path) -> None:
    _, db = await poll_with_good(server, tmp_path, Reply(body=GOOD, truncate_after=100))
    assert "closed the connection before the whole response arrived" in bad_error(db)


async def test_a_truncated_close_delimited_feed_is_rejected_or_warned(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """Without Content-Length a cut body looks complete; the parser must cope."""
    cut = Reply(body=GOOD[: len(GOOD) // 2], content_length=-1)
    _, db = await poll_with_good(server, tmp_path, cut)
    assert (
        one(
            db,
            "SELECT count(*) FROM reports r JOIN feeds f ON f.id = r.feed_id WHERE f.name = 'Good'",
        )
        == 1
    )
    status, error, warning = rows(
        db,
        "SELECT status, error, warning FROM polls p JOIN feeds f ON f.id = p.feed_id "
        "WHERE f.name = 'Bad'",
    )[0]
    assert (status == "error" and error) or (status == "ok" and warning), (status, error, warning)


async def test_connection_refused(server: LoopbackServer, tmp_path: Path) -> None:
    port = closed_port()
    _, db = await poll_with_good(server, tmp_path, f"http://127.0.0.1:{port}/feed.xml")
    assert bad_error(db) == f"connection refused by 127.0.0.1:{port}"


async def test_dns_failure(server: LoopbackServer, tmp_path: Path) -> None:
    started = time.monotonic()
    _, db = await poll_with_good(server, tmp_path, "http://nope.invalid/feed.xml")
    assert bad_error(db) == "host name not found: nope.invalid"
    assert time.monotonic() - started < 3


# -- a long outage on a fake clock ------------------------------------------------------------


@pytest.mark.slow
async def test_six_hours_offline_then_recovery_without_a_burst(
    server: LoopbackServer, tmp_path: Path
) -> None:
    clock = FakeClock()
    online = {"yes": True}

    def feed(n: int) -> Route:
        body = rss([story_item(n)])

        def answer(request: Recorded) -> Reply:
            return Reply(body=body) if online["yes"] else Reply(status=503)

        return answer

    feeds = {f"F{n}": server.route(f"/f{n}.xml", feed(n)) for n in range(8)}
    db = tmp_path / "sw.db"
    wall = {"t": NOW}
    monitor = monitor_for(config_for(feeds), db, monotonic=clock, clock=lambda: wall["t"])

    step = 30.0  # the headless loop sleeps at most 30 s between checks

    async def run_for(seconds: float) -> list[int]:
        """Cycles of due feeds every `step` s; returns how many feeds each cycle fetched."""
        sizes = []
        end = clock.now + seconds
        while clock.now < end:
            finished = await monitor.poll_cycle(only_due=True)
            if finished.feeds_polled:
                sizes.append(finished.feeds_polled)
            clock.now += step
            wall["t"] += timedelta(seconds=step)
        return sizes

    try:
        await run_for(1800)
        online["yes"] = False
        before = len(server.requests)
        await run_for(6 * 3600)
        outage_requests = len(server.requests) - before
        online["yes"] = True
        before = len(server.requests)
        recovery = await run_for(7 * 3600)
        next_ins = [monitor.schedule.next_in(name) for name in feeds]
    finally:
        await monitor.aclose()
    per_feed_outage = outage_requests / len(feeds)
    print(
        f"\noutage: {outage_requests} requests in 6 h for {len(feeds)} feeds "
        f"({per_feed_outage:.1f} each); recovery cycles fetched {recovery[:12]}..."
    )
    assert per_feed_outage <= 8  # backoff, not 36 polls an hour
    assert rows(db, "SELECT max(consecutive_failures) FROM feeds") == [(0,)]
    # No burst: the feeds do not all come back in one cycle, and none is polled twice a step.
    assert max(recovery) < len(feeds)
    assert all(0 <= n <= 660 for n in next_ins)
    assert one(db, "SELECT count(*) FROM reports") == len(feeds)


async def test_unchanged_polls_reuse_one_connection(server: LoopbackServer, tmp_path: Path) -> None:
    """A 304 must not cost a new TCP (and, for https, TLS) connection on every poll."""
    accepted = {"n": 0}
    accept = server._httpd.get_request  # count connections the server accepts

    def counting() -> tuple[object, object]:
        accepted["n"] += 1
        return accept()

    server._httpd.get_request = counting  # type: ignore[method-assign, assignment]
    url = server.route("/wire.xml", conditional(GOOD, etag='"v1"'))
    db = tmp_path / "sw.db"
    monitor = monitor_for(config_for({"Wire": url}), db)
    try:
        for _ in range(6):
            await monitor.poll_cycle()
    finally:
        await monitor.aclose()
    assert rows(db, "SELECT status, count(*) FROM polls GROUP BY status ORDER BY status") == [
        ("not_modified", 5),
        ("ok", 1),
    ]
    assert accepted["n"] == 1

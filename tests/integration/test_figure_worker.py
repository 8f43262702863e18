"""Figures read by the figure worker process are the figures this process reads.

A first poll of many feeds reads its on-story reports' figures in a child process
(`figure_pool.FigureWorker`) while the poller parses and stores. These tests hold it to
the serial reading: the same claims for generated feeds and for the real quake replay's
feeds, whatever happens to the worker (killed, stuck, impossible to start), and no
worker at all for a poll with no figures to read.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.feedgen import make_feeds
from tests.feedgen import Item, rss
from tests.loopback import LoopbackServer, Reply, conditional
from tests.pipeline import DAY1, config_for, rows
from tui.core import figure_pool
from tui.core.analyse import AnalysedFeed, analyse_feed, wanting_figures, with_figures
from tui.core.config import StorySection
from tui.core.figure_pool import FigureWorker, WorkerGone
from tui.core.figure_reader import FigureWords, report_text
from tui.core.monitor import PROCESS_POOL_THRESHOLD, Monitor
from tui.core.story import StoryFilter

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
QUAKE = SHARED / "stories" / "quake-2023"
# The bench's story (feeds.toml's words): the generated feeds carry it in ~1 entry in 10.
BENCH_STORY = StoryFilter.from_config(
    StorySection(keywords=[["Iraq", "Iraqi", "Baghdad", "Erbil"], ["troop*", "forces", "soldier*"]])
)
WORDS = FigureWords.of({"soldiers": "troops"}, ("Iraq",), ("US",))


def _serial(body: bytes, story: StoryFilter) -> AnalysedFeed:
    return analyse_feed(
        body, {}, story=story, synonyms=dict(WORDS.synonyms), known_hashes={}, now=NOW,
        places=WORDS.places, actors=WORDS.actors,
    )  # fmt: skip


async def _through_worker(
    worker: FigureWorker, body: bytes, story: StoryFilter
) -> tuple[AnalysedFeed, int]:
    """The monitor's two phases: parse here without figures, then figures from the worker."""
    parsed = analyse_feed(
        body, {}, story=story, synonyms=dict(WORDS.synonyms), known_hashes={}, now=NOW,
        places=WORDS.places, actors=WORDS.actors, read_figures=False,
    )  # fmt: skip
    wanted = wanting_figures(parsed)
    reports = [parsed.reports[i].report for i in wanted]
    texts = [(report_text(report), report.published) for report in reports]
    claims = await worker.read(WORDS, texts) if wanted else []
    return with_figures(parsed, dict(zip(wanted, claims, strict=True))), len(wanted)


async def _same_as_serial(bodies: list[bytes], story: StoryFilter) -> int:
    worker = FigureWorker()
    try:
        pairs = await asyncio.gather(*(_through_worker(worker, b, story) for b in bodies))
    finally:
        await worker.aclose()
    read = 0
    for body, (remote, wanted) in zip(bodies, pairs, strict=True):
        assert remote == _serial(body, story)
        read += wanted
    return read


async def test_generated_feeds_give_the_serial_claims() -> None:
    # 30 of the bench's feeds: on- and off-story entries, copies of one text across feeds.
    read = await _same_as_serial(make_feeds(30, 20), BENCH_STORY)
    assert read > 30  # the worker really read figures (about 1 entry in 10 is on the story)


@pytest.fixture
def quake_feeds(tmp_path: Path) -> tuple[list[bytes], StoryFilter]:
    """Every snapshot of every feed of the real replay, and its story."""
    if not (QUAKE / "make_feeds.py").is_file():
        pytest.skip("the quake replay needs ../shared/stories/quake-2023")
    import tomllib

    subprocess.run(
        [sys.executable, str(QUAKE / "make_feeds.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    config = tomllib.loads((QUAKE / "story.toml").read_text(encoding="utf-8"))
    story = StoryFilter.from_config(StorySection.model_validate(config["story"]))
    return [path.read_bytes() for path in sorted(tmp_path.glob("*/poll_*.xml"))], story


async def test_the_quake_replay_feeds_give_the_serial_claims(
    quake_feeds: tuple[list[bytes], StoryFilter],
) -> None:
    bodies, story = quake_feeds
    assert await _same_as_serial(bodies, story) > 20


async def test_whole_feeds_handed_to_the_worker_give_the_serial_result() -> None:
    """When the poller is the busier process it hands the worker whole bodies: parsed,
    filtered and read there, the result is the one this process computes."""
    bodies = make_feeds(12, 20)
    kwargs = {
        "story": BENCH_STORY, "synonyms": dict(WORDS.synonyms), "known_hashes": {},
        "now": NOW, "places": WORDS.places, "actors": WORDS.actors,
    }  # fmt: skip
    worker = FigureWorker()
    try:
        remote = await asyncio.gather(*(worker.analyse(body, {}, kwargs) for body in bodies))
    finally:
        await worker.aclose()
    assert remote == [_serial(body, BENCH_STORY) for body in bodies]
    assert any(item.claims for feed in remote for item in feed.reports)


async def test_a_killed_worker_is_replaced_and_nothing_is_lost() -> None:
    """Kill -9 the worker while requests wait in its pipe: a new one answers them all."""
    bodies = make_feeds(12, 20)
    worker = FigureWorker()
    try:
        first = asyncio.ensure_future(_through_worker(worker, bodies[0], BENCH_STORY))
        for _ in range(200):  # until the worker process exists
            if worker._proc is not None:
                break
            await asyncio.sleep(0.01)
        assert worker._proc is not None
        rest = [asyncio.ensure_future(_through_worker(worker, b, BENCH_STORY)) for b in bodies[1:]]
        await asyncio.sleep(0)  # their requests are in the pipe
        os.kill(worker._proc.pid, signal.SIGKILL)
        results = [await first, *[await task for task in rest]]
    finally:
        await worker.aclose()
    for body, (remote, _) in zip(bodies, results, strict=True):
        assert remote == _serial(body, BENCH_STORY)


async def test_an_answer_that_does_not_read_replaces_the_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A garbled answer (here: the first one fails to unpickle) ends that worker; a new one
    answers every request, the garbled one included."""
    real_loads = figure_pool.pickle.loads
    calls: list[int] = []

    def garbled_once(data: bytes) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("garbled frame")
        return real_loads(data)

    monkeypatch.setattr(figure_pool.pickle, "loads", garbled_once)
    bodies = make_feeds(3, 20)
    worker = FigureWorker()
    try:
        answers = asyncio.gather(*(_through_worker(worker, b, BENCH_STORY) for b in bodies))
        results = await asyncio.wait_for(answers, timeout=120)  # not left hanging
    finally:
        await worker.aclose()
    assert len(calls) > len([r for r in results if r[1]])  # one answer was read twice
    for body, (remote, _) in zip(bodies, results, strict=True):
        assert remote == _serial(body, BENCH_STORY)


async def test_a_request_nobody_waits_for_does_not_hold_the_worker() -> None:
    """The feed whose text the worker is on gives up (its deadline): the worker is replaced
    and the requests behind it are still answered."""
    bodies = make_feeds(4, 20)
    worker = FigureWorker()
    try:
        given_up = asyncio.ensure_future(_through_worker(worker, bodies[0], BENCH_STORY))
        behind = asyncio.ensure_future(_through_worker(worker, bodies[1], BENCH_STORY))
        for _ in range(500):  # until the worker has been given the first request
            if worker._sent:
                break
            await asyncio.sleep(0.01)
        proc = worker._proc
        given_up.cancel()
        remote, _ = await behind
        assert remote == _serial(bodies[1], BENCH_STORY)
        assert proc is not None and proc.returncode == -signal.SIGKILL
    finally:
        await worker.aclose()


async def test_no_worker_to_be_had_means_figures_read_here(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the worker cannot start, the poll reads the same figures in its own process."""
    monkeypatch.setattr(figure_pool.sys, "executable", str(tmp_path / "no-such-python"))
    urls = {
        f"F{i}": server.route(f"/f{i}.xml", Reply(body=rss([_story_item(i)]))) for i in range(8)
    }
    db = tmp_path / "sw.db"
    monitor = _monitor(urls, db, figure_worker=True)
    try:
        finished = await monitor.poll_cycle()
    finally:
        await monitor.aclose()
    assert finished.feeds_failed == 0, finished.errors
    assert rows(db, "SELECT count(*) FROM claims WHERE figure = 'US troops in Iraq'") == [(8,)]


async def test_a_worker_that_cannot_start_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figure_pool.sys, "executable", "/nonexistent/python")
    worker = FigureWorker()
    try:
        with pytest.raises(WorkerGone):
            await worker.read(WORDS, [("About 2,500 troops remain in Iraq.", NOW)])
        with pytest.raises(WorkerGone):  # and does not try again and again
            await worker.read(WORDS, [("About 2,500 troops remain in Iraq.", NOW)])
    finally:
        await worker.aclose()


def _story_item(i: int) -> Item:
    return Item(
        f"iraq-{i}",
        f"US troops leave Iraq base {i}",
        f"<p>About {2000 + i:,} US troops remain in Iraq, the Pentagon said on Monday.</p>",
        DAY1 + timedelta(minutes=i),
    )


def _monitor(urls: dict[str, str], db: Path, *, figure_worker: bool) -> Monitor:
    return Monitor(
        config_for(urls), db, clock=lambda: NOW, parse_workers=0, figure_worker=figure_worker
    )


def _claims(db: Path) -> list[tuple[object, ...]]:
    return rows(
        db,
        "SELECT r.entry_id, c.surface, c.key, c.figure, c.low, c.high, c.speaker, c.start "
        "FROM claims c JOIN reports r ON r.id = c.report_id ORDER BY 1, c.start, 2",
    )


@pytest.mark.parametrize(
    "hand_over_all",
    [
        pytest.param(False, id="as configured: figures to the worker, whole feeds if behind"),
        pytest.param(True, id="every feed handed over whole once the worker runs"),
    ],
)
async def test_a_first_poll_stores_the_claims_of_a_serial_poll(
    server: LoopbackServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hand_over_all: bool,
) -> None:
    """Through the whole poll: the worker is started, and the claim rows are the serial
    poll's (changes depend on the order feeds land in, serial or not: not compared)."""
    if hand_over_all:
        monkeypatch.setattr(
            Monitor, "_hand_over", lambda self, figures: figures is not None and figures.started
        )
    started: list[int] = []
    real_start = FigureWorker._start

    async def counted(self: FigureWorker) -> asyncio.subprocess.Process:
        proc = await real_start(self)
        started.append(proc.pid)
        return proc

    monkeypatch.setattr(FigureWorker, "_start", counted)
    handed: list[int] = []
    real_analyse = FigureWorker.analyse

    async def counted_analyse(self: FigureWorker, *args: Any) -> AnalysedFeed:
        handed.append(1)
        return await real_analyse(self, *args)

    monkeypatch.setattr(FigureWorker, "analyse", counted_analyse)
    bodies = make_feeds(PROCESS_POOL_THRESHOLD + 2, 10)
    urls = {f"F{i}": server.route(f"/f{i}.xml", Reply(body=b)) for i, b in enumerate(bodies)}
    claims = []
    for name, worker in (("serial", False), ("worker", True)):
        db = tmp_path / f"{name}.db"
        monitor = _monitor(urls, db, figure_worker=worker)
        try:
            finished = await monitor.poll_cycle()
        finally:
            await monitor.aclose()
        assert finished.feeds_failed == 0, finished.errors
        claims.append(_claims(db))
    assert len(started) == 1  # the serial poll started none, the other one
    if hand_over_all:
        assert handed  # whole feeds went to the worker
    assert claims[0] and claims[0] == claims[1]


async def test_polls_with_no_figures_to_read_start_no_worker(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All-304, and all off the story: the worker (a process, ~40 MB) is never started."""
    started: list[object] = []
    monkeypatch.setattr(FigureWorker, "_start", lambda self: started.append(self))
    off = Item("w-1", "Heatwave grips the Gulf", "<p>Temperatures hit 50C in 2026.</p>", DAY1)
    urls = {
        f"F{i}": server.route(f"/f{i}.xml", conditional(rss([off]), etag=f'"v{i}"'))
        for i in range(PROCESS_POOL_THRESHOLD)
    }
    monitor = _monitor(urls, tmp_path / "sw.db", figure_worker=True)
    try:
        first = await monitor.poll_cycle()
        again = await monitor.poll_cycle()
    finally:
        await monitor.aclose()
    assert first.new_reports == PROCESS_POOL_THRESHOLD and again.feeds_failed == 0
    assert started == []

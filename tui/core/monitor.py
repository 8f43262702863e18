"""One poll cycle: fetch -> parse -> filter -> extract -> compare -> store -> notify.

The Monitor only orchestrates: it schedules (`schedule`), fetches (`fetch`), parses and
extracts (`analyse`), writes (`store.poll_writer`, which judges figures against the
ledger) and emits events. It holds no SQL and no rules of its own.

`Monitor.poll_cycle()` is the one path every mode shares (dashboard, headless `poll`,
demo, tests). Network work is async on the caller's event loop; parsing runs off it on
threads of this process (worker processes only when `parse_workers` asks for them); a
cycle of many feeds reads figures in a worker process of its own (`figure_pool`), on the
other core, started only when a report first needs figures; SQLite runs on one dedicated
thread that owns the connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor  # the process pool's module: only if used
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, TypeVar

from tui.core.batches import Batcher, InTurn
from tui.core.clock import utc_now
from tui.core.config import Config, FeedSection
from tui.core.fetch import Fetcher, FetchResult
from tui.core.models import CycleFinished, Event, FeedFailed, FeedPolled
from tui.core.redirects import remembered_redirect
from tui.core.schedule import Schedule, next_poll_delay
from tui.core.store import Store, StoreError
from tui.core.store.poll_writer import (
    FeedState,
    LedgerContext,
    PollRecord,
    Write,
    WriteResult,
    ensure_feeds,
    feed_states,
    known_hashes,
    write_polls,
)
from tui.core.store.wal import keep_wal_bounded

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from tui.core.analyse import AnalysedFeed
    from tui.core.claims import FigureNamer
    from tui.core.figure_pool import FigureWorker
    from tui.core.figure_reader import FigureWords
    from tui.core.models import Claim
    from tui.core.story import StoryFilter

T = TypeVar("T")
Listener = Callable[[Event], None]


def __getattr__(name: str) -> Any:
    """`analyse_feed`, imported on first use: a cycle that fetched no body (all 304) never
    loads the parser, the extractor's tables or the figure worker's code. Looked up here
    at run time (not bound at import), so a test can replace it on the module."""
    if name == "analyse_feed":
        from tui.core.analyse import analyse_feed

        globals()[name] = analyse_feed
        return analyse_feed
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _analyse_feed() -> Callable[..., AnalysedFeed]:
    found: Callable[..., AnalysedFeed] = globals().get("analyse_feed") or __getattr__(
        "analyse_feed"
    )
    return found


# Below this many bodies in one cycle, starting worker processes costs more than it saves.
PROCESS_POOL_THRESHOLD = 8
WRITER_CACHE_KIB = 2048  # the poller's SQLite page cache (filled only as pages are read)
# Threads that parse and read figures when there are no worker processes. Python runs one
# of them at a time anyway; each more only holds another feed in memory and another malloc
# arena: peak memory of a first poll of 100 feeds, same CPU, was 136 MB with the loop's
# default six threads, 107 with three, 96 with two, 88 with one. Two, so that one
# pathological body (abandoned at the fetch deadline, its thread running on) does not
# stop the others.
ANALYSIS_THREADS = 2
# A body goes whole to the figure worker when at least this many feeds wait for the writer
# (this process is behind) and fewer requests wait for the worker than feeds for the writer.
WRITER_BEHIND = 2
# A cycle writes its feeds in the config's order, so the same bodies give the same ledger
# (change rows, their ids) whichever order the network answers in: each report is judged
# against the words written before it, and feeds landing in another order gave other
# verdicts (100 bench feeds: 267 of 4,932 change rows moved between two runs). A feed that
# is ready waits for the feeds before it still under way, for at most this long; then those
# are passed over and written as they come. A dashboard must not hold every feed's news
# for one slow server (up to its fetch deadline), and a parsed feed waiting holds its
# place in memory. So the ledger is the same for the same bodies whenever no feed comes
# this much later than the ones after it, as on loopback, a replay or a first poll of
# healthy feeds; a slow feed's reports are judged after the others', as they were before.
# (Judging every report of a cycle in its own published order instead would need all of
# them in hand before the first is judged: the whole cycle in memory, or a ledger that
# judges again every later word; the ledger does neither.)
WRITE_ORDER_HOLD = 2.0
# In a cycle of many feeds the writer waits for this many feeds (at most WRITE_LINGER s)
# before it writes them, in one transaction (`poll_writer.write_polls`): a commit per feed
# was a tenth of the store's CPU. Nothing is answered before its commit. Not more: a feed
# keeps its place in the cycle's window (2 x concurrency) until it is written, and 8
# gathered beside 8 being written left none for fetching and parsing (500 feeds: poller
# CPU 22-26 s with 8, 17.8-18.9 s with 4, 20.1 s with none, one run each, shared machine).
WRITE_GATHER = 4
WRITE_LINGER = 0.25


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


@dataclass(slots=True)
class _CycleWork:
    """Where one cycle's CPU work runs: all of it in parse workers (`use_pool`), or
    parsing here and figures in the cycle's figure worker (`want_figures`: made by the
    first report that needs figures, `figures` until then None), or all here; and the
    order its feeds are written in (`turns`, see WRITE_ORDER_HOLD)."""

    use_pool: bool
    want_figures: bool
    turns: InTurn
    figures: FigureWorker | None = None

    def figure_worker(self) -> FigureWorker:
        if self.figures is None:
            from tui.core.figure_pool import FigureWorker

            self.figures = FigureWorker()
        return self.figures


class Monitor:
    """Polls the configured feeds into one database. Not thread-safe: use from one loop."""

    def __init__(
        self,
        config: Config,
        db_path: Path,
        *,
        fetcher: Fetcher | None = None,
        clock: Callable[[], datetime] = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        parse_workers: int | None = None,
        figure_worker: bool | None = None,
    ) -> None:
        self.config = config
        self.db_path = db_path
        self._clock = clock
        self._rng = rng or random.Random()
        self._fetcher = fetcher or Fetcher(config.settings)
        self.schedule = Schedule(clock=monotonic)
        self._db_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storywatch-db")
        self._analysis_threads = ThreadPoolExecutor(
            max_workers=ANALYSIS_THREADS, thread_name_prefix="storywatch-analyse"
        )
        self._store: Store | None = None
        # Worker processes for parsing and figures; 0 runs them on a thread of this process.
        # The default is none (settings.parse_workers = 0). Measured with bench/poll.py:
        # since feedparser-rs a worker saves little wall time on two cores, and each costs
        # a second copy of what the extractor loads (imports, gazetteer: +90-110 MB for the
        # process tree) and ~15% more CPU (start-up, pickling results back).
        self._parse_workers = (
            config.settings.parse_workers if parse_workers is None else parse_workers
        )
        self._process_pool: ProcessPoolExecutor | None = None
        # A figure worker for cycles of many feeds: a first poll's figures are read on the
        # other core while this process parses and stores (bench/poll.py: 500 feeds, first
        # poll ~1.7x faster in wall time, the tree still under 150 MB). Pointless on one
        # core. Cycles of a few feeds (a dashboard's due feeds) read theirs here: starting
        # the worker (~0.3 s of CPU) costs more than the few reports it would read.
        if figure_worker is None:
            figure_worker = config.settings.figure_worker and _cores() >= 2
        self._figure_worker = figure_worker
        # Feeds' results reach the database thread in batches: one hop serves many feeds.
        self._writes: Batcher[Write, WriteResult] = Batcher(
            lambda writes: self._db(write_polls, writes, self._ledger_for(writes))
        )
        self._apply_config(config)

    # -- configuration -------------------------------------------------------------------

    def _apply_config(self, config: Config) -> None:
        previous = set(getattr(self, "_feeds", {}))
        self.config = config
        self._feeds = {feed.name: feed for feed in config.feeds if feed.enabled}
        # What reading and judging reports needs, made from this config when a body first
        # arrives (see `_reading`): an all-304 cycle never loads the extractor's names.
        self._reading_state: tuple[FigureNamer, FigureWords, StoryFilter] | None = None
        self._ledger: LedgerContext | None = None
        for name in previous - set(self._feeds):
            self.schedule.remove(name)
        for name in set(self._feeds) - previous:
            self.schedule.add(name)
        self._feeds_synced = False

    def _reading(self) -> tuple[FigureNamer, FigureWords, StoryFilter]:
        """The config's figure names, the words they read and the story filter."""
        if self._reading_state is None:
            from tui.core.claims import FigureNamer
            from tui.core.figure_reader import FigureWords
            from tui.core.story import StoryFilter

            namer = FigureNamer(self.config.figures)
            words = FigureWords.of(namer.synonyms(), namer.places(), namer.actors())
            # Compiled once per config and shipped to workers as is: no pydantic there.
            self._reading_state = namer, words, StoryFilter.from_config(self.config.story)
        return self._reading_state

    def _ledger_for(self, writes: list[Write]) -> LedgerContext | None:
        """The ledger's context, made when a write first brings reports to judge."""
        if self._ledger is None and any(analysed is not None for _, analysed, _ in writes):
            self._ledger = LedgerContext(
                self._reading()[0], timedelta(hours=self.config.settings.dispute_window_hours)
            )
        return self._ledger

    def reload(self, config: Config) -> None:
        """Take a new config between cycles; feeds that stay keep their place in the schedule."""
        self._apply_config(config)

    # -- running ---------------------------------------------------------------------------

    async def poll_cycle(
        self, *, only_due: bool = False, listener: Listener | None = None
    ) -> CycleFinished:
        """Poll every enabled feed (or only the due ones) once; store and report what happened."""
        emit = listener or (lambda event: None)
        names = list(self._feeds)  # the config's order: fetched, then written, in it
        if only_due:
            due = set(self.schedule.due())
            names = [name for name in names if name in due]
        try:
            if not self._feeds_synced:
                urls = {name: feed.url for name, feed in self._feeds.items()}
                await self._db(ensure_feeds, urls)
                self._feeds_synced = True
            states = await self._db(feed_states)
        except (sqlite3.Error, StoreError) as exc:
            # The database is unusable right now (locked past the busy timeout, full,
            # gone read-only): nothing is fetched, every due feed says why, the loop goes on.
            message = f"could not use the database: {exc}"
            failed = CycleFinished(
                len(names), len(names), 0, 0, 0, tuple((n, message) for n in names)
            )
            emit(failed)
            return failed
        # Bodies waiting to be parsed are held in memory: bound them, not just the fetches
        # (the Fetcher bounds those itself), so 500 fast feeds never sit in RAM at once.
        in_flight = asyncio.Semaphore(2 * self.config.settings.concurrency)
        many = len(names) >= PROCESS_POOL_THRESHOLD
        use_pool = many and self._parse_workers > 0
        # Started lazily, by the first report that needs figures: an all-304 cycle, or
        # one with nothing new on the story, never starts it.
        want_figures = many and self._figure_worker and not use_pool
        work = _CycleWork(use_pool, want_figures, InTurn(names, WRITE_ORDER_HOLD))
        if many:
            self._writes.gather, self._writes.linger = WRITE_GATHER, WRITE_LINGER

        async def one(name: str) -> tuple[str, tuple[int, int, int], str | None]:
            feed = self._feeds[name]
            state = states.get(name, FeedState(None, None, 0))
            try:
                _, result, error = await self._poll_feed(feed, state, in_flight, work, emit)
            finally:
                work.turns.done(name)  # written or not, the feeds after it go on
            # Only the counts are kept to the cycle's end: the events were emitted, and a
            # first poll of 500 feeds makes ~50,000 of them (~10 MB held for nothing).
            counts = (0, 0, 0)
            if result is not None:
                counts = (len(result.new_reports), len(result.new_revisions), len(result.changes))
            return name, counts, error

        try:
            outcomes = await asyncio.gather(*(one(name) for name in names))
        finally:
            self._writes.hurry()
            if work.figures is not None:  # its memory goes back between cycles
                await work.figures.aclose()
        finished = CycleFinished(
            feeds_polled=len(outcomes),
            feeds_failed=sum(1 for _, _, error in outcomes if error),
            new_reports=sum(counts[0] for _, counts, _ in outcomes),
            new_revisions=sum(counts[1] for _, counts, _ in outcomes),
            new_changes=sum(counts[2] for _, counts, _ in outcomes),
            errors=tuple((name, error) for name, _, error in outcomes if error),
        )
        if names:
            # Dashboards reading all the time would otherwise let the WAL grow without end.
            with contextlib.suppress(sqlite3.Error, StoreError):
                await self._db(keep_wal_bounded)
        emit(finished)
        return finished

    async def _poll_feed(
        self,
        feed: FeedSection,
        state: FeedState,
        in_flight: asyncio.Semaphore,
        work: _CycleWork,
        emit: Listener,
    ) -> tuple[str, WriteResult | None, str | None]:
        started, tick = self._clock(), time.perf_counter()
        # A parsed feed keeps its place until it is written, not only until it is parsed:
        # else, whenever the writer is the slower stage, parsed feeds (50 reports and their
        # texts each) pile up waiting for it, hundreds at 500 feeds.
        async with contextlib.AsyncExitStack() as slot:
            await slot.enter_async_context(in_flight)
            fetched, analysed, error = await self._fetch_and_analyse(feed, state, work)
            if analysed is None:
                await slot.aclose()  # nothing parsed to hold: the slot goes to the next feed
            await work.turns.wait(feed.name)
            return await self._record(
                feed, state, started, tick, fetched, analysed, error, emit, work.turns
            )

    async def _record(
        self,
        feed: FeedSection,
        state: FeedState,
        started: datetime,
        tick: float,
        fetched: FetchResult,
        analysed: AnalysedFeed | None,
        error: str | None,
        emit: Listener,
        turns: InTurn,
    ) -> tuple[str, WriteResult | None, str | None]:
        """Schedule the feed's next poll, store this one (handed to the writer in its turn,
        which goes to the next feed at once), and emit what it found."""
        ok = error is None
        failures = 0 if ok else state.consecutive_failures + 1
        delay = next_poll_delay(
            interval=feed.interval or self.config.settings.interval,
            ok=ok,
            consecutive_failures=failures,
            retry_after=fetched.retry_after,
            max_age=fetched.max_age,
            rng=self._rng,
        )
        self.schedule.set_next(feed.name, delay)
        record = PollRecord(
            feed=feed.name,
            started_at=started,
            duration_ms=int((time.perf_counter() - tick) * 1000),
            status="error" if error else fetched.status,
            http_status=fetched.http_status,
            bytes=fetched.bytes_read,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            error=error,
            warning=analysed.warning if analysed else None,
            next_poll_at=self._clock() + timedelta(seconds=delay),
            moved_to=remembered_redirect(
                state.moved_to, fetched.moved_to, failed=error is not None
            ),
        )
        written = self._writes.submit((record, analysed, self._clock()))
        turns.done(feed.name)
        if turns.all_done:  # the cycle's last feed: nothing more to wait for
            self._writes.hurry()
        try:
            result = await written
        except Exception as exc:  # a database fault: nothing was written for this feed
            message = f"could not store results: {exc}"
            emit(FeedFailed(feed.name, message, failures))
            return feed.name, None, message
        self._emit_results(feed.name, record, result, emit)
        return feed.name, result, error

    async def _fetch_and_analyse(
        self, feed: FeedSection, state: FeedState, work: _CycleWork
    ) -> tuple[FetchResult, AnalysedFeed | None, str | None]:
        """Fetch one feed and, if it sent a body, parse it. The error is a user's sentence."""
        fetched = await self._fetcher.fetch(
            state.moved_to or feed.url, etag=state.etag, last_modified=state.last_modified
        )
        analysed: AnalysedFeed | None = None
        error = fetched.error if fetched.status == "error" else None
        if fetched.status == "ok" and fetched.body is not None:
            # A parse that hangs (a pathological body) is abandoned at the fetch deadline so
            # the cycle and the other feeds go on; its worker finishes, or not, on its own.
            from tui.core.parse import NotAFeed

            limit = self.config.settings.deadline
            try:
                analysed = await asyncio.wait_for(
                    self._analyse(feed.name, fetched, work), timeout=limit
                )
            except NotAFeed as exc:
                error = str(exc)
            except TimeoutError:
                error = f"parsing took longer than {limit:g} s; skipped this poll"
            except Exception as exc:  # a parser or extractor bug must not end the cycle
                error = f"could not read the feed ({type(exc).__name__}: {exc})"
        return fetched, analysed, error

    def _emit_results(
        self, name: str, record: PollRecord, result: WriteResult, emit: Listener
    ) -> None:
        events: list[Event] = [*result.new_reports, *result.new_revisions, *result.changes]
        for event in events:
            emit(event)
        if record.error:
            emit(FeedFailed(name, record.error, result.consecutive_failures))
        emit(
            FeedPolled(
                feed=name,
                status=record.status,
                new_reports=len(result.new_reports),
                new_revisions=len(result.new_revisions),
                new_changes=len(result.changes),
                error=record.error,
            )
        )

    async def _analyse(self, feed: str, fetched: FetchResult, work: _CycleWork) -> AnalysedFeed:
        from tui.core.analyse import wanting_figures, with_figures
        from tui.core.figure_pool import WorkerGone
        from tui.core.figure_reader import report_text

        known = await self._db(known_hashes, feed)
        namer, words, story = self._reading()
        kwargs: dict[str, Any] = {
            "story": story,
            "synonyms": namer.synonyms(),
            "places": namer.places(),
            "actors": namer.actors(),
            "known_hashes": known,
            "now": self._clock(),
        }
        loop = asyncio.get_running_loop()
        args = (fetched.body or b"", dict(fetched.headers))
        analyse = _analyse_feed()
        if work.use_pool:
            return await loop.run_in_executor(self._pool(), _call, analyse, args, kwargs)
        if self._hand_over(work.figures):
            with contextlib.suppress(WorkerGone):  # else parsed here after all
                return await work.figures.analyse(*args, kwargs)
        # Parsed on a few threads of our own (see ANALYSIS_THREADS); figures read there too,
        # or by the figure worker while these threads go on to the next feed.
        kwargs["read_figures"] = not work.want_figures
        analysed = await loop.run_in_executor(self._analysis_threads, _call, analyse, args, kwargs)
        wanted = wanting_figures(analysed)
        if not wanted or not work.want_figures:
            return analysed
        texts = [
            (report_text(analysed.reports[i].report), analysed.reports[i].report.published)
            for i in wanted
        ]
        try:
            claims = await work.figure_worker().read(words, texts)
        except WorkerGone:  # no worker to be had: the same figures, read here
            claims = await loop.run_in_executor(self._analysis_threads, _read_here, words, texts)
        return with_figures(analysed, dict(zip(wanted, claims, strict=True)))

    def _hand_over(self, figures: FigureWorker | None) -> TypeGuard[FigureWorker]:
        """Whether the worker should take this whole feed (parse, filter and figures): when
        this process is the busier of the two, as more feeds wait for its writer than
        requests for the worker (already started by the figures of a feed). Where the time
        goes moves with the machine and the store's speed; this follows it feed by feed
        (500 feeds, bench/poll.py: main/worker CPU 20.1/14.5 s with a fixed "fewer than 2
        waiting" rule, 17.5/13.4 s with this one). Handing it a feed also whenever it had
        fewer than 2 requests gave it more to parse and the tree 1-2 MB more (151 MB), for
        no less wall time."""
        if figures is None or not figures.started:
            return False
        behind = self._writes.behind  # beyond the batch it gathers (WRITE_GATHER)
        return behind >= WRITER_BEHIND and figures.backlog < behind

    def _pool(self) -> ProcessPoolExecutor:
        if self._process_pool is None:
            from tui.core.parse_pool import parse_pool

            self._process_pool = parse_pool(self._parse_workers)
        return self._process_pool

    async def _db(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `func(store, *args)` on the database thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._db_thread, _call, self._with_store(func), args, kwargs
        )

    def _with_store(self, func: Callable[..., T]) -> Callable[..., T]:
        def bound(*args: Any, **kwargs: Any) -> T:
            if self._store is None:
                self._store = Store(self.db_path)
                # SQLite's default page cache (2 MB). Judging a poll's figures used to read
                # the claims' indexes again and again (8 MB cut the OS reads of a 100-feed
                # first poll from 170,000 pages to 13,000); the ledger is judged from memory
                # now, and at 500 feeds the 6 MB more kept the tree over its 150 MB budget.
                self._store.set_page_cache(WRITER_CACHE_KIB)
            return func(self._store, *args, **kwargs)

        return bound

    async def aclose(self) -> None:
        await self._fetcher.aclose()
        await self._writes.drain()
        if self._store is not None:
            store = self._store
            await asyncio.get_running_loop().run_in_executor(self._db_thread, store.close)
        self._db_thread.shutdown(wait=False)
        self._analysis_threads.shutdown(wait=False)
        if self._process_pool is not None:
            self._process_pool.shutdown(wait=False, cancel_futures=True)


def _call(func: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
    return func(*args, **kwargs)


def _read_here(words: FigureWords, texts: list[tuple[str, datetime]]) -> list[tuple[Claim, ...]]:
    from tui.core.figure_reader import reader_for

    reader = reader_for(words)
    return [reader.of(text, published) for text, published in texts]

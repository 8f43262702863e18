"""Poll-path benchmark: the whole `storywatch poll --once` process vs newsboat.

    uv run python bench/poll.py [--feeds 100,500] [--entries 50] [--repeats 3] [--quick]

For each feed count a loopback server (bench/server.py, its own process) serves generated
feeds (bench/feedgen.py). Each repeat, in a fresh temporary directory:
  * storywatch first poll (empty database) and second poll (every feed answers 304): the
    `storywatch` console script as a user runs it, start-up, imports and its parse
    worker included;
  * newsboat `-x reload` (reload-threads 8): first reload (empty cache), then reloads until
    the server sees conditional GETs answered 304 (newsboat 2.21 stores the validators only
    from its second reload on, so that is its third);
  * optionally (`--bare`) a bare loop: httpx + feedparser + sqlite-utils, no figures;
  * a profile of storywatch's stages one at a time, single process (`--no-split` skips it):
    fetch, parse, figures, pickling (what the parse worker ships back), store, and SQLite's
    own floor for the same report rows (batched inserts, no figures).
Every command is measured the same way: wall time around the process, its CPU from
`wait4` (its own and its reaped children's, so the parse worker is included) and the
peak resident size of the whole process tree (the sum over the process and its
descendants, sampled every 5 ms from /proc). Medians over repeats go to bench/README.md.
Benchmarks are not tests: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# `python bench/poll.py` puts bench/ first on sys.path, where bench/tui.py (the dashboard's
# benchmark) would shadow the `tui` package: the repository root goes first.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))
README = HERE / "README.md"
TICK = os.sysconf("SC_CLK_TCK")
MB = 1024 * 1024

Result = dict[str, Any]


# -- measuring ------------------------------------------------------------------------------


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


class Meter:
    """Wall and CPU of a block in this process (self + reaped children)."""

    def __enter__(self) -> Meter:
        self.wall0 = time.perf_counter()
        self.self0 = _cpu(resource.RUSAGE_SELF)
        self.child0 = _cpu(resource.RUSAGE_CHILDREN)
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu_self = _cpu(resource.RUSAGE_SELF) - self.self0
        self.cpu_children = _cpu(resource.RUSAGE_CHILDREN) - self.child0


def _peak_self() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


# -- configuration ----------------------------------------------------------------------------


def feed_urls(port: int, n: int) -> list[str]:
    return [f"http://127.0.0.1:{port}/feeds/{i}.xml" for i in range(n)]


def make_config(port: int, n: int, concurrency: int) -> Any:
    """The repo's feeds.toml story and figures, with the generated feeds."""
    from tui.core.config import Config

    data = tomllib.loads((ROOT / "feeds.toml").read_text(encoding="utf-8"))
    data["settings"] = {**data.get("settings", {}), "concurrency": concurrency}
    urls = feed_urls(port, n)
    data["feeds"] = [{"name": f"feed-{i:03d}", "url": url} for i, url in enumerate(urls)]
    return Config.model_validate(data)


# -- the whole storywatch process ----------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found += [int(c) for c in (task / "children").read_text().split()]
    return found


def tree_rss(root: int, cpu: dict[int, float] | None = None) -> int:
    """Resident bytes of a process and all its descendants, summed (shared pages count twice,
    so this is an upper bound on what the tree costs). With `cpu`, each descendant's CPU
    seconds so far (user + system, from /proc/PID/stat) are recorded in it by pid."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    break
            if cpu is not None and pid != root:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                cpu[pid] = (int(fields[11]) + int(fields[12])) / TICK  # utime, stime
        todo += _children(pid)
    return total


def tree_pss(root: int) -> int:
    """Proportional set size of a process and its descendants, summed: each shared page
    counts once over the tree (split between its sharers), what the tree really costs."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
        todo += _children(pid)
    return total


def run_process(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Result:
    """Wall, CPU (its own and its reaped children's, from wait4) and the peak resident size
    of the whole process tree (RSS summed, sampled every 5 ms; PSS summed, every 50 ms: it
    costs the kernel a walk of the page tables) of one command."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak, peak_pss, done = [0], [0], threading.Event()
    workers: dict[int, float] = {}  # a child's CPU as last sampled (at most 5 ms stale)

    def sample() -> None:
        ticks = 0
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(proc.pid, workers))
            if ticks % 10 == 0:
                peak_pss[0] = max(peak_pss[0], tree_pss(proc.pid))
            ticks += 1
            done.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    # wait4 counts the process and the children it reaped: the workers' part is split off.
    cpu_workers = min(sum(workers.values()), usage.ru_utime + usage.ru_stime)
    return {
        "wall": wall,
        "cpu_main": usage.ru_utime + usage.ru_stime - cpu_workers,
        "cpu_workers": cpu_workers,
        "workers": len(workers),
        "rss_main": usage.ru_maxrss * 1024,
        "rss_tree": max(peak[0], usage.ru_maxrss * 1024),
        "pss_tree": peak_pss[0],
        "rc": os.waitstatus_to_exitcode(status),
        "stderr": stderr[-2000:],
    }


def prepare_install() -> None:
    """Put the checkout in the state of an installed storywatch that has run once.

    * Bytecode: pip and uv (`compile-bytecode` in pyproject.toml) compile dependencies at
      install; the editable checkout is compiled here, so that no run pays for compiling
      sources when PYTHONDONTWRITEBYTECODE is set.
    * The gazetteer's cache, built on first use: in a directory of the benchmark's own
      (STORYWATCH_CACHE), warmed here, so other checkouts on a shared machine (whose
      gazetteer differs) cannot evict it mid-run and make every process rebuild it.
    """
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "tui")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    os.environ.setdefault("STORYWATCH_CACHE", str(Path(tempfile.gettempdir()) / "storywatch-bench"))
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from tui.core.claims import extract_claims as x; "
            "x('About 2,500 troops remain in Iraq.')",
        ],
        check=True,
        cwd=ROOT,
    )


def write_config(
    path: Path, port: int, n: int, concurrency: int, figure_worker: bool = True
) -> None:
    """The repo's feeds.toml (story, settings, figures) with the generated feeds instead."""
    kept, in_feed = [], False
    for line in (ROOT / "feeds.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            in_feed = line.strip() == "[[feeds]]"
        if line.startswith("concurrency"):
            line = f"concurrency = {concurrency}"
            if not figure_worker:
                line += "\nfigure_worker = false"
        if not in_feed:
            kept.append(line)
    for i, url in enumerate(feed_urls(port, n)):
        kept += ["", "[[feeds]]", f'name = "feed-{i:03d}"', f'url = "{url}"']
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")


def storywatch_process(spec: Result) -> Result:
    """`storywatch poll --once` as a user runs it: the console script, start-up included."""
    work = Path(spec["work"])
    worker = spec.get("figure_worker", True)
    config = work / ("feeds.toml" if worker else "feeds-no-worker.toml")
    if not config.exists():
        write_config(config, spec["port"], spec["feeds"], spec["concurrency"], worker)
    exe = Path(sys.executable).with_name("storywatch")
    result = run_process(
        [str(exe), "--config", str(config), "--db", spec["db"], "poll", "--once"], cwd=work
    )
    if result["rc"] != 0:
        raise RuntimeError(f"storywatch poll failed ({result['rc']}):\n{result['stderr']}")
    return result


# -- scenarios (each runs in its own process) -------------------------------------------------


def scenario_bare(spec: Result) -> Result:
    """The issue's baseline: httpx (8 at a time) + feedparser (defaults) + sqlite-utils."""
    import io

    import feedparser
    import httpx
    import sqlite_utils

    urls = feed_urls(spec["port"], spec["feeds"])

    async def fetch_all(validators: dict[str, tuple[str, str]]) -> list[tuple[str, httpx.Response]]:
        limits = httpx.Limits(max_connections=spec["concurrency"])
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:
            semaphore = asyncio.Semaphore(spec["concurrency"])

            async def one(url: str) -> tuple[str, httpx.Response]:
                headers = {}
                etag, modified = validators.get(url, ("", ""))
                if etag:
                    headers["If-None-Match"] = etag
                if modified:
                    headers["If-Modified-Since"] = modified
                async with semaphore:
                    return url, await client.get(url, headers=headers)

            return await asyncio.gather(*(one(u) for u in urls))

    with Meter() as meter:
        db = sqlite_utils.Database(spec["db"])
        db.enable_wal()
        validators: dict[str, tuple[str, str]] = {}
        if db["feeds"].exists():
            validators = {r["url"]: (r["etag"], r["modified"]) for r in db["feeds"].rows}
        responses = asyncio.run(fetch_all(validators))
        new = 0
        for url, response in responses:
            if response.status_code != 200:
                continue
            parsed = feedparser.parse(
                io.BytesIO(response.content), response_headers=dict(response.headers)
            )
            rows = [
                {
                    "id": f"{url}#{e.get('id') or e.get('link')}",
                    "feed": url,
                    "title": e.get("title", ""),
                    "link": e.get("link", ""),
                    "published": e.get("published", ""),
                    "summary": e.get("summary", ""),
                }
                for e in parsed.entries
            ]
            with db.conn:
                db["entries"].upsert_all(rows, pk="id")
                db["feeds"].upsert(
                    {
                        "url": url,
                        "etag": response.headers.get("etag", ""),
                        "modified": response.headers.get("last-modified", ""),
                    },
                    pk="url",
                )
            new += len(rows)
        db.close()
    return {
        "wall": meter.wall,
        "cpu_main": meter.cpu_self,
        "cpu_workers": meter.cpu_children,
        "rss_main": _peak_self(),
        "rss_workers": 0,
        "new_reports": new,
    }


def scenario_split(spec: Result) -> Result:
    """storywatch's stages one at a time, in this one process (no pool)."""
    import pickle

    from tui.core.analyse import AnalysedFeed, AnalysedReport, content_hash, report_text
    from tui.core.claims import FigureNamer, extract_claims
    from tui.core.clock import utc_now
    from tui.core.fetch import Fetcher
    from tui.core.parse import parse_feed
    from tui.core.store import Store
    from tui.core.store.poll_writer import (
        LedgerContext,
        PollRecord,
        ensure_feeds,
        known_hashes,
        write_feed_poll,
    )
    from tui.core.story import StoryFilter

    config = make_config(spec["port"], spec["feeds"], spec["concurrency"])
    feeds = config.feeds
    out: Result = {}

    def timed(name: str, func: Callable[[], Any]) -> Any:
        with Meter() as meter:
            value = func()
        out[f"{name}_wall"] = meter.wall
        out[f"{name}_cpu"] = meter.cpu_self
        return value

    async def fetch_all(validators: list[tuple[str | None, str | None]] | None) -> list[Any]:
        async with Fetcher(config.settings) as fetcher:
            return await asyncio.gather(
                *(
                    fetcher.fetch(f.url, etag=v[0], last_modified=v[1])
                    for f, v in zip(feeds, validators or [(None, None)] * len(feeds), strict=True)
                )
            )

    now = utc_now()
    fetched = timed("fetch", lambda: asyncio.run(fetch_all(None)))
    parsed = timed(
        "parse", lambda: [parse_feed(r.body or b"", r.headers, now=now) for r in fetched]
    )
    namer = FigureNamer(config.figures)
    synonyms = namer.synonyms()
    story = StoryFilter.from_config(config.story)

    def figures() -> list[AnalysedFeed]:
        analysed = []
        for feed in parsed:
            items = []
            for report in feed.reports:
                on_story = story.matches(report.title, report.text)
                claims = None
                if on_story:
                    claims = tuple(
                        extract_claims(
                            report_text(report), published=report.published, synonyms=synonyms
                        )
                    )
                items.append(AnalysedReport(report, content_hash(report), on_story, claims))
            analysed.append(AnalysedFeed(feed.title, feed.warning, tuple(items)))
        return analysed

    analysed = timed("figures", figures)
    out["on_story"] = sum(r.on_story for d in analysed for r in d.reports)
    out["claims"] = sum(len(r.claims or ()) for d in analysed for r in d.reports)
    blobs = timed("pickle", lambda: [pickle.dumps(d) for d in analysed])
    out["pickle_mb"] = sum(map(len, blobs)) / MB
    timed("unpickle", lambda: [pickle.loads(b) for b in blobs])
    ledger = LedgerContext(namer, timedelta(hours=config.settings.dispute_window_hours))

    def record(result: Any) -> Any:
        return PollRecord(
            feed=result_name[result.url],
            started_at=now,
            duration_ms=1,
            status=result.status,
            http_status=result.http_status,
            bytes=result.bytes_read,
            etag=result.etag,
            last_modified=result.last_modified,
        )

    result_name = {f.url: f.name for f in feeds}
    store = Store(Path(spec["db"]))
    ensure_feeds(store, {f.name: f.url for f in feeds})

    def store_all(results: list[Any], digests: list[Any]) -> None:
        for result, digest in zip(results, digests, strict=True):
            known_hashes(store, result_name[result.url])
            write_feed_poll(store, record(result), digest, ledger, now=now)

    timed("store", lambda: store_all(fetched, analysed))
    validators = [(r.etag, r.last_modified) for r in fetched]
    second = timed("fetch304", lambda: asyncio.run(fetch_all(validators)))
    out["304s"] = sum(r.status == "not_modified" for r in second)
    timed("store304", lambda: store_all(second, [None] * len(second)))
    store.close()
    floor = Store(Path(spec["db"] + ".floor"))
    ensure_feeds(floor, {f.name: f.url for f in feeds})
    timed("floor", lambda: sqlite_floor(floor, analysed, now))
    floor.close()
    out["rss_main"] = _peak_self()
    return out


def sqlite_floor(store: Any, analysed: list[Any], now: datetime) -> None:
    """SQLite's own cost for the same rows: per feed, one transaction of batched inserts of
    its reports, their versions (full-text index triggers included) and the on-story
    reports' claims, nothing else (no judging, no ledger lookups, no copies)."""
    from tui.core.store import iso

    conn = store.conn
    for feed_id, feed in enumerate(analysed, start=1):
        stamp = iso(now)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO reports (feed_id, entry_id, link, author, title, published,"
            " date_is_first_seen, first_seen_at, last_changed_at, on_story, revisions)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            [
                (
                    feed_id,
                    d.report.entry_id,
                    d.report.link,
                    d.report.author,
                    d.report.title,
                    iso(d.report.published),
                    0,
                    stamp,
                    stamp,
                    int(d.on_story),
                )
                for d in feed.reports
            ],
        )
        ids = dict(conn.execute("SELECT entry_id, id FROM reports WHERE feed_id = ?", [feed_id]))
        conn.executemany(
            "INSERT INTO report_versions (report_id, version, title, text, content_hash,"
            " updated, seen_at) VALUES (?, 1, ?, ?, ?, NULL, ?)",
            [
                (ids[d.report.entry_id], d.report.title, d.report.text, d.content_hash, stamp)
                for d in feed.reports
            ],
        )
        versions = dict(
            conn.execute(
                "SELECT v.report_id, v.id FROM report_versions v JOIN reports r"
                " ON r.id = v.report_id WHERE r.feed_id = ?",
                [feed_id],
            )
        )
        conn.executemany(
            "INSERT INTO claims (report_id, version_id, key, figure, surface, kind, bound, low,"
            " high, value, unit, thing, place, actor, source, speaker, predicate, as_of,"
            ' sentence, start, "end", observed_at)'
            " VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    ids[d.report.entry_id], versions[ids[d.report.entry_id]], c.key.as_text(),
                    c.surface, c.kind, c.bound, c.low, c.high, c.value, c.unit, c.thing,
                    c.place, c.actor, c.source, c.source or "feed", c.predicate, c.as_of,
                    c.sentence, c.start, c.end, iso(d.report.published),
                )
                for d in feed.reports
                for c in d.claims or ()
            ],
        )  # fmt: skip
        conn.execute("COMMIT")


SCENARIOS: dict[str, Callable[[Result], Result]] = {
    "bare": scenario_bare,
    "split": scenario_split,
}


def run_scenario(spec: Result) -> Result:
    """Run one scenario in a fresh Python process; its last stdout line is JSON."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--scenario", json.dumps(spec)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"scenario {spec['kind']} failed:\n{proc.stderr[-3000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


# -- newsboat ---------------------------------------------------------------------------------

NEWSBOAT_CONFIG = """\
reload-threads {threads}
max-items 0
download-timeout 60
download-retries 1
cleanup-on-quit yes
show-read-feeds yes
"""


def newsboat_reload(workdir: Path) -> Result:
    env = {
        **os.environ,
        "HOME": str(workdir),
        "XDG_CONFIG_HOME": str(workdir / "xdg"),
        "XDG_DATA_HOME": str(workdir / "xdg"),
        "TERM": os.environ.get("TERM", "xterm"),
    }
    cmd = ["newsboat", "-x", "reload", "-u", "urls", "-c", "cache.db", "-C", "config"]
    return run_process(cmd, cwd=workdir, env=env)


def newsboat_available() -> bool:
    with contextlib.suppress(OSError):
        version = subprocess.run(["newsboat", "--version"], capture_output=True, check=False)
        return version.returncode == 0
    return False


# -- the loopback server ----------------------------------------------------------------------


@contextlib.contextmanager
def feed_server(feeds: int, entries: int, latency_ms: float) -> Iterator[int]:
    cmd = [
        sys.executable,
        str(HERE / "server.py"),
        "--feeds",
        str(feeds),
        "--entries",
        str(entries),
        "--latency-ms",
        str(latency_ms),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        if not line.startswith("PORT "):
            raise RuntimeError(f"server did not start: {line!r}")
        yield int(line.split()[1])
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def server_stats(port: int, reset: bool = False) -> Result:
    path = "/stats/reset" if reset else "/stats"
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return dict(json.loads(response.read()))


def measured(port: int, func: Callable[[], Result]) -> Result:
    server_stats(port, reset=True)
    result = func()
    stats = server_stats(port)
    result["http_200"] = stats.get("status_200", 0)
    result["http_304"] = stats.get("status_304", 0)
    result["conditional"] = stats.get("conditional", 0)
    return result


# -- orchestration ----------------------------------------------------------------------------


def bench_size(n: int, args: argparse.Namespace, runs: dict[str, list[Result]]) -> None:
    """Fill `runs` as scenarios finish, so an interrupted run still reports what it has."""

    def keep(key: str, result: Result) -> None:
        runs.setdefault(key, []).append(result)
        print(
            f"  {key:<22} wall {result.get('wall', 0):7.2f} s  "
            f"cpu {result.get('cpu_main', 0) + result.get('cpu_workers', 0):7.2f} s  "
            f"tree {result.get('rss_tree', result.get('rss_main', 0)) / MB:6.0f} MB  "
            f"200/304 {result.get('http_200', '-')}/{result.get('http_304', '-')}",
            flush=True,
        )

    with feed_server(n, args.entries, args.latency_ms) as port:
        base = {"port": port, "feeds": n, "entries": args.entries, "concurrency": args.concurrency}
        for repeat in range(args.repeats):
            print(
                f"{n} feeds x {args.entries} entries, repeat {repeat + 1}/{args.repeats}",
                flush=True,
            )
            with tempfile.TemporaryDirectory(prefix="storywatch-bench-") as tmp:
                work = Path(tmp)
                sw = {**base, "work": tmp, "db": str(work / "sw.db")}
                keep("storywatch first", measured(port, lambda s=sw: storywatch_process(s)))
                keep("storywatch 304", measured(port, lambda s=sw: storywatch_process(s)))
                if args.serial:  # side by side: the same first poll, figures read in-process
                    serial = {**sw, "db": str(work / "serial.db"), "figure_worker": False}
                    keep(
                        "storywatch first, no worker",
                        measured(port, lambda s=serial: storywatch_process(s)),
                    )
                if args.newsboat:
                    nb = work / "newsboat"
                    nb.mkdir()
                    (nb / "urls").write_text("\n".join(feed_urls(port, n)) + "\n")
                    (nb / "config").write_text(NEWSBOAT_CONFIG.format(threads=args.concurrency))
                    keep("newsboat first", measured(port, lambda d=nb: newsboat_reload(d)))
                    for _ in range(3):  # until it sends validators: 2.21 saves them on reload 2
                        again = measured(port, lambda d=nb: newsboat_reload(d))
                        if again["http_304"] >= n:
                            break
                        runs.setdefault("newsboat reloads before 304", []).append(again)
                    keep("newsboat 304", again)
                if args.bare:
                    bare = {**base, "kind": "bare", "db": str(work / "bare.db")}
                    keep("bare loop first", measured(port, lambda s=bare: run_scenario(s)))
                    keep("bare loop 304", measured(port, lambda s=bare: run_scenario(s)))
                if not args.no_split:
                    split = {**base, "kind": "split", "db": str(work / "split.db")}
                    result = measured(port, lambda s=split: run_scenario(s))
                    runs.setdefault("split", []).append(result)
                    print(
                        "  split: "
                        + ", ".join(
                            f"{k[:-5]} {v:.2f}" for k, v in result.items() if k.endswith("_wall")
                        ),
                        flush=True,
                    )


def median(results: list[Result], key: str) -> float:
    values = [float(r.get(key, 0) or 0) for r in results]
    return statistics.median(values) if values else 0.0


def table(all_runs: dict[int, dict[str, list[Result]]], args: argparse.Namespace) -> str:
    lines = [
        "| feeds | system, poll | wall s | CPU s | peak RSS MB, whole tree | HTTP 200/304"
        " | vs newsboat: wall / CPU | notes |",
        "|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    goals: list[str] = []
    for n, runs in all_runs.items():
        for key in (
            "storywatch first",
            "storywatch first, no worker",
            "storywatch 304",
            "newsboat first",
            "newsboat 304",
            "bare loop first",
            "bare loop 304",
        ):
            results = runs.get(key)
            if not results:
                continue
            wall = median(results, "wall")
            cpu = median(results, "cpu_main") + median(results, "cpu_workers")
            tree = median(results, "rss_tree") or median(results, "rss_main")
            ratio = ""
            rival = runs.get("newsboat " + ("304" if key.endswith("304") else "first"))
            if key.startswith("storywatch") and rival and median(rival, "wall"):
                rival_cpu = median(rival, "cpu_main") + median(rival, "cpu_workers")
                ratio = f"{wall / median(rival, 'wall'):.2f}x / {cpu / rival_cpu:.2f}x"
            notes = ""
            if key.startswith("storywatch"):
                notes = (
                    f"main process alone {median(results, 'rss_main') / MB:.0f} MB; "
                    f"tree PSS {median(results, 'pss_tree') / MB:.0f} MB"
                )
                if median(results, "workers"):
                    notes += (
                        f"; CPU main {median(results, 'cpu_main'):.2f} s + figure worker "
                        f"{median(results, 'cpu_workers'):.2f} s"
                    )
            if key == "newsboat 304":
                extra = len(runs.get("newsboat reloads before 304", [])) // max(1, len(results))
                notes = f"{extra} extra reload(s) before it sent validators"
            lines.append(
                f"| {n} | {key} | {wall:.2f} | {cpu:.2f} | {tree / MB:.0f} | "
                f"{int(median(results, 'http_200'))}/{int(median(results, 'http_304'))} | "
                f"{ratio} | {notes} |"
            )
        goals += _goals(n, runs)
    if goals:
        lines += ["", "Issue 11's goals, from the medians above:", "", *goals]
    split_lines = [
        "",
        "Split of storywatch's poll (stages run one at a time, single process, no pool; "
        "wall s / CPU s; SQLite floor = the same report, version and claim rows as batched "
        "inserts alone):",
        "",
        "| feeds | fetch | parse | figures | pickle+unpickle | store | SQLite floor | sum | "
        "fetch 304 | store 304 | on-story / claims |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    any_split = False
    for n, runs in all_runs.items():
        results = runs.get("split")
        if not results:
            continue
        any_split = True

        def cell(*stages: str, r: list[Result] = results) -> str:
            wall = sum(median(r, f"{s}_wall") for s in stages)
            cpu = sum(median(r, f"{s}_cpu") for s in stages)
            return f"{wall:.2f} / {cpu:.2f}"

        split_lines.append(
            f"| {n} | {cell('fetch')} | {cell('parse')} | {cell('figures')} | "
            f"{cell('pickle', 'unpickle')} ({median(results, 'pickle_mb'):.0f} MB) | "
            f"{cell('store')} | {cell('floor')} | {cell('fetch', 'parse', 'figures', 'store')} | "
            f"{cell('fetch304')} | {cell('store304')} | "
            f"{int(median(results, 'on_story'))} / {int(median(results, 'claims'))} |"
        )
    text = "\n".join(lines)
    if any_split:
        text += "\n" + "\n".join(split_lines)
    return text


def _goals(n: int, runs: dict[str, list[Result]]) -> list[str]:
    """One line per goal of issue 11 (whole process, medians): met or not, and by what."""
    first, again = runs.get("storywatch first"), runs.get("storywatch 304")
    if not first or not again:
        return []
    lines = []
    rival_first, rival_304 = runs.get("newsboat first"), runs.get("newsboat 304")
    if rival_first:
        ratio = median(first, "wall") / median(rival_first, "wall")
        lines.append(
            f"* {n} feeds, first poll <= 1.0x newsboat: {_met(ratio <= 1.0)} ({ratio:.2f}x)"
        )
    wall_304 = median(again, "wall")
    line = f"* {n} feeds, all-304 poll < 1 s: {_met(wall_304 < 1.0)} ({wall_304:.2f} s"
    if rival_304:
        ratio = wall_304 / median(rival_304, "wall")
        line += f"); <= 0.2x newsboat: {_met(ratio <= 0.2)} ({ratio:.2f}x"
    lines.append(line + ")")
    tree = max(median(first, "rss_tree"), median(again, "rss_tree")) / MB
    lines.append(
        f"* {n} feeds, peak memory of the tree <= 150 MB: {_met(tree <= 150)} ({tree:.0f} MB)"
    )
    return lines


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def header(args: argparse.Namespace) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{stamp}; {platform.machine()} Linux, nproc {os.cpu_count()}, Python "
        f"{platform.python_version()}; {args.entries} entries per feed; medians of "
        f"{args.repeats} run(s); concurrency / reload-threads {args.concurrency}; "
        f"latency {args.latency_ms:g} ms."
    )


def write_readme(text: str) -> None:
    marker = "## Latest results"
    current = README.read_text(encoding="utf-8") if README.exists() else "# bench\n"
    before = current.split(marker, 1)[0].rstrip() + "\n\n"
    after = ""
    if marker in current:
        rest = current.split(marker, 1)[1]
        nxt = rest.find("\n## ")
        after = rest[nxt:] if nxt >= 0 else ""
    README.write_text(before + marker + "\n\n" + text + "\n" + after, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", default="100,500", help="comma-separated feed counts")
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="20 feeds x 10 entries, 1 run")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--no-newsboat", dest="newsboat", action="store_false")
    parser.add_argument("--bare", action="store_true", help="also the bare httpx+feedparser loop")
    parser.add_argument("--no-split", action="store_true")
    parser.add_argument(
        "--no-serial",
        dest="serial",
        action="store_false",
        help="skip the first poll without the figure worker (settings.figure_worker = false)",
    )
    parser.add_argument("--no-readme", action="store_true", help="print only")
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        spec = json.loads(args.scenario)
        print(json.dumps(SCENARIOS[spec["kind"]](spec)))
        return
    if args.quick:
        args.feeds, args.entries, args.repeats = "20", 10, 1
    prepare_install()
    if args.newsboat and not newsboat_available():
        print("newsboat not found: skipping it", file=sys.stderr)
        args.newsboat = False
    all_runs: dict[int, dict[str, list[Result]]] = {}
    note = ""
    try:
        for n in (int(x) for x in args.feeds.split(",")):
            bench_size(n, args, all_runs.setdefault(n, {}))
    except KeyboardInterrupt:
        note = " Interrupted: medians over the runs that finished."
    text = header(args) + note + "\n\n" + table(all_runs, args)
    print()
    print(text)
    if not args.no_readme and not args.quick:
        write_readme(text)


if __name__ == "__main__":
    main()

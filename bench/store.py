"""The STORE stage of a first poll on its own: writing N analysed feeds into a fresh database.

The feeds are `feedgen`'s (the same as `poll.py`'s), parsed and analysed once (figures
extracted) and cached in a pickle, so repeats time only `poll_writer.write_feed_poll`, one
transaction per feed, at a fixed `now`. CPU time (`process_time`) is the number to read on a
shared machine; wall is printed beside it. Medians over `--repeats`.

`--dump FILE` writes the ledger tables (claims, changes, figure_latest, reports, versions,
sketches, polls) of the last repeat, sorted, one row a line: two runs (before and after a
change of the store) must give identical files. `--dump-db DB FILE` dumps an existing
database the same way, leaving out the wall-clock columns; `--dump-named DB FILE` also names
every row id by what it stands for (feed/entry/version@offset): the quake replay polls its
feeds concurrently, so its ids depend on the order they land in.

    uv run python bench/store.py --feeds 100 --repeats 3
    uv run python bench/store.py --feeds 500 --repeats 1 --dump /tmp/ledger-500.txt
    uv run python bench/store.py --dump-db /tmp/q/storywatch.db /tmp/q.txt
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import pstats
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))
sys.path.append(str(HERE))  # feedgen

NOW = datetime(2025, 9, 2, 8, 0, tzinfo=UTC)  # after feedgen's newest entry
CLOCK_COLUMNS = {  # set from the wall clock by a real poll: left out of --dump-db
    "detected_at", "seen_at", "first_seen_at", "last_changed_at", "started_at",
    "duration_ms", "acknowledged_at", "last_polled_at", "last_success_at", "next_poll_at",
}  # fmt: skip
TABLES = {
    "claims": "id",
    "changes": "id",
    "figure_latest": "identity, speaker_key",
    "reports": "id",
    "report_versions": "id",
    "report_sketches": "report_id",
    "polls": "id",
}


def analysed_feeds(n: int, entries: int, cache: Path) -> tuple[Any, list[Any]]:
    """(config, the analysed feeds), from the cache when it has them."""
    from tui.core.config import Config

    data = tomllib.loads((ROOT / "feeds.toml").read_text(encoding="utf-8"))
    data["feeds"] = [{"name": f"feed-{i:03d}", "url": f"http://127.0.0.1:9/{i}"} for i in range(n)]
    config = Config.model_validate(data)
    path = cache / f"analysed-{n}x{entries}.pickle"
    if path.exists():
        return config, pickle.loads(path.read_bytes())
    import feedgen

    from tui.core.analyse import AnalysedFeed, AnalysedReport, content_hash, report_text
    from tui.core.claims import FigureNamer, extract_claims
    from tui.core.parse import parse_feed
    from tui.core.story import StoryFilter

    synonyms = FigureNamer(config.figures).synonyms()
    story = StoryFilter.from_config(config.story)
    analysed = []
    for body in feedgen.make_feeds(n, entries):
        feed = parse_feed(body, {}, now=NOW)
        items = []
        for report in feed.reports:
            on_story = story.matches(report.title, report.text)
            claims = None
            if on_story:
                text = report_text(report)
                claims = tuple(extract_claims(text, published=report.published, synonyms=synonyms))
            items.append(AnalysedReport(report, content_hash(report), on_story, claims))
        analysed.append(AnalysedFeed(feed.title, feed.warning, tuple(items)))
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(analysed))
    return config, analysed


def store_all(
    db: Path, config: Any, analysed: list[Any], *, reference: bool = False
) -> tuple[float, float]:
    """Write every feed's first poll into a fresh `db`: (wall, CPU) seconds."""
    from tui.core.claims import FigureNamer
    from tui.core.store import Store
    from tui.core.store.poll_writer import LedgerContext, PollRecord, ensure_feeds, write_feed_poll

    store = Store(db)
    ensure_feeds(store, {f.name: f.url for f in config.feeds})
    hours = config.settings.dispute_window_hours
    ledger = LedgerContext(FigureNamer(config.figures), timedelta(hours=hours))
    wall, cpu = time.perf_counter(), time.process_time()
    for feed, digest in zip(config.feeds, analysed, strict=True):
        record = PollRecord(feed=feed.name, started_at=NOW, duration_ms=1, status="ok")
        write_feed_poll(store, record, digest, ledger, now=NOW, reference=reference)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    store.close()
    return wall, cpu


def floor_all(db: Path, config: Any, analysed: list[Any]) -> float:
    """`poll.py`'s SQLite floor for the same rows (batched inserts, no judging): CPU seconds."""
    import importlib.util

    from tui.core.store import Store
    from tui.core.store.poll_writer import ensure_feeds

    spec = importlib.util.spec_from_file_location("bench_poll", HERE / "poll.py")
    assert spec is not None and spec.loader is not None
    poll = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(poll)
    store = Store(db)
    ensure_feeds(store, {f.name: f.url for f in config.feeds})
    cpu = time.process_time()
    poll.sqlite_floor(store, analysed, NOW)
    cpu = time.process_time() - cpu
    store.close()
    return cpu


def dump(db: Path, out: Path, *, skip: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """The ledger tables, sorted, one JSON row a line (floats by repr: exact)."""
    conn = sqlite3.connect(db)
    with out.open("w", encoding="utf-8") as handle:
        for table, order in TABLES.items():
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
            names = [d[0] for d in cursor.description]
            keep = [i for i, name in enumerate(names) if name not in skip]
            handle.write(f"# {table}: {', '.join(names[i] for i in keep)}\n")
            for row in cursor:
                handle.write(json.dumps([repr(row[i]) for i in keep]) + "\n")
    conn.close()


# The same tables with every row id replaced by what it names (feed, entry, version, place
# in the text): a real poll's feeds land in any order, so ids differ from run to run.
_CLAIM_OF = """(SELECT f.name || '/' || r.entry_id || '/v' || v.version || '@' || c.start || '-'
    || c."end" FROM claims c JOIN report_versions v ON v.id = c.version_id
    JOIN reports r ON r.id = c.report_id JOIN feeds f ON f.id = r.feed_id WHERE c.id = {})"""
_NAMED = {
    "claims": f"SELECT {_CLAIM_OF.format('x.id')} AS claim, x.key, x.figure, x.surface, x.kind,"
    " x.bound, x.low, x.high, x.value, x.unit, x.thing, x.place, x.actor, x.source, x.speaker,"
    " x.predicate, x.as_of, x.sentence, x.observed_at FROM claims x",
    "changes": f"SELECT {_CLAIM_OF.format('x.claim_id')}, {_CLAIM_OF.format('x.old_claim_id')},"
    " x.key, x.figure, x.verdict, x.within_margin FROM changes x",
    "figure_latest": f"SELECT x.identity, x.speaker_key, {_CLAIM_OF.format('x.claim_id')},"
    " x.observed_at, x.low, x.high FROM figure_latest x",
    "reports": "SELECT f.name, r.entry_id, r.link, r.title, r.published, r.on_story, r.revisions,"
    " (SELECT g.name || '/' || o.entry_id FROM reports o JOIN feeds g ON g.id = o.feed_id"
    " WHERE o.id = r.copy_of) FROM reports r JOIN feeds f ON f.id = r.feed_id",
}


def dump_named(db: Path, out: Path) -> None:
    """`_NAMED`'s rows, sorted: comparable across runs whose feeds landed in another order."""
    conn = sqlite3.connect(db)
    with out.open("w", encoding="utf-8") as handle:
        for table, sql in _NAMED.items():
            rows = sorted(json.dumps([repr(v) for v in row]) for row in conn.execute(sql))
            handle.write(f"# {table}\n" + "".join(row + "\n" for row in rows))
    conn.close()


def replay(feeds_dir: Path, config_file: Path, out: Path) -> None:
    """Replay a story's polls (`score_story.py --keep`'s feeds/poll_KK.xml and feeds.toml) in
    one fixed order, into two databases: the ledger judged in memory and by SQL reads. Writes
    both dumps (`out`.index, `out`.sql) and says whether they are identical."""
    from tui.core.analyse import analyse_feed
    from tui.core.claims import FigureNamer
    from tui.core.config import parse_config
    from tui.core.store import Store
    from tui.core.store.poll_writer import (
        LedgerContext,
        PollRecord,
        ensure_feeds,
        known_hashes,
        write_feed_poll,
    )
    from tui.core.story import StoryFilter

    config = parse_config(config_file.read_text(encoding="utf-8"))
    namer = FigureNamer(config.figures)
    hours = config.settings.dispute_window_hours
    ledger = LedgerContext(namer, timedelta(hours=hours))
    story = StoryFilter.from_config(config.story)
    names = sorted(p.name for p in feeds_dir.iterdir() if p.is_dir())
    polls = sorted({p.name for name in names for p in (feeds_dir / name).glob("poll_*.xml")})
    with tempfile.TemporaryDirectory() as tmp:
        stores = {mode: Store(Path(tmp) / f"{mode}.db") for mode in ("index", "sql")}
        for store in stores.values():
            ensure_feeds(store, {f.name: f.url for f in config.feeds})
        for k, poll in enumerate(polls):
            now = NOW + timedelta(hours=6 * k)
            for name in names:
                body = (
                    (feeds_dir / name / poll).read_bytes()
                    if (feeds_dir / name / poll).exists()
                    else None
                )
                if body is None:
                    continue
                analysed = analyse_feed(
                    body, {}, story=story, synonyms=namer.synonyms(), places=namer.places(),
                    actors=namer.actors(), known_hashes=known_hashes(stores["index"], name),
                    now=now,
                )  # fmt: skip
                for mode, store in stores.items():
                    record = PollRecord(feed=name, started_at=now, duration_ms=1, status="ok")
                    write_feed_poll(
                        store, record, analysed, ledger, now=now, reference=mode == "sql"
                    )
        for mode, store in stores.items():
            store.close()
            dump(Path(tmp) / f"{mode}.db", out.with_suffix(f".{mode}"))
    same = out.with_suffix(".index").read_bytes() == out.with_suffix(".sql").read_bytes()
    print(f"{len(polls)} polls of {len(names)} feeds: {'identical' if same else 'DIFFERENT'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "sw-bench-store")
    ap.add_argument("--dump", type=Path, help="write the last repeat's ledger tables here")
    ap.add_argument("--dump-db", nargs=2, type=Path, metavar=("DB", "FILE"))
    ap.add_argument(
        "--replay", nargs=3, type=Path, metavar=("FEEDS", "CONFIG", "OUT"),
        help="a kept story replay, both ways (see `replay`)",
    )  # fmt: skip
    ap.add_argument(
        "--dump-named", nargs=2, type=Path, metavar=("DB", "FILE"), help="ids as what they name"
    )
    ap.add_argument(
        "--reference", action="store_true", help="judge with SQL reads (poll_writer's reference)"
    )
    ap.add_argument("--profile", type=int, default=0, help="print the top N of a cProfile")
    args = ap.parse_args()
    if args.dump_db:
        dump(*args.dump_db, skip=CLOCK_COLUMNS)
        return
    if args.replay:
        replay(*args.replay)
        return
    if args.dump_named:
        dump_named(*args.dump_named)
        return
    config, analysed = analysed_feeds(args.feeds, args.entries, args.cache)
    claims = sum(len(r.claims or ()) for feed in analysed for r in feed.reports)
    on_story = sum(r.on_story for feed in analysed for r in feed.reports)
    print(f"{args.feeds} feeds x {args.entries}: {on_story} on-story reports, {claims} claims")
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeats):
            db = Path(tmp) / f"store-{i}.db"
            profile = cProfile.Profile() if args.profile else None
            if profile:
                profile.enable()
            wall, cpu = store_all(db, config, analysed, reference=args.reference)
            if profile:
                profile.disable()
                pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
            walls.append(wall)
            cpus.append(cpu)
            print(f"  run {i + 1}: store {wall:.2f} s wall, {cpu:.2f} s CPU")
        if args.dump:
            dump(db, args.dump)
        floors = [floor_all(Path(tmp) / f"floor-{i}.db", config, analysed) for i in range(3)]
    floor = statistics.median(floors)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process (analysed feeds included): {peak:.0f} MB")
    print(f"SQLite floor for the same rows, median of 3: {floor:.2f} s CPU")
    print(
        f"store stage, median of {args.repeats}: {statistics.median(walls):.2f} s wall, "
        f"{statistics.median(cpus):.2f} s CPU ({1000 * statistics.median(cpus) / claims:.3f} ms "
        f"CPU per claim; {statistics.median(cpus) / floor:.1f}x the floor)"
    )


if __name__ == "__main__":
    main()

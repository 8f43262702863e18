"""Benchmark the figure extractor: sentences per second and cold start.

Run: uv run python bench/extract.py [--repeats N] [--cold N]
Two corpora: one generated from news-style templates (about half the sentences carry a
figure; no network), and the real labelled sentences of ../shared/realnews/claims-dev.jsonl
when that directory is there (every one of them carries figures: the harder case).
Throughput is sentences per CPU second of this process (`time.process_time`), the median
of N passes: on a shared 2-core machine wall time mostly measures the neighbours. Cold
start is the median wall time of the whole `storywatch extract` process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# Python puts this script's directory first on sys.path, and bench/ holds scripts named
# like the project's package (bench/tui.py): drop it so that `tui` is the package.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

from tui.core.claims import extract_claims  # noqa: E402
from tui.core.claims.sentences import sentence_spans  # noqa: E402

FIGURE_TEMPLATES = [
    "About {n} US troops remain in {place}, the Pentagon said on {day}.",
    "Officials said more than {n} soldiers will leave {place} by the end of September.",
    "Iraqi sources put the number at over {n}, while Washington gave a lower figure.",
    "The US has pledged ${m} million in aid to {place}, according to the State Department.",
    "Between {n} and {n2} service members are stationed at bases in {place}.",
    "At least {k} people were killed when rockets struck near {place}.",
    "Troop levels fell from {n2} to {n} over the past two years.",
    "Dozens of advisers arrived in {place} this week, a spokesman said.",
]
PLAIN_TEMPLATES = [
    "The prime minister met the envoy in {place} on {day} to discuss the security partnership.",
    "Questions remain about the future of the coalition's mission in the region.",
    "Analysts say the move reflects a broader shift in Washington's priorities.",
    "The G7 statement made no mention of {place}.",
    "Residents of {place} said the night had been quiet.",
    "Read the full statement on the ministry's website.",
]
PLACES = ["Iraq", "Syria", "Kuwait", "Erbil", "Baghdad", "Anbar", "Jordan", "Ain al-Asad"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def corpus(paragraphs: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    reports = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(10):
            pool = FIGURE_TEMPLATES if rng.random() < 0.5 else PLAIN_TEMPLATES
            n = rng.randrange(100, 5000)
            sentences.append(
                rng.choice(pool).format(
                    n=f"{n:,}",
                    n2=f"{n + rng.randrange(100, 900):,}",
                    m=rng.randrange(5, 900),
                    k=rng.randrange(2, 60),
                    place=rng.choice(PLACES),
                    day=rng.choice(DAYS),
                )
            )
        reports.append(" ".join(sentences[:5]) + "\n\n" + " ".join(sentences[5:]))
    return reports


REAL_NEWS = _HERE.parent.parent / "shared" / "realnews" / "claims-dev.jsonl"


def real_texts() -> list[str]:
    """The labelled real sentences beside the project (../shared), when present."""
    if not REAL_NEWS.exists():
        return []
    return [json.loads(line)["text"] for line in REAL_NEWS.read_text("utf-8").splitlines()]


def throughput(
    repeats: int = 5, reports: int = 300, texts: list[str] | None = None
) -> tuple[float, int]:
    """Median sentences per CPU second over `texts` (default: the template corpus), and
    the figures found per pass."""
    stats = measure(texts if texts is not None else corpus(reports), repeats)
    return stats.rate, stats.figures


@dataclass(frozen=True)
class Throughput:
    texts: int
    sentences: int
    figures: int
    cpu_seconds: list[float]  # one per pass

    @property
    def rate(self) -> float:
        """Median sentences per CPU second."""
        return self.sentences / statistics.median(self.cpu_seconds)


def measure(texts: list[str], repeats: int) -> Throughput:
    """CPU time of `repeats` passes of `extract_claims` over `texts`, after one warm-up
    pass (imports, the gazetteer and the compiled patterns are not what is measured).

    Extraction is single-threaded and CPU-bound, so this process's CPU time is what it
    costs; wall time on a shared 2-core machine mostly measures the neighbours."""
    published = datetime(2025, 9, 10, tzinfo=UTC)
    sentences = sum(len(sentence_spans(t).starts) for t in texts)
    figures = sum(len(extract_claims(t, published=published)) for t in texts)
    times = []
    for _ in range(repeats):
        start = time.process_time()
        for t in texts:
            extract_claims(t, published=published)
        times.append(time.process_time() - start)
    return Throughput(len(texts), sentences, figures, times)


def cold_start(repeats: int = 7) -> float:
    """Median wall time of the real `storywatch extract --json` on one sentence: the
    whole process, the gazetteer's cached index included."""
    return cold_start_times(repeats)[0]


def cold_start_times(repeats: int = 7, *, bytecode: bool = True) -> tuple[float, float]:
    """Medians of (wall, CPU) seconds of the whole `storywatch extract --json` process on
    one sentence, the gazetteer's cached index included. CPU is user + system time of
    the child: on a loaded machine the wall time also counts waiting for a core.

    With `bytecode`, the child may cache its compiled modules (in a temporary directory,
    not the source tree), as an installed storywatch has them (installers compile them);
    without, it compiles every module from source on every start, as it does when
    PYTHONDONTWRITEBYTECODE is set (some development shells set it)."""
    command = [str(Path(sys.executable).parent / "storywatch"), "extract", "--json", "-"]
    sentence = b"About 2,500 US troops remain in Iraq, the Pentagon said."
    with tempfile.TemporaryDirectory(prefix="storywatch-bench-") as cache:
        env = dict(os.environ)
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"

        def run() -> None:
            subprocess.run(command, input=sentence, check=True, capture_output=True, env=env)

        run()  # warm: the gazetteer's cache file and, with `bytecode`, the compiled modules
        walls, cpus = [], []
        for _ in range(repeats):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            run()
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7, help="passes per corpus (median)")
    parser.add_argument("--cold", type=int, default=7, help="cold-start runs (median)")
    args = parser.parse_args()
    corpora = {"template corpus": corpus(300)}
    real = real_texts()
    if real:
        corpora["real news (claims-dev)"] = real
    else:
        print(f"(no {REAL_NEWS}: the real-news corpus is left out)")
    print(
        f"{'corpus':<24}{'texts':>7}{'sentences':>11}{'figures':>9}"
        f"{'CPU s/pass':>12}{'sentences/s':>13}{'target':>11}"
    )
    for name, texts in corpora.items():
        t = measure(texts, args.repeats)
        print(
            f"{name:<24}{t.texts:>7,}{t.sentences:>11,}{t.figures:>9,}"
            f"{statistics.median(t.cpu_seconds):>12.3f}{t.rate:>13,.0f}{'>= 10,000':>11}"
        )
    for bytecode, how in ((True, "bytecode cached, as installed"), (False, "from source")):
        wall, cpu = cold_start_times(args.cold, bytecode=bytecode)
        print(
            f"cold start, storywatch extract, {how} (median of {args.cold}):"
            f" wall {wall:.3f} s, CPU {cpu:.3f} s (target < 0.3 s)"
        )
    print(f"medians of {args.repeats} passes, CPU time of this process")


if __name__ == "__main__":
    main()

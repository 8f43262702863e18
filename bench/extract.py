"""Benchmark the figure extractor: sentences per second and cold start.

Run: uv run python bench/extract.py
The corpus is generated from news-style templates (about half the sentences carry a
figure); no network. Medians over several repeats, because the machine is noisy.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
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
    """Median sentences per CPU second over `texts` (default: the template corpus).

    Extraction is single-threaded and CPU-bound, so this process's CPU time is what it
    costs; wall time on a shared 2-core machine mostly measures the neighbours."""
    texts = texts if texts is not None else corpus(reports)
    published = datetime(2025, 9, 10, tzinfo=UTC)
    sentences = sum(len(sentence_spans(t).starts) for t in texts)
    rates = []
    figures = 0
    for _ in range(repeats):
        start = time.process_time()
        figures = sum(len(extract_claims(t, published=published)) for t in texts)
        rates.append(sentences / (time.process_time() - start))
    return statistics.median(rates), figures


def cold_start(repeats: int = 7) -> float:
    """Median wall time of the real `storywatch extract --json` on one sentence: the
    whole process, the gazetteer's cached index included."""
    command = [str(Path(sys.executable).parent / "storywatch"), "extract", "--json", "-"]
    sentence = b"About 2,500 US troops remain in Iraq, the Pentagon said."
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, input=sentence, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rate, figures = throughput()
    real = real_texts()
    real_rate, real_figures = throughput(texts=real) if real else (0.0, 0)
    cold = cold_start()
    print(f"{'measure':<40}{'median':>12}{'target':>12}")
    print(f"{'sentences/s, template corpus':<40}{rate:>12,.0f}{'>= 10,000':>12}")
    if real:
        print(f"{'sentences/s, real news (claims-dev)':<40}{real_rate:>12,.0f}{'>= 10,000':>12}")
    print(f"{'cold start: storywatch extract':<40}{cold:>11.3f}s{'< 0.3 s':>12}")
    print(f"{'figures found per pass (template, real)':<40}{figures:>12,}{real_figures:>12,}")


if __name__ == "__main__":
    main()

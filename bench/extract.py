"""Benchmark the figure extractor: sentences per second and cold start.

Run: uv run python bench/extract.py
The corpus is generated from news-style templates (about half the sentences carry a
figure); no network. Medians over several repeats, because the machine is noisy.
"""

from __future__ import annotations

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


def throughput(repeats: int = 5, reports: int = 300) -> tuple[float, int]:
    texts = corpus(reports)
    published = datetime(2025, 9, 10, tzinfo=UTC)
    sentences = reports * 10
    rates = []
    figures = 0
    for _ in range(repeats):
        start = time.perf_counter()
        figures = sum(len(extract_claims(t, published=published)) for t in texts)
        rates.append(sentences / (time.perf_counter() - start))
    return statistics.median(rates), figures


def cold_start(repeats: int = 5) -> float:
    code = (
        "import tui.core.claims as c; "
        "c.extract_claims('About 2,500 US troops remain in Iraq, the Pentagon said.')"
    )
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rate, figures = throughput()
    cold = cold_start()
    print(f"{'measure':<34}{'median':>12}{'target':>12}")
    print(f"{'sentences/s (extract_claims)':<34}{rate:>12,.0f}{'>= 10,000':>12}")
    print(f"{'cold start: import + 1 extraction':<34}{cold:>11.3f}s{'< 0.3 s':>12}")
    print(f"{'figures found per pass':<34}{figures:>12,}")


if __name__ == "__main__":
    main()

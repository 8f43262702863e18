"""The extractor on real news: ../shared/realnews/claims-dev.jsonl (541 labelled real
sentences), scored by the shared scorer through the real `storywatch extract --json`.

Skips, with the reason, on a clone without ../shared. The floors are the lowest scores
we accept; the printed table and misses show where the extractor stands.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "realnews" / "claims-dev.jsonl"
SCORER = SHARED / "tools" / "score_claims.py"
# Issue 9's targets are F1 0.92, value/bound 0.95, thing/place 0.85, actor/source 0.80,
# as_of 0.90, dates 80%. Each floor sits a little under what the extractor scores now, so
# that a regression fails.
FLOORS = {
    "F1": 0.97,
    "P": 0.97,
    "R": 0.97,
    "value": 0.98,
    "bound": 0.98,
    "thing": 0.87,
    "place": 0.87,
    "actor": 0.83,
    "source": 0.93,
    "as_of": 0.90,
    "date_found": 0.95,
}


def _storywatch() -> str:
    found = Path(sys.executable).parent / "storywatch"
    return str(found) if found.exists() else (shutil.which("storywatch") or "storywatch")


@pytest.mark.skipif(not DEV.exists(), reason=f"no real-news data at {DEV} (../shared absent)")
def test_real_news_scores_hold_their_floors() -> None:
    run = subprocess.run(
        [sys.executable, str(SCORER), str(DEV), "--storywatch", _storywatch(), "--misses", "40"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    print(run.stdout[-8000:])
    assert run.returncode == 0, run.stderr[-2000:]
    counts, summary = run.stdout.strip().splitlines()[-2:]
    scores = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)(?!/)", summary)}
    # The line before the summary gives found/gold counts for dates and durations.
    scores |= {k: int(a) / int(b) for k, a, b in re.findall(r"(\w+_found)=(\d+)/(\d+)", counts)}
    low = {k: (scores.get(k), floor) for k, floor in FLOORS.items() if scores.get(k, 0) < floor}
    assert not low, f"below the floor (got, floor): {low}\n{summary}"

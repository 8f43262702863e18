"""Scores the figure extractor against hand-labelled sentences.

dev.jsonl is for tuning and carries the hard floors; test.jsonl was written first and
frozen, and only its scores are printed (with a looser floor) so that regressions show.
A predicted figure matches a gold one when their surface spans overlap.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.claims import extract_claims
from tui.core.claims.date_claims import is_bare
from tui.core.models import Claim

DATA = Path(__file__).parent.parent / "data" / "figures"


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    fields: dict[str, int] = field(default_factory=dict)

    def rate(self, name: str) -> float:
        return self.fields.get(name, 0) / self.matched if self.matched else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def table(self, name: str) -> str:
        cells = [f"P={self.precision:.3f}", f"R={self.recall:.3f}", f"F1={self.f1:.3f}"]
        cells += [f"{k}={self.rate(k):.3f}" for k in ("value", "bound", "thing", "place", "source")]
        return f"{name}: gold={self.gold} predicted={self.predicted} " + " ".join(cells)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def _span(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


def score(path: Path) -> Scores:
    scores = Scores()
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text = item["text"]
        published = datetime.fromisoformat(item["published"]).replace(tzinfo=UTC)
        # The sets label dates only where they date an event (the old contract): a bare
        # date or a duration is reported apart, as the real-news scorer does.
        claims = [c for c in extract_claims(text, published=published) if not is_bare(c)]
        gold = item["figures"]
        scores.gold += len(gold)
        scores.predicted += len(claims)
        used: set[int] = set()
        for g in gold:
            g_start, g_end = _span(text, g["surface"])
            hit: Claim | None = None
            for i, c in enumerate(claims):
                if i not in used and c.start < g_end and g_start < c.end:
                    hit = c
                    used.add(i)
                    break
            if hit is None:
                continue
            scores.matched += 1
            checks = {
                "value": _close(hit.low, g["low"]) and _close(hit.high, g["high"]),
                "bound": hit.bound == g["bound"],
                "thing": hit.thing == g["thing"],
                "place": hit.place == g["place"],
                "source": hit.source == g["source"],
            }
            for name, ok in checks.items():
                scores.fields[name] = scores.fields.get(name, 0) + int(ok)
    return scores


def test_dataset_is_large_enough() -> None:
    lines = sum(len(p.read_text().splitlines()) for p in DATA.glob("*.jsonl"))
    assert lines >= 250


def test_dev_scores() -> None:
    s = score(DATA / "dev.jsonl")
    print(s.table("dev"))
    assert s.f1 >= 0.95
    assert s.rate("value") >= 0.95
    assert s.rate("bound") >= 0.95
    assert s.rate("thing") >= 0.85
    assert s.rate("place") >= 0.80
    assert s.rate("source") >= 0.80


def test_test_scores(capsys: pytest.CaptureFixture[str]) -> None:
    s = score(DATA / "test.jsonl")
    with capsys.disabled():
        print("\n" + s.table("test"))
    assert s.f1 >= 0.80
    assert s.rate("value") >= 0.80

"""A headline's figures are stored, never judged, when a body follows
(`analyse.headline_figures`). Each row: a headline, a body, the headline figures set apart.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.analyse import body_start, headline_figures, report_text
from tui.core.claims.extract import extract_claims
from tui.core.models import Report

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)

ROWS = [
    # the headline rounds the body's two tolls into a sum of its own: no one said 3,000
    ("rounded-sum", "More than 3,000 dead as floods sweep the provinces",
     "Floods killed 2,140 people in the north and 1,020 in the south, officials said.",
     {"More than 3,000"}),
    # "at least 700" over a precise 742: the body's figure is the word, the headline a rounding
    ("rounded-down", "Storm toll: at least 700 dead",
     "The storm has killed 742 people, the civil protection agency said on Friday.",
     {"at least 700"}),
    # the same number in the body: the body's figure says who and where, it is judged
    ("restated-by-body", "Flood toll passes 1,200",
     "The death toll from the floods passed 1,200 on Thursday, the ministry said.",
     {"passes 1,200"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "text", "apart"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_headline_figures(title: str, text: str, apart: set[str]) -> None:
    report = Report("e", title, None, None, NOW, None, text)
    claims = tuple(extract_claims(report_text(report), published=NOW))
    body = body_start(report)
    got = headline_figures(claims, body)
    assert {c.surface for c in got} == apart
    assert all(c.start >= body for c in claims if c not in got), "the body's are judged"


def test_no_body_no_headline_apart() -> None:
    """A report that is only a title (or repeats it as its body) has no body to defer to:
    its figures are judged."""
    for text in ("", "Flood toll rises to 1,200"):
        report = Report("e", "Flood toll rises to 1,200", None, None, NOW, None, text)
        claims = tuple(extract_claims(report_text(report), published=NOW))
        assert claims and not headline_figures(claims, body_start(report))
